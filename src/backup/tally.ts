import {
  DERIVED_OUTCOMES,
  type DerivedOutcome,
  isCompletedWithIssues,
  isOutcome,
  type JobKind,
} from '../domain/index.js';
import type { CodedError } from '../errors.js';
import type { ListQuery } from '../query/types.js';
import type { BackupGateway } from './index.js';
import type { Job } from './types.js';

/** Jobs a question looks at, at most, before it answers with "more than": 10 List calls per Region. */
export const SCAN_BOUND = 10_000;

/** What a bounded walk through a list's jobs saw. */
export interface ScanOutcome {
  /** Jobs seen and counted. */
  scanned: number;
  /** True when there were more jobs than `bound`: the counts are floors. */
  capped: boolean;
  bound: number;
  regions: string[];
  /** Regions whose calls failed: the counts cover the others. */
  failedRegions: { region: string; reason: string }[];
}

/** How many jobs a list would show, per state or outcome it asks for. */
export interface JobCounts extends ScanOutcome {
  source: 'summaries' | 'jobs';
  total: number;
  /** Disjoint: a state of the kind, or a derived outcome (`COMPLETED_WITH_ISSUES`); they add up to `total`. */
  byState: Record<string, number>;
  /** COMPLETED jobs counted whose MessageCategory is not SUCCESS; absent when the kind has none. */
  issues?: number;
}

/** The outcomes a list asks for beside its states (and not already covered by one). */
function outcomesOf(list: ListQuery): DerivedOutcome[] {
  const outcomes: DerivedOutcome[] = [
    ...(list.withIssues ? (['COMPLETED_WITH_ISSUES'] as const) : []),
    ...list.validation.map((v) => `VALIDATION_${v}` as const),
  ];
  return outcomes.filter((o) => !list.states.includes(DERIVED_OUTCOMES[o].state));
}

/**
 * The states and outcomes a list asks for, each counted even when no job is in it; none when it
 * asks for every state (then the states found are counted).
 */
export function askedBuckets(list: ListQuery): string[] {
  return [...list.states, ...outcomesOf(list)];
}

/** Whether the list asks for every state (no state, outcome or validation named). */
export function asksEveryState(list: ListQuery): boolean {
  return list.states.length === 0 && !list.withIssues && list.validation.length === 0;
}

/** Whether a kind's jobs have message categories, so "completed with issues" can be told. */
export function hasCategories(kind: JobKind): boolean {
  return (DERIVED_OUTCOMES.COMPLETED_WITH_ISSUES.kinds as readonly JobKind[]).includes(kind);
}

/** The state or outcome a listed job is counted under; undefined for a job the list would not show. */
export function bucketOf(list: ListQuery, job: Job): string | undefined {
  if (asksEveryState(list) || list.states.includes(job.state)) return job.state;
  return outcomesOf(list).find((o) => job.state === DERIVED_OUTCOMES[o].state && isOutcome(o, job));
}

/**
 * Walks every job of a list, each Region on its own and all at once, stopping once `bound` jobs
 * were seen; nothing is kept but what `visit` keeps. A Region that fails is reported and the
 * others still count; when every Region fails, the first failure is thrown.
 */
export async function scanList(
  backup: Pick<BackupGateway, 'regions' | 'openListing' | 'iterateJobs'>,
  list: ListQuery,
  visit: (job: Job) => void,
  bound = SCAN_BOUND,
): Promise<ScanOutcome> {
  const regions = list.regions.length > 0 ? [...new Set(list.regions)] : [...backup.regions];
  const outcome: ScanOutcome = { scanned: 0, capped: false, bound, regions, failedRegions: [] };
  const walk = async (region: string) => {
    for await (const jobs of backup.iterateJobs(backup.openListing({ ...list, regions: [region] }))) {
      for (const job of jobs) {
        if (outcome.scanned >= bound) {
          outcome.capped = true;
          return;
        }
        outcome.scanned++;
        visit(job);
      }
    }
  };
  const settled = await Promise.allSettled(regions.map(walk));
  settled.forEach((result, i) => {
    if (result.status === 'rejected')
      outcome.failedRegions.push({ region: regions[i]!, reason: (result.reason as CodedError).message });
  });
  if (regions.length > 0 && outcome.failedRegions.length === regions.length)
    throw (settled[0] as PromiseRejectedResult).reason;
  return outcome;
}

/** Counts the jobs a list would show by walking them (`scanList`), per state and outcome. */
export async function countListed(
  backup: Pick<BackupGateway, 'regions' | 'openListing' | 'iterateJobs'>,
  list: ListQuery,
  bound = SCAN_BOUND,
): Promise<JobCounts> {
  const byState: Record<string, number> = Object.fromEntries(askedBuckets(list).map((b) => [b, 0]));
  let total = 0;
  let issues = 0;
  const scan = await scanList(
    backup,
    list,
    (job) => {
      const bucket = bucketOf(list, job);
      if (bucket === undefined) return;
      total++;
      byState[bucket] = (byState[bucket] ?? 0) + 1;
      if (bucket === 'COMPLETED' && isCompletedWithIssues(job)) issues++;
    },
    bound,
  );
  const counted = asksEveryState(list) || list.states.includes('COMPLETED');
  return {
    ...scan,
    source: 'jobs',
    total,
    byState,
    ...(hasCategories(list.jobKind) && counted ? { issues } : {}),
  };
}
