import { JOB_STATES } from '../domain/index.js';
import { LIST_PARSERS } from './list-parsers.js';
import type { TimeContext } from './operands.js';
import {
  firstProblem,
  isError,
  pageSizeOf,
  readItems,
  regionsOf,
  singleValues,
  statesOf,
  windowOf,
} from './refine.js';
import type { Token } from './tokens.js';
import {
  DEFAULT_PAGE_SIZE,
  type ListFilters,
  type ListQuery,
  MAX_PAGE_SIZE,
  type QueryError,
} from './types.js';

/**
 * A list query from its tokens: parse every token, then refine — report the first problem,
 * name conflicts, apply `completed <window>` semantics and defaults, and put the window's bounds
 * into the AWS filter names.
 */
export function parseList(
  text: string,
  tokens: readonly Token[],
  t: TimeContext,
  defaultPageSize: number | undefined,
): ListQuery | QueryError {
  const items = readItems(tokens, LIST_PARSERS, t);
  const problem = firstProblem(items);
  if (problem !== null) return problem;
  const single = singleValues(items);
  if (isError(single)) return single;
  const pageSize = pageSizeOf(items);
  if (isError(pageSize)) return pageSize;
  const window = windowOf(items);
  if (isError(window)) return window;

  const states = statesOf(items);
  const withIssues = items.some((item) => item.kind === 'with-issues');
  const implied = window?.impliedState;
  if (implied !== undefined && (implied.joined || (states.length === 0 && !withIssues))) {
    if (!states.includes(implied.state)) states.push(implied.state);
  }
  const filters: ListFilters = {};
  if (window !== undefined) {
    const [after, before] = [window.window.start.toISOString(), window.window.end.toISOString()];
    if (window.field === 'created') Object.assign(filters, { createdAfter: after, createdBefore: before });
    else Object.assign(filters, { completedAfter: after, completedBefore: before });
  }
  if (single.vault !== undefined) filters.vault = single.vault;
  if (single.type !== undefined) filters.resourceType = single.type;
  if (single.account !== undefined) filters.account = single.account;
  if (single.resource !== undefined) filters.resourceArn = single.resource;
  if (single.parent !== undefined) filters.parentJobId = single.parent;
  if (single.category !== undefined) filters.messageCategory = single.category;

  const query: ListQuery = {
    kind: 'list',
    text,
    notes: window?.window.note === undefined ? [] : [window.window.note],
    visibility: items.some((item) => item.kind === 'public') ? 'in_channel' : 'ephemeral',
    states: JOB_STATES.filter((s) => states.includes(s)),
    withIssues,
    filters,
    regions: regionsOf(items),
    pageSize: pageSize ?? clampPageSize(defaultPageSize),
  };
  if (window !== undefined)
    query.window = { field: window.field, text: window.text, form: window.window.form };
  return query;
}

function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isInteger(size)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, size));
}
