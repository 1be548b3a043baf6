import type { AwsRestoreJob } from './job-types.js';
import type { Rng } from './prng.js';
import { kindOf, RESOURCE_KINDS, type ResourceKind } from './resource-kinds.js';
import {
  deletionFailure,
  type RestoreContext,
  restoreAborted,
  restoreFailure,
  validationFailure,
  validationTimeout,
} from './restore-outcomes.js';
import type { AwsBackupJob } from './types.js';

/** The recovery point a restore reads, and where it came from. */
export interface RestoreSource {
  region: string;
  account: string;
  recoveryPointArn: string;
  vaultArn: string;
  resourceArn: string;
  resourceType: string;
  resourceName: string;
  pointCreated: number;
  size: number;
}

/** The restore testing plan a restore test runs for. */
export interface RestoreTest {
  planArn: string;
  windowHours: number;
}

/** How restores of one kind end: shares of failures and of restores stopped by an operator. */
export interface RestoreOdds {
  fail: number;
  abort: number;
}

export function sourceOfBackup(job: AwsBackupJob): RestoreSource {
  return {
    region: job.Region,
    account: job.AccountId,
    recoveryPointArn: job.RecoveryPointArn ?? '',
    vaultArn: job.BackupVaultArn,
    resourceArn: job.ResourceArn,
    resourceType: job.ResourceType,
    resourceName: job.ResourceName ?? job.ResourceArn,
    pointCreated: job.CreationDate.getTime(),
    size: job.BackupSizeInBytes ?? 0,
  };
}

/** The resource a restore creates: restore tests name theirs `awsbackup-restore-test-…`. */
export function createdArnFor(src: RestoreSource, rng: Rng, test: boolean): string {
  const stem = src.resourceName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 40);
  const name = test ? `awsbackup-restore-test-${rng.hex(12)}` : `${stem}-restored-${rng.hex(4)}`;
  const { region, account } = src;
  const type = src.resourceType;
  if (type === 'DynamoDB') return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
  if (type === 'RDS') return `arn:aws:rds:${region}:${account}:db:${name}`;
  if (type === 'Aurora' || type === 'DocumentDB' || type === 'Neptune') {
    return `arn:aws:rds:${region}:${account}:cluster:${name}`;
  }
  if (type === 'S3') return `arn:aws:s3:::${name}`;
  if (type === 'CloudFormation')
    return `arn:aws:cloudformation:${region}:${account}:stack/${name}/${rng.uuid()}`;
  const kind = kindOf(type) ?? (RESOURCE_KINDS[0] as ResourceKind);
  return kind.resource({ account, region, base: name, rng }).arn;
}

/** Minutes a restore of this type and size is expected to take. */
export function expectedMinutes(type: string, size: number): number {
  const [lo, hi] = (kindOf(type) ?? (RESOURCE_KINDS[0] as ResourceKind)).minutes;
  return Math.max(5, Math.round(((lo + hi) / 2) * 1.4 + (size / 2 ** 30) * 0.04));
}

/**
 * One restore of `src` started at `created`, as it stands at `now`: pending, running, failed, stopped
 * or completed; a restore test then validates (SUCCESSFUL, FAILED, TIMED_OUT, or still VALIDATING)
 * and deletes what it restored.
 */
export function buildRestore(
  src: RestoreSource,
  created: number,
  now: number,
  rng: Rng,
  odds: RestoreOdds,
  test?: RestoreTest,
): AwsRestoreJob {
  const expected = expectedMinutes(src.resourceType, src.size);
  const role = `arn:aws:iam::${src.account}:role/service-role/AWSBackupDefaultServiceRole`;
  const job: AwsRestoreJob = {
    Region: src.region,
    AccountId: src.account,
    RestoreJobId: rng.uuid().toUpperCase(),
    RecoveryPointArn: src.recoveryPointArn,
    RecoveryPointCreationDate: new Date(src.pointCreated),
    SourceResourceArn: src.resourceArn,
    BackupVaultArn: src.vaultArn,
    CreationDate: new Date(created),
    Status: 'PENDING',
    PercentDone: '0.0',
    BackupSizeInBytes: src.size,
    IamRoleArn: role,
    ExpectedCompletionTimeMinutes: expected,
    ResourceType: src.resourceType,
    ...(test ? { CreatedBy: { RestoreTestingPlanArn: test.planArn } } : {}),
    IsParent: false,
  };
  const createdArn = createdArnFor(src, rng, test !== undefined);
  const c: RestoreContext = {
    type: src.resourceType,
    account: src.account,
    region: src.region,
    role,
    createdArn,
    name: createdArn.split(/[:/]/).pop() ?? createdArn,
  };
  const actual = expected * (0.6 + rng.next() * 1.1) * 60_000;
  const roll = rng.next();
  const pick = rng.int(1000);
  const ending = roll < odds.fail ? 'FAILED' : roll < odds.fail + odds.abort ? 'ABORTED' : 'COMPLETED';
  const took = ending === 'COMPLETED' ? actual : actual * (0.05 + rng.next() * 0.5);
  const elapsed = now - created;
  if (elapsed < took) {
    if (elapsed >= 120_000) {
      job.Status = 'RUNNING';
      job.PercentDone = Math.min(99, (elapsed / actual) * 100).toFixed(1);
    }
    return job;
  }
  job.CompletionDate = new Date(created + took);
  job.Status = ending;
  if (ending !== 'COMPLETED') {
    job.PercentDone = ((took / actual) * 100).toFixed(1);
    job.StatusMessage = ending === 'FAILED' ? restoreFailure(c, pick) : restoreAborted(c);
    return job;
  }
  job.PercentDone = '100.0';
  job.CreatedResourceArn = createdArn;
  if (test) validate(job, test, now, rng, c);
  return job;
}

function validate(job: AwsRestoreJob, test: RestoreTest, now: number, rng: Rng, c: RestoreContext): void {
  const done = job.CompletionDate?.getTime() ?? now;
  const roll = rng.next();
  const result = roll < 0.1 ? 'FAILED' : roll < 0.17 ? 'TIMED_OUT' : 'SUCCESSFUL';
  const resultAt =
    result === 'TIMED_OUT' ? done + test.windowHours * 3_600_000 : done + rng.between(5, 60) * 60_000;
  const deleted = resultAt + rng.between(10, 40) * 60_000;
  const deletionFails = rng.chance(0.05);
  if (now < resultAt) {
    job.ValidationStatus = 'VALIDATING';
    return;
  }
  job.ValidationStatus = result;
  if (result === 'FAILED') job.ValidationStatusMessage = validationFailure(c);
  if (result === 'TIMED_OUT') job.ValidationStatusMessage = validationTimeout(test.windowHours);
  if (now < deleted) {
    job.DeletionStatus = 'DELETING';
    return;
  }
  job.DeletionStatus = deletionFails ? 'FAILED' : 'SUCCESSFUL';
  if (deletionFails) job.DeletionStatusMessage = deletionFailure(c);
}
