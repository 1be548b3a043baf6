import { generateCopyJobs } from './copy-gen.js';
import { DAY_MS, dailyJobs } from './daily-jobs.js';
import type { DrLayout } from './dr-layout.js';
import type { AwsCopyJob } from './job-types.js';
import { makeResource, type Place, type Resource } from './org.js';
import type { Rng } from './prng.js';
import { kindOf, type ResourceKind } from './resource-kinds.js';
import type { AwsBackupJob } from './types.js';
import type { ResourceType } from './vocabulary.js';

/** A resource whose protection quietly lapsed, where its own backups are (were) made. */
export interface SeededGap {
  resourceArn: string;
  resourceName: string;
  resourceType: string;
  accountId: string;
  region: string;
  /** Completion of its last COMPLETED backup job: its LastBackupTime in ListProtectedResources. */
  lastBackupTime: Date;
}

/** A resource whose copy rule was removed: its backups go on, its copies stopped. */
export interface StaleCopyGap extends SeededGap {
  /** The vault the copies went to, in `destinationAccountId` and `destinationRegion`. */
  destinationVaultArn: string;
  destinationAccountId: string;
  destinationRegion: string;
  /** Completion of its last COMPLETED copy job. */
  lastCopyTime: Date;
  /** LastBackupTime of the resource in the destination vault: the time of the backup last copied. */
  lastCopiedBackupTime: Date;
}

/** The protection gaps every seeded organisation with resources holds. */
export interface SeededGaps {
  /** Its plan stopped making jobs: the last one, COMPLETED, is about `STALE_BACKUP_DAYS` old. */
  staleBackup?: SeededGap;
  /** Copies stopped about `STALE_COPY_DAYS` ago; absent when no plan copies anywhere. */
  staleCopy?: StaleCopyGap;
  /** Decommissioned resources: a recovery point 40 to 90 days old and no job since. */
  retired: SeededGap[];
}

/** The jobs behind the gaps, and the gaps. */
export interface GapData {
  jobs: AwsBackupJob[];
  copyJobs: AwsCopyJob[];
  gaps: SeededGaps;
}

export const STALE_BACKUP_DAYS = 3;
export const STALE_COPY_DAYS = 4;
/** Kinds a retired resource may be: each backs up as one job. */
const RETIRED_KINDS: readonly ResourceType[] = ['EBS', 'RDS', 'DynamoDB', 'EFS', 'S3', 'EC2'];
const ATTEMPTS = 20;

function newest<T extends { CreationDate: Date }>(items: readonly T[]): T | undefined {
  return items.reduce<T | undefined>(
    (best, j) => (!best || j.CreationDate > best.CreationDate ? j : best),
    undefined,
  );
}

function good(job: AwsBackupJob | undefined): job is AwsBackupJob & { CompletionDate: Date } {
  return job?.State === 'COMPLETED' && job.MessageCategory === 'SUCCESS' && job.CompletionDate !== undefined;
}

/** A new prod resource at `place`, drawn from `rng`, with a healthy history (not flaky). */
function resourceAt(place: Place, rng: Rng, type: ResourceType, plan: string): Resource | undefined {
  const chosen = place.plans.get(plan);
  const kind = kindOf(type) as ResourceKind;
  if (!chosen) return undefined;
  const resource = makeResource({ ...place, rng }, kind, chosen, 'prod');
  resource.flaky = false;
  return resource;
}

function gapOf(r: Resource, lastBackupTime: Date): SeededGap {
  return {
    resourceArn: r.arn,
    resourceName: r.name,
    resourceType: r.kind.type,
    accountId: r.account,
    region: r.region,
    lastBackupTime,
  };
}

/** A database whose daily plan stopped a few days ago: jobs up to then, the last one a success. */
function staleBackup(place: Place, rng: Rng, now: number, out: GapData): void {
  const resource = resourceAt(place, rng, 'RDS', 'daily-prod');
  if (!resource) return;
  const cutoff = now - (STALE_BACKUP_DAYS - 0.5) * DAY_MS;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const jobs = dailyJobs(resource, now, rng).filter((j) => j.CreationDate.getTime() <= cutoff);
    const last = newest(jobs);
    if (!good(last)) continue;
    out.jobs.push(...jobs);
    out.gaps.staleBackup = gapOf(resource, last.CompletionDate);
    return;
  }
}

/** A volume whose plan's copy rule was removed a few days ago: daily backups, copies until then. */
function staleCopy(place: Place, rng: Rng, layout: DrLayout, now: number, out: GapData): void {
  const plan = ['daily-critical', 'compliance-7y', 'daily-prod'].find((p) =>
    layout.target(p, place.region, place.account),
  );
  const resource = plan ? resourceAt(place, rng, 'EBS', plan) : undefined;
  if (!resource) return;
  const cutoff = now - (STALE_COPY_DAYS - 0.5) * DAY_MS;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const jobs = dailyJobs(resource, now, rng);
    const copies = generateCopyJobs(jobs, layout, rng, now).filter((c) => c.CreationDate.getTime() <= cutoff);
    const lastCopy = newest(copies);
    const lastJob = newest(jobs.filter((j) => j.State === 'COMPLETED'));
    const copied = jobs.find((j) => j.BackupJobId === lastCopy?.CreatedByBackupJobId);
    if (lastCopy?.State !== 'COMPLETED' || !lastCopy.CompletionDate || !good(lastJob) || !good(copied))
      continue;
    const dest = lastCopy.DestinationBackupVaultArn.split(':');
    out.jobs.push(...jobs);
    out.copyJobs.push(...copies);
    out.gaps.staleCopy = {
      ...gapOf(resource, lastJob.CompletionDate),
      destinationVaultArn: lastCopy.DestinationBackupVaultArn,
      destinationRegion: dest[3] as string,
      destinationAccountId: dest[4] as string,
      lastCopyTime: lastCopy.CompletionDate,
      lastCopiedBackupTime: copied.CompletionDate,
    };
    return;
  }
}

/** A resource backed up daily until it was decommissioned 40 to 90 days ago, copied as its plan says. */
function retired(place: Place, rng: Rng, layout: DrLayout, now: number, out: GapData): void {
  const resource = resourceAt(place, rng, rng.pick(RETIRED_KINDS), 'compliance-7y');
  if (!resource) return;
  const until = now - rng.between(40, 89) * DAY_MS - rng.int(DAY_MS);
  const jobs = dailyJobs(resource, until, rng).filter((j) => j.CompletionDate !== undefined);
  const done = jobs.filter((j) => j.State === 'COMPLETED' && j.RecoveryPointArn);
  const last = done.reduce<Date | undefined>(
    (at, j) => (!at || (j.CompletionDate as Date) > at ? (j.CompletionDate as Date) : at),
    undefined,
  );
  if (!last) return;
  out.jobs.push(...jobs);
  out.copyJobs.push(...generateCopyJobs(jobs, layout, rng, now));
  out.gaps.retired.push(gapOf(resource, last));
}

/**
 * The quiet protection gaps of a seeded organisation, as resources of their own beside its active
 * ones: a database in a member account (the second, in the last Region) whose plan stopped making
 * jobs, a volume of the management account (first Region) whose copies stopped while its backups go
 * on, and one decommissioned resource per 30 active ones, whose last recovery point is 40 to 90 days
 * old, older than any job ListBackupJobs shows.
 */
export function seedGaps(
  places: readonly Place[],
  layout: DrLayout,
  rng: Rng,
  now: number,
  activeResources: number,
): GapData {
  const out: GapData = { jobs: [], copyJobs: [], gaps: { retired: [] } };
  const at = (account: string | undefined, region: string | undefined) =>
    places.find((p) => p.account === account && p.region === region);
  const [management, second] = layout.accounts;
  const member = at(second ?? management, layout.regions.at(-1));
  if (member) staleBackup(member, rng, now, out);
  const home = at(management, layout.regions[0]);
  if (home) staleCopy(home, rng, layout, now, out);
  const count = Math.max(1, Math.round(activeResources / 30));
  for (let i = 0; i < count && places.length > 0; i++) {
    retired(places[rng.int(places.length)] as Place, rng, layout, now, out);
  }
  return out;
}
