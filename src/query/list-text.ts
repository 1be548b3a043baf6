import { FILTER_NAMES, WINDOW_FILTERS } from '../domain/index.js';
import { parseQuery } from './parse.js';
import type { ListQuery } from './types.js';
import { FILTER_WORDS, KIND_WORD } from './vocabulary.js';

/*
 * The parser's inverse for lists: the words that read back as a given list, for buttons that run
 * a narrower list of a question (a state of `how many`, a resource of `top`).
 */

/** What a button's list asks for: some of a question's states and outcomes, maybe one resource more. */
export type ListAsk = Pick<ListQuery, 'states' | 'withIssues' | 'validation'> & { resourceArn?: string };

function quoted(value: string): string | undefined {
  if (value.includes('"')) return undefined;
  return /^[^\s]+$/.test(value) ? value : `"${value}"`;
}

function stateWords(ask: ListAsk): string[] {
  const words = ask.states.map((s) => s.toLowerCase());
  if (ask.withIssues) words.push('completed with issues');
  if (ask.validation.includes('TIMED_OUT')) words.push('timed out');
  return words.length === 0 ? [] : [words.join(' or ')];
}

/** The words of a list: its kind, states, filters, Regions and window as typed. */
function wordsOf(list: ListQuery, ask: ListAsk, withStates: boolean, window: string): string | undefined {
  const words: string[] = [];
  if (list.testsOnly) words.push('restore tests');
  else if (list.jobKind !== 'backup') words.push(KIND_WORD[list.jobKind]);
  // The resource a button is about leads: `resource:<arn> failed last 7 days`.
  if (ask.resourceArn !== undefined) {
    const arn = quoted(ask.resourceArn);
    if (arn === undefined) return undefined;
    words.push(`${FILTER_WORDS.resourceArn}${arn}`);
  }
  if (withStates) words.push(...stateWords(ask));
  for (const name of FILTER_NAMES) {
    const value = list.filters[name];
    if (value === undefined || WINDOW_FILTERS.includes(name)) continue;
    if (name === 'resourceArn' && ask.resourceArn !== undefined) continue;
    const typed = quoted(value);
    if (typed === undefined) return undefined;
    words.push(`${FILTER_WORDS[name]}${typed}`);
  }
  for (const region of list.regions) words.push(`region:${region}`);
  if (window !== '') words.push(window);
  return words.join(' ');
}

/** What two lists ask, but the bounds of their windows (a rolling window moves with the clock). */
function shape(list: ListQuery, ask: ListAsk | ListQuery): string {
  const filters: Record<string, string | undefined> = { ...list.filters };
  for (const key of WINDOW_FILTERS) filters[key] = filters[key] === undefined ? undefined : 'window';
  return JSON.stringify([
    list.jobKind,
    list.testsOnly,
    [...ask.states].sort(),
    ask.withIssues,
    [...ask.validation].sort(),
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(),
    [...list.regions].sort(),
    list.window?.field ?? null,
  ]);
}

/**
 * The text that lists what `ask` narrows `list` to (`failed type:RDS last 24h`, `resource:<arn>
 * failed last 7 days`), for a button that runs it as if typed. Only a text that reads back as that
 * very list is returned: undefined when none does.
 */
export function listTextOf(
  list: ListQuery,
  ask: ListAsk,
  at: { now: Date; timeZone: string },
): string | undefined {
  const wanted = {
    ...list,
    filters: { ...list.filters, ...(ask.resourceArn === undefined ? {} : { resourceArn: ask.resourceArn }) },
  };
  const expected = shape(wanted, ask);
  // A window typed as `completed last 24h` already names COMPLETED: then the words without it come first.
  const typed = list.window?.text ?? '';
  const named = ask.states.some((state) => typed.startsWith(`${state.toLowerCase()} `));
  const tries: [boolean, string][] = named
    ? [
        [false, typed],
        [true, typed],
      ]
    : [
        [true, typed],
        [false, typed],
      ];
  // `completed last 7 days` reads as completion times: `completed created last 7 days` keeps creation.
  if (list.window?.field === 'created' && !typed.startsWith('created '))
    tries.push([true, `created ${typed}`]);
  for (const [withStates, window] of tries) {
    const text = wordsOf(list, ask, withStates, window);
    if (text === undefined || text === '') continue;
    const parsed = parseQuery(text, at);
    if (parsed.ok && parsed.query.kind === 'list' && shape(parsed.query, parsed.query) === expected)
      return text;
  }
  return undefined;
}
