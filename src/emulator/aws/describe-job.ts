import { AwsError } from './aws-error.js';
import type { AwsHandler } from './context.js';
import { JOB_ID, parsePattern } from './params.js';
import type { JobState } from './vocabulary.js';
import { toWireJob } from './wire.js';

/**
 * DescribeBackupJob: one job of any organisation account in the signed region; parents add
 * NumberOfChildJobs and ChildJobsInState, counted from their children at request time.
 */
export const describeBackupJob: AwsHandler = (ctx, req) => {
  const id = req.jobId ?? '';
  if (id === '') {
    throw new AwsError('MissingParameterValueException', 400, 'BackupJobId is required.', 'BackupJobId');
  }
  parsePattern('backupJobId', id, JOB_ID, 'a backup job id');
  const stored = ctx.store.get(req.region, id);
  if (!stored || !ctx.accounts.includes(stored.job.AccountId)) {
    throw new AwsError(
      'ResourceNotFoundException',
      400,
      `Cannot find backup job with id ${id} in ${req.region}.`,
      'BackupJobId',
    );
  }
  const out = toWireJob(stored.job);
  if (!stored.job.IsParent) return out;
  const children = ctx.store.list(`p|${req.region}|${id}`);
  const inState: Partial<Record<JobState, number>> = {};
  for (const child of children) inState[child.job.State] = (inState[child.job.State] ?? 0) + 1;
  return { ...out, NumberOfChildJobs: children.length, ChildJobsInState: inState };
};
