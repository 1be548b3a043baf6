import {
  COUNTABLE_OF_KIND,
  type DerivedOutcome,
  isDerivedOutcome,
  type JobKind,
  type JobState,
} from '../domain/index.js';
import type { CodedError } from '../errors.js';
import type { ListFilters } from '../query/types.js';
import type { CallRunner } from './call.js';
import { iterateStreams } from './iterate.js';
import { type ListingScope, planListing, type StreamAsk } from './listing.js';
import type { Job } from './types.js';

/**
 * What an alert rule counts: ended states of its kind that need attention, and the derived outcomes
 * (COMPLETED_WITH_ISSUES; restore validation FAILED and TIMED_OUT). `COUNTABLE_OF_KIND` lists them.
 */
export type CountState = Extract<JobState, 'FAILED' | 'PARTIAL' | 'ABORTED' | 'EXPIRED'> | DerivedOutcome;

export interface CountScope {
  /** Absent means backup jobs. */
  jobKind?: JobKind;
  states: CountState[];
  /** [] = the default account, ['*'] = the whole organisation, else these accounts. */
  accounts: string[];
  resourceTypes: string[];
  /** Backup jobs: the vault; copy jobs: the source or the destination vault. */
  vaults: string[];
  /** [] = every configured region. */
  regions: string[];
}

export interface WindowCount {
  total: number;
  byState: Record<string, number>;
  byAccount: Record<string, number>;
  byRegion: Record<string, number>;
  byResourceType: Record<string, number>;
  topReasons: { reason: string; count: number }[];
  topResources: { name: string; count: number }[];
  /** Regions whose calls failed: the count is incomplete and must not resolve a firing alert. */
  failedRegions: { region: string; reason: string }[];
  calls: number;
}

const TOP = 5;

function bump(record: Record<string, number>, key: string) {
  record[key] = (record[key] ?? 0) + 1;
}

function top(record: Map<string, number>): { key: string; count: number }[] {
  return [...record.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP)
    .map(([key, count]) => ({ key, count }));
}

function serverFilter(values: string[]): string | undefined {
  return values.length === 1 && values[0] !== '*' ? values[0] : undefined;
}

function accountFilter(accounts: string[], defaultAccountId: string | undefined): string | undefined {
  if (accounts.length === 0) return defaultAccountId;
  if (accounts.length === 1) return accounts[0];
  return '*';
}

/** The vault names a job is in: a copy is in its source and its destination vault. */
function vaultsOf(job: Job): (string | undefined)[] {
  if (job.kind === 'copy') return [job.sourceVaultName, job.destinationVaultName];
  return [job.vaultName];
}

/** The states a kind's rule may count, for `scope.states` that came from elsewhere. */
function countable(kind: JobKind, states: readonly CountState[]): CountState[] {
  return [...new Set(states)].filter((s) => COUNTABLE_OF_KIND[kind].includes(s));
}

/**
 * Counts jobs of one kind that ended inside the window, with every filter AWS can apply pushed
 * down: one List call per state and Region unless more than 1,000 jobs match. A Region that fails
 * is reported in `failedRegions` and the others still count.
 */
export async function countJobs(
  runner: CallRunner,
  scope: CountScope,
  window: { start: Date; end: Date },
  where: ListingScope,
): Promise<WindowCount> {
  const kind = scope.jobKind ?? 'backup';
  const filters: ListFilters = {
    completedAfter: window.start.toISOString(),
    completedBefore: window.end.toISOString(),
  };
  const account = accountFilter(scope.accounts, where.defaultAccountId);
  if (account) filters.account = account;
  const type = serverFilter(scope.resourceTypes);
  if (type) filters.resourceType = type;
  const vault = serverFilter(scope.vaults);
  if (vault) filters.vault = vault;
  const keep = (job: Job) =>
    (scope.accounts.length < 2 || scope.accounts.includes('*') || scope.accounts.includes(job.accountId)) &&
    (scope.resourceTypes.length < 2 || scope.resourceTypes.includes(job.resourceType ?? '')) &&
    (scope.vaults.length < 2 ||
      vaultsOf(job).some((name) => name !== undefined && scope.vaults.includes(name)));

  const asks: StreamAsk[] = countable(kind, scope.states).map((counted) =>
    isDerivedOutcome(counted) ? { state: 'COMPLETED', outcome: counted } : { state: counted },
  );
  // The account is already the listing's filter: no default applies on top of it.
  const listing = planListing(kind, filters, asks, {
    regions: scope.regions,
    scope: { regions: where.regions },
  });
  const result: WindowCount = {
    total: 0,
    byState: {},
    byAccount: {},
    byRegion: {},
    byResourceType: {},
    topReasons: [],
    topResources: [],
    failedRegions: [],
    calls: 0,
  };
  const reasons = new Map<string, number>();
  const resources = new Map<string, number>();
  for await (const { stream, jobs, calls, error } of iterateStreams(runner, listing)) {
    result.calls += calls;
    if (error !== undefined) {
      if (!result.failedRegions.some((f) => f.region === stream.region))
        result.failedRegions.push({ region: stream.region, reason: (error as CodedError).message });
      continue;
    }
    const counted = stream.outcome ?? stream.state ?? 'UNKNOWN';
    for (const job of jobs) {
      if (!keep(job)) continue;
      result.total++;
      bump(result.byState, counted);
      bump(result.byAccount, job.accountId);
      bump(result.byRegion, job.region);
      bump(result.byResourceType, job.resourceType ?? 'unknown');
      const validation = job.kind === 'restore' ? job.validationMessage : undefined;
      const reason = (job.statusMessage ?? validation ?? job.messageCategory ?? counted).slice(0, 160);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      const name = job.resourceName ?? job.resourceArn ?? job.jobId;
      resources.set(name, (resources.get(name) ?? 0) + 1);
    }
  }
  result.topReasons = top(reasons).map(({ key, count }) => ({ reason: key, count }));
  result.topResources = top(resources).map(({ key, count }) => ({ name: key, count }));
  return result;
}
