import { randomUUID } from 'node:crypto';
import { guessType, recoveryPointArn } from './arns.js';
import type { KindDefaults } from './copy-input.js';
import { optionalDate } from './job-input.js';
import type { AwsRestoreJob, AwsRestoreJobInput } from './job-types.js';
import { createRng } from './prng.js';
import { kindOf, RESOURCE_KINDS, type ResourceKind } from './resource-kinds.js';
import { createdArnFor, expectedMinutes, type RestoreSource, sourceOfBackup } from './restore-job.js';
import {
  deletionFailure,
  type RestoreContext,
  restoreAborted,
  restoreFailure,
  validationFailure,
  validationTimeout,
} from './restore-outcomes.js';

/** A partial restore job as it arrives, fields possibly present but undefined. */
export type PartialRestoreInput = { [K in keyof AwsRestoreJobInput]?: AwsRestoreJobInput[K] | undefined };

const MINUTE_MS = 60_000;

function sourceOf(input: PartialRestoreInput, d: KindDefaults): RestoreSource {
  const held = input.RecoveryPointArn ? d.backupOfPoint(input.RecoveryPointArn, input.Region) : undefined;
  if (held) return sourceOfBackup(held);
  const rng = createRng((Math.random() * 2 ** 32) >>> 0);
  const region = input.Region ?? d.region;
  const account = input.AccountId ?? d.account;
  const type = input.ResourceType ?? guessType(input.SourceResourceArn);
  const kind = kindOf(type) ?? (RESOURCE_KINDS[0] as ResourceKind);
  const made = kind.resource({ account, region, base: 'adhoc', rng });
  return {
    region,
    account,
    recoveryPointArn: input.RecoveryPointArn ?? recoveryPointArn(type, region, account, rng),
    vaultArn: `arn:aws:backup:${region}:${account}:backup-vault:Default`,
    resourceArn: input.SourceResourceArn ?? made.arn,
    resourceType: type,
    resourceName: made.name,
    pointCreated: d.now.getTime() - 26 * 3_600_000,
    size: 10 * 2 ** 30,
  };
}

/**
 * A full restore job from a partial one. A `RecoveryPointArn` of a backup job the emulator holds
 * gives the restore that job's account, Region, resource, vault and size. A restore test
 * (`CreatedBy.RestoreTestingPlanArn`) that completed validated and deleted successfully unless told.
 */
export function completeRestoreJob(input: PartialRestoreInput, d: KindDefaults): AwsRestoreJob {
  const rng = createRng((Math.random() * 2 ** 32) >>> 0);
  const src = sourceOf(input, d);
  const now = d.now.getTime();
  const created = optionalDate(input.CreationDate, 'CreationDate') ?? new Date(now - 60 * MINUTE_MS);
  const status = input.Status ?? 'COMPLETED';
  const running = status === 'PENDING' || status === 'RUNNING';
  const ended = new Date(Math.min(created.getTime() + 25 * MINUTE_MS, Math.max(created.getTime(), now)));
  const test = input.CreatedBy?.RestoreTestingPlanArn !== undefined;
  const role =
    input.IamRoleArn ?? `arn:aws:iam::${src.account}:role/service-role/AWSBackupDefaultServiceRole`;
  const job: AwsRestoreJob = {
    Region: input.Region ?? src.region,
    AccountId: input.AccountId ?? src.account,
    RestoreJobId: input.RestoreJobId ?? randomUUID().toUpperCase(),
    RecoveryPointArn: src.recoveryPointArn,
    RecoveryPointCreationDate:
      optionalDate(input.RecoveryPointCreationDate, 'RecoveryPointCreationDate') ??
      new Date(src.pointCreated),
    SourceResourceArn: src.resourceArn,
    BackupVaultArn: src.vaultArn,
    CreationDate: created,
    Status: status,
    PercentDone: status === 'COMPLETED' ? '100.0' : status === 'RUNNING' ? '42.0' : '0.0',
    BackupSizeInBytes: src.size,
    IamRoleArn: role,
    ExpectedCompletionTimeMinutes: expectedMinutes(src.resourceType, src.size),
    ResourceType: input.ResourceType ?? src.resourceType,
    IsParent: false,
  };
  const completion = optionalDate(input.CompletionDate, 'CompletionDate') ?? (running ? undefined : ended);
  if (completion) job.CompletionDate = completion;
  const createdArn = input.CreatedResourceArn ?? createdArnFor(src, rng, test);
  if (status === 'COMPLETED') job.CreatedResourceArn = createdArn;
  const c: RestoreContext = {
    type: job.ResourceType,
    account: job.AccountId,
    region: job.Region,
    role,
    createdArn,
    name: createdArn.split(/[:/]/).pop() ?? createdArn,
  };
  if (status === 'FAILED') job.StatusMessage = restoreFailure(c, 1);
  if (status === 'ABORTED') job.StatusMessage = restoreAborted(c);
  const validation = input.ValidationStatus ?? (test && status === 'COMPLETED' ? 'SUCCESSFUL' : undefined);
  if (validation) job.ValidationStatus = validation;
  if (validation === 'FAILED') job.ValidationStatusMessage = validationFailure(c);
  if (validation === 'TIMED_OUT') job.ValidationStatusMessage = validationTimeout(4);
  const settled = validation === 'SUCCESSFUL' || validation === 'FAILED' || validation === 'TIMED_OUT';
  const deletion = input.DeletionStatus ?? (test && settled ? 'SUCCESSFUL' : undefined);
  if (deletion) job.DeletionStatus = deletion;
  if (deletion === 'FAILED') job.DeletionStatusMessage = deletionFailure(c);
  // The remaining given fields are plain AWS fields: they override the defaults unchanged.
  const open = job as unknown as Record<string, unknown>;
  const times = new Set(['CreationDate', 'CompletionDate', 'RecoveryPointCreationDate']);
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !times.has(key)) open[key] = value;
  }
  return job;
}
