import type { RestoreJob } from '../backup/types.js';
import { yesNo } from '../blocks/format.js';
import { type Column, durationSeconds } from './columns.js';

/**
 * A restore job's columns: those a backup CSV starts with that restores have, in the same order
 * (the resource is the one restored from), then the rest of AWS's restore job.
 */
export const RESTORE_COLUMNS: readonly Column<RestoreJob>[] = [
  ['JobId', (j) => j.jobId],
  ['State', (j) => j.state],
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
  ['StatusMessage', (j) => j.statusMessage],
  ['ParentJobId', (j) => j.parentJobId],
  ['IsParent', (j) => yesNo(j.isParent)],
  ['RecoveryPointArn', (j) => j.recoveryPointArn],
  ['IamRoleArn', (j) => j.iamRoleArn],
  ['BackupVaultArn', (j) => j.vaultArn],
  ['RecoveryPointCreationDate', (j) => j.recoveryPointCreatedAt],
  ['CreatedResourceArn', (j) => j.createdResourceArn],
  ['ExpectedCompletionTimeMinutes', (j) => j.expectedMinutes],
  ['RestoreTestingPlanArn', (j) => j.testingPlanArn],
  ['ValidationStatus', (j) => j.validationStatus],
  ['ValidationStatusMessage', (j) => j.validationMessage],
  ['DeletionStatus', (j) => j.deletionStatus],
  ['DeletionStatusMessage', (j) => j.deletionMessage],
];
