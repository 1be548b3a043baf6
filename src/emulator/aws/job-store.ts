import { hash32 } from './prng.js';
import type { AwsBackupJob } from './types.js';

/** A job with the values its indexes and filters use, computed once. */
export interface StoredJob {
  job: AwsBackupJob;
  id: string;
  created: number;
  completed: number | undefined;
  /** MessageCategory in lower case: categories match case-insensitively. */
  category: string | undefined;
  /** A stable per-job number that shuffled listings mix with the query. */
  mix: number;
  /** The job's ListBackupJobs JSON, made the first time it is served (jobs never change). */
  json?: string;
}

/** Orders by creation time, then id: the keyset every page continues from. */
export function compareJobs(a: StoredJob, b: StoredJob): number {
  return a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function indexKeys(s: StoredJob): string[] {
  const j = s.job;
  const r = j.Region;
  const keys = [
    `r|${r}`,
    `a|${r}|${j.AccountId}`,
    `s|${r}|${j.State}`,
    `t|${r}|${j.ResourceType}`,
    `v|${r}|${j.BackupVaultName}`,
    `n|${r}|${j.ResourceArn}`,
  ];
  if (j.ParentJobId) keys.push(`p|${r}|${j.ParentJobId}`);
  if (s.category) keys.push(`c|${r}|${s.category}`);
  return keys;
}

/**
 * Jobs kept sorted by (creation, id) in one list per region and per region + account, state, type,
 * vault, resource, parent and category, so a page starts with a binary search in the smallest list
 * that fits the filters instead of scanning every job. Jobs never change once added.
 */
export class JobStore {
  readonly #indexes = new Map<string, StoredJob[]>();
  readonly #byId = new Map<string, StoredJob>();
  /** Bumped on every change; caches of derived data key on it. */
  version = 0;

  get size(): number {
    return this.#byId.size;
  }

  /** Adds jobs; throws when a job id already exists in its region. */
  add(jobs: readonly AwsBackupJob[]): StoredJob[] {
    const stored = jobs.map(toStored);
    const keys = new Set<string>();
    for (const s of stored) {
      const key = `${s.job.Region}|${s.id}`;
      if (this.#byId.has(key) || keys.has(key)) {
        throw new Error(`Backup job ${s.id} already exists in ${s.job.Region}.`);
      }
      keys.add(key);
    }
    for (const s of stored) this.#byId.set(`${s.job.Region}|${s.id}`, s);
    const bulk = stored.length > 32;
    const touched = new Set<StoredJob[]>();
    for (const s of stored) {
      for (const key of indexKeys(s)) {
        let list = this.#indexes.get(key);
        if (!list) {
          list = [];
          this.#indexes.set(key, list);
        }
        if (bulk) {
          list.push(s);
          touched.add(list);
        } else {
          list.splice(upperBound(list, s), 0, s);
        }
      }
    }
    for (const list of touched) list.sort(compareJobs);
    this.version++;
    return stored;
  }

  clear(): number {
    const count = this.#byId.size;
    this.#indexes.clear();
    this.#byId.clear();
    this.version++;
    return count;
  }

  get(region: string, id: string): StoredJob | undefined {
    return this.#byId.get(`${region}|${id}`);
  }

  /** The sorted list of one index (`r|region`, `a|region|account`, …); empty when none. */
  list(key: string): readonly StoredJob[] {
    return this.#indexes.get(key) ?? [];
  }

  /** The smallest of the given index lists. */
  smallest(keys: readonly string[]): readonly StoredJob[] {
    let best: readonly StoredJob[] | undefined;
    for (const key of keys) {
      const list = this.list(key);
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }
}

function toStored(job: AwsBackupJob): StoredJob {
  return {
    job,
    id: job.BackupJobId,
    created: job.CreationDate.getTime(),
    completed: job.CompletionDate?.getTime(),
    category: job.MessageCategory?.toLowerCase(),
    mix: hash32(job.BackupJobId),
  };
}

function upperBound(list: readonly StoredJob[], s: StoredJob): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareJobs(list[mid] as StoredJob, s) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose (created, id) is not below `(created, id)`. */
export function lowerBoundKey(list: readonly StoredJob[], created: number, id = ''): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid] as StoredJob;
    if (m.created < created || (m.created === created && m.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
