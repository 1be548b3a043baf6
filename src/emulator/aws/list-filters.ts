import { invalidValue } from './aws-error.js';
import type { Caller } from './identity.js';
import type { CommonFilters } from './list-query.js';
import { ACCOUNT_ID, ARN, JOB_ID, param, parsePattern, parseTime } from './params.js';
import { RESOURCE_TYPE_MAX_LENGTH } from './vocabulary.js';

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

/** `messageCategory`, in lower case (categories match case-insensitively); undefined for all of them. */
export function readCategory(query: URLSearchParams): string | undefined {
  const category = param(query, 'messageCategory');
  if (category === undefined) return undefined;
  if (category.trim() === '' || category.length > 128) {
    throw invalidValue('messageCategory', category, 'a message category like SUCCESS or AccessDenied');
  }
  return ALL_CATEGORIES.has(category) ? undefined : category.toLowerCase();
}

/** An optional ARN query parameter. */
export function readArn(query: URLSearchParams, name: string, what: string): string | undefined {
  const raw = param(query, name);
  return raw === undefined ? undefined : parsePattern(name, raw, ARN, what);
}

const TIMES = ['createdAfter', 'createdBefore', 'completeAfter', 'completeBefore'] as const;

/**
 * The query parameters every List operation of a job kind takes: `accountId` (`*` for the whole
 * organisation; the caller's own account without it), `resourceType`, `parentJobId` and the four times.
 * A member account's caller sees its own jobs only, whatever `accountId` asks.
 */
export function readCommonFilters(query: URLSearchParams, caller: Caller): CommonFilters {
  const account = param(query, 'accountId');
  const f: CommonFilters = {
    account:
      account === undefined
        ? caller.account
        : account === '*'
          ? 'all'
          : parsePattern(
              'accountId',
              account,
              ACCOUNT_ID,
              'a 12-digit account id, or * for the organisation',
            ),
  };
  if (!caller.management) f.only = caller.account;
  const type = param(query, 'resourceType');
  if (type !== undefined) f.resourceType = parseResourceType('resourceType', type);
  const parent = param(query, 'parentJobId');
  if (parent !== undefined) f.parentJobId = parsePattern('parentJobId', parent, JOB_ID, 'a job id');
  for (const name of TIMES) {
    const raw = param(query, name);
    if (raw !== undefined) f[name] = parseTime(name, raw);
  }
  return f;
}
