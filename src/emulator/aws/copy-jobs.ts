import type { AwsHandler } from './context.js';
import { childStats, findJob } from './describe-job.js';
import type { Caller } from './identity.js';
import type { StoredJob } from './job-store.js';
import type { AwsCopyJob } from './job-types.js';
import { readArn, readCategory, readCommonFilters } from './list-filters.js';
import { listPage } from './list-page.js';
import { type CommonFilters, commonKeys, type KindQuery } from './list-query.js';
import { param, parseChoice } from './params.js';
import { summaryPage } from './summaries.js';
import { COPY_JOB_STATES, COPY_SUMMARY_STATES, type CopyJobState } from './vocabulary.js';
import { toWireJob } from './wire.js';

/** ListCopyJobs filters, validated. */
export interface CopyFilters extends CommonFilters {
  state?: CopyJobState;
  resourceArn?: string;
  destinationVaultArn?: string;
  sourceRecoveryPointArn?: string;
  /** Lower-case MessageCategory; undefined matches every category. */
  category?: string;
}

export function readCopyFilters(query: URLSearchParams, caller: Caller): CopyFilters {
  const f: CopyFilters = readCommonFilters(query, caller);
  const state = param(query, 'state');
  if (state !== undefined) f.state = parseChoice('state', state, COPY_JOB_STATES);
  const arns = [
    ['resourceArn', 'resourceArn', 'a resource ARN'],
    ['destinationVaultArn', 'destinationVaultArn', 'a backup vault ARN'],
    ['sourceRecoveryPointArn', 'sourceRecoveryPointArn', 'a recovery point ARN'],
  ] as const;
  for (const [name, key, what] of arns) {
    const arn = readArn(query, name, what);
    if (arn !== undefined) f[key] = arn;
  }
  const category = readCategory(query);
  if (category !== undefined) f.category = category;
  return f;
}

function copyQuery(region: string, f: CopyFilters): KindQuery<AwsCopyJob> {
  const keys = commonKeys(region, f);
  if (f.state) keys.push(`s|${region}|${f.state}`);
  if (f.resourceArn) keys.push(`n|${region}|${f.resourceArn}`);
  if (f.destinationVaultArn) keys.push(`d|${region}|${f.destinationVaultArn}`);
  if (f.sourceRecoveryPointArn) keys.push(`x|${region}|${f.sourceRecoveryPointArn}`);
  if (f.category) keys.push(`c|${region}|${f.category}`);
  const matches = (s: StoredJob<AwsCopyJob>): boolean => {
    const j = s.job;
    if (f.state && j.State !== f.state) return false;
    if (f.resourceArn && j.ResourceArn !== f.resourceArn) return false;
    if (f.destinationVaultArn && j.DestinationBackupVaultArn !== f.destinationVaultArn) return false;
    if (f.sourceRecoveryPointArn && j.SourceRecoveryPointArn !== f.sourceRecoveryPointArn) return false;
    return !f.category || s.category === f.category;
  };
  return { keys, filters: f, matches };
}

/** ListCopyJobs (`GET /copy-jobs`): every filter of the model, paged like ListBackupJobs. */
export const listCopyJobs: AwsHandler = (ctx, req) =>
  listPage(ctx, req, {
    operation: 'ListCopyJobs',
    member: 'CopyJobs',
    store: ctx.copies,
    query: copyQuery(req.region, readCopyFilters(req.query, req.caller)),
    wire: (job) => toWireJob(job),
  });

/** DescribeCopyJob: `{"CopyJob": …}`; a parent adds NumberOfChildJobs and ChildJobsInState. */
export const describeCopyJob: AwsHandler = (ctx, req) => {
  const stored = findJob(ctx, req, ctx.copies, 'CopyJobId', 'copy job');
  const out = toWireJob(stored.job);
  if (!stored.job.IsParent) return { CopyJob: out };
  return { CopyJob: { ...out, ...childStats(ctx.copies, req.region, stored.id, (job) => job.State) } };
};

/** ListCopyJobSummaries: State takes CopyJobStatus; MessageCategory as for backup jobs. */
export const listCopyJobSummaries: AwsHandler = (ctx, req) =>
  summaryPage(ctx, req, {
    operation: 'ListCopyJobSummaries',
    member: 'CopyJobSummaries',
    store: ctx.copies,
    states: COPY_SUMMARY_STATES,
    withCategory: true,
    stateOf: (job) => job.State,
  });
