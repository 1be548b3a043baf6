import { describe, expect, it } from 'vitest';
import type { JobSummary, ListingState } from '../../src/backup/index.js';
import { positionOf, summaryCountOf, summedTotal } from '../../src/results/totals.js';
import type { CursorRecord } from '../../src/results/types.js';
import { listQuery } from '../helpers/aws.js';

const NOW = new Date('2026-11-20T15:00:00Z');
const since = (day: string) => ({ createdAfter: `${day}T00:00:00.000Z`, createdBefore: NOW.toISOString() });

function record(counts: number[], streams: ListingState['streams'], summaryTotal?: number): CursorRecord {
  return {
    v: 4,
    id: 'x'.repeat(22),
    binding: { teamId: 'T', channelId: 'C', userId: 'U', visibility: 'ephemeral' },
    query: listQuery(),
    timeZone: 'UTC',
    pageCount: counts.length,
    listing: { v: 2, jobKind: 'backup', filters: {}, streams },
    hasMore: streams.some((s) => !s.done || s.buffer.length > 0),
    createdAt: NOW.toISOString(),
    counts,
    ...(summaryTotal === undefined ? {} : { summaryTotal }),
  };
}

describe('totals of a list', () => {
  it('asks the Summaries API only when its UTC days count exactly what the list shows', () => {
    expect(summaryCountOf(listQuery({ filters: since('2026-11-10') }), NOW)).toMatchObject({
      summary: { summary: { period: 'ONE_DAY', resourceType: 'AGGREGATE_ALL' } },
      from: Date.parse('2026-11-10T00:00:00Z'),
      to: Date.parse('2026-11-21T00:00:00Z'),
    });
    // A rolling window, a vault (no summary filter), more than 14 days back, or a completion window: no.
    const no = [
      { createdAfter: '2026-11-13T15:00:00.000Z', createdBefore: NOW.toISOString() },
      { ...since('2026-11-10'), vault: 'prod' },
      since('2026-11-01'),
      { completedAfter: '2026-11-10T00:00:00.000Z' },
      {},
    ];
    for (const filters of no) expect(summaryCountOf(listQuery({ filters }), NOW)).toBeUndefined();
    expect(summaryCountOf(listQuery({ filters: since('2026-11-10'), testsOnly: true }), NOW)).toBeUndefined();
  });

  it('adds up the days and states asked for, "with issues" included', () => {
    const query = listQuery({ filters: since('2026-11-18'), states: ['FAILED'], withIssues: true });
    const count = summaryCountOf(query, NOW)!;
    const row = (day: string, state: string, messageCategory: string, n: number) => ({
      region: 'us-east-1',
      accountId: 'AGGREGATE_ALL',
      state,
      resourceType: 'AGGREGATE_ALL',
      messageCategory,
      count: n,
      startTime: `${day}T00:00:00.000Z`,
      endTime: `${day}T00:00:00.000Z`,
    });
    const summary: JobSummary = {
      jobKind: 'backup',
      period: 'ONE_DAY',
      regions: ['us-east-1'],
      failedRegions: [],
      rows: [
        row('2026-11-17', 'FAILED', 'AccessDenied', 100),
        row('2026-11-18', 'FAILED', 'AccessDenied', 3),
        row('2026-11-20', 'COMPLETED', 'SUCCESS', 50),
        row('2026-11-20', 'COMPLETED', 'InvalidParameters', 4),
      ],
    };
    expect(summedTotal(query, count, summary)).toBe(7);
    expect(
      summedTotal(query, count, { ...summary, failedRegions: [{ region: 'x', reason: 'r' }] }),
    ).toBeUndefined();
  });

  it('knows the total at the last page, and says "more than" only while AWS has more to give', () => {
    const done = { region: 'r', done: true, buffer: [] };
    expect(positionOf(record([10, 10, 4], [done]), 3)).toEqual({
      range: { first: 21, last: 24 },
      total: { exact: 24 },
    });
    const pending = { region: 'r', done: false, nextToken: 't', buffer: [] };
    expect(positionOf(record([10], [pending]), 1)).toEqual({
      range: { first: 1, last: 10 },
      total: { moreThan: 10 },
    });
    expect(positionOf(record([10], [pending], 64), 1).total).toEqual({ exact: 64 });
    // A summary behind what the listing already holds is not believed.
    expect(positionOf(record([10, 10], [pending], 15), 2).total).toEqual({ moreThan: 20 });
    const dropping = { region: 'r', done: false, outcome: 'COMPLETED_WITH_ISSUES' as const, buffer: [] };
    expect(positionOf(record([10], [dropping]), 1).total).toEqual({ atLeast: 10 });
  });
});
