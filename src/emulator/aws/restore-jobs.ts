import type { AwsHandler } from './context.js';
import { findJob } from './describe-job.js';
import type { Caller } from './identity.js';
import type { StoredJob } from './job-store.js';
import type { AwsRestoreJob } from './job-types.js';
import { readArn, readCommonFilters } from './list-filters.js';
import { listPage } from './list-page.js';
import { type CommonFilters, commonKeys, type KindQuery } from './list-query.js';
import { param, parseChoice } from './params.js';
import { summaryPage } from './summaries.js';
import { RESTORE_JOB_STATUSES, RESTORE_SUMMARY_STATES, type RestoreJobStatus } from './vocabulary.js';
import { toWireJob } from './wire.js';

/** ListRestoreJobs filters, validated. The model filters by `status`, not `state`. */
export interface RestoreFilters extends CommonFilters {
  status?: RestoreJobStatus;
  restoreTestingPlanArn?: string;
}

export function readRestoreFilters(query: URLSearchParams, caller: Caller): RestoreFilters {
  const f: RestoreFilters = readCommonFilters(query, caller);
  const status = param(query, 'status');
  if (status !== undefined) f.status = parseChoice('status', status, RESTORE_JOB_STATUSES);
  const plan = readArn(query, 'restoreTestingPlanArn', 'a restore testing plan ARN');
  if (plan !== undefined) f.restoreTestingPlanArn = plan;
  return f;
}

function restoreQuery(region: string, f: RestoreFilters): KindQuery<AwsRestoreJob> {
  const keys = commonKeys(region, f);
  if (f.status) keys.push(`s|${region}|${f.status}`);
  if (f.restoreTestingPlanArn) keys.push(`l|${region}|${f.restoreTestingPlanArn}`);
  const matches = (s: StoredJob<AwsRestoreJob>): boolean => {
    const j = s.job;
    if (f.status && j.Status !== f.status) return false;
    return !f.restoreTestingPlanArn || j.CreatedBy?.RestoreTestingPlanArn === f.restoreTestingPlanArn;
  };
  return { keys, filters: f, matches };
}

/** ListRestoreJobs (`GET /restore-jobs`): every filter of the model, paged like ListBackupJobs. */
export const listRestoreJobs: AwsHandler = (ctx, req) =>
  listPage(ctx, req, {
    operation: 'ListRestoreJobs',
    member: 'RestoreJobs',
    store: ctx.restores,
    query: restoreQuery(req.region, readRestoreFilters(req.query, req.caller)),
    wire: (job) => toWireJob(job),
  });

/** DescribeRestoreJob: the job's members at the top level of the response (no wrapper, unlike copy). */
export const describeRestoreJob: AwsHandler = (ctx, req) =>
  toWireJob(findJob(ctx, req, ctx.restores, 'RestoreJobId', 'restore job').job);

/** ListRestoreJobSummaries: State takes RestoreJobState; there is no MessageCategory. */
export const listRestoreJobSummaries: AwsHandler = (ctx, req) =>
  summaryPage(ctx, req, {
    operation: 'ListRestoreJobSummaries',
    member: 'RestoreJobSummaries',
    store: ctx.restores,
    states: RESTORE_SUMMARY_STATES,
    withCategory: false,
    stateOf: (job) => job.Status,
  });
