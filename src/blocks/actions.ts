import { isJobId, isJobKind, isRegionName, type JobKind } from '../domain/index.js';
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
  /** Opens the Edit query modal, prefilled with the query of the page. */
  editQuery: 'bj_edit_query',
  details: 'bj_job_details',
  /** The static_select of jobs that compact pages show instead of a button per job. */
  detailsSelect: 'bj_job_details_select',
  runAgain: 'bj_run_again',
  /** Chart by day, on a summary of totals: the message becomes the daily view with its chart. */
  chart: 'bj_summary_chart',
  helpExample: 'bj_help_example',
  /** Runs a command that changes something for everyone, once its confirmation was answered. */
  confirmCommand: 'bj_confirm_command',
  /** A link button to the AWS console: Slack still sends a click, which only needs an ack. */
  openConsole: 'bj_open_console',
  /** Prev on a page of a stale answer: the query runs again and shows the page the value names. */
  stalePrev: 'bj_stale_prev',
  /** Next on a page of a stale answer. */
  staleNext: 'bj_stale_next',
  /** Export CSV of a whole stale answer, the query run again. */
  staleExportCsv: 'bj_stale_export_csv',
  /** Opens one resource's protection story (a button per resource: indexed). */
  resource: 'bj_resource_story',
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
  /** Absent on buttons of backup jobs (and on those posted before jobs had kinds). */
  kind?: JobKind | undefined;
}

/** The value of a Details element: `{region}/{jobId}` for a backup job, `{kind}:{region}/{jobId}` else. */
export function encodeDetailsValue(target: DetailsTarget): string {
  const place = `${target.region}/${target.jobId}`;
  const value = target.kind === undefined || target.kind === 'backup' ? place : `${target.kind}:${place}`;
  if (decodeDetailsValue(value) === null) throw new RangeError('not a job kind, region and job id');
  return value;
}

/** The job a Details value names, or null when the value is malformed or tampered with. */
export function decodeDetailsValue(value: unknown): DetailsTarget | null {
  if (typeof value !== 'string' || value.length > MAX_BUTTON_VALUE) return null;
  const colon = value.indexOf(':');
  const kind = colon < 0 ? 'backup' : value.slice(0, colon);
  if (!isJobKind(kind)) return null;
  const place = value.slice(colon + 1);
  const slash = place.indexOf('/');
  if (slash < 0) return null;
  const region = place.slice(0, slash);
  const jobId = place.slice(slash + 1);
  return isRegionName(region) && isJobId(jobId) ? { region, jobId, kind } : null;
}

/** True when a job can be named by a Details value (and so gets a Details element). */
export function hasDetailsValue(target: DetailsTarget): boolean {
  const kind = target.kind === undefined || target.kind === 'backup' ? '' : `${target.kind}:`;
  return decodeDetailsValue(`${kind}${target.region}/${target.jobId}`) !== null;
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

/** Where a Prev, Next or Export button of a stale answer leads: the query to run again and a page. */
export interface StalePageTarget {
  /** The query text as typed, on one line. */
  text: string;
  /** 1-based. */
  page: number;
}

// The page, a colon, and the text: printable words, one space between them, nothing around them.
const STALE_PAGE_VALUE = /^([1-9]\d{0,5}):([^\s\x00-\x1f\x7f-\x9f]+(?: [^\s\x00-\x1f\x7f-\x9f]+)*)$/;

function stalePageValue(target: StalePageTarget): string {
  return `${target.page}:${target.text.replace(/\s+/g, ' ').trim()}`;
}

/** True when a stale answer's query and page fit a button value (a text of nearly 2,000 characters does not). */
export function hasStalePageValue(target: StalePageTarget): boolean {
  return decodeStalePageValue(stalePageValue(target)) !== null;
}

/**
 * The value of a Prev, Next or Export element of a stale answer: `{page}:{query text}`. The answer is
 * computed again from the kept state on each click, so the value names the page, not a step: a
 * double click or a stale message shows the page its button names. The text is never cut: a cut
 * query would answer another question.
 */
export function encodeStalePageValue(target: StalePageTarget): string {
  const value = stalePageValue(target);
  if (decodeStalePageValue(value) === null)
    throw new RangeError('page must be a whole number from 1, and the text fit in a button value');
  return value;
}

/** The query text and page a clicked value names, or null when the value is malformed or tampered with. */
export function decodeStalePageValue(value: unknown): StalePageTarget | null {
  if (typeof value !== 'string' || value.length > MAX_BUTTON_VALUE) return null;
  const match = STALE_PAGE_VALUE.exec(value);
  return match ? { page: Number(match[1]), text: match[2]! } : null;
}

/** The longest resource ARN a button carries: a query that names it (`copies resource:…`) still fits. */
export const MAX_RESOURCE_ARN = 1600;

// arn:partition:service:region:account:resource, the resource part visible ASCII without the
// quotes, `&`, `<`, `>` and backticks no AWS resource name has, so that `resource:<arn>` reads back
// as one token and can never form markup.
const RESOURCE_ARN = /^arn:[\w-]{1,32}:[\w-]{1,64}:[\w-]{0,32}:(?:\d{12})?:[!#-%'-;=?-_a-~]+$/;

/** True when a resource can be named by a Resource value (and so gets a Resource button). */
export function hasResourceValue(arn: string): boolean {
  return decodeResourceValue(arn) !== null;
}

/** The value of a Resource element: the resource's ARN, as AWS gives it. */
export function encodeResourceValue(arn: string): string {
  if (!hasResourceValue(arn)) throw new RangeError('not a resource ARN a button can carry');
  return arn;
}

/** The resource ARN a clicked value names, or null when the value is not one. */
export function decodeResourceValue(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_RESOURCE_ARN && RESOURCE_ARN.test(value)
    ? value
    : null;
}
