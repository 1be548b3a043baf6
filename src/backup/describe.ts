import { isJobId, JOB_KINDS, type JobKind } from '../domain/index.js';
import { CodedError } from '../errors.js';
import { type CallRunner, callAws } from './call.js';
import { sourceOf } from './kinds/index.js';
import type { JobDetails } from './types.js';

async function describeIn(
  runner: CallRunner,
  kind: JobKind,
  jobId: string,
  region: string,
  signal?: AbortSignal,
): Promise<JobDetails> {
  const source = sourceOf(kind);
  return callAws(runner, { operation: source.operations.describe, region }, (client) =>
    source.describe(client, jobId, region, signal),
  );
}

export interface DescribeWhere {
  /** Known from a listed job: one call. */
  region?: string | undefined;
  /** Known from a listed job; absent for a typed id, which may be any kind. */
  kind?: JobKind | undefined;
  regions: readonly string[];
}

/**
 * One job's details. With the kind and Region known (from a listed job) that is one call; for a
 * typed id every kind is asked in every Region at once and the first to find it wins, so a copy
 * job's id finds the copy. Bad ids are refused before any call (an empty id would make the SDK
 * call the list route and "succeed").
 */
export async function describeJob(
  runner: CallRunner,
  jobId: string,
  where: DescribeWhere,
): Promise<JobDetails> {
  if (!isJobId(jobId)) {
    throw new CodedError('QUERY_INVALID', `"${jobId.slice(0, 80)}" is not a job id.`, {
      remedy: 'Job ids are letters, digits and hyphens, like 9C0F6E1B-2A3D-4E5F-8A9B-0C1D2E3F4A5B.',
    });
  }
  const kinds = where.kind ? [where.kind] : JOB_KINDS;
  const regions = where.region ? [where.region] : [...new Set(where.regions)];
  if (kinds.length === 1 && regions.length === 1) return describeIn(runner, kinds[0]!, jobId, regions[0]!);
  // The first to find the job wins; the calls still waiting are cancelled.
  const found = new AbortController();
  try {
    return await Promise.any(
      kinds.flatMap((kind) => regions.map((region) => describeIn(runner, kind, jobId, region, found.signal))),
    );
  } catch (err) {
    const errors = (err as AggregateError).errors as CodedError[];
    const other = errors.find((e) => e.code !== 'AWS_NOT_FOUND' && e.code !== 'AWS_INVALID_PARAMETER');
    if (other) throw other;
    const what = where.kind ? `${where.kind} job` : 'backup, copy or restore job';
    throw new CodedError('AWS_NOT_FOUND', `No ${what} ${jobId} in ${regions.join(', ')}.`, {
      remedy: 'Check the id, or add region:NAME if the job ran in a region the bot does not watch.',
    });
  } finally {
    found.abort();
  }
}
