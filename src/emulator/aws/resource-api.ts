import type { EmulatorContext } from './context.js';
import type { PartialCopyInput } from './copy-input.js';
import type { SeededGaps } from './gaps.js';
import type { PartialJobInput } from './job-input.js';
import type { AwsCopyJob } from './job-types.js';
import type { ProtectedResource } from './protected-index.js';
import type { AwsBackupJob } from './types.js';

/** What `recover` added: a backup job, and a copy where the resource's copies went before. */
export interface Recovery {
  job: AwsBackupJob;
  copyJob?: AwsCopyJob;
  /** The resource as ListProtectedResources now lists it in its own account and Region. */
  resource: ProtectedResource;
}

/** Protected resources and their gaps, for the admin API and the emulator's own API. */
export interface ResourceApi {
  protectedResources(account?: string, region?: string): ProtectedResource[];
  /** ARNs made stale and not recovered since. */
  staleResources(): string[];
  makeStale(resourceArn: string): ProtectedResource;
  recover(resourceArn: string): Recovery;
  seededGaps(): SeededGaps;
}

/** `makeStale` or `recover` named a resource with no recovery point of its own. */
export class UnknownResourceError extends Error {}

const MINUTE_MS = 60_000;

interface Adders {
  addJobs(partials: PartialJobInput[]): AwsBackupJob[];
  addCopyJobs(partials: PartialCopyInput[]): AwsCopyJob[];
}

export function resourceApi(
  ctx: EmulatorContext,
  gaps: SeededGaps,
  clock: () => Date,
  add: Adders,
): ResourceApi {
  const stale = new Set<string>();
  const home = (arn: string): ProtectedResource => {
    const found = ctx.protected.home(arn);
    if (!found) {
      throw new UnknownResourceError(
        `No resource with the ARN ${arn} has a recovery point of its own: give a ResourceArn that ListProtectedResources lists.`,
      );
    }
    return found;
  };
  return {
    protectedResources: (account, region) =>
      ctx.protected
        .all()
        .filter(
          (r) =>
            (account === undefined || r.AccountId === account) &&
            (region === undefined || r.Region === region),
        ),
    staleResources: () => [...stale].sort(),
    makeStale(arn) {
      const found = home(arn);
      stale.add(arn);
      return found;
    },
    recover(arn) {
      const before = home(arn);
      const last = ctx.store
        .list(`n|${before.Region}|${arn}`)
        .find((s) => s.job.RecoveryPointArn === before.LastRecoveryPointArn)?.job;
      const now = clock().getTime();
      const [job] = add.addJobs([
        {
          Region: before.Region,
          AccountId: before.AccountId,
          ResourceArn: arn,
          ResourceType: before.ResourceType,
          ...(before.ResourceName ? { ResourceName: before.ResourceName } : {}),
          BackupVaultName: last?.BackupVaultName ?? 'Default',
          ...(last?.IamRoleArn ? { IamRoleArn: last.IamRoleArn } : {}),
          ...(last?.CreatedBy ? { CreatedBy: last.CreatedBy } : {}),
          ...(last?.BackupSizeInBytes ? { BackupSizeInBytes: last.BackupSizeInBytes } : {}),
          State: 'COMPLETED',
          CreationDate: new Date(now - 25 * MINUTE_MS),
          CompletionDate: new Date(now - 10 * MINUTE_MS),
        },
      ]);
      const made = job as AwsBackupJob;
      const copiedTo = ctx.copies
        .list(`n|${before.Region}|${arn}`)
        .filter((s) => s.job.State === 'COMPLETED' && s.job.AccountId === before.AccountId)
        .at(-1)?.job.DestinationBackupVaultArn;
      const [copyJob] = copiedTo
        ? add.addCopyJobs([
            {
              Region: made.Region,
              CreatedByBackupJobId: made.BackupJobId,
              DestinationBackupVaultArn: copiedTo,
              State: 'COMPLETED',
              CreationDate: new Date(now - 8 * MINUTE_MS),
              CompletionDate: new Date(now - MINUTE_MS),
            },
          ])
        : [];
      stale.delete(arn);
      return { job: made, ...(copyJob ? { copyJob } : {}), resource: home(arn) };
    },
    seededGaps: () => structuredClone(gaps),
  };
}
