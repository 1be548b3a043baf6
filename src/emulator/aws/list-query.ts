import { RETENTION_MS } from './daily-jobs.js';
import { type JobStore, lowerBoundKey, type StoredJob } from './job-store.js';
import { hash32 } from './prng.js';
import type { JobState } from './vocabulary.js';

/** ListBackupJobs filters, validated. Time bounds are half-open: after ≤ t < before. */
export interface JobFilters {
  /** One account, or every account of the organisation. */
  account: string | 'all';
  state?: JobState;
  resourceType?: string;
  vault?: string;
  resourceArn?: string;
  parentJobId?: string;
  /** Lower-case MessageCategory; undefined matches every category. */
  category?: string;
  createdAfter?: number;
  createdBefore?: number;
  completeAfter?: number;
  completeBefore?: number;
}

export type ListOrder = 'newest' | 'oldest' | 'shuffled';

/** Where the previous page stopped: the sort key of its last job. */
export type PageKey = readonly [number, string];

export interface PageRequest {
  region: string;
  filters: JobFilters;
  order: ListOrder;
  after: PageKey | undefined;
  limit: number;
  now: number;
  /** Mixed into the shuffled order so each query gets its own. */
  shuffleSeed: number;
}

export interface Page {
  jobs: StoredJob[];
  /** Set when more jobs match after this page. */
  next: PageKey | undefined;
}

function candidates(store: JobStore, region: string, f: JobFilters): readonly StoredJob[] {
  const keys = [`r|${region}`];
  if (f.account !== 'all') keys.push(`a|${region}|${f.account}`);
  if (f.state) keys.push(`s|${region}|${f.state}`);
  if (f.resourceType) keys.push(`t|${region}|${f.resourceType}`);
  if (f.vault) keys.push(`v|${region}|${f.vault}`);
  if (f.resourceArn) keys.push(`n|${region}|${f.resourceArn}`);
  if (f.parentJobId) keys.push(`p|${region}|${f.parentJobId}`);
  if (f.category) keys.push(`c|${region}|${f.category}`);
  return store.smallest(keys);
}

function matches(s: StoredJob, f: JobFilters): boolean {
  const j = s.job;
  if (f.account !== 'all' && j.AccountId !== f.account) return false;
  if (f.state && j.State !== f.state) return false;
  if (f.resourceType && j.ResourceType !== f.resourceType) return false;
  if (f.vault && j.BackupVaultName !== f.vault) return false;
  if (f.resourceArn && j.ResourceArn !== f.resourceArn) return false;
  if (f.parentJobId && j.ParentJobId !== f.parentJobId) return false;
  if (f.category && s.category !== f.category) return false;
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
 */
export function queryPage(store: JobStore, req: PageRequest): Page {
  const f = req.filters;
  const list = candidates(store, req.region, f);
  const lo = Math.max(f.createdAfter ?? Number.NEGATIVE_INFINITY, req.now - RETENTION_MS);
  // A job completed before X was created before X too.
  const hi = Math.min(
    f.createdBefore ?? Number.POSITIVE_INFINITY,
    f.completeBefore ?? Number.POSITIVE_INFINITY,
  );
  const start = lowerBoundKey(list, lo);
  const end = lowerBoundKey(list, hi);
  if (req.order === 'shuffled') return shuffledPage(list.slice(start, end), req);
  const out: StoredJob[] = [];
  const take = (s: StoredJob): boolean => {
    if (!matches(s, f)) return false;
    out.push(s);
    return out.length > req.limit;
  };
  if (req.order === 'newest') {
    const from = req.after ? Math.min(end, lowerBoundKey(list, req.after[0], req.after[1])) : end;
    for (let i = from - 1; i >= start; i--) if (take(list[i] as StoredJob)) break;
  } else {
    const from = req.after
      ? Math.max(start, lowerBoundKey(list, req.after[0], `${req.after[1]}\u0000`))
      : start;
    for (let i = from; i < end; i++) if (take(list[i] as StoredJob)) break;
  }
  return finish(out, req.limit, (s) => [s.created, s.id]);
}

function shuffledPage(range: readonly StoredJob[], req: PageRequest): Page {
  const key = (s: StoredJob): number => hash32(String(s.mix), req.shuffleSeed);
  const keyed = range.filter((s) => matches(s, req.filters)).map((s) => ({ s, k: key(s) }));
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

function finish(out: StoredJob[], limit: number, keyOf: (s: StoredJob) => PageKey): Page {
  if (out.length <= limit) return { jobs: out, next: undefined };
  const jobs = out.slice(0, limit);
  return { jobs, next: keyOf(jobs[jobs.length - 1] as StoredJob) };
}
