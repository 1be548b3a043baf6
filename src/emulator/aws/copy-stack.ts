import { baseCopy, copyOf, finish } from './copy-job.js';
import type { CopyTarget, DrLayout } from './dr-layout.js';
import type { AwsCopyJob } from './job-types.js';
import type { Rng } from './prng.js';
import type { AwsBackupJob } from './types.js';

/**
 * The copies of a CloudFormation stack's backup: a parent copy job and a child per nested recovery
 * point (with the nested resource's logical id), the parent's state summing its children's.
 */
export function stackCopies(
  parent: AwsBackupJob,
  kids: readonly AwsBackupJob[],
  target: CopyTarget,
  created: number,
  now: number,
  rng: Rng,
  layout: DrLayout,
): AwsCopyJob[] {
  const id = rng.uuid().toUpperCase();
  const copies = kids
    .filter((kid) => kid.RecoveryPointArn)
    .map((kid) => {
      const at = Math.min(now, created + rng.between(5, 40) * 1000);
      return copyOf(kid, target, at, now, rng, layout, { parentId: id, logicalId: logicalId(kid) });
    });
  const copy = baseCopy(parent, target, created, id);
  copy.IsParent = true;
  copy.BackupSizeInBytes = copies.reduce((sum, c) => sum + (c.BackupSizeInBytes ?? 0), 0);
  const running = copies.filter((c) => c.CompletionDate === undefined);
  if (running.length > 0) {
    copy.State = running.every((c) => c.State === 'CREATED') ? 'CREATED' : 'RUNNING';
    return [copy, ...copies];
  }
  const failed = copies.filter((c) => c.State !== 'COMPLETED');
  const last = Math.max(created, ...copies.map((c) => c.CompletionDate?.getTime() ?? created));
  const first = failed[0];
  if (!first) {
    finish(copy, { state: 'COMPLETED', category: 'SUCCESS', fast: false }, last + 10_000);
    copy.DestinationRecoveryPointArn = `arn:aws:backup:${target.region}:${target.account}:recovery-point:${rng.uuid()}`;
    return [copy, ...copies];
  }
  finish(
    copy,
    {
      state: failed.length === copies.length ? 'FAILED' : 'PARTIAL',
      category: first.MessageCategory ?? 'DependencyFailure',
      message:
        `${failed.length} of ${copies.length} child copy jobs did not complete. ${first.StatusMessage ?? ''}`.trim(),
      fast: false,
    },
    last + 10_000,
  );
  return [copy, ...copies];
}

/** A CloudFormation logical id from a resource name: `orders-prod-data` → `OrdersProdData`. */
export function logicalId(job: AwsBackupJob): string {
  const words = (job.ResourceName ?? job.ResourceType).split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Resource';
}
