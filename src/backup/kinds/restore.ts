import {
  DescribeRestoreJobCommand,
  type DescribeRestoreJobOutput,
  ListRestoreJobSummariesCommand,
  ListRestoreJobsCommand,
  type ListRestoreJobsCommandInput,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import { defined, iso, num, toState, vaultArnParts } from '../convert.js';
import type { RestoreJob } from '../types.js';
import { abortable, type JobSource, summaryInput, toSummaryRow, windowInput } from './source.js';

/** Maps an SDK restore job (list member or DescribeRestoreJob output) to the product's plain JSON. */
export function toRestoreJob(
  job: RestoreJobsListMember | DescribeRestoreJobOutput,
  region: string,
): RestoreJob {
  return defined<RestoreJob>({
    kind: 'restore',
    jobId: job.RestoreJobId ?? '',
    region,
    accountId: job.AccountId ?? '',
    state: toState(job.Status),
    resourceType: job.ResourceType,
    resourceArn: job.SourceResourceArn,
    createdAt: iso(job.CreationDate) ?? new Date(0).toISOString(),
    completedAt: iso(job.CompletionDate),
    percentDone: num(job.PercentDone),
    sizeBytes: num(job.BackupSizeInBytes),
    statusMessage: job.StatusMessage,
    iamRoleArn: job.IamRoleArn,
    parentJobId: job.ParentJobId,
    isParent: job.IsParent ?? false,
    recoveryPointArn: job.RecoveryPointArn,
    recoveryPointCreatedAt: iso(job.RecoveryPointCreationDate),
    vaultArn: job.BackupVaultArn,
    vaultName: vaultArnParts(job.BackupVaultArn).name,
    createdResourceArn: job.CreatedResourceArn,
    expectedMinutes: num(job.ExpectedCompletionTimeMinutes),
    testingPlanArn: job.CreatedBy?.RestoreTestingPlanArn,
    validationStatus: job.ValidationStatus,
    validationMessage: job.ValidationStatusMessage,
    deletionStatus: job.DeletionStatus,
    deletionMessage: job.DeletionStatusMessage,
  });
}

/** Restore jobs, restore tests included; ListRestoreJobs takes every product filter of this kind. */
export const restoreJobs: JobSource<'restore'> = {
  kind: 'restore',
  operations: {
    list: 'ListRestoreJobs',
    describe: 'DescribeRestoreJob',
    summaries: 'ListRestoreJobSummaries',
  },
  async list(client, { region, filters: f, state, nextToken, maxResults }) {
    const input: ListRestoreJobsCommandInput = { MaxResults: maxResults, ...windowInput(f) };
    if (nextToken) input.NextToken = nextToken;
    if (state) input.ByStatus = state as ListRestoreJobsCommandInput['ByStatus'];
    if (f.resourceType) input.ByResourceType = f.resourceType;
    if (f.account) input.ByAccountId = f.account;
    if (f.parentJobId) input.ByParentJobId = f.parentJobId;
    if (f.restoreTestingPlanArn) input.ByRestoreTestingPlanArn = f.restoreTestingPlanArn;
    const out = await client.send(new ListRestoreJobsCommand(input));
    return {
      jobs: (out.RestoreJobs ?? []).map((raw) => toRestoreJob(raw, region)),
      nextToken: out.NextToken,
    };
  },
  matches: () => true,
  filtersLocally: () => false,
  async describe(client, jobId, region, signal) {
    const command = new DescribeRestoreJobCommand({ RestoreJobId: jobId });
    return toRestoreJob(await client.send(command, abortable(signal)), region);
  },
  async summaries(client, s, nextToken) {
    const page = await client.send(new ListRestoreJobSummariesCommand({ ...summaryInput(s, nextToken) }));
    return { rows: (page.RestoreJobSummaries ?? []).map(toSummaryRow), nextToken: page.NextToken };
  },
};
