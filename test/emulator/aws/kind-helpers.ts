import {
  type BackupClient,
  type CopyJob,
  type ListCopyJobsCommandInput,
  type ListRestoreJobsCommandInput,
  paginateListCopyJobs,
  paginateListRestoreJobs,
  type RestoreJobsListMember,
} from '@aws-sdk/client-backup';

export interface Listed<T> {
  jobs: T[];
  tokens: string[];
  pages: number;
}

/** Every copy job of a listing through the SDK's paginator (a fresh input object), and the tokens. */
export async function listCopies(
  client: BackupClient,
  input: Omit<ListCopyJobsCommandInput, 'NextToken'> = {},
  pageSize = 1000,
): Promise<Listed<CopyJob>> {
  const out: Listed<CopyJob> = { jobs: [], tokens: [], pages: 0 };
  for await (const page of paginateListCopyJobs({ client, pageSize }, { ...input })) {
    out.pages++;
    out.jobs.push(...(page.CopyJobs ?? []));
    if (page.NextToken) out.tokens.push(page.NextToken);
  }
  return out;
}

/** Every restore job of a listing through the SDK's paginator, and the tokens. */
export async function listRestores(
  client: BackupClient,
  input: Omit<ListRestoreJobsCommandInput, 'NextToken'> = {},
  pageSize = 1000,
): Promise<Listed<RestoreJobsListMember>> {
  const out: Listed<RestoreJobsListMember> = { jobs: [], tokens: [], pages: 0 };
  for await (const page of paginateListRestoreJobs({ client, pageSize }, { ...input })) {
    out.pages++;
    out.jobs.push(...(page.RestoreJobs ?? []));
    if (page.NextToken) out.tokens.push(page.NextToken);
  }
  return out;
}

export function copyIds(jobs: readonly CopyJob[]): string[] {
  return jobs.map((j) => j.CopyJobId ?? '').sort();
}

export function restoreIds(jobs: readonly RestoreJobsListMember[]): string[] {
  return jobs.map((j) => j.RestoreJobId ?? '').sort();
}

/** Ids of the jobs for which `pred` holds, sorted. */
export function idsWhere<T>(jobs: readonly T[], id: (j: T) => string | undefined, pred: (j: T) => boolean) {
  return jobs
    .filter(pred)
    .map((j) => id(j) ?? '')
    .sort();
}
