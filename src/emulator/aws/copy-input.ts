import { randomUUID } from 'node:crypto';
import { guessType, recoveryPointArn } from './arns.js';
import { copiedPointArn, copyContext } from './copy-job.js';
import { defaultCopyOutcome } from './copy-outcomes.js';
import type { CopyTarget, DrLayout } from './dr-layout.js';
import { optionalDate } from './job-input.js';
import type { AwsCopyJob, AwsCopyJobInput } from './job-types.js';
import { createRng, type Rng } from './prng.js';
import { kindOf, RESOURCE_KINDS, type ResourceKind } from './resource-kinds.js';
import type { AwsBackupJob } from './types.js';

/** A partial copy job as it arrives, fields possibly present but undefined. */
export type PartialCopyInput = { [K in keyof AwsCopyJobInput]?: AwsCopyJobInput[K] | undefined };

/** What defaults are drawn from: the organisation, the clock and the backup jobs held now. */
export interface KindDefaults {
  account: string;
  region: string;
  now: Date;
  layout: DrLayout;
  /** The backup job with this id, in `region` or else in any Region. */
  backupJob(id: string, region?: string): AwsBackupJob | undefined;
  /** The backup job that made this recovery point. */
  backupOfPoint(arn: string, region?: string): AwsBackupJob | undefined;
}

const MINUTE_MS = 60_000;
const VAULT_ARN = /^arn:aws[a-z-]*:backup:([a-z0-9-]+):(\d{12}):backup-vault:(.+)$/;

/** The backup job a copy is of: named by CreatedByBackupJobId or by its recovery point. */
function sourceOf(input: PartialCopyInput, d: KindDefaults): AwsBackupJob | undefined {
  if (input.CreatedByBackupJobId) return d.backupJob(input.CreatedByBackupJobId, input.Region);
  if (input.SourceRecoveryPointArn) return d.backupOfPoint(input.SourceRecoveryPointArn, input.Region);
  return undefined;
}

/** A stand-in backup job for a copy whose source is not held: realistic names for its type. */
function madeUpSource(input: PartialCopyInput, d: KindDefaults, rng: Rng): AwsBackupJob {
  const region = input.Region ?? d.region;
  const account = input.AccountId ?? d.account;
  const type = input.ResourceType ?? guessType(input.ResourceArn);
  const kind = kindOf(type) ?? (RESOURCE_KINDS[0] as ResourceKind);
  const made = kind.resource({ account, region, base: 'adhoc', rng });
  const created = d.now.getTime() - 2 * 3_600_000;
  return {
    Region: region,
    AccountId: account,
    BackupJobId: randomUUID().toUpperCase(),
    BackupVaultName: 'Default',
    BackupVaultArn: `arn:aws:backup:${region}:${account}:backup-vault:Default`,
    RecoveryPointArn: recoveryPointArn(type, region, account, rng),
    ResourceArn: input.ResourceArn ?? made.arn,
    ResourceName: input.ResourceName ?? made.name,
    ResourceType: type,
    CreationDate: new Date(created),
    CompletionDate: new Date(created + 20 * MINUTE_MS),
    State: 'COMPLETED',
    BackupSizeInBytes: 10 * 2 ** 30,
    IamRoleArn: `arn:aws:iam::${account}:role/service-role/AWSBackupDefaultServiceRole`,
    IsParent: false,
  };
}

function targetOf(input: PartialCopyInput, source: AwsBackupJob, d: KindDefaults): CopyTarget {
  const planned =
    d.layout.target(source.CreatedBy?.BackupPlanName, source.Region, source.AccountId) ??
    d.layout.defaultTarget(source.Region, source.AccountId);
  const m = input.DestinationBackupVaultArn ? VAULT_ARN.exec(input.DestinationBackupVaultArn) : null;
  if (!m || !input.DestinationBackupVaultArn) return planned;
  const [, region = '', account = '', name = ''] = m;
  const vault = d.layout.vault(region, account, name) ?? {
    ...planned.vault,
    BackupVaultName: name,
    BackupVaultArn: input.DestinationBackupVaultArn,
    Locked: false,
  };
  return { region, account, vault, lifecycle: planned.lifecycle };
}

/**
 * A full copy job from a partial one. Named by `CreatedByBackupJobId` (or `SourceRecoveryPointArn`)
 * of a backup job the emulator holds, the copy takes that job's account, Region, resource, vaults and
 * plan; otherwise it gets a made-up source. The destination is the plan's copy rule's, unless given.
 */
export function completeCopyJob(input: PartialCopyInput, d: KindDefaults): AwsCopyJob {
  const rng = createRng((Math.random() * 2 ** 32) >>> 0);
  const source = sourceOf(input, d) ?? madeUpSource(input, d, rng);
  const target = targetOf(input, source, d);
  const now = d.now.getTime();
  const after = (source.CompletionDate?.getTime() ?? now - 3_600_000) + 3 * MINUTE_MS;
  const created =
    optionalDate(input.CreationDate, 'CreationDate') ?? new Date(Math.min(after, now - MINUTE_MS));
  const state = input.State ?? 'COMPLETED';
  const running = state === 'CREATED' || state === 'RUNNING';
  const ended = new Date(Math.min(created.getTime() + 20 * MINUTE_MS, Math.max(created.getTime(), now)));
  const vault = target.vault;
  const job: AwsCopyJob = {
    Region: input.Region ?? source.Region,
    AccountId: input.AccountId ?? source.AccountId,
    CopyJobId: input.CopyJobId ?? randomUUID().toUpperCase(),
    SourceBackupVaultArn: input.SourceBackupVaultArn ?? source.BackupVaultArn,
    SourceRecoveryPointArn:
      input.SourceRecoveryPointArn ??
      source.RecoveryPointArn ??
      recoveryPointArn(source.ResourceType, source.Region, source.AccountId, rng),
    DestinationBackupVaultArn: vault.BackupVaultArn,
    DestinationVaultType: vault.VaultType,
    DestinationVaultLockState: vault.Locked ? 'LOCKED' : 'UNLOCKED',
    ...(vault.EncryptionKeyArn ? { DestinationEncryptionKeyArn: vault.EncryptionKeyArn } : {}),
    DestinationRecoveryPointLifecycle: { ...target.lifecycle },
    ResourceArn: input.ResourceArn ?? source.ResourceArn,
    ...(source.ResourceName ? { ResourceName: source.ResourceName } : {}),
    ResourceType: input.ResourceType ?? source.ResourceType,
    CreationDate: created,
    State: state,
    BackupSizeInBytes: source.BackupSizeInBytes ?? 10 * 2 ** 30,
    ...(source.IamRoleArn ? { IamRoleArn: source.IamRoleArn } : {}),
    ...(source.CreatedBy ? { CreatedBy: source.CreatedBy } : {}),
    CreatedByBackupJobId: input.CreatedByBackupJobId ?? source.BackupJobId,
    IsParent: input.IsParent ?? false,
  };
  const completion = optionalDate(input.CompletionDate, 'CompletionDate') ?? (running ? undefined : ended);
  if (completion) job.CompletionDate = completion;
  if (input.MessageCategory === undefined) {
    const outcome = defaultCopyOutcome(state, copyContext(source, target, d.layout, created.getTime(), now));
    if (outcome) job.MessageCategory = outcome.category;
    if (outcome?.message && input.StatusMessage === undefined) job.StatusMessage = outcome.message;
  }
  if (state === 'COMPLETED' && input.DestinationRecoveryPointArn === undefined) {
    job.DestinationRecoveryPointArn = copiedPointArn(job.ResourceType, target, rng);
  }
  // The remaining given fields are plain AWS fields: they override the defaults unchanged.
  const open = job as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key !== 'CreationDate' && key !== 'CompletionDate') open[key] = value;
  }
  return job;
}
