import {
  type CopyJob as AwsCopyJob,
  DescribeCopyJobCommand,
  ListCopyJobSummariesCommand,
  ListCopyJobsCommand,
  type ListCopyJobsCommandInput,
} from '@aws-sdk/client-backup';
import type { ListFilters } from '../../query/types.js';
import { childCounts, defined, sharedFields, toLifecycle, toPlan, vaultArnParts } from '../convert.js';
import type { CopyJob } from '../types.js';
import { abortable, type JobSource, summaryInput, toSummaryRow, windowInput } from './source.js';

/** Maps an SDK CopyJob to the product's plain-JSON copy job; vault names and places come from ARNs. */
export function toCopyJob(job: AwsCopyJob, region: string): CopyJob {
  const source = vaultArnParts(job.SourceBackupVaultArn);
  const destination = vaultArnParts(job.DestinationBackupVaultArn);
  return defined<CopyJob>({
    kind: 'copy',
    jobId: job.CopyJobId ?? '',
    ...sharedFields(job, region),
    sourceVaultArn: job.SourceBackupVaultArn,
    sourceVaultName: source.name,
    sourceRecoveryPointArn: job.SourceRecoveryPointArn,
    destinationVaultArn: job.DestinationBackupVaultArn,
    destinationVaultName: destination.name,
    destinationRegion: destination.region,
    destinationAccountId: destination.accountId,
    destinationVaultType: job.DestinationVaultType,
    destinationVaultLockState: job.DestinationVaultLockState,
    destinationRecoveryPointArn: job.DestinationRecoveryPointArn,
    destinationEncryptionKeyArn: job.DestinationEncryptionKeyArn,
    destinationLifecycle: toLifecycle(job.DestinationRecoveryPointLifecycle),
    plan: toPlan(job.CreatedBy),
    backupJobId: job.CreatedByBackupJobId,
    compositeMemberIdentifier: job.CompositeMemberIdentifier,
    childJobCount: job.NumberOfChildJobs,
    childJobsInState: childCounts(job.ChildJobsInState),
  });
}

/** A vault typed as a name or an ARN, against a vault's ARN and name. */
function sameVault(typed: string, arn: string | undefined, name: string | undefined): boolean {
  return typed.startsWith('arn:') ? typed === arn : typed === name;
}

/** ListCopyJobs filters the destination by ARN only: a destination typed as a name is checked here. */
function destinationArn(filters: ListFilters): string | undefined {
  return filters.destinationVault?.startsWith('arn:') ? filters.destinationVault : undefined;
}

/**
 * Copy jobs, listed in the Region they copy from. ListCopyJobs has no source vault input and takes
 * the destination as an ARN, so vault names (`vault:` is either side) are checked on each job.
 */
export const copyJobs: JobSource<'copy'> = {
  kind: 'copy',
  operations: { list: 'ListCopyJobs', describe: 'DescribeCopyJob', summaries: 'ListCopyJobSummaries' },
  async list(client, { region, filters: f, state, nextToken, maxResults }) {
    const input: ListCopyJobsCommandInput = { MaxResults: maxResults, ...windowInput(f) };
    if (nextToken) input.NextToken = nextToken;
    if (state) input.ByState = state as ListCopyJobsCommandInput['ByState'];
    const destination = destinationArn(f);
    if (destination) input.ByDestinationVaultArn = destination;
    if (f.resourceType) input.ByResourceType = f.resourceType;
    if (f.account) input.ByAccountId = f.account;
    if (f.resourceArn) input.ByResourceArn = f.resourceArn;
    if (f.parentJobId) input.ByParentJobId = f.parentJobId;
    if (f.messageCategory) input.ByMessageCategory = f.messageCategory;
    if (f.sourceRecoveryPointArn) input.BySourceRecoveryPointArn = f.sourceRecoveryPointArn;
    const out = await client.send(new ListCopyJobsCommand(input));
    return { jobs: (out.CopyJobs ?? []).map((raw) => toCopyJob(raw, region)), nextToken: out.NextToken };
  },
  matches(job, f) {
    if (f.vault !== undefined) {
      const either =
        sameVault(f.vault, job.sourceVaultArn, job.sourceVaultName) ||
        sameVault(f.vault, job.destinationVaultArn, job.destinationVaultName);
      if (!either) return false;
    }
    if (f.sourceVault !== undefined && !sameVault(f.sourceVault, job.sourceVaultArn, job.sourceVaultName))
      return false;
    if (
      f.destinationVault !== undefined &&
      !sameVault(f.destinationVault, job.destinationVaultArn, job.destinationVaultName)
    )
      return false;
    return true;
  },
  filtersLocally: (f) =>
    f.vault !== undefined ||
    f.sourceVault !== undefined ||
    (f.destinationVault !== undefined && destinationArn(f) === undefined),
  async describe(client, jobId, region, signal) {
    const out = await client.send(new DescribeCopyJobCommand({ CopyJobId: jobId }), abortable(signal));
    return toCopyJob(out.CopyJob ?? { CopyJobId: jobId }, region);
  },
  async summaries(client, s, nextToken) {
    const page = await client.send(
      new ListCopyJobSummariesCommand({
        ...summaryInput(s, nextToken),
        MessageCategory: s.messageCategory ?? 'ANY',
      }),
    );
    return { rows: (page.CopyJobSummaries ?? []).map(toSummaryRow), nextToken: page.NextToken };
  },
};
