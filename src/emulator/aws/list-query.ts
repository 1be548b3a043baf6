import { RETENTION_MS } from './daily-jobs.js';
import { type JobStore, lowerBoundKey, type StorableJob, type StoredJob } from './job-store.js';
import { hash32 } from './prng.js';

/**
 * The filters the List operations of every job kind share, validated. Time bounds are half-open:
 * after ≤ t < before.
 */
export interface CommonFilters {
  /** One account, or every account of the organisation. */
  account: string | 'all';
  /** The caller's account when it is a member account: it sees no other account's jobs. */
  only?: string;
  resourceType?: string;
  parentJobId?: string;
  createdAfter?: number;
  createdBefore?: number;
  completeAfter?: number;
  completeBefore?: number;
}

/** One kind's query: the index lists that may hold its matches, and its own filters as a test. */
export interface KindQuery<J extends StorableJob> {
  /** Index keys; the smallest list is walked. Always includes `r|region`. */
  keys: string[];
  /** Every filter of the request, the kind's own included: a NextToken is bound to all of them. */
  filters: CommonFilters;
  /** The kind's own filters (the shared ones are checked by the pager). */
  matches(s: StoredJob<J>): boolean;
}

export type ListOrder = 'newest' | 'oldest' | 'shuffled';

/** Where the previous page stopped: the sort key of its last job. */
export type PageKey = readonly [number, string];

export interface PageRequest {
  region: string;
  order: ListOrder;
  after: PageKey | undefined;
  limit: number;
  now: number;
  /** Mixed into the shuffled order so each query gets its own. */
  shuffleSeed: number;
}

export interface Page<J extends StorableJob> {
  jobs: StoredJob<J>[];
  /** Set when more jobs match after this page. */
  next: PageKey | undefined;
}

/** The index keys the shared filters narrow to. */
export function commonKeys(region: string, f: CommonFilters): string[] {
  const keys = [`r|${region}`];
  if (f.account !== 'all') keys.push(`a|${region}|${f.account}`);
  if (f.only) keys.push(`a|${region}|${f.only}`);
  if (f.resourceType) keys.push(`t|${region}|${f.resourceType}`);
  if (f.parentJobId) keys.push(`p|${region}|${f.parentJobId}`);
  return keys;
}

function commonMatch<J extends StorableJob>(s: StoredJob<J>, f: CommonFilters): boolean {
  const j = s.job;
  if (f.account !== 'all' && j.AccountId !== f.account) return false;
  if (f.only && j.AccountId !== f.only) return false;
  if (f.resourceType && j.ResourceType !== f.resourceType) return false;
  if (f.parentJobId && j.ParentJobId !== f.parentJobId) return false;
  if (f.completeAfter !== undefined && (s.completed === undefined || s.completed < f.completeAfter))
    return false;
  if (f.completeBefore !== undefined && (s.completed === undefined || s.completed >= f.completeBefore))
    return false;
  return true;
}

/**
 * One page of matching jobs after `after`, in the asked order. Newest and oldest walk the sorted
 * index from a binary-searched position; shuffled sorts the matches by a per-query hash. Either way
 * the continuation is a keyset, so concurrent readers and newly added jobs never cause repeats.
 * Like AWS, only jobs of the last 30 days are listed.
 */
export function queryPage<J extends StorableJob>(
  store: JobStore<J>,
  query: KindQuery<J>,
  req: PageRequest,
): Page<J> {
  const f = query.filters;
  const list = store.smallest(query.keys);
  const test = (s: StoredJob<J>): boolean => commonMatch(s, f) && query.matches(s);
  const lo = Math.max(f.createdAfter ?? Number.NEGATIVE_INFINITY, req.now - RETENTION_MS);
  // A job completed before X was created before X too.
  const hi = Math.min(
    f.createdBefore ?? Number.POSITIVE_INFINITY,
    f.completeBefore ?? Number.POSITIVE_INFINITY,
  );
  const start = lowerBoundKey(list, lo);
  const end = lowerBoundKey(list, hi);
  if (req.order === 'shuffled') return shuffledPage(list.slice(start, end), test, req);
  const out: StoredJob<J>[] = [];
  const take = (s: StoredJob<J>): boolean => {
    if (!test(s)) return false;
    out.push(s);
    return out.length > req.limit;
  };
  if (req.order === 'newest') {
    const from = req.after ? Math.min(end, lowerBoundKey(list, req.after[0], req.after[1])) : end;
    for (let i = from - 1; i >= start; i--) if (take(list[i] as StoredJob<J>)) break;
  } else {
    const from = req.after
      ? Math.max(start, lowerBoundKey(list, req.after[0], `${req.after[1]}\u0000`))
      : start;
    for (let i = from; i < end; i++) if (take(list[i] as StoredJob<J>)) break;
  }
  return finish(out, req.limit, (s) => [s.created, s.id]);
}

function shuffledPage<J extends StorableJob>(
  range: readonly StoredJob<J>[],
  test: (s: StoredJob<J>) => boolean,
  req: PageRequest,
): Page<J> {
  const key = (s: StoredJob<J>): number => hash32(String(s.mix), req.shuffleSeed);
  const keyed = range.filter(test).map((s) => ({ s, k: key(s) }));
  keyed.sort((a, b) => a.k - b.k || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0));
  const after = req.after;
  const rest = after
    ? keyed.filter(({ s, k }) => k > after[0] || (k === after[0] && s.id > after[1]))
    : keyed;
  return finish(
    rest.slice(0, req.limit + 1).map(({ s }) => s),
    req.limit,
    (s) => [key(s), s.id],
  );
}

function finish<J extends StorableJob>(
  out: StoredJob<J>[],
  limit: number,
  keyOf: (s: StoredJob<J>) => PageKey,
): Page<J> {
  if (out.length <= limit) return { jobs: out, next: undefined };
  const jobs = out.slice(0, limit);
  return { jobs, next: keyOf(jobs[jobs.length - 1] as StoredJob<J>) };
}
