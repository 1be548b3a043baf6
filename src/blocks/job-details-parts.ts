import type { BackupJobDetails } from '../backup/types.js';
import { isJobState, isSuccessCategory } from '../domain/index.js';
import { formatTime } from '../time/labels.js';
import { formatBytes, formatCount, formatPercent } from './format.js';
import { progressText } from './job-lines.js';
import { DISPLAY_ORDER, displayState, lookOf } from './states.js';
import { code, mrkdwnText } from './text.js';

/** Each field's value is cut to this many characters (Slack allows 2,000). */
const FIELD_MAX = 300;
const ARN_MAX = 600;

type Field = [label: string, value: string | undefined];

function fields(list: Field[]): string[] {
  return list.filter(([, v]) => v !== undefined && v !== '').map(([label, v]) => `*${label}*\n${v}`);
}

function idOrName(name: string | undefined, id: string | undefined): string | undefined {
  if (!name && !id) return undefined;
  if (name && id && name !== id) return `${mrkdwnText(name, FIELD_MAX / 2)}\n${code(id, FIELD_MAX / 2)}`;
  return code(name ?? id ?? '', FIELD_MAX);
}

/** What the job is and where it lives: state, resource, account, region, vault, sizes. */
export function whatFields(job: BackupJobDetails, now: Date): string[] {
  const look = lookOf(displayState(job));
  const percent = job.completedAt === undefined ? formatPercent(job.percentDone) : undefined;
  return fields([
    ['State', `${look.emoji} ${look.label}${percent ? ` · ${percent} done` : ''}`],
    ['Resource', job.resourceName ? code(job.resourceName, FIELD_MAX) : undefined],
    ['Resource type', job.resourceType ? mrkdwnText(job.resourceType, 100) : undefined],
    ['Account', code(job.accountId, 100)],
    ['Region', mrkdwnText(job.region, 100)],
    ['Vault', job.vaultName ? code(job.vaultName, FIELD_MAX) : undefined],
    ['Backup type', job.backupType ? mrkdwnText(job.backupType, 100) : undefined],
    ['Size', job.sizeBytes === undefined ? undefined : formatBytes(job.sizeBytes)],
    ['Transferred', job.bytesTransferred === undefined ? undefined : formatBytes(job.bytesTransferred)],
    ['Duration', progressText(job, now, false) || undefined],
  ]);
}

/** When: created, started, start-by, expected and completed times in the person's zone. */
export function whenFields(job: BackupJobDetails, timeZone: string, now: Date): string[] {
  const at = (iso: string | undefined) => (iso === undefined ? undefined : formatTime(iso, timeZone, now));
  return fields([
    ['Created', at(job.createdAt)],
    ['Started', at(job.initiatedAt)],
    ['Start by', job.completedAt === undefined ? at(job.startBy) : undefined],
    ['Expected completion', job.completedAt === undefined ? at(job.expectedCompletionAt) : undefined],
    ['Completed', at(job.completedAt)],
    ['Backup plan', idOrName(job.plan?.name, job.plan?.id)],
    ['Backup rule', idOrName(job.plan?.ruleName, job.plan?.ruleId)],
  ]);
}

function days(n: number): string {
  return `${formatCount(n)} day${n === 1 ? '' : 's'}`;
}

function lifecycleText(life: BackupJobDetails['lifecycle']): string | undefined {
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

function optionsText(options: BackupJobDetails['backupOptions']): string | undefined {
  const entries = Object.entries(options ?? {});
  if (entries.length === 0) return undefined;
  return entries
    .slice(0, 8)
    .map(([k, v]) => `${code(k, 60)}: ${mrkdwnText(v, 60)}`)
    .join('\n');
}

/** How the recovery point is kept: vault type and lock, encryption, lifecycle, options, the plan's rule. */
export function protectionFields(job: BackupJobDetails): string[] {
  const schedule = job.plan?.ruleCron
    ? `${code(job.plan.ruleCron, 120)}${job.plan.ruleTimezone ? ` in ${mrkdwnText(job.plan.ruleTimezone, 60)}` : ''}`
    : undefined;
  return fields([
    ['Vault type', job.vaultType ? mrkdwnText(job.vaultType, 100) : undefined],
    ['Vault lock', job.vaultLockState ? mrkdwnText(job.vaultLockState, 100) : undefined],
    ['Encrypted', job.isEncrypted === undefined ? undefined : job.isEncrypted ? 'yes' : 'no'],
    ['Lifecycle', lifecycleText(job.lifecycle)],
    ['Backup options', optionsText(job.backupOptions)],
    ['Plan version', job.plan?.version ? code(job.plan.version, 120) : undefined],
    ['Rule schedule', schedule],
  ]);
}

/** The long identifiers, each on its own lines: resource, recovery point, IAM role, plan ARN. */
export function arnLines(job: BackupJobDetails): string | undefined {
  const list: Field[] = [
    ['Resource ARN', job.resourceArn ? code(job.resourceArn, ARN_MAX) : undefined],
    ['Recovery point', job.recoveryPointArn ? code(job.recoveryPointArn, ARN_MAX) : undefined],
    ['Vault ARN', job.vaultArn ? code(job.vaultArn, ARN_MAX) : undefined],
    ['Encryption key', job.encryptionKeyArn ? code(job.encryptionKeyArn, ARN_MAX) : undefined],
    ['IAM role', job.iamRoleArn ? code(job.iamRoleArn, ARN_MAX) : undefined],
    ['Backup plan ARN', job.plan?.arn ? code(job.plan.arn, ARN_MAX) : undefined],
  ];
  const lines = fields(list);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** The status message with its category, when AWS gave one. */
export function statusText(job: BackupJobDetails): string | undefined {
  const message = (job.statusMessage ?? '').trim();
  const category = job.messageCategory?.trim();
  if (!message && (!category || isSuccessCategory(category))) return undefined;
  const head = `*Status message*${category ? ` · category ${code(category, 120)}` : ''}`;
  return message ? `${head}\n> ${mrkdwnText(message, 2400)}` : head;
}

/** Child job counts by state for a parent job: `45,000 child jobs: 🟢 3,000 completed · …`. */
export function childrenText(job: BackupJobDetails): string | undefined {
  if (!job.isParent && job.childJobCount === undefined) return undefined;
  const byState: Readonly<Record<string, number>> = job.childJobsInState ?? {};
  const known = DISPLAY_ORDER.filter(isJobState);
  const others = Object.keys(byState).filter((s) => !isJobState(s));
  const counts = [...known, ...others].map((s) => [s, byState[s] ?? 0] as const).filter(([, n]) => n > 0);
  const total = job.childJobCount ?? counts.reduce((sum, [, n]) => sum + n, 0);
  const parts = counts.map(
    ([s, n]) => `${lookOf(s).emoji} ${formatCount(n)} ${lookOf(s).label.toLowerCase()}`,
  );
  return `*Child jobs:* ${formatCount(total)}${parts.length > 0 ? `\n${parts.join(' · ')}` : ''}`;
}
