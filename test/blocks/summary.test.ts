import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/backup/types.js';
import { ACTION } from '../../src/blocks/actions.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { everyDay, tally } from '../../src/blocks/summary-data.js';
import { summaryMessage, summaryMessages } from '../../src/blocks/summary-message.js';
import { dailyRows, NOW, summary } from './fixtures.js';
import { allText, blocksOf, element, textsOf } from './inspect.js';

function row(
  day: string,
  accountId: string,
  state: string,
  messageCategory: string,
  count: number,
): SummaryRow {
  const start = `2026-11-${day}T00:00:00.000Z`;
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  return {
    region: 'us-east-1',
    accountId,
    state,
    resourceType: 'EBS',
    messageCategory,
    count,
    startTime: start,
    endTime: end,
  };
}

// Nov 7: 21 jobs (17 completed, 2 of them with issues, 3 failed, 1 partial); Nov 8: none; Nov 9: 8 jobs.
const rows = [
  row('07', 'A', 'COMPLETED', 'SUCCESS', 10),
  row('07', 'A', 'COMPLETED', 'AccessDenied', 2),
  row('07', 'A', 'FAILED', 'ANY', 3),
  row('07', 'B', 'COMPLETED', 'SUCCESS', 5),
  row('07', 'B', 'PARTIAL', 'ANY', 1),
  row('09', 'A', 'COMPLETED', 'SUCCESS', 7),
  row('09', 'A', 'FAILED', 'AccessDenied', 1),
];
const options = { title: 'Daily backup job counts', timeZone: 'America/New_York', cursorId: 'cur_sum' };

describe('tally', () => {
  it('counts completed with issues as COMPLETED minus COMPLETED with SUCCESS', () => {
    const t = tally(rows);
    expect(t.all.total).toBe(29);
    expect(t.all.byState.get('COMPLETED')).toBe(24);
    expect(t.all.issues).toBe(2);
    expect(t.byAccount.get('B')?.total).toBe(6);
  });

  it('uses an AGGREGATE_ALL category row as the total, and knows when issues cannot be told', () => {
    const split = tally([
      row('07', 'A', 'COMPLETED', 'AGGREGATE_ALL', 12),
      row('07', 'A', 'COMPLETED', 'SUCCESS', 10),
    ]);
    expect(split.all.total).toBe(12);
    expect(split.all.issues).toBe(2);
    expect(split.issuesKnown).toBe(true);
    expect(tally([row('07', 'A', 'COMPLETED', 'AGGREGATE_ALL', 12)]).issuesKnown).toBe(false);
  });
});

/** A data table's cells as the texts a person reads. */
function cellTexts(table: Record<string, unknown> | undefined): string[][] {
  return ((table?.rows ?? []) as { text?: string }[][]).map((r) => r.map((c) => c.text ?? ''));
}

describe('summaryMessage, daily', () => {
  const msg = summaryMessage(
    summary('ONE_DAY', rows, [{ region: 'eu-west-1', reason: 'Access denied' }]),
    options,
  );

  it('shows the days as Slack’s bar chart, then as a sortable table of days × states', () => {
    expect(msg.blocks.map((b) => b.type)).toEqual([
      'header',
      'context',
      'section',
      'data_visualization',
      'data_table',
      'context',
    ]);
    const table = blocksOf(msg, 'data_table')[0];
    expect(table).toMatchObject({ caption: 'Backup jobs per UTC day, by state', page_size: 3 });
    expect(cellTexts(table)).toEqual([
      ['Day (UTC)', 'Total', 'Failed', 'Partial', 'With issues', 'Completed'],
      ['Sat 7 Nov', '21', '3', '1', '2', '17'],
      ['Sun 8 Nov', '0', '0', '0', '0', '0'],
      ['Mon 9 Nov', '8', '1', '0', '0', '7'],
    ]);
  });

  it('makes every count a number, and the day a number in date order, so columns sort as numbers', () => {
    const rowsOf = blocksOf(msg, 'data_table')[0]!.rows as { type: string; value?: number }[][];
    expect(rowsOf[0]!.every((c) => c.type === 'raw_text')).toBe(true);
    expect(
      rowsOf
        .slice(1)
        .flat()
        .every((c) => c.type === 'raw_number'),
    ).toBe(true);
    expect(rowsOf.slice(1).map((r) => r[0]!.value)).toEqual([20261107, 20261108, 20261109]);
    expect(rowsOf[1]!.map((c) => c.value)).toEqual([20261107, 21, 3, 1, 2, 17]);
  });

  it('gives totals by state with completed with issues on its own line', () => {
    const text = textsOf(msg, 'section').join('\n');
    expect(text).toContain('*29 backup jobs* in all');
    expect(text).toContain(':red_circle: *4* failed');
    expect(text).toContain(
      ':large_green_circle: *24* completed\n:large_yellow_circle: *2* completed with issues',
    );
  });

  it('notes failed regions, the window and UTC days, and needs no button for its chart', () => {
    const text = allText(msg);
    expect(text).toContain(':warning: eu-west-1 could not be counted: Access denied');
    expect(text).toContain('Fri 6 Nov, 19:00 – Mon 9 Nov, 19:00 America/New_York (EST)');
    expect(text).toContain('days are UTC days');
    expect(element(msg, ACTION.chart)).toBeUndefined();
  });

  it('says the numbers of the chart in its text, for notifications and screen readers', () => {
    expect(msg.text).toBe(
      'Daily backup job counts: 29 backup jobs, 4 failed, 1 partial, 2 completed with issues. ' +
        'Per UTC day: Sat 7 Nov: 3 failed, 1 partial, 2 completed with issues, 15 completed OK; ' +
        'Sun 8 Nov: none; Mon 9 Nov: 1 failed, 7 completed OK',
    );
  });

  it('can show the table alone, or as monospaced text with a row of totals', () => {
    const table = summaryMessage(summary('ONE_DAY', rows), { ...options, look: 'table' });
    expect(table.blocks.map((b) => b.type)).not.toContain('data_visualization');
    expect(table.blocks.map((b) => b.type)).toContain('data_table');
    const plain = summaryMessage(summary('ONE_DAY', rows), { ...options, look: 'text' });
    expect(new Set(plain.blocks.map((b) => b.type))).toEqual(new Set(['header', 'context', 'section']));
    const text = textsOf(plain, 'section').join('\n');
    expect(text).toMatch(/```Day \(UTC\)\s+Total\s+Failed/);
    expect(text).toMatch(/Sat 7 Nov\s+21\s+3\s+1\s+2\s+17/);
    expect(text).toMatch(/All days\s+29\s+4\s+1\s+2\s+24/);
  });
});

describe('summaryMessages', () => {
  const types = (m: { blocks: readonly { type: string }[] }) => new Set(m.blocks.map((b) => b.type));

  it('offers a daily summary as chart, then table, then text, all saying the same in `text`', () => {
    const versions = summaryMessages(summary('ONE_DAY', rows), options);
    expect(versions.map((v) => [types(v).has('data_visualization'), types(v).has('data_table')])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
    expect(new Set(versions.map((v) => v.text)).size).toBe(1);
    expect(versions.map((v) => checkMessage(v))).toEqual([[], [], []]);
  });

  it('offers totals as tables, then text; nothing as text alone', () => {
    const totals = summaryMessages(summary('SEVEN_DAYS', rows), options);
    expect(totals.map((v) => types(v).has('data_table'))).toEqual([true, false]);
    expect(totals.some((v) => types(v).has('data_visualization'))).toBe(false);
    const empty = summaryMessages(summary('ONE_DAY', []), options);
    expect(empty).toHaveLength(1);
    expect(types(empty[0]!).has('data_table')).toBe(false);
  });
});

describe('summaryMessage, totals', () => {
  const twelve = summary('SEVEN_DAYS', dailyRows(1, 12));

  it('tabulates accounts and resource types, largest first, sortable by every count', () => {
    const msg = summaryMessage(twelve, { ...options, title: 'Last 7 days' });
    const [accounts, types] = blocksOf(msg, 'data_table');
    expect(accounts).toMatchObject({
      block_id: 'bj_summary_accounts',
      caption: 'Backup jobs by account',
      page_size: 10,
    });
    expect(cellTexts(accounts)[0]!.slice(0, 3)).toEqual(['Account', 'Total', 'Failed']);
    expect(
      cellTexts(accounts)
        .slice(1, 3)
        .map((r) => r[0]),
    ).toEqual(['100000000011', '100000000010']);
    expect(cellTexts(accounts)).toHaveLength(13);
    expect(types).toMatchObject({ block_id: 'bj_summary_types', caption: 'Backup jobs by resource type' });
    expect(cellTexts(types).map((r) => r[0])).toContain('SAP HANA on Amazon EC2');
    expect(msg.blocks.some((b) => b.type === 'table' || b.type === 'data_visualization')).toBe(false);
  });

  it('lists 100 accounts in the table and sums the rest under it', () => {
    const msg = summaryMessage(summary('SEVEN_DAYS', dailyRows(1, 103)), options);
    expect(cellTexts(blocksOf(msg, 'data_table')[0])).toHaveLength(101);
    expect(textsOf(msg, 'context').join('\n')).toMatch(/_…and 3 more accounts with [\d,]+ backup jobs_/);
  });

  it('as text, lists the largest accounts and resource types, and sums the rest', () => {
    const msg = summaryMessage(twelve, { ...options, title: 'Last 7 days', look: 'text' });
    const text = textsOf(msg, 'section').join('\n');
    expect(text).toContain('*By account*\n`100000000011` *');
    expect(text).toContain('_…and 2 more accounts with');
    expect(text).toContain('*By resource type*');
    expect(text).toContain('SAP HANA on Amazon EC2 *');
    expect(msg.blocks.some((b) => b.type === 'data_table')).toBe(false);
  });

  it('offers Chart by day with the saved query, in every look, when the message has one', () => {
    for (const look of ['table', 'text'] as const) {
      const msg = summaryMessage(twelve, { ...options, look });
      expect(element(msg, ACTION.chart)).toMatchObject({
        value: 'cur_sum',
        text: { text: ':bar_chart: Chart by day' },
      });
    }
    const { cursorId: _id, ...unsaved } = options;
    expect(element(summaryMessage(twelve, unsaved), ACTION.chart)).toBeUndefined();
  });

  it('says when nothing was counted, without a chart', () => {
    const msg = summaryMessage(summary('FOURTEEN_DAYS', []), options);
    expect(allText(msg)).toContain('No backup jobs in this window');
    expect(element(msg, ACTION.chart)).toBeUndefined();
  });
});

describe('summaryMessage names the kind', () => {
  const copyRows = rows.map((r) => ({ ...r }));

  it('in the heading, with the period, and says the query under it', () => {
    const msg = summaryMessage(summary('SEVEN_DAYS', copyRows, [], 'copy'), options);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Copy jobs, last 7 days' } });
    expect(textsOf(msg, 'context')[0]).toContain(':bar_chart: Daily backup job counts');
    const daily = summaryMessage(summary('ONE_DAY', copyRows, [], 'restore'), { ...options, title: '' });
    expect(daily.blocks[0]).toMatchObject({ text: { text: 'Restore jobs, daily, last 14 days' } });
    expect(textsOf(daily, 'context')[0]).toContain(':bar_chart: Daily counts');
  });

  it('in the totals, the largest accounts and the fallback text, with issues for copies', () => {
    const msg = summaryMessage(summary('FOURTEEN_DAYS', copyRows, [], 'copy'), { ...options, title: '' });
    const text = textsOf(msg, 'section').join('\n');
    expect(text).toContain('*29 copy jobs* in all');
    expect(text).toContain(':large_yellow_circle: *2* completed with issues');
    expect(blocksOf(msg, 'data_table')[0]).toMatchObject({ caption: 'Copy jobs by account' });
    expect(cellTexts(blocksOf(msg, 'data_table')[0]).slice(0, 2)).toEqual([
      ['Account', 'Total', 'Failed', 'Partial', 'With issues', 'Completed'],
      ['A', '23', '4', '0', '2', '19'],
    ]);
    const lines = summaryMessage(summary('FOURTEEN_DAYS', copyRows, [], 'copy'), {
      ...options,
      look: 'text',
    });
    expect(textsOf(lines, 'section').join('\n')).toContain(
      '`A` *23* · :red_circle: 4 failed · :large_yellow_circle: 2 with issues',
    );
    expect(msg.text).toBe(
      'Copy jobs, last 14 days: 29 copy jobs, 4 failed, 1 partial, 2 completed with issues',
    );
  });

  it('in an empty window', () => {
    const msg = summaryMessage(summary('FOURTEEN_DAYS', [], [], 'restore'), options);
    expect(allText(msg)).toContain('No restore jobs in this window');
  });

  it('and never says "with issues" of restores, whose summaries have no category', () => {
    const restoreRows = [
      row('07', 'A', 'COMPLETED', 'ANY', 12),
      row('07', 'A', 'FAILED', 'ANY', 3),
      row('07', 'A', 'ABORTED', 'ANY', 1),
      row('09', 'B', 'COMPLETED', 'ANY', 4),
    ];
    for (const period of ['ONE_DAY', 'SEVEN_DAYS'] as const) {
      const msg = summaryMessage(summary(period, restoreRows, [], 'restore'), { ...options, title: '' });
      const text = allText(msg);
      expect(text).toContain('*20 restore jobs* in all');
      expect(text).toContain(':large_green_circle: *16* completed');
      expect(text).not.toMatch(/issues/i);
      expect(msg.text).not.toMatch(/issues|partial/);
      expect(msg.text).toContain('20 restore jobs, 3 failed');
    }
    const table = blocksOf(
      summaryMessage(summary('ONE_DAY', restoreRows, [], 'restore'), options),
      'data_table',
    )[0];
    expect(cellTexts(table)[0]).toEqual(['Day (UTC)', 'Total', 'Failed', 'Aborted', 'Completed']);
  });
});

describe('the period a daily summary covers', () => {
  // Rows for the last six days only, as AWS leaves out days without jobs.
  const rows = dailyRows(15, 1).filter((r) => r.startTime >= '2026-11-05');
  const read = { period: 'ONE_DAY' as const, readAt: NOW.toISOString() };

  it('shows every day of the 14, days without jobs included', () => {
    const days = everyDay(tally(rows, read));
    expect(days).toHaveLength(14);
    expect(days[0]).toBe('2026-10-28');
    expect(days.at(-1)).toBe('2026-11-10');
  });

  it('ends when it was read, not at a midnight still to come', () => {
    expect(tally(rows).to).toBe('2026-11-11T00:00:00.000Z');
    expect(tally(rows, read).to).toBe(NOW.toISOString());
    const text = JSON.stringify(
      summaryMessage(
        { ...summary('ONE_DAY', rows), readAt: NOW.toISOString() },
        {
          title: 'Summary',
          timeZone: 'UTC',
        },
      ),
    );
    expect(text).toContain('28 Oct');
    expect(text).not.toContain('11 Nov');
  });
});
