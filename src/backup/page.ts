import type { CodedError } from '../errors.js';
import type { CallRunner } from './call.js';
import {
  compareNewestFirst,
  fetchStream,
  filtersLocally,
  hasMore,
  type ListingState,
  type StreamState,
} from './listing.js';
import { type ListedJob, listedJob } from './types.js';

export interface PageResult {
  /** The listed fields of each job: what a page shows and keeps. */
  jobs: ListedJob[];
  /** The listing to continue from; the input listing is not modified. */
  listing: ListingState;
  hasMore: boolean;
  calls: number;
  /** Streams whose call failed; their jobs come on later pages once AWS answers again. */
  failures: { region: string; error: CodedError }[];
}

/** Page size of the calls of a stream that drops jobs: most are dropped, so ask for many. */
const FILTERED_MAX_RESULTS = 1000;

async function refill(runner: CallRunner, listing: ListingState, stream: StreamState, pageSize: number) {
  const maxResults = filtersLocally(listing, stream)
    ? FILTERED_MAX_RESULTS
    : Math.min(1000, Math.max(1, pageSize - stream.buffer.length));
  const jobs = await fetchStream(runner, listing, stream, maxResults);
  const known = new Set(stream.buffer.map((j) => j.jobId));
  for (const job of jobs) {
    if (known.has(job.jobId)) continue;
    known.add(job.jobId);
    stream.buffer.push(listedJob(job));
  }
}

/**
 * Fetches the next page of a listing: at most one AWS call per stream, all in parallel, only for
 * streams holding less than a page. The page is the newest `pageSize` jobs across the buffers.
 * Throws only when nothing can be shown because every call failed.
 */
export async function fetchPage(
  runner: CallRunner,
  current: ListingState,
  pageSize: number,
): Promise<PageResult> {
  const listing: ListingState = structuredClone(current);
  const needy = listing.streams.filter((s) => !s.done && s.buffer.length < pageSize);
  const settled = await Promise.allSettled(needy.map((stream) => refill(runner, listing, stream, pageSize)));
  const failures: PageResult['failures'] = [];
  settled.forEach((result, i) => {
    if (result.status === 'rejected')
      failures.push({ region: needy[i]!.region, error: result.reason as CodedError });
  });
  const candidates = listing.streams.flatMap((stream) => stream.buffer.map((job) => ({ job, stream })));
  candidates.sort((a, b) => compareNewestFirst(a.job, b.job));
  const seen = new Set<string>();
  const jobs: ListedJob[] = [];
  for (const { job, stream } of candidates) {
    if (jobs.length >= pageSize) break;
    stream.buffer.splice(stream.buffer.indexOf(job), 1);
    if (seen.has(`${job.region}/${job.jobId}`)) continue;
    seen.add(`${job.region}/${job.jobId}`);
    jobs.push(job);
  }
  if (jobs.length === 0 && failures.length > 0 && failures.length === needy.length) throw failures[0]!.error;
  return { jobs, listing, hasMore: hasMore(listing), calls: needy.length, failures };
}
