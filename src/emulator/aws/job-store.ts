import { hash32 } from './prng.js';
import type { AwsBackupJob } from './types.js';

/** What every kind of job has that the store sorts and pages by. */
export interface StorableJob {
  Region: string;
  AccountId: string;
  ResourceType: string;
  ParentJobId?: string;
  CreationDate: Date;
  CompletionDate?: Date;
  MessageCategory?: string;
}

/** A job with the values its indexes and filters use, computed once. */
export interface StoredJob<J extends StorableJob = AwsBackupJob> {
  job: J;
  id: string;
  created: number;
  completed: number | undefined;
  /** MessageCategory in lower case: categories match case-insensitively. */
  category: string | undefined;
  /** A stable per-job number that shuffled listings mix with the query. */
  mix: number;
  /** The job's List JSON, made the first time it is served (jobs never change). */
  json?: string;
}

/** How a kind of job is named and indexed. */
export interface JobShape<J extends StorableJob> {
  /** Used in messages: `Backup job`, `Copy job`, `Restore job`. */
  noun: string;
  id(job: J): string;
  /** The index lists the job belongs to besides `r|region` (each key already holds the region). */
  keys(stored: StoredJob<J>): string[];
}

/** Orders by creation time, then id: the keyset every page continues from. */
export function compareJobs<J extends StorableJob>(a: StoredJob<J>, b: StoredJob<J>): number {
  return a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Jobs of one kind kept sorted by (creation, id) in one list per region and per region + each value
 * its shape indexes (account, state, type, …), so a page starts with a binary search in the smallest
 * list that fits the filters instead of scanning every job. Jobs never change once added.
 */
export class JobStore<J extends StorableJob = AwsBackupJob> {
  readonly #indexes = new Map<string, StoredJob<J>[]>();
  readonly #byId = new Map<string, StoredJob<J>>();
  readonly #shape: JobShape<J>;
  /** Bumped on every change; caches of derived data key on it. */
  version = 0;

  constructor(shape: JobShape<J>) {
    this.#shape = shape;
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Adds jobs; throws when a job id already exists in its region. */
  add(jobs: readonly J[]): StoredJob<J>[] {
    const stored = jobs.map((job) => this.#toStored(job));
    const keys = new Set<string>();
    for (const s of stored) {
      const key = `${s.job.Region}|${s.id}`;
      if (this.#byId.has(key) || keys.has(key)) {
        throw new Error(`${this.#shape.noun} ${s.id} already exists in ${s.job.Region}.`);
      }
      keys.add(key);
    }
    for (const s of stored) this.#byId.set(`${s.job.Region}|${s.id}`, s);
    const bulk = stored.length > 32;
    const touched = new Set<StoredJob<J>[]>();
    for (const s of stored) {
      for (const key of [`r|${s.job.Region}`, ...this.#shape.keys(s)]) {
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

  /** Every job held, of every Region, in no particular order. */
  values(): IterableIterator<StoredJob<J>> {
    return this.#byId.values();
  }

  get(region: string, id: string): StoredJob<J> | undefined {
    return this.#byId.get(`${region}|${id}`);
  }

  /** The sorted list of one index (`r|region`, `a|region|account`, …); empty when none. */
  list(key: string): readonly StoredJob<J>[] {
    return this.#indexes.get(key) ?? [];
  }

  /** The smallest of the given index lists. */
  smallest(keys: readonly string[]): readonly StoredJob<J>[] {
    let best: readonly StoredJob<J>[] | undefined;
    for (const key of keys) {
      const list = this.list(key);
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  }

  #toStored(job: J): StoredJob<J> {
    const id = this.#shape.id(job);
    return {
      job,
      id,
      created: job.CreationDate.getTime(),
      completed: job.CompletionDate?.getTime(),
      category: job.MessageCategory?.toLowerCase(),
      mix: hash32(id),
    };
  }
}

function upperBound<J extends StorableJob>(list: readonly StoredJob<J>[], s: StoredJob<J>): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareJobs(list[mid] as StoredJob<J>, s) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose (created, id) is not below `(created, id)`. */
export function lowerBoundKey<J extends StorableJob>(
  list: readonly StoredJob<J>[],
  created: number,
  id = '',
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid] as StoredJob<J>;
    if (m.created < created || (m.created === created && m.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
