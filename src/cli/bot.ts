import { Redis } from 'ioredis';
import { createSlackPoster } from '../alerts/poster.js';
import { loadRules } from '../alerts/rules.js';
import { createAlertService } from '../alerts/service.js';
import { type Config, loadConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import { createPager, createRedisGuard, createSavedQueries } from '../paging/index.js';
import { createBotApp } from '../slack/app.js';
import { whileWaiting } from '../slack/inflight.js';
import { createUserZones } from '../slack/user-zones.js';
import { alertSlackClient, backupFor, processLogger } from './common.js';
import { onShutdown } from './shutdown.js';

/**
 * Redis for the Slack path: fail in milliseconds when it is away instead of queueing for seconds,
 * and within half a second when it hangs (a frozen server or a partition keeps the socket open, so
 * without a command timeout every answer would wait forever).
 */
export function fastRedis(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 500,
    // Reconnect within a second of Redis coming back (the default backs off up to 5 s).
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
}

/** Waits for the first connection, so the first commands do not meet a Redis still connecting. */
function connected(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onReady = () => done(true);
    function done(ok: boolean) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    }
    redis.once('ready', onReady);
  });
}

async function alertService(config: Config, redis: Redis, logger: Logger) {
  if (!config.alertRulesFile || !config.slack.botToken) return undefined;
  const { rules } = await loadRules(config.alertRulesFile);
  const client = alertSlackClient(config, logger);
  return createAlertService({
    redis,
    prefix: config.redis.prefix,
    rules,
    poster: createSlackPoster(client),
    logger,
  });
}

/** Builds the bot from the environment and runs it until SIGTERM / SIGINT. */
export async function startBot(env: NodeJS.ProcessEnv) {
  const config = loadConfig(env, 'bot');
  const logger = processLogger(config);
  const metrics = createMetrics('bot');
  const redis = fastRedis(config.redis.url);
  redis.on('error', (err) => logger.warn({ err: { message: err.message } }, 'Redis connection problem'));
  if (!(await connected(redis, 3000)))
    logger.warn('Redis does not answer yet; starting anyway, /readyz says so');
  const { clients, backup } = backupFor(config, metrics, whileWaiting);
  const guard = createRedisGuard();
  const prefix = config.redis.prefix;
  const bot = createBotApp(
    {
      config,
      logger,
      redis,
      guard,
      backup,
      pager: createPager({ redis, prefix, backup, guard }),
      savedQueries: createSavedQueries(redis, prefix, guard),
      zones: createUserZones(redis, prefix, config.defaultTimezone, guard),
      metrics,
      alerts: await alertService(config, redis, logger),
      now: () => new Date(),
    },
    { aws: () => clients.credentialsProblem() },
  );
  const port = await bot.start(config.port);
  logger.info(
    { port, mode: config.slack.appToken ? 'socket' : 'http', regions: config.aws.regions },
    'bot started',
  );
  return {
    port,
    async stop() {
      await bot.stop();
      clients.destroy();
      redis.disconnect();
      logger.info('bot stopped');
    },
  };
}

export async function runBot(_args: readonly string[]): Promise<number> {
  const bot = await startBot(process.env);
  await onShutdown(() => bot.stop());
  return 0;
}
