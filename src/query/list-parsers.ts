import { isAccountId, isRegionName, RESOURCE_TYPE_ALIASES, RESOURCE_TYPES } from '../domain/index.js';
import { filterItem, pageSizeItem } from './filters.js';
import type { ItemMatch } from './items.js';
import { kindWord, validation, vaultSide } from './kind-parsers.js';
import type { TimeContext } from './operands.js';
import { PHRASE_PARSERS } from './phrase-parsers.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import { FILLER_WORDS, STATE_WORDS, WINDOW_MARKERS, WITH_ISSUES_PHRASES } from './vocabulary.js';
import { parseWindow } from './window-parser.js';

/** One tiny parser per token kind: it reads from token `i` or returns null when the token is not its own. */
export type ListParser = (tokens: readonly Token[], i: number, t: TimeContext) => ItemMatch | null;

const one = (item: ItemMatch['item']): ItemMatch => ({ consumed: 1, item });

/** `vault:prod`, `type:rds`, `account:*`, `region:eu-west-1`, `resource:arn:…`, `limit:20`, … */
const keyValue: ListParser = (tokens, i) => {
  const token = tokens[i]!;
  return token.key === undefined ? null : one(filterItem(token));
};

/** `20 per page`, `20/page`, `limit 20`: a page of `rows` (jobs, resources). */
export function pageSizeIn(rows: string): ListParser {
  return (tokens, i) => {
    const [a, b, c] = [tokens[i]?.word, tokens[i + 1]?.word, tokens[i + 2]?.word];
    const m = /^(\d+)\/page$/.exec(a ?? '');
    if (m) return one(pageSizeItem(m[1]!, tokens[i]!.raw, rows));
    if (b === 'per' && c === 'page' && /^\d+$/.test(a ?? '')) {
      return { consumed: 3, item: pageSizeItem(a!, joinTokens(tokens.slice(i, i + 3)), rows) };
    }
    if (a === 'limit' && b !== undefined)
      return { consumed: 2, item: pageSizeItem(b, joinTokens(tokens.slice(i, i + 2)), rows) };
    return null;
  };
}

const pageSize = pageSizeIn('jobs');

/** `completed yesterday`, `ended last 24h`, `created this week`: a window on the time the word names. */
const markedWindow: ListParser = (tokens, i, t) => {
  const word = tokens[i]!.word;
  const marker = WINDOW_MARKERS[word];
  if (marker === undefined) return null;
  const match = parseWindow(tokens, i + 1, t);
  if (match === null) {
    if (STATE_WORDS[word] !== undefined || tokens[i + 1]?.word === 'with') return null;
    const error = `${quoteWord(word)} needs a time window after it, like "${word} yesterday".`;
    return one({ kind: 'error', error: { error, suggestions: [`${word} yesterday`, `${word} last 24h`] } });
  }
  const consumed = 1 + match.consumed;
  if ('error' in match) return { consumed, item: { kind: 'error', error: match.error } };
  const text = joinTokens(tokens.slice(i, i + consumed));
  const previous = tokens[i - 1]?.word;
  const joined = previous === 'or' || previous === 'and';
  const item: ItemMatch['item'] = { kind: 'window', window: match.window, field: marker.field, text };
  if (marker.state !== undefined) item.impliedState = { state: marker.state, joined };
  return { consumed, item };
};

/** `yesterday`, `last 3 days`, `since monday 9am`, `between nov 20 and nov 22`, … on creation time. */
const window: ListParser = (tokens, i, t) => {
  const match = parseWindow(tokens, i, t);
  if (match === null) return null;
  if ('error' in match) return { consumed: match.consumed, item: { kind: 'error', error: match.error } };
  const text = joinTokens(tokens.slice(i, i + match.consumed));
  return { consumed: match.consumed, item: { kind: 'window', window: match.window, field: 'created', text } };
};

/** `with issues`, `completed with issues`. */
const withIssues: ListParser = (tokens, i) => {
  for (const phrase of WITH_ISSUES_PHRASES) {
    if (phrase.every((w, k) => tokens[i + k]?.word === w)) {
      const text = joinTokens(tokens.slice(i, i + phrase.length));
      return { consumed: phrase.length, item: { kind: 'with-issues', text } };
    }
  }
  return null;
};

/** `failed`, `failures`, `succeeded`, `partial`, `running`, … */
const state: ListParser = (tokens, i) => {
  const states = STATE_WORDS[tokens[i]!.word];
  return states === undefined ? null : one({ kind: 'states', states, text: tokens[i]!.raw });
};

export const publicWord: ListParser = (tokens, i) =>
  tokens[i]!.word === 'public' ? one({ kind: 'public', text: tokens[i]!.raw }) : null;

/** A bare region (`eu-west-1`) or 12-digit account id: nothing else looks like them. */
export const bareRegionOrAccount: ListParser = (tokens, i) => {
  const { word, raw } = tokens[i]!;
  if (isRegionName(word)) return one({ kind: 'regions', regions: [word], text: raw });
  if (isAccountId(word)) return one({ kind: 'filter', filter: 'account', value: word, text: raw });
  return null;
};

const BARE_TYPES = new Map(
  RESOURCE_TYPES.flatMap((type) => RESOURCE_TYPE_ALIASES[type].bare.map((a) => [a, type])),
);

/** A bare resource type that means nothing else: `rds`, `ebs`, `dynamodb`, … */
export const bareType: ListParser = (tokens, i) => {
  const type = BARE_TYPES.get(tokens[i]!.word);
  return type === undefined
    ? null
    : one({ kind: 'filter', filter: 'resourceType', value: type, text: tokens[i]!.raw });
};

const filler: ListParser = (tokens, i) =>
  FILLER_WORDS.has(tokens[i]!.word) ? one({ kind: 'filler', text: tokens[i]!.raw }) : null;

/** The grammar of list queries, in the order the parsers are tried. */
export const LIST_PARSERS: readonly ListParser[] = [
  vaultSide,
  keyValue,
  pageSize,
  kindWord,
  ...PHRASE_PARSERS,
  markedWindow,
  bareRegionOrAccount,
  window,
  withIssues,
  validation,
  state,
  publicWord,
  bareType,
  filler,
];
