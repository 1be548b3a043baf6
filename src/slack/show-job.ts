import { AmbiguousJobIdError } from '../backup/describe.js';
import { jobCandidates, jobDetails } from '../blocks/index.js';
import type { JobKind } from '../domain/index.js';
import type { BotDeps } from './deps.js';

/**
 * One job's details, of any kind. A listed job gives its kind and Region (the Region is used only
 * when it is one the bot watches); a typed id is looked up as every kind, in any case and by the
 * start of its id, and a start that several jobs share answers with those jobs to pick from.
 */
export async function showJob(
  deps: BotDeps,
  jobId: string,
  timeZone: string,
  where: { region?: string | undefined; kind?: JobKind | undefined } = {},
) {
  const region = where.region && deps.backup.regions.includes(where.region) ? where.region : undefined;
  const now = deps.now();
  const options = { responseType: 'ephemeral', replaceOriginal: false } as const;
  try {
    const job = await deps.backup.describe(jobId, {
      region,
      kind: where.kind,
      accountId: deps.config.aws.defaultAccountId,
      now,
    });
    return jobDetails(job, { timeZone, now, ...options });
  } catch (err) {
    if (!(err instanceof AmbiguousJobIdError)) throw err;
    return jobCandidates(
      { typed: jobId, candidates: err.candidates, more: err.more, timeZone, now },
      options,
    );
  }
}
