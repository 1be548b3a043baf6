import type { WindowCount } from '../backup/index.js';
import { resourceTitle } from '../blocks/resource-lines.js';
import { RETENTION_DAYS } from '../query/types.js';
import { describeAmount, UNIT_MS } from '../time/duration.js';
import type { StaleEntry } from './queries.js';
import type { CoverageService } from './service.js';
import type { CoverageStatus } from './types.js';

/**
 * The one state a stale rule counts: resources without a good backup in its age, or without a good
 * copy to another Region or account (`copies`). It keys the count's `byState`.
 */
export type StaleState = 'STALE' | 'STALE_COPY';

export function staleState(copies: boolean): StaleState {
  return copies ? 'STALE_COPY' : 'STALE';
}

/** What a stale alert rule asks of coverage: how old is too old, backups or copies, and its filters. */
export interface StaleScope {
  /** In ms. */
  maxAge: number;
  copies: boolean;
  accounts: readonly string[];
  resourceTypes: readonly string[];
  vaults: readonly string[];
  regions: readonly string[];
}

/** The stale resources an alert lists by name; the rest are counted. */
const LISTED = 10;
const TOP_REASONS = 5;

/**
 * A resource's age as an alert lists it: hours under two days, days after. Coarse on purpose: the
 * message is updated when a line changes, and an age in minutes would change it on every tick.
 */
function ageWords(ms: number): string {
  if (ms >= 2 * UNIT_MS.day) return describeAmount({ amount: Math.floor(ms / UNIT_MS.day), unit: 'day' });
  return describeAmount({ amount: Math.max(1, Math.floor(ms / UNIT_MS.hour)), unit: 'hour' });
}

function nameOf(entry: StaleEntry): string {
  const { resource, copy } = entry;
  const name = resourceTitle(resource);
  return copy ? `${name} → ${copy.destinationRegion}/${copy.destinationAccountId}` : name;
}

function lineOf(entry: StaleEntry, now: Date, copies: boolean): string {
  if (entry.lastGoodAt === undefined)
    return `${nameOf(entry)} (${copies ? 'no copy' : 'no good backup'} known)`;
  return `${nameOf(entry)} (${ageWords(now.getTime() - Date.parse(entry.lastGoodAt))})`;
}

/**
 * Why a resource is stale, from its last job: what AWS said when it did not complete, or that no
 * job ran since the last good one, or at all in the days AWS keeps.
 */
function reasonOf(entry: StaleEntry, copies: boolean): string {
  const what = copies ? 'copy' : 'backup';
  const last = copies ? entry.copy?.lastJob : entry.resource.lastJob;
  if (last === undefined) return `no ${what} job in the ${RETENTION_DAYS} days AWS keeps`;
  if (last.state === 'COMPLETED') return `no ${what} job since the last good one`;
  return last.reason ?? `last ${what} job ${last.state.toLowerCase()}`;
}

/** Copies are kept per destination: a resource counts once, by its stalest destination (listed first). */
function oncePerResource(entries: readonly StaleEntry[]): StaleEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.resource.resourceArn)) return false;
    seen.add(entry.resource.resourceArn);
    return true;
  });
}

function covers(accounts: readonly string[], account: string): boolean {
  return accounts.length === 0 || accounts.includes('*') || accounts.includes(account);
}

/**
 * What kept the answer from being complete: the last pass did not finish, or an account in scope
 * could not be read. Such a count may fire an alert but never resolves one.
 */
function gaps(status: CoverageStatus, scope: StaleScope): WindowCount['failedRegions'] {
  const failed: WindowCount['failedRegions'] = [];
  if (status.failure) failed.push({ region: 'AWS Backup', reason: status.failure.reason });
  for (const read of status.accounts) {
    if (read.problem !== undefined && covers(scope.accounts, read.accountId))
      failed.push({ region: `account ${read.accountId}`, reason: read.problem });
  }
  return failed;
}

function bump(record: Record<string, number>, key: string) {
  record[key] = (record[key] ?? 0) + 1;
}

/**
 * The count of a stale alert rule at `now`: the resources (gone ones left out) whose last good
 * backup, or copy to another Region or account, is older than the rule's age, from coverage's kept
 * state made fresh first. The first ten are named with their age, stalest first; the reasons are
 * those of their last jobs.
 */
export async function staleCount(
  coverage: Pick<CoverageService, 'ensureFresh' | 'stale'>,
  scope: StaleScope,
  now: Date,
): Promise<WindowCount> {
  await coverage.ensureFresh();
  const { entries, status } = await coverage.stale({
    maxAgeMs: scope.maxAge,
    copies: scope.copies,
    filters: {
      accounts: scope.accounts,
      regions: scope.regions,
      resourceTypes: scope.resourceTypes,
      vaults: scope.vaults,
    },
  });
  const stale = scope.copies ? oncePerResource(entries) : entries;
  const count: WindowCount = {
    total: stale.length,
    byState: stale.length > 0 ? { [staleState(scope.copies)]: stale.length } : {},
    byAccount: {},
    byRegion: {},
    byResourceType: {},
    topReasons: [],
    topResources: stale
      .slice(0, LISTED)
      .map((entry) => ({ name: lineOf(entry, now, scope.copies), count: 1 })),
    failedRegions: gaps(status, scope),
    calls: 0,
  };
  const reasons: Record<string, number> = {};
  for (const entry of stale) {
    bump(count.byAccount, entry.resource.accountId);
    bump(count.byRegion, entry.resource.region);
    bump(count.byResourceType, entry.resource.resourceType ?? 'unknown');
    bump(reasons, reasonOf(entry, scope.copies));
  }
  count.topReasons = Object.entries(reasons)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, TOP_REASONS)
    .map(([reason, n]) => ({ reason, count: n }));
  return count;
}
