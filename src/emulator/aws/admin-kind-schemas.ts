import { z } from 'zod';
import { Count, Creator, Text, Time } from './admin-schemas.js';
import {
  COPY_JOB_STATES,
  RESOURCE_TYPES,
  RESTORE_DELETION_STATUSES,
  RESTORE_JOB_STATUSES,
  RESTORE_VALIDATION_STATUSES,
  VAULT_TYPES,
} from './vocabulary.js';

const Region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'a region like eu-west-1');
const Account = z.string().regex(/^\d{12}$/, 'a 12-digit account id');
const JobId = z.string().regex(/^[\x21-\x7e]{1,1024}$/, 'printable characters without spaces');
const Arn = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.{1,1800}$/, 'an ARN');

const Lifecycle = z
  .object({
    MoveToColdStorageAfterDays: z.number().int(),
    DeleteAfterDays: z.number().int(),
    OptInToArchiveForSupportedResources: z.boolean(),
    DeleteAfterEvent: Text,
  })
  .partial()
  .strict();

/** A copy job to add, in AWS field names plus Region; every field is optional. */
export const AdminCopyJob = z
  .object({
    Region,
    AccountId: Account,
    CopyJobId: JobId,
    SourceBackupVaultArn: Arn,
    SourceRecoveryPointArn: Arn,
    DestinationBackupVaultArn: Arn,
    DestinationVaultType: z.enum(VAULT_TYPES),
    DestinationVaultLockState: Text,
    DestinationRecoveryPointArn: Arn,
    DestinationEncryptionKeyArn: Arn,
    DestinationRecoveryPointLifecycle: Lifecycle,
    ResourceArn: Arn,
    ResourceName: Text,
    ResourceType: z.enum(RESOURCE_TYPES),
    CreationDate: Time,
    CompletionDate: Time,
    State: z.enum(COPY_JOB_STATES),
    StatusMessage: Text,
    MessageCategory: Text,
    BackupSizeInBytes: Count,
    IamRoleArn: Arn,
    CreatedBy: Creator,
    CreatedByBackupJobId: JobId,
    ParentJobId: JobId,
    IsParent: z.boolean(),
    CompositeMemberIdentifier: Text,
  })
  .partial()
  .strict();

/** A restore job to add, in AWS field names plus Region; every field is optional. */
export const AdminRestoreJob = z
  .object({
    Region,
    AccountId: Account,
    RestoreJobId: JobId,
    RecoveryPointArn: Arn,
    RecoveryPointCreationDate: Time,
    SourceResourceArn: Arn,
    BackupVaultArn: Arn,
    CreationDate: Time,
    CompletionDate: Time,
    Status: z.enum(RESTORE_JOB_STATUSES),
    StatusMessage: Text,
    PercentDone: z.string().regex(/^\d{1,3}(\.\d+)?$/, 'a percentage string like "42.0"'),
    BackupSizeInBytes: Count,
    IamRoleArn: Arn,
    ExpectedCompletionTimeMinutes: Count,
    CreatedResourceArn: Arn,
    ResourceType: z.enum(RESOURCE_TYPES),
    CreatedBy: z.object({ RestoreTestingPlanArn: Arn }).partial().strict(),
    ValidationStatus: z.enum(RESTORE_VALIDATION_STATUSES),
    ValidationStatusMessage: Text,
    DeletionStatus: z.enum(RESTORE_DELETION_STATUSES),
    DeletionStatusMessage: Text,
    IsParent: z.boolean(),
    ParentJobId: JobId,
  })
  .partial()
  .strict();

/** `POST /_emulator/copy-jobs` takes an array, or `{"copyJobs": [...]}`. */
export const AdminCopyJobList = z.array(AdminCopyJob);
export const AdminCopyJobsWrapper = z.object({ copyJobs: AdminCopyJobList }).strict();

/** `POST /_emulator/restore-jobs` takes an array, or `{"restoreJobs": [...]}`. */
export const AdminRestoreJobList = z.array(AdminRestoreJob);
export const AdminRestoreJobsWrapper = z.object({ restoreJobs: AdminRestoreJobList }).strict();
