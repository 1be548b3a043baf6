/** The lines of a summary: totals by state, the largest accounts and resource types, its `text`. */

import { countOfKind, type JobKind, STATES_OF_KIND } from '../domain/index.js';
import { formatCount } from './format.js';
import { DISPLAY_ORDER, isValidationOutcome, kindHasOutcome, lookOf } from './states.js';
import { type Bucket, largestFirst, type Tallies } from './summary-data.js';
import { code, escapeMrkdwn, joinParts, mrkdwnText, plainText, plural, truncate } from './text.js';

/** Accounts and resource types listed at most; the rest are summed in one line. */
const TOP = 10;

/** Whether summaries of a kind can tell "completed with issues" (restore summaries have no category). */
export function countsIssues(kind: JobKind): boolean {
  return kindHasOutcome(kind, 'COMPLETED_WITH_ISSUES');
}

export function stateLines(t: Tallies, kind: JobKind): string {
  const lines = [`*${countOfKind(kind, t.all.total)}* in all`];
  for (const state of DISPLAY_ORDER) {
    if (state === 'COMPLETED_WITH_ISSUES' || isValidationOutcome(state)) continue;
    const count = t.all.byState.get(state) ?? 0;
    if (count === 0) continue;
    const look = lookOf(state);
    lines.push(`${look.emoji} *${formatCount(count)}* ${look.label.toLowerCase()}`);
    if (state === 'COMPLETED' && countsIssues(kind)) {
      const issues = lookOf('COMPLETED_WITH_ISSUES');
      const value = t.issuesKnown ? `*${formatCount(t.all.issues)}*` : '*unknown*';
      lines.push(`${issues.emoji} ${value} completed with issues (counted in completed)`);
    }
  }
  for (const [state, count] of t.all.byState) {
    if ((DISPLAY_ORDER as readonly string[]).includes(state) || count === 0) continue;
    lines.push(
      `${lookOf(state).emoji} *${formatCount(count)}* ${mrkdwnText(lookOf(state).label, 60).toLowerCase()}`,
    );
  }
  return lines.join('\n');
}

function bucketLine(name: string, b: Bucket, kind: JobKind): string {
  const bad = (['FAILED', 'PARTIAL'] as const)
    .map((s) => [s, b.byState.get(s) ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${lookOf(s).emoji} ${formatCount(n)} ${lookOf(s).label.toLowerCase()}`);
  if (b.issues > 0 && countsIssues(kind))
    bad.push(`${lookOf('COMPLETED_WITH_ISSUES').emoji} ${formatCount(b.issues)} with issues`);
  return joinParts([`${name} *${formatCount(b.total)}*`, ...bad]);
}

/** `_…and 3 more accounts with 120 backup jobs_` for the entries past the first `shown`, if any. */
export function restLine(
  entries: readonly [string, Bucket][],
  shown: number,
  noun: string,
  kind: JobKind,
): string | undefined {
  const rest = entries.slice(shown);
  if (rest.length === 0) return undefined;
  const jobs = rest.reduce((sum, [, b]) => sum + b.total, 0);
  return `_…and ${plural(rest.length, `more ${noun}`, `more ${noun}s`)} with ${countOfKind(kind, jobs)}_`;
}

export function topLines(
  title: string,
  map: Map<string, Bucket>,
  show: (key: string) => string,
  noun: string,
  kind: JobKind,
): string {
  const entries = largestFirst(map);
  const lines = entries.slice(0, TOP).map(([key, b]) => bucketLine(show(key), b, kind));
  const rest = restLine(entries, TOP, noun, kind);
  if (rest) lines.push(rest);
  return `*${title}*\n${lines.join('\n')}`;
}

/** AWS answers ANY or AGGREGATE_ALL for a field it did not split by. */
const isAll = (value: string) => value === 'ANY' || value === 'AGGREGATE_ALL' || value === '';

/** An account as plain text (a data table cell): its id, or "All accounts". */
export function accountLabel(id: string): string {
  return isAll(id) ? 'All accounts' : plainText(id, 40);
}

/** A resource type as plain text (a data table cell): its name, or "All types". */
export function typeLabel(type: string): string {
  return isAll(type) ? 'All types' : plainText(type, 60);
}

/** A Region as plain text (a data table cell). */
export function regionLabel(region: string): string {
  return plainText(region, 40);
}

export function regionName(region: string): string {
  return code(region, 40);
}

export function accountName(id: string): string {
  return isAll(id) ? 'All accounts' : code(id, 40);
}

export function typeName(type: string): string {
  return isAll(type) ? 'All types' : mrkdwnText(type, 60);
}

/** The message's `text`, for notifications and screen readers: the title and the counts that matter. */
export function summaryText(title: string, t: Tallies, kind: JobKind): string {
  const failed = t.all.byState.get('FAILED') ?? 0;
  const partial = t.all.byState.get('PARTIAL') ?? 0;
  const counts = joinParts(
    [
      countOfKind(kind, t.all.total),
      `${formatCount(failed)} failed`,
      STATES_OF_KIND[kind].includes('PARTIAL') ? `${formatCount(partial)} partial` : undefined,
      t.issuesKnown && countsIssues(kind) ? `${formatCount(t.all.issues)} completed with issues` : undefined,
    ],
    ', ',
  );
  return `${escapeMrkdwn(truncate(title, 300))}: ${counts}`;
}
