import { ListBackupJobsCommand } from '@aws-sdk/client-backup';
import { isCompletedWithIssues } from '../domain/index.js';
import { type CallRunner, callAws } from './call.js';
import { toBackupJob } from './convert.js';
import { type ListingState, listInput, type StreamState } from './listing.js';
import type { BackupJob } from './types.js';

async function nextBatch(
  runner: CallRunner,
  listing: ListingState,
  stream: StreamState,
): Promise<BackupJob[]> {
  const out = await callAws(runner, { operation: 'ListBackupJobs', region: stream.region }, (client) =>
    client.send(new ListBackupJobsCommand(listInput(listing, stream, 1000))),
  );
  if (out.NextToken) stream.nextToken = out.NextToken;
  else {
    delete stream.nextToken;
    stream.done = true;
  }
  const jobs = (out.BackupJobs ?? []).map((raw) => toBackupJob(raw, stream.region));
  return stream.issuesOnly ? jobs.filter(isCompletedWithIssues) : jobs;
}

/**
 * Every job of a listing from its start, in batches as AWS returns them (1,000 per call), one call
 * in flight per stream. Memory holds at most one batch per stream, whatever the total: the CSV
 * export streams through it. Throws the first AWS failure (as a CodedError).
 */
export async function* iterateJobs(runner: CallRunner, start: ListingState): AsyncGenerator<BackupJob[]> {
  const listing: ListingState = structuredClone(start);
  // From the start of every stream: a listing that was paged holds jobs in their listed form only.
  for (const stream of listing.streams) {
    delete stream.nextToken;
    stream.done = false;
    stream.buffer = [];
  }
  const inFlight = new Map<StreamState, Promise<{ stream: StreamState; jobs: BackupJob[] }>>();
  const launch = (stream: StreamState) =>
    inFlight.set(
      stream,
      nextBatch(runner, listing, stream).then((jobs) => ({ stream, jobs })),
    );
  for (const stream of listing.streams) launch(stream);
  while (inFlight.size > 0) {
    const { stream, jobs } = await Promise.race(inFlight.values());
    inFlight.delete(stream);
    if (!stream.done) launch(stream);
    if (jobs.length > 0) yield jobs;
  }
}
