import type { ContextBlock } from '@slack/types';
import { Redis } from 'ioredis';
import { createSlackPoster } from '../alerts/poster.js';
import { createRuleSource } from '../alerts/rule-source.js';
import { createAlertService } from '../alerts/service.js';
import { type BotConfig, loadBotConfig } from '../config.js';
import { createCoverageService } from '../coverage/index.js';
import type { Logger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import { createPager, createRedisGuard, createSavedQueries } from '../results/index.js';
import { type BotAppDeps, createBotApp } from '../slack/app.js';
import { runExport } from '../slack/csv-export.js';
import { handleRequest } from '../slack/handle.js';
import { refreshHomes } from '../slack/home.js';
import { createRequestLimiter } from '../slack/rate-limit.js';
import type { ClickRequest, SlackRequest } from '../slack/requests.js';
import { createUserZones } from '../slack/user-zones.js';
import { createHomeRefresher, HOME_QUEUE, type HomeRefresh } from '../work/home-refresh.js';
import { createWorkQueue } from '../work/queue.js';
import { alertSlackClient, backupFor, processLogger, slackClient, standInNotice } from './common.js';
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
    // A burst of acks queues its work in a few round trips, not one each.
    enableAutoPipelining: true,
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

/** Slack accepts answers on a response_url for 30 minutes: work older than that is dropped. */
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

/**
 * The alert rules (the file's, if any, and those made in Slack, in Redis) and the service over
 * them: always built, so that rules can be made in Slack without a rules file.
 */
async function alertService(
  config: BotConfig,
  redis: Redis,
  logger: Logger,
  footer: ContextBlock | undefined,
) {
  const prefix = config.redis.prefix;
  const rules = await createRuleSource({ redis, prefix, file: config.alertRulesFile, logger });
  await rules.start();
  const client = alertSlackClient(config, logger);
  const alerts = createAlertService({
    redis,
    prefix,
    rules,
    poster: createSlackPoster(client, { footer }),
    logger,
    maxMuteMs: config.alerts.maxMuteMs,
  });
  return { rules, alerts };
}

export interface BotOptions {
  /** The address the bot's servers listen on. @defaultValue every interface, as a pod needs */
  host?: string | undefined;
}

/** Builds the bot from the environment and runs it until SIGTERM / SIGINT. */
export async function startBot(env: NodeJS.ProcessEnv, options: BotOptions = {}) {
  const config = loadBotConfig(env);
  const logger = processLogger(config);
  const footer = standInNotice(config, env, logger);
  const metrics = createMetrics('bot');
  const redis = fastRedis(config.redis.url);
  redis.on('error', (err) => logger.warn({ err: { message: err.message } }, 'Redis connection problem'));
  // The acks' own connection: work is queued before each ack, and must never wait behind the
  // cursor pages and other traffic of the answers on the shared one.
  const intake = fastRedis(config.redis.url);
  intake.on('error', (err) => logger.debug({ err: { message: err.message } }, 'intake connection problem'));
  const up = await Promise.all([connected(redis, 3000), connected(intake, 3000)]);
  if (!up.every(Boolean)) logger.warn('Redis does not answer yet; starting anyway, /readyz says so');
  const { clients, backup } = backupFor(config, metrics);
  const guard = createRedisGuard();
  const prefix = config.redis.prefix;
  // BullMQ's worker blocks on its own connection, which must wait out Redis outages.
  const consumer = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  consumer.on('error', (err) => logger.debug({ err: { message: err.message } }, 'work connection problem'));
  let deps: BotAppDeps | undefined;
  const ready = () => {
    if (!deps) throw new Error('work arrived before the bot was built');
    return deps;
  };
  const queue = { prefix, producer: intake, consumer, logger, guard, maxAgeMs: RESPONSE_URL_LIFETIME_MS };
  const requests = createWorkQueue<SlackRequest>({
    ...queue,
    name: 'requests',
    concurrency: 8,
    stuckAfterMs: 5 * 60_000,
    run: (request, work) => handleRequest(ready(), request, work),
  });
  const exports = createWorkQueue<ClickRequest>({
    ...queue,
    name: 'exports',
    concurrency: 2,
    stuckAfterMs: 20 * 60_000,
    run: (request, work) => runExport(ready(), request, work),
  });
  const homes = createWorkQueue<HomeRefresh>({
    ...queue,
    name: HOME_QUEUE,
    concurrency: 1,
    stuckAfterMs: 10 * 60_000,
    run: async () => {
      await refreshHomes(ready());
    },
  });
  // After the work queues, whose workers start connecting meanwhile.
  const alerting = await alertService(config, redis, logger, footer);
  const homeRefresher = createHomeRefresher(intake, prefix);
  deps = {
    config,
    logger,
    redis,
    guard,
    backup,
    slack: slackClient(config, logger),
    requests,
    exports,
    homes,
    homeRefresher,
    pager: createPager({ redis, prefix, backup, guard }),
    savedQueries: createSavedQueries(redis, prefix, guard),
    limiter: createRequestLimiter(redis, prefix, guard, config.rateLimits),
    zones: createUserZones(redis, prefix, config.defaultTimezone, guard),
    metrics,
    alerts: alerting.alerts,
    rules: alerting.rules,
    coverage: createCoverageService({ redis, prefix, backup, now: () => new Date(), log: logger }),
    now: () => new Date(),
    answerFooter: footer,
  };
  const bot = createBotApp(deps, { aws: () => clients.credentialsProblem() });
  const { port, healthPort } = await bot.start({
    port: config.port,
    healthPort: config.healthPort,
    host: options.host,
  });
  logger.info({ port, healthPort, mode: config.slack.mode, regions: config.aws.regions }, 'bot started');
  return {
    /** Where Slack's requests arrive over HTTP; undefined in Socket Mode. */
    port,
    /** Where /healthz, /readyz and /metrics answer. */
    healthPort,
    logger,
    async stop() {
      await bot.stop();
      await homeRefresher.close();
      await alerting.rules.stop();
      clients.destroy();
      consumer.disconnect();
      intake.disconnect();
      redis.disconnect();
      logger.info('bot stopped');
    },
  };
}

export async function runBot(): Promise<number> {
  const bot = await startBot(process.env);
  // Bolt's HTTP receiver reads a signed body that parses to JSON null as an object and rejects in
  // a promise of its own: one such request must not take every other request down with the process.
  process.on('unhandledRejection', (err) => {
    bot.logger.error({ err }, 'unhandled rejection');
  });
  await onShutdown(() => bot.stop());
  return 0;
}
