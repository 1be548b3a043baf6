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
import type { Item } from './items.js';
import { KEY_WORDS, nearest, orList } from './suggest.js';
import { quoteWord, type Token } from './tokens.js';
import { MAX_PAGE_SIZE } from './types.js';
import { FILTER_KEYS } from './vocabulary.js';

const CATEGORY = /^[\w.-]{1,100}$/;
const KNOWN_CATEGORIES = ['SUCCESS', 'AccessDenied', 'InvalidParameters', 'Aborted', 'Expired'];

/** A `key:value` token as a filter item, or an error naming what is wrong with it. */
export function filterItem(token: Token): Item {
  const key = FILTER_KEYS[token.key ?? ''];
  const value = (token.value ?? '').trim();
  const fail = (error: string, suggestions: string[]): Item => ({
    kind: 'error',
    error: { error, suggestions },
  });
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
      return { kind: 'filter', filter: 'vault', value, text };
    case 'type': {
      const type = knownResourceType(value);
      if (type !== undefined) return { kind: 'filter', filter: 'type', value: type, text };
      const near = nearest(value.toLowerCase(), RESOURCE_TYPE_WORDS).map((a) => `type:${a}`);
      // A name close to none of the documented ones may be a type AWS added since: asked as typed.
      if (near.length === 0 && isResourceTypeShaped(value))
        return { kind: 'filter', filter: 'type', value, text };
      const tail = near.length > 0 ? ` — did you mean ${orList(near)}?` : '. Type "help types" for the list.';
      return fail(
        `${quoteWord(text)} is not a resource type I know${tail}`,
        near.length > 0 ? near : ['help types'],
      );
    }
    case 'account':
      if (isAccountScope(value)) return { kind: 'filter', filter: 'account', value, text };
      return fail(`${quoteWord(text)} is not an account: give 12 digits, or * for every account.`, [
        'account:*',
      ]);
    case 'region':
      return regionItem(value, text);
    case 'resource': {
      const arn = token.key === 'arn' ? `arn:${value}` : value;
      if (/^arn:[\w-]+:[\w-]+:/.test(arn) && arn.length <= 1600)
        return { kind: 'filter', filter: 'resource', value: arn, text };
      return fail(`${quoteWord(text)} is not an ARN: give one like ${EXAMPLES.resource}.`, [
        EXAMPLES.resource,
      ]);
    }
    case 'parent':
      if (isJobId(value)) return { kind: 'filter', filter: 'parent', value, text };
      return fail(`${quoteWord(text)} is not a backup job id (letters, digits and hyphens).`, [
        EXAMPLES.parent,
      ]);
    case 'category': {
      if (!CATEGORY.test(value))
        return fail(`${quoteWord(text)} is not a message category.`, [EXAMPLES.category]);
      const known = KNOWN_CATEGORIES.find((c) => c.toLowerCase() === value.toLowerCase());
      return { kind: 'filter', filter: 'category', value: known ?? value, text };
    }
    case 'limit':
      return pageSizeItem(value, text);
  }
}

const EXAMPLES = {
  vault: 'vault:prod',
  type: 'type:rds',
  account: 'account:123456789012',
  region: 'region:eu-west-1',
  resource: 'resource:arn:aws:rds:eu-west-1:123456789012:db:prod',
  parent: 'parent:4B7B3A0C-1234-5678-9ABC-DEF012345678',
  category: 'category:AccessDenied',
  limit: 'limit:20',
} as const;

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

/** `limit:20`, `20 per page`: 1..50. */
export function pageSizeItem(value: string, text: string): Item {
  const size = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (size >= 1 && size <= MAX_PAGE_SIZE) return { kind: 'page-size', size, text };
  const error = Number.isNaN(size)
    ? `${quoteWord(text)} is not a page size: give a number from 1 to ${MAX_PAGE_SIZE}.`
    : `${quoteWord(text)} is out of range: a page shows 1 to ${MAX_PAGE_SIZE} jobs.`;
  return { kind: 'error', error: { error, suggestions: [`limit:${MAX_PAGE_SIZE}`] } };
}
