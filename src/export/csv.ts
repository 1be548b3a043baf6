import type { BackupJob } from '../backup/types.js';
import { stripInvisible } from '../blocks/text.js';
import { isCompletedWithIssues } from '../domain/index.js';

/** CSV columns, in order: a header people can read and every field worth filtering in a sheet. */
export const CSV_COLUMNS = [
  ['JobId', (j) => j.jobId],
  ['State', (j) => j.state],
  ['CompletedWithIssues', (j) => (isCompletedWithIssues(j) ? 'yes' : 'no')],
  ['ResourceName', (j) => j.resourceName],
  ['ResourceType', (j) => j.resourceType],
  ['ResourceArn', (j) => j.resourceArn],
  ['AccountId', (j) => j.accountId],
  ['Region', (j) => j.region],
  ['BackupVault', (j) => j.vaultName],
  ['CreatedAt', (j) => j.createdAt],
  ['CompletedAt', (j) => j.completedAt],
  ['DurationSeconds', (j) => durationSeconds(j)],
  ['SizeBytes', (j) => j.sizeBytes],
  ['PercentDone', (j) => j.percentDone],
  ['MessageCategory', (j) => j.messageCategory],
  ['StatusMessage', (j) => j.statusMessage],
  ['BackupPlan', (j) => j.plan?.name],
  ['BackupRule', (j) => j.plan?.ruleName],
  ['BackupType', (j) => j.backupType],
  ['ParentJobId', (j) => j.parentJobId],
  ['IsParent', (j) => (j.isParent ? 'yes' : 'no')],
  ['RecoveryPointArn', (j) => j.recoveryPointArn],
  ['IamRoleArn', (j) => j.iamRoleArn],
  // The rest of AWS's BackupJob, after the columns above (kept in their order for existing sheets).
  ['BackupVaultArn', (j) => j.vaultArn],
  ['VaultType', (j) => j.vaultType],
  ['VaultLockState', (j) => j.vaultLockState],
  ['IsEncrypted', (j) => (j.isEncrypted === undefined ? undefined : j.isEncrypted ? 'yes' : 'no')],
  ['EncryptionKeyArn', (j) => j.encryptionKeyArn],
  ['StartBy', (j) => j.startBy],
  ['ExpectedCompletionDate', (j) => j.expectedCompletionAt],
  ['InitiationDate', (j) => j.initiatedAt],
  ['BytesTransferred', (j) => j.bytesTransferred],
  ['BackupPlanId', (j) => j.plan?.id],
  ['BackupPlanArn', (j) => j.plan?.arn],
  ['BackupPlanVersion', (j) => j.plan?.version],
  ['BackupRuleId', (j) => j.plan?.ruleId],
  ['BackupRuleCron', (j) => j.plan?.ruleCron],
  ['BackupRuleTimezone', (j) => j.plan?.ruleTimezone],
  ['MoveToColdStorageAfterDays', (j) => j.lifecycle?.coldStorageAfterDays],
  ['DeleteAfterDays', (j) => j.lifecycle?.deleteAfterDays],
  [
    'OptInToArchiveForSupportedResources',
    (j) =>
      j.lifecycle?.archiveForSupportedResources === undefined
        ? undefined
        : j.lifecycle.archiveForSupportedResources
          ? 'yes'
          : 'no',
  ],
  ['DeleteAfterEvent', (j) => j.lifecycle?.deleteAfterEvent],
  [
    'BackupOptions',
    (j) =>
      j.backupOptions === undefined
        ? undefined
        : Object.entries(j.backupOptions)
            .map(([k, v]) => `${k}=${v}`)
            .join(';'),
  ],
] as const satisfies readonly (readonly [string, (job: BackupJob) => string | number | undefined])[];

function durationSeconds(job: BackupJob): number | undefined {
  if (!job.completedAt) return undefined;
  return Math.max(0, Math.round((Date.parse(job.completedAt) - Date.parse(job.createdAt)) / 1000));
}

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first, also
 * after leading spaces) is prefixed with a quote, and invisible characters are dropped: job data comes
 * from resource names anyone in the account can choose.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'string' ? stripInvisible(value) : String(value);
  if (typeof value === 'string' && /^[\s\u00A0]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

export function csvRows(jobs: readonly BackupJob[]): string {
  let out = '';
  for (const job of jobs) out += `${CSV_COLUMNS.map(([, get]) => csvCell(get(job))).join(',')}\r\n`;
  return out;
}

/** `backup-jobs-failed-last-3-days-2026-11-23.csv`: the query in a file name people recognise. */
export function csvFileName(queryText: string, now: Date): string {
  const slug = queryText
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `backup-jobs${slug ? `-${slug}` : ''}-${now.toISOString().slice(0, 10)}.csv`;
}
