import type { SummaryRow } from '../backup/types.js';
import { isSuccessCategory } from '../domain/index.js';
import type { AggregationPeriod } from '../query/types.js';
import { formatDay } from '../time/labels.js';

const DAY_MS = 86_400_000;

/** A count split the way summaries show it. */
export interface Bucket {
  total: number;
  byState: Map<string, number>;
  /** COMPLETED jobs whose MessageCategory is not SUCCESS. */
  issues: number;
}

/** A kind's summary rows (ListBackupJobSummaries, …) added up per state, day, account, resource type and Region. */
export interface Tallies {
  all: Bucket;
  /** Keyed by the UTC day (`2026-11-03`) the row's window starts on; AWS counts by UTC day. */
  byDay: Map<string, Bucket>;
  byAccount: Map<string, Bucket>;
  byType: Map<string, Bucket>;
  /** Keyed by the Region the rows came from: AWS sends rows per Region. */
  byRegion: Map<string, Bucket>;
  /** False when the rows could not tell successes from issues (categories aggregated). */
  issuesKnown: boolean;
  /** Earliest window start and latest window end among the rows. */
  from?: string;
  to?: string;
}

const AGGREGATE = 'AGGREGATE_ALL';
/** Categories that mean "no issue": SUCCESS, and absent (which the access layer reports as ANY). */
/** Categories of COMPLETED rows that are not "with issues". */
const noIssue = (category: string) => isSuccessCategory(category) || category === 'ANY' || category === '';

function bucket(): Bucket {
  return { total: 0, byState: new Map(), issues: 0 };
}

function add(target: Bucket, state: string, total: number, issues: number): void {
  target.total += total;
  target.byState.set(state, (target.byState.get(state) ?? 0) + total);
  target.issues += issues;
}

function at<K>(map: Map<K, Bucket>, key: K): Bucket {
  let found = map.get(key);
  if (!found) {
    found = bucket();
    map.set(key, found);
  }
  return found;
}

interface Group {
  row: SummaryRow;
  aggregate?: number;
  split: number;
  success: number;
}

/**
 * Adds the rows up. Rows that differ only by MessageCategory form one group: its total is the
 * AGGREGATE_ALL row when there is one, else the sum; "completed with issues" is the COMPLETED total
 * minus its SUCCESS rows.
 */
export function tally(rows: readonly SummaryRow[], read?: SummaryRead): Tallies {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (!Number.isFinite(row.count) || row.count <= 0) continue;
    const key = [row.region, row.accountId, row.state, row.resourceType, row.startTime].join('\u0000');
    const group = groups.get(key) ?? { row, split: 0, success: 0 };
    groups.set(key, group);
    if (row.messageCategory === AGGREGATE) group.aggregate = (group.aggregate ?? 0) + row.count;
    else {
      group.split += row.count;
      if (noIssue(row.messageCategory)) group.success += row.count;
    }
  }
  const result: Tallies = {
    all: bucket(),
    byDay: new Map(),
    byAccount: new Map(),
    byType: new Map(),
    byRegion: new Map(),
    issuesKnown: true,
  };
  for (const { row, aggregate, split, success } of groups.values()) {
    const total = aggregate ?? split;
    let issues = 0;
    if (row.state === 'COMPLETED') {
      if (aggregate !== undefined && split === 0) result.issuesKnown = false;
      else issues = Math.max(0, total - success);
    }
    add(result.all, row.state, total, issues);
    add(at(result.byDay, row.startTime.slice(0, 10)), row.state, total, issues);
    add(at(result.byAccount, row.accountId), row.state, total, issues);
    add(at(result.byType, row.resourceType), row.state, total, issues);
    add(at(result.byRegion, row.region), row.state, total, issues);
    if (result.from === undefined || row.startTime < result.from) result.from = row.startTime;
    if (result.to === undefined || row.endTime > result.to) result.to = row.endTime;
  }
  return read === undefined ? result : { ...result, ...spanOf(result, read) };
}

/** A summary's period and when it was read: what its window is, rather than what its rows cover. */
export interface SummaryRead {
  period: AggregationPeriod;
  /** ISO-8601: when AWS was asked. */
  readAt: string;
}

/**
 * The window a summary covers: it ends when it was read (a row's window may end at a midnight still
 * to come), and daily counts cover today and the 13 UTC days before it, days without a row included.
 */
function spanOf(t: Tallies, read: SummaryRead): Pick<Tallies, 'from' | 'to'> {
  const to = t.to === undefined || t.to > read.readAt ? read.readAt : t.to;
  if (read.period !== 'ONE_DAY') return { ...(t.from === undefined ? {} : { from: t.from }), to };
  const today = Math.floor(Date.parse(read.readAt) / DAY_MS) * DAY_MS;
  const first = new Date(today - (DAILY_DAYS - 1) * DAY_MS).toISOString();
  return { from: t.from === undefined || t.from > first ? first : t.from, to };
}

/** Daily counts cover today and the 13 UTC days before it. */
const DAILY_DAYS = 14;

/** Entries sorted by total, largest first; ties by key. */
export function largestFirst(map: Map<string, Bucket>): [string, Bucket][] {
  return [...map.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
}

/** The counts of one UTC day; none on a day without rows. */
export function dayCounts(t: Tallies, day: string): Bucket {
  return t.byDay.get(day) ?? bucket();
}

/** Every UTC day from the first window to the last, zero-count days included, oldest first. */
export function everyDay(t: Tallies): string[] {
  if (t.from === undefined || t.to === undefined) return [...t.byDay.keys()].sort();
  const list: string[] = [];
  const start = Date.parse(`${t.from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(t.to);
  for (let d = start; d < end && list.length < 400; d += DAY_MS)
    list.push(new Date(d).toISOString().slice(0, 10));
  for (const day of t.byDay.keys()) if (!list.includes(day)) list.push(day);
  return list.sort();
}

/** A UTC day (`2026-11-07`) as summaries name it: `Sat 7 Nov`, at most 10 characters. */
export function dayLabel(day: string): string {
  return formatDay(`${day}T12:00:00Z`, 'UTC');
}
