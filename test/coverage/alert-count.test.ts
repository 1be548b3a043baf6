import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staleCount } from '../../src/coverage/alert-count.js';
import { type CoverageService, createCoverageService } from '../../src/coverage/service.js';
import { dropPrefix, quiet, redisConnection, staleRule, testPrefix } from '../alerts/helpers.js';
import { backedUp, backupJob, copyJob, DAY, HOUR, recordOf } from '../alerts/stale-records.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';

let aws: AwsFixture;
let redis: Redis;
const prefixes: string[] = [];
const NOW = Date.now();

beforeAll(async () => {
  aws = await startAwsFixture({ regions: ['us-east-1', 'eu-west-1'], jobs: 0, accounts: 1 });
  redis = redisConnection();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
  await aws.close();
});

let coverage: CoverageService;
beforeEach(() => {
  aws.emulator.clearJobs();
  const prefix = testPrefix();
  prefixes.push(prefix);
  coverage = createCoverageService({
    redis,
    prefix,
    backup: aws.gateway,
    now: () => new Date(NOW),
    log: quiet,
  });
});

/** Records as a pass left them a minute ago, so that no pass runs before the count. */
async function kept(...records: Parameters<CoverageService['store']['putMany']>[0]) {
  await coverage.store.putMany(records);
  await coverage.store.passFinished(new Date(NOW - 60_000).toISOString());
}

describe('staleCount: a stale rule counted from coverage (real Redis)', () => {
  it('counts the resources older than maxAge, names the first ten with their age, stalest first', async () => {
    await kept(
      backedUp({ name: 'orders-db' }, NOW, 3 * DAY + 5 * HOUR, {
        state: 'FAILED',
        statusMessage: 'Access denied to the KMS key',
      }),
      backedUp({ name: 'users-db', account: '444455556666', region: 'us-east-1' }, NOW, 30 * HOUR, {
        state: 'FAILED',
        statusMessage: 'Access denied to the KMS key',
      }),
      backedUp({ name: 'fresh-db' }, NOW, 2 * HOUR),
      { ...backedUp({ name: 'deleted-db' }, NOW, 9 * DAY), goneAt: new Date(NOW - DAY).toISOString() },
      {
        resourceArn: 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-0abc',
        accountId: '111122223333',
        region: 'eu-west-1',
        resourceType: 'EBS',
      },
      ...Array.from({ length: 10 }, (_, i) =>
        backedUp({ name: `batch-${i}`, type: 'Aurora' }, NOW, 27 * HOUR),
      ),
    );
    const count = await staleCount(coverage, staleRule(), new Date(NOW));
    expect(count.total).toBe(13);
    expect(count.byState).toEqual({ STALE: 13 });
    expect(count.byAccount).toEqual({ '111122223333': 12, '444455556666': 1 });
    expect(count.byRegion).toEqual({ 'eu-west-1': 12, 'us-east-1': 1 });
    expect(count.byResourceType).toEqual({ RDS: 2, Aurora: 10, EBS: 1 });
    expect(count.topResources.map((r) => r.name)).toEqual([
      'vol-0abc (no good backup known)',
      'orders-db (3 days)',
      'users-db (30 hours)',
      ...Array.from({ length: 7 }, () => expect.stringMatching(/^batch-\d \(27 hours\)$/) as string),
    ]);
    expect(count.topReasons).toEqual([
      { reason: 'no backup job since the last good one', count: 10 },
      { reason: 'Access denied to the KMS key', count: 2 },
      { reason: 'no backup job in the 30 days AWS keeps', count: 1 },
    ]);
    expect(count.failedRegions).toEqual([]);
  });

  it('narrows to the rule filters and to its age', async () => {
    await kept(
      backedUp({ name: 'orders-db', vault: 'prod' }, NOW, 3 * DAY),
      backedUp({ name: 'users-db', vault: 'dev', region: 'us-east-1' }, NOW, 3 * DAY),
      backedUp({ name: 'logs', type: 'S3', vault: 'prod' }, NOW, 3 * DAY),
    );
    const rds = staleRule({ resourceTypes: ['RDS'], vaults: ['prod'] });
    expect((await staleCount(coverage, rds, new Date(NOW))).topResources).toEqual([
      { name: 'orders-db (3 days)', count: 1 },
    ]);
    const week = staleRule({ maxAge: 7 * DAY, regions: ['eu-west-1'] });
    expect((await staleCount(coverage, week, new Date(NOW))).total).toBe(0);
  });

  it('counts a resource once by its stalest copy destination, with the copy job reasons', async () => {
    const db = { name: 'orders-db' };
    await kept(
      recordOf(
        backupJob(db, NOW - HOUR),
        copyJob(db, 'us-west-2/999988887777', NOW - 4 * DAY),
        copyJob(db, 'us-west-2/999988887777', NOW - 3 * DAY, {
          state: 'FAILED',
          statusMessage: 'the destination vault access policy denies backup:CopyIntoBackupVault',
        }),
        copyJob(db, 'eu-central-1/111122223333', NOW - 50 * HOUR),
      ),
      recordOf(
        backupJob({ name: 'fresh-db' }, NOW - HOUR),
        copyJob({ name: 'fresh-db' }, 'us-west-2/999988887777', NOW - HOUR),
      ),
    );
    const count = await staleCount(coverage, staleRule({ copies: true, maxAge: 2 * DAY }), new Date(NOW));
    expect(count).toMatchObject({
      total: 1,
      byState: { STALE_COPY: 1 },
      topResources: [{ name: 'orders-db → us-west-2/999988887777 (4 days)', count: 1 }],
      topReasons: [
        { reason: 'the destination vault access policy denies backup:CopyIntoBackupVault', count: 1 },
      ],
    });
  });

  it('names a pass that did not finish and the accounts in scope that could not be read', async () => {
    await kept(backedUp({ name: 'orders-db' }, NOW, 3 * DAY));
    const at = new Date(NOW - 30_000).toISOString();
    await coverage.store.passFailed(at, 'backup jobs in us-east-1: AWS Backup is throttling requests');
    await coverage.store.setAccountReads(at, [
      { accountId: '111122223333', readAt: at },
      { accountId: '222233334444', problem: 'access denied' },
    ]);
    const all = await staleCount(coverage, staleRule({ accounts: ['*'] }), new Date(NOW));
    expect(all.total).toBe(1);
    expect(all.failedRegions).toEqual([
      { region: 'AWS Backup', reason: 'backup jobs in us-east-1: AWS Backup is throttling requests' },
      { region: 'account 222233334444', reason: 'access denied' },
    ]);
    const one = await staleCount(coverage, staleRule({ accounts: ['111122223333'] }), new Date(NOW));
    expect(one.failedRegions.map((f) => f.region)).toEqual(['AWS Backup']);
  });

  it('runs a pass first when the kept state is old: what AWS lists is counted', async () => {
    const ended = (NOW - 3 * DAY) / 1000;
    aws.emulator.addJobs([
      {
        Region: 'eu-west-1',
        State: 'COMPLETED',
        CompletionDate: ended,
        ResourceType: 'RDS',
        ResourceName: 'orders-db',
      },
    ]);
    expect(await coverage.store.count()).toBe(0);
    const count = await staleCount(coverage, staleRule({ accounts: ['*'] }), new Date(NOW));
    expect((await coverage.status()).passAt).toBe(new Date(NOW).toISOString());
    expect(count).toMatchObject({
      total: 1,
      topResources: [{ name: 'orders-db (3 days)' }],
      failedRegions: [],
    });
  });
});
