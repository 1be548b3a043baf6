import { randomUUID } from 'node:crypto';
import { guessType, recoveryPointArn } from './arns.js';
import { defaultOutcome } from './outcomes.js';
import { createRng } from './prng.js';
import { kindOf, RESOURCE_KINDS, type ResourceKind } from './resource-kinds.js';
import type { AwsBackupJob, AwsBackupJobInput, TimeInput } from './types.js';
import type { JobState } from './vocabulary.js';

/** A partial job as it arrives, fields possibly present but undefined. */
export type PartialJobInput = { [K in keyof AwsBackupJobInput]?: AwsBackupJobInput[K] | undefined };

/** What defaults are drawn from. */
export interface JobDefaults {
  account: string;
  region: string;
  now: Date;
}

const HOUR_MS = 3_600_000;
const RUNNING_STATES = new Set<JobState>(['CREATED', 'PENDING', 'RUNNING']);

/** A Date from a Date, an ISO-8601 string or epoch seconds; throws on anything else. */
export function toDate(value: TimeInput, field: string): Date {
  const date =
    value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  const shaped = typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}T/.test(value);
  if (!shaped || Number.isNaN(date.getTime())) {
    throw new Error(`${field} "${String(value)}" is not a time: give an ISO-8601 string or epoch seconds.`);
  }
  return date;
}

export function optionalDate(value: TimeInput | undefined, field: string): Date | undefined {
  return value === undefined ? undefined : toDate(value, field);
}

function percentFor(state: JobState): string {
  if (state === 'COMPLETED') return '100.0';
  return state === 'RUNNING' ? '42.0' : '0.0';
}

/** A full job from a partial one: missing fields get values that look like a real job's. */
export function completeJob(input: PartialJobInput, d: JobDefaults): AwsBackupJob {
  const rng = createRng((Math.random() * 2 ** 32) >>> 0);
  const region = input.Region ?? d.region;
  const account = input.AccountId ?? d.account;
  const type = input.ResourceType ?? guessType(input.ResourceArn);
  const kind = kindOf(type) ?? (RESOURCE_KINDS[0] as ResourceKind);
  const made = kind.resource({ account, region, base: 'adhoc', rng });
  const arn = input.ResourceArn ?? made.arn;
  const name = input.ResourceName ?? (input.ResourceArn ? arn.split(/[:/]/).pop() : made.name) ?? arn;
  const state = input.State ?? 'COMPLETED';
  const created = optionalDate(input.CreationDate, 'CreationDate') ?? new Date(d.now.getTime() - HOUR_MS);
  const finishedAt = RUNNING_STATES.has(state)
    ? undefined
    : new Date(Math.min(created.getTime() + HOUR_MS / 3, Math.max(created.getTime(), d.now.getTime())));
  const vault = input.BackupVaultName ?? 'Default';
  const role = input.IamRoleArn ?? `arn:aws:iam::${account}:role/service-role/AWSBackupDefaultServiceRole`;
  const done = state === 'COMPLETED';
  const size = done ? 10 * 2 ** 30 : 0;
  const job: AwsBackupJob = {
    Region: region,
    AccountId: account,
    BackupJobId: input.BackupJobId ?? randomUUID().toUpperCase(),
    BackupVaultName: vault,
    BackupVaultArn: input.BackupVaultArn ?? `arn:aws:backup:${region}:${account}:backup-vault:${vault}`,
    VaultType: input.VaultType ?? 'BACKUP_VAULT',
    ResourceArn: arn,
    ResourceName: name,
    ResourceType: type,
    State: state,
    CreationDate: created,
    StartBy: optionalDate(input.StartBy, 'StartBy') ?? new Date(created.getTime() + 8 * HOUR_MS),
    InitiationDate: optionalDate(input.InitiationDate, 'InitiationDate') ?? created,
    PercentDone: input.PercentDone ?? percentFor(state),
    BackupSizeInBytes: input.BackupSizeInBytes ?? size,
    BytesTransferred: input.BytesTransferred ?? Math.round(size * 0.1),
    IamRoleArn: role,
    IsParent: input.IsParent ?? false,
  };
  const completion = optionalDate(input.CompletionDate, 'CompletionDate') ?? finishedAt;
  if (completion) job.CompletionDate = completion;
  const expected = optionalDate(input.ExpectedCompletionDate, 'ExpectedCompletionDate');
  if (expected) job.ExpectedCompletionDate = expected;
  if (input.MessageCategory === undefined) {
    const outcome = defaultOutcome(state, { type, arn, name, account, region, role });
    if (outcome) job.MessageCategory = outcome.category;
    if (outcome?.message && input.StatusMessage === undefined) job.StatusMessage = outcome.message;
  }
  if (done && input.RecoveryPointArn === undefined) {
    job.RecoveryPointArn = recoveryPointArn(type, region, account, rng);
  }
  // The remaining given fields are plain AWS fields: pass them through unchanged.
  const open = job as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !(key in open)) open[key] = value;
  }
  return job;
}
