import { DAY_MS } from './daily-jobs.js';
import { type JobStore, lowerBoundKey, type StorableJob, type StoredJob } from './job-store.js';
import type { AggregationPeriod } from './vocabulary.js';

/**
 * How one dimension of a summary is asked: a value filters to it; `ANY` (or leaving it out) gives a
 * row per value; `AGGREGATE_ALL` sums every value into rows labelled AGGREGATE_ALL.
 */
export type Dimension = { kind: 'value'; value: string } | { kind: 'ANY' } | { kind: 'AGGREGATE_ALL' };

export interface SummaryParams {
  account: Dimension;
  /** The caller's account when it is a member account: it counts no other account's jobs. */
  only?: string;
  state: Dimension;
  resourceType: Dimension;
  /** Values compare in lower case. Absent for kinds whose summaries have no MessageCategory. */
  category?: Dimension;
  period: AggregationPeriod;
}

export interface SummaryRow {
  /** Sort and keyset key of the row. */
  key: string;
  AccountId: string;
  State: string;
  ResourceType: string;
  MessageCategory?: string;
  Count: number;
  StartTime: number;
  EndTime: number;
}

/** The windows of a period: UTC days, the current day included. */
export function periodWindows(
  period: AggregationPeriod,
  now: number,
): { from: number; to: number; step: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const to = today + DAY_MS;
  if (period === 'ONE_DAY') return { from: today - 13 * DAY_MS, to, step: DAY_MS };
  const days = period === 'SEVEN_DAYS' ? 7 : 14;
  return { from: to - days * DAY_MS, to, step: days * DAY_MS };
}

function fits(d: Dimension, value: string | undefined): boolean {
  return d.kind !== 'value' || d.value === value;
}

function label(d: Dimension, value: string | undefined): string {
  return d.kind === 'AGGREGATE_ALL' ? 'AGGREGATE_ALL' : (value ?? '');
}

/**
 * Counts jobs created in the period's windows, grouped as the dimensions ask, in a stable order.
 * `stateOf` reads the job's state (`State`, or `Status` for restore jobs).
 */
export function summaryRows<J extends StorableJob>(
  store: JobStore<J>,
  region: string,
  p: SummaryParams,
  now: number,
  stateOf: (job: J) => string,
): SummaryRow[] {
  const { from, to, step } = periodWindows(p.period, now);
  const one = p.only ?? (p.account.kind === 'value' ? p.account.value : undefined);
  const list = one === undefined ? store.list(`r|${region}`) : store.list(`a|${region}|${one}`);
  const end = lowerBoundKey(list, to);
  const groups = new Map<string, SummaryRow>();
  for (let i = lowerBoundKey(list, from); i < end; i++) {
    const s = list[i] as StoredJob<J>;
    const j = s.job;
    const jobState = stateOf(j);
    if (!fits(p.account, j.AccountId) || !fits(p.state, jobState)) continue;
    if (p.only !== undefined && j.AccountId !== p.only) continue;
    if (!fits(p.resourceType, j.ResourceType)) continue;
    if (p.category && !fits(p.category, s.category)) continue;
    const start = from + Math.floor((s.created - from) / step) * step;
    const account = label(p.account, j.AccountId);
    const state = label(p.state, jobState);
    const type = label(p.resourceType, j.ResourceType);
    const category = p.category ? label(p.category, j.MessageCategory) : '';
    const key = [String(start).padStart(15, '0'), account, state, type, category].join('|');
    const row = groups.get(key);
    if (row) {
      row.Count++;
      continue;
    }
    groups.set(key, {
      key,
      AccountId: account,
      State: state,
      ResourceType: type,
      ...(category ? { MessageCategory: category } : {}),
      Count: 1,
      StartTime: start,
      EndTime: start + step,
    });
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
