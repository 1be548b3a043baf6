/**
 * The typed result of parsing what people type after `/backup-jobs`, in the product's own words:
 * `backup/` maps filters to each AWS operation's inputs, and `json.ts` to the documented parse JSON.
 * All times are ISO-8601 UTC strings: a query is plain JSON and can be stored with a cursor.
 */

import type { FilterName, JobKind } from '../domain/kinds.js';
import type { AnyState } from '../domain/states.js';

/**
 * What a list narrows to: a window on creation or completion time, and one value per filter. Each
 * kind takes the filters `KIND_FILTERS` names; `vault` of a copy job is its source or destination.
 */
export type ListFilters = { [K in FilterName]?: string };

export type AggregationPeriod = 'ONE_DAY' | 'SEVEN_DAYS' | 'FOURTEEN_DAYS';

/** What a summary counts, in the product's words (backup/ maps them to the Summaries API's inputs). */
export interface SummaryInput {
  period: AggregationPeriod;
  /** A 12-digit id, or `*` for every account. */
  account?: string;
  /** A state of the query's kind. */
  state?: AnyState;
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

/** How a restore test's validation ended, as a list can ask for it. */
export type ValidationOutcome = 'FAILED' | 'TIMED_OUT';

export interface ListQuery extends QueryBase {
  kind: 'list';
  jobKind: JobKind;
  /**
   * States of the kind asked for. Empty with `withIssues` false and no `validation` means every state.
   * The result is the union of these states and, when `withIssues`, COMPLETED jobs whose
   * MessageCategory is not SUCCESS ("completed with issues"), and restore tests whose validation
   * ended as `validation` names.
   */
  states: AnyState[];
  withIssues: boolean;
  validation: ValidationOutcome[];
  /** Restore jobs that a restore testing plan started, only. */
  testsOnly: boolean;
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

/**
 * Calendar periods in the user's zone; weeks start on Monday. A weekend is Saturday and Sunday.
 * Parts of a day have documented hours: morning 06:00–12:00, afternoon 12:00–18:00, evening
 * 18:00–24:00, and a night (`last night`, `overnight`) 18:00 to 06:00 the next morning.
 */
export type CalendarPeriod =
  | 'today'
  | 'yesterday'
  | 'this-week'
  | 'last-week'
  | 'this-month'
  | 'last-month'
  | 'weekend'
  | 'last-weekend'
  | 'last-night'
  | 'this-morning'
  | 'this-afternoon'
  | 'this-evening'
  | 'yesterday-morning'
  | 'yesterday-afternoon'
  | 'yesterday-evening';

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

/** What a summary's answer is grouped by (`summary by account`); every grouping when absent. */
export type SummaryGrouping = 'account' | 'region' | 'resourceType' | 'state';

export interface SummaryQuery extends QueryBase {
  kind: 'summary';
  jobKind: JobKind;
  summary: SummaryInput;
  regions: string[];
  /** `summary by account`: show the counts grouped this way only. */
  groupBy?: SummaryGrouping;
}

/**
 * `how many failed last 24h`: how many jobs the list would show, by state, with buttons that list
 * them; the jobs themselves are not sent to Slack.
 */
export interface CountQuery extends QueryBase {
  kind: 'count';
  /** The jobs counted: what the same words would list. */
  list: ListQuery;
}

/** `top failing resources last 7 days`: resources ranked by how many of their jobs failed. */
export interface TopQuery extends QueryBase {
  kind: 'top';
  /** The jobs ranked (FAILED when no state was typed): what the same words would list. */
  list: ListQuery;
  /** How many resources to show. @defaultValue 10 */
  limit: number;
}

export interface JobDetailsQuery extends QueryBase {
  kind: 'job';
  jobId: string;
  /** When typed (`copy job <id>`); absent, the id is looked up as every kind. */
  jobKind?: JobKind;
  regions: string[];
}

export type AlertsAction =
  | { action: 'list' }
  | { action: 'new' }
  /** Every rule's changes, newest first, or one rule's. */
  | { action: 'history'; rule?: string }
  | { action: 'edit' | 'pause' | 'resume' | 'delete'; rule: string }
  | { action: 'mute'; rule: string; durationMs: number }
  | { action: 'unmute'; rule: string }
  | { action: 'test'; rule: string };

export type AlertsQuery = QueryBase & { kind: 'alerts' } & AlertsAction;

export interface HelpQuery extends QueryBase {
  kind: 'help';
  /** A topic after `help`, like `dates` or `filters`, when one was given. */
  topic?: string;
}

/** What questions about resources (not jobs) narrow to; each list empty means every value. */
export interface ResourceFilters {
  /** 12-digit ids; `*` or none is every account known. */
  accounts: string[];
  regions: string[];
  /** As AWS spells them (`RDS`), or as typed when not a known type. */
  resourceTypes: string[];
  vaults: string[];
}

/** `stale 24h [copies] [filters]`: resources whose last good backup (or copy) is older than the age. */
export interface StaleQuery extends QueryBase {
  kind: 'stale';
  maxAgeMs: number;
  /** Copies to other Regions and accounts instead of backups. */
  copies: boolean;
  filters: ResourceFilters;
  pageSize: number;
}

/** `resource <arn or name>`: one resource's protection story. */
export interface ResourceQuery extends QueryBase {
  kind: 'resource';
  /** An ARN, or a name (matched in any case, and against the last part of ARNs). */
  target: string;
}

/** `coverage [age] [filters]`: resources by type, account and Region, fresh, stale or never backed up. */
export interface CoverageQuery extends QueryBase {
  kind: 'coverage';
  /** Older than this is stale; `coverage` alone uses DEFAULT_STALE_AGE_MS. */
  maxAgeMs: number;
  filters: ResourceFilters;
}

/** The age `coverage` counts as stale when none is typed: a daily backup plus two hours' slack. */
export const DEFAULT_STALE_AGE_MS = 26 * 3_600_000;

export type JobQuery =
  | ListQuery
  | SummaryQuery
  | JobDetailsQuery
  | AlertsQuery
  | HelpQuery
  | StaleQuery
  | ResourceQuery
  | CoverageQuery
  | CountQuery
  | TopQuery;

/** A query that could not be understood: the sentence a user sees and the nearest valid words. */
export interface QueryError {
  error: string;
  suggestions: string[];
  /** The words no parser understood, when that is the whole problem (a misspelling may be). */
  unknown?: string[];
}

export type ParseResult = { ok: true; query: JobQuery } | { ok: false; error: QueryError };

export interface ParseContext {
  /**
   * How the person writes numeric dates (`03/04`): month first (en-US) or day first; from their
   * Slack locale when known. @defaultValue month first in American zones, else day first
   */
  dateOrder?: 'month-first' | 'day-first';
  /** The instant "now" means. Nothing in query/ reads the clock. */
  now: Date;
  /** IANA zone of the person typing, for calendar words like today or last week. */
  timeZone: string;
  /** Page size when none is typed. */
  defaultPageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/** AWS Backup's List operations return jobs from the last 30 days only. */
export const RETENTION_DAYS = 30;
