import type { AggregationPeriod, JobState } from '../query/types.js';

/**
 * One AWS Backup job as the rest of the product sees it: plain JSON (ISO-8601 UTC times) so pages
 * can be kept in Redis, with the region it was listed in. Fields AWS omits stay undefined.
 */
export interface BackupJob {
  jobId: string;
  region: string;
  accountId: string;
  state: JobState;
  resourceType?: string;
  resourceName?: string;
  resourceArn?: string;
  vaultName?: string;
  vaultArn?: string;
  recoveryPointArn?: string;
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
  plan?: { id?: string; arn?: string; name?: string; version?: string; ruleId?: string; ruleName?: string };
  backupType?: string;
  parentJobId?: string;
  isParent: boolean;
}

/** DescribeBackupJob adds child job counts for parent jobs. */
export interface BackupJobDetails extends BackupJob {
  childJobCount?: number;
  childJobsInState?: Partial<Record<JobState, number>>;
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

/** True for a COMPLETED job whose MessageCategory says something other than SUCCESS. */
export function isCompletedWithIssues(job: Pick<BackupJob, 'state' | 'messageCategory'>): boolean {
  return job.state === 'COMPLETED' && job.messageCategory !== undefined && job.messageCategory !== 'SUCCESS';
}
