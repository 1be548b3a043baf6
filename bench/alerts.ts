import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { memoizeCount } from '../src/alerts/count-memo.js';
import { createSlackPoster } from '../src/alerts/poster.js';
import type { AlertRule } from '../src/alerts/rules.js';
import { createAlertStore } from '../src/alerts/state.js';
import { runTick, type TickDeps } from '../src/alerts/tick.js';
import type { AlertStateName } from '../src/alerts/types.js';
import { createBackupClients, createBackupGateway } from '../src/backup/index.js';
import { startBackupEmulator } from '../src/emulator/aws/index.js';
import { startSlackStandIn } from '../src/emulator/slack/index.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const STATE_SETS: AlertStateName[][] = [
  ['FAILED'],
  ['FAILED', 'PARTIAL'],
  ['COMPLETED_WITH_ISSUES'],
  ['ABORTED', 'EXPIRED'],
];
const TYPE_SETS = [[], ['RDS'], ['EBS'], ['DynamoDB'], ['RDS', 'EBS']];
const RULES = 200;
/** The worker's default concurrency. */
const CONCURRENCY = 8;

/** 200 rules over 20 distinct scopes (4 state sets x 5 resource-type sets), 10 rules per scope. */
function rules(channel: string): AlertRule[] {
  return Array.from({ length: RULES }, (_, i) => {
    const scope = i % (STATE_SETS.length * TYPE_SETS.length);
    return {
      name: `rule-${i}`,
      channel,
      states: STATE_SETS[scope % STATE_SETS.length]!,
      resourceTypes: TYPE_SETS[Math.floor(scope / STATE_SETS.length)]!,
      threshold: 1 + (i % 10) * 5,
      window: 24 * 3_600_000,
      every: 300_000,
      accounts: ['*'],
      vaults: [],
      regions: [],
    };
  });
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * One alert tick of 200 rules over 3 regions, as a worker runs it (concurrency 8): the real access
 * layer against the emulator (20,000 jobs), the real Redis, Slack stand-in for the posts. Reports
 * the tick time and AWS calls against the number of distinct scopes, for a first tick (alerts
 * fire) and a second one (nothing changes).
 */
export async function benchAlertTick(): Promise<Record<string, number>> {
  const emu = await startBackupEmulator({ jobs: 20_000, seed: 3, accounts: 3, regions: REGIONS });
  const slack = await startSlackStandIn({ signingSecret: 'bench-secret', botToken: 'xoxb-bench' });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const prefix = `{bjbench-${randomUUID().slice(0, 8)}}`;
  const clients = createBackupClients({
    regions: REGIONS,
    endpoint: emu.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench-secret-key-for-the-emulator' },
  });
  const gateway = createBackupGateway({ clients, defaultAccountId: '*' });
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const all = rules('C0OPS');
  const scopes = new Set(all.map((r) => JSON.stringify([r.states, r.resourceTypes]))).size;
  try {
    const tick = async (at: number) => {
      const count = memoizeCount((scope, window) => gateway.countJobs(scope, window));
      const deps: TickDeps = {
        store: createAlertStore(redis, prefix),
        poster: createSlackPoster(client),
        owner: 'bench',
        leaseMs: 60_000,
        clock: Date.now,
        logger: pino({ level: 'silent' }),
        count,
      };
      emu.resetStats();
      slack.resetCalls();
      const started = performance.now();
      await pool(all, CONCURRENCY, (rule) => runTick(deps, rule, at));
      return {
        ms: performance.now() - started,
        aws: emu.stats().total,
        counted: count.stats.counted,
        slack: slack.calls()['chat.postMessage'] ?? 0,
      };
    };
    const now = Date.now();
    const first = await tick(now);
    const second = await tick(now + 300_000);
    const unshared = all.reduce((sum, r) => sum + r.states.length * REGIONS.length, 0);
    return {
      rules: RULES,
      regions: REGIONS.length,
      distinctScopes: scopes,
      firstTickMs: Math.round(first.ms),
      firstTickAwsCalls: first.aws,
      firstTickCountsMade: first.counted,
      firstTickAlertsPosted: first.slack,
      secondTickMs: Math.round(second.ms),
      secondTickAwsCalls: second.aws,
      awsCallsWithoutSharing: unshared,
    };
  } finally {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
    clients.destroy();
    await slack.close();
    await emu.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchAlertTick();
  for (const [name, value] of Object.entries(results)) process.stdout.write(`${name.padEnd(28)}${value}\n`);
}
