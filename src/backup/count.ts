import { ListBackupJobsCommand } from '@aws-sdk/client-backup';
import type { JobState } from '../domain/index.js';
import { isCompletedWithIssues } from '../domain/index.js';
import type { CodedError } from '../errors.js';
import { type CallRunner, callAws } from './call.js';
import { toBackupJob } from './convert.js';
import type { BackupJob } from './types.js';

/** What an alert rule counts: ended states, plus COMPLETED_WITH_ISSUES. */
export type CountState = 'FAILED' | 'PARTIAL' | 'ABORTED' | 'EXPIRED' | 'COMPLETED_WITH_ISSUES';

export interface CountScope {
  states: CountState[];
  /** [] = the default account, ['*'] = the whole organisation, else these accounts. */
  accounts: string[];
  resourceTypes: string[];
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

async function listEnded(
  runner: CallRunner,
  region: string,
  state: JobState,
  input: Record<string, unknown>,
) {
  const jobs: BackupJob[] = [];
  let token: string | undefined;
  let calls = 0;
  do {
    const pageInput = { ...input, ByState: state, MaxResults: 1000, ...(token ? { NextToken: token } : {}) };
    const out = await callAws(runner, { operation: 'ListBackupJobs', region }, (client) =>
      client.send(new ListBackupJobsCommand(pageInput)),
    );
    calls++;
    for (const raw of out.BackupJobs ?? []) jobs.push(toBackupJob(raw, region));
    token = out.NextToken;
  } while (token);
  return { jobs, calls };
}

/**
 * Counts jobs that ended inside the window, with every filter AWS can apply pushed down: one
 * ListBackupJobs call per state and region unless more than 1,000 jobs match. A region that fails
 * is reported in `failedRegions` and the others still count.
 */
export async function countJobs(
  runner: CallRunner,
  scope: CountScope,
  window: { start: Date; end: Date },
  where: { regions: readonly string[]; defaultAccountId?: string | undefined },
): Promise<WindowCount> {
  const regions = scope.regions.length > 0 ? [...new Set(scope.regions)] : [...where.regions];
  const account = accountFilter(scope.accounts, where.defaultAccountId);
  const base: Record<string, unknown> = { ByCompleteAfter: window.start, ByCompleteBefore: window.end };
  if (account) base.ByAccountId = account;
  const type = serverFilter(scope.resourceTypes);
  if (type) base.ByResourceType = type;
  const vault = serverFilter(scope.vaults);
  if (vault) base.ByBackupVaultName = vault;
  const keep = (job: BackupJob) =>
    (scope.accounts.length < 2 || scope.accounts.includes('*') || scope.accounts.includes(job.accountId)) &&
    (scope.resourceTypes.length < 2 || scope.resourceTypes.includes(job.resourceType ?? '')) &&
    (scope.vaults.length < 2 || scope.vaults.includes(job.vaultName ?? ''));

  const tasks = regions.flatMap((region) =>
    [...new Set(scope.states)].map((counted) => ({ region, counted })),
  );
  const settled = await Promise.allSettled(
    tasks.map(({ region, counted }) =>
      listEnded(runner, region, counted === 'COMPLETED_WITH_ISSUES' ? 'COMPLETED' : counted, base),
    ),
  );
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
  settled.forEach((outcome, i) => {
    const { region, counted } = tasks[i]!;
    if (outcome.status === 'rejected') {
      const err = outcome.reason as CodedError;
      if (!result.failedRegions.some((f) => f.region === region))
        result.failedRegions.push({ region, reason: err.message });
      result.calls++;
      return;
    }
    result.calls += outcome.value.calls;
    for (const job of outcome.value.jobs) {
      if (!keep(job) || (counted === 'COMPLETED_WITH_ISSUES' && !isCompletedWithIssues(job))) continue;
      result.total++;
      bump(result.byState, counted);
      bump(result.byAccount, job.accountId);
      bump(result.byRegion, job.region);
      bump(result.byResourceType, job.resourceType ?? 'unknown');
      const reason = (job.statusMessage ?? job.messageCategory ?? counted).slice(0, 160);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      const name = job.resourceName ?? job.resourceArn ?? job.jobId;
      resources.set(name, (resources.get(name) ?? 0) + 1);
    }
  });
  result.topReasons = top(reasons).map(({ key, count }) => ({ reason: key, count }));
  result.topResources = top(resources).map(({ key, count }) => ({ name: key, count }));
  return result;
}
