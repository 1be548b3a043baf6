import type { BackupJob, CopyJob } from '../../src/backup/index.js';
import { applyBackupJob, applyCopyJob, type ResourceFreshness } from '../../src/coverage/index.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ResourceSpec {
  name: string;
  account?: string;
  region?: string;
  type?: string;
  vault?: string;
}

function arnOf(spec: ResourceSpec): string {
  return `arn:aws:rds:${spec.region ?? 'eu-west-1'}:${spec.account ?? '111122223333'}:db:${spec.name}`;
}

let jobs = 0;

/** A backup job of the resource that ended at `at` (epoch ms), COMPLETED unless told. */
export function backupJob(spec: ResourceSpec, at: number, over: Partial<BackupJob> = {}): BackupJob {
  jobs += 1;
  return {
    kind: 'backup',
    jobId: `B-${jobs}`,
    region: spec.region ?? 'eu-west-1',
    accountId: spec.account ?? '111122223333',
    state: 'COMPLETED',
    resourceArn: arnOf(spec),
    resourceType: spec.type ?? 'RDS',
    resourceName: spec.name,
    vaultName: spec.vault ?? 'prod',
    createdAt: new Date(at - HOUR).toISOString(),
    completedAt: new Date(at).toISOString(),
    isParent: false,
    ...over,
  };
}

/** A copy job of the resource to `destination` (`{region}/{account}`) that ended at `at`. */
export function copyJob(
  spec: ResourceSpec,
  destination: string,
  at: number,
  over: Partial<CopyJob> = {},
): CopyJob {
  jobs += 1;
  const [region, account] = destination.split('/');
  return {
    kind: 'copy',
    jobId: `C-${jobs}`,
    region: spec.region ?? 'eu-west-1',
    accountId: spec.account ?? '111122223333',
    state: 'COMPLETED',
    resourceArn: arnOf(spec),
    resourceType: spec.type ?? 'RDS',
    createdAt: new Date(at - HOUR).toISOString(),
    completedAt: new Date(at).toISOString(),
    destinationRegion: region!,
    destinationAccountId: account!,
    destinationVaultName: 'dr',
    isParent: false,
    ...over,
  };
}

/** The record coverage keeps after these jobs, folded as a pass folds them. */
export function recordOf(...history: (BackupJob | CopyJob)[]): ResourceFreshness {
  let record: ResourceFreshness | undefined;
  for (const job of history)
    record = job.kind === 'backup' ? applyBackupJob(record, job) : applyCopyJob(record, job);
  if (!record) throw new Error('a record needs at least one job');
  return record;
}

/** A resource last backed up `ageMs` before `now`, its last job as given (COMPLETED by default). */
export function backedUp(spec: ResourceSpec, now: number, ageMs: number, last?: Partial<BackupJob>) {
  const good = backupJob(spec, now - ageMs);
  return last ? recordOf(good, backupJob(spec, now - ageMs + HOUR, last)) : recordOf(good);
}
