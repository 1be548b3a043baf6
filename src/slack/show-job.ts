import { jobDetails } from '../blocks/index.js';
import type { JobKind } from '../domain/index.js';
import type { BotDeps } from './deps.js';

/**
 * One job's details, of any kind. A listed job gives its kind and Region (the Region is used only
 * when it is one the bot watches); a typed id is looked up as every kind.
 */
export async function showJob(
  deps: BotDeps,
  jobId: string,
  timeZone: string,
  where: { region?: string | undefined; kind?: JobKind | undefined } = {},
) {
  const region = where.region && deps.backup.regions.includes(where.region) ? where.region : undefined;
  const job = await deps.backup.describe(jobId, { region, kind: where.kind });
  return jobDetails(job, { timeZone, now: deps.now(), responseType: 'ephemeral', replaceOriginal: false });
}
