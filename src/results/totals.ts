import type { BackupGateway, JobSummary, ListingState } from '../backup/index.js';
import { filtersLocally } from '../backup/listing.js';
import { isSuccessCategory } from '../domain/index.js';
import { SUMMARY_FILTERS } from '../query/summary.js';
import type { ListFilters, ListQuery, SummaryQuery } from '../query/types.js';
import type { CursorRecord, ResultTotal } from './types.js';

const DAY_MS = 86_400_000;
/** The Summaries API's ONE_DAY period: today and the 13 UTC days before it. */
const SUMMARY_DAYS = 14;
/** A window that ends this close to now ends "now": the Summaries API counts up to the moment asked. */
const NOW_SLACK_MS = 5_000;
/** Filters the Summaries API takes besides the creation window; restore summaries take no category. */
const COUNTED_FILTERS: ReadonlySet<keyof ListFilters> = new Set([
  'createdAfter',
  'createdBefore',
  ...SUMMARY_FILTERS,
]);

/** A list query the Summaries API counts exactly, with the UTC days to add up. */
export interface SummaryCount {
  summary: SummaryQuery;
  from: number;
  to: number;
}

function isUtcMidnight(ms: number): boolean {
  return ms % DAY_MS === 0;
}

/**
 * The summary that counts exactly the jobs a list query lists, or undefined when none can: the
 * Summaries API counts jobs by the UTC day they were created, over the last 14 days, by account,
 * state, resource type and message category only. So the window must be on creation, start at a UTC
 * midnight of those 14 days and end now or at a later midnight, and no other filter may be set.
 */
export function summaryCountOf(query: ListQuery, now: Date): SummaryCount | undefined {
  const f = query.filters;
  const keys = Object.keys(f) as (keyof ListFilters)[];
  if (keys.some((k) => !COUNTED_FILTERS.has(k))) return undefined;
  if (query.testsOnly || query.validation.length > 0) return undefined;
  if (query.jobKind === 'restore' && (f.messageCategory !== undefined || query.withIssues)) return undefined;
  if (f.createdAfter === undefined) return undefined;
  const from = Date.parse(f.createdAfter);
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (!isUtcMidnight(from) || from < today - (SUMMARY_DAYS - 1) * DAY_MS) return undefined;
  const before = f.createdBefore === undefined ? Number.POSITIVE_INFINITY : Date.parse(f.createdBefore);
  const endsNow = before >= now.getTime() - NOW_SLACK_MS;
  if (!endsNow && !isUtcMidnight(before)) return undefined;
  const to = endsNow ? today + DAY_MS : before;
  if (to <= from) return undefined;
  const summary: SummaryQuery = {
    kind: 'summary',
    jobKind: query.jobKind,
    text: query.text,
    notes: [],
    visibility: query.visibility,
    regions: query.regions,
    summary: {
      period: 'ONE_DAY',
      // One state is counted by AWS; several, or "with issues", are added up from a row per state.
      ...(query.states.length === 1 && !query.withIssues ? { state: query.states[0]! } : {}),
      ...(f.account === undefined ? {} : { account: f.account }),
      resourceType: f.resourceType ?? 'AGGREGATE_ALL',
      ...(query.jobKind === 'restore'
        ? {}
        : { messageCategory: f.messageCategory ?? (query.withIssues ? 'ANY' : 'AGGREGATE_ALL') }),
    },
  };
  return { summary, from, to };
}

/** Adds up the rows of the query's states (or every state) on the days of its window. */
export function summedTotal(query: ListQuery, count: SummaryCount, result: JobSummary): number | undefined {
  if (result.failedRegions.length > 0) return undefined;
  const wanted = (state: string, category: string) =>
    (query.states.length === 0 && !query.withIssues) ||
    (query.states as string[]).includes(state) ||
    (query.withIssues && state === 'COMPLETED' && !isSuccessCategory(category));
  let total = 0;
  for (const row of result.rows) {
    const start = Date.parse(row.startTime);
    if (start < count.from || start >= count.to || !wanted(row.state, row.messageCategory)) continue;
    total += row.count;
  }
  return total;
}

/** The exact number of jobs a list query matches, from the Summaries API; undefined when it cannot say. */
export async function summaryTotal(
  backup: Partial<Pick<BackupGateway, 'summary'>>,
  query: ListQuery,
  now: Date,
): Promise<number | undefined> {
  const count = summaryCountOf(query, now);
  if (!count || !backup.summary) return undefined;
  try {
    return summedTotal(query, count, await backup.summary(count.summary));
  } catch {
    // The total is a courtesy: the page is shown without it.
    return undefined;
  }
}

function buffered(listing: ListingState): number {
  return listing.streams.reduce((sum, s) => sum + s.buffer.length, 0);
}

/** Where page `n` sits in the result and how many jobs match, as far as the cursor knows. */
export function positionOf(
  record: CursorRecord,
  n: number,
): { range?: { first: number; last: number }; total?: ResultTotal } {
  const counts = record.counts;
  if (!counts || counts.length < n) return {};
  const before = counts.slice(0, n - 1).reduce((a, b) => a + b, 0);
  const range = { first: before + 1, last: before + counts[n - 1]! };
  const seen = counts.reduce((a, b) => a + b, 0) + buffered(record.listing);
  const pending = record.listing.streams.filter((s) => !s.done);
  // Every stream done: what is left is in the buffers, so the count is exact.
  if (pending.length === 0) return { range, total: { exact: seen } };
  if (record.summaryTotal !== undefined && record.summaryTotal >= seen)
    return { range, total: { exact: record.summaryTotal } };
  // A stream with a NextToken has more jobs to give, unless it drops jobs AWS returns.
  const surely = pending.every((s) => !filtersLocally(record.listing, s));
  return { range, total: surely ? { moreThan: seen } : { atLeast: seen } };
}
