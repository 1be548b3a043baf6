/**
 * The typed result of parsing what people type after `/backup-jobs`, in the product's own words:
 * `backup/` maps filters to each AWS operation's inputs, and `json.ts` to the documented parse JSON.
 * All times are ISO-8601 UTC strings: a query is plain JSON and can be stored with a cursor.
 */

import type { JobState } from '../domain/states.js';

/** What a list narrows to: a window on creation or completion time, and one value per filter. */
export interface ListFilters {
  createdAfter?: string;
  createdBefore?: string;
  completedAfter?: string;
  completedBefore?: string;
  vault?: string;
  resourceType?: string;
  account?: string;
  resourceArn?: string;
  parentJobId?: string;
  messageCategory?: string;
}

export type AggregationPeriod = 'ONE_DAY' | 'SEVEN_DAYS' | 'FOURTEEN_DAYS';

/** What a summary counts, in the product's words (backup/ maps them to the Summaries API's inputs). */
export interface SummaryInput {
  period: AggregationPeriod;
  /** A 12-digit id, or `*` for every account. */
  account?: string;
  state?: JobState;
  resourceType?: string;
  messageCategory?: string;
}

export type Visibility = 'ephemeral' | 'in_channel';

interface QueryBase {
  /** The text as typed, trimmed: shown back to people and used for "Run again". */
  text: string;
  /** Remarks the reply shows beside the results (for example a window clipped to the 30 days AWS keeps). */
  notes: string[];
  visibility: Visibility;
}

export interface ListQuery extends QueryBase {
  kind: 'list';
  /**
   * States asked for. Empty with `withIssues` false means every state.
   * The result is the union of these states and, when `withIssues`, COMPLETED jobs whose
   * MessageCategory is not SUCCESS ("completed with issues").
   */
  states: JobState[];
  withIssues: boolean;
  filters: ListFilters;
  /** Regions to ask; empty means every configured region. */
  regions: string[];
  pageSize: number;
  /**
   * How the time window was typed, for restating it in replies (`describeQuery`). The bounds
   * themselves are in `filters`. Absent when no window was given.
   */
  window?: QueryWindow;
}

/** Calendar periods in the user's zone; weeks start on Monday. */
export type CalendarPeriod = 'today' | 'yesterday' | 'this-week' | 'last-week' | 'this-month' | 'last-month';

/** The shape of a typed time window; `precise` is true when a time of day was named, not only a date. */
export type WindowForm =
  | { kind: 'rolling'; amount: number; unit: 'minute' | 'hour' | 'day' | 'week' | 'month' }
  | { kind: 'calendar'; period: CalendarPeriod }
  | { kind: 'day' }
  | { kind: 'month' }
  | { kind: 'since'; precise: boolean }
  | { kind: 'before'; precise: boolean }
  | { kind: 'range'; precise: boolean };

/** A time window as typed: which time it filters on and its shape. */
export interface QueryWindow {
  /** `created` sets createdAfter/Before; `completed` sets completedAfter/Before. */
  field: 'created' | 'completed';
  /** The words of the window as typed, e.g. `since monday 9am`. */
  text: string;
  form: WindowForm;
}

export interface SummaryQuery extends QueryBase {
  kind: 'summary';
  summary: SummaryInput;
  regions: string[];
}

export interface JobDetailsQuery extends QueryBase {
  kind: 'job';
  jobId: string;
  regions: string[];
}

export type AlertsAction =
  | { action: 'list' }
  | { action: 'mute'; rule: string; durationMs: number }
  | { action: 'unmute'; rule: string }
  | { action: 'test'; rule: string };

export type AlertsQuery = QueryBase & { kind: 'alerts' } & AlertsAction;

export interface HelpQuery extends QueryBase {
  kind: 'help';
  /** A topic after `help`, like `dates` or `filters`, when one was given. */
  topic?: string;
}

export type JobQuery = ListQuery | SummaryQuery | JobDetailsQuery | AlertsQuery | HelpQuery;

/** A query that could not be understood: the sentence a user sees and the nearest valid words. */
export interface QueryError {
  error: string;
  suggestions: string[];
}

export type ParseResult = { ok: true; query: JobQuery } | { ok: false; error: QueryError };

export interface ParseContext {
  /** The instant "now" means. Nothing in query/ reads the clock. */
  now: Date;
  /** IANA zone of the person typing, for calendar words like today or last week. */
  timeZone: string;
  /** Page size when none is typed. */
  defaultPageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/** AWS Backup's ListBackupJobs returns jobs from the last 30 days only. */
export const RETENTION_DAYS = 30;
