import { DAY_MS } from './daily-jobs.js';
import type { DrLayout } from './dr-layout.js';
import type { AwsRestoreJob } from './job-types.js';
import type { Rng } from './prng.js';
import { buildRestore, createdArnFor, expectedMinutes, sourceOfBackup } from './restore-job.js';
import type { AwsBackupJob } from './types.js';

/**
 * An operator's restore of a CloudFormation stack (the management account's, if it has one) some
 * days ago: a parent restore job and a child per nested resource, the parent's status summing theirs.
 */
export function stackRestore(
  backups: readonly AwsBackupJob[],
  layout: DrLayout,
  rng: Rng,
  now: number,
): AwsRestoreJob[] {
  const at = now - rng.between(2, 9) * DAY_MS - rng.int(DAY_MS);
  const restorable = (j: AwsBackupJob): boolean =>
    j.IsParent &&
    j.State === 'COMPLETED' &&
    j.RecoveryPointArn !== undefined &&
    (j.CompletionDate?.getTime() ?? now) < at;
  const management = layout.accounts[0];
  const parent =
    backups.find((j) => restorable(j) && j.AccountId === management) ?? backups.find((j) => restorable(j));
  if (!parent) return [];
  const kids = backups.filter((j) => j.ParentJobId === parent.BackupJobId && j.RecoveryPointArn);
  const src = sourceOfBackup(parent);
  const job: AwsRestoreJob = {
    ...buildRestore(src, at, now, rng, { fail: 0, abort: 0 }),
    IsParent: true,
  };
  const children = kids.map((kid) => ({
    ...buildRestore(sourceOfBackup(kid), at + rng.between(5, 30) * 1000, now, rng, { fail: 0.25, abort: 0 }),
    ParentJobId: job.RestoreJobId,
  }));
  job.BackupSizeInBytes = children.reduce((sum, c) => sum + (c.BackupSizeInBytes ?? 0), 0);
  job.ExpectedCompletionTimeMinutes = Math.max(
    expectedMinutes('CloudFormation', 0),
    ...children.map((c) => c.ExpectedCompletionTimeMinutes ?? 0),
  );
  const running = children.filter((c) => c.CompletionDate === undefined);
  const failed = children.filter((c) => c.Status === 'FAILED' || c.Status === 'ABORTED');
  delete job.CompletionDate;
  delete job.CreatedResourceArn;
  delete job.StatusMessage;
  if (running.length > 0) {
    job.Status = 'RUNNING';
    job.PercentDone = '50.0';
    return [job, ...children];
  }
  const last = Math.max(at, ...children.map((c) => c.CompletionDate?.getTime() ?? at));
  job.CompletionDate = new Date(last + 15_000);
  job.Status = failed.length > 0 ? 'FAILED' : 'COMPLETED';
  job.PercentDone = '100.0';
  if (failed.length > 0) {
    job.StatusMessage =
      `${failed.length} of ${children.length} nested restores did not complete. ${failed[0]?.StatusMessage ?? ''}`.trim();
  } else {
    job.CreatedResourceArn = createdArnFor(src, rng, false);
  }
  return [job, ...children];
}
