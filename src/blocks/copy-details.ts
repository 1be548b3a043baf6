import type { KnownBlock } from '@slack/types';
import type { CopyJob } from '../backup/types.js';
import { formatBytes } from './format.js';
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

/**
 * A copy job's fields: what is copied, from where (Source) to where (Destination), how the copy is
 * kept (Protection), the plan behind it and when it ran.
 */
export function copyGroups(job: CopyJob, ctx: DetailContext): KnownBlock[] {
  const at = timeOf(ctx);
  const { field } = ctx.max;
  const blocks = [
    group('bj_details_what', [
      ['State', stateValue(job)],
      ['Resource', job.resourceName ? code(job.resourceName, field) : undefined],
      ['Resource type', job.resourceType ? mrkdwnText(job.resourceType, 100) : undefined],
      ['Size', job.sizeBytes === undefined ? undefined : formatBytes(job.sizeBytes)],
    ]),
    group(
      'bj_details_source',
      [
        ['Vault', job.sourceVaultName ? code(job.sourceVaultName, field) : undefined],
        ['Account', code(job.accountId, 100)],
        ['Region', mrkdwnText(job.region, 100)],
        ['Backup job', job.backupJobId ? code(job.backupJobId, field) : undefined],
        [
          'Composite member',
          job.compositeMemberIdentifier ? code(job.compositeMemberIdentifier, field) : undefined,
        ],
      ],
      'Source',
    ),
    group(
      'bj_details_destination',
      [
        ['Vault', job.destinationVaultName ? code(job.destinationVaultName, field) : undefined],
        ['Account', job.destinationAccountId ? code(job.destinationAccountId, 100) : undefined],
        ['Region', job.destinationRegion ? mrkdwnText(job.destinationRegion, 100) : undefined],
      ],
      'Destination',
    ),
    group(
      'bj_details_protection',
      [
        ['Vault type', job.destinationVaultType ? mrkdwnText(job.destinationVaultType, 100) : undefined],
        [
          'Vault lock',
          job.destinationVaultLockState ? mrkdwnText(job.destinationVaultLockState, 100) : undefined,
        ],
        ['Lifecycle', lifecycleText(job.destinationLifecycle)],
      ],
      'Protection',
    ),
    group(
      'bj_details_plan',
      [
        ['Backup plan', idOrName(job.plan?.name, job.plan?.id, field)],
        ['Backup rule', idOrName(job.plan?.ruleName, job.plan?.ruleId, field)],
        ['Plan version', job.plan?.version ? code(job.plan.version, 120) : undefined],
        ['Rule schedule', scheduleText(job.plan)],
      ],
      'Plan',
    ),
    group(
      'bj_details_when',
      [
        ['Created', at(job.createdAt)],
        ['Completed', at(job.completedAt)],
        ['Duration', progressText(job, ctx.now, false) || undefined],
      ],
      'Timing',
    ),
  ];
  return blocks.filter((b): b is KnownBlock => b !== undefined);
}

/** Resource, both vaults, both recovery points, the destination's key, IAM role and plan ARNs. */
export function copyArns(job: CopyJob, max: number): string | undefined {
  return arnLines(
    [
      ['Resource ARN', job.resourceArn],
      ['Source vault ARN', job.sourceVaultArn],
      ['Source recovery point', job.sourceRecoveryPointArn],
      ['Destination vault ARN', job.destinationVaultArn],
      ['Destination recovery point', job.destinationRecoveryPointArn],
      ['Destination encryption key', job.destinationEncryptionKeyArn],
      ['IAM role', job.iamRoleArn],
      ['Backup plan ARN', job.plan?.arn],
    ],
    max,
  );
}
