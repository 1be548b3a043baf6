import { parseQuery } from '../../src/query/parse.js';
import type { JobQuery, ListQuery, ParseContext, QueryError } from '../../src/query/types.js';

/** Monday 23 November 2026, 10:00 UTC: the instant every table pins unless it says otherwise. */
export const NOW = new Date('2026-11-23T10:00:00Z');

export interface At {
  now?: Date | string;
  tz?: string;
  defaultPageSize?: number;
}

function context(at: At): ParseContext {
  const ctx: ParseContext = { now: new Date(at.now ?? NOW), timeZone: at.tz ?? 'UTC' };
  if (at.defaultPageSize !== undefined) ctx.defaultPageSize = at.defaultPageSize;
  return ctx;
}

/** Parses and fails the test with the parser's message when the text is not understood. */
export function parsed(text: string, at: At = {}): JobQuery {
  const result = parseQuery(text, context(at));
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.error.error}`);
  return result.query;
}

export function parsedList(text: string, at: At = {}): ListQuery {
  const query = parsed(text, at);
  if (query.kind !== 'list') throw new Error(`"${text}" parsed as ${query.kind}, not list`);
  return query;
}

/** The error of a text that must not parse. */
export function rejected(text: string, at: At = {}): QueryError {
  const result = parseQuery(text, context(at));
  if (result.ok) throw new Error(`"${text}" parsed, but should not have: ${JSON.stringify(result.query)}`);
  return result.error;
}

/** The example of the issue: `parse "<text>" --now 2026-11-23T10:00:00Z --tz America/New_York`. */
export const ISSUE_EXAMPLE = {
  text: 'failed or partial since monday 9am type:rds account:*',
  tz: 'America/New_York',
  /** Its parse JSON, as DESIGN.md specifies it. */
  json: {
    kind: 'list',
    jobKind: 'backup',
    states: ['FAILED', 'PARTIAL'],
    withIssues: false,
    filters: {
      ByCreatedAfter: '2026-11-16T14:00:00.000Z',
      ByCreatedBefore: '2026-11-23T10:00:00.000Z',
      ByResourceType: 'RDS',
      ByAccountId: '*',
    },
    regions: [],
    pageSize: 10,
    visibility: 'ephemeral',
  },
} as const;
