import { WebClient } from '@slack/web-api';
import { createBackupClients, createBackupGateway } from '../backup/index.js';
import type { Config } from '../config.js';
import { createLogger, type Logger, toSlackLogger } from '../logger.js';
import type { Metrics } from '../metrics.js';

/** Slack calls of alerts give up well inside the 60 s lease of an alert delivery (see alerts/deliver.ts). */
const ALERT_SLACK_TIMEOUT_MS = 15_000;

/** The process logger, masking every Slack secret of the config wherever it would appear. */
export function processLogger(config: Config): Logger {
  const { signingSecret, botToken, appToken } = config.slack;
  return createLogger({
    level: config.logLevel,
    secrets: [signingSecret, botToken, appToken].filter((s) => s !== undefined),
  });
}

/** AWS Backup clients for the configured regions and the gateway over them, reporting to metrics. */
export function backupFor(config: Config, metrics: Metrics) {
  const clients = createBackupClients({ regions: config.aws.regions, endpoint: config.aws.endpoint });
  const backup = createBackupGateway({
    clients,
    defaultAccountId: config.aws.defaultAccountId,
    observe: metrics.observeAws,
  });
  return { clients, backup };
}

/**
 * The Web API client alerts post with: 429s come back as errors so the queue retries after
 * Retry-After, and the client never retries on its own (a retry could post a message twice).
 */
export function alertSlackClient(config: Config, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: ALERT_SLACK_TIMEOUT_MS,
    logger: toSlackLogger(logger, 'slack-web-api'),
  });
}

/** The bot's Web API client for uploads, DMs, users.info and progress messages. */
export function slackClient(config: Config, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: toSlackLogger(logger, 'slack-web-api'),
  });
}
