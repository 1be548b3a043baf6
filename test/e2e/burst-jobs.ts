import {
  BackupClient,
  type CopyJob,
  DescribeBackupJobCommand,
  ListBackupJobsCommand,
  type ListCopyJobsCommandInput,
  type ListRestoreJobsCommandInput,
  paginateListCopyJobs,
  paginateListRestoreJobs,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';
import { DR_RESOURCES } from '../../src/cli/demo-burst-dr.js';
import { TEST_CREDENTIALS } from '../helpers/aws.js';

/** An AWS Backup client of one Region of the demo's emulator, through the real SDK. */
export function backupClient(endpoint: string, region: string): BackupClient {
  return new BackupClient({ region, endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

export async function copyJobs(client: BackupClient, input: ListCopyJobsCommandInput): Promise<CopyJob[]> {
  const out: CopyJob[] = [];
  for await (const page of paginateListCopyJobs({ client, pageSize: 1000 }, input))
    out.push(...(page.CopyJobs ?? []));
  return out;
}

export async function restoreJobs(
  client: BackupClient,
  input: ListRestoreJobsCommandInput,
): Promise<RestoreJobsListMember[]> {
  const out: RestoreJobsListMember[] = [];
  for await (const page of paginateListRestoreJobs({ client, pageSize: 1000 }, input)) {
    out.push(...(page.RestoreJobs ?? []));
  }
  return out;
}

/** The name of the burst's resource a restore job restores, or undefined for any other restore. */
export function burstResourceOf(job: RestoreJobsListMember, region: string): string | undefined {
  const account = job.AccountId ?? '';
  return DR_RESOURCES.find((r) => r.arn(region, account) === job.SourceResourceArn)?.name;
}

export const BURST_NAMES = new Set(DR_RESOURCES.map((r) => r.name));

/** Region and account of a backup vault ARN. */
export function placeOf(vaultArn: string | undefined): { region: string; account: string } {
  const [, , , region = '', account = ''] = (vaultArn ?? '').split(':');
  return { region, account };
}

/** The backup job a copy names, as DescribeBackupJob returns it in the copy's Region. */
export async function sourceBackup(client: BackupClient, copy: CopyJob) {
  return client.send(new DescribeBackupJobCommand({ BackupJobId: copy.CreatedByBackupJobId }));
}

/** Whether a completed backup job of the restored resource made the recovery point it restores from. */
export async function restoresABackup(client: BackupClient, job: RestoreJobsListMember): Promise<boolean> {
  const { BackupJobs = [] } = await client.send(
    new ListBackupJobsCommand({
      ByResourceArn: job.SourceResourceArn,
      ByAccountId: job.AccountId,
      ByState: 'COMPLETED',
    }),
  );
  return BackupJobs.some((b) => b.RecoveryPointArn === job.RecoveryPointArn);
}
