import type { EmulatorContext } from './context.js';
import { completeCopyJob, type KindDefaults, type PartialCopyInput } from './copy-input.js';
import type { DrLayout } from './dr-layout.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import { completeRestoreJob, type PartialRestoreInput } from './restore-input.js';
import type { AwsBackupJob } from './types.js';

/** Adding and clearing copy and restore jobs, for the admin API and the emulator's own API. */
export interface KindApi {
  addCopyJobs(partials: PartialCopyInput[]): AwsCopyJob[];
  clearCopyJobs(): number;
  addRestoreJobs(partials: PartialRestoreInput[]): AwsRestoreJob[];
  clearRestoreJobs(): number;
}

/** The given Region first, then every other Region of the organisation. */
function searchOrder(ctx: EmulatorContext, region: string | undefined): string[] {
  return region === undefined ? [...ctx.regions] : [region, ...ctx.regions.filter((r) => r !== region)];
}

export function kindApi(ctx: EmulatorContext, layout: DrLayout, clock: () => Date): KindApi {
  const defaults = (): KindDefaults => ({
    account: ctx.accounts[0] ?? '000000000000',
    region: ctx.regions[0] ?? 'us-east-1',
    now: clock(),
    layout,
    backupJob(id: string, region?: string): AwsBackupJob | undefined {
      for (const r of searchOrder(ctx, region)) {
        const found = ctx.store.get(r, id);
        if (found) return found.job;
      }
      return undefined;
    },
    backupOfPoint(arn: string, region?: string): AwsBackupJob | undefined {
      for (const r of searchOrder(ctx, region)) {
        const found = ctx.store.list(`r|${r}`).find((s) => s.job.RecoveryPointArn === arn);
        if (found) return found.job;
      }
      return undefined;
    },
  });
  return {
    addCopyJobs(partials) {
      const d = defaults();
      const jobs = partials.map((p) => completeCopyJob(p, d));
      ctx.copies.add(jobs);
      return jobs;
    },
    clearCopyJobs: () => ctx.copies.clear(),
    addRestoreJobs(partials) {
      const d = defaults();
      const jobs = partials.map((p) => completeRestoreJob(p, d));
      ctx.restores.add(jobs);
      return jobs;
    },
    clearRestoreJobs: () => ctx.restores.clear(),
  };
}
