import { Redis } from 'ioredis';
import { createSlackPoster } from '../alerts/poster.js';
import { createRuleSource, type RuleSource } from '../alerts/rule-source.js';
import { createAlertWorker } from '../alerts/worker.js';
import { loadWorkerConfig } from '../config.js';
import { staleCount } from '../coverage/alert-count.js';
import { createCoverageService } from '../coverage/index.js';
import { healthRoutes, startHealthServer } from '../health.js';
import { createMetrics } from '../metrics.js';
import { createHomeRefresher } from '../work/home-refresh.js';
import { alertSlackClient, backupFor, processLogger, standInNotice } from './common.js';
import { onShutdown } from './shutdown.js';

export interface WorkerOptions {
  /** The address the health server listens on. @defaultValue every interface, as a pod needs */
  host?: string | undefined;
}

/** Builds the alert worker from the environment and runs it until SIGTERM / SIGINT. */
export async function startWorker(env: NodeJS.ProcessEnv, options: WorkerOptions = {}) {
  const config = loadWorkerConfig(env);
  const logger = processLogger(config);
  const footer = standInNotice(config, env, logger);
  const metrics = createMetrics('worker');
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  redis.on('error', (err) => logger.warn({ err: { message: err.message } }, 'Redis connection problem'));
  let rules: RuleSource;
  try {
    // The file's rules and those made in Slack; the file is read now, and must be valid now.
    rules = await createRuleSource({
      redis,
      prefix: config.redis.prefix,
      file: config.alertRulesFile,
      logger,
    });
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const { clients, backup } = backupFor(config, metrics);
  const client = alertSlackClient(config, logger);
  const coverage = createCoverageService({
    redis,
    prefix: config.redis.prefix,
    backup,
    now: () => new Date(),
    log: logger.child({ room: 'coverage' }),
    // The worker's scheduler keeps the state this fresh; a stale rule's tick never waits on a pass.
    maxStateAgeMs: 3 * config.coverageEveryMs,
  });
  const worker = createAlertWorker({
    connection: redis,
    prefix: config.redis.prefix,
    rules,
    count: (scope, window) => backup.countJobs(scope, window),
    stale: (rule, at) => staleCount(coverage, rule, at),
    coveragePass: { run: () => coverage.pass(), everyMs: config.coverageEveryMs },
    poster: createSlackPoster(client, { footer }),
    logger,
  });
  const homes = createHomeRefresher(redis, config.redis.prefix);
  worker.worker.on('completed', (job, result: { transition?: string } | undefined) => {
    if (job.data.kind === 'rule' && result?.transition && result.transition !== 'none') {
      metrics.alertTransitions.inc({ rule: job.data.rule, transition: result.transition });
      // Whoever looked at their App Home lately sees the change there too, once per few seconds.
      homes.request(Date.now()).catch((err: unknown) => logger.debug({ err }, 'Home refresh not asked for'));
    }
  });
  metrics.gauge('backup_jobs_alert_queue_depth', 'Alert jobs waiting, delayed or running', async () => {
    const counts = await worker.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  });
  let stopping = false;
  const health = await startHealthServer(
    config.healthPort,
    healthRoutes({
      redis,
      registry: metrics.registry,
      extra: { worker: async () => (worker.ready() ? null : 'the worker is not processing jobs') },
      accepting: () => !stopping,
      log: logger,
    }),
    options.host,
  );
  await rules.start();
  await worker.start();
  logger.info(
    { healthPort: health.port, rules: rules.current().length, digests: rules.digests().length },
    'worker started',
  );
  return {
    healthPort: health.port,
    async stop() {
      stopping = true;
      await worker.close();
      await homes.close();
      await rules.stop();
      await health.close();
      clients.destroy();
      await redis.quit();
      logger.info('worker stopped');
    },
  };
}

export async function runWorker(): Promise<number> {
  const worker = await startWorker(process.env);
  await onShutdown(() => worker.stop());
  return 0;
}
