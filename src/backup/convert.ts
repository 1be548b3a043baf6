import type { BackupJob as AwsBackupJob, DescribeBackupJobOutput } from '@aws-sdk/client-backup';
import type { AnyState } from '../domain/index.js';
import type { BackupJob, BackupJobDetails } from './types.js';

function iso(date: Date | undefined): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function toState(value: string | undefined): AnyState {
  return value === undefined || value === '' ? 'UNKNOWN' : value;
}

function num(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Copies only defined values, so optional fields stay absent (exactOptionalPropertyTypes). */
type Loose<T> = { [K in keyof T]: T[K] | undefined };

function defined<T extends object>(value: Loose<T>): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Maps an SDK BackupJob (or DescribeBackupJob output) to the product's plain-JSON job. */
export function toBackupJob(job: AwsBackupJob | DescribeBackupJobOutput, region: string): BackupJob {
  const createdBy = job.CreatedBy;
  const plan = createdBy
    ? defined<NonNullable<BackupJob['plan']>>({
        id: createdBy.BackupPlanId,
        arn: createdBy.BackupPlanArn,
        name: createdBy.BackupPlanName,
        version: createdBy.BackupPlanVersion,
        ruleId: createdBy.BackupRuleId,
        ruleName: createdBy.BackupRuleName,
        ruleCron: createdBy.BackupRuleCron,
        ruleTimezone: createdBy.BackupRuleTimezone,
      })
    : undefined;
  const life = job.RecoveryPointLifecycle;
  const lifecycle = life
    ? defined<NonNullable<BackupJob['lifecycle']>>({
        coldStorageAfterDays: num(life.MoveToColdStorageAfterDays),
        deleteAfterDays: num(life.DeleteAfterDays),
        archiveForSupportedResources: life.OptInToArchiveForSupportedResources,
        deleteAfterEvent: life.DeleteAfterEvent,
      })
    : undefined;
  const options =
    job.BackupOptions && Object.keys(job.BackupOptions).length > 0 ? job.BackupOptions : undefined;
  return defined<BackupJob>({
    jobId: job.BackupJobId ?? '',
    region,
    accountId: job.AccountId ?? '',
    state: toState(job.State),
    resourceType: job.ResourceType,
    resourceName: job.ResourceName,
    resourceArn: job.ResourceArn,
    vaultName: job.BackupVaultName,
    vaultArn: job.BackupVaultArn,
    vaultType: job.VaultType,
    vaultLockState: job.VaultLockState,
    recoveryPointArn: job.RecoveryPointArn,
    lifecycle: lifecycle && Object.keys(lifecycle).length > 0 ? lifecycle : undefined,
    encryptionKeyArn: job.EncryptionKeyArn,
    isEncrypted: job.IsEncrypted,
    createdAt: iso(job.CreationDate) ?? new Date(0).toISOString(),
    completedAt: iso(job.CompletionDate),
    startBy: iso(job.StartBy),
    expectedCompletionAt: iso(job.ExpectedCompletionDate),
    initiatedAt: iso(job.InitiationDate),
    percentDone: num(job.PercentDone),
    sizeBytes: num(job.BackupSizeInBytes),
    bytesTransferred: num(job.BytesTransferred),
    statusMessage: job.StatusMessage,
    messageCategory: job.MessageCategory,
    iamRoleArn: job.IamRoleArn,
    plan: plan && Object.keys(plan).length > 0 ? plan : undefined,
    backupOptions: options,
    backupType: job.BackupType,
    parentJobId: job.ParentJobId,
    isParent: job.IsParent ?? false,
  });
}

export function toBackupJobDetails(job: DescribeBackupJobOutput, region: string): BackupJobDetails {
  const childJobsInState = job.ChildJobsInState
    ? Object.fromEntries(Object.entries(job.ChildJobsInState).filter(([, n]) => Number.isFinite(n)))
    : undefined;
  return defined<BackupJobDetails>({
    ...toBackupJob(job, region),
    childJobCount: job.NumberOfChildJobs,
    childJobsInState,
  });
}
