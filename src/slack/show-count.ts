import { askedBuckets, asksEveryState, countListed, hasCategories, type JobCounts } from '../backup/tally.js';
import type { JobSummary } from '../backup/types.js';
import { countMessage } from '../blocks/count-message.js';
import { tally } from '../blocks/summary-data.js';
import { describeQuery } from '../query/describe.js';
import { type ListAsk, listTextOf } from '../query/list-text.js';
import { periodOfWindow, SUMMARY_FILTERS } from '../query/summary.js';
import type { CountQuery, ListQuery, SummaryQuery } from '../query/types.js';
import type { BotDeps, RequestContext } from './deps.js';

/**
 * Filters the Summaries APIs take: a window on creation time (they count jobs by when they were
 * created) and what they count by. A completion window or any other filter needs the jobs.
 */
const COUNTED_FILTERS: ReadonlySet<string> = new Set(['createdAfter', 'createdBefore', ...SUMMARY_FILTERS]);

/**
 * The summary that counts the same jobs as a list, when there is one: a window of exactly the
 * last 7 or 14 days (a period the Summaries APIs keep) and only filters they take.
 */
export function summaryOf(query: CountQuery): SummaryQuery | undefined {
  const list = query.list;
  // A day's period is 14 daily rows, not the last 24 hours: only the totals of 7 and 14 days count it.
  const period = periodOfWindow(list.window?.form);
  if (period === undefined || period === 'ONE_DAY' || list.testsOnly || list.validation.length > 0)
    return undefined;
  if (Object.keys(list.filters).some((name) => !COUNTED_FILTERS.has(name))) return undefined;
  const categories = hasCategories(list.jobKind);
  if (!categories && (list.withIssues || list.filters.messageCategory !== undefined)) return undefined;
  const f = list.filters;
  return {
    kind: 'summary',
    jobKind: list.jobKind,
    text: query.text,
    notes: [],
    visibility: query.visibility,
    regions: list.regions,
    summary: {
      period,
      ...(f.account === undefined ? {} : { account: f.account }),
      ...(f.resourceType === undefined ? {} : { resourceType: f.resourceType }),
      ...(f.messageCategory === undefined ? {} : { messageCategory: f.messageCategory }),
    },
  };
}

/** The list's counts read off summary rows; undefined when the rows cannot tell what it asks. */
export function countsOfSummary(list: ListQuery, summary: JobSummary): JobCounts | undefined {
  const t = tally(summary.rows);
  const byState: Record<string, number> = {};
  if (asksEveryState(list)) for (const [state, n] of t.all.byState) if (n > 0) byState[state] = n;
  for (const bucket of askedBuckets(list)) {
    if (bucket === 'COMPLETED_WITH_ISSUES' && !t.issuesKnown) return undefined;
    byState[bucket] = bucket === 'COMPLETED_WITH_ISSUES' ? t.all.issues : (t.all.byState.get(bucket) ?? 0);
  }
  const total = Object.values(byState).reduce((sum, n) => sum + n, 0);
  const completed = byState.COMPLETED !== undefined && hasCategories(list.jobKind) && t.issuesKnown;
  return {
    source: 'summaries',
    total,
    byState,
    ...(completed ? { issues: t.all.issues } : {}),
    scanned: total,
    capped: false,
    bound: 0,
    regions: summary.regions,
    failedRegions: summary.failedRegions,
  };
}

function askOf(bucket: string): ListAsk {
  if (bucket === 'COMPLETED_WITH_ISSUES') return { states: [], withIssues: true, validation: [] };
  if (bucket === 'VALIDATION_FAILED') return { states: [], withIssues: false, validation: ['FAILED'] };
  if (bucket === 'VALIDATION_TIMED_OUT') return { states: [], withIssues: false, validation: ['TIMED_OUT'] };
  return { states: [bucket], withIssues: false, validation: [] };
}

/**
 * `how many …`: the list's jobs counted by state, from the Summaries APIs when they count the same
 * jobs, else by walking the jobs (bounded); buttons list each state.
 */
export async function showCount(deps: BotDeps, ctx: RequestContext, query: CountQuery, timeZone: string) {
  const list = query.list;
  const asked = summaryOf(query);
  const summary = asked === undefined ? undefined : await deps.backup.summary(asked);
  const counts = (summary && countsOfSummary(list, summary)) ?? (await countListed(deps.backup, list));
  ctx.log.info({ source: counts.source, total: counts.total, capped: counts.capped }, 'jobs counted');
  const at = { now: deps.now(), timeZone };
  const buckets = [...Object.keys(counts.byState), ...(counts.issues ? ['COMPLETED_WITH_ISSUES'] : [])];
  const listTexts: Record<string, string> = {};
  for (const bucket of buckets) {
    const text = listTextOf(list, askOf(bucket), at);
    if (text !== undefined) listTexts[bucket] = text;
  }
  const rows = counts.source === 'summaries' && summary ? tally(summary.rows) : undefined;
  return countMessage(
    {
      title: describeQuery(query, timeZone),
      kind: list.jobKind,
      counts,
      listTexts,
      allText: listTextOf(list, list, at),
      window: rows?.from && rows.to ? { from: rows.from, to: rows.to } : undefined,
      timeZone,
      notes: [...new Set([...query.notes, ...list.notes])],
    },
    { responseType: query.visibility, replaceOriginal: false },
  );
}
