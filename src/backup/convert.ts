import type { Lifecycle as AwsLifecycle, RecoveryPointCreator } from '@aws-sdk/client-backup';
import type { AnyState } from '../domain/index.js';
import type { Lifecycle, PlanRef } from './types.js';

/** What each kind's converter shares: SDK values to the product's plain JSON. */

export function iso(date: Date | undefined): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** A state as AWS sent it; absent or empty is `UNKNOWN`, never a known state. */
export function toState(value: string | undefined): AnyState {
  return value === undefined || value === '' ? 'UNKNOWN' : value;
}

export function num(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Copies only defined values, so optional fields stay absent (exactOptionalPropertyTypes). */
type Loose<T> = { [K in keyof T]: T[K] | undefined };

export function defined<T extends object>(value: Loose<T>): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

export function toLifecycle(life: AwsLifecycle | undefined): Lifecycle | undefined {
  if (!life) return undefined;
  return nonEmpty(
    defined<Lifecycle>({
      coldStorageAfterDays: num(life.MoveToColdStorageAfterDays),
      deleteAfterDays: num(life.DeleteAfterDays),
      archiveForSupportedResources: life.OptInToArchiveForSupportedResources,
      deleteAfterEvent: life.DeleteAfterEvent,
    }),
  );
}

export function toPlan(createdBy: RecoveryPointCreator | undefined): PlanRef | undefined {
  if (!createdBy) return undefined;
  return nonEmpty(
    defined<PlanRef>({
      id: createdBy.BackupPlanId,
      arn: createdBy.BackupPlanArn,
      name: createdBy.BackupPlanName,
      version: createdBy.BackupPlanVersion,
      ruleId: createdBy.BackupRuleId,
      ruleName: createdBy.BackupRuleName,
      ruleCron: createdBy.BackupRuleCron,
      ruleTimezone: createdBy.BackupRuleTimezone,
    }),
  );
}

export function childCounts(
  counts: Partial<Record<string, number>> | undefined,
): Readonly<Record<string, number>> | undefined {
  if (!counts) return undefined;
  const kept = Object.entries(counts).filter((entry): entry is [string, number] => Number.isFinite(entry[1]));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The parts of a backup vault ARN (`arn:aws:backup:eu-west-1:111122223333:backup-vault:dr-vault`). */
export function vaultArnParts(arn: string | undefined): {
  region?: string;
  accountId?: string;
  name?: string;
} {
  const parts = arn?.split(':') ?? [];
  if (parts.length < 7 || parts[0] !== 'arn' || parts[2] !== 'backup') return {};
  return defined({
    region: parts[3] || undefined,
    accountId: parts[4] || undefined,
    name: parts.slice(6).join(':') || undefined,
  });
}

/** The members BackupJob and CopyJob share, under the same AWS names. */
interface SharedAwsFields {
  AccountId?: string | undefined;
  State?: string | undefined;
  ResourceType?: string | undefined;
  ResourceName?: string | undefined;
  ResourceArn?: string | undefined;
  CreationDate?: Date | undefined;
  CompletionDate?: Date | undefined;
  BackupSizeInBytes?: number | undefined;
  StatusMessage?: string | undefined;
  MessageCategory?: string | undefined;
  IamRoleArn?: string | undefined;
  ParentJobId?: string | undefined;
  IsParent?: boolean | undefined;
}

/** The product fields of those shared members (undefined ones still to be dropped by `defined`). */
export function sharedFields(job: SharedAwsFields, region: string) {
  return {
    region,
    accountId: job.AccountId ?? '',
    state: toState(job.State),
    resourceType: job.ResourceType,
    resourceName: job.ResourceName,
    resourceArn: job.ResourceArn,
    createdAt: iso(job.CreationDate) ?? new Date(0).toISOString(),
    completedAt: iso(job.CompletionDate),
    sizeBytes: num(job.BackupSizeInBytes),
    statusMessage: job.StatusMessage,
    messageCategory: job.MessageCategory,
    iamRoleArn: job.IamRoleArn,
    parentJobId: job.ParentJobId,
    isParent: job.IsParent ?? false,
  };
}
