/** The parts of a resource's protection that stale lines, the resource story and choices show. */

import type { CopyFreshness, LastJob, ResourceFreshness } from '../coverage/types.js';
import { RETENTION_DAYS } from '../query/types.js';
import { formatDuration } from '../time/duration.js';
import { formatTime, spanMs } from '../time/labels.js';
import { agoText, type CoverageContext } from './coverage-status.js';
import { resourceLabel } from './job-lines.js';
import { lookOf } from './states.js';
import { code, joinParts, mrkdwnText } from './text.js';

/** The name a resource is shown by: its name, else the last part of its ARN. */
export function resourceTitle(resource: ResourceFreshness): string {
  return resourceLabel({ ...resource, jobId: resource.resourceArn });
}

/** `RDS · account 123456789012 · us-east-1`, names escaped. */
export function whereText(resource: ResourceFreshness, typeMax = 40): string {
  return joinParts([
    resource.resourceType ? mrkdwnText(resource.resourceType, typeMax) : undefined,
    `account ${code(resource.accountId, 40)}`,
    mrkdwnText(resource.region, 30),
  ]);
}

/** When a good backup or copy was: `3 days 2 hours ago (Mon 30 Nov, 14:05)`. */
export function agoAt(at: string, ctx: CoverageContext): string {
  return `${agoText(at, ctx.now)} (${formatTime(at, ctx.timeZone, ctx.now)})`;
}

/** How long ago in a tight place: `3d 2h ago`, or `no good backup in 30d` when none is known. */
export function shortAge(at: string | undefined, now: Date, noun: 'backup' | 'copy'): string {
  if (at === undefined) return `no good ${noun} in ${RETENTION_DAYS}d`;
  return `${formatDuration(Math.max(0, spanMs(at, now) ?? 0))} ago`;
}

/** `Last good backup 3 days ago (Mon 30 Nov, 14:05) · completed with issues`. */
export function lastBackupText(resource: ResourceFreshness, ctx: CoverageContext): string {
  if (resource.lastBackupAt === undefined) return `No good backup in ${RETENTION_DAYS} days`;
  return joinParts([
    `Last good backup ${agoAt(resource.lastBackupAt, ctx)}`,
    resource.lastBackupWithIssues ? ':large_yellow_circle: completed with issues' : undefined,
  ]);
}

/** A job's state by its look: `:red_circle: Failed`. */
function stateText(state: string): string {
  const look = lookOf(state);
  return `${look.emoji} ${look.label}`;
}

/**
 * The last job that ended, when it did not complete: `:red_circle: Failed today 02:00`, with its
 * reason on a quoted line below when `reasonMax` leaves room. Undefined for a COMPLETED job: the
 * last good backup already says it.
 */
export function lastJobText(
  job: LastJob | undefined,
  ctx: CoverageContext,
  reasonMax: number,
): string | undefined {
  if (job === undefined || job.state === 'COMPLETED') return undefined;
  const head = `Last job ${stateText(job.state)} ${formatTime(job.at, ctx.timeZone, ctx.now)}`;
  const reason = job.reason === undefined || reasonMax < 10 ? '' : mrkdwnText(job.reason, reasonMax);
  return reason ? `${head}\n> ${reason}` : head;
}

/** The last job in a tight place: `🔴 Failed — reason`. */
export function shortJob(job: LastJob | undefined, reasonMax: number): string | undefined {
  if (job === undefined || job.state === 'COMPLETED') return undefined;
  const look = lookOf(job.state);
  const reason = job.reason === undefined || reasonMax < 10 ? '' : mrkdwnText(job.reason, reasonMax);
  return `last job ${look.glyph} ${look.label}${reason ? ` — ${reason}` : ''}`;
}

/** The last job with its id, for the resource story: `:red_circle: Failed today 02:00 · job `…``. */
export function lastJobDetail(job: LastJob, ctx: CoverageContext, reasonMax: number): string {
  const head = joinParts([
    `${stateText(job.state)} ${formatTime(job.at, ctx.timeZone, ctx.now)}`,
    `job ${code(job.jobId, 80)}`,
  ]);
  const reason = job.reason === undefined ? '' : mrkdwnText(job.reason, reasonMax);
  return reason ? `${head}\n> ${reason}` : head;
}

/** `plan daily-35d · vault prod-vault`, undefined when neither is known. */
export function planVaultText(resource: ResourceFreshness, max: number): string | undefined {
  const text = joinParts([
    resource.plan ? `plan ${code(resource.plan, max)}` : undefined,
    resource.vault ? `vault ${code(resource.vault, max)}` : undefined,
  ]);
  return text === '' ? undefined : text;
}

/** Where copies go: `us-west-2 / 999988887777`, with the vault when known. */
export function destinationText(copy: CopyFreshness, vaultMax: number): string {
  const place = `${mrkdwnText(copy.destinationRegion, 30)} / ${code(copy.destinationAccountId, 40)}`;
  return copy.destinationVault ? `${place} (vault ${code(copy.destinationVault, vaultMax)})` : place;
}

/** `Copies to us-west-2 / 999988887777: last 4 days ago (Thu 26 Nov, 14:05)`. */
export function copyText(copy: CopyFreshness, ctx: CoverageContext, vaultMax: number): string {
  const last =
    copy.lastCopyAt === undefined
      ? `no good copy in ${RETENTION_DAYS} days`
      : `last ${agoAt(copy.lastCopyAt, ctx)}`;
  return `Copies to ${destinationText(copy, vaultMax)}: ${last}`;
}

/** Whether AWS Backup lists the resource as protected, or the bot knows it from its jobs only. */
export function listedText(resource: ResourceFreshness, ctx: CoverageContext): string {
  return resource.listedAt === undefined
    ? 'known from job history only'
    : `listed by AWS Backup as protected (${formatTime(resource.listedAt, ctx.timeZone, ctx.now)})`;
}
