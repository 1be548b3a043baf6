/** What the column tables of every kind are made of. */

import type { Lifecycle, PlanRef } from '../backup/types.js';
import { yesNo } from '../blocks/format.js';

export type Cell = string | number | undefined;

/** A CSV column: its header and how a job's value is read. */
export type Column<J> = readonly [name: string, value: (job: J) => Cell];

/** Seconds from creation to completion; empty while the job runs. */
export function durationSeconds(job: { createdAt: string; completedAt?: string }): number | undefined {
  if (!job.completedAt) return undefined;
  return Math.max(0, Math.round((Date.parse(job.completedAt) - Date.parse(job.createdAt)) / 1000));
}

/** The ids of a job's backup plan and rule (their names come earlier, with the columns people filter on). */
export function planColumns<J>(plan: (job: J) => PlanRef | undefined): Column<J>[] {
  return [
    ['BackupPlanId', (j) => plan(j)?.id],
    ['BackupPlanArn', (j) => plan(j)?.arn],
    ['BackupPlanVersion', (j) => plan(j)?.version],
    ['BackupRuleId', (j) => plan(j)?.ruleId],
    ['BackupRuleCron', (j) => plan(j)?.ruleCron],
    ['BackupRuleTimezone', (j) => plan(j)?.ruleTimezone],
  ];
}

/** A recovery point's lifecycle, each column named as AWS names the member, after `prefix`. */
export function lifecycleColumns<J>(prefix: string, life: (job: J) => Lifecycle | undefined): Column<J>[] {
  return [
    [`${prefix}MoveToColdStorageAfterDays`, (j) => life(j)?.coldStorageAfterDays],
    [`${prefix}DeleteAfterDays`, (j) => life(j)?.deleteAfterDays],
    [`${prefix}OptInToArchiveForSupportedResources`, (j) => yesNo(life(j)?.archiveForSupportedResources)],
    [`${prefix}DeleteAfterEvent`, (j) => life(j)?.deleteAfterEvent],
  ];
}

/** `key=value` pairs separated by `;`: backup options, child jobs by state. */
export function pairs(record: Readonly<Record<string, string | number>> | undefined): string | undefined {
  if (record === undefined) return undefined;
  return Object.entries(record)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}
