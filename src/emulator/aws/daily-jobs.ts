import { recoveryPointArn } from './arns.js';
import type { Resource } from './org.js';
import { pickOutcome } from './outcomes.js';
import type { Rng } from './prng.js';
import type { AwsBackupJob } from './types.js';

export const DAY_MS = 86_400_000;
export const RETENTION_MS = 30 * DAY_MS;
const START_WINDOW_MS = 8 * 3_600_000;

/**
 * The jobs of one resource over the 30 days before `now`, the newest maybe still running: one a day,
 * or one every `everyDays` days from a day drawn per resource.
 */
export function dailyJobs(resource: Resource, now: number, rng: Rng, everyDays = 1): AwsBackupJob[] {
  const jobs: AwsBackupJob[] = [];
  const anchor = now - resource.plan.agoMinutes * 60_000;
  // Drawn only for sparser schedules, so a daily organisation is the same with or without this.
  const first = everyDays > 1 ? rng.int(everyDays) : 0;
  for (let day = first; day < 30; day += everyDays) {
    const created = anchor - day * DAY_MS + rng.int(resource.plan.windowMinutes * 60_000);
    if (created > now || created <= now - RETENTION_MS) continue;
    if (resource.children.length === 0) {
      jobs.push(runJob(resource, created, now, rng));
      continue;
    }
    const parentId = jobId(rng);
    const children = resource.children.map((child) =>
      runJob(child, Math.min(now, created + rng.between(5, 60) * 1000), now, rng, parentId),
    );
    jobs.push(parentJob(resource, parentId, created, children), ...children);
  }
  return jobs;
}

export function jobId(rng: Rng): string {
  return rng.uuid().toUpperCase();
}

function baseJob(r: Resource, id: string, created: number): AwsBackupJob {
  return {
    Region: r.region,
    AccountId: r.account,
    BackupJobId: id,
    BackupVaultName: r.plan.vault,
    BackupVaultArn: `arn:aws:backup:${r.region}:${r.account}:backup-vault:${r.plan.vault}`,
    VaultType: 'BACKUP_VAULT',
    ResourceArn: r.arn,
    ResourceName: r.name,
    ResourceType: r.kind.type,
    CreationDate: new Date(created),
    InitiationDate: new Date(created),
    StartBy: new Date(created + START_WINDOW_MS),
    State: 'CREATED',
    IamRoleArn: `arn:aws:iam::${r.account}:role/service-role/AWSBackupDefaultServiceRole`,
    ...(r.plan.creator.BackupPlanId ? { CreatedBy: r.plan.creator } : {}),
    ...(r.windows ? { BackupOptions: { WindowsVSS: 'enabled' }, BackupType: 'WindowsVSS' } : {}),
    IsParent: false,
  };
}

function runJob(r: Resource, created: number, now: number, rng: Rng, parentId?: string): AwsBackupJob {
  const [lo, hi] = r.kind.minutes;
  const duration = rng.between(lo, hi) * 60_000 + rng.int(60_000);
  const size = Math.round(r.bytes * (0.9 + rng.next() * 0.2));
  const job = baseJob(r, jobId(rng), created);
  if (parentId) job.ParentJobId = parentId;
  const elapsed = now - created;
  if (elapsed < duration) {
    const pct = elapsed < 240_000 ? 0 : Math.min(99, (elapsed / duration) * 100);
    job.State = elapsed < 60_000 ? 'CREATED' : elapsed < 240_000 ? 'PENDING' : 'RUNNING';
    job.PercentDone = pct.toFixed(1);
    job.BytesTransferred = Math.round((size * pct) / 100);
    job.BackupSizeInBytes = 0;
    job.ExpectedCompletionDate = new Date(created + duration);
    return job;
  }
  const context = { type: r.kind.type, arn: r.arn, name: r.name, account: r.account, region: r.region };
  const outcome = pickOutcome(rng, { ...context, role: job.IamRoleArn as string }, r.flaky);
  job.State = outcome.state;
  job.MessageCategory = outcome.category;
  if (outcome.message) job.StatusMessage = outcome.message;
  const done = outcome.state === 'COMPLETED';
  const share = done ? 1 : outcome.state === 'EXPIRED' ? 0 : 0.05 + rng.next() * 0.6;
  job.CompletionDate = new Date(
    outcome.state === 'EXPIRED' ? created + START_WINDOW_MS : created + duration * share,
  );
  job.PercentDone = (done ? 100 : outcome.state === 'ABORTED' ? share * 100 : 0).toFixed(1);
  job.BackupSizeInBytes = done ? size : 0;
  job.BytesTransferred = done ? Math.round(size * (0.04 + rng.next() * 0.2)) : 0;
  if (done) {
    job.RecoveryPointArn = recoveryPointArn(r.kind.type, r.region, r.account, rng);
    job.IsEncrypted = true;
  }
  return job;
}

function parentJob(r: Resource, id: string, created: number, children: AwsBackupJob[]): AwsBackupJob {
  const job = baseJob(r, id, created);
  job.IsParent = true;
  const running = children.filter((c) => c.CompletionDate === undefined);
  const size = children.reduce((sum, c) => sum + (c.BackupSizeInBytes ?? 0), 0);
  if (running.length > 0) {
    const pct = children.reduce((sum, c) => sum + Number(c.PercentDone ?? 0), 0) / children.length;
    job.State = running.every((c) => c.State === 'CREATED') ? 'CREATED' : 'RUNNING';
    job.PercentDone = pct.toFixed(1);
    return job;
  }
  const failed = children.filter((c) => c.State !== 'COMPLETED');
  const last = Math.max(...children.map((c) => c.CompletionDate?.getTime() ?? created));
  job.CompletionDate = new Date(last + 10_000);
  job.BackupSizeInBytes = size;
  job.BytesTransferred = children.reduce((sum, c) => sum + (c.BytesTransferred ?? 0), 0);
  job.PercentDone = '100.0';
  const first = failed[0];
  if (!first) {
    job.State = 'COMPLETED';
    job.MessageCategory = 'SUCCESS';
    job.RecoveryPointArn = `arn:aws:backup:${r.region}:${r.account}:recovery-point:${id.toLowerCase()}`;
    return job;
  }
  job.State = failed.length === children.length ? 'FAILED' : 'PARTIAL';
  job.MessageCategory = first.MessageCategory ?? 'DependencyFailure';
  job.StatusMessage =
    `${failed.length} of ${children.length} child jobs did not complete. ${first.StatusMessage ?? ''}`.trim();
  return job;
}
