import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertWorker, createAlertWorker } from '../../src/alerts/worker.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';
import {
  addFailedJobs,
  BOT_TOKEN,
  dropPrefix,
  quiet,
  REDIS_URL,
  redisConnection,
  replies,
  rule,
  ruleSource,
  standInPoster,
  startStandIn,
  testPrefix,
  topLevel,
} from './helpers.js';

const CHILD = fileURLToPath(new URL('./fixtures/worker-child.ts', import.meta.url));
const REGIONS = ['us-east-1', 'eu-west-1'];
let aws: AwsFixture;
let standIn: SlackStandIn;
let redis: Redis;
const prefix = testPrefix();

beforeAll(async () => {
  aws = await startAwsFixture({ regions: REGIONS, jobs: 0, accounts: 2, defaultAccountId: '*' });
  standIn = await startStandIn();
  redis = redisConnection();
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
  await aws.close();
});

function failed(n: number) {
  addFailedJobs(aws.emulator, n, { region: 'us-east-1', agoMs: 60_000 });
}

async function startChild(r: ReturnType<typeof rule>): Promise<ChildProcess> {
  const settings = {
    redisUrl: REDIS_URL,
    prefix,
    slackApiUrl: standIn.apiUrl,
    botToken: BOT_TOKEN,
    awsUrl: aws.emulator.url,
    regions: REGIONS,
    rule: r,
    leaseMs: 3000,
    slackTimeoutMs: 2500,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, ALERT_CHILD: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toBe('ready\n');
  return child;
}

/** Resolves when the stand-in has received a call of `method` (its answer may still be pending). */
async function received(method: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((standIn.calls()[method] ?? 0) === 0) {
    if (Date.now() > deadline) throw new Error(`no ${method} call arrived`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a worker killed with SIGKILL in the middle of posting an alert', () => {
  it('loses nothing and posts nothing twice: the next worker finds the post and carries on', async () => {
    const r = rule({ channel: 'C0ALERT6', every: 1000 });
    standIn.setFaults({ latencyMs: 1200 });
    const child = await startChild(r);
    standIn.resetCalls();
    failed(4);
    await received('chat.postMessage');
    child.kill('SIGKILL');
    await once(child, 'exit');
    // Slack carries out the call the dead worker made: the alert exists, its ts is nowhere in Redis.
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT6' && !m.threadTs, 5000);
    standIn.setFaults({});

    const connection = redisConnection();
    const rules = await ruleSource(connection, prefix, [r]);
    const worker: AlertWorker = createAlertWorker({
      connection,
      prefix,
      rules,
      count: (scope, window) => aws.gateway.countJobs(scope, window),
      poster: standInPoster(standIn),
      logger: quiet,
      leaseMs: 3000,
    });
    await worker.start();
    failed(2);
    await standIn.waitForMessage((m) => m.id === alert.id && m.text.includes('6 failed or partial'), 15_000);
    aws.emulator.clearJobs();
    const reply = await standIn.waitForMessage(
      (m) => m.channel === 'C0ALERT6' && m.threadTs === alert.ts,
      15_000,
    );
    expect(reply.text).toContain('Resolved after');
    await worker.close();
    await rules.stop();
    await connection.quit();
    expect(topLevel(standIn, 'C0ALERT6')).toHaveLength(1);
    expect(replies(standIn, 'C0ALERT6')).toHaveLength(1);
    expect(standIn.calls()['chat.postMessage']).toBe(2);
  });
});
