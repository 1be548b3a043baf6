import type { AddressInfo } from 'node:net';
import { adminHandler } from './admin.js';
import type { EmulatorContext } from './context.js';
import { generateDataset } from './dataset.js';
import { CallStats, FaultState } from './faults.js';
import type { SeededGaps } from './gaps.js';
import { SessionStore } from './identity.js';
import { completeJob } from './job-input.js';
import { BACKUP_JOB_SHAPE, COPY_JOB_SHAPE, RESTORE_JOB_SHAPE } from './job-shapes.js';
import { JobStore } from './job-store.js';
import type { AwsCopyJob, AwsCopyJobInput, AwsRestoreJob, AwsRestoreJobInput } from './job-types.js';
import { kindApi } from './kind-api.js';
import type { ListOrder } from './list-query.js';
import { ProtectedIndex, type ProtectedResource } from './protected-index.js';
import { type Recovery, resourceApi } from './resource-api.js';
import { createEmulatorServer } from './server.js';
import { TokenCodec } from './tokens.js';
import type { AwsBackupJob, AwsBackupJobInput, EmulatorStats, Faults } from './types.js';
import { VaultStore } from './vault-store.js';

export type { SeededGap, SeededGaps, StaleCopyGap } from './gaps.js';
export { STALE_BACKUP_DAYS, STALE_COPY_DAYS } from './gaps.js';
export type {
  AwsCopyJob,
  AwsCopyJobInput,
  AwsLifecycle,
  AwsRestoreJob,
  AwsRestoreJobCreator,
  AwsRestoreJobInput,
} from './job-types.js';
export type { ProtectedResource } from './protected-index.js';
export type { Recovery } from './resource-api.js';
export type {
  AwsBackupJob,
  AwsBackupJobInput,
  AwsRecoveryPointCreator,
  EmulatorStats,
  Faults,
  Operation,
  StsOperation,
  TimeInput,
} from './types.js';
export { OPERATIONS, STS_OPERATIONS } from './types.js';

/** The role AWS Organizations creates in every account it creates. */
export const DEFAULT_MEMBER_ROLE_NAME = 'OrganizationAccountAccessRole';

export interface BackupEmulatorOptions {
  /** TCP port; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** Seed of the generated organisation: same seed, same data. @defaultValue 1 */
  seed?: number;
  /** Approximate number of generated jobs; 0 = none. @defaultValue 3000 */
  jobs?: number;
  /**
   * Resources the jobs are of: more than daily backups of `jobs` make are each backed up every few
   * days. @defaultValue about `jobs / 33` (one backup a day)
   */
  resources?: number;
  /** Accounts in the organisation (ids derived from the seed); the first is the caller. @defaultValue 3 */
  accounts?: number;
  /** @defaultValue ['us-east-1', 'eu-west-1'] */
  regions?: string[];
  /** Added to every AWS call. @defaultValue 0 */
  latencyMs?: number;
  /** The emulator clock; the dataset is generated relative to it. @defaultValue real time */
  now?: () => Date;
  /**
   * ListBackupJobs order. `shuffled` is deterministic per query but unsorted, to show that a client
   * never relies on order. @defaultValue 'newest'
   */
  order?: ListOrder;
  /**
   * The role STS AssumeRole may assume in every member account (not in the management account);
   * its credentials then act as that account. @defaultValue 'OrganizationAccountAccessRole'
   */
  memberRoleName?: string;
}

/** A running AWS Backup emulator. Point the SDK at `url` (or set AWS_ENDPOINT_URL_BACKUP to it). */
export interface BackupEmulator {
  url: string;
  port: number;
  /**
   * Organisation accounts; the first is the management account, which any credentials act as except
   * those AssumeRole issued (`arn:aws:iam::<member>:role/<memberRoleName>`), which act as the member.
   */
  accounts: string[];
  regions: string[];
  memberRoleName: string;
  /** Backup jobs held now, of every age, region and account. */
  jobCount(): number;
  /** Adds backup jobs (AWS field names plus Region); missing fields get realistic defaults. */
  addJobs(partials: Partial<AwsBackupJobInput>[]): AwsBackupJob[];
  /** Removes every backup job (copy and restore jobs stay). */
  clearJobs(): void;
  copyJobCount(): number;
  /**
   * Adds copy jobs. One naming a held backup job (`CreatedByBackupJobId`, or its recovery point as
   * `SourceRecoveryPointArn`) is a copy of that job: same account, Region, resource, vault and plan.
   */
  addCopyJobs(partials: Partial<AwsCopyJobInput>[]): AwsCopyJob[];
  clearCopyJobs(): void;
  restoreJobCount(): number;
  /** Adds restore jobs; a `RecoveryPointArn` of a held backup job restores that job's resource. */
  addRestoreJobs(partials: Partial<AwsRestoreJobInput>[]): AwsRestoreJob[];
  clearRestoreJobs(): void;
  /**
   * What ListProtectedResources lists, of one account and Region or of all (Region and AccountId
   * added; by Region, account and ResourceArn): a resource with a recovery point there, from a backup
   * or a copy, with its newest one. Resources of the seeded gaps and retired resources included.
   */
  protectedResources(account?: string, region?: string): ProtectedResource[];
  /** The protection gaps seeded in the organisation: which resources, where, since when. */
  seededGaps(): SeededGaps;
  /**
   * Marks a resource (a ResourceArn with a recovery point of its own) stale: it gets no new job from
   * now, and its LastBackupTime stays. Throws for an unknown resource.
   */
  makeStale(resourceArn: string): ProtectedResource;
  /**
   * Adds a COMPLETED backup job of the resource that completed minutes ago (same vault, plan and role
   * as its last one), and a COMPLETED copy of it where its copies went before, so its LastBackupTime is
   * fresh again where it is backed up and where it is copied; it is no longer stale.
   */
  recover(resourceArn: string): Recovery;
  /** ARNs made stale and not recovered since. */
  staleResources(): string[];
  /** Replaces the injected faults; `{}` clears them. */
  setFaults(f: Faults): void;
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

/** Generates the seeded organisation and serves it over HTTP until `close()`. */
export async function startBackupEmulator(options: BackupEmulatorOptions = {}): Promise<BackupEmulator> {
  const clock = options.now ?? (() => new Date());
  const regions = options.regions ?? ['us-east-1', 'eu-west-1'];
  const seed = options.seed ?? 1;
  const data = generateDataset({
    seed,
    jobs: options.jobs ?? 3000,
    ...(options.resources === undefined ? {} : { resources: options.resources }),
    accounts: options.accounts ?? 3,
    regions,
    now: clock(),
  });
  const store = new JobStore(BACKUP_JOB_SHAPE);
  store.add([...data.jobs, ...data.gaps.jobs]);
  const copies = new JobStore(COPY_JOB_SHAPE);
  copies.add([...data.copyJobs, ...data.gaps.copyJobs]);
  const restores = new JobStore(RESTORE_JOB_SHAPE);
  restores.add(data.restoreJobs);
  const ctx: EmulatorContext = {
    store,
    copies,
    restores,
    vaults: new VaultStore(data.vaultsByPlace),
    tokens: new TokenCodec(),
    accounts: data.accounts,
    regions,
    now: () => clock().getTime(),
    order: options.order ?? 'newest',
    summaryCache: new Map(),
    sessions: new SessionStore(),
    memberRoleName: options.memberRoleName ?? DEFAULT_MEMBER_ROLE_NAME,
    protected: new ProtectedIndex(store, copies),
  };
  const faults = new FaultState(seed);
  const stats = new CallStats();
  const addJobs = (partials: Partial<AwsBackupJobInput>[]): AwsBackupJob[] => {
    const defaults = { account: data.accounts[0] as string, region: regions[0] as string, now: clock() };
    const jobs = partials.map((p) => completeJob(p, defaults));
    for (const job of jobs) ctx.vaults.ensure(job.Region, job.AccountId, job.BackupVaultName, defaults.now);
    store.add(jobs);
    return jobs;
  };
  const kinds = kindApi(ctx, data.layout, clock);
  const resources = resourceApi(ctx, data.gaps.gaps, clock, { addJobs, addCopyJobs: kinds.addCopyJobs });
  const api = {
    addJobs,
    clearJobs: () => store.clear(),
    ...kinds,
    ...resources,
    setFaults: (f: Faults) => faults.set(f),
    faults: () => faults.current,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
  const server = createEmulatorServer({
    ctx,
    faults,
    stats,
    latencyMs: options.latencyMs ?? 0,
    admin: adminHandler(api),
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    accounts: [...data.accounts],
    regions: [...regions],
    memberRoleName: ctx.memberRoleName,
    jobCount: () => store.size,
    addJobs,
    clearJobs: () => {
      store.clear();
    },
    copyJobCount: () => copies.size,
    addCopyJobs: kinds.addCopyJobs,
    clearCopyJobs: () => {
      kinds.clearCopyJobs();
    },
    restoreJobCount: () => restores.size,
    addRestoreJobs: kinds.addRestoreJobs,
    clearRestoreJobs: () => {
      kinds.clearRestoreJobs();
    },
    protectedResources: resources.protectedResources,
    seededGaps: resources.seededGaps,
    makeStale: resources.makeStale,
    recover: resources.recover,
    staleResources: resources.staleResources,
    setFaults: api.setFaults,
    stats: api.stats,
    resetStats: api.resetStats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
