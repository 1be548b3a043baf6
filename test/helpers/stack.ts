import { startBot } from '../../src/cli/bot.js';
import type { BackupEmulatorOptions } from '../../src/emulator/aws/index.js';
import { type BackupEmulator, startBackupEmulator } from '../../src/emulator/aws/index.js';
import {
  type SlackStandIn,
  type SlackStandInOptions,
  startSlackStandIn,
} from '../../src/emulator/slack/index.js';
import { TEST_CREDENTIALS } from './aws.js';
import { testRedis } from './redis.js';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-e2e-0000-bot-token';
export const APP_TOKEN = 'xapp-1-A0BACKUPJOBS-0000-e2e-app-token';

/** How Slack reaches the bot: signed HTTP requests, or envelopes over a Socket Mode WebSocket. */
export type Transport = 'http' | 'socket';
export const TRANSPORTS: readonly Transport[] = ['http', 'socket'];

export interface Stack {
  transport: Transport;
  aws: BackupEmulator;
  slack: SlackStandIn;
  prefix: string;
  redis: ReturnType<typeof testRedis>['redis'];
  /** Over HTTP, where Slack's requests (and a bare /healthz) go; unused in Socket Mode. */
  botUrl: string;
  /** The bot's HEALTH_PORT, in either transport: /healthz, /readyz, /metrics. */
  healthUrl: string;
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

/** The whole bot as in production (real Bolt over HTTP, real SDK, real Redis) between two stand-ins. */
export async function startStack(
  options: {
    aws?: BackupEmulatorOptions;
    env?: Record<string, string>;
    transport?: Transport;
    slack?: Pick<SlackStandInOptions, 'users' | 'channels'>;
  } = {},
): Promise<Stack> {
  const transport = options.transport ?? 'http';
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  const aws = await startBackupEmulator({
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    jobs: 1500,
    seed: 21,
    ...options.aws,
  });
  const slack = await startSlackStandIn({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    ...options.slack,
  });
  const db = testRedis();
  const bot = await startBot({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HEALTH_PORT: '0',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: db.prefix,
    AWS_REGIONS: aws.regions.join(','),
    AWS_ENDPOINT_URL_BACKUP: aws.url,
    DEFAULT_ACCOUNT_ID: '*',
    LOG_LEVEL: 'silent',
    ...(transport === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    ...options.env,
  });
  const botUrl = `http://127.0.0.1:${bot.port}`;
  slack.setBotUrl(`${botUrl}/slack/events`);
  let stopped = false;
  const stopBot = async () => {
    if (stopped) return;
    stopped = true;
    await bot.stop();
  };
  return {
    transport,
    aws,
    slack,
    prefix: db.prefix,
    redis: db.redis,
    botUrl,
    healthUrl: `http://127.0.0.1:${bot.healthPort}`,
    stopBot,
    async close() {
      await stopBot();
      await db.cleanup();
      await slack.close();
      await aws.close();
    },
  };
}

/** Every button of a stored message, by action_id. */
export function buttons(message: {
  blocks: unknown[];
}): Map<string, { value: string | undefined; text: string }> {
  const found = new Map<string, { value: string | undefined; text: string }>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'button' || o.type === 'static_select') && typeof o.action_id === 'string') {
      found.set(o.action_id, {
        value: o.value as string | undefined,
        text: String((o.text as { text?: string })?.text ?? ''),
      });
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(message.blocks);
  return found;
}

/** All text of a message's blocks, for assertions on what people read. */
export function textOf(message: { text: string; blocks: unknown[] }): string {
  const parts: string[] = [message.text];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'text' && typeof v === 'string') parts.push(v);
      else visit(v);
    }
  };
  visit(message.blocks);
  return parts.join('\n');
}

/** The `{region}/{jobId}` of every job a page offers details for, as buttons or as select options. */
export function detailValues(message: { blocks: unknown[] }): string[] {
  const values: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const id = typeof o.action_id === 'string' ? o.action_id : '';
    if (o.type === 'button' && id.startsWith('bj_job_details:') && typeof o.value === 'string')
      values.push(o.value);
    if (o.type === 'static_select' && id === 'bj_job_details_select') {
      for (const option of (o.options as { value: string }[]) ?? []) values.push(option.value);
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(message.blocks);
  return values;
}

/** Resolves once `done()` holds, checking again on every message event of the stand-in (no polling). */
export function waitUntil(slack: Stack['slack'], done: () => boolean, timeoutMs: number): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`not done within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      slack.events.off('message', check);
      slack.events.off('update', check);
    };
    slack.events.on('message', check);
    slack.events.on('update', check);
  });
}
