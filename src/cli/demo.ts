import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type BackupEmulatorOptions, startBackupEmulator } from '../emulator/aws/index.js';
import { playgroundHandler } from '../emulator/playground/index.js';
import { startSlackStandIn } from '../emulator/slack/index.js';
import { UsageError } from '../errors.js';
import { startBot } from './bot.js';
import { DEMO_FLAGS } from './commands.js';
import { scheduleBurst } from './demo-burst.js';
import { LOOPBACK, reachAt } from './demo-host.js';
import { ensureRedis } from './demo-redis.js';
import { writeDemoRules } from './demo-rules.js';
import type { ReadArgs } from './flags.js';
import { onShutdown } from './shutdown.js';
import { startWorker } from './worker.js';

/** The organisation the demo's emulator generates. */
export const DEMO_ORG = {
  seed: 2026,
  jobs: 4000,
  accounts: 3,
  regions: ['us-east-1', 'eu-west-1'],
} as const satisfies BackupEmulatorOptions;

/** The playground's port: --port, else DEMO_PORT, else 3000. */
function playgroundPort(flag: number | undefined, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined) return flag;
  const raw = env.DEMO_PORT?.trim() || '3000';
  const port = DEMO_FLAGS.port.read(raw);
  if (port === undefined) {
    throw new UsageError(
      `DEMO_PORT "${raw}" is not ${DEMO_FLAGS.port.expected}.`,
      'Unset it, or give a port like 3000.',
    );
  }
  return port;
}

function options({ flags }: ReadArgs<typeof DEMO_FLAGS>, env: NodeJS.ProcessEnv) {
  return {
    port: playgroundPort(flags.port, env),
    host: flags.host ?? '127.0.0.1',
    burstAfterMs: (flags['burst-after'] ?? 60) * 1000,
    socketMode: flags['socket-mode'] ?? false,
  };
}

async function deleteKeys(url: string, prefix: string) {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

/** Everything in one process: Redis, the AWS Backup emulator, the Slack stand-in with the playground, bot, worker. */
export async function runDemo(input: ReadArgs<typeof DEMO_FLAGS>): Promise<number> {
  const opts = options(input, process.env);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const { host } = opts;
  const local = reachAt(host);
  const redis = await ensureRedis(process.env);
  const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-demo-'));
  const prefix = `{bjb-demo-${randomBytes(3).toString('hex')}}`;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIDDEMO';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'demo-secret-for-the-local-emulator';
  const aws = await startBackupEmulator({ ...DEMO_ORG, regions: [...DEMO_ORG.regions], host });
  const awsUrl = `http://${local}:${aws.port}`;
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-demo-${randomBytes(8).toString('hex')}`;
  const appToken = `xapp-1-demo-${randomBytes(8).toString('hex')}`;
  let playground: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const standIn = { signingSecret, botToken, appToken, host, fallback: playgroundFallback };
  function playgroundFallback(req: IncomingMessage, res: ServerResponse) {
    playground?.(req, res);
  }
  const slack = await startSlackStandIn({ ...standIn, port: opts.port }).catch(
    async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE') throw err;
      say(`Port ${opts.port} is taken; using a free one.`);
      return startSlackStandIn(standIn);
    },
  );
  playground = playgroundHandler({ slack, title: 'backup-jobs-bot demo' });
  const slackUrl = `http://${local}:${new URL(slack.baseUrl).port}`;
  // Stand-in URLs on purpose: the bot and the worker say so in the log and in every reply.
  const env = {
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: botToken,
    SLACK_API_URL: `${slackUrl}/api/`,
    PORT: '0',
    HEALTH_PORT: '0',
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    AWS_REGIONS: aws.regions.join(','),
    AWS_ENDPOINT_URL_BACKUP: awsUrl,
    DEFAULT_ACCOUNT_ID: '*',
    AWS_MEMBER_ROLE_NAME: aws.memberRoleName,
    DEFAULT_TIMEZONE: 'UTC',
    // Alice, the playground's first user, may make and change alert rules in Slack.
    ALERT_ADMIN_USER_IDS: 'U0ALICE',
    ALERT_RULES_FILE: await writeDemoRules(dir, aws.seededGaps().staleBackup),
    // Often, so the stale alert resolves within seconds of the burst backing its resource up.
    COVERAGE_EVERY: '15s',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  // Socket Mode: the bot connects out to the stand-in, which sends it envelopes instead of requests.
  const bot = await startBot(opts.socketMode ? { ...env, SLACK_APP_TOKEN: appToken } : env, { host });
  const botUrl = `http://${local}:${bot.port}/slack/events`;
  if (!opts.socketMode) slack.setBotUrl(botUrl);
  const worker = await startWorker(env, { host });
  const stopBurst = scheduleBurst(aws, opts.burstAfterMs, say);
  say('');
  say('backup-jobs-bot demo is running.');
  say(`  Open ${slackUrl}/ in your browser and type /backup-jobs help in #ops.`);
  say(
    "  The app's Home tab (backup-jobs, under Apps) shows incidents and rules; /backup-jobs alerts new makes a rule.",
  );
  say(
    opts.socketMode
      ? `  Slack reaches the bot over Socket Mode (${slack.socketConnections()} connection).`
      : `  Slack reaches the bot over HTTP at ${botUrl}.`,
  );
  say(
    `  AWS Backup emulator: ${awsUrl} (accounts ${aws.accounts.join(', ')}; regions ${aws.regions.join(', ')})`,
  );
  say(
    `  Health and metrics: bot http://${local}:${bot.healthPort}/readyz, worker http://${local}:${worker.healthPort}/readyz`,
  );
  say(
    `  Redis: ${redis.url} (${redis.origin === 'started' ? 'started for the demo' : 'reused'}), keys under ${prefix}`,
  );
  const gap = aws.seededGaps().staleBackup;
  if (gap)
    say(
      `  ${gap.resourceName} (${gap.resourceType}) has had no backup for days: a stale-resource alert says so in #backup-alerts.`,
    );
  say(
    `  A burst of failures arrives in ${Math.round(opts.burstAfterMs / 1000)} s and raises an alert in #backup-alerts.`,
  );
  say(
    LOOPBACK.includes(host)
      ? `  Every server listens on ${host} only.`
      : `  Warning: every server listens on ${host}, every interface: anyone who reaches this machine can use the playground, drive the bot and read its metrics.`,
  );
  say('  Press Ctrl-C to stop.');
  await onShutdown(async () => {
    say('Stopping…');
    stopBurst();
    await worker.stop();
    await bot.stop();
    await slack.close();
    await aws.close();
    await deleteKeys(redis.url, prefix).catch(() => undefined);
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
    say('Stopped.');
  });
  return 0;
}
