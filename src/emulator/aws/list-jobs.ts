import type { AwsHandler } from './context.js';
import type { Caller } from './identity.js';
import type { StoredJob } from './job-store.js';
import { readArn, readCategory, readCommonFilters } from './list-filters.js';
import { listPage } from './list-page.js';
import { type CommonFilters, commonKeys, type KindQuery } from './list-query.js';
import { param, parseChoice, parsePattern, VAULT_NAME } from './params.js';
import type { AwsBackupJob } from './types.js';
import { JOB_STATES, type JobState } from './vocabulary.js';
import { toWireJob } from './wire.js';

/** ListBackupJobs filters, validated. */
export interface JobFilters extends CommonFilters {
  state?: JobState;
  vault?: string;
  resourceArn?: string;
  /** Lower-case MessageCategory; undefined matches every category. */
  category?: string;
}

export function readFilters(query: URLSearchParams, caller: Caller): JobFilters {
  const f: JobFilters = readCommonFilters(query, caller);
  const state = param(query, 'state');
  if (state !== undefined) f.state = parseChoice('state', state, JOB_STATES);
  const vault = param(query, 'backupVaultName');
  if (vault !== undefined) {
    f.vault = parsePattern(
      'backupVaultName',
      vault,
      VAULT_NAME,
      '2 to 50 letters, digits, hyphens or underscores',
    );
  }
  const arn = readArn(query, 'resourceArn', 'a resource ARN');
  if (arn !== undefined) f.resourceArn = arn;
  const category = readCategory(query);
  if (category !== undefined) f.category = category;
  return f;
}

function backupQuery(region: string, f: JobFilters): KindQuery<AwsBackupJob> {
  const keys = commonKeys(region, f);
  if (f.state) keys.push(`s|${region}|${f.state}`);
  if (f.vault) keys.push(`v|${region}|${f.vault}`);
  if (f.resourceArn) keys.push(`n|${region}|${f.resourceArn}`);
  if (f.category) keys.push(`c|${region}|${f.category}`);
  const matches = (s: StoredJob<AwsBackupJob>): boolean => {
    const j = s.job;
    if (f.state && j.State !== f.state) return false;
    if (f.vault && j.BackupVaultName !== f.vault) return false;
    if (f.resourceArn && j.ResourceArn !== f.resourceArn) return false;
    return !f.category || s.category === f.category;
  };
  return { keys, filters: f, matches };
}

/** ListBackupJobs: filters, MaxResults 1..1000 (default 1000) and keyset NextToken paging. */
export const listBackupJobs: AwsHandler = (ctx, req) =>
  listPage(ctx, req, {
    operation: 'ListBackupJobs',
    member: 'BackupJobs',
    store: ctx.store,
    query: backupQuery(req.region, readFilters(req.query, req.caller)),
    wire: (job) => toWireJob(job),
  });
