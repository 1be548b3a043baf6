import { DAY_MS, RETENTION_MS } from './daily-jobs.js';
import { DR_VAULT, type DrLayout } from './dr-layout.js';
import type { AwsCopyJob, AwsRestoreJob } from './job-types.js';
import type { Rng } from './prng.js';
import { buildRestore, type RestoreOdds, type RestoreSource, sourceOfBackup } from './restore-job.js';
import { stackRestore } from './restore-stack.js';
import type { AwsBackupJob } from './types.js';

/** The resource types AWS Backup restore testing supports (its documentation's list). */
const TESTABLE = new Set([
  'Aurora',
  'DocumentDB',
  'DynamoDB',
  'EBS',
  'EC2',
  'EFS',
  'FSx',
  'Neptune',
  'RDS',
  'S3',
]);
const TEST_ODDS: RestoreOdds = { fail: 0.06, abort: 0 };
const MANUAL_ODDS: RestoreOdds = { fail: 0.2, abort: 0.06 };
/** How far back from a cut-off a pick looks: about a day of backups of one place. */
const LOOK_BACK = 400;

/** A restore testing plan: runs every `everyDays`, restoring `perRun` recent recovery points. */
interface TestPlan {
  name: string;
  everyDays: number;
  windowHours: number;
  perRun: number;
  fits(job: AwsBackupJob): boolean;
}

/**
 * Restore jobs of the organisation: every account and Region runs a weekly restore testing plan, the
 * management account also a daily one over its compliance vault; operators restore now and then
 * (some fail, some are stopped, one is running now); the DR account restores a copy in each Region
 * as a drill; one CloudFormation stack is restored as a parent job with its children.
 */
export function generateRestoreJobs(
  backups: readonly AwsBackupJob[],
  copies: readonly AwsCopyJob[],
  layout: DrLayout,
  rng: Rng,
  now: number,
): AwsRestoreJob[] {
  const byPlace = new Map<string, AwsBackupJob[]>();
  for (const job of backups) {
    if (job.State !== 'COMPLETED' || !job.RecoveryPointArn || job.IsParent || job.ParentJobId) continue;
    const key = `${job.Region}|${job.AccountId}`;
    const list = byPlace.get(key);
    if (list) list.push(job);
    else byPlace.set(key, [job]);
  }
  const out: AwsRestoreJob[] = [];
  for (const region of layout.regions) {
    for (const [i, account] of layout.accounts.entries()) {
      const list = (byPlace.get(`${region}|${account}`) ?? []).sort(byCompletion);
      if (list.length === 0) continue;
      const perRun = Math.min(4, Math.max(1, Math.round(list.length / 150)));
      const weekly = { name: 'weekly_restore_test', everyDays: 7, windowHours: 4, perRun, fits: testable };
      out.push(...restoreTests(list, weekly, region, account, rng, now));
      if (i === 0) {
        const daily = {
          name: 'daily_critical_restore_test',
          everyDays: 1,
          windowHours: 2,
          perRun: 1,
          fits: (j: AwsBackupJob) => testable(j) && j.BackupVaultName === 'compliance',
        };
        out.push(...restoreTests(list, daily, region, account, rng, now));
      }
      out.push(...manualRestores(list, i === 0, rng, now));
    }
  }
  out.push(...drills(copies, layout, rng, now));
  out.push(...stackRestore(backups, layout, rng, now));
  return out;
}

function testable(job: AwsBackupJob): boolean {
  return TESTABLE.has(job.ResourceType);
}

function byCompletion(a: AwsBackupJob, b: AwsBackupJob): number {
  return (a.CompletionDate?.getTime() ?? 0) - (b.CompletionDate?.getTime() ?? 0);
}

/** The latest recovery point of up to `count` resources, picked among those completed before `at`. */
function recentPoints(list: readonly AwsBackupJob[], at: number, count: number, rng: Rng, fits = testable) {
  let end = 0;
  let hi = list.length;
  while (end < hi) {
    const mid = (end + hi) >>> 1;
    if ((list[mid]?.CompletionDate?.getTime() ?? 0) < at) end = mid + 1;
    else hi = mid;
  }
  const latest = new Map<string, AwsBackupJob>();
  for (let i = end - 1; i >= Math.max(0, end - LOOK_BACK); i--) {
    const job = list[i] as AwsBackupJob;
    if (fits(job) && !latest.has(job.ResourceArn)) latest.set(job.ResourceArn, job);
  }
  const pool = [...latest.values()];
  const picked: AwsBackupJob[] = [];
  while (picked.length < count && pool.length > 0) picked.push(...pool.splice(rng.int(pool.length), 1));
  return picked;
}

function restoreTests(
  list: readonly AwsBackupJob[],
  plan: TestPlan,
  region: string,
  account: string,
  rng: Rng,
  now: number,
): AwsRestoreJob[] {
  const planArn = `arn:aws:backup:${region}:${account}:restore-testing-plan:${plan.name}-${rng.uuid()}`;
  const test = { planArn, windowHours: plan.windowHours };
  const first = now - rng.between(30, 20 * 60) * 60_000;
  const out: AwsRestoreJob[] = [];
  for (let at = first; at > now - RETENTION_MS + DAY_MS; at -= plan.everyDays * DAY_MS) {
    for (const job of recentPoints(list, at, plan.perRun, rng, plan.fits)) {
      const created = at + rng.int(10 * 60_000);
      if (created <= now) out.push(buildRestore(sourceOfBackup(job), created, now, rng, TEST_ODDS, test));
    }
  }
  return out;
}

function manualRestores(list: readonly AwsBackupJob[], management: boolean, rng: Rng, now: number) {
  const out: AwsRestoreJob[] = [];
  const times = Array.from(
    { length: rng.between(1, 3) },
    () => now - rng.between(1, 28 * 24) * 3_600_000 - rng.int(3_600_000),
  );
  // An operator restoring right now: the one a team watches.
  if (management) times.push(now - rng.between(20, 45) * 60_000 - rng.int(60_000));
  for (const at of times) {
    const [job] = recentPoints(list, at, 1, rng, () => true);
    if (job) out.push(buildRestore(sourceOfBackup(job), at, now, rng, MANUAL_ODDS));
  }
  return out;
}

/** A restore in each Region of the DR account from a copy held in its DR vault. */
function drills(copies: readonly AwsCopyJob[], layout: DrLayout, rng: Rng, now: number): AwsRestoreJob[] {
  const dr = layout.drAccount;
  if (!dr) return [];
  const out: AwsRestoreJob[] = [];
  for (const region of layout.regions) {
    const vaultArn = `arn:aws:backup:${region}:${dr}:backup-vault:${DR_VAULT}`;
    const held = copies.filter(
      (c) =>
        c.DestinationBackupVaultArn === vaultArn &&
        c.DestinationRecoveryPointArn &&
        !c.IsParent &&
        !c.ParentJobId,
    );
    const copy = held.length > 0 ? held[rng.int(held.length)] : undefined;
    if (!copy?.CompletionDate) continue;
    const at = Math.min(now - 3_600_000, copy.CompletionDate.getTime() + rng.between(1, 5) * DAY_MS);
    if (at <= copy.CompletionDate.getTime()) continue;
    const src: RestoreSource = {
      region,
      account: dr,
      recoveryPointArn: copy.DestinationRecoveryPointArn as string,
      vaultArn,
      resourceArn: copy.ResourceArn,
      resourceType: copy.ResourceType,
      resourceName: copy.ResourceName ?? copy.ResourceArn,
      pointCreated: copy.CompletionDate.getTime(),
      size: copy.BackupSizeInBytes ?? 0,
    };
    out.push(buildRestore(src, at, now, rng, { fail: 0.1, abort: 0 }));
  }
  return out;
}
