import { generateCopyJobs } from './copy-gen.js';
import { dailyJobs } from './daily-jobs.js';
import { DrLayout } from './dr-layout.js';
import { type GapData, seedGaps } from './gaps.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import { makeAccounts, makeResource, makeVaults, type Place } from './org.js';
import { makePlans } from './plans.js';
import { createRng } from './prng.js';
import { RESOURCE_KINDS } from './resource-kinds.js';
import { generateRestoreJobs } from './restore-gen.js';
import type { AwsBackupJob, AwsBackupVault } from './types.js';

export interface DatasetOptions {
  seed: number;
  /** Approximate number of jobs; 0 gives an organisation with vaults and no jobs. */
  jobs: number;
  /**
   * Resources backed up (with jobs > 0). By default as many as daily backups of `jobs` make; more
   * spread the jobs: each resource is then backed up every few days.
   */
  resources?: number;
  accounts: number;
  regions: readonly string[];
  now: Date;
}

export interface Dataset {
  accounts: string[];
  /** Vaults per `${region}|${account}`. */
  vaultsByPlace: Map<string, AwsBackupVault[]>;
  /** Backup jobs. */
  jobs: AwsBackupJob[];
  copyJobs: AwsCopyJob[];
  restoreJobs: AwsRestoreJob[];
  /** Where copies go: the DR account, its vaults and each plan's copy rule. */
  layout: DrLayout;
  /**
   * The resources whose protection lapsed, with their backup and copy jobs: served beside `jobs` and
   * `copyJobs`, which hold the organisation's active resources.
   */
  gaps: GapData;
}

/** Seeds of the streams copies and restores draw from, apart from the backup jobs' stream. */
const COPY_STREAM = 0xc0b1e5;
const RESTORE_STREAM = 0x4e5702e;
const GAP_STREAM = 0x9a95;

/** Jobs one resource yields over 30 days, counting the child jobs of CloudFormation stacks. */
const JOBS_PER_RESOURCE = 32.9;

/**
 * A whole organisation from a seed: accounts, vaults and plans per region, resources of every type
 * (the first 17 cover each type once), and their daily jobs relative to `now`; then the copies the
 * plans' copy rules made of those jobs and the restores of their recovery points; then the resources
 * whose protection lapsed (see `seedGaps`). Copies, restores and gaps draw from streams of their own, so
 * the backup jobs are the same with or without them. Same options, same data.
 */
export function generateDataset(options: DatasetOptions): Dataset {
  const rng = createRng(options.seed);
  const now = options.now.getTime();
  const accounts = makeAccounts(rng, options.accounts);
  const places: Place[] = [];
  const vaultsByPlace = new Map<string, AwsBackupVault[]>();
  for (const region of options.regions) {
    for (const [i, account] of accounts.entries()) {
      vaultsByPlace.set(`${region}|${account}`, makeVaults(rng, account, region, options.now, i === 0));
      const plans = makePlans(rng, account, region, options.now);
      places.push({ rng, account, region, plans, names: new Map() });
    }
  }
  const daily = Math.max(1, Math.round(options.jobs / JOBS_PER_RESOURCE));
  const resourceCount = options.jobs <= 0 ? 0 : Math.max(1, options.resources ?? daily);
  const everyDays = Math.max(1, Math.round(resourceCount / daily));
  const weights = RESOURCE_KINDS.map((k) => k.weight);
  const jobs: AwsBackupJob[] = [];
  for (let i = 0; i < resourceCount; i++) {
    const place = places[i % places.length] as Place;
    const kind = RESOURCE_KINDS[i] ?? rng.weighted(RESOURCE_KINDS, weights);
    const resource = makeResource(place, kind);
    for (const job of dailyJobs(resource, now, rng, everyDays)) jobs.push(job);
  }
  const layout = new DrLayout(accounts, options.regions, vaultsByPlace);
  const copyRng = createRng(options.seed ^ COPY_STREAM);
  layout.addDrVaults(copyRng, options.now);
  const copyJobs = generateCopyJobs(jobs, layout, copyRng, now);
  const restoreJobs = generateRestoreJobs(
    jobs,
    copyJobs,
    layout,
    createRng(options.seed ^ RESTORE_STREAM),
    now,
  );
  const gaps =
    resourceCount === 0
      ? { jobs: [], copyJobs: [], gaps: { retired: [] } }
      : seedGaps(places, layout, createRng(options.seed ^ GAP_STREAM), now, resourceCount);
  return { accounts, vaultsByPlace, jobs, copyJobs, restoreJobs, layout, gaps };
}
