import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createSlackPoster } from '../../../src/alerts/poster.js';
import { createRuleSource } from '../../../src/alerts/rule-source.js';
import { parseRules } from '../../../src/alerts/rules.js';
import { type AlertWorker, createAlertWorker } from '../../../src/alerts/worker.js';
import { createBackupClients, createBackupGateway } from '../../../src/backup/index.js';
import { staleCount } from '../../../src/coverage/alert-count.js';
import { createCoverageService } from '../../../src/coverage/index.js';
import { TEST_CREDENTIALS } from '../../helpers/aws.js';
import { BOT_TOKEN } from '../../helpers/stack.js';
import type { PlaygroundStack } from './stack.js';

export interface RunningWorker {
  worker: AlertWorker;
  close(): Promise<void>;
}

/**
 * The alert worker as `cli/worker.ts` builds it (real BullMQ on Redis, the SDK against the emulator,
 * WebClient against the stand-in), sharing the bot's prefix so the alert buttons reach its state
 * and the rules made in the playground's Slack are ticked as well as `rules`.
 * With `coverageEveryMs`, it also runs coverage passes that often and evaluates stale rules.
 */
export async function startAlertWorker(
  stack: Pick<PlaygroundStack, 'aws' | 'slack' | 'prefix' | 'redisUrl'>,
  rules: unknown[],
  options: { coverageEveryMs?: number } = {},
): Promise<RunningWorker> {
  const connection = new Redis(stack.redisUrl, { maxRetriesPerRequest: null });
  const clients = createBackupClients({
    regions: stack.aws.regions,
    endpoint: stack.aws.url,
    credentials: TEST_CREDENTIALS,
  });
  const backup = createBackupGateway({ clients, defaultAccountId: '*' });
  const client = new WebClient(BOT_TOKEN, {
    slackApiUrl: stack.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 5000,
  });
  const everyMs = options.coverageEveryMs;
  const coverage =
    everyMs === undefined
      ? undefined
      : createCoverageService({
          redis: connection,
          prefix: stack.prefix,
          backup,
          now: () => new Date(),
          log: pino({ level: 'silent' }),
          maxStateAgeMs: 3 * everyMs,
        });
  const logger = pino({ level: 'silent' });
  const source = await createRuleSource({
    redis: connection,
    prefix: stack.prefix,
    fileRules: parseRules({ rules }),
    logger,
  });
  await source.start();
  const worker = createAlertWorker({
    connection,
    prefix: stack.prefix,
    rules: source,
    count: (scope, window) => backup.countJobs(scope, window),
    ...(coverage && everyMs !== undefined
      ? {
          stale: (rule, at) => staleCount(coverage, rule, at),
          coveragePass: { run: () => coverage.pass(), everyMs },
        }
      : {}),
    poster: createSlackPoster(client),
    logger,
  });
  await worker.start();
  return {
    worker,
    async close() {
      await worker.close();
      await source.stop();
      clients.destroy();
      await connection.quit();
    },
  };
}
