import {
  DERIVED_OUTCOMES,
  FILTER_NAMES,
  isStateOf,
  JOB_KINDS,
  type JobKind,
  KIND_NOUN,
  kindTakes,
  STATES_OF_KIND,
} from '../domain/index.js';
import type { Item } from './items.js';
import type { KindAsked } from './refine.js';
import { orList } from './suggest.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import type { QueryError } from './types.js';
import { FILTER_WORDS, KIND_WORD } from './vocabulary.js';

/**
 * The first thing a query asks of its kind of job that the kind does not have: a state it is never
 * in, a filter its List operation does not take, `with issues` (restore jobs have no message
 * category) or a validation outcome (only restore tests are validated). Each error says what to
 * type instead; `tokens` are the whole query's, to build those corrected queries from, with
 * `kindWords` naming the kinds in them.
 */
export function kindProblem(
  items: readonly Item[],
  asked: KindAsked,
  tokens: readonly Token[],
  kindWords: Readonly<Record<JobKind, string>> = KIND_WORD,
): QueryError | null {
  for (const item of items) {
    const problem = itemProblem(item, { items, asked, tokens, kindWords });
    if (problem !== null) return problem;
  }
  return null;
}

interface Asking {
  items: readonly Item[];
  asked: KindAsked;
  tokens: readonly Token[];
  /** The words that name each kind in a corrected query (`copies failed`, `copy summary`). */
  kindWords: Readonly<Record<JobKind, string>>;
}

function itemProblem(item: Item, { items, asked, tokens, kindWords }: Asking): QueryError | null {
  const kind = asked.jobKind;
  const { title, many } = KIND_NOUN[kind];
  if (item.kind === 'states') {
    const missing = item.states.find((state) => !isStateOf(kind, state));
    if (missing === undefined) return null;
    const states = orList(
      STATES_OF_KIND[kind].map((s) => s.toLowerCase()),
      'and',
    );
    const other = JOB_KINDS.find((k) => isStateOf(k, missing));
    const fixes = [rewrite(tokens, item.text)];
    if (other !== undefined) fixes.push(withKind(tokens, asked, kindWords[other]));
    return tryInstead(`${title} have no state ${quoteWord(item.text)}: their states are ${states}.`, fixes);
  }
  if (item.kind === 'with-issues' && !takesOutcome(kind, 'COMPLETED_WITH_ISSUES')) {
    const named = items.some((i) => i.kind === 'states' && i.states.includes('FAILED'));
    const fix = rewrite(tokens, item.text, named ? '' : 'failed');
    return {
      error: `${title} have no message category, so ${quoteWord(item.text)} does not apply to them. Try ${quoteWord(fix)}: failed restores and restore tests whose validation failed.`,
      suggestions: [fix],
    };
  }
  if (item.kind === 'validation' && !takesOutcome(kind, `VALIDATION_${item.outcome}`)) {
    return tryInstead(
      `Only restore tests are validated: ${quoteWord(item.text)} does not apply to ${many}.`,
      [withKind(tokens, asked, 'restore tests')],
    );
  }
  if (item.kind === 'filter' && !kindTakes(kind, item.filter)) {
    const other = JOB_KINDS.find((k) => k !== kind && kindTakes(k, item.filter));
    const fixes = [rewrite(tokens, item.text)];
    // No kind typed: the query was likely meant for a kind that takes the filter.
    if (asked.text === undefined && other !== undefined)
      fixes.unshift(withKind(tokens, asked, kindWords[other]));
    return tryInstead(
      `${quoteWord(item.text)} does not apply to ${many}: they can be filtered by ${filtersPhrase(kind)}.`,
      fixes,
    );
  }
  return null;
}

/** `type:, account:, parent:, plan: and a time window`: the filters a kind takes, as people type them. */
export function filtersPhrase(kind: JobKind): string {
  const words = FILTER_NAMES.filter((f) => kindTakes(kind, f)).map((f) => FILTER_WORDS[f]);
  const unique = [...new Set(words)];
  const window = unique.filter((w) => !w.endsWith(':'));
  return orList([...unique.filter((w) => w.endsWith(':')), ...window], 'and');
}

function takesOutcome(kind: JobKind, outcome: keyof typeof DERIVED_OUTCOMES): boolean {
  return (DERIVED_OUTCOMES[outcome].kinds as readonly JobKind[]).includes(kind);
}

/** The error with "Try …" naming the corrected queries (those that are not empty). */
function tryInstead(sentence: string, fixes: readonly string[]): QueryError {
  const suggestions = [...new Set(fixes.filter((f) => f !== ''))];
  if (suggestions.length === 0)
    return { error: `${sentence} Type "help kinds" for what each kind takes.`, suggestions: ['help kinds'] };
  return { error: `${sentence} Try ${orList(suggestions.map(quoteWord))}.`, suggestions };
}

/** The query with the words `piece` (as an item read them) replaced by `by`, or left out; '' when absent. */
export function rewrite(tokens: readonly Token[], piece: string, by = ''): string {
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= tokens.length; end++) {
      const text = joinTokens(tokens.slice(start, end));
      if (text.length > piece.length) break;
      if (text !== piece) continue;
      const words = [...tokens.slice(0, start).map((t) => t.raw), by, ...tokens.slice(end).map((t) => t.raw)];
      return words.filter((w) => w !== '').join(' ');
    }
  }
  return '';
}

/** The query about another kind of job: the kind's words replaced, or put first when none was typed. */
export function withKind(tokens: readonly Token[], asked: KindAsked, words: string): string {
  return asked.text === undefined
    ? [words, joinTokens(tokens)].join(' ').trim()
    : rewrite(tokens, asked.text, words);
}
