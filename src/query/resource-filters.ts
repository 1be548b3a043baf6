import { EVERY_ACCOUNT } from '../domain/index.js';
import type { AgeCommand } from './age.js';
import { filterItem, pageSizeItem } from './filters.js';
import type { Item } from './items.js';
import { rewrite } from './kind-checks.js';
import type { ListParser } from './list-parsers.js';
import { nearest, orList } from './suggest.js';
import { quoteWord, type Token } from './tokens.js';
import type { QueryError, ResourceFilters } from './types.js';
import { FILTER_KEYS, type FilterKey } from './vocabulary.js';

/** The filters of questions about resources, by the key typed, and the field each fills. */
const RESOURCE_KEYS = {
  account: 'accounts',
  region: 'regions',
  type: 'resourceTypes',
  vault: 'vaults',
} as const satisfies Partial<Record<FilterKey, keyof ResourceFilters>>;

type ResourceKey = keyof typeof RESOURCE_KEYS;

function isResourceKey(key: FilterKey | undefined): key is ResourceKey {
  return key !== undefined && key in RESOURCE_KEYS;
}

/** The keys a command takes, as people type them: `account:, region:, type:, vault: and limit:`. */
function keysOf(command: AgeCommand): string[] {
  const keys: string[] = Object.keys(RESOURCE_KEYS);
  return command === 'stale' ? [...keys, 'limit'] : keys;
}

/**
 * `type:rds`, `type:rds,ebs`, `account:*`, `region:eu-west-1,us-east-1`, `vault:prod` (and
 * `limit:20` for `stale`): each value checked as lists check it, several allowed. Keys lists know
 * but resources do not take (`parent:`, `category:`, …) are refused with the query without them;
 * `whole` is the whole query, to build it from.
 */
export function resourceFilter(command: AgeCommand, whole: readonly Token[]): ListParser {
  return (tokens, i) => {
    const token = tokens[i]!;
    if (token.key === undefined) return null;
    const key = FILTER_KEYS[token.key];
    const value = (token.value ?? '').trim();
    if (key === 'limit' && command === 'coverage')
      return one({ kind: 'error', error: noPages(token.raw, whole) });
    if (key === 'limit') return one(pageSizeItem(value, token.raw, 'resources'));
    if (isResourceKey(key)) return one(valuesItem(key, token));
    const known = keysOf(command);
    if (key === undefined) {
      const near = nearest(token.key, known).map((k) => `${k}:${value}`);
      const tail =
        near.length > 0 ? ` — did you mean ${orList(near)}?` : `: "${command}" takes ${keysPhrase(known)}.`;
      return one(
        fail(`${quoteWord(token.raw)} is not a filter I know${tail}`, near.length > 0 ? near : [command]),
      );
    }
    const without = rewrite(whole, token.raw);
    if (key === 'resource') {
      const arn = token.key === 'arn' ? `arn:${value}` : value;
      return one(
        fail(
          `"${command}" looks across resources, so an ARN does not narrow it: for one resource, try ${shown(`resource ${arn}`)}.`,
          [`resource ${arn}`, without],
        ),
      );
    }
    return one(
      fail(
        `${quoteWord(token.raw)} does not apply to "${command}": resources can be filtered by ${keysPhrase(known)}. Try ${quoteWord(without)}.`,
        [without],
      ),
    );
  };
}

function valuesItem(key: ResourceKey, token: Token): Item {
  const pieces = (token.value ?? '')
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return filterItem({ ...token, value: '' });
  const values: string[] = [];
  for (const piece of pieces) {
    const item = filterItem({ raw: `${token.key}:${piece}`, word: piece.toLowerCase(), key, value: piece });
    if (item.kind === 'error') return item;
    if (item.kind === 'regions') values.push(...item.regions);
    if (item.kind === 'filter') values.push(item.value);
  }
  return { kind: 'values', filter: RESOURCE_KEYS[key], values, text: token.raw };
}

/** `coverage limit:20`, `coverage 20 per page`: counts have no pages. */
export function noPages(text: string, whole: readonly Token[]): QueryError {
  const without = rewrite(whole, text);
  return {
    error: `"coverage" answers with counts, not pages, so ${quoteWord(text)} does not apply. Try ${quoteWord(without)}.`,
    suggestions: [without],
  };
}

/** A query to type, in full unless it is too long to read in a sentence. */
function shown(query: string): string {
  return query.length <= 120 ? `"${query}"` : quoteWord(query);
}

function keysPhrase(keys: readonly string[]): string {
  return orList(
    keys.map((k) => `${k}:`),
    'and',
  );
}

/**
 * The filters the items name, each list in the order typed without repeats. Bare words count too
 * (`rds`, `eu-west-1`, a 12-digit account id); `account:*` among accounts means every account.
 */
export function resourceFiltersOf(items: readonly Item[]): ResourceFilters {
  const sets: Record<keyof ResourceFilters, Set<string>> = {
    accounts: new Set(),
    regions: new Set(),
    resourceTypes: new Set(),
    vaults: new Set(),
  };
  for (const item of items) {
    if (item.kind === 'values') for (const v of item.values) sets[item.filter].add(v);
    if (item.kind === 'regions') for (const r of item.regions) sets.regions.add(r);
    if (item.kind === 'filter' && item.filter === 'account') sets.accounts.add(item.value);
    if (item.kind === 'filter' && item.filter === 'resourceType') sets.resourceTypes.add(item.value);
  }
  const accounts = [...sets.accounts];
  return {
    accounts: accounts.includes(EVERY_ACCOUNT) ? [EVERY_ACCOUNT] : accounts,
    regions: [...sets.regions],
    resourceTypes: [...sets.resourceTypes],
    vaults: [...sets.vaults],
  };
}

function one(item: Item): { consumed: number; item: Item } {
  return { consumed: 1, item };
}

function fail(error: string, suggestions: string[]): Item {
  return { kind: 'error', error: { error, suggestions: [...new Set(suggestions.filter((s) => s !== ''))] } };
}
