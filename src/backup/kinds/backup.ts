import {
  type BackupJob as AwsBackupJob,
  DescribeBackupJobCommand,
  type DescribeBackupJobOutput,
  ListBackupJobSummariesCommand,
  ListBackupJobsCommand,
  type ListBackupJobsCommandInput,
} from '@aws-sdk/client-backup';
import { childCounts, defined, iso, num, sharedFields, toLifecycle, toPlan } from '../convert.js';
import type { BackupJob, BackupJobDetails } from '../types.js';
import { abortable, type JobSource, summaryInput, toSummaryRow, windowInput } from './source.js';

/** Maps an SDK BackupJob (or DescribeBackupJob output) to the product's plain-JSON job. */
export function toBackupJob(job: AwsBackupJob | DescribeBackupJobOutput, region: string): BackupJob {
  const options =
    job.BackupOptions && Object.keys(job.BackupOptions).length > 0 ? job.BackupOptions : undefined;
  return defined<BackupJob>({
    kind: 'backup',
    jobId: job.BackupJobId ?? '',
    ...sharedFields(job, region),
    vaultName: job.BackupVaultName,
    vaultArn: job.BackupVaultArn,
    vaultType: job.VaultType,
    vaultLockState: job.VaultLockState,
    recoveryPointArn: job.RecoveryPointArn,
    lifecycle: toLifecycle(job.RecoveryPointLifecycle),
    encryptionKeyArn: job.EncryptionKeyArn,
    isEncrypted: job.IsEncrypted,
    startBy: iso(job.StartBy),
    expectedCompletionAt: iso(job.ExpectedCompletionDate),
    initiatedAt: iso(job.InitiationDate),
    percentDone: num(job.PercentDone),
    bytesTransferred: num(job.BytesTransferred),
    plan: toPlan(job.CreatedBy),
    backupOptions: options,
    backupType: job.BackupType,
  });
}

export function toBackupJobDetails(job: DescribeBackupJobOutput, region: string): BackupJobDetails {
  return defined<BackupJobDetails>({
    ...toBackupJob(job, region),
    childJobCount: job.NumberOfChildJobs,
    childJobsInState: childCounts(job.ChildJobsInState),
  });
}

/** Backup jobs: ListBackupJobs takes every product filter of this kind. */
export const backupJobs: JobSource<'backup'> = {
  kind: 'backup',
  operations: {
    list: 'ListBackupJobs',
    describe: 'DescribeBackupJob',
    summaries: 'ListBackupJobSummaries',
  },
  async list(client, { region, filters: f, state, nextToken, maxResults }) {
    const input: ListBackupJobsCommandInput = { MaxResults: maxResults, ...windowInput(f) };
    if (nextToken) input.NextToken = nextToken;
    if (state) input.ByState = state as ListBackupJobsCommandInput['ByState'];
    if (f.vault) input.ByBackupVaultName = f.vault;
    if (f.resourceType) input.ByResourceType = f.resourceType;
    if (f.account) input.ByAccountId = f.account;
    if (f.resourceArn) input.ByResourceArn = f.resourceArn;
    if (f.parentJobId) input.ByParentJobId = f.parentJobId;
    if (f.messageCategory) input.ByMessageCategory = f.messageCategory;
    const out = await client.send(new ListBackupJobsCommand(input));
    return { jobs: (out.BackupJobs ?? []).map((raw) => toBackupJob(raw, region)), nextToken: out.NextToken };
  },
  matches: () => true,
  filtersLocally: () => false,
  async describe(client, jobId, region, signal) {
    const out = await client.send(new DescribeBackupJobCommand({ BackupJobId: jobId }), abortable(signal));
    return toBackupJobDetails(out, region);
  },
  async summaries(client, s, nextToken) {
    const page = await client.send(
      new ListBackupJobSummariesCommand({
        ...summaryInput(s, nextToken),
        MessageCategory: s.messageCategory ?? 'ANY',
      }),
    );
    return { rows: (page.BackupJobSummaries ?? []).map(toSummaryRow), nextToken: page.NextToken };
  },
};
