import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/blocks/limits.js';
import { tally } from '../../src/blocks/summary-data.js';
import { summaryMessage, summaryMessages } from '../../src/blocks/summary-message.js';
import { stateRows } from '../../src/blocks/summary-table.js';
import type { SummaryGrouping } from '../../src/query/types.js';
import { dailyRows, summary } from './fixtures.js';
import { allText, blocksOf, textsOf } from './inspect.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const rows = dailyRows(14, 3, REGIONS);
const totals = summary('SEVEN_DAYS', rows);
const options = {
  title: 'Summary of all jobs by account — totals for the last 7 days',
  timeZone: 'Europe/Berlin',
};

function captions(m: { blocks: unknown[] }): string[] {
  return blocksOf(m as never, 'data_table').map((b) => String(b.caption));
}

describe('summary grouped by one dimension', () => {
  it('tallies every Region the rows came from', () => {
    const t = tally(rows);
    expect([...t.byRegion.keys()].sort()).toEqual([...REGIONS].sort());
    const sum = [...t.byRegion.values()].reduce((n, b) => n + b.total, 0);
    expect(sum).toBe(t.all.total);
    expect(t.byRegion.get('eu-west-1')?.total).toBe(t.all.total / 3);
  });

  it.each([
    ['account', 'Backup jobs by account', 3],
    ['region', 'Backup jobs by Region', 3],
    ['resourceType', 'Backup jobs by resource type', 3],
  ] as const)(
    'by %s: one data table of that grouping, named in the heading, and no chart button',
    (by, caption, count) => {
      const m = summaryMessage(totals, { ...options, groupBy: by, cursorId: 'cur_sum' });
      expect(captions(m)).toEqual([caption]);
      const table = blocksOf(m as never, 'data_table')[0] as { rows: unknown[] };
      expect(table.rows.length - 1).toBe(count);
      expect(textsOf(m as never, 'header')[0]).toMatch(
        new RegExp(`^Backup jobs by ${caption.split(' by ')[1]}, last 7 days$`),
      );
      expect(allText(m as never)).not.toContain('Chart by day');
      expect(checkMessage(m)).toEqual([]);
    },
  );

  it('by state: each state with its jobs, completed with issues beside completed', () => {
    const t = tally(rows);
    const m = summaryMessage(totals, { ...options, groupBy: 'state' });
    expect(captions(m)).toEqual(['Backup jobs by state']);
    const labels = stateRows(t, 'backup').map(([label]) => label);
    expect(labels[0]).toBe('Failed');
    expect(labels.indexOf('Completed with issues (in completed)')).toBe(labels.indexOf('Completed') + 1);
    expect(stateRows(t, 'backup').find(([l]) => l === 'Completed with issues (in completed)')?.[1]).toBe(
      t.all.issues,
    );
  });

  it('groups daily counts over the whole period instead of charting the days', () => {
    const versions = summaryMessages(summary('ONE_DAY', rows), { ...options, groupBy: 'region' });
    expect(versions).toHaveLength(2);
    const [table, text] = versions;
    expect(blocksOf(table as never, 'data_visualization')).toEqual([]);
    expect(captions(table!)).toEqual(['Backup jobs by Region']);
    expect(captions(text!)).toEqual([]);
    const lines = allText(text as never);
    expect(lines).toContain('*By Region*');
    for (const region of REGIONS) expect(lines).toContain(`\`${region}\``);
    expect(lines).not.toContain('*By account*');
  });

  it('keeps the usual tables without a grouping', () => {
    const m = summaryMessage(totals, options);
    expect(captions(m)).toEqual(['Backup jobs by account', 'Backup jobs by resource type']);
  });

  it.each(['account', 'region', 'resourceType', 'state'] as SummaryGrouping[])(
    'stays within Slack’s limits for 100+ values by %s',
    (by) => {
      const wide = dailyRows(14, 120, REGIONS);
      for (const m of summaryMessages(summary('SEVEN_DAYS', wide), { ...options, groupBy: by }))
        expect(checkMessage(m)).toEqual([]);
    },
  );
});
