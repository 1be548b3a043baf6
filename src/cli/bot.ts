import { Redis } from 'ioredis';
import { createSlackPoster } from '../alerts/poster.js';
import { loadRules } from '../alerts/rules.js';
import { createAlertService } from '../alerts/service.js';
import { type Config, loadConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import { createPager, createSavedQueries } from '../paging/index.js';
import { createBotApp } from '../slack/app.js';
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
  const { clients, backup } = backupFor(config, metrics);
  const bot = createBotApp(
    {
      config,
      logger,
      redis,
      backup,
      pager: createPager({ redis, prefix: config.redis.prefix, backup }),
      savedQueries: createSavedQueries(redis, config.redis.prefix),
      zones: createUserZones(redis, config.redis.prefix, config.defaultTimezone),
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
