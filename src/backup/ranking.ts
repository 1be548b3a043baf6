import type { ListQuery } from '../query/types.js';
import type { BackupGateway } from './index.js';
import { bucketOf, SCAN_BOUND, type ScanOutcome, scanList } from './tally.js';
import type { Job } from './types.js';

/** One resource of a ranking: how many of its jobs matched, and the latest of them. */
export interface RankedResource {
  /** Its ARN, else its name (jobs without either are ranked under their job id). */
  key: string;
  arn?: string;
  name?: string;
  type?: string;
  accountId: string;
  region: string;
  count: number;
  /** When the latest matching job ended (or was created, while it runs). */
  lastAt: string;
  /** That job's StatusMessage (or validation message, or category), when AWS gave one. */
  lastReason?: string;
}

export interface Ranking extends ScanOutcome {
  /** The first `limit` resources, most matching jobs first. */
  resources: RankedResource[];
  /** Resources with at least one matching job, shown or not. */
  resourceCount: number;
  /** Matching jobs, shown or not. */
  jobCount: number;
}

function reasonOf(job: Job): string | undefined {
  const validation = job.kind === 'restore' ? job.validationMessage : undefined;
  return job.statusMessage ?? validation ?? job.messageCategory;
}

function compare(a: RankedResource, b: RankedResource): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.lastAt !== b.lastAt) return a.lastAt < b.lastAt ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Resources ranked by how many of their jobs the list would show (the list's states: FAILED for
 * `top failing resources`), from a bounded walk through the jobs. One entry per resource is kept,
 * never the jobs.
 */
export async function rankResources(
  backup: Pick<BackupGateway, 'regions' | 'openListing' | 'iterateJobs'>,
  list: ListQuery,
  limit: number,
  bound = SCAN_BOUND,
): Promise<Ranking> {
  const byKey = new Map<string, RankedResource>();
  let jobCount = 0;
  const scan = await scanList(
    backup,
    list,
    (job) => {
      if (bucketOf(list, job) === undefined) return;
      jobCount++;
      const key = job.resourceArn ?? job.resourceName ?? job.jobId;
      const at = job.completedAt ?? job.createdAt;
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(
          key,
          latest({ key, accountId: job.accountId, region: job.region, count: 1, lastAt: at }, job),
        );
        return;
      }
      seen.count++;
      if (at > seen.lastAt) byKey.set(key, latest({ ...seen, lastAt: at }, job));
    },
    bound,
  );
  const resources = [...byKey.values()].sort(compare).slice(0, Math.max(0, limit));
  return { ...scan, resources, resourceCount: byKey.size, jobCount };
}

/** The entry with the fields of its latest job. */
function latest(entry: RankedResource, job: Job): RankedResource {
  const out: RankedResource = {
    key: entry.key,
    accountId: job.accountId,
    region: job.region,
    count: entry.count,
    lastAt: entry.lastAt,
  };
  if (job.resourceArn !== undefined) out.arn = job.resourceArn;
  if (job.resourceName !== undefined) out.name = job.resourceName;
  if (job.resourceType !== undefined) out.type = job.resourceType;
  const reason = reasonOf(job);
  if (reason !== undefined && reason !== '') out.lastReason = reason;
  return out;
}
