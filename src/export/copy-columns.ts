import type { CopyJob } from '../backup/types.js';
import { yesNo } from '../blocks/format.js';
import { isCompletedWithIssues } from '../domain/index.js';
import { type Column, durationSeconds, lifecycleColumns, pairs, planColumns } from './columns.js';

/**
 * A copy job's columns: those a backup CSV starts with, in the same order (the vault is the two
 * vaults, the recovery point the source's), then the rest of AWS's CopyJob.
 */
export const COPY_COLUMNS: readonly Column<CopyJob>[] = [
  ['JobId', (j) => j.jobId],
  ['State', (j) => j.state],
  ['CompletedWithIssues', (j) => yesNo(isCompletedWithIssues(j))],
  ['ResourceName', (j) => j.resourceName],
  ['ResourceType', (j) => j.resourceType],
  ['ResourceArn', (j) => j.resourceArn],
  ['AccountId', (j) => j.accountId],
  ['Region', (j) => j.region],
  ['SourceBackupVault', (j) => j.sourceVaultName],
  ['DestinationBackupVault', (j) => j.destinationVaultName],
  ['CreatedAt', (j) => j.createdAt],
  ['CompletedAt', (j) => j.completedAt],
  ['DurationSeconds', (j) => durationSeconds(j)],
  ['SizeBytes', (j) => j.sizeBytes],
  ['MessageCategory', (j) => j.messageCategory],
  ['StatusMessage', (j) => j.statusMessage],
  ['BackupPlan', (j) => j.plan?.name],
  ['BackupRule', (j) => j.plan?.ruleName],
  ['ParentJobId', (j) => j.parentJobId],
  ['IsParent', (j) => yesNo(j.isParent)],
  ['SourceRecoveryPointArn', (j) => j.sourceRecoveryPointArn],
  ['IamRoleArn', (j) => j.iamRoleArn],
  ['SourceBackupVaultArn', (j) => j.sourceVaultArn],
  ['DestinationBackupVaultArn', (j) => j.destinationVaultArn],
  ['DestinationRegion', (j) => j.destinationRegion],
  ['DestinationAccountId', (j) => j.destinationAccountId],
  ['DestinationVaultType', (j) => j.destinationVaultType],
  ['DestinationVaultLockState', (j) => j.destinationVaultLockState],
  ['DestinationRecoveryPointArn', (j) => j.destinationRecoveryPointArn],
  ['DestinationEncryptionKeyArn', (j) => j.destinationEncryptionKeyArn],
  ['BackupJobId', (j) => j.backupJobId],
  ['CompositeMemberIdentifier', (j) => j.compositeMemberIdentifier],
  ['NumberOfChildJobs', (j) => j.childJobCount],
  ['ChildJobsInState', (j) => pairs(j.childJobsInState)],
  ...planColumns<CopyJob>((j) => j.plan),
  ...lifecycleColumns<CopyJob>('Destination', (j) => j.destinationLifecycle),
];
