import { ACTIVE_STATES_OF_KIND, FILTER_NAMES, type JobKind, STATES_OF_KIND } from '../domain/index.js';
import type { Item } from './items.js';
import { kindProblem } from './kind-checks.js';
import { LIST_PARSERS } from './list-parsers.js';
import type { TimeContext } from './operands.js';
import {
  firstProblem,
  isError,
  kindOf,
  pageSizeOf,
  readItems,
  regionsOf,
  singleValues,
  statesOf,
  windowOf,
} from './refine.js';
import { quoteWord, type Token } from './tokens.js';
import {
  DEFAULT_PAGE_SIZE,
  type ListFilters,
  type ListQuery,
  MAX_PAGE_SIZE,
  type QueryError,
  type ValidationOutcome,
} from './types.js';

/**
 * A list query from its tokens: parse every token, then refine — report the first problem, what
 * the kind of job cannot be asked, and conflicts; apply `completed <window>` semantics and defaults,
 * and put the window's bounds into the filters. A failed restore is also a restore test whose
 * validation failed: to people both are restores that failed.
 */
export function parseList(
  text: string,
  tokens: readonly Token[],
  t: TimeContext,
  defaultPageSize: number | undefined,
): ListQuery | QueryError {
  const read = readItems(tokens, LIST_PARSERS, t);
  const problem = firstProblem(read);
  if (problem !== null) return problem;
  const asked = kindOf(read);
  if (isError(asked)) return asked;
  const items = asked.jobKind === 'copy' ? read : read.map(spokenVault);
  const refused = kindProblem(items, asked, tokens);
  if (refused !== null) return refused;
  const single = singleValues(items);
  if (isError(single)) return single;
  const pageSize = pageSizeOf(items);
  if (isError(pageSize)) return pageSize;
  const window = windowOf(items);
  if (isError(window)) return window;

  const now = nowOf(items, window, asked.jobKind);
  if (isError(now)) return now;
  const states = statesOf(items, asked.jobKind);
  if (now !== undefined && states.length === 0) states.push(...ACTIVE_STATES_OF_KIND[asked.jobKind]);
  const withIssues = items.some((item) => item.kind === 'with-issues');
  const typedValidation = items.some((item) => item.kind === 'validation');
  const implied = window?.impliedState;
  if (implied !== undefined && (implied.joined || (states.length === 0 && !withIssues && !typedValidation))) {
    if (!states.includes(implied.state)) states.push(implied.state);
  }
  const filters: ListFilters = {};
  if (window !== undefined) {
    const [after, before] = [window.window.start.toISOString(), window.window.end.toISOString()];
    if (window.field === 'created') Object.assign(filters, { createdAfter: after, createdBefore: before });
    else Object.assign(filters, { completedAfter: after, completedBefore: before });
  }
  for (const name of FILTER_NAMES) {
    const value = single[name as keyof typeof single];
    if (value !== undefined) filters[name] = value;
  }
  const validation = new Set<ValidationOutcome>(
    items.flatMap((item) => (item.kind === 'validation' ? [item.outcome] : [])),
  );
  if (asked.jobKind === 'restore' && states.includes('FAILED')) validation.add('FAILED');

  const query: ListQuery = {
    kind: 'list',
    jobKind: asked.jobKind,
    validation: VALIDATION_ORDER.filter((v) => validation.has(v)),
    testsOnly: asked.testsOnly,
    text,
    notes: window?.window.note === undefined ? [] : [window.window.note],
    visibility: items.some((item) => item.kind === 'public') ? 'in_channel' : 'ephemeral',
    states: STATES_OF_KIND[asked.jobKind].filter((s) => states.includes(s)),
    withIssues,
    filters,
    regions: regionsOf(items),
    pageSize: pageSize ?? clampPageSize(defaultPageSize),
  };
  if (window !== undefined)
    query.window = { field: window.field, text: window.text, form: window.window.form };
  return query;
}

/**
 * `now` and `right now` ask for jobs still running or waiting, whenever they started: a window
 * beside it, or a state that only ended jobs have, asks two things at once.
 */
function nowOf(items: readonly Item[], window: unknown, kind: JobKind): Item | undefined | QueryError {
  const now = items.find((item) => item.kind === 'now');
  if (now === undefined) return undefined;
  const text = 'text' in now ? now.text : 'now';
  if (window !== undefined) {
    return {
      error: `${quoteWord(text)} asks about jobs running at this moment, so it takes no time window. Try "running ${text}", or drop ${quoteWord(text)} to search the window.`,
      suggestions: [`running ${text}`, 'failed last 1h'],
    };
  }
  const ended = items.find(
    (item) => item.kind === 'states' && item.states.some((s) => !ACTIVE_STATES_OF_KIND[kind].includes(s)),
  );
  if (ended !== undefined && 'text' in ended) {
    return {
      error: `${quoteWord(ended.text)} jobs have ended, so ${quoteWord(text)} cannot find them. Try "${ended.text} last 1h" for the latest, or "running ${text}".`,
      suggestions: [`${ended.text} last 1h`, `running ${text}`],
    };
  }
  return now;
}

/** `backups from the prod vault`: a side said in words is the vault of a kind that has no sides. */
function spokenVault(item: Item): Item {
  return item.kind === 'filter' && item.spoken ? { ...item, filter: 'vault' } : item;
}

const VALIDATION_ORDER: readonly ValidationOutcome[] = ['FAILED', 'TIMED_OUT'];

/** The page size a context asks for, within 1..MAX_PAGE_SIZE; DEFAULT_PAGE_SIZE when none. */
export function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isInteger(size)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, size));
}

/** What a list query built in code (not typed by a person) may set; the rest takes the defaults. */
export type ListQueryParts = Partial<
  Pick<
    ListQuery,
    'notes' | 'states' | 'withIssues' | 'validation' | 'testsOnly' | 'filters' | 'regions' | 'pageSize'
  >
>;

/**
 * A list query of `jobKind` built in code, as alert rules, coverage passes and resource stories
 * make them: every state, private, the default page size, unless `parts` says otherwise.
 */
export function listQueryOf(jobKind: JobKind, text: string, parts: ListQueryParts = {}): ListQuery {
  return {
    kind: 'list',
    jobKind,
    text,
    notes: [],
    visibility: 'ephemeral',
    states: [],
    withIssues: false,
    validation: [],
    testsOnly: false,
    filters: {},
    regions: [],
    pageSize: DEFAULT_PAGE_SIZE,
    ...parts,
  };
}
