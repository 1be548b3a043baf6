import { type AnyState, type JobKind, STATES_OF_KIND } from '../domain/index.js';
import type { Item, ItemMatch, ValueFilter } from './items.js';
import type { ListParser } from './list-parsers.js';
import type { TimeContext } from './operands.js';
import { unknownWords } from './suggest.js';
import { quoteWord, type Token } from './tokens.js';
import type { QueryError } from './types.js';

/** Runs the parsers over the tokens, left to right; a token no parser takes is `unknown`. */
export function readItems(tokens: readonly Token[], parsers: readonly ListParser[], t: TimeContext): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; ) {
    let match: ItemMatch | null = null;
    for (const parser of parsers) {
      match = parser(tokens, i, t);
      if (match !== null) break;
    }
    const found = match ?? { consumed: 1, item: { kind: 'unknown', text: tokens[i]!.raw } };
    items.push(found.item);
    i += Math.max(1, found.consumed);
  }
  return items;
}

/** The first problem in the items: a parser's error, else every unknown word at once. */
export function firstProblem(items: readonly Item[]): QueryError | null {
  for (const item of items) if (item.kind === 'error') return item.error;
  const unknown = [...new Set(items.flatMap((item) => (item.kind === 'unknown' ? [item.text] : [])))];
  return unknown.length > 0 ? unknownWords(unknown) : null;
}

const FILTER_NOUNS: Record<ValueFilter | 'page-size', string> = {
  vault: 'one vault',
  sourceVault: 'one source vault',
  destinationVault: 'one destination vault',
  resourceType: 'one resource type',
  account: 'one account (or account:* for all)',
  resourceArn: 'one resource',
  parentJobId: 'one parent job',
  messageCategory: 'one message category',
  sourceRecoveryPointArn: 'one recovery point',
  restoreTestingPlanArn: 'one restore testing plan',
  'page-size': 'one page size',
};

/** One value per single-valued filter: the same value twice is fine, two different ones conflict. */
export function singleValues(items: readonly Item[]): Partial<Record<ValueFilter, string>> | QueryError {
  const seen = new Map<ValueFilter, { value: string; text: string }>();
  for (const item of items) {
    if (item.kind !== 'filter') continue;
    const before = seen.get(item.filter);
    if (before !== undefined && before.value !== item.value)
      return conflict(before.text, item.text, FILTER_NOUNS[item.filter]);
    seen.set(item.filter, { value: item.value, text: item.text });
  }
  return Object.fromEntries([...seen].map(([k, v]) => [k, v.value]));
}

/** The page size typed, if any, or a conflict between two different ones. */
export function pageSizeOf(items: readonly Item[]): number | undefined | QueryError {
  let first: { size: number; text: string } | undefined;
  for (const item of items) {
    if (item.kind !== 'page-size') continue;
    if (first !== undefined && first.size !== item.size)
      return conflict(first.text, item.text, FILTER_NOUNS['page-size']);
    first ??= item;
  }
  return first?.size;
}

/** The time window, if any; two windows conflict. */
export function windowOf(items: readonly Item[]): Extract<Item, { kind: 'window' }> | undefined | QueryError {
  const windows = items.filter((item): item is Extract<Item, { kind: 'window' }> => item.kind === 'window');
  const [first, second] = windows;
  if (first !== undefined && second !== undefined)
    return conflict(first.text, second.text, 'one time window');
  return first;
}

/** The kind of job asked about: backup when none is named; two different kinds conflict. */
export function kindOf(items: readonly Item[]): KindAsked | QueryError {
  const named = items.filter((item): item is KindItem => item.kind === 'job-kind');
  const [first] = named;
  const other = named.find((item) => item.jobKind !== first?.jobKind);
  if (first !== undefined && other !== undefined) return conflict(first.text, other.text, 'one kind of job');
  if (first === undefined) return { jobKind: 'backup', testsOnly: false };
  return { jobKind: first.jobKind, testsOnly: named.some((item) => item.testsOnly), text: first.text };
}

type KindItem = Extract<Item, { kind: 'job-kind' }>;

/** The kind a query asks about, and the words that named it (absent when none did). */
export interface KindAsked {
  jobKind: JobKind;
  testsOnly: boolean;
  text?: string;
}

function conflict(a: string, b: string, noun: string): QueryError {
  return {
    error: `${quoteWord(a)} and ${quoteWord(b)} conflict: a query takes ${noun}. Keep one of them.`,
    suggestions: [a, b],
  };
}

/** States named, in the kind's order (as AWS documents them), without repeats. */
export function statesOf(items: readonly Item[], kind: JobKind): AnyState[] {
  const named = new Set<string>(items.flatMap((item) => (item.kind === 'states' ? item.states : [])));
  return STATES_OF_KIND[kind].filter((s) => named.has(s));
}

/** Regions named, in the order typed, without repeats. */
export function regionsOf(items: readonly Item[]): string[] {
  return [...new Set(items.flatMap((item) => (item.kind === 'regions' ? item.regions : [])))];
}

export function isError<T>(value: T | QueryError): value is QueryError {
  return typeof value === 'object' && value !== null && 'error' in value && 'suggestions' in value;
}
