import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/alerts/rules.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { type AlertWorker, createAlertWorker } from '../../src/alerts/worker.js';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture } from '../helpers/aws.js';
import {
  addFailedCopyJobs,
  addFailedJobs,
  dropPrefix,
  quiet,
  redisConnection,
  replies,
  rule,
  ruleSource,
  standInPoster,
  startStandIn,
  testPrefix,
  topLevel,
} from './helpers.js';

let aws: AwsFixture;
let standIn: SlackStandIn;
const connections: Redis[] = [];
const prefixes: string[] = [];

beforeAll(async () => {
  aws = await startAwsFixture({
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    jobs: 0,
    accounts: 2,
    defaultAccountId: '*',
  });
  standIn = await startStandIn();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(connections[0]!, prefix);
  await Promise.all(connections.map((c) => c.quit()));
  await standIn.close();
  await aws.close();
});

function failed(n: number) {
  addFailedJobs(aws.emulator, n, { region: 'eu-west-1', agoMs: 60_000 });
}

/** Resolves once the workers together have finished `n` more jobs. */
function completions(workers: AlertWorker[], n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      seen += 1;
      if (seen < n) return;
      for (const w of workers) w.worker.off('completed', done);
      resolve();
    };
    for (const w of workers) w.worker.on('completed', done);
  });
}

describe('three BullMQ workers on one queue', () => {
  it('post one alert, one resolve reply, and wait out 429s without duplicates', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const r = rule({ channel: 'C0ALERT5', every: 1000 });
    const connected = [0, 1, 2].map(() => {
      const connection = redisConnection();
      connections.push(connection);
      return connection;
    });
    const sources = await Promise.all(connected.map((c) => ruleSource(c, prefix, [r])));
    const workers = connected.map((connection, i) =>
      createAlertWorker({
        connection,
        prefix,
        rules: sources[i]!,
        count: (scope, window) => aws.gateway.countJobs(scope, window),
        poster: standInPoster(standIn),
        logger: quiet,
      }),
    );
    await Promise.all(workers.map((w) => w.start()));
    standIn.setFaults({ rateLimit: { methods: ['chat.postMessage'], times: 3, retryAfterSec: 1 } });
    failed(4);
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT5' && !m.threadTs, 15_000);
    await completions(workers, 4);
    expect(topLevel(standIn, 'C0ALERT5')).toHaveLength(1);
    expect(alert.text).toContain('4 failed or partial');

    aws.emulator.clearJobs();
    const reply = await standIn.waitForMessage(
      (m) => m.channel === 'C0ALERT5' && m.threadTs === alert.ts,
      15_000,
    );
    expect(reply.text).toContain('Resolved after');
    await completions(workers, 4);
    expect(topLevel(standIn, 'C0ALERT5')).toHaveLength(1);
    expect(replies(standIn, 'C0ALERT5')).toHaveLength(1);
    expect(standIn.message(alert.id)?.text).toContain('Resolved prod-failures');
    // Three refused with 429, then the alert and the reply.
    expect(standIn.calls()['chat.postMessage']).toBe(5);
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(sources.map((s) => s.stop()));
  });
});

describe('a copy rule from the rules file', () => {
  it('fires from the failing copy jobs AWS lists, while the backup rule of the same scope stays quiet', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const dir = await mkdtemp(join(tmpdir(), 'bj-kind-rules-'));
    const path = join(dir, 'rules.yaml');
    // The same states, filters and interval for both rules: only the kind tells them apart.
    const scope = [
      'channel: C0ALERT6',
      'states: [failed]',
      'threshold: 3',
      'window: 1h',
      'every: 5s',
      'accounts: ["*"]',
    ];
    const yaml = [
      'rules:',
      '  - name: dr-copies',
      '    kind: copy',
      ...scope.map((line) => `    ${line}`),
      '  - name: prod-failures',
      ...scope.map((line) => `    ${line}`),
    ];
    await writeFile(path, `${yaml.join('\n')}\n`);
    const file = await loadRules(path);
    await rm(dir, { recursive: true, force: true });
    const connection = redisConnection();
    connections.push(connection);
    const rules = await ruleSource(connection, prefix, file.rules);
    const worker = createAlertWorker({
      connection,
      prefix,
      rules,
      count: (countScope, window) => aws.gateway.countJobs(countScope, window),
      poster: standInPoster(standIn),
      logger: quiet,
    });
    addFailedCopyJobs(aws.emulator, 4, {
      region: 'ap-southeast-2',
      agoMs: 60_000,
      fields: () => ({
        StatusMessage: 'Copy job failed: the destination KMS key is not shared with this account',
      }),
    });
    failed(1);
    const firstTicks = completions([worker], 2);
    await worker.start();
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT6' && !m.threadTs, 15_000);
    await firstTicks;
    expect(alert.text).toBe('Alert dr-copies: 4 failed copy jobs in the last 1h (threshold 3)');
    expect(JSON.stringify(alert.blocks)).toContain(
      'the destination KMS key is not shared with this account (4)',
    );
    expect(topLevel(standIn, 'C0ALERT6')).toHaveLength(1);
    const store = createAlertStore(connection, prefix);
    expect((await store.read('prod-failures')).doc.state).toMatchObject({ status: 'OK', lastTotal: 1 });
    expect((await store.read('dr-copies')).doc.state).toMatchObject({ status: 'FIRING', lastTotal: 4 });
    // Same states, filters and ticks, another kind: no count was shared between the two rules.
    const { asked, counted } = worker.count.stats;
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(counted).toBe(asked);
    await worker.close();
    await rules.stop();
    aws.emulator.clearCopyJobs();
    aws.emulator.clearJobs();
  });
});
