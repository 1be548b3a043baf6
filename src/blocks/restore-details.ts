import type { KnownBlock } from '@slack/types';
import type { RestoreJob } from '../backup/types.js';
import { formatDuration, UNIT_MS } from '../time/duration.js';
import { formatBytes } from './format.js';
import { arnLines, type DetailContext, group, stateValue, timeOf } from './job-details-parts.js';
import { progressText, resourceLabel } from './job-lines.js';
import { validationWords } from './kind-lines.js';
import { code, mrkdwnText } from './text.js';

/** The last part of an ARN, as a short name for a field (the whole ARN is in the ARN lines). */
function arnName(arn: string | undefined, max: number): string | undefined {
  return arn ? code(resourceLabel({ resourceArn: arn, jobId: '' }), max) : undefined;
}

function quote(message: string | undefined, max: number): string | undefined {
  const text = message?.trim();
  return text ? `> ${mrkdwnText(text, max)}` : undefined;
}

/**
 * A restore job's fields: what was restored from which recovery point into what (Restore), how a
 * restore test's validation went, when it ran against what AWS expected, and whether the restored
 * resource has been deleted since (restore tests delete theirs).
 */
export function restoreGroups(job: RestoreJob, ctx: DetailContext): KnownBlock[] {
  const at = timeOf(ctx);
  const { field, message } = ctx.max;
  const expected =
    job.expectedMinutes === undefined ? undefined : formatDuration(job.expectedMinutes * UNIT_MS.minute);
  const blocks = [
    group(
      'bj_details_what',
      [
        ['State', stateValue(job)],
        ['Resource', arnName(job.resourceArn, field)],
        ['Resource type', job.resourceType ? mrkdwnText(job.resourceType, 100) : undefined],
        ['Account', code(job.accountId, 100)],
        ['Region', mrkdwnText(job.region, 100)],
        ['Vault', job.vaultName ? code(job.vaultName, field) : undefined],
        ['Size', job.sizeBytes === undefined ? undefined : formatBytes(job.sizeBytes)],
        ['Restored as', arnName(job.createdResourceArn, field)],
      ],
      'Restore',
    ),
    group(
      'bj_details_validation',
      [
        ['Restore testing plan', arnName(job.testingPlanArn, field)],
        ['Outcome', job.validationStatus ? validationWords(job.validationStatus) : undefined],
      ],
      'Restore test validation',
      quote(job.validationMessage, message),
    ),
    group(
      'bj_details_when',
      [
        ['Created', at(job.createdAt)],
        ['Completed', at(job.completedAt)],
        ['Duration', progressText(job, ctx.now, false) || undefined],
        ['Expected duration', expected],
        ['Recovery point created', at(job.recoveryPointCreatedAt)],
      ],
      'Timing',
    ),
    group(
      'bj_details_deletion',
      [['Status', job.deletionStatus ? mrkdwnText(job.deletionStatus, 100) : undefined]],
      'Deletion',
      quote(job.deletionMessage, message),
    ),
  ];
  return blocks.filter((b): b is KnownBlock => b !== undefined);
}

/** Source and restored resources, recovery point, vault, testing plan and IAM role ARNs. */
export function restoreArns(job: RestoreJob, max: number): string | undefined {
  return arnLines(
    [
      ['Source resource ARN', job.resourceArn],
      ['Restored resource ARN', job.createdResourceArn],
      ['Recovery point', job.recoveryPointArn],
      ['Vault ARN', job.vaultArn],
      ['Restore testing plan ARN', job.testingPlanArn],
      ['IAM role', job.iamRoleArn],
    ],
    max,
  );
}
