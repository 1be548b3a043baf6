import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { createSlackPoster } from '../alerts/poster.js';
import { loadRules } from '../alerts/rules.js';
import { createAlertWorker } from '../alerts/worker.js';
import { createBackupClients, createBackupGateway } from '../backup/index.js';
import { loadConfig } from '../config.js';
import { healthRoutes, startHealthServer } from '../health.js';
import { createLogger, toSlackLogger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import { onShutdown } from './shutdown.js';

/** Slack calls give up well inside the 60 s lease of an alert delivery (see alerts/deliver.ts). */
const SLACK_TIMEOUT_MS = 15_000;

/** Builds the alert worker from the environment and runs it until SIGTERM / SIGINT. */
export async function startWorker(env: NodeJS.ProcessEnv) {
  const config = loadConfig(env, 'worker');
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.slack.botToken].filter((s) => s !== undefined),
  });
  const file = await loadRules(config.alertRulesFile!);
  const metrics = createMetrics('worker');
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  redis.on('error', (err) => logger.warn({ err: { message: err.message } }, 'Redis connection problem'));
  const clients = createBackupClients({ regions: config.aws.regions, endpoint: config.aws.endpoint });
  const backup = createBackupGateway({
    clients,
    defaultAccountId: config.aws.defaultAccountId,
    observe: metrics.observeAws,
  });
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    // The queue retries; a client retry could post a message twice.
    retryConfig: { retries: 0 },
    timeout: SLACK_TIMEOUT_MS,
    logger: toSlackLogger(logger, 'slack-web-api'),
  });
  const worker = createAlertWorker({
    connection: redis,
    prefix: config.redis.prefix,
    file,
    count: (scope, window) => backup.countJobs(scope, window),
    poster: createSlackPoster(client),
    logger,
  });
  worker.worker.on('completed', (job, result: { transition?: string } | undefined) => {
    if (job.data.kind === 'rule' && result?.transition && result.transition !== 'none') {
      metrics.alertTransitions.inc({ rule: job.data.rule, transition: result.transition });
    }
  });
  let stopping = false;
  const health = await startHealthServer(
    config.healthPort,
    healthRoutes({
      redis,
      registry: metrics.registry,
      extra: { worker: async () => (worker.ready() ? null : 'the worker is not processing jobs') },
      accepting: () => !stopping,
    }),
  );
  await worker.start();
  logger.info(
    { healthPort: health.port, rules: file.rules.length, digests: file.digests.length },
    'worker started',
  );
  return {
    healthPort: health.port,
    async stop() {
      stopping = true;
      await worker.close();
      await new Promise<void>((resolve) => health.server.close(() => resolve()));
      clients.destroy();
      await redis.quit();
      logger.info('worker stopped');
    },
  };
}

export async function runWorker(_args: readonly string[]): Promise<number> {
  const worker = await startWorker(process.env);
  await onShutdown(() => worker.stop());
  return 0;
}
