/** One stale resource (or copy destination) as a page of a stale answer shows it. */

import type { StaleEntry } from '../coverage/queries.js';
import type { CoverageContext } from './coverage-status.js';
import type { EntryLimits } from './job-lines.js';
import {
  copyText,
  destinationText,
  lastBackupText,
  lastJobText,
  planVaultText,
  resourceTitle,
  shortAge,
  shortJob,
  whereText,
} from './resource-lines.js';
import { code, joinParts, mrkdwnText } from './text.js';

/** `:no_entry_sign:` when nothing good is known, `:warning:` when it is only old. */
export function staleIcon(entry: StaleEntry): { emoji: string; glyph: string } {
  return entry.lastGoodAt === undefined
    ? { emoji: ':no_entry_sign:', glyph: '🚫' }
    : { emoji: ':warning:', glyph: '⚠️' };
}

/** The job a line reports: the copy's for a copy destination, else the resource's. */
function lastJobOf(entry: StaleEntry) {
  return entry.copy ? entry.copy.lastJob : entry.resource.lastJob;
}

/**
 * Worst first: nothing good known, then the oldest last good backup or copy; ties by ARN and
 * destination, so that every page of one answer cuts the same order.
 */
export function worstFirst(entries: readonly StaleEntry[]): StaleEntry[] {
  const key = (e: StaleEntry) =>
    e.lastGoodAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(e.lastGoodAt);
  const place = (e: StaleEntry) =>
    `${e.resource.resourceArn}\n${e.copy?.destinationRegion ?? ''}/${e.copy?.destinationAccountId ?? ''}`;
  return [...entries].sort(
    (a, b) => key(a) - key(b) || (place(a) < place(b) ? -1 : place(a) > place(b) ? 1 : 0),
  );
}

/** The mrkdwn of one entry in the full layout: up to four short lines. */
export function staleEntryText(entry: StaleEntry, ctx: CoverageContext, limits: EntryLimits): string {
  const { resource, copy } = entry;
  const title = joinParts([
    `${staleIcon(entry).emoji} *${code(resourceTitle(resource), limits.name)}*`,
    whereText(resource),
    resource.listedAt === undefined ? '_known from job history only_' : undefined,
  ]);
  const good = copy ? copyText(copy, ctx, limits.vault) : lastBackupText(resource, ctx);
  const job = lastJobText(lastJobOf(entry), ctx, limits.status);
  const plan = planVaultText(resource, limits.vault);
  return [title, good, job, plan && plan.charAt(0).toUpperCase() + plan.slice(1)].filter(Boolean).join('\n');
}

/**
 * One entry on one line for the compact layout, at most `budget` characters where it can be: the
 * parts that matter least go first when the line is long, a failed job's reason keeps some room.
 */
export function staleCompactLine(
  entry: StaleEntry,
  index: number,
  ctx: CoverageContext,
  budget: number,
): string {
  const { resource, copy } = entry;
  const nameMax = Math.max(14, Math.min(48, Math.floor(budget / 4)));
  const lead = `*${index}.* ${staleIcon(entry).glyph} ${code(resourceTitle(resource), nameMax)}`;
  const vaultMax = Math.max(12, Math.min(40, Math.floor(budget / 6)));
  const parts = [
    shortAge(entry.lastGoodAt, ctx.now, copy ? 'copy' : 'backup'),
    copy ? `to ${destinationText(copy, vaultMax)}` : undefined,
    copy || !resource.lastBackupWithIssues ? undefined : 'with issues',
    mrkdwnText(resource.accountId, 20),
    mrkdwnText(resource.region, 20),
    resource.resourceType ? mrkdwnText(resource.resourceType, 24) : undefined,
    resource.vault ? `vault ${code(resource.vault, vaultMax)}` : undefined,
    resource.plan ? `plan ${code(resource.plan, vaultMax)}` : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  const job = lastJobOf(entry);
  const reasonRoom =
    job !== undefined && job.state !== 'COMPLETED' ? Math.min(120, Math.floor(budget * 0.35)) : 0;
  let line = joinParts([lead, ...parts]);
  while (line.length > budget - reasonRoom && parts.length > 1) {
    parts.pop();
    line = joinParts([lead, ...parts]);
  }
  const failed = shortJob(job, budget - line.length - 30);
  return failed && line.length + failed.length + 3 <= budget ? `${line} · ${failed}` : line;
}
