import type { BackupGateway, BackupJob, CopyJob, Job } from '../backup/index.js';
import type { ProtectedResource } from '../backup/protected.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { listQueryOf } from '../query/list.js';
import type { ListQuery } from '../query/types.js';
import { RETENTION_DAYS } from '../query/types.js';
import { applyBackupJob, applyCopyJob, applyProtected, countsForFreshness, goneAfterRead } from './merge.js';
import type { CoverageStore } from './store.js';
import type { AccountRead, ResourceFreshness } from './types.js';

const DAY_MS = 86_400_000;

export interface PassOptions {
  /** Jobs that ended this long before the last pass are read again: AWS lists some late. */
  overlapMs: number;
  /** How often protected resources are read in full (ListProtectedResources takes no filter). */
  fullEveryMs: number;
  /** How long one pass may hold the lock. */
  lockMs: number;
}

export const DEFAULT_PASS_OPTIONS: PassOptions = {
  overlapMs: 15 * 60_000,
  fullEveryMs: 6 * 3_600_000,
  lockMs: 10 * 60_000,
};

export interface PassDeps {
  backup: Pick<
    BackupGateway,
    'regions' | 'openListing' | 'iterateJobs' | 'protectedResources' | 'memberAccess'
  >;
  store: CoverageStore;
  now: () => Date;
  log: Logger;
  options?: Partial<PassOptions>;
}

export interface PassResult {
  skipped?: 'busy';
  /** Jobs read, and records changed. */
  jobs: number;
  changed: number;
  full: boolean;
  failures: { what: string; reason: string }[];
}

function endedSince(kind: 'backup' | 'copy', region: string, since: Date, until: Date): ListQuery {
  return listQueryOf(kind, `coverage ${kind}`, {
    filters: { completedAfter: since.toISOString(), completedBefore: until.toISOString() },
    regions: [region],
    pageSize: 1000,
  });
}

async function mergeJobs(store: CoverageStore, jobs: readonly Job[]): Promise<number> {
  const relevant = jobs.filter(
    (job): job is BackupJob | CopyJob => job.kind !== 'restore' && countsForFreshness(job),
  );
  if (relevant.length === 0) return 0;
  const arns = [...new Set(relevant.map((job) => job.resourceArn!))];
  const records = await store.getMany(arns);
  for (const job of relevant) {
    const arn = job.resourceArn!;
    records.set(
      arn,
      job.kind === 'backup' ? applyBackupJob(records.get(arn), job) : applyCopyJob(records.get(arn), job),
    );
  }
  await store.putMany([...records.values()]);
  await store.noteAccounts(relevant.map((job) => job.accountId));
  return arns.length;
}

/**
 * Reads protected resources of every account the bot can read, in every Region: the bot's own
 * account with its own credentials, member accounts through their role when one is configured.
 * Marks resources their account no longer lists (and that ran no job since) as gone.
 */
async function readProtected(
  deps: PassDeps,
  at: string,
): Promise<{ reads: AccountRead[]; changed: number; failures: PassResult['failures'] }> {
  const { backup, store } = deps;
  const failures: PassResult['failures'] = [];
  const listed = new Map<string, ProtectedResource>();
  const readPlaces = new Set<string>();
  const reads = new Map<string, AccountRead>();
  const own = await Promise.allSettled(backup.regions.map((region) => backup.protectedResources(region)));
  const ownAccounts = new Set<string>();
  own.forEach((outcome, i) => {
    const region = backup.regions[i]!;
    if (outcome.status === 'rejected') {
      failures.push({ what: `protected resources in ${region}`, reason: describeError(outcome.reason) });
      return;
    }
    for (const resource of outcome.value.resources) {
      listed.set(resource.resourceArn, resource);
      ownAccounts.add(resource.accountId);
    }
    readPlaces.add(`*/${region}`);
  });
  for (const account of ownAccounts) reads.set(account, { accountId: account, readAt: at });
  if (backup.memberAccess) {
    const members = (await store.accountsSeen()).filter((account) => !ownAccounts.has(account));
    const tasks = members.flatMap((account) => backup.regions.map((region) => ({ account, region })));
    const settled = await Promise.allSettled(
      tasks.map(({ account, region }) => backup.protectedResources(region, account)),
    );
    settled.forEach((outcome, i) => {
      const { account, region } = tasks[i]!;
      if (outcome.status === 'rejected') {
        reads.set(account, { accountId: account, problem: describeError(outcome.reason) });
        return;
      }
      for (const resource of outcome.value.resources) listed.set(resource.resourceArn, resource);
      readPlaces.add(`${account}/${region}`);
      if (reads.get(account)?.problem === undefined) reads.set(account, { accountId: account, readAt: at });
    });
  }
  let changed = 0;
  const arns = [...listed.keys()];
  for (let i = 0; i < arns.length; i += 1000) {
    const chunk = arns.slice(i, i + 1000);
    const records = await store.getMany(chunk);
    await store.putMany(chunk.map((arn) => applyProtected(records.get(arn), listed.get(arn)!, at)));
    changed += chunk.length;
  }
  const read = (record: ResourceFreshness) =>
    readPlaces.has(`${record.accountId}/${record.region}`) ||
    (ownAccounts.has(record.accountId) && readPlaces.has(`*/${record.region}`));
  for await (const batch of store.all()) {
    const gone = batch
      .filter((record) => !listed.has(record.resourceArn) && read(record))
      .map((record) => goneAfterRead(record, at))
      .filter((record): record is ResourceFreshness => record !== null);
    await store.putMany(gone);
    changed += gone.length;
  }
  await store.noteAccounts(ownAccounts);
  return {
    reads: [...reads.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
    changed,
    failures,
  };
}

/**
 * One coverage pass: reads the backup and copy jobs that ended since the last pass (with an overlap
 * for late arrivals; 30 days on the first) in every Region, and protected resources when a full read
 * is due, and moves each resource's record. A Region that fails keeps its watermark, so its jobs
 * are read next time; the kept state stays that of the last good pass, and says so.
 */
export async function runCoveragePass(deps: PassDeps): Promise<PassResult> {
  const options = { ...DEFAULT_PASS_OPTIONS, ...deps.options };
  const release = await deps.store.lock(options.lockMs);
  if (!release) return { skipped: 'busy', jobs: 0, changed: 0, full: false, failures: [] };
  const result: PassResult = { jobs: 0, changed: 0, full: false, failures: [] };
  try {
    const started = deps.now();
    for (const kind of ['backup', 'copy'] as const) {
      await Promise.all(
        deps.backup.regions.map(async (region) => {
          const mark = await deps.store.watermark(kind, region);
          const since = mark
            ? new Date(Date.parse(mark) - options.overlapMs)
            : new Date(started.getTime() - RETENTION_DAYS * DAY_MS);
          try {
            const listing = deps.backup.openListing(endedSince(kind, region, since, started));
            for await (const batch of deps.backup.iterateJobs(listing)) {
              result.jobs += batch.length;
              result.changed += await mergeJobs(deps.store, batch);
            }
            await deps.store.setWatermark(kind, region, started.toISOString());
          } catch (err) {
            result.failures.push({ what: `${kind} jobs in ${region}`, reason: describeError(err) });
          }
        }),
      );
    }
    const full = await deps.store.fullReadAt();
    if (full === undefined || started.getTime() - Date.parse(full) >= options.fullEveryMs) {
      const at = started.toISOString();
      const read = await readProtected(deps, at);
      result.full = true;
      result.changed += read.changed;
      result.failures.push(...read.failures);
      if (read.failures.length < deps.backup.regions.length) await deps.store.setAccountReads(at, read.reads);
    }
    if (result.failures.length === 0) await deps.store.passFinished(started.toISOString());
    else {
      const reason = result.failures.map((f) => `${f.what}: ${f.reason}`).join('; ');
      await deps.store.passFailed(deps.now().toISOString(), reason);
      deps.log.warn({ failures: result.failures }, 'coverage pass incomplete');
    }
    return result;
  } finally {
    await release();
  }
}
