import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../src/emulator/slack/index.js';
import { type AwsFixture, startAwsFixture, TEST_CREDENTIALS } from '../helpers/aws.js';
import { BOT_TOKEN, dropPrefix, REDIS_URL, redisConnection, startStandIn, testPrefix } from './helpers.js';

let aws: AwsFixture;
let standIn: SlackStandIn;
let redis: Redis;
let dir: string;
const prefix = testPrefix();

beforeAll(async () => {
  aws = await startAwsFixture({
    regions: ['us-east-1', 'eu-west-1'],
    jobs: 0,
    accounts: 2,
    defaultAccountId: '*',
  });
  standIn = await startStandIn();
  redis = redisConnection();
  dir = await mkdtemp(join(tmpdir(), 'bj-worker-'));
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await standIn.close();
  await aws.close();
  await rm(dir, { recursive: true, force: true });
});

describe('backup-jobs worker', () => {
  it('runs the rules file, serves health, posts an alert and stops cleanly on SIGTERM', async () => {
    const rules = join(dir, 'rules.yaml');
    await writeFile(
      rules,
      'rules:\n  - name: cli-failures\n    channel: C0ALERT7\n    states: [FAILED]\n    threshold: 2\n    window: 1h\n    every: 5s\n    accounts: ["*"]\n',
    );
    const completed = (Date.now() - 60_000) / 1000;
    aws.emulator.addJobs([
      { Region: 'eu-west-1', State: 'FAILED', CompletionDate: completed },
      { Region: 'us-east-1', State: 'FAILED', CompletionDate: completed },
    ]);
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: standIn.apiUrl,
      AWS_REGIONS: 'us-east-1,eu-west-1',
      AWS_ENDPOINT_URL_BACKUP: aws.emulator.url,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      DEFAULT_ACCOUNT_ID: '*',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ALERT_RULES_FILE: rules,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'info',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let healthPort = 0;
    for await (const line of createInterface({ input: child.stdout! })) {
      const entry = JSON.parse(line) as { msg: string; healthPort?: number };
      if (entry.msg === 'worker started') {
        healthPort = entry.healthPort!;
        break;
      }
    }
    expect((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${healthPort}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    expect(metrics).toContain('backup_jobs_aws_calls_total');
    expect(metrics).toMatch(/backup_jobs_alert_queue_depth\{role="worker"\} \d+/);
    const alert = await standIn.waitForMessage((m) => m.channel === 'C0ALERT7', 15_000);
    expect(alert.text).toContain('Alert cli-failures: 2 failed backup jobs');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
