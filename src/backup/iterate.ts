import type { CallRunner } from './call.js';
import { fetchStream, type ListingState, type StreamState } from './listing.js';
import type { Job } from './types.js';

/**
 * Every job of a listing from its start, in batches as AWS returns them (1,000 per call), one call
 * in flight per stream. Memory holds at most one batch per stream, whatever the total: the CSV
 * export and the alert counts stream through it. Throws the first AWS failure (as a CodedError).
 */
export async function* iterateJobs(runner: CallRunner, start: ListingState): AsyncGenerator<Job[]> {
  for await (const batch of iterateStreams(runner, start)) {
    if (batch.error !== undefined) throw batch.error;
    if (batch.jobs.length > 0) yield batch.jobs;
  }
}

/** As `iterateJobs`, with the stream each batch came from, and a stream's failure as a value. */
export async function* iterateStreams(
  runner: CallRunner,
  start: ListingState,
): AsyncGenerator<{ stream: StreamState; jobs: Job[]; calls: number; error?: unknown }> {
  const listing: ListingState = structuredClone(start);
  // From the start of every stream: a listing that was paged holds jobs in their listed form only.
  for (const stream of listing.streams) {
    delete stream.nextToken;
    stream.done = false;
    stream.buffer = [];
  }
  type Batch = { stream: StreamState; jobs: Job[]; calls: number; error?: unknown };
  const inFlight = new Map<StreamState, Promise<Batch>>();
  const launch = (stream: StreamState) =>
    inFlight.set(
      stream,
      fetchStream(runner, listing, stream, 1000).then(
        (jobs) => ({ stream, jobs, calls: 1 }),
        (error: unknown) => ({ stream, jobs: [], calls: 1, error }),
      ),
    );
  for (const stream of listing.streams) launch(stream);
  while (inFlight.size > 0) {
    const batch = await Promise.race(inFlight.values());
    inFlight.delete(batch.stream);
    if (batch.error !== undefined) {
      yield batch;
      continue;
    }
    if (!batch.stream.done) launch(batch.stream);
    yield batch;
  }
}
