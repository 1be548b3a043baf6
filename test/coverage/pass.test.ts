import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackupClients, createBackupGateway } from '../../src/backup/index.js';
import { type CoverageService, createCoverageService } from '../../src/coverage/index.js';
import { type AwsFixture, startAwsFixture, TEST_CREDENTIALS } from '../helpers/aws.js';
import { testRedis } from '../helpers/redis.js';

const HOUR = 3_600_000;
const quiet = pino({ level: 'silent' });

describe('coverage passes over the emulated organisation', () => {
  let fx: AwsFixture;
  let db: ReturnType<typeof testRedis>;
  let coverage: CoverageService;
  beforeAll(async () => {
    fx = await startAwsFixture({
      regions: ['us-east-1', 'eu-west-1'],
      accounts: 3,
      jobs: 3000,
      seed: 7,
      defaultAccountId: '*',
    });
    db = testRedis();
  });
  beforeEach(async () => {
    coverage = createCoverageService({
      redis: db.redis,
      prefix: db.prefix,
      backup: fx.gateway,
      now: () => new Date(),
      log: quiet,
    });
    await coverage.store.clear();
    fx.emulator.setFaults({});
    fx.emulator.resetStats();
  });
  afterAll(async () => {
    await db.cleanup();
    await fx.close();
  });

  it('finds the resource whose backups quietly stopped, and the one whose copies did', async () => {
    const first = await coverage.pass();
    expect(first.failures).toEqual([]);
    expect(first.full).toBe(true);
    const gaps = fx.emulator.seededGaps();
    const stale = await coverage.stale({ maxAgeMs: 48 * HOUR, copies: false, filters: {} });
    const arns = stale.entries.map((e) => e.resource.resourceArn);
    expect(arns).toContain(gaps.staleBackup!.resourceArn);
    const entry = stale.entries.find((e) => e.resource.resourceArn === gaps.staleBackup!.resourceArn)!;
    expect(Math.abs(Date.parse(entry.lastGoodAt!) - gaps.staleBackup!.lastBackupTime.getTime())).toBeLessThan(
      1000,
    );
    // Stalest first.
    const ages = stale.entries.map((e) => (e.lastGoodAt ? Date.parse(e.lastGoodAt) : 0));
    expect([...ages].sort((a, b) => a - b)).toEqual(ages);
    expect(gaps.staleCopy).toBeDefined();
    const copies = await coverage.stale({ maxAgeMs: 72 * HOUR, copies: true, filters: {} });
    expect(copies.entries.map((e) => e.resource.resourceArn)).toContain(gaps.staleCopy!.resourceArn);
    expect(stale.entries.map((e) => e.resource.resourceArn)).not.toContain(gaps.staleCopy!.resourceArn);
  });

  it('costs one List call per kind and Region once nothing is new, whatever the estate', async () => {
    await coverage.pass();
    fx.emulator.resetStats();
    const steady = await coverage.pass();
    expect(steady.full).toBe(false);
    const calls = fx.emulator.stats().calls;
    expect(calls.ListBackupJobs).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
    expect(calls.ListCopyJobs).toEqual({ 'us-east-1': 1, 'eu-west-1': 1 });
    expect(calls.ListProtectedResources).toBeUndefined();
  });

  it('sees a resource go stale and recover', async () => {
    await coverage.pass();
    const fresh = (await coverage.stale({ maxAgeMs: 48 * HOUR, copies: false, filters: {} })).entries.map(
      (e) => e.resource.resourceArn,
    );
    const all = await coverage.groups({ maxAgeMs: 48 * HOUR, filters: {} });
    expect(all.groups.reduce((n, g) => n + g.fresh, 0)).toBeGreaterThan(0);
    const gap = fx.emulator.seededGaps().staleBackup!;
    expect(fresh).toContain(gap.resourceArn);
    fx.emulator.recover(gap.resourceArn);
    await coverage.pass();
    const after = (await coverage.stale({ maxAgeMs: 48 * HOUR, copies: false, filters: {} })).entries.map(
      (e) => e.resource.resourceArn,
    );
    expect(after).not.toContain(gap.resourceArn);
  });

  it('keeps the last good state and says why when AWS fails a pass', async () => {
    await coverage.pass();
    const before = await coverage.status();
    fx.emulator.setFaults({ errorRate: 1, regions: ['eu-west-1'] });
    const failed = await coverage.pass();
    expect(failed.failures.map((f) => f.what)).toContain('backup jobs in eu-west-1');
    const status = await coverage.status();
    expect(status.passAt).toBe(before.passAt);
    expect(status.failure?.reason).toMatch(/eu-west-1/);
    expect(status.resources).toBe(before.resources);
  });

  it('reads member accounts through their role, and names one that cannot be read', async () => {
    const clients = createBackupClients({
      regions: fx.emulator.regions,
      endpoint: fx.emulator.url,
      credentials: TEST_CREDENTIALS,
      memberRoleName: 'OrganizationAccountAccessRole',
      maxAttempts: 1,
    });
    const gateway = createBackupGateway({ clients, defaultAccountId: '*' });
    const [, denied] = fx.emulator.accounts.slice(1);
    fx.emulator.setFaults({ denyAssumeRole: [denied!] });
    const org = createCoverageService({
      redis: db.redis,
      prefix: `${db.prefix}m`,
      backup: gateway,
      now: () => new Date(),
      log: quiet,
    });
    await org.store.clear();
    try {
      await org.pass();
      const status = await org.status();
      const byId = new Map(status.accounts.map((a) => [a.accountId, a]));
      expect(byId.get(fx.emulator.accounts[0]!)?.readAt).toBeDefined();
      expect(byId.get(fx.emulator.accounts[1]!)?.readAt).toBeDefined();
      expect(byId.get(denied!)?.problem).toMatch(/could not assume/);
      // Retired resources (a recovery point 40 to 90 days old, no job in 30 days) are known from
      // ListProtectedResources of the accounts that could be read, older than any job kept.
      const readable = fx.emulator.seededGaps().retired.filter((r) => r.accountId !== denied);
      expect(readable.length).toBeGreaterThan(0);
      for (const retired of readable) {
        const [record] = await org.find(retired.resourceArn);
        expect(record?.listedAt, retired.resourceArn).toBeDefined();
        expect(Date.parse(record!.lastBackupAt!)).toBeLessThan(Date.now() - 30 * 24 * HOUR);
      }
    } finally {
      await org.store.clear();
      clients.destroy();
    }
  });
});
