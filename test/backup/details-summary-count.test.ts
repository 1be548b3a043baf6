import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodedError } from '../../src/errors.js';
import type { SummaryQuery } from '../../src/query/types.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

function summaryQuery(period: SummaryQuery['summary']['period']): SummaryQuery {
  return {
    kind: 'summary',
    jobKind: 'backup',
    text: 'summary',
    notes: [],
    visibility: 'ephemeral',
    regions: [],
    summary: { period },
  };
}

describe('details, summaries and counts', () => {
  let fx: AwsFixture;
  beforeAll(async () => {
    fx = await startAwsFixture({ regions: REGIONS, accounts: 3, jobs: 900, seed: 5, defaultAccountId: '*' });
  });
  beforeEach(() => {
    fx.emulator.setFaults({});
    fx.emulator.resetStats();
  });
  afterAll(() => fx.close());

  it('finds a bare job id by asking every kind in every region at once', async () => {
    const [job] = fx.emulator.addJobs([
      { Region: 'ap-southeast-2', State: 'FAILED', StatusMessage: 'Access denied' },
    ]);
    const details = await fx.gateway.describe(job!.BackupJobId!);
    expect(details).toMatchObject({ jobId: job!.BackupJobId, region: 'ap-southeast-2', state: 'FAILED' });
    const everyRegion = { 'us-east-1': 1, 'eu-west-1': 1, 'ap-southeast-2': 1 };
    expect(fx.emulator.stats().calls.DescribeBackupJob).toEqual(everyRegion);
    // The other kinds' calls were sent at the same time; wait until the emulator has seen them all.
    await vi.waitFor(() => {
      expect(fx.emulator.stats().calls.DescribeCopyJob).toEqual(everyRegion);
      expect(fx.emulator.stats().calls.DescribeRestoreJob).toEqual(everyRegion);
    });
  });

  it('asks one region when it is known, and reports child jobs of a parent', async () => {
    const [parent] = fx.emulator.addJobs([{ Region: 'eu-west-1', IsParent: true, State: 'RUNNING' }]);
    fx.emulator.addJobs([
      { Region: 'eu-west-1', ParentJobId: parent!.BackupJobId!, State: 'COMPLETED' },
      { Region: 'eu-west-1', ParentJobId: parent!.BackupJobId!, State: 'FAILED' },
    ]);
    const details = await fx.gateway.describe(parent!.BackupJobId!, { region: 'eu-west-1', kind: 'backup' });
    expect(details.isParent).toBe(true);
    expect(details.kind === 'backup' && details.childJobsInState).toMatchObject({ COMPLETED: 1, FAILED: 1 });
    expect(fx.emulator.stats().total).toBe(1);
  });

  it('refuses empty and malformed ids before any call, and says when no region has the job', async () => {
    for (const bad of ['', ' ', '../backup-jobs', 'a'.repeat(300), 'id with spaces']) {
      await expect(fx.gateway.describe(bad)).rejects.toMatchObject({ code: 'QUERY_INVALID' });
    }
    expect(fx.emulator.stats().total).toBe(0);
    const missing = await fx.gateway
      .describe('00000000-0000-0000-0000-000000000000')
      .catch((e: CodedError) => e);
    expect(missing).toMatchObject({ code: 'AWS_NOT_FOUND' });
    expect((missing as CodedError).message).toContain('us-east-1, eu-west-1, ap-southeast-2');
  });

  it('sums up from ListBackupJobSummaries in every region, never by listing jobs', async () => {
    const weekly = await fx.gateway.summary(summaryQuery('SEVEN_DAYS'));
    const daily = await fx.gateway.summary(summaryQuery('ONE_DAY'));
    expect(fx.emulator.stats().calls.ListBackupJobs).toBeUndefined();
    expect(new Set(weekly.rows.map((r) => r.region))).toEqual(new Set(REGIONS));
    expect(weekly.rows.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
    expect(new Set(daily.rows.map((r) => r.startTime.slice(0, 10))).size).toBeGreaterThanOrEqual(10);
    expect(weekly.rows.some((r) => r.state === 'COMPLETED' && r.messageCategory !== 'SUCCESS')).toBe(true);
  });

  it('keeps the regions that answered when one region fails a summary', async () => {
    fx.emulator.setFaults({ denyOperations: ['ListBackupJobSummaries'], regions: ['us-east-1'] });
    const summary = await fx.gateway.summary(summaryQuery('FOURTEEN_DAYS'));
    expect(summary.failedRegions.map((f) => f.region)).toEqual(['us-east-1']);
    expect(summary.rows.every((r) => r.region !== 'us-east-1')).toBe(true);
  });

  it('counts jobs that ended in a window with one call per state and region', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 3_600_000);
    fx.emulator.clearJobs();
    const minutesAgo = (m: number) => new Date(end.getTime() - m * 60_000).toISOString();
    const account = fx.emulator.accounts[1]!;
    fx.emulator.addJobs([
      {
        Region: 'us-east-1',
        AccountId: account,
        State: 'FAILED',
        ResourceType: 'RDS',
        StatusMessage: 'Snapshot quota exceeded',
        CreationDate: minutesAgo(50),
        CompletionDate: minutesAgo(40),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'FAILED',
        ResourceType: 'RDS',
        StatusMessage: 'Snapshot quota exceeded',
        CreationDate: minutesAgo(30),
        CompletionDate: minutesAgo(20),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'PARTIAL',
        ResourceType: 'EBS',
        CreationDate: minutesAgo(30),
        CompletionDate: minutesAgo(10),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'COMPLETED',
        MessageCategory: 'AccessDenied',
        ResourceType: 'EBS',
        CreationDate: minutesAgo(30),
        CompletionDate: minutesAgo(10),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'COMPLETED',
        MessageCategory: 'SUCCESS',
        ResourceType: 'EBS',
        CreationDate: minutesAgo(30),
        CompletionDate: minutesAgo(10),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'FAILED',
        ResourceType: 'RDS',
        CreationDate: minutesAgo(200),
        CompletionDate: minutesAgo(120),
      },
    ]);
    const count = await fx.gateway.countJobs(
      {
        states: ['FAILED', 'PARTIAL', 'COMPLETED_WITH_ISSUES'],
        accounts: ['*'],
        resourceTypes: [],
        vaults: [],
        regions: [],
      },
      { start, end },
    );
    expect(count).toMatchObject({
      total: 4,
      byState: { FAILED: 2, PARTIAL: 1, COMPLETED_WITH_ISSUES: 1 },
      byRegion: { 'us-east-1': 1, 'eu-west-1': 3 },
      byResourceType: { RDS: 2, EBS: 2 },
      failedRegions: [],
      calls: 9,
    });
    expect(count.topReasons[0]).toEqual({ reason: 'Snapshot quota exceeded', count: 2 });
    const rdsOnly = await fx.gateway.countJobs(
      { states: ['FAILED'], accounts: [account], resourceTypes: ['RDS'], vaults: [], regions: ['eu-west-1'] },
      { start, end },
    );
    expect(rdsOnly).toMatchObject({ total: 1, calls: 1 });
  });
});
