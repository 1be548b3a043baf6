import type { JobShape } from './job-store.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import type { AwsBackupJob } from './types.js';

/** Backup jobs: indexed per account, state, type, vault, resource, parent and category. */
export const BACKUP_JOB_SHAPE: JobShape<AwsBackupJob> = {
  noun: 'Backup job',
  id: (job) => job.BackupJobId,
  keys(s) {
    const j = s.job;
    const r = j.Region;
    const keys = [
      `a|${r}|${j.AccountId}`,
      `s|${r}|${j.State}`,
      `t|${r}|${j.ResourceType}`,
      `v|${r}|${j.BackupVaultName}`,
      `n|${r}|${j.ResourceArn}`,
    ];
    if (j.ParentJobId) keys.push(`p|${r}|${j.ParentJobId}`);
    if (s.category) keys.push(`c|${r}|${s.category}`);
    return keys;
  },
};

/**
 * Copy jobs: indexed per account, state, type, resource, destination vault, source recovery point,
 * parent, category and the backup job that made them.
 */
export const COPY_JOB_SHAPE: JobShape<AwsCopyJob> = {
  noun: 'Copy job',
  id: (job) => job.CopyJobId,
  keys(s) {
    const j = s.job;
    const r = j.Region;
    const keys = [
      `a|${r}|${j.AccountId}`,
      `s|${r}|${j.State}`,
      `t|${r}|${j.ResourceType}`,
      `n|${r}|${j.ResourceArn}`,
      `d|${r}|${j.DestinationBackupVaultArn}`,
      `x|${r}|${j.SourceRecoveryPointArn}`,
    ];
    if (j.ParentJobId) keys.push(`p|${r}|${j.ParentJobId}`);
    if (s.category) keys.push(`c|${r}|${s.category}`);
    if (j.CreatedByBackupJobId) keys.push(`b|${r}|${j.CreatedByBackupJobId}`);
    return keys;
  },
};

/** Restore jobs: indexed per account, status, type, restore testing plan and parent. */
export const RESTORE_JOB_SHAPE: JobShape<AwsRestoreJob> = {
  noun: 'Restore job',
  id: (job) => job.RestoreJobId,
  keys(s) {
    const j = s.job;
    const r = j.Region;
    const keys = [`a|${r}|${j.AccountId}`, `s|${r}|${j.Status}`, `t|${r}|${j.ResourceType}`];
    if (j.ParentJobId) keys.push(`p|${r}|${j.ParentJobId}`);
    const plan = j.CreatedBy?.RestoreTestingPlanArn;
    if (plan) keys.push(`l|${r}|${plan}`);
    return keys;
  },
};
