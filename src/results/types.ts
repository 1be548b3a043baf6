import type { ListedJob, ListingState } from '../backup/index.js';
import type { ListQuery, Visibility } from '../query/types.js';

/** Who may use a cursor: its team and channel, and its user when the result is ephemeral. */
export interface CursorBinding {
  teamId: string;
  channelId: string;
  userId: string;
  visibility: Visibility;
}

/** Who clicked. */
export interface Actor {
  teamId: string;
  channelId: string;
  userId: string;
}

export interface StoredPage {
  jobs: ListedJob[];
  /** Sentences about regions that did not answer while this page was fetched. */
  warnings: string[];
}

/** The cursor as kept in Redis (pages live under their own keys). */
export interface CursorRecord {
  v: 4;
  id: string;
  binding: CursorBinding;
  query: ListQuery;
  timeZone: string;
  /** Pages fetched so far: pages 1..pageCount are stored and never fetched again. */
  pageCount: number;
  /** Where AWS continues after the last fetched page. */
  listing: ListingState;
  hasMore: boolean;
  createdAt: string;
  /** Jobs on each fetched page; absent on cursors made before totals were kept. */
  counts?: number[];
  /** Every matching job, from the Summaries API, when the query is one it counts exactly. */
  summaryTotal?: number;
  /** Set on a copy posted with "Share in channel": who shared it. */
  sharedBy?: string;
}

/**
 * How many jobs match: exact (the listing reached its end, or the Summaries API counted them), more
 * than a number (AWS has more to give), or at least a number (more pages may hold none).
 */
export type ResultTotal = { exact: number } | { moreThan: number } | { atLeast: number };

/** One page as the Slack listeners render it. */
export interface PageView {
  cursorId: string;
  query: ListQuery;
  timeZone: string;
  visibility: Visibility;
  page: number;
  jobs: ListedJob[];
  hasPrev: boolean;
  hasNext: boolean;
  warnings: string[];
  /** AWS calls this step cost (0 for pages already seen). */
  calls: number;
  /** The person whose question this is: who asked, or who shared it in the channel. */
  askedBy: string;
  /** Set when the result was shared in the channel from a private answer. */
  sharedBy?: string;
  /** 1-based positions of the page's first and last job in the whole result, when known. */
  range?: { first: number; last: number };
  /** Absent on cursors made before totals were kept. */
  total?: ResultTotal;
}
