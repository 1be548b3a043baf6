import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { memoizeCount } from '../../src/alerts/count-memo.js';
import { ruleToListQuery } from '../../src/alerts/list-query.js';
import { type CountRule, parseRules } from '../../src/alerts/rules.js';
import { SlackDeliveryError } from '../../src/alerts/slack-errors.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { ruleStatus } from '../../src/alerts/status.js';
import { ruleScope, runTick, type TickDeps } from '../../src/alerts/tick.js';
import { DEMO_ORG } from '../../src/cli/demo.js';
import { injectDrFailures } from '../../src/cli/demo-burst-dr.js';
import { demoRules } from '../../src/cli/demo-rules.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';
import {
  actionIds,
  addFailedCopyJobs,
  addFailedJobs,
  addRestoreTests,
  dropPrefix,
  quiet,
  redisConnection,
  replies,
  rule,
  standInPoster,
  startStandIn,
  testPrefix,
  topLevel,
} from './helpers.js';

let aws: AwsFixture;
let standIn: SlackStandIn;
let redis: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  aws = await startAwsFixture({
    regions: ['us-east-1', 'eu-west-1'],
    jobs: 0,
    accounts: 2,
    defaultAccountId: '*',
  });
  standIn = await startStandIn();
  redis = redisConnection();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
  await aws.close();
});

let t0 = 0;
beforeEach(() => {
  aws.emulator.clearJobs();
  standIn.setFaults({});
  t0 = Date.now();
});

function failed(n: number, region = 'us-east-1') {
  addFailedJobs(aws.emulator, n, {
    region,
    agoMs: 5 * 60_000,
    fields: (i) => ({
      ResourceType: 'RDS',
      ResourceName: `db-${i}`,
      StatusMessage: 'Access denied to the KMS key',
    }),
  });
}

function deps(connection: Redis, prefix: string, owner: string): TickDeps {
  return {
    store: createAlertStore(connection, prefix),
    poster: standInPoster(standIn),
    owner,
    leaseMs: 30_000,
    clock: Date.now,
    logger: quiet,
    count: memoizeCount((scope, window) => aws.gateway.countJobs(scope, window)),
  };
}

function channelNow(channel: string) {
  return { top: topLevel(standIn, channel), replies: replies(standIn, channel) };
}

function setup(channel: string) {
  const prefix = testPrefix();
  prefixes.push(prefix);
  return { prefix, r: rule({ channel }) };
}

describe('a rule tick against the AWS emulator and the Slack stand-in', () => {
  it('fires once, updates the same message in place, then resolves with a thread reply', async () => {
    const { prefix, r } = setup('C0ALERT1');
    const d = deps(redis, prefix, 'w1');
    failed(2);
    expect(await runTick(d, r, t0)).toMatchObject({ transition: 'none', total: 2 });
    failed(1, 'eu-west-1');
    expect(await runTick(d, r, t0 + 1000)).toMatchObject({ transition: 'fire', total: 3 });
    let seen = channelNow(r.channel);
    expect(seen.top).toHaveLength(1);
    const alert = seen.top[0]!;
    expect(alert.text).toContain('Alert prod-failures: 3 failed or partial backup jobs in the last 1h');
    expect(actionIds(alert.blocks)).toEqual([
      'bj_alert_show_jobs',
      'bj_alert_ack',
      'bj_alert_mute_1h',
      'bj_alert_mute_8h',
      'bj_alert_mute_24h',
    ]);
    expect(JSON.stringify(alert.blocks)).toContain('Access denied to the KMS key');

    failed(2);
    expect(await runTick(d, r, t0 + 2000)).toMatchObject({ transition: 'update', total: 5 });
    expect(await runTick(d, r, t0 + 3000)).toMatchObject({ transition: 'none', total: 5 });
    seen = channelNow(r.channel);
    expect(seen.top).toHaveLength(1);
    expect(standIn.message(alert.id)?.text).toContain('5 failed or partial');

    aws.emulator.clearJobs();
    expect(await runTick(d, r, t0 + 4000)).toMatchObject({ transition: 'resolve', total: 0 });
    seen = channelNow(r.channel);
    expect(seen.top).toHaveLength(1);
    expect(standIn.message(alert.id)?.text).toContain('Resolved prod-failures');
    expect(seen.replies).toHaveLength(1);
    expect(seen.replies[0]).toMatchObject({ threadTs: alert.ts });
    expect(seen.replies[0]!.text).toContain('Resolved after 3s');
  });

  it('posts one message per transition when three workers tick at once', async () => {
    const { prefix, r } = setup('C0ALERT2');
    const connections = [redisConnection(), redisConnection(), redisConnection()];
    const workers = connections.map((c, i) => deps(c, prefix, `w${i}`));
    failed(4);
    standIn.resetCalls();
    for (let tick = 0; tick < 5; tick++) {
      if (tick === 2) failed(1);
      if (tick === 4) aws.emulator.clearJobs();
      const at = t0 + tick * 1000;
      const outcomes = await Promise.all(workers.map((w) => runTick(w, r, at)));
      expect(outcomes.filter((o) => o.transition !== 'none').length).toBeLessThanOrEqual(1);
    }
    const seen = channelNow(r.channel);
    expect(seen.top).toHaveLength(1);
    expect(seen.replies).toHaveLength(1);
    // fire: 1 post; grow: 1 update; resolve: 1 update + 1 reply.
    expect(standIn.calls()).toMatchObject({ 'chat.postMessage': 2, 'chat.update': 2 });
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('waits out Slack 429s without posting twice', async () => {
    const { prefix, r } = setup('C0ALERT3');
    const d = deps(redis, prefix, 'w1');
    failed(3);
    standIn.setFaults({ rateLimit: { methods: ['chat.postMessage'], times: 2, retryAfterSec: 7 } });
    const refused = await runTick(d, r, t0).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(SlackDeliveryError);
    expect((refused as SlackDeliveryError).failure).toEqual({
      kind: 'rate_limited',
      reason: 'ratelimited',
      retryAfterMs: 7000,
    });
    // The retry finishes the owed post before anything else; the second 429 changes nothing.
    await expect(runTick(d, r, t0)).rejects.toBeInstanceOf(SlackDeliveryError);
    expect(await runTick(d, r, t0)).toMatchObject({ transition: 'none', skipped: 'stale' });
    expect(await runTick(d, r, t0 + 1000)).toMatchObject({ transition: 'none' });
    expect(channelNow(r.channel).top).toHaveLength(1);
  });

  it('renotifies in the thread after the interval while nobody acknowledges', async () => {
    const { prefix } = setup('C0ALERT4');
    const r = rule({ channel: 'C0ALERT4', renotify: 2000, mention: '@here' });
    const d = deps(redis, prefix, 'w1');
    failed(3);
    expect(await runTick(d, r, t0)).toMatchObject({ transition: 'fire' });
    expect(await runTick(d, r, t0 + 1000)).toMatchObject({ transition: 'none' });
    expect(await runTick(d, r, t0 + 2000)).toMatchObject({ transition: 'renotify' });
    const [alert] = channelNow('C0ALERT4').top;
    expect(channelNow('C0ALERT4').replies.map((m) => [m.threadTs, m.text])).toEqual([
      [alert!.ts, '<!here> 🔁 Still firing after 2s: 3 failed or partial backup jobs, not acknowledged yet.'],
    ]);
  });

  it('shows ERROR when the channel is gone, without retrying, and delivers once it is back', async () => {
    const { prefix } = setup('C0ALERT5');
    const r = rule({ channel: 'C0ALERT5' });
    const d = deps(redis, prefix, 'w1');
    failed(3);
    standIn.setFaults({ error: { methods: ['chat.postMessage'], times: 1, error: 'channel_not_found' } });
    const err = await runTick(d, r, t0).catch((e: unknown) => e);
    expect((err as SlackDeliveryError).failure).toEqual({ kind: 'permanent', reason: 'channel_not_found' });
    const stored = await d.store.read(r.name);
    expect(ruleStatus(r, stored.doc.state, t0)).toMatchObject({
      state: 'ERROR',
      reason: expect.stringContaining('Slack cannot find the channel'),
    });
    expect(stored.doc.effects).toEqual([]);
    expect(await runTick(d, r, t0 + 1000)).toMatchObject({ transition: 'fire' });
    expect(ruleStatus(r, (await d.store.read(r.name)).doc.state, t0)).toMatchObject({ state: 'FIRING' });
    expect(channelNow('C0ALERT5').top).toHaveLength(1);
  });
});

describe('rules of each kind, against the copy and restore jobs the emulator serves', () => {
  beforeEach(() => {
    aws.emulator.clearCopyJobs();
    aws.emulator.clearRestoreJobs();
  });

  /** The ids of the jobs the Show jobs button of a rule lists, through the real listing. */
  async function shownJobs(r: ReturnType<typeof rule>): Promise<string[]> {
    const listing = aws.gateway.openListing(ruleToListQuery(r, new Date()));
    const ids: string[] = [];
    for await (const jobs of aws.gateway.iterateJobs(listing)) ids.push(...jobs.map((j) => j.jobId));
    return ids.sort();
  }

  it('fires a copy rule from failing copy jobs, counted apart from the backup rule of the same scope', async () => {
    const { prefix } = setup('C0ALERT6');
    const copies = rule({ name: 'dr-copies', kind: 'copy', channel: 'C0ALERT6' });
    const backups = rule({ name: 'prod-failures', channel: 'C0ALERT6' });
    const count = memoizeCount((scope, window) => aws.gateway.countJobs(scope, window));
    const d = { ...deps(redis, prefix, 'w1'), count };
    const failedCopies = addFailedCopyJobs(aws.emulator, 3, {
      region: 'us-east-1',
      agoMs: 5 * 60_000,
      fields: (i) => ({
        ResourceType: 'RDS',
        ResourceName: `orders-db-${i}`,
        StatusMessage:
          'Copy job failed: the destination vault access policy denies backup:CopyIntoBackupVault',
      }),
    });
    const partial = addFailedCopyJobs(aws.emulator, 1, {
      region: 'eu-west-1',
      agoMs: 60_000,
      fields: () => ({ State: 'PARTIAL' }),
    });
    // Completed copies and copies older than the window count for nobody.
    addFailedCopyJobs(aws.emulator, 2, {
      region: 'us-east-1',
      agoMs: 60_000,
      fields: () => ({ State: 'COMPLETED' }),
    });
    addFailedCopyJobs(aws.emulator, 2, { region: 'us-east-1', agoMs: 2 * 3_600_000 });
    failed(2);

    const [copy, backup] = await Promise.all([runTick(d, copies, t0), runTick(d, backups, t0)]);
    expect(copy).toMatchObject({ transition: 'fire', total: 4 });
    expect(backup).toMatchObject({ transition: 'none', total: 2 });
    expect(count.stats).toEqual({ asked: 2, counted: 2 });

    const [alert] = channelNow('C0ALERT6').top;
    expect(channelNow('C0ALERT6').top).toHaveLength(1);
    expect(alert!.text).toBe('Alert dr-copies: 4 failed or partial copy jobs in the last 1h (threshold 3)');
    const blocks = JSON.stringify(alert!.blocks);
    expect(blocks).toContain('*4 failed or partial copy jobs in the last 1h*');
    expect(blocks).toContain('• failed: 3');
    expect(blocks).toContain('• partial: 1');
    expect(blocks).toContain('the destination vault access policy denies backup:CopyIntoBackupVault (3)');
    expect(await shownJobs(copies)).toEqual([...failedCopies, ...partial].map((j) => j.CopyJobId).sort());

    aws.emulator.clearCopyJobs();
    expect(await runTick(d, copies, t0 + 1000)).toMatchObject({ transition: 'resolve', total: 0 });
    expect(standIn.message(alert!.id)?.text).toContain('Resolved dr-copies: 0 failed or partial copy jobs');
  });

  it('counts a copy in its source or its destination vault', async () => {
    const { prefix } = setup('C0ALERT7');
    const dr = rule({
      name: 'dr-vault',
      kind: 'copy',
      channel: 'C0ALERT7',
      threshold: 2,
      vaults: ['dr-vault'],
    });
    const d = deps(redis, prefix, 'w1');
    const account = aws.emulator.accounts[0]!;
    const intoDr = addFailedCopyJobs(aws.emulator, 2, {
      region: 'us-east-1',
      agoMs: 60_000,
      fields: () => ({
        DestinationBackupVaultArn: `arn:aws:backup:us-west-2:${account}:backup-vault:dr-vault`,
      }),
    });
    addFailedCopyJobs(aws.emulator, 3, {
      region: 'us-east-1',
      agoMs: 60_000,
      fields: () => ({
        DestinationBackupVaultArn: `arn:aws:backup:us-west-2:${account}:backup-vault:archive`,
      }),
    });
    expect(await runTick(d, dr, t0)).toMatchObject({ transition: 'fire', total: 2 });
    expect(await shownJobs(dr)).toEqual(intoDr.map((j) => j.CopyJobId).sort());
  });

  it('fires a restore rule from restore tests that failed validation, and only from those', async () => {
    const { prefix } = setup('C0ALERT8');
    const tests = rule({
      name: 'restore-tests',
      kind: 'restore',
      channel: 'C0ALERT8',
      states: ['VALIDATION_FAILED'],
      threshold: 2,
    });
    const d = deps(redis, prefix, 'w1');
    const invalid = addRestoreTests(aws.emulator, 2, {
      region: 'eu-west-1',
      agoMs: 10 * 60_000,
      validation: 'FAILED',
      fields: () => ({ ResourceType: 'RDS' }),
    });
    addRestoreTests(aws.emulator, 3, { region: 'eu-west-1', agoMs: 10 * 60_000, validation: 'SUCCESSFUL' });
    addRestoreTests(aws.emulator, 1, { region: 'us-east-1', agoMs: 10 * 60_000, validation: 'TIMED_OUT' });
    aws.emulator.addRestoreJobs([
      { Region: 'us-east-1', Status: 'FAILED', CompletionDate: Date.now() / 1000 - 60 },
    ]);

    expect(await runTick(d, tests, t0)).toMatchObject({ transition: 'fire', total: 2 });
    const [alert] = channelNow('C0ALERT8').top;
    expect(alert!.text).toBe(
      'Alert restore-tests: 2 restore tests failed validation in the last 1h (threshold 2)',
    );
    const blocks = JSON.stringify(alert!.blocks);
    expect(blocks).toContain('• validation failed: 2');
    expect(blocks).toContain('• RDS: 2');
    expect(await shownJobs(tests)).toEqual(invalid.map((j) => j.RestoreJobId).sort());

    // Counting timed-out validation too takes the restore test that timed out, still not the failed restore.
    const either = rule({
      ...tests,
      name: 'restore-tests-any',
      states: ['VALIDATION_FAILED', 'VALIDATION_TIMED_OUT'],
    });
    expect(await runTick(d, either, t0)).toMatchObject({ transition: 'fire', total: 3 });
    expect(channelNow('C0ALERT8').top.at(-1)!.text).toBe(
      'Alert restore-tests-any: 3 restore tests failed validation or timed out validating in the last 1h (threshold 2)',
    );
  });
});

describe('the demo rules', () => {
  it('stay quiet on the organisation the demo emulates, and fire on its burst of DR failures', async () => {
    // The emulator as cli/demo.ts starts it.
    const demo = await startAwsFixture({
      ...DEMO_ORG,
      regions: [...DEMO_ORG.regions],
      defaultAccountId: '*',
    });
    try {
      const rules = parseRules(parseYaml(demoRules())).rules.filter(
        (r): r is CountRule => r.kind === 'copy' || r.kind === 'restore',
      );
      expect(rules.map((r) => [r.name, r.kind])).toEqual([
        ['dr-copy-failures', 'copy'],
        ['restore-test-validation', 'restore'],
      ]);
      const totals = (end: number) =>
        Promise.all(
          rules.map(async (r) => {
            const window = { start: new Date(end - r.window), end: new Date(end) };
            return (await demo.gateway.countJobs(ruleScope(r), window)).total;
          }),
        );
      const before = await totals(Date.now());
      injectDrFailures(demo.emulator);
      const after = await totals(Date.now());
      expect(before.map((n, i) => n < rules[i]!.threshold)).toEqual([true, true]);
      expect(after.map((n, i) => n >= rules[i]!.threshold)).toEqual([true, true]);
    } finally {
      await demo.close();
    }
  });
});
