import { invalidValue, RawJson } from './aws-error.js';
import { type AwsHandler, callerOf, type EmulatorContext } from './context.js';
import { type JobFilters, type PageKey, queryPage } from './list-query.js';
import {
  ACCOUNT_ID,
  ARN,
  JOB_ID,
  param,
  parseChoice,
  parseLimit,
  parsePattern,
  parseTime,
  VAULT_NAME,
} from './params.js';
import { hash32 } from './prng.js';
import { JOB_STATES, RESOURCE_TYPE_MAX_LENGTH } from './vocabulary.js';
import { toWireJob } from './wire.js';

/**
 * A ResourceType as AWS takes it: any string of 1..50 characters. The API has no enum for it, so a type
 * AWS does not know (or one it adds after this list was written) is a valid filter that matches nothing.
 */
export function parseResourceType(name: string, raw: string): string {
  if (raw.length > 0 && raw.length <= RESOURCE_TYPE_MAX_LENGTH) return raw;
  throw invalidValue(name, raw, `a resource type of 1 to ${RESOURCE_TYPE_MAX_LENGTH} characters, like EBS`);
}

/** MessageCategory values that mean "every category" rather than one. */
const ALL_CATEGORIES = new Set(['*', 'ANY', 'AGGREGATE_ALL']);

export function readFilters(query: URLSearchParams, ctx: EmulatorContext): JobFilters {
  const q = (name: string) => param(query, name);
  const account = q('accountId');
  const f: JobFilters = {
    account:
      account === undefined
        ? callerOf(ctx)
        : account === '*'
          ? 'all'
          : parsePattern(
              'accountId',
              account,
              ACCOUNT_ID,
              'a 12-digit account id, or * for the organisation',
            ),
  };
  const state = q('state');
  if (state !== undefined) f.state = parseChoice('state', state, JOB_STATES);
  const type = q('resourceType');
  if (type !== undefined) f.resourceType = parseResourceType('resourceType', type);
  const vault = q('backupVaultName');
  if (vault !== undefined) {
    f.vault = parsePattern(
      'backupVaultName',
      vault,
      VAULT_NAME,
      '2 to 50 letters, digits, hyphens or underscores',
    );
  }
  const arn = q('resourceArn');
  if (arn !== undefined) f.resourceArn = parsePattern('resourceArn', arn, ARN, 'a resource ARN');
  const parent = q('parentJobId');
  if (parent !== undefined) f.parentJobId = parsePattern('parentJobId', parent, JOB_ID, 'a backup job id');
  const category = q('messageCategory');
  if (category !== undefined) {
    if (category.trim() === '' || category.length > 128) {
      throw invalidValue('messageCategory', category, 'a message category like SUCCESS or AccessDenied');
    }
    if (!ALL_CATEGORIES.has(category)) f.category = category.toLowerCase();
  }
  const times = [
    ['createdAfter', 'createdAfter'],
    ['createdBefore', 'createdBefore'],
    ['completeAfter', 'completeAfter'],
    ['completeBefore', 'completeBefore'],
  ] as const;
  for (const [name, key] of times) {
    const raw = q(name);
    if (raw !== undefined) f[key] = parseTime(name, raw);
  }
  return f;
}

function asKey(value: unknown): PageKey {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
    return [value[0], value[1]];
  }
  throw invalidValue('nextToken', String(value), 'the NextToken of the previous response');
}

/** ListBackupJobs: filters, MaxResults 1..1000 (default 1000) and keyset NextToken paging. */
export const listBackupJobs: AwsHandler = (ctx, req) => {
  const filters = readFilters(req.query, ctx);
  const limit = parseLimit('maxResults', param(req.query, 'maxResults'), 1, 1000, 1000);
  const scope = `ListBackupJobs|${req.region}|${ctx.order}|${JSON.stringify(filters)}`;
  const token = param(req.query, 'nextToken');
  const after = token === undefined ? undefined : asKey(ctx.tokens.read(scope, token));
  const page = queryPage(ctx.store, {
    region: req.region,
    filters,
    order: ctx.order,
    after,
    limit,
    now: ctx.now(),
    shuffleSeed: hash32(scope),
  });
  // Jobs never change, so each job's JSON is made once and reused by every page that holds it.
  const jobs = page.jobs.map((s) => {
    s.json ??= JSON.stringify(toWireJob(s.job));
    return s.json;
  });
  const next = page.next ? `,"NextToken":${JSON.stringify(ctx.tokens.issue(scope, page.next))}` : '';
  return new RawJson(`{"BackupJobs":[${jobs.join(',')}]${next}}`);
};
