import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CopyJob, Job, RestoreJob } from '../../src/backup/index.js';
import type { CodedError } from '../../src/errors.js';
import type { SummaryQuery } from '../../src/query/types.js';
import { type AwsFixture, listQuery, startAwsFixture } from '../helpers/aws.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const DR_ACCOUNT = '999988887777';
const vaultArn = (region: string, account: string, name: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;

async function all(fx: AwsFixture, query: Parameters<typeof listQuery>[0]): Promise<Job[]> {
  const jobs: Job[] = [];
  for await (const batch of fx.gateway.iterateJobs(fx.gateway.openListing(listQuery(query))))
    jobs.push(...batch);
  return jobs;
}

async function pages(fx: AwsFixture, query: Parameters<typeof listQuery>[0], pageSize: number) {
  let listing = fx.gateway.openListing(listQuery({ ...query, pageSize }));
  const seen: string[] = [];
  for (let i = 0; i < 100; i++) {
    const page = await fx.gateway.fetchPage(listing, pageSize);
    seen.push(...page.jobs.map((j) => j.jobId));
    if (!page.hasMore) return seen;
    listing = page.listing;
  }
  throw new Error('the listing did not end');
}

describe('copy and restore jobs through their JobSources', () => {
  let fx: AwsFixture;
  let account: string;
  let backupId: string;
  beforeAll(async () => {
    fx = await startAwsFixture({ regions: REGIONS, accounts: 2, jobs: 200, seed: 12, defaultAccountId: '*' });
    account = fx.emulator.accounts[0]!;
  });
  beforeEach(() => {
    fx.emulator.setFaults({});
    fx.emulator.clearCopyJobs();
    fx.emulator.clearRestoreJobs();
    const [backup] = fx.emulator.addJobs([{ Region: 'us-east-1', AccountId: account, State: 'COMPLETED' }]);
    backupId = backup!.BackupJobId!;
    fx.emulator.resetStats();
  });
  afterAll(() => fx.close());

  function addCopies() {
    return fx.emulator.addCopyJobs([
      {
        Region: 'us-east-1',
        CreatedByBackupJobId: backupId,
        State: 'FAILED',
        DestinationBackupVaultArn: vaultArn('us-west-2', DR_ACCOUNT, 'dr-vault'),
        StatusMessage: 'Access denied to KMS key in the destination account',
      },
      {
        Region: 'us-east-1',
        CreatedByBackupJobId: backupId,
        State: 'COMPLETED',
        DestinationBackupVaultArn: vaultArn('us-west-2', DR_ACCOUNT, 'dr-vault'),
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        State: 'FAILED',
        SourceBackupVaultArn: vaultArn('eu-west-1', account, 'prod'),
        DestinationBackupVaultArn: vaultArn('eu-central-1', account, 'eu-dr'),
      },
    ]);
  }

  it('lists copy jobs by state, with where each copy went and the backup job that made it', async () => {
    const [failed] = addCopies();
    const jobs = (await all(fx, { jobKind: 'copy', states: ['FAILED'] })) as CopyJob[];
    expect(jobs.map((j) => j.jobId).sort()).toHaveLength(2);
    const first = jobs.find((j) => j.jobId === failed!.CopyJobId)!;
    expect(first).toMatchObject({
      kind: 'copy',
      region: 'us-east-1',
      state: 'FAILED',
      destinationVaultName: 'dr-vault',
      destinationRegion: 'us-west-2',
      destinationAccountId: DR_ACCOUNT,
      backupJobId: backupId,
    });
    expect(first.sourceVaultName).toBeTruthy();
    expect(fx.emulator.stats().calls.ListCopyJobs).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
    expect(fx.emulator.stats().calls.ListBackupJobs).toBeUndefined();
  });

  it('matches a copy vault on either side, and `to`/`from` on one side only', async () => {
    addCopies();
    const either = await all(fx, { jobKind: 'copy', filters: { vault: 'prod' } });
    expect(either).toHaveLength(1);
    expect(await all(fx, { jobKind: 'copy', filters: { destinationVault: 'prod' } })).toHaveLength(0);
    expect(await all(fx, { jobKind: 'copy', filters: { sourceVault: 'prod' } })).toHaveLength(1);
    const toDr = (await all(fx, { jobKind: 'copy', filters: { destinationVault: 'dr-vault' } })) as CopyJob[];
    expect(toDr).toHaveLength(2);
    // An ARN is pushed down to AWS as ByDestinationVaultArn.
    const byArn = await all(fx, {
      jobKind: 'copy',
      filters: { destinationVault: vaultArn('eu-central-1', account, 'eu-dr') },
    });
    expect(byArn).toHaveLength(1);
  });

  it('pages copy jobs exactly once each, in the same order as a full scan', async () => {
    fx.emulator.addCopyJobs(
      Array.from({ length: 37 }, (_, i) => ({
        Region: REGIONS[i % 2]!,
        AccountId: account,
        State: i % 3 === 0 ? ('FAILED' as const) : ('COMPLETED' as const),
      })),
    );
    const paged = await pages(fx, { jobKind: 'copy' }, 7);
    expect(paged).toHaveLength(37);
    expect(new Set(paged).size).toBe(37);
    const failed = await pages(fx, { jobKind: 'copy', states: ['FAILED'] }, 5);
    expect(failed).toHaveLength(13);
  });

  function addRestores() {
    const plan = `arn:aws:backup:us-east-1:${account}:restore-testing-plan:weekly-${'x'.repeat(4)}`;
    return fx.emulator.addRestoreJobs([
      { Region: 'us-east-1', AccountId: account, Status: 'FAILED', StatusMessage: 'Subnet not found' },
      {
        Region: 'us-east-1',
        AccountId: account,
        Status: 'COMPLETED',
        CreatedBy: { RestoreTestingPlanArn: plan },
        ValidationStatus: 'FAILED',
        ValidationStatusMessage: 'Validation script exited with code 2',
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        Status: 'COMPLETED',
        CreatedBy: { RestoreTestingPlanArn: plan },
        ValidationStatus: 'TIMED_OUT',
      },
      {
        Region: 'eu-west-1',
        AccountId: account,
        Status: 'COMPLETED',
        CreatedBy: { RestoreTestingPlanArn: plan },
        ValidationStatus: 'SUCCESSFUL',
      },
      { Region: 'eu-west-1', AccountId: account, Status: 'COMPLETED', ExpectedCompletionTimeMinutes: 30 },
    ]);
  }

  it('lists failed restores with restore tests that failed validation, and timed-out tests', async () => {
    const [failed, validationFailed, timedOut] = addRestores();
    const jobs = (await all(fx, {
      jobKind: 'restore',
      states: ['FAILED'],
      validation: ['FAILED'],
    })) as RestoreJob[];
    expect(jobs.map((j) => j.jobId).sort()).toEqual(
      [failed!.RestoreJobId, validationFailed!.RestoreJobId].sort(),
    );
    expect(jobs.find((j) => j.validationStatus === 'FAILED')).toMatchObject({
      kind: 'restore',
      validationMessage: 'Validation script exited with code 2',
    });
    const timed = (await all(fx, { jobKind: 'restore', validation: ['TIMED_OUT'] })) as RestoreJob[];
    expect(timed.map((j) => j.jobId)).toEqual([timedOut!.RestoreJobId]);
    expect(fx.emulator.stats().calls.ListBackupJobs).toBeUndefined();
  });

  it('keeps restore tests only when asked', async () => {
    addRestores();
    const tests = (await all(fx, { jobKind: 'restore', testsOnly: true })) as RestoreJob[];
    expect(tests).toHaveLength(3);
    expect(tests.every((j) => j.testingPlanArn !== undefined)).toBe(true);
    expect(await all(fx, { jobKind: 'restore' })).toHaveLength(5);
  });

  it('finds a copy or restore job by a typed id, whatever its kind', async () => {
    const [copy] = addCopies();
    const [restore] = addRestores();
    const details = await fx.gateway.describe(copy!.CopyJobId);
    expect(details).toMatchObject({ kind: 'copy', jobId: copy!.CopyJobId, region: 'us-east-1' });
    const found = await fx.gateway.describe(restore!.RestoreJobId, { kind: 'restore' });
    expect(found).toMatchObject({ kind: 'restore', state: 'FAILED', statusMessage: 'Subnet not found' });
    fx.emulator.resetStats();
    await fx.gateway.describe(copy!.CopyJobId, { kind: 'copy', region: 'us-east-1' });
    expect(fx.emulator.stats().total).toBe(1);
    await expect(fx.gateway.describe('ABCDEF01-2345-6789-ABCD-EF0123456789')).rejects.toMatchObject({
      code: 'AWS_NOT_FOUND',
      message: expect.stringContaining('backup, copy or restore job'),
    });
  });

  it('counts copy failures and restore validation outcomes for alert rules', async () => {
    addCopies();
    addRestores();
    const window = { start: new Date(Date.now() - 86_400_000), end: new Date(Date.now() + 60_000) };
    const copies = await fx.gateway.countJobs(
      { jobKind: 'copy', states: ['FAILED'], accounts: ['*'], resourceTypes: [], vaults: [], regions: [] },
      window,
    );
    expect(copies.total).toBe(2);
    expect(copies.byRegion).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
    const restores = await fx.gateway.countJobs(
      {
        jobKind: 'restore',
        states: ['VALIDATION_FAILED', 'VALIDATION_TIMED_OUT', 'FAILED', 'PARTIAL'],
        accounts: ['*'],
        resourceTypes: [],
        vaults: [],
        regions: [],
      },
      window,
    );
    // PARTIAL is not a restore state: it is not asked for.
    expect(restores.byState).toEqual({ FAILED: 1, VALIDATION_FAILED: 1, VALIDATION_TIMED_OUT: 1 });
    expect(restores.topReasons.map((r) => r.reason)).toContain('Validation script exited with code 2');
    const vaulted = await fx.gateway.countJobs(
      {
        jobKind: 'copy',
        states: ['FAILED'],
        accounts: ['*'],
        resourceTypes: [],
        vaults: ['eu-dr'],
        regions: [],
      },
      window,
    );
    expect(vaulted.total).toBe(1);
  });

  it('summarises each kind from its own Summaries API', async () => {
    const query = (jobKind: SummaryQuery['jobKind']): SummaryQuery => ({
      kind: 'summary',
      jobKind,
      text: 'summary',
      notes: [],
      visibility: 'ephemeral',
      regions: [],
      summary: { period: 'SEVEN_DAYS' },
    });
    const copy = await fx.gateway.summary(query('copy'));
    expect(copy.jobKind).toBe('copy');
    expect(fx.emulator.stats().calls.ListCopyJobSummaries).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
    const restore = await fx.gateway.summary(query('restore'));
    expect(restore.rows.every((r) => r.messageCategory === 'ANY')).toBe(true);
    expect(fx.emulator.stats().calls.ListRestoreJobSummaries).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
  });

  it('names the missing IAM action of each new operation', async () => {
    for (const [operation, run] of [
      ['ListCopyJobs', () => all(fx, { jobKind: 'copy' })],
      ['ListRestoreJobs', () => all(fx, { jobKind: 'restore' })],
      ['DescribeCopyJob', () => fx.gateway.describe('ABCDEF01-2345', { kind: 'copy', region: 'us-east-1' })],
      [
        'DescribeRestoreJob',
        () => fx.gateway.describe('ABCDEF01-2345', { kind: 'restore', region: 'us-east-1' }),
      ],
    ] as const) {
      fx.emulator.setFaults({ denyOperations: [operation] });
      const err = (await (run as () => Promise<unknown>)().then(
        () => null,
        (e: unknown) => e,
      )) as CodedError | null;
      expect(err?.code, operation).toBe('AWS_ACCESS_DENIED');
      expect(err?.remedy).toContain(`backup:${operation}`);
    }
  });
});
