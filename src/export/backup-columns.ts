import type { BackupJob } from '../backup/types.js';
import { yesNo } from '../blocks/format.js';
import { isCompletedWithIssues } from '../domain/index.js';
import { type Column, durationSeconds, lifecycleColumns, pairs, planColumns } from './columns.js';

/**
 * A backup job's columns, in order: those people filter on most, then the rest of AWS's BackupJob.
 * Existing sheets rely on this order: new columns go at the end.
 */
export const BACKUP_COLUMNS: readonly Column<BackupJob>[] = [
  ['JobId', (j) => j.jobId],
  ['State', (j) => j.state],
  ['CompletedWithIssues', (j) => yesNo(isCompletedWithIssues(j))],
  ['ResourceName', (j) => j.resourceName],
  ['ResourceType', (j) => j.resourceType],
  ['ResourceArn', (j) => j.resourceArn],
  ['AccountId', (j) => j.accountId],
  ['Region', (j) => j.region],
  ['BackupVault', (j) => j.vaultName],
  ['CreatedAt', (j) => j.createdAt],
  ['CompletedAt', (j) => j.completedAt],
  ['DurationSeconds', (j) => durationSeconds(j)],
  ['SizeBytes', (j) => j.sizeBytes],
  ['PercentDone', (j) => j.percentDone],
  ['MessageCategory', (j) => j.messageCategory],
  ['StatusMessage', (j) => j.statusMessage],
  ['BackupPlan', (j) => j.plan?.name],
  ['BackupRule', (j) => j.plan?.ruleName],
  ['BackupType', (j) => j.backupType],
  ['ParentJobId', (j) => j.parentJobId],
  ['IsParent', (j) => yesNo(j.isParent)],
  ['RecoveryPointArn', (j) => j.recoveryPointArn],
  ['IamRoleArn', (j) => j.iamRoleArn],
  ['BackupVaultArn', (j) => j.vaultArn],
  ['VaultType', (j) => j.vaultType],
  ['VaultLockState', (j) => j.vaultLockState],
  ['IsEncrypted', (j) => yesNo(j.isEncrypted)],
  ['EncryptionKeyArn', (j) => j.encryptionKeyArn],
  ['StartBy', (j) => j.startBy],
  ['ExpectedCompletionDate', (j) => j.expectedCompletionAt],
  ['InitiationDate', (j) => j.initiatedAt],
  ['BytesTransferred', (j) => j.bytesTransferred],
  ...planColumns<BackupJob>((j) => j.plan),
  ...lifecycleColumns<BackupJob>('', (j) => j.lifecycle),
  ['BackupOptions', (j) => pairs(j.backupOptions)],
];
