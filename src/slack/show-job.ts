import { jobDetails } from '../blocks/index.js';
import type { BotDeps } from './deps.js';

/** One job's details; the region is used only when it is one the bot watches. */
export async function showJob(deps: BotDeps, jobId: string, timeZone: string, region?: string) {
  const known = region && deps.backup.regions.includes(region) ? region : undefined;
  const job = await deps.backup.describe(jobId, known);
  return jobDetails(job, { timeZone, now: deps.now(), responseType: 'ephemeral', replaceOriginal: false });
}
