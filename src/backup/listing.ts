import { DERIVED_OUTCOMES, type DerivedOutcome, isOutcome, type JobKind } from '../domain/index.js';
import type { ListFilters, ListQuery } from '../query/types.js';
import { type CallRunner, callAws } from './call.js';
import { sourceOf } from './kinds/index.js';
import type { Job, ListedJob } from './types.js';

/**
 * One server-side stream: a Region and (optionally) a state, with every filter AWS takes pushed
 * down. An `outcome` stream asks for its outcome's state and keeps only the jobs of that outcome.
 */
export interface StreamState {
  region: string;
  state?: string;
  outcome?: DerivedOutcome;
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
  v: 2;
  jobKind: JobKind;
  filters: ListFilters;
  /** Restore jobs only: keep those a restore testing plan started. */
  testsOnly?: boolean;
  streams: StreamState[];
}

export interface ListingScope {
  /** Configured regions, used when the query names none. */
  regions: readonly string[];
  /** DEFAULT_ACCOUNT_ID: applied when the query names no account. */
  defaultAccountId?: string | undefined;
}

/** What one stream asks for: a state AWS filters on, or an outcome narrowed on each job. */
export type StreamAsk = { state?: string; outcome?: DerivedOutcome };

/** The streams of a list query: its states, then its outcomes not already covered by a state. */
function asksOf(query: ListQuery): StreamAsk[] {
  const asks: StreamAsk[] = query.states.map((state) => ({ state }));
  const outcomes: DerivedOutcome[] = [
    ...(query.withIssues ? (['COMPLETED_WITH_ISSUES'] as const) : []),
    ...query.validation.map((v) => `VALIDATION_${v}` as const),
  ];
  for (const outcome of outcomes) {
    const state = DERIVED_OUTCOMES[outcome].state;
    if (!query.states.includes(state)) asks.push({ state, outcome });
  }
  return asks.length > 0 ? asks : [{}];
}

/** Plans the streams for a list query: one per Region, times one per state or outcome asked. */
export function openListing(query: ListQuery, scope: ListingScope): ListingState {
  return planListing(query.jobKind, query.filters, asksOf(query), {
    regions: query.regions,
    scope,
    testsOnly: query.testsOnly,
  });
}

/** A listing from its parts: the alert counts plan theirs here too. */
export function planListing(
  jobKind: JobKind,
  queryFilters: ListFilters,
  asks: readonly StreamAsk[],
  where: { regions: readonly string[]; scope: ListingScope; testsOnly?: boolean },
): ListingState {
  const regions = where.regions.length > 0 ? [...new Set(where.regions)] : [...where.scope.regions];
  const filters: ListFilters = { ...queryFilters };
  if (filters.account === undefined && where.scope.defaultAccountId)
    filters.account = where.scope.defaultAccountId;
  const streams = regions.flatMap((region) =>
    asks.map((ask) => ({ region, ...ask, done: false, buffer: [] }) satisfies StreamState),
  );
  return { v: 2, jobKind, filters, ...(where.testsOnly ? { testsOnly: true } : {}), streams };
}

/** Whether a stream drops jobs AWS returned: then it asks for 1,000 per call, not a page. */
export function filtersLocally(listing: ListingState, stream: StreamState): boolean {
  return (
    stream.outcome !== undefined ||
    listing.testsOnly === true ||
    sourceOf(listing.jobKind).filtersLocally(listing.filters)
  );
}

function keeps(listing: ListingState, stream: StreamState, job: Job): boolean {
  if (stream.outcome !== undefined && !isOutcome(stream.outcome, job)) return false;
  if (listing.testsOnly && !(job.kind === 'restore' && job.testingPlanArn !== undefined)) return false;
  return (sourceOf(listing.jobKind).matches as (job: Job, filters: ListFilters) => boolean)(
    job,
    listing.filters,
  );
}

/**
 * One call of a stream's List operation: advances the stream's token (the stream is modified) and
 * returns the jobs the stream keeps. Every listing, page, export and alert count calls AWS here.
 */
export async function fetchStream(
  runner: CallRunner,
  listing: ListingState,
  stream: StreamState,
  maxResults: number,
): Promise<Job[]> {
  const source = sourceOf(listing.jobKind);
  const out = await callAws(runner, { operation: source.operations.list, region: stream.region }, (client) =>
    source.list(client, {
      region: stream.region,
      filters: listing.filters,
      state: stream.state,
      nextToken: stream.nextToken,
      maxResults,
    }),
  );
  if (out.nextToken) stream.nextToken = out.nextToken;
  else {
    delete stream.nextToken;
    stream.done = true;
  }
  return (out.jobs as Job[]).filter((job) => keeps(listing, stream, job));
}

/** Newest first; ties broken by id so the order is total and stable. */
export function compareNewestFirst(a: ListedJob, b: ListedJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0;
}

export function hasMore(listing: ListingState): boolean {
  return listing.streams.some((s) => !s.done || s.buffer.length > 0);
}
