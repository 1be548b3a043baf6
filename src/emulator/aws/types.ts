import type { JobState } from './vocabulary.js';

/** CreatedBy of a job: the backup plan and rule that started it. */
export interface AwsRecoveryPointCreator {
  BackupPlanId?: string;
  BackupPlanArn?: string;
  BackupPlanName?: string;
  BackupPlanVersion?: string;
  BackupRuleId?: string;
  BackupRuleName?: string;
  BackupRuleCron?: string;
  BackupRuleTimezone?: string;
}

/**
 * One backup job as the emulator keeps it: AWS field names, the region it lives in, times as Dates.
 * On the wire the times become epoch seconds; fields left undefined are omitted.
 */
export interface AwsBackupJob {
  Region: string;
  AccountId: string;
  BackupJobId: string;
  BackupVaultName: string;
  BackupVaultArn: string;
  VaultType?: string;
  RecoveryPointArn?: string;
  ResourceArn: string;
  ResourceName?: string;
  ResourceType: string;
  CreationDate: Date;
  CompletionDate?: Date;
  State: JobState;
  StatusMessage?: string;
  MessageCategory?: string;
  PercentDone?: string;
  BackupSizeInBytes?: number;
  BytesTransferred?: number;
  IamRoleArn?: string;
  CreatedBy?: AwsRecoveryPointCreator;
  ExpectedCompletionDate?: Date;
  StartBy?: Date;
  BackupType?: string;
  BackupOptions?: Record<string, string>;
  ParentJobId?: string;
  IsParent: boolean;
  InitiationDate?: Date;
  IsEncrypted?: boolean;
  EncryptionKeyArn?: string;
}

/** A time given to the admin API or `addJobs`: a Date, an ISO-8601 string or epoch seconds. */
export type TimeInput = Date | string | number;

type TimeField = 'CreationDate' | 'CompletionDate' | 'ExpectedCompletionDate' | 'StartBy' | 'InitiationDate';

/** A job to add: any subset of the AWS fields (times in any `TimeInput` form); the rest get defaults. */
export type AwsBackupJobInput = Omit<AwsBackupJob, TimeField> & { [K in TimeField]?: TimeInput };

/** The AWS Backup operations the emulator serves. */
export const OPERATIONS = [
  'ListBackupJobs',
  'ListBackupJobSummaries',
  'DescribeBackupJob',
  'ListBackupVaults',
  'GetSupportedResourceTypes',
  'ListCopyJobs',
  'ListCopyJobSummaries',
  'DescribeCopyJob',
  'ListRestoreJobs',
  'ListRestoreJobSummaries',
  'DescribeRestoreJob',
  'ListProtectedResources',
  'ListProtectedResourcesByBackupVault',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The AWS STS operations the emulator serves, on the same endpoint (`POST /`). */
export const STS_OPERATIONS = ['AssumeRole', 'GetCallerIdentity'] as const;
export type StsOperation = (typeof STS_OPERATIONS)[number];

/**
 * Injected failures. `{}` clears them. Regions and operations narrow where they apply; the rates,
 * latency and errors apply to AWS Backup calls, `denyAssumeRole` to STS.
 */
export interface Faults {
  /** Share of calls answered 400 ThrottlingException, 0..1. */
  throttleRate?: number;
  /** Share of calls answered 500 ServiceUnavailableException, 0..1. */
  errorRate?: number;
  /** Extra delay before every targeted call, in milliseconds. */
  latencyMs?: number;
  regions?: string[];
  operations?: Operation[];
  /** These operations answer 403 AccessDeniedException naming the `backup:` action. */
  denyOperations?: Operation[];
  /** Every targeted call answers 403 ExpiredTokenException. */
  expiredToken?: boolean;
  /** AssumeRole into these accounts answers 403 AccessDenied, as when a role's trust policy changed. */
  denyAssumeRole?: string[];
}

/** Calls received per operation (AWS Backup and STS) and region, and how many got an injected failure. */
export interface EmulatorStats {
  calls: Partial<Record<Operation | StsOperation, Record<string, number>>>;
  total: number;
  injected: Record<string, number>;
}

/** A backup vault of one account in one region. */
export interface AwsBackupVault {
  BackupVaultName: string;
  BackupVaultArn: string;
  VaultType: 'BACKUP_VAULT' | 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT' | 'RESTORE_ACCESS_BACKUP_VAULT';
  VaultState: 'AVAILABLE';
  CreationDate: Date;
  EncryptionKeyArn?: string;
  CreatorRequestId?: string;
  Locked: boolean;
  MinRetentionDays?: number;
  MaxRetentionDays?: number;
  LockDate?: Date;
}
