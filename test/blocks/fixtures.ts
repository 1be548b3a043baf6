import type {
  BackupJob,
  BackupJobDetails,
  CopyJob,
  JobSummary,
  RestoreJob,
  SummaryRow,
} from '../../src/backup/types.js';
import { JOB_STATES, type JobKind, type JobState } from '../../src/domain/index.js';

/** Every test pins "now": Tuesday 2026-11-10 15:30 UTC. */
export const NOW = new Date('2026-11-10T15:30:00Z');
export const ZONES = ['America/New_York', 'Asia/Kolkata'] as const;

/** A plain, complete completed job; override what a test is about. */
export function job(overrides: Partial<BackupJob> = {}): BackupJob {
  return {
    kind: 'backup',
    jobId: 'A1B2C3D4-0000-4000-8000-000000000001',
    region: 'us-east-1',
    accountId: '123456789012',
    state: 'COMPLETED',
    resourceType: 'RDS',
    resourceName: 'orders-db',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    vaultName: 'prod-vault',
    vaultArn: 'arn:aws:backup:us-east-1:123456789012:backup-vault:prod-vault',
    recoveryPointArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-a1b2',
    createdAt: '2026-11-10T13:00:00.000Z',
    completedAt: '2026-11-10T13:47:30.000Z',
    percentDone: 100,
    sizeBytes: 13_207_024_435,
    bytesTransferred: 13_207_024_435,
    messageCategory: 'SUCCESS',
    iamRoleArn: 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole',
    plan: { id: 'plan-1', name: 'daily-35d', ruleId: 'rule-1', ruleName: 'daily' },
    backupType: 'SNAPSHOT',
    isParent: false,
    ...overrides,
  };
}

/**
 * A completed copy of `job()`'s recovery point from `prod-vault` in us-east-1 to `dr-vault` in
 * us-west-2 of another account; override what a test is about.
 */
export function copyJob(overrides: Partial<CopyJob> = {}): CopyJob {
  return {
    kind: 'copy',
    jobId: 'C0000000-0000-4000-8000-000000000001',
    region: 'us-east-1',
    accountId: '123456789012',
    state: 'COMPLETED',
    resourceType: 'RDS',
    resourceName: 'orders-db',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    createdAt: '2026-11-10T13:00:00.000Z',
    completedAt: '2026-11-10T13:47:30.000Z',
    sizeBytes: 13_207_024_435,
    messageCategory: 'SUCCESS',
    iamRoleArn: 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole',
    isParent: false,
    sourceVaultArn: 'arn:aws:backup:us-east-1:123456789012:backup-vault:prod-vault',
    sourceVaultName: 'prod-vault',
    sourceRecoveryPointArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-a1b2',
    destinationVaultArn: 'arn:aws:backup:us-west-2:222233334444:backup-vault:dr-vault',
    destinationVaultName: 'dr-vault',
    destinationRegion: 'us-west-2',
    destinationAccountId: '222233334444',
    destinationRecoveryPointArn: 'arn:aws:rds:us-west-2:222233334444:snapshot:awsbackup:copy-c000',
    plan: { id: 'plan-1', name: 'daily-35d', ruleId: 'rule-1', ruleName: 'daily' },
    backupJobId: 'A1B2C3D4-0000-4000-8000-000000000001',
    ...overrides,
  };
}

/** A completed restore test of `job()`'s recovery point whose validation passed; override what a test is about. */
export function restoreJob(overrides: Partial<RestoreJob> = {}): RestoreJob {
  return {
    kind: 'restore',
    jobId: 'D0000000-0000-4000-8000-000000000001',
    region: 'us-east-1',
    accountId: '123456789012',
    state: 'COMPLETED',
    resourceType: 'RDS',
    resourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db',
    createdAt: '2026-11-10T13:00:00.000Z',
    completedAt: '2026-11-10T13:47:30.000Z',
    percentDone: 100,
    sizeBytes: 13_207_024_435,
    iamRoleArn: 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole',
    isParent: false,
    recoveryPointArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-a1b2',
    recoveryPointCreatedAt: '2026-11-10T02:00:00.000Z',
    vaultArn: 'arn:aws:backup:us-east-1:123456789012:backup-vault:prod-vault',
    vaultName: 'prod-vault',
    createdResourceArn: 'arn:aws:rds:us-east-1:123456789012:db:orders-db-restore-test',
    expectedMinutes: 30,
    testingPlanArn: 'arn:aws:backup:us-east-1:123456789012:restore-testing-plan:weekly-rds',
    validationStatus: 'SUCCESSFUL',
    deletionStatus: 'SUCCESSFUL',
    ...overrides,
  };
}

const HOSTILE = 'Ünïcödé 数据库 🚀 <!here> &amp; *bold* _it_ ~st~ `code` > quote <@U123> ';

/** A name of exactly `length` characters full of characters that mrkdwn treats specially. */
export function hostileText(length: number): string {
  return HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length);
}

/** 50 jobs (the largest page) cycling through every state, with 255-char names and 10,000-char messages. */
export function worstJobs(count = 50, from = 0): BackupJob[] {
  const states: (JobState | 'ISSUES')[] = [...JOB_STATES, 'ISSUES'];
  return Array.from({ length: count }, (_, i) => {
    const pick = states[(i + from) % states.length] ?? 'FAILED';
    const state: JobState = pick === 'ISSUES' ? 'COMPLETED' : pick;
    const running = state === 'RUNNING' || state === 'CREATED' || state === 'PENDING' || state === 'ABORTING';
    const made = job({
      jobId: `${'F'.repeat(8)}-${String(i + from).padStart(4, '0')}-4000-8000-${'0'.repeat(12)}`,
      region: i % 2 ? 'ap-southeast-2' : 'us-gov-west-1',
      state,
      resourceName: hostileText(255),
      resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${hostileText(1800)}`,
      resourceType: 'SAP HANA on Amazon EC2',
      vaultName: hostileText(50),
      statusMessage: hostileText(10_000),
      messageCategory:
        pick === 'ISSUES' ? 'AccessDenied' : state === 'COMPLETED' ? 'SUCCESS' : hostileText(300),
      createdAt: `2026-10-${String(10 + (i % 20)).padStart(2, '0')}T23:59:59.999Z`,
      percentDone: running ? 42.5 : 100,
      sizeBytes: 2 ** 50 * 1000,
      isParent: i % 7 === 0,
    });
    if (running) delete made.completedAt;
    return made;
  });
}

/** A job with only the fields AWS always sends. */
export function bareJob(overrides: Partial<BackupJob> = {}): BackupJob {
  return {
    kind: 'backup',
    jobId: 'B0000000-0000-4000-8000-000000000000',
    region: 'eu-west-1',
    accountId: '210987654321',
    state: 'FAILED',
    createdAt: '2026-11-09T02:00:00Z',
    isParent: false,
    ...overrides,
  };
}

/** A parent job with child counts in every state and worst-case text everywhere. */
export function worstDetails(): BackupJobDetails {
  const base = worstJobs(1)[0] ?? job();
  const childJobsInState = Object.fromEntries(JOB_STATES.map((s, i) => [s, 1000 * (i + 1)]));
  return {
    ...base,
    state: 'PARTIAL',
    isParent: true,
    parentJobId: hostileText(100),
    iamRoleArn: `arn:aws:iam::123456789012:role/${hostileText(2000)}`,
    recoveryPointArn: `arn:aws:backup:${hostileText(2000)}`,
    plan: {
      id: hostileText(300),
      arn: hostileText(2000),
      name: hostileText(300),
      ruleId: hostileText(300),
      ruleName: hostileText(300),
    },
    backupType: hostileText(300),
    startBy: '2026-11-10T14:00:00Z',
    expectedCompletionAt: '2026-11-11T02:00:00Z',
    initiatedAt: '2026-11-10T13:00:05Z',
    childJobCount: 45_000,
    childJobsInState,
  };
}

/** ONE_DAY rows: `days` days × every state (and COMPLETED split by category) × `accounts` accounts. */
export function dailyRows(days: number, accounts: number, regions = ['us-east-1']): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (let d = 0; d < days; d += 1) {
    const start = new Date(Date.UTC(2026, 9, 27 + d));
    const end = new Date(start.getTime() + 86_400_000);
    for (let a = 0; a < accounts; a += 1) {
      for (const region of regions) {
        for (const state of JOB_STATES) {
          const categories = state === 'COMPLETED' ? ['SUCCESS', 'AccessDenied'] : ['AGGREGATE_ALL'];
          for (const messageCategory of categories) {
            rows.push({
              region,
              accountId: String(100000000000 + a),
              state,
              resourceType: ['EBS', 'RDS', 'SAP HANA on Amazon EC2'][(a + d) % 3] ?? 'EBS',
              messageCategory,
              count: (d + 1) * (a + 1) + (messageCategory === 'SUCCESS' ? 100 : 1),
              startTime: start.toISOString(),
              endTime: end.toISOString(),
            });
          }
        }
      }
    }
  }
  return rows;
}

export function summary(
  period: JobSummary['period'],
  rows: SummaryRow[],
  failed: JobSummary['failedRegions'] = [],
  jobKind: JobKind = 'backup',
): JobSummary {
  return { jobKind, period, regions: [...new Set(rows.map((r) => r.region))], rows, failedRegions: failed };
}
