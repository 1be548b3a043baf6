import type { ListedJob } from '../backup/types.js';
import { isSuccessCategory } from '../domain/index.js';
import { formatDuration } from '../time/duration.js';
import { formatTime, spanMs } from '../time/labels.js';
import { formatBytes, formatPercent } from './format.js';
import { expectedText, originText, placeText, problemMessage, testParts } from './kind-lines.js';
import { displayState, lookOf, needsStatusMessage } from './states.js';
import { code, joinParts, mrkdwnText, oneLine } from './text.js';

export interface LineContext {
  timeZone: string;
  now: Date;
}

/** How much of the long free-text fields a full entry may show. */
export interface EntryLimits {
  name: number;
  vault: number;
  status: number;
}

/** The name a job is shown by: the resource name, else the last part of its ARN. */
export function resourceLabel(job: Pick<ListedJob, 'resourceName' | 'resourceArn' | 'jobId'>): string {
  const name = oneLine(job.resourceName ?? '');
  if (name !== '') return name;
  const arn = oneLine(job.resourceArn ?? '');
  if (arn !== '') return arn.split(/[:/]/).filter(Boolean).pop() ?? arn;
  return `job ${job.jobId}`;
}

function isRunning(job: ListedJob): boolean {
  return job.completedAt === undefined && (job.state === 'RUNNING' || job.state === 'ABORTING');
}

/**
 * Duration and progress: `took 47m`, `running for 2h 05m · 42% done`, `not started`; a restore adds
 * how long AWS expected it to take: `took 47m (expected 30m)`.
 */
export function progressText(job: ListedJob, now: Date, withPercent = true): string {
  const expected = expectedText(job);
  const span = (to: string | Date) =>
    `${formatDuration(spanMs(job.createdAt, to))}${expected ? ` ${expected}` : ''}`;
  if (job.completedAt !== undefined) return `took ${span(job.completedAt)}`;
  if (isRunning(job)) return joinParts([`running for ${span(now)}`, withPercent ? doneText(job) : undefined]);
  return job.state === 'CREATED' || job.state === 'PENDING' ? 'not started' : '';
}

function doneText(job: ListedJob): string | undefined {
  const percent = formatPercent(job.percentDone);
  return percent === undefined ? undefined : `${percent} done`;
}

/** Size as people want it: the job's size, or, for a running backup, the bytes transferred so far. */
export function sizeText(job: ListedJob): string | undefined {
  if (job.sizeBytes !== undefined) return formatBytes(job.sizeBytes);
  if (job.kind === 'backup' && job.bytesTransferred !== undefined)
    return `${formatBytes(job.bytesTransferred)} transferred`;
  return undefined;
}

function statusLine(job: ListedJob, max: number): string | undefined {
  if (!needsStatusMessage(job) || max < 20) return undefined;
  const message = oneLine(problemMessage(job) ?? '');
  const category = job.messageCategory && !isSuccessCategory(job.messageCategory) ? job.messageCategory : '';
  if (message === '' && category === '') return undefined;
  const prefix = category ? `${code(category, Math.min(40, Math.floor(max / 3)))} ` : '';
  return `> ${prefix}${mrkdwnText(message, Math.max(10, max - prefix.length))}`.trimEnd();
}

/** The mrkdwn of one job in the full layout: four short lines. */
export function fullEntry(job: ListedJob, ctx: LineContext, limits: EntryLimits): string {
  const look = lookOf(displayState(job));
  const running = isRunning(job) ? formatPercent(job.percentDone) : undefined;
  const title = joinParts([
    `${look.emoji} *${look.label}*${running ? ` ${running}` : ''}`,
    code(resourceLabel(job), limits.name),
    job.resourceType ? mrkdwnText(job.resourceType, 40) : undefined,
    ...testParts(job, true),
  ]);
  const where = joinParts([
    `Account ${code(job.accountId, 40)}`,
    mrkdwnText(job.region, 30),
    placeText(job, limits.vault),
    originText(job, limits.vault),
  ]);
  const when = joinParts([
    `Created ${formatTime(job.createdAt, ctx.timeZone, ctx.now)}`,
    job.completedAt ? `completed ${formatTime(job.completedAt, ctx.timeZone, ctx.now)}` : undefined,
    progressText(job, ctx.now),
    sizeText(job),
  ]);
  return [title, where, when, statusLine(job, limits.status)].filter(Boolean).join('\n');
}

/** What every job on a page shares, said once above the lines instead of on each. */
export interface CommonParts {
  accountId?: string;
  region?: string;
}

/**
 * One job on one line for the compact layout, at most `budget` characters where it can be. A failure's
 * status message keeps some room; the other parts that matter least go first when the line is long.
 */
export function compactLine(
  job: ListedJob,
  index: number,
  ctx: LineContext & { common?: CommonParts },
  budget: number,
): string {
  const look = lookOf(displayState(job));
  const lead = `*${index}.* ${look.glyph} ${code(resourceLabel(job), Math.max(14, Math.min(48, budget / 4)))}`;
  const vaultMax = Math.max(12, Math.min(40, budget / 6));
  // A copy is about where it goes: its vaults come before the rest.
  const route = job.kind === 'copy' ? placeText(job, vaultMax) : undefined;
  // Most important first; dropped from the end while too long.
  const parts = [
    formatTime(job.createdAt, ctx.timeZone, ctx.now),
    progressText(job, ctx.now),
    ...testParts(job, false),
    route,
    ctx.common?.accountId === undefined ? mrkdwnText(job.accountId, 20) : undefined,
    ctx.common?.region === undefined ? mrkdwnText(job.region, 20) : undefined,
    job.resourceType ? mrkdwnText(job.resourceType, 24) : undefined,
    sizeText(job),
    route === undefined ? placeText(job, vaultMax) : undefined,
    originText(job, vaultMax),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const hasStatus = statusLine(job, 100) !== undefined;
  const keep = budget - (hasStatus ? Math.min(100, Math.floor(budget * 0.35)) : 0);
  let line = joinParts([lead, ...parts]);
  while (line.length > keep && parts.length > 0) {
    parts.pop();
    line = joinParts([lead, ...parts]);
  }
  const status = statusLine(job, budget - line.length - 3);
  return status ? `${line} — ${status.slice(2)}` : line;
}

/** The account and region when every job shares them. */
export function commonParts(jobs: readonly ListedJob[]): CommonParts {
  const first = jobs[0];
  if (!first) return {};
  const common: CommonParts = {};
  if (jobs.every((j) => j.accountId === first.accountId)) common.accountId = first.accountId;
  if (jobs.every((j) => j.region === first.region)) common.region = first.region;
  return common;
}
