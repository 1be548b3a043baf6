/** The parts every kind's details view is made of. */

import type { KnownBlock } from '@slack/types';
import type { JobDetails, Lifecycle, PlanRef } from '../backup/types.js';
import { isJobState, isSuccessCategory } from '../domain/index.js';
import { formatTime } from '../time/labels.js';
import { formatCount, formatPercent } from './format.js';
import { fieldsSection } from './kit.js';
import { DISPLAY_ORDER, displayState, lookOf } from './states.js';
import { code, mrkdwnText } from './text.js';

/** How much of each value a details view shows: its builder steps down until the message fits. */
export interface DetailLimits {
  /** A field's value (Slack allows 2,000). */
  field: number;
  /** One ARN. */
  arn: number;
  /** A status or validation message. */
  message: number;
}

export const DETAIL_LEVELS: readonly DetailLimits[] = [
  { field: 300, arn: 600, message: 2400 },
  { field: 150, arn: 300, message: 1000 },
  { field: 60, arn: 120, message: 300 },
];

/** What a kind's builder is given. */
export interface DetailContext {
  timeZone: string;
  now: Date;
  max: DetailLimits;
}

export type Field = [label: string, value: string | undefined];

/** `*Label*\nvalue` for each field that has a value. */
export function fields(list: Field[]): string[] {
  return list.filter(([, v]) => v !== undefined && v !== '').map(([label, v]) => `*${label}*\n${v}`);
}

/**
 * A group of fields under a heading (`*Destination*`), with an optional note below the heading;
 * undefined when it has nothing to show.
 */
export function group(
  blockId: string,
  list: Field[],
  heading?: string,
  note?: string,
): KnownBlock | undefined {
  const shown = fields(list);
  if (shown.length === 0 && !note) return undefined;
  const text = [heading ? `*${heading}*` : undefined, note].filter(Boolean).join('\n');
  return fieldsSection(shown, blockId, text || undefined);
}

/** A name with its id below it, or whichever of the two there is. */
export function idOrName(name: string | undefined, id: string | undefined, max: number): string | undefined {
  if (!name && !id) return undefined;
  if (name && id && name !== id) return `${mrkdwnText(name, max / 2)}\n${code(id, max / 2)}`;
  return code(name ?? id ?? '', max);
}

export function timeOf(ctx: DetailContext) {
  return (iso: string | undefined) =>
    iso === undefined ? undefined : formatTime(iso, ctx.timeZone, ctx.now);
}

/** `:red_circle: Failed · 42% done` while it runs. */
export function stateValue(job: JobDetails): string {
  const look = lookOf(displayState(job));
  const percent = job.completedAt === undefined ? formatPercent(job.percentDone) : undefined;
  return `${look.emoji} ${look.label}${percent ? ` · ${percent} done` : ''}`;
}

function days(n: number): string {
  return `${formatCount(n)} day${n === 1 ? '' : 's'}`;
}

export function lifecycleText(life: Lifecycle | undefined): string | undefined {
  if (!life) return undefined;
  const parts = [
    life.coldStorageAfterDays === undefined
      ? undefined
      : `cold storage after ${days(life.coldStorageAfterDays)}`,
    life.deleteAfterDays === undefined ? undefined : `deleted after ${days(life.deleteAfterDays)}`,
    life.deleteAfterEvent === undefined ? undefined : `deleted on ${mrkdwnText(life.deleteAfterEvent, 80)}`,
    life.archiveForSupportedResources === undefined
      ? undefined
      : `archive ${life.archiveForSupportedResources ? 'opted in' : 'not opted in'}`,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** The backup plan's rule schedule: `` `cron(0 5 ? * * *)` in Europe/Berlin ``. */
export function scheduleText(plan: PlanRef | undefined): string | undefined {
  if (!plan?.ruleCron) return undefined;
  return `${code(plan.ruleCron, 120)}${plan.ruleTimezone ? ` in ${mrkdwnText(plan.ruleTimezone, 60)}` : ''}`;
}

/** The long identifiers, each on its own lines. */
export function arnLines(list: [label: string, arn: string | undefined][], max: number): string | undefined {
  const lines = fields(list.map(([label, arn]): Field => [label, arn ? code(arn, max) : undefined]));
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** The status message with its category, when AWS gave one. */
export function statusText(job: JobDetails, max: number): string | undefined {
  const message = (job.statusMessage ?? '').trim();
  const category = job.messageCategory?.trim();
  if (!message && (!category || isSuccessCategory(category))) return undefined;
  const head = `*Status message*${category ? ` · category ${code(category, 120)}` : ''}`;
  return message ? `${head}\n> ${mrkdwnText(message, max)}` : head;
}

/** Child job counts by state for a parent job: `45,000 child jobs: 🟢 3,000 completed · …`. */
export function childrenText(job: JobDetails): string | undefined {
  const count = job.kind === 'restore' ? undefined : job.childJobCount;
  if (!job.isParent && count === undefined) return undefined;
  const byState: Readonly<Record<string, number>> = (job.kind !== 'restore' && job.childJobsInState) || {};
  const known = DISPLAY_ORDER.filter(isJobState);
  const others = Object.keys(byState).filter((s) => !isJobState(s));
  const counts = [...known, ...others].map((s) => [s, byState[s] ?? 0] as const).filter(([, n]) => n > 0);
  if (count === undefined && counts.length === 0)
    return '*Child jobs:* this is a parent job, *List child jobs* shows them';
  const total = count ?? counts.reduce((sum, [, n]) => sum + n, 0);
  const parts = counts.map(
    ([s, n]) => `${lookOf(s).emoji} ${formatCount(n)} ${lookOf(s).label.toLowerCase()}`,
  );
  return `*Child jobs:* ${formatCount(total)}${parts.length > 0 ? `\n${parts.join(' · ')}` : ''}`;
}
