import type { ListBackupJobsCommandInput } from '@aws-sdk/client-backup';
import type { JobState } from '../domain/index.js';
import type { ListFilters, ListQuery } from '../query/types.js';
import type { ListedJob } from './types.js';

/** One server-side stream: a region and (optionally) a state, with every other filter pushed down. */
export interface StreamState {
  region: string;
  state?: JobState;
  /** Keep only COMPLETED jobs whose MessageCategory is not SUCCESS ("completed with issues"). */
  issuesOnly: boolean;
  nextToken?: string;
  done: boolean;
  /** Jobs fetched but not yet shown (the listed fields only), at most about one page per stream. */
  buffer: ListedJob[];
}

/**
 * Everything needed to continue a listing: small, plain JSON, stored by `results/` with the cursor.
 * Continuing it yields every matching job exactly once, whatever order AWS returns them in.
 */
export interface ListingState {
  v: 1;
  filters: ListFilters;
  streams: StreamState[];
}

export interface ListingScope {
  /** Configured regions, used when the query names none. */
  regions: readonly string[];
  /** DEFAULT_ACCOUNT_ID: applied when the query names no account. */
  defaultAccountId?: string | undefined;
}

/** Plans the streams for a list query: one per region, times one per state when states are named. */
export function openListing(query: ListQuery, scope: ListingScope): ListingState {
  const regions = query.regions.length > 0 ? [...new Set(query.regions)] : [...scope.regions];
  const filters: ListFilters = { ...query.filters };
  if (filters.account === undefined && scope.defaultAccountId) filters.account = scope.defaultAccountId;
  const kinds: { state?: JobState; issuesOnly: boolean }[] = query.states.map((state) => ({
    state,
    issuesOnly: false,
  }));
  if (query.withIssues && !query.states.includes('COMPLETED'))
    kinds.push({ state: 'COMPLETED', issuesOnly: true });
  if (kinds.length === 0) kinds.push({ issuesOnly: false });
  const streams = regions.flatMap((region) =>
    kinds.map((kind) => ({ region, ...kind, done: false, buffer: [] }) satisfies StreamState),
  );
  return { v: 1, filters, streams };
}

/** The ListBackupJobs input for one call of a stream: a fresh object every time (the SDK mutates it). */
export function listInput(
  listing: ListingState,
  stream: StreamState,
  maxResults: number,
): ListBackupJobsCommandInput {
  const f = listing.filters;
  const input: ListBackupJobsCommandInput = { MaxResults: maxResults };
  if (stream.nextToken) input.NextToken = stream.nextToken;
  if (stream.state) input.ByState = stream.state;
  if (f.createdAfter) input.ByCreatedAfter = new Date(f.createdAfter);
  if (f.createdBefore) input.ByCreatedBefore = new Date(f.createdBefore);
  if (f.completedAfter) input.ByCompleteAfter = new Date(f.completedAfter);
  if (f.completedBefore) input.ByCompleteBefore = new Date(f.completedBefore);
  if (f.vault) input.ByBackupVaultName = f.vault;
  if (f.resourceType) input.ByResourceType = f.resourceType;
  if (f.account) input.ByAccountId = f.account;
  if (f.resourceArn) input.ByResourceArn = f.resourceArn;
  if (f.parentJobId) input.ByParentJobId = f.parentJobId;
  if (f.messageCategory) input.ByMessageCategory = f.messageCategory;
  return input;
}

/** Newest first; ties broken by id so the order is total and stable. */
export function compareNewestFirst(a: ListedJob, b: ListedJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0;
}

export function hasMore(listing: ListingState): boolean {
  return listing.streams.some((s) => !s.done || s.buffer.length > 0);
}
