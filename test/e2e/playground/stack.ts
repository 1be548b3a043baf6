import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startBot } from '../../../src/cli/bot.js';
import { type BackupEmulator, startBackupEmulator } from '../../../src/emulator/aws/index.js';
import { playgroundHandler } from '../../../src/emulator/playground/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../../src/emulator/slack/index.js';
import { TEST_CREDENTIALS } from '../../helpers/aws.js';
import { testRedis } from '../../helpers/redis.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../helpers/stack.js';

export interface PlaygroundStack {
  aws: BackupEmulator;
  slack: SlackStandIn;
  /** The playground page, on the stand-in's origin. */
  url: string;
  /** Where the stand-in sends commands and clicks (the bot's `/slack/events`). */
  botUrl: string;
  prefix: string;
  redisUrl: string;
  close(): Promise<void>;
}

/**
 * The real bot (Bolt over HTTP, the SDK, Redis) between the AWS Backup emulator and the Slack
 * stand-in, with the playground mounted as the stand-in's fallback: the page a person would open.
 */
export async function startPlaygroundStack(
  options: { rules?: unknown[]; env?: Record<string, string> } = {},
): Promise<PlaygroundStack> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-rules-'));
  const rulesFile = join(dir, 'rules.yaml');
  await writeFile(rulesFile, stringify({ rules: options.rules ?? [] }));
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  const aws = await startBackupEmulator({ regions: ['us-east-1', 'eu-west-1'], jobs: 1200, seed: 7 });
  let playground: RequestListener | undefined;
  const slack = await startSlackStandIn({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    fallback: (req, res) => playground?.(req, res),
  });
  playground = playgroundHandler({ slack, title: 'backup-jobs playground' });
  const db = testRedis();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const bot = await startBot({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HEALTH_PORT: '0',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: db.prefix,
    AWS_REGIONS: aws.regions.join(','),
    AWS_ENDPOINT_URL_BACKUP: aws.url,
    DEFAULT_ACCOUNT_ID: '*',
    ALERT_RULES_FILE: rulesFile,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const botUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  slack.setBotUrl(botUrl);
  return {
    aws,
    slack,
    url: `${slack.baseUrl}/`,
    botUrl,
    prefix: db.prefix,
    redisUrl,
    async close() {
      await bot.stop();
      await db.cleanup();
      await slack.close();
      await aws.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
