import { recoveryPointArn } from './arns.js';
import { type CopyContext, type CopyOutcome, pickCopyOutcome } from './copy-outcomes.js';
import { DAY_MS } from './daily-jobs.js';
import type { CopyTarget, DrLayout } from './dr-layout.js';
import type { AwsCopyJob } from './job-types.js';
import type { Rng } from './prng.js';
import type { AwsBackupJob } from './types.js';

/** Cross-account copying was switched off in Organizations for a day and a half, 19 days ago. */
const OFF_FROM_DAYS = 19;
const OFF_TO_DAYS = 17.5;

/** A copy of `job` into `target` as it is created: no outcome yet. */
export function baseCopy(job: AwsBackupJob, target: CopyTarget, created: number, id: string): AwsCopyJob {
  const vault = target.vault;
  return {
    Region: job.Region,
    AccountId: job.AccountId,
    CopyJobId: id,
    SourceBackupVaultArn: job.BackupVaultArn,
    SourceRecoveryPointArn: job.RecoveryPointArn as string,
    DestinationBackupVaultArn: vault.BackupVaultArn,
    DestinationVaultType: vault.VaultType,
    DestinationVaultLockState: vault.Locked ? 'LOCKED' : 'UNLOCKED',
    ...(vault.EncryptionKeyArn ? { DestinationEncryptionKeyArn: vault.EncryptionKeyArn } : {}),
    DestinationRecoveryPointLifecycle: { ...target.lifecycle },
    ResourceArn: job.ResourceArn,
    ...(job.ResourceName ? { ResourceName: job.ResourceName } : {}),
    ResourceType: job.ResourceType,
    CreationDate: new Date(created),
    State: 'CREATED',
    BackupSizeInBytes: job.BackupSizeInBytes ?? 0,
    ...(job.IamRoleArn ? { IamRoleArn: job.IamRoleArn } : {}),
    ...(job.CreatedBy ? { CreatedBy: job.CreatedBy } : {}),
    CreatedByBackupJobId: job.BackupJobId,
    IsParent: false,
  };
}

/** What the outcome of a copy of `job` into `target` may depend on and mention. */
export function copyContext(
  job: AwsBackupJob,
  target: CopyTarget,
  layout: DrLayout,
  created: number,
  now: number,
): CopyContext {
  const source = layout.vault(job.Region, job.AccountId, job.BackupVaultName);
  const age = now - created;
  return {
    type: job.ResourceType,
    account: job.AccountId,
    destAccount: target.account,
    destRegion: target.region,
    destVaultArn: target.vault.BackupVaultArn,
    destKeyArn: target.vault.EncryptionKeyArn,
    sourceKeyArn: source?.EncryptionKeyArn,
    sourceRecoveryPointArn: job.RecoveryPointArn ?? '',
    retentionDays: target.lifecycle.DeleteAfterDays,
    minRetentionDays: target.vault.Locked ? target.vault.MinRetentionDays : undefined,
    crossAccountOff: age < OFF_FROM_DAYS * DAY_MS && age >= OFF_TO_DAYS * DAY_MS,
    management: layout.accounts[0] ?? job.AccountId,
  };
}

/** A finished copy's destination recovery point, named as AWS names copies of each type. */
export function copiedPointArn(type: string, target: CopyTarget, rng: Rng): string {
  return recoveryPointArn(type, target.region, target.account, rng).replace(
    ':awsbackup:job-',
    ':awsbackup:copyjob-',
  );
}

/**
 * One scheduled copy of `job`, created at `created`, as it stands at `now`: created, running, or
 * ended as `pickCopyOutcome` decides; a completed copy names its destination recovery point. A member
 * of a stack's copy names its parent and its logical id.
 */
export function copyOf(
  job: AwsBackupJob,
  target: CopyTarget,
  created: number,
  now: number,
  rng: Rng,
  layout: DrLayout,
  member?: { parentId: string; logicalId: string },
): AwsCopyJob {
  const copy = baseCopy(job, target, created, rng.uuid().toUpperCase());
  if (member) {
    copy.ParentJobId = member.parentId;
    copy.CompositeMemberIdentifier = member.logicalId;
  }
  const gib = (job.BackupSizeInBytes ?? 0) / 2 ** 30;
  const perGib = target.account === job.AccountId ? 0.06 : 0.09;
  const duration = Math.min(600, 3 + gib * perGib + rng.int(12)) * 60_000 + rng.int(60_000);
  const outcome = pickCopyOutcome(rng, copyContext(job, target, layout, created, now));
  const took =
    outcome.state === 'COMPLETED'
      ? duration
      : outcome.fast
        ? rng.between(5, 90) * 1000
        : duration * (0.1 + rng.next() * 0.6);
  const done = created + took;
  if (done > now) {
    copy.State = now - created < 60_000 ? 'CREATED' : 'RUNNING';
    return copy;
  }
  finish(copy, outcome, done);
  if (outcome.state === 'COMPLETED')
    copy.DestinationRecoveryPointArn = copiedPointArn(job.ResourceType, target, rng);
  return copy;
}

/** Ends a copy with an outcome at `done`. */
export function finish(copy: AwsCopyJob, outcome: CopyOutcome, done: number): void {
  copy.State = outcome.state;
  copy.MessageCategory = outcome.category;
  if (outcome.message) copy.StatusMessage = outcome.message;
  copy.CompletionDate = new Date(done);
}
