import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSource } from '../../src/alerts/rule-source.js';
import { createRuleStore } from '../../src/alerts/rule-store.js';
import type { AlertJobData, SchedulerChanges } from '../../src/alerts/scheduler.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { type AlertWorker, createAlertWorker } from '../../src/alerts/worker.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';
import {
  addFailedJobs,
  dropPrefix,
  quiet,
  redisConnection,
  rule,
  ruleSource,
  standInPoster,
  startStandIn,
  testPrefix,
  topLevel,
} from './helpers.js';

let aws: AwsFixture;
let standIn: SlackStandIn;
let redis: Redis;
const prefixes: string[] = [];
const open: { workers: AlertWorker[]; sources: RuleSource[]; connections: Redis[] } = {
  workers: [],
  sources: [],
  connections: [],
};

beforeAll(async () => {
  aws = await startAwsFixture({ regions: ['eu-west-1'], jobs: 0, accounts: 1, defaultAccountId: '*' });
  standIn = await startStandIn();
  redis = redisConnection();
  addFailedJobs(aws.emulator, 2, { region: 'eu-west-1', agoMs: 60_000 });
});
afterAll(async () => {
  await Promise.all(open.workers.map((w) => w.close()));
  await Promise.all(open.sources.map((s) => s.stop()));
  await Promise.all(open.connections.map((c) => c.quit()));
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
  await aws.close();
});

/** A rule as a person makes it in Slack: ticks every 5 s (the least), fires on the 2 failed jobs. */
function slackRule(name: string, channel: string) {
  return { name, channel, states: ['FAILED'], threshold: 1, window: '1h', every: '5s', accounts: ['*'] };
}

/** The clock of the test: a rule of the file ticking on the same 5 s boundaries, that never fires. */
const CLOCK = rule({ name: 'clock', channel: 'C0ALERT1', threshold: 1000, every: 5000 });

/** `n` workers on one prefix, each with its connection and its own view of the rules. */
async function workers(prefix: string, n: number): Promise<AlertWorker[]> {
  const started: AlertWorker[] = [];
  for (let i = 0; i < n; i++) {
    const connection = redisConnection();
    const rules = await ruleSource(connection, prefix, [CLOCK], { pollMs: 200 });
    const worker = createAlertWorker({
      connection,
      prefix,
      rules,
      count: (scope, window) => aws.gateway.countJobs(scope, window),
      poster: standInPoster(standIn),
      logger: quiet,
    });
    open.connections.push(connection);
    open.sources.push(rules);
    open.workers.push(worker);
    await worker.start();
    started.push(worker);
  }
  return started;
}

/** The next sync of each worker after which `done` holds. */
function synced(all: AlertWorker[], done: (changes: SchedulerChanges) => boolean) {
  return Promise.all(
    all.map(
      (w) =>
        new Promise<void>((resolve) => {
          const off = w.onSync((changes) => {
            if (!done(changes)) return;
            off();
            resolve();
          });
        }),
    ),
  );
}

/** Ticks evaluated (not skipped), by rule, across the workers. */
function ticks(all: AlertWorker[]) {
  const seen: Record<string, number> = {};
  const listener = (job: Job<AlertJobData>, result: { transition?: string } | undefined) => {
    if (job.data.kind !== 'rule' || result?.transition === undefined) return;
    seen[job.data.rule] = (seen[job.data.rule] ?? 0) + 1;
  };
  for (const w of all) w.worker.on('completed', listener);
  const until = (name: string, n: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if ((seen[name] ?? 0) < n) return;
        for (const w of all) w.worker.off('completed', check);
        resolve();
      };
      for (const w of all) w.worker.on('completed', check);
      check();
    });
  const stop = () => {
    for (const w of all) w.worker.off('completed', listener);
  };
  return { seen, until, stop };
}

async function schedulerIds(worker: AlertWorker): Promise<string[]> {
  return (await worker.queue.getJobSchedulers(0, -1)).map((s) => s.key).sort();
}

describe('rules made in Slack reach running workers (real Redis, BullMQ, emulator, Slack stand-in)', () => {
  it('starts ticking a rule made in the store and stops one deleted, on every worker, without restart', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const both = await workers(prefix, 2);
    expect(await schedulerIds(both[0]!)).toEqual(['clock']);
    const store = createRuleStore(redis, prefix);

    const scheduled = synced(both, () => true);
    const made = await store.create(slackRule('made-in-slack', 'C0ALERT8'), 'U0ALICE');
    expect(made.ok).toBe(true);
    await scheduled;
    expect(await schedulerIds(both[0]!)).toEqual(['clock', 'made-in-slack']);
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT8' && !m.threadTs, 15_000);
    expect(alert.text).toBe('Alert made-in-slack: 2 failed backup jobs in the last 1h (threshold 1)');

    const unscheduled = synced(both, () => true);
    expect((await store.remove('made-in-slack', 1, 'U0ALICE')).ok).toBe(true);
    await unscheduled;
    expect(await schedulerIds(both[1]!)).toEqual(['clock']);
    expect(await redis.exists(createAlertStore(redis, prefix).key('made-in-slack'))).toBe(0);
    // The next tick of the clock, which shares its boundaries: the deleted rule ticks no more.
    const counted = ticks(both);
    await counted.until('clock', 1);
    counted.stop();
    expect(counted.seen['made-in-slack']).toBeUndefined();
    expect(topLevel(standIn, 'C0ALERT8')).toHaveLength(1);
  }, 45_000);

  it('stops ticking a paused rule, keeps its open alert, and goes on with it once resumed', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const [worker] = await workers(prefix, 1);
    const store = createRuleStore(redis, prefix);
    await store.create(slackRule('pausable', 'C0ALERT7'), 'U0ALICE');
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT7' && !m.threadTs, 15_000);

    const paused = synced([worker!], (c) => c.removed.includes('pausable'));
    await store.setPaused('pausable', true, 'U0BOB');
    await paused;
    const state = createAlertStore(redis, prefix);
    expect((await state.read('pausable')).doc.state).toMatchObject({ status: 'FIRING' });
    const whilePaused = ticks([worker!]);
    await whilePaused.until('clock', 1);
    whilePaused.stop();
    expect(whilePaused.seen.pausable).toBeUndefined();

    const resumed = synced([worker!], (c) => c.added.includes('pausable'));
    await store.setPaused('pausable', false, 'U0BOB');
    await resumed;
    const again = ticks([worker!]);
    await again.until('pausable', 1);
    again.stop();
    // The same incident goes on: no second alert for it.
    expect((await state.read('pausable')).doc.state.incident?.ts).toBe(alert.ts);
    expect(topLevel(standIn, 'C0ALERT7')).toHaveLength(1);
  }, 45_000);
});
