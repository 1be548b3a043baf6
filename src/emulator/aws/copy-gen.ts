import { copyOf } from './copy-job.js';
import { stackCopies } from './copy-stack.js';
import type { DrLayout } from './dr-layout.js';
import type { AwsCopyJob } from './job-types.js';
import type { Rng } from './prng.js';
import type { AwsBackupJob } from './types.js';

/**
 * The copy jobs the plans' copy rules start: one per completed backup job of a plan with a copy rule,
 * a few minutes after the backup completed, into the vault `layout` names (another Region, another
 * account, or both). CloudFormation stacks copy as a parent job with a child per nested resource.
 */
export function generateCopyJobs(
  jobs: readonly AwsBackupJob[],
  layout: DrLayout,
  rng: Rng,
  now: number,
): AwsCopyJob[] {
  const children = new Map<string, AwsBackupJob[]>();
  for (const job of jobs) {
    if (!job.ParentJobId) continue;
    const list = children.get(job.ParentJobId);
    if (list) list.push(job);
    else children.set(job.ParentJobId, [job]);
  }
  const out: AwsCopyJob[] = [];
  for (const job of jobs) {
    if (job.ParentJobId || job.State !== 'COMPLETED' || !job.RecoveryPointArn || !job.CompletionDate)
      continue;
    const target = layout.target(job.CreatedBy?.BackupPlanName, job.Region, job.AccountId);
    if (!target) continue;
    const created = job.CompletionDate.getTime() + rng.between(60, 420) * 1000 + rng.int(1000);
    if (created > now) continue;
    if (!job.IsParent) {
      out.push(copyOf(job, target, created, now, rng, layout));
      continue;
    }
    out.push(...stackCopies(job, children.get(job.BackupJobId) ?? [], target, created, now, rng, layout));
  }
  return out;
}
