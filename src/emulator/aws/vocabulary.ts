/**
 * AWS Backup's words, as AWS's API reference spells them. The emulator keeps its own copy on purpose:
 * it stands in for AWS, so it must not take the product's lists (a stand-in sharing the product's
 * oracle cannot catch the product's mistakes).
 */

/**
 * `BackupJobState` in the API model (@aws-sdk/client-backup `models/enums`), the values a job's
 * `State` and ListBackupJobs' `ByState` take.
 */
export const JOB_STATES = [
  'CREATED',
  'PENDING',
  'RUNNING',
  'ABORTING',
  'ABORTED',
  'COMPLETED',
  'FAILED',
  'EXPIRED',
  'PARTIAL',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * ListBackupJobSummaries' `State`, `ResourceType`, `AccountId` and `MessageCategory` also take these:
 * `ANY` gives a row per value, `AGGREGATE_ALL` one summed row (the model's `BackupJobStatus` adds them
 * to the states).
 */
export const SUMMARY_SPECIALS = ['ANY', 'AGGREGATE_ALL'] as const;

/** `AggregationPeriod` in the API model. */
export const AGGREGATION_PERIODS = ['ONE_DAY', 'SEVEN_DAYS', 'FOURTEEN_DAYS'] as const;
export type AggregationPeriod = (typeof AGGREGATION_PERIODS)[number];

/** `VaultType` in the API model (ListBackupVaults' `vaultType` filter). */
export const VAULT_TYPES = [
  'BACKUP_VAULT',
  'LOGICALLY_AIR_GAPPED_BACKUP_VAULT',
  'RESTORE_ACCESS_BACKUP_VAULT',
] as const;

/**
 * The resource types AWS Backup protects, as the ListBackupJobs `ByResourceType` documentation lists
 * them and GetSupportedResourceTypes returns them. Two contain spaces.
 *
 * The API does not make ResourceType an enum: it is a string, so a type missing here is a valid filter
 * that matches no job (see `parseResourceType` in list-jobs.ts), and AWS adds types over time.
 */
export const RESOURCE_TYPES = [
  'Aurora',
  'CloudFormation',
  'DocumentDB',
  'DynamoDB',
  'EBS',
  'EC2',
  'EFS',
  'EKS',
  'FSx',
  'Neptune',
  'RDS',
  'Redshift',
  'S3',
  'SAP HANA on Amazon EC2',
  'Storage Gateway',
  'Timestream',
  'VirtualMachine',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * The model bounds ResourceType to 1..50 characters. Its character pattern (`[a-zA-Z0-9\-\_\.]`) is not
 * applied: AWS's own values `SAP HANA on Amazon EC2` and `Storage Gateway` break it.
 */
export const RESOURCE_TYPE_MAX_LENGTH = 50;

/** `CopyJobState` in the API model: a copy job's `State` and ListCopyJobs' `ByState`. */
export const COPY_JOB_STATES = ['CREATED', 'RUNNING', 'COMPLETED', 'FAILED', 'PARTIAL'] as const;
export type CopyJobState = (typeof COPY_JOB_STATES)[number];

/**
 * `CopyJobStatus` in the API model, the `State` ListCopyJobSummaries takes: more states than a copy
 * job is ever in (AWS counts the transient ones too), plus ANY and AGGREGATE_ALL.
 */
export const COPY_SUMMARY_STATES = [
  'CREATED',
  'RUNNING',
  'ABORTING',
  'ABORTED',
  'COMPLETING',
  'COMPLETED',
  'FAILING',
  'FAILED',
  'PARTIAL',
  ...SUMMARY_SPECIALS,
] as const;

/** `RestoreJobStatus` in the API model: a restore job's `Status` and ListRestoreJobs' `ByStatus`. */
export const RESTORE_JOB_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'ABORTED', 'FAILED'] as const;
export type RestoreJobStatus = (typeof RESTORE_JOB_STATUSES)[number];

/** `RestoreJobState` in the API model, the `State` ListRestoreJobSummaries takes (CREATED included). */
export const RESTORE_SUMMARY_STATES = [
  'CREATED',
  'PENDING',
  'RUNNING',
  'ABORTED',
  'COMPLETED',
  'FAILED',
  ...SUMMARY_SPECIALS,
] as const;

/** `RestoreValidationStatus`: the result of a restore test's validation. */
export const RESTORE_VALIDATION_STATUSES = ['FAILED', 'SUCCESSFUL', 'TIMED_OUT', 'VALIDATING'] as const;
export type RestoreValidationStatus = (typeof RESTORE_VALIDATION_STATUSES)[number];

/** `RestoreDeletionStatus`: what became of the resource a restore test created. */
export const RESTORE_DELETION_STATUSES = ['DELETING', 'FAILED', 'SUCCESSFUL'] as const;
export type RestoreDeletionStatus = (typeof RESTORE_DELETION_STATUSES)[number];

/**
 * A copy's `DestinationVaultLockState`. The model leaves it a string; the CopyJob documentation names
 * LOCKED and UNLOCKED.
 */
export const VAULT_LOCK_STATES = ['LOCKED', 'UNLOCKED'] as const;
