import { AwsError } from './aws-error.js';
import type { AwsHandler, AwsRequest, EmulatorContext } from './context.js';
import type { JobStore, StorableJob, StoredJob } from './job-store.js';
import { JOB_ID, parsePattern } from './params.js';
import { toWireJob } from './wire.js';

/**
 * The job a Describe operation names in the signed region: of any organisation account for the
 * management account, of its own account for a member account.
 * `idName` is the model's member name (`BackupJobId`, …), used in errors.
 */
export function findJob<J extends StorableJob>(
  ctx: EmulatorContext,
  req: AwsRequest,
  store: JobStore<J>,
  idName: string,
  noun: string,
): StoredJob<J> {
  const id = req.jobId ?? '';
  if (id === '') throw new AwsError('MissingParameterValueException', 400, `${idName} is required.`, idName);
  parsePattern(idName.charAt(0).toLowerCase() + idName.slice(1), id, JOB_ID, `a ${noun} id`);
  const stored = store.get(req.region, id);
  const visible = req.caller.management
    ? stored && ctx.accounts.includes(stored.job.AccountId)
    : stored?.job.AccountId === req.caller.account;
  if (!stored || !visible) {
    throw new AwsError(
      'ResourceNotFoundException',
      400,
      `Cannot find ${noun} with id ${id} in ${req.region}.`,
      idName,
    );
  }
  return stored;
}

/** NumberOfChildJobs and ChildJobsInState of a parent, counted from its children at request time. */
export function childStats<J extends StorableJob>(
  store: JobStore<J>,
  region: string,
  parentId: string,
  stateOf: (job: J) => string,
): { NumberOfChildJobs: number; ChildJobsInState: Record<string, number> } {
  const children = store.list(`p|${region}|${parentId}`);
  const inState: Record<string, number> = {};
  for (const child of children) {
    const state = stateOf(child.job);
    inState[state] = (inState[state] ?? 0) + 1;
  }
  return { NumberOfChildJobs: children.length, ChildJobsInState: inState };
}

/** DescribeBackupJob: the job; a parent adds NumberOfChildJobs and ChildJobsInState. */
export const describeBackupJob: AwsHandler = (ctx, req) => {
  const stored = findJob(ctx, req, ctx.store, 'BackupJobId', 'backup job');
  const out = toWireJob(stored.job);
  if (!stored.job.IsParent) return out;
  return { ...out, ...childStats(ctx.store, req.region, stored.id, (job) => job.State) };
};
