import { isJobId, isRegionName } from '../domain/index.js';
import { cutValue } from './text.js';

/**
 * The action_id of every interactive element the builders make. Elements that repeat in one message
 * (a Details button per job, a Run again per suggestion, a button per help example) get a `:N`
 * suffix, because Slack wants action_ids unique within a message: match them with
 * {@link actionPattern}.
 */
export const ACTION = {
  prev: 'bj_page_prev',
  next: 'bj_page_next',
  share: 'bj_share',
  exportCsv: 'bj_export_csv',
  /** Export CSV to the asker's DM with the app, offered when the channel refused the file. */
  exportCsvDirect: 'bj_export_csv_dm',
  /** The chart to the asker's DM, offered when the channel refused it. */
  chartDirect: 'bj_summary_chart_dm',
  /** Opens the Edit query modal, prefilled with the query of the page. */
  editQuery: 'bj_edit_query',
  details: 'bj_job_details',
  /** The static_select of jobs that compact pages show instead of a button per job. */
  detailsSelect: 'bj_job_details_select',
  runAgain: 'bj_run_again',
  chart: 'bj_summary_chart',
  helpExample: 'bj_help_example',
  /** A link button to the AWS console: Slack still sends a click, which only needs an ack. */
  openConsole: 'bj_open_console',
} as const;

export type ActionName = keyof typeof ACTION;
export type ActionId = (typeof ACTION)[ActionName];

/** The action_id of the `index`-th repeated element of one kind: `bj_job_details:3`. */
export function indexedActionId(action: ActionId, index: number): string {
  return `${action}:${index}`;
}

/** Matches an action's plain and indexed ids, for `app.action(actionPattern(ACTION.details), …)`. */
export function actionPattern(action: ActionId): RegExp {
  return new RegExp(`^${action}(?::\\d+)?$`);
}

/** Slack's cap on a button value. */
export const MAX_BUTTON_VALUE = 2000;
/** Slack's cap on a select option value. */
export const MAX_OPTION_VALUE = 150;

// Any visible ASCII: the paging room owns the format (base64url or hex of ≥128 random bits).
const CURSOR_ID = /^[\x21-\x7e]{1,200}$/;

/** The value of a paging, share, export or chart element: the opaque cursor id and nothing else. */
export function encodeCursorValue(cursorId: string): string {
  if (!CURSOR_ID.test(cursorId)) throw new RangeError('cursor id must be 1..200 visible ASCII characters');
  return cursorId;
}

/** The cursor id a clicked value carries, or null when the value is not one. */
export function decodeCursorValue(value: unknown): string | null {
  return typeof value === 'string' && CURSOR_ID.test(value) ? value : null;
}

/** Where a Prev, Next, Share or Export button leads: a cursor and one of its pages. */
export interface PageTarget {
  cursorId: string;
  /** 1-based. */
  page: number;
}

const PAGE_VALUE = /^([\x21-\x7e]{1,200}):([1-9]\d{0,5})$/;

/**
 * The value of a paging, share or export element: `{cursorId}:{page}`, the page it leads to (Prev,
 * Next) or shows (Share, Export). Naming the page, not a step, makes a click idempotent: a double
 * click or a stale message shows the page its button names.
 */
export function encodePageValue(target: PageTarget): string {
  const value = `${encodeCursorValue(target.cursorId)}:${target.page}`;
  if (!PAGE_VALUE.test(value)) throw new RangeError('page must be a whole number from 1');
  return value;
}

/** The cursor and page a clicked value names, or null when the value is not one. */
export function decodePageValue(value: unknown): PageTarget | null {
  if (typeof value !== 'string') return null;
  const match = PAGE_VALUE.exec(value);
  return match ? { cursorId: match[1]!, page: Number(match[2]) } : null;
}

export interface DetailsTarget {
  region: string;
  jobId: string;
}

/** The value of a Details element: `{region}/{jobId}`. */
export function encodeDetailsValue(target: DetailsTarget): string {
  const value = `${target.region}/${target.jobId}`;
  if (decodeDetailsValue(value) === null) throw new RangeError('not a region and backup job id');
  return value;
}

/** The job a Details value names, or null when the value is malformed or tampered with. */
export function decodeDetailsValue(value: unknown): DetailsTarget | null {
  if (typeof value !== 'string' || value.length > MAX_BUTTON_VALUE) return null;
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const region = value.slice(0, slash);
  const jobId = value.slice(slash + 1);
  return isRegionName(region) && isJobId(jobId) ? { region, jobId } : null;
}

/** True when a job can be named by a Details value (and so gets a Details element). */
export function hasDetailsValue(target: DetailsTarget): boolean {
  return decodeDetailsValue(`${target.region}/${target.jobId}`) !== null;
}

/**
 * The value of a Run again or help example element: the query text, on one line, cut to Slack's
 * 2,000 characters at a character boundary.
 */
export function encodeQueryValue(text: string): string {
  return cutValue(text.replace(/\s+/g, ' ').trim(), MAX_BUTTON_VALUE);
}

/** The query text a Run again or help example value carries, or null when there is none. */
export function decodeQueryValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || text.length > MAX_BUTTON_VALUE ? null : text;
}
