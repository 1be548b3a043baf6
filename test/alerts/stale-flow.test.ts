import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseRules, type StaleRule } from '../../src/alerts/rules.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { ruleStatus } from '../../src/alerts/status.js';
import { NO_COVERAGE, runTick, type TickDeps } from '../../src/alerts/tick.js';
import { createAlertWorker } from '../../src/alerts/worker.js';
import { DEMO_ORG } from '../../src/cli/demo.js';
import { backUpSeededGap } from '../../src/cli/demo-burst.js';
import { DEMO_STALE_RULE, demoRules } from '../../src/cli/demo-rules.js';
import { staleCount } from '../../src/coverage/alert-count.js';
import { type CoverageService, createCoverageService } from '../../src/coverage/service.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';
import {
  actionIds,
  dropPrefix,
  quiet,
  redisConnection,
  replies,
  ruleSource,
  staleRule,
  standInPoster,
  startStandIn,
  testPrefix,
  topLevel,
} from './helpers.js';
import { backedUp, HOUR } from './stale-records.js';

let aws: AwsFixture;
let standIn: SlackStandIn;
let redis: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  aws = await startAwsFixture({ regions: ['us-east-1', 'eu-west-1'], jobs: 0, accounts: 1 });
  standIn = await startStandIn();
  redis = redisConnection();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
  await aws.close();
});

/** Coverage and a tick's dependencies on one prefix and one clock, which the test moves. */
function setup() {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const clock = { now: Date.now() };
  const coverage = createCoverageService({
    redis,
    prefix,
    backup: aws.gateway,
    now: () => new Date(clock.now),
    log: quiet,
  });
  const deps: TickDeps = {
    store: createAlertStore(redis, prefix),
    poster: standInPoster(standIn),
    owner: 'w1',
    leaseMs: 30_000,
    clock: () => clock.now,
    logger: quiet,
    count: async () => {
      throw new Error('a stale rule counts no jobs');
    },
    stale: (rule, at) => staleCount(coverage, rule, at),
  };
  return { clock, coverage, deps };
}

/** What a finished pass left: these records, read just now (so no pass runs before the count). */
async function kept(
  coverage: CoverageService,
  at: number,
  ...records: Parameters<CoverageService['store']['putMany']>[0]
) {
  await coverage.store.putMany(records);
  await coverage.store.passFinished(new Date(at).toISOString());
}

describe('a stale rule tick against coverage in Redis and the Slack stand-in', () => {
  it('fires when a last good backup passes maxAge, updates as a second goes stale, resolves once both are backed up', async () => {
    const { clock, coverage, deps } = setup();
    const r = staleRule({ channel: 'C0ALERT1' });
    const t0 = clock.now;
    await kept(
      coverage,
      t0,
      backedUp({ name: 'orders-db' }, t0, 20 * HOUR),
      backedUp({ name: 'users-db' }, t0, 10 * HOUR),
    );
    expect(await runTick(deps, r, t0)).toMatchObject({ transition: 'none', total: 0 });

    clock.now = t0 + 7 * HOUR;
    await coverage.store.passFinished(new Date(clock.now).toISOString());
    expect(await runTick(deps, r, clock.now)).toMatchObject({ transition: 'fire', total: 1 });
    const [alert] = topLevel(standIn, 'C0ALERT1');
    expect(alert!.text).toBe(
      'Alert stale-backups: 1 resource with no good backup in the last 1d 2h (threshold 1)',
    );
    expect(JSON.stringify(alert!.blocks)).toContain('• orders-db (27 hours)');
    expect(actionIds(alert!.blocks)).toEqual([
      'bj_run_again:0',
      'bj_alert_ack',
      'bj_alert_mute_1h',
      'bj_alert_mute_8h',
      'bj_alert_mute_24h',
    ]);
    const show = (alert!.blocks.find((b) => b.type === 'actions')!.elements as { value: string }[])[0]!;
    expect(show.value).toBe('stale 26h');

    clock.now = t0 + 17 * HOUR;
    await coverage.store.passFinished(new Date(clock.now).toISOString());
    expect(await runTick(deps, r, clock.now)).toMatchObject({ transition: 'update', total: 2 });
    expect(topLevel(standIn, 'C0ALERT1')).toHaveLength(1);
    const updated = standIn.message(alert!.id)!;
    expect(updated.text).toContain('2 resources with no good backup in the last 1d 2h');
    expect(JSON.stringify(updated.blocks)).toContain('• orders-db (37 hours)\\n• users-db (27 hours)');

    clock.now = t0 + 18 * HOUR;
    await kept(
      coverage,
      clock.now,
      backedUp({ name: 'orders-db' }, clock.now, HOUR),
      backedUp({ name: 'users-db' }, clock.now, HOUR),
    );
    expect(await runTick(deps, r, clock.now)).toMatchObject({ transition: 'resolve', total: 0 });
    expect(standIn.message(alert!.id)?.text).toContain(
      'Resolved stale-backups: 0 resources with no good backup',
    );
    expect(replies(standIn, 'C0ALERT1').map((m) => [m.threadTs, m.text])).toEqual([
      [
        alert!.ts,
        '✅ Resolved after 11h: 0 resources with no good backup in the last 1d 2h, under the threshold of 1.',
      ],
    ]);
  });

  it('names an account it could not read, and does not resolve until it can', async () => {
    const { clock, coverage, deps } = setup();
    const r = staleRule({ name: 'stale-org', channel: 'C0ALERT2', accounts: ['*'] });
    const t0 = clock.now;
    await kept(coverage, t0, backedUp({ name: 'orders-db' }, t0, 30 * HOUR));
    const at = new Date(t0).toISOString();
    await coverage.store.setAccountReads(at, [{ accountId: '222233334444', problem: 'access denied' }]);
    expect(await runTick(deps, r, t0)).toMatchObject({ transition: 'fire', total: 1 });
    const [alert] = topLevel(standIn, 'C0ALERT2');
    expect(JSON.stringify(alert!.blocks)).toContain(
      ':warning: account 222233334444 could not be read: access denied',
    );

    clock.now = t0 + HOUR;
    await kept(coverage, clock.now, backedUp({ name: 'orders-db' }, clock.now, HOUR));
    expect(await runTick(deps, r, clock.now)).toMatchObject({ transition: 'none', total: 0 });
    expect(ruleStatus(r, (await deps.store.read(r.name)).doc.state, clock.now)).toMatchObject({
      state: 'UNKNOWN',
      reason: 'Coverage could not be read: account 222233334444: access denied',
      firingSince: t0,
    });

    clock.now = t0 + 2 * HOUR;
    await coverage.store.setAccountReads(new Date(clock.now).toISOString(), [
      { accountId: '222233334444', readAt: new Date(clock.now).toISOString() },
    ]);
    expect(await runTick(deps, r, clock.now)).toMatchObject({ transition: 'resolve', total: 0 });
  });

  it('is UNKNOWN, and says why, on a worker given no coverage', async () => {
    const { clock, deps } = setup();
    const { stale: _stale, ...without } = deps;
    const r = staleRule({ name: 'stale-nowhere', channel: 'C0ALERT3' });
    expect(await runTick(without, r, clock.now)).toEqual({ transition: 'none' });
    expect(ruleStatus(r, (await deps.store.read(r.name)).doc.state, clock.now)).toMatchObject({
      state: 'UNKNOWN',
      reason: `Coverage could not be read: ${NO_COVERAGE}`,
    });
    expect(topLevel(standIn, 'C0ALERT3')).toEqual([]);
  });
});

describe('the alert worker with coverage', () => {
  it('runs coverage passes on a scheduler of its own, which syncing the rules file keeps', async () => {
    const { coverage } = setup();
    const prefix = prefixes.at(-1)!;
    const ended = (Date.now() - 3 * 24 * HOUR) / 1000;
    aws.emulator.addJobs([
      { Region: 'eu-west-1', State: 'COMPLETED', CompletionDate: ended, ResourceName: 'orders-db' },
    ]);
    const rules = await ruleSource(redis, prefix);
    const options = {
      connection: redis,
      prefix,
      rules,
      count: async () => {
        throw new Error('no count rules here');
      },
      poster: standInPoster(standIn),
      logger: quiet,
    };
    const worker = createAlertWorker({
      ...options,
      coveragePass: { run: () => coverage.pass(), everyMs: 3_600_000 },
    });
    const passed = new Promise<unknown>((resolve) =>
      worker.worker.on('completed', (job, result) => {
        if (job.name === 'coverage-pass') resolve(result);
      }),
    );
    expect(await worker.start()).toMatchObject({ added: ['coverage-pass'], removed: [] });
    expect(await passed).toMatchObject({ pass: { jobs: 1, failures: [] } });
    expect((await coverage.stale({ maxAgeMs: 26 * HOUR, copies: false, filters: {} })).entries).toHaveLength(
      1,
    );
    await worker.close();

    const plain = createAlertWorker(options);
    expect(await plain.start()).toMatchObject({ removed: [] });
    expect((await plain.queue.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['coverage-pass']);
    await plain.close();
    await rules.stop();
    aws.emulator.clearJobs();
  });
});

describe('the demo’s stale rule on the organisation the demo emulates', () => {
  it('fires for the one resource whose plan stopped, and resolves once the burst backs it up', async () => {
    const demo = await startAwsFixture({
      ...DEMO_ORG,
      regions: [...DEMO_ORG.regions],
      defaultAccountId: '*',
    });
    try {
      const gap = demo.emulator.seededGaps().staleBackup!;
      const r = parseRules(parseYaml(demoRules(gap))).rules.find((x) => x.name === DEMO_STALE_RULE);
      expect(r?.kind).toBe('stale');
      const prefix = testPrefix();
      prefixes.push(prefix);
      const coverage = createCoverageService({
        redis,
        prefix,
        backup: demo.gateway,
        now: () => new Date(),
        log: quiet,
      });
      const rule = r as StaleRule;
      const before = await staleCount(coverage, rule, new Date());
      expect([before.total, before.topResources.map((x) => x.name)]).toEqual([
        1,
        [expect.stringMatching(new RegExp(`^${gap.resourceName} \\([23] days\\)$`))],
      ]);
      expect(before.failedRegions).toEqual([]);
      expect(backUpSeededGap(demo.emulator)).toEqual(gap);
      await coverage.pass();
      expect((await staleCount(coverage, rule, new Date())).total).toBe(0);
    } finally {
      await demo.close();
    }
  }, 60_000);
});
