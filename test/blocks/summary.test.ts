import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/backup/types.js';
import { ACTION } from '../../src/blocks/actions.js';
import { tally } from '../../src/blocks/summary-data.js';
import { summaryMessage } from '../../src/blocks/summary-message.js';
import { dailyRows, summary } from './fixtures.js';
import { allText, element, textsOf } from './inspect.js';

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

describe('summaryMessage, daily', () => {
  const msg = summaryMessage(
    summary('ONE_DAY', rows, [{ region: 'eu-west-1', reason: 'Access denied' }]),
    options,
  );

  it('puts a days × states table at the bottom, zero days included', () => {
    const table = msg.blocks.at(-1) as unknown as { type: string; rows: { text: string }[][] };
    expect(table.type).toBe('table');
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Day (UTC)', 'Total', 'Failed', 'Partial', 'With issues', 'Completed'],
      ['Sat 7 Nov', '21', '3', '1', '2', '17'],
      ['Sun 8 Nov', '0', '0', '0', '0', '0'],
      ['Mon 9 Nov', '8', '1', '0', '0', '7'],
      ['All days', '29', '4', '1', '2', '24'],
    ]);
  });

  it('gives totals by state with completed with issues on its own line', () => {
    const text = textsOf(msg, 'section').join('\n');
    expect(text).toContain('*29 backup jobs* in all');
    expect(text).toContain(':red_circle: *4* failed');
    expect(text).toContain(
      ':large_green_circle: *24* completed\n:large_yellow_circle: *2* completed with issues',
    );
  });

  it('notes failed regions, the window and UTC days, and offers a chart', () => {
    const text = allText(msg);
    expect(text).toContain(':warning: eu-west-1 could not be counted: Access denied');
    expect(text).toContain('Fri 6 Nov, 19:00 – Mon 9 Nov, 19:00 America/New_York (EST)');
    expect(text).toContain('days are UTC days');
    expect(element(msg, ACTION.chart)?.value).toBe('cur_sum');
    expect(msg.text).toContain('29 backup jobs, 4 failed, 1 partial, 2 completed with issues');
  });

  it('can show the table as monospaced text instead', () => {
    const plain = summaryMessage(summary('ONE_DAY', rows), { ...options, table: false });
    expect(plain.blocks.some((b) => b.type === 'table')).toBe(false);
    const text = textsOf(plain, 'section').join('\n');
    expect(text).toMatch(/```Day \(UTC\)\s+Total\s+Failed/);
    expect(text).toMatch(/Sat 7 Nov\s+21\s+3\s+1\s+2\s+17/);
  });
});

describe('summaryMessage, totals', () => {
  it('lists the largest accounts and resource types, and sums the rest', () => {
    const msg = summaryMessage(summary('SEVEN_DAYS', dailyRows(1, 12)), { ...options, title: 'Last 7 days' });
    const text = textsOf(msg, 'section').join('\n');
    expect(text).toContain('*By account*\n`100000000011` *');
    expect(text).toContain('_…and 2 more accounts with');
    expect(text).toContain('*By resource type*');
    expect(text).toContain('SAP HANA on Amazon EC2 *');
    expect(msg.blocks.some((b) => b.type === 'table')).toBe(false);
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
    expect(text).toContain('`A` *23* · :red_circle: 4 failed · :large_yellow_circle: 2 with issues');
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
    const table = summaryMessage(summary('ONE_DAY', restoreRows, [], 'restore'), options).blocks.at(
      -1,
    ) as unknown as {
      rows: { text: string }[][];
    };
    expect(table.rows[0]!.map((c) => c.text)).toEqual([
      'Day (UTC)',
      'Total',
      'Failed',
      'Aborted',
      'Completed',
    ]);
  });
});
