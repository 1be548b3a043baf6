import type { AnyState, JobKind } from '../domain/index.js';
import type { AggregationPeriod } from '../query/types.js';

/** When a recovery point moves to cold storage and is deleted. */
export interface Lifecycle {
  coldStorageAfterDays?: number;
  deleteAfterDays?: number;
  archiveForSupportedResources?: boolean;
  deleteAfterEvent?: string;
}

/** The backup plan and rule behind a job (CreatedBy). */
export interface PlanRef {
  id?: string;
  arn?: string;
  name?: string;
  version?: string;
  ruleId?: string;
  ruleName?: string;
  ruleCron?: string;
  ruleTimezone?: string;
}

/**
 * What every kind of job has, as the rest of the product sees it: plain JSON (ISO-8601 UTC times)
 * so pages can be kept in Redis, with the Region it was listed in. Fields AWS omits stay undefined.
 */
interface JobBase {
  kind: JobKind;
  jobId: string;
  region: string;
  accountId: string;
  /** As AWS sent it: a state AWS adds later is kept, not mapped to a known one. */
  state: AnyState;
  resourceType?: string;
  resourceName?: string;
  resourceArn?: string;
  /** CreationDate */
  createdAt: string;
  /** CompletionDate; absent while the job runs. */
  completedAt?: string;
  /** 0..100, from AWS's PercentDone string. */
  percentDone?: number;
  sizeBytes?: number;
  statusMessage?: string;
  messageCategory?: string;
  iamRoleArn?: string;
  parentJobId?: string;
  isParent: boolean;
}

/** One backup job (ListBackupJobs, DescribeBackupJob). */
export interface BackupJob extends JobBase {
  kind: 'backup';
  vaultName?: string;
  vaultArn?: string;
  /** BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT. */
  vaultType?: string;
  vaultLockState?: string;
  recoveryPointArn?: string;
  lifecycle?: Lifecycle;
  encryptionKeyArn?: string;
  isEncrypted?: boolean;
  startBy?: string;
  expectedCompletionAt?: string;
  initiatedAt?: string;
  bytesTransferred?: number;
  plan?: PlanRef;
  /** Options of the backup, like `WindowsVSS: enabled`. */
  backupOptions?: Readonly<Record<string, string>>;
  backupType?: string;
}

/** One copy job (ListCopyJobs, DescribeCopyJob): a recovery point copied to another vault. */
export interface CopyJob extends JobBase {
  kind: 'copy';
  sourceVaultArn?: string;
  /** From the source vault's ARN. */
  sourceVaultName?: string;
  sourceRecoveryPointArn?: string;
  destinationVaultArn?: string;
  /** From the destination vault's ARN: where the copy lands. */
  destinationVaultName?: string;
  destinationRegion?: string;
  destinationAccountId?: string;
  destinationVaultType?: string;
  destinationVaultLockState?: string;
  destinationRecoveryPointArn?: string;
  destinationEncryptionKeyArn?: string;
  destinationLifecycle?: Lifecycle;
  plan?: PlanRef;
  /** The backup job whose recovery point this copies (CreatedByBackupJobId). */
  backupJobId?: string;
  compositeMemberIdentifier?: string;
  childJobCount?: number;
  /** Child jobs by state, every state as AWS sent it. */
  childJobsInState?: Readonly<Record<string, number>>;
}

/** One restore job (ListRestoreJobs, DescribeRestoreJob), restore tests included. */
export interface RestoreJob extends JobBase {
  kind: 'restore';
  recoveryPointArn?: string;
  recoveryPointCreatedAt?: string;
  vaultArn?: string;
  /** From the vault's ARN: the vault the recovery point was restored from. */
  vaultName?: string;
  createdResourceArn?: string;
  /** How long AWS expected the restore to take. */
  expectedMinutes?: number;
  /** The restore testing plan that started it; absent for restores people started. */
  testingPlanArn?: string;
  /** FAILED, SUCCESSFUL, TIMED_OUT, VALIDATING: restore tests only. */
  validationStatus?: string;
  validationMessage?: string;
  deletionStatus?: string;
  deletionMessage?: string;
}

export type Job = BackupJob | CopyJob | RestoreJob;

/** The job of a kind. */
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

const COMMON_LISTED = [
  'kind',
  'jobId',
  'region',
  'accountId',
  'state',
  'resourceType',
  'resourceName',
  'resourceArn',
  'createdAt',
  'completedAt',
  'percentDone',
  'sizeBytes',
  'statusMessage',
  'messageCategory',
] as const satisfies readonly (keyof JobBase)[];

/**
 * The fields a list line shows (blocks/job-lines.ts), per kind. A page of a result keeps only these:
 * the details view asks AWS again, and an export runs the query again, so nothing else is needed.
 */
export const LISTED_FIELDS = {
  backup: [...COMMON_LISTED, 'vaultName', 'bytesTransferred'],
  copy: [
    ...COMMON_LISTED,
    'sourceVaultName',
    'destinationVaultName',
    'destinationRegion',
    'destinationAccountId',
    'backupJobId',
  ],
  restore: [
    ...COMMON_LISTED,
    'vaultName',
    'expectedMinutes',
    'testingPlanArn',
    'validationStatus',
    'validationMessage',
  ],
} as const satisfies {
  backup: readonly (keyof BackupJob)[];
  copy: readonly (keyof CopyJob)[];
  restore: readonly (keyof RestoreJob)[];
};

/** A job as a list shows it: what a result cursor stores per job. */
export type ListedJob =
  | Pick<BackupJob, (typeof LISTED_FIELDS)['backup'][number]>
  | Pick<CopyJob, (typeof LISTED_FIELDS)['copy'][number]>
  | Pick<RestoreJob, (typeof LISTED_FIELDS)['restore'][number]>;

/** The listed fields of a job, nothing else (fields AWS omitted stay absent). */
export function listedJob<J extends ListedJob>(job: J): J {
  const out: Record<string, unknown> = {};
  for (const field of LISTED_FIELDS[job.kind] as readonly string[]) {
    const value = (job as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return out as J;
}

/** DescribeBackupJob adds child job counts for parent jobs. */
export interface BackupJobDetails extends BackupJob {
  childJobCount?: number;
  /** Child jobs by state, every state as AWS sent it. */
  childJobsInState?: Readonly<Record<string, number>>;
}

/** One job as its details view shows it. */
export type JobDetails = BackupJobDetails | CopyJob | RestoreJob;

/** One row of a kind's job summaries (ListBackupJobSummaries, …), with the Region it came from. */
export interface SummaryRow {
  region: string;
  accountId: string;
  state: string;
  resourceType: string;
  /** `ANY` for restore jobs, whose summaries have no category. */
  messageCategory: string;
  count: number;
  /** Start and end of the aggregation window (ISO-8601 UTC). */
  startTime: string;
  endTime: string;
}

export interface JobSummary {
  jobKind: JobKind;
  period: AggregationPeriod;
  regions: string[];
  rows: SummaryRow[];
  /** Regions that failed, with the reason shown to people; the rows cover the others. */
  failedRegions: { region: string; reason: string }[];
  /** When AWS was asked (ISO-8601): the period ends then, whatever the rows' window ends say. */
  readAt?: string;
}
