import type { KnownBlock } from '@slack/types';
import type { BackupJobDetails } from '../backup/types.js';
import { formatBytes, yesNo } from './format.js';
import {
  arnLines,
  type DetailContext,
  group,
  idOrName,
  lifecycleText,
  scheduleText,
  stateValue,
  timeOf,
} from './job-details-parts.js';
import { progressText } from './job-lines.js';
import { code, mrkdwnText } from './text.js';

function optionsText(options: BackupJobDetails['backupOptions']): string | undefined {
  const entries = Object.entries(options ?? {});
  if (entries.length === 0) return undefined;
  return entries
    .slice(0, 8)
    .map(([k, v]) => `${code(k, 60)}: ${mrkdwnText(v, 60)}`)
    .join('\n');
}

/**
 * A backup job's fields: what it is and where it lives; when it ran and under which plan; how its
 * recovery point is kept.
 */
export function backupGroups(job: BackupJobDetails, ctx: DetailContext): KnownBlock[] {
  const at = timeOf(ctx);
  const { field } = ctx.max;
  const what = group('bj_details_what', [
    ['State', stateValue(job)],
    ['Resource', job.resourceName ? code(job.resourceName, field) : undefined],
    ['Resource type', job.resourceType ? mrkdwnText(job.resourceType, 100) : undefined],
    ['Account', code(job.accountId, 100)],
    ['Region', mrkdwnText(job.region, 100)],
    ['Vault', job.vaultName ? code(job.vaultName, field) : undefined],
    ['Backup type', job.backupType ? mrkdwnText(job.backupType, 100) : undefined],
    ['Size', job.sizeBytes === undefined ? undefined : formatBytes(job.sizeBytes)],
    ['Transferred', job.bytesTransferred === undefined ? undefined : formatBytes(job.bytesTransferred)],
    ['Duration', progressText(job, ctx.now, false) || undefined],
  ]);
  const when = group('bj_details_when', [
    ['Created', at(job.createdAt)],
    ['Started', at(job.initiatedAt)],
    ['Start by', job.completedAt === undefined ? at(job.startBy) : undefined],
    ['Expected completion', job.completedAt === undefined ? at(job.expectedCompletionAt) : undefined],
    ['Completed', at(job.completedAt)],
    ['Backup plan', idOrName(job.plan?.name, job.plan?.id, field)],
    ['Backup rule', idOrName(job.plan?.ruleName, job.plan?.ruleId, field)],
  ]);
  const protection = group('bj_details_protection', [
    ['Vault type', job.vaultType ? mrkdwnText(job.vaultType, 100) : undefined],
    ['Vault lock', job.vaultLockState ? mrkdwnText(job.vaultLockState, 100) : undefined],
    ['Encrypted', yesNo(job.isEncrypted)],
    ['Lifecycle', lifecycleText(job.lifecycle)],
    ['Backup options', optionsText(job.backupOptions)],
    ['Plan version', job.plan?.version ? code(job.plan.version, 120) : undefined],
    ['Rule schedule', scheduleText(job.plan)],
  ]);
  return [what, when, protection].filter((b): b is KnownBlock => b !== undefined);
}

/** Resource, recovery point, vault, key, IAM role and plan ARNs. */
export function backupArns(job: BackupJobDetails, max: number): string | undefined {
  return arnLines(
    [
      ['Resource ARN', job.resourceArn],
      ['Recovery point', job.recoveryPointArn],
      ['Vault ARN', job.vaultArn],
      ['Encryption key', job.encryptionKeyArn],
      ['IAM role', job.iamRoleArn],
      ['Backup plan ARN', job.plan?.arn],
    ],
    max,
  );
}
