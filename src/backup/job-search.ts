import { type JobKind, jobIdMatches } from '../domain/index.js';
import type { CallRunner } from './call.js';
import { compareNewestFirst, fetchStream, type ListingState, planListing } from './listing.js';
import type { Job } from './types.js';

/**
 * The most List calls a search makes per kind and Region, 1,000 jobs each. Describe operations need
 * the exact id, so a prefix or an id in another case can only be found among listed jobs: this bound
 * keeps one search at kinds × Regions × 5 calls (45 for every kind in 3 Regions) and 5,000 jobs per
 * kind and Region, however many jobs the organisation ran; past it the answer says so.
 */
export const SEARCH_CALLS_PER_STREAM = 5;
/** Jobs a search reads per call (the most the List operations return). */
export const SEARCH_PAGE_SIZE = 1000;
/** Candidates kept for an ambiguous start; once more are found the search stops. */
export const MAX_CANDIDATES = 10;
/** What AWS keeps of job history, and so what is searched. */
const SEARCH_DAYS = 30;

export interface JobIdSearch {
  /** Jobs whose whole id is the typed text in another case. */
  exact: Job[];
  /** Jobs whose id starts with the typed text, newest first (at most MAX_CANDIDATES + 1). */
  prefix: Job[];
  /** False when a stream stopped at the bound before reaching its end. */
  complete: boolean;
  /** Jobs read per kind and Region at most. */
  readPerStream: number;
}

export interface SearchWhere {
  kinds: readonly JobKind[];
  regions: readonly string[];
  /** The account scope (`*` for the organisation); absent, the caller's own account. */
  accountId?: string | undefined;
  now: Date;
}

/** Jobs of the last 30 days whose id is `typed` in any case, or starts with it. */
export async function searchJobIds(
  runner: CallRunner,
  typed: string,
  where: SearchWhere,
): Promise<JobIdSearch> {
  const after = new Date(where.now.getTime() - SEARCH_DAYS * 86_400_000).toISOString();
  const found: JobIdSearch = { exact: [], prefix: [], complete: true, readPerStream: 0 };
  let stop = false;
  const readStream = async (listing: ListingState, stream: ListingState['streams'][number]) => {
    for (let call = 0; call < SEARCH_CALLS_PER_STREAM && !stop; call++) {
      const jobs = await fetchStream(runner, listing, stream, SEARCH_PAGE_SIZE);
      for (const job of jobs) {
        const match = jobIdMatches(job.jobId, typed);
        if (match === 'exact') found.exact.push(job);
        else if (match === 'prefix') found.prefix.push(job);
      }
      if (stream.done) return;
      // A whole id found, or more candidates than are shown: reading on would change nothing.
      if (found.exact.length > 0 || found.prefix.length > MAX_CANDIDATES) stop = true;
    }
    if (!stream.done && !stop) found.complete = false;
  };
  const listings = where.kinds.map((kind) =>
    planListing(
      kind,
      { createdAfter: after, ...(where.accountId ? { account: where.accountId } : {}) },
      [{}],
      { regions: where.regions, scope: { regions: where.regions } },
    ),
  );
  const reads = listings.flatMap((listing) =>
    listing.streams.map((s) =>
      readStream(listing, s).catch((err: unknown) => {
        stop = true;
        throw err;
      }),
    ),
  );
  await Promise.all(reads);
  found.readPerStream = SEARCH_CALLS_PER_STREAM * SEARCH_PAGE_SIZE;
  found.prefix.sort(compareNewestFirst);
  return found;
}
