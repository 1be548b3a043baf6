import type { AnyState, JobState } from '../domain/index.js';
import type { AggregationPeriod } from '../query/types.js';

/**
 * One AWS Backup job as the rest of the product sees it: plain JSON (ISO-8601 UTC times) so pages
 * can be kept in Redis, with the region it was listed in. Fields AWS omits stay undefined.
 */
export interface BackupJob {
  jobId: string;
  region: string;
  accountId: string;
  /** As AWS sent it: a state AWS adds later is kept, not mapped to a known one. */
  state: AnyState;
  resourceType?: string;
  resourceName?: string;
  resourceArn?: string;
  vaultName?: string;
  vaultArn?: string;
  /** BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT. */
  vaultType?: string;
  vaultLockState?: string;
  recoveryPointArn?: string;
  /** When the recovery point moves to cold storage and is deleted. */
  lifecycle?: {
    coldStorageAfterDays?: number;
    deleteAfterDays?: number;
    archiveForSupportedResources?: boolean;
    deleteAfterEvent?: string;
  };
  encryptionKeyArn?: string;
  isEncrypted?: boolean;
  /** CreationDate */
  createdAt: string;
  /** CompletionDate; absent while the job runs. */
  completedAt?: string;
  startBy?: string;
  expectedCompletionAt?: string;
  initiatedAt?: string;
  /** 0..100, from AWS's PercentDone string. */
  percentDone?: number;
  sizeBytes?: number;
  bytesTransferred?: number;
  statusMessage?: string;
  messageCategory?: string;
  iamRoleArn?: string;
  plan?: {
    id?: string;
    arn?: string;
    name?: string;
    version?: string;
    ruleId?: string;
    ruleName?: string;
    ruleCron?: string;
    ruleTimezone?: string;
  };
  /** Options of the backup, like `WindowsVSS: enabled`. */
  backupOptions?: Readonly<Record<string, string>>;
  backupType?: string;
  parentJobId?: string;
  isParent: boolean;
}

/**
 * The fields a list line shows (blocks/job-lines.ts). A page of a result keeps only these: the
 * details view asks AWS again, and an export runs the query again, so nothing else is needed later.
 */
export const LISTED_FIELDS = [
  'jobId',
  'region',
  'accountId',
  'state',
  'resourceType',
  'resourceName',
  'resourceArn',
  'vaultName',
  'createdAt',
  'completedAt',
  'percentDone',
  'sizeBytes',
  'bytesTransferred',
  'statusMessage',
  'messageCategory',
] as const satisfies readonly (keyof BackupJob)[];

/** A job as a list shows it: what a result cursor stores per job. */
export type ListedJob = Pick<BackupJob, (typeof LISTED_FIELDS)[number]>;

/** The listed fields of a job, nothing else (fields AWS omitted stay absent). */
export function listedJob(job: ListedJob): ListedJob {
  const out: Record<string, unknown> = {};
  for (const field of LISTED_FIELDS) if (job[field] !== undefined) out[field] = job[field];
  return out as unknown as ListedJob;
}

/** DescribeBackupJob adds child job counts for parent jobs. */
export interface BackupJobDetails extends BackupJob {
  childJobCount?: number;
  /** Child jobs by state, every state as AWS sent it. */
  childJobsInState?: Readonly<Record<string, number>>;
}

/** One row of ListBackupJobSummaries, with the region it came from. */
export interface SummaryRow {
  region: string;
  accountId: string;
  state: string;
  resourceType: string;
  messageCategory: string;
  count: number;
  /** Start and end of the aggregation window (ISO-8601 UTC). */
  startTime: string;
  endTime: string;
}

export interface JobSummary {
  period: AggregationPeriod;
  regions: string[];
  rows: SummaryRow[];
  /** Regions that failed, with the reason shown to people; the rows cover the others. */
  failedRegions: { region: string; reason: string }[];
}
