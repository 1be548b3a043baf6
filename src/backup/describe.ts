import { isJobId, isUuid, JOB_KINDS, type JobKind, MIN_JOB_ID_PREFIX } from '../domain/index.js';
import { CodedError } from '../errors.js';
import { type CallRunner, callAws } from './call.js';
import { MAX_CANDIDATES, searchJobIds } from './job-search.js';
import { sourceOf } from './kinds/index.js';
import type { Job, JobDetails } from './types.js';

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
  /**
   * The accounts listed jobs are searched in when the id is not found as typed (DEFAULT_ACCOUNT_ID:
   * `*` for the organisation); absent, the caller's own account.
   */
  accountId?: string | undefined;
  /** The end of the 30 days searched. @defaultValue the clock */
  now?: Date | undefined;
}

/** A typed start of an id that several jobs share: the reply lists them to pick from. */
export class AmbiguousJobIdError extends CodedError {
  /** Newest first, at most MAX_CANDIDATES. */
  readonly candidates: readonly Job[];
  /** More jobs start with the text than are listed. */
  readonly more: boolean;

  constructor(typed: string, candidates: readonly Job[]) {
    const more = candidates.length > MAX_CANDIDATES;
    const count = more ? `more than ${MAX_CANDIDATES}` : String(candidates.length);
    super('QUERY_INVALID', `${count} jobs have an id that starts with ${typed}.`, {
      remedy: 'Pick one below, or type more of its id.',
    });
    this.candidates = candidates.slice(0, MAX_CANDIDATES);
    this.more = more;
  }
}

/** Asks for each spelling as every kind in every Region at once; the first to find it wins. */
async function describeFirst(
  runner: CallRunner,
  spellings: readonly string[],
  kinds: readonly JobKind[],
  regions: readonly string[],
): Promise<JobDetails | undefined> {
  if (spellings.length === 1 && kinds.length === 1 && regions.length === 1)
    return describeIn(runner, kinds[0]!, spellings[0]!, regions[0]!).catch(notFoundAsUndefined);
  // The calls still waiting once one has found the job are cancelled.
  const found = new AbortController();
  try {
    return await Promise.any(
      spellings.flatMap((id) =>
        kinds.flatMap((kind) => regions.map((region) => describeIn(runner, kind, id, region, found.signal))),
      ),
    );
  } catch (err) {
    const errors = (err as AggregateError).errors as CodedError[];
    const other = errors.find((e) => e.code !== 'AWS_NOT_FOUND' && e.code !== 'AWS_INVALID_PARAMETER');
    if (other) throw other;
    return undefined;
  } finally {
    found.abort();
  }
}

function notFoundAsUndefined(err: unknown): undefined {
  const code = (err as CodedError).code;
  if (code === 'AWS_NOT_FOUND' || code === 'AWS_INVALID_PARAMETER') return undefined;
  throw err;
}

/**
 * One job's details. With the kind and Region known (from a listed job) that is one call. A typed
 * id is asked for as every kind in every Region at once, so a copy job's id finds the copy; AWS
 * matches ids exactly, so when that finds nothing a whole UUID is asked for as AWS writes it (upper
 * case, and lower case for the odd one), and anything else of 8 characters or more is looked for
 * among the jobs of the last 30 days, in any case and as the start of an id (see job-search.ts for
 * what that costs at most). Bad ids are refused before any call (an empty id would make the SDK
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
  const typed = await describeFirst(runner, [jobId], kinds, regions);
  if (typed) return typed;
  if (where.region && where.kind) throw notFound(jobId, where, regions);
  if (isUuid(jobId)) {
    // Only once the id as typed is not found: most are typed as AWS writes them.
    const spellings = [...new Set([jobId.toUpperCase(), jobId.toLowerCase()])].filter((s) => s !== jobId);
    const other = spellings.length > 0 ? await describeFirst(runner, spellings, kinds, regions) : undefined;
    if (other) return other;
    throw notFound(jobId, where, regions);
  }
  if (jobId.length < MIN_JOB_ID_PREFIX) throw notFound(jobId, where, regions, 'short');
  const search = await searchJobIds(runner, jobId, {
    kinds,
    regions,
    accountId: where.accountId,
    now: where.now ?? new Date(),
  });
  const candidates = search.exact.length > 0 ? search.exact : search.prefix;
  const [only] = candidates;
  if (only && candidates.length === 1) return describeIn(runner, only.kind, only.jobId, only.region);
  if (candidates.length > 1) throw new AmbiguousJobIdError(jobId, candidates);
  throw notFound(jobId, where, regions, search.complete ? 'searched' : 'cut-short', search.readPerStream);
}

function notFound(
  jobId: string,
  where: DescribeWhere,
  regions: readonly string[],
  how: 'as-typed' | 'short' | 'searched' | 'cut-short' = 'as-typed',
  readPerStream = 0,
): CodedError {
  const what = where.kind ? `${where.kind} job` : 'backup, copy or restore job';
  const where_ = regions.join(', ');
  const message = {
    'as-typed': `No ${what} ${jobId} in ${where_}.`,
    short: `No ${what} has the id ${jobId} in ${where_}.`,
    searched: `No ${what} of the last 30 days in ${where_} has an id that is or starts with ${jobId}.`,
    'cut-short':
      `No ${what} in ${where_} has an id that is or starts with ${jobId}, among the ` +
      `${readPerStream.toLocaleString('en-US')} jobs of each kind and Region I read (a search reads no more).`,
  }[how];
  const remedy = {
    'as-typed': 'Check the id, or add region:NAME if the job ran in a region the bot does not watch.',
    short: `Type the whole id, or at least its first ${MIN_JOB_ID_PREFIX} characters.`,
    searched: 'Check the id, or add region:NAME if the job ran in a region the bot does not watch.',
    'cut-short': 'Type the whole id, or add region:NAME to search one Region.',
  }[how];
  return new CodedError('AWS_NOT_FOUND', message, { remedy });
}
