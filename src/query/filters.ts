import {
  isAccountScope,
  isJobId,
  isRegionName,
  isResourceTypeShaped,
  isVaultName,
  KNOWN_REGIONS,
  knownResourceType,
  RESOURCE_TYPE_WORDS,
} from '../domain/index.js';
import type { Item, ValueFilter } from './items.js';
import { KEY_WORDS, nearest, orList } from './suggest.js';
import { quoteWord, type Token } from './tokens.js';
import { MAX_PAGE_SIZE } from './types.js';
import { FILTER_KEYS, type FilterKey } from './vocabulary.js';

const CATEGORY = /^[\w.-]{1,100}$/;
const KNOWN_CATEGORIES = ['SUCCESS', 'AccessDenied', 'InvalidParameters', 'Aborted', 'Expired'];

/** A `key:value` token as a filter item, or an error naming what is wrong with it. */
export function filterItem(token: Token): Item {
  const key = FILTER_KEYS[token.key ?? ''];
  const value = (token.value ?? '').trim();
  if (key === undefined) {
    const near = nearest(token.key ?? '', KEY_WORDS).map((k) => `${k}:${value}`);
    const known = KEY_WORDS.map((k) => `${k}:`);
    return near.length > 0
      ? fail(`${quoteWord(token.raw)} is not a filter I know — did you mean ${orList(near)}?`, near)
      : fail(`${quoteWord(token.raw)} is not a filter I know. Filters are ${orList(known)}.`, known);
  }
  if (value === '')
    return fail(`${quoteWord(token.raw)} needs a value, like ${EXAMPLES[key]}.`, [EXAMPLES[key]]);
  const text = token.raw;
  switch (key) {
    case 'vault':
      if (!isVaultName(value))
        return fail(
          `${quoteWord(text)} is not a vault name: vault names are 2 to 50 letters, digits, - or _, like vault:prod.`,
          [EXAMPLES.vault],
        );
      return filter('vault', value, text);
    case 'source':
      return sideVaultItem('sourceVault', value, text);
    case 'destination':
      return sideVaultItem('destinationVault', value, text);
    case 'type':
      return typeItem(value, text);
    case 'account':
      if (isAccountScope(value)) return filter('account', value, text);
      return fail(`${quoteWord(text)} is not an account: give 12 digits, or * for every account.`, [
        'account:*',
      ]);
    case 'region':
      return regionItem(value, text);
    case 'resource': {
      const arn = token.key === 'arn' ? `arn:${value}` : value;
      if (isArn(arn)) return filter('resourceArn', arn, text);
      return fail(`${quoteWord(text)} is not an ARN: give one like ${EXAMPLES.resource}.`, [
        EXAMPLES.resource,
      ]);
    }
    case 'parent':
      if (isJobId(value)) return filter('parentJobId', value, text);
      return fail(`${quoteWord(text)} is not a backup job id (letters, digits and hyphens).`, [
        EXAMPLES.parent,
      ]);
    case 'category': {
      if (!CATEGORY.test(value))
        return fail(`${quoteWord(text)} is not a message category.`, [EXAMPLES.category]);
      const known = KNOWN_CATEGORIES.find((c) => c.toLowerCase() === value.toLowerCase());
      return filter('messageCategory', known ?? value, text);
    }
    case 'recovery-point':
      if (isArn(value)) return filter('sourceRecoveryPointArn', value, text);
      return fail(
        `${quoteWord(text)} is not a recovery point ARN: give one like ${EXAMPLES['recovery-point']}.`,
        [EXAMPLES['recovery-point']],
      );
    case 'plan':
      if (TESTING_PLAN_ARN.test(value)) return filter('restoreTestingPlanArn', value, text);
      return fail(`${quoteWord(text)} is not a restore testing plan ARN: give one like ${EXAMPLES.plan}.`, [
        EXAMPLES.plan,
      ]);
    case 'limit':
      return pageSizeItem(value, text);
  }
}

/**
 * `from vault:X`, `to vault:X` (and `source:X`, `dest:X`): a copy job's source or destination
 * vault, by name or by backup vault ARN. `text` is what was typed, for messages.
 */
export function sideVaultItem(side: 'sourceVault' | 'destinationVault', value: string, text: string): Item {
  const name = VAULT_ARN.exec(value)?.[1] ?? value;
  if (isVaultName(name)) return filter(side, value, text);
  const example = side === 'sourceVault' ? 'from vault:prod' : 'to vault:dr-vault';
  return fail(
    `${quoteWord(text)} is not a vault: give a vault name (2 to 50 letters, digits, - or _) or a backup vault ARN, like ${example}.`,
    [example],
  );
}

function typeItem(value: string, text: string): Item {
  const type = knownResourceType(value);
  if (type !== undefined) return filter('resourceType', type, text);
  const near = nearest(value.toLowerCase(), RESOURCE_TYPE_WORDS).map((a) => `type:${a}`);
  // A name close to none of the documented ones may be a type AWS added since: asked as typed.
  if (near.length === 0 && isResourceTypeShaped(value)) return filter('resourceType', value, text);
  const tail = near.length > 0 ? ` — did you mean ${orList(near)}?` : '. Type "help types" for the list.';
  return fail(
    `${quoteWord(text)} is not a resource type I know${tail}`,
    near.length > 0 ? near : ['help types'],
  );
}

function filter(name: ValueFilter, value: string, text: string): Item {
  return { kind: 'filter', filter: name, value, text };
}

function fail(error: string, suggestions: string[]): Item {
  return { kind: 'error', error: { error, suggestions } };
}

/** An ARN's shape: `arn:PARTITION:SERVICE:…`, at most 1,600 characters. */
export function isArn(value: string): boolean {
  return /^arn:[\w-]+:[\w-]+:/.test(value) && value.length <= 1600;
}

const VAULT_ARN = /^arn:[\w-]+:backup:[\w-]*:\d{12}:backup-vault:(.+)$/;
const TESTING_PLAN_ARN = /^arn:[\w-]+:backup:[\w-]+:\d{12}:restore-testing-plan:[\w-]{1,200}$/;

export const EXAMPLES = {
  vault: 'vault:prod',
  source: 'source:prod',
  destination: 'dest:dr-vault',
  type: 'type:rds',
  account: 'account:123456789012',
  region: 'region:eu-west-1',
  resource: 'resource:arn:aws:rds:eu-west-1:123456789012:db:prod',
  parent: 'parent:4B7B3A0C-1234-5678-9ABC-DEF012345678',
  category: 'category:AccessDenied',
  'recovery-point': 'recovery-point:arn:aws:backup:eu-west-1:123456789012:recovery-point:1a2b3c4d',
  plan: 'plan:arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a2b3c',
  limit: 'limit:20',
} as const satisfies Record<FilterKey, string>;

function regionItem(value: string, text: string): Item {
  const regions = value
    .toLowerCase()
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const bad = regions.find((r) => !isRegionName(r));
  if (bad === undefined && regions.length > 0) return { kind: 'regions', regions, text };
  const near = nearest(bad ?? value, KNOWN_REGIONS).map((r) => `region:${r}`);
  const tail = near.length > 0 ? ` — did you mean ${orList(near)}?` : '.';
  return {
    kind: 'error',
    error: {
      error: `${quoteWord(bad ?? text)} is not an AWS region like eu-west-1${tail}`,
      suggestions: near.length > 0 ? near : [EXAMPLES.region],
    },
  };
}

/** `limit:20`, `20 per page`: 1..50 `rows` (jobs, or resources) a page. */
export function pageSizeItem(value: string, text: string, rows = 'jobs'): Item {
  const size = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (size >= 1 && size <= MAX_PAGE_SIZE) return { kind: 'page-size', size, text };
  const error = Number.isNaN(size)
    ? `${quoteWord(text)} is not a page size: give a number from 1 to ${MAX_PAGE_SIZE}.`
    : `${quoteWord(text)} is out of range: a page shows 1 to ${MAX_PAGE_SIZE} ${rows}.`;
  return { kind: 'error', error: { error, suggestions: [`limit:${MAX_PAGE_SIZE}`] } };
}
