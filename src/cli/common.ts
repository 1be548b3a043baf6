import type { ContextBlock } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { createBackupClients, createBackupGateway } from '../backup/index.js';
import { type StandIns, standInFooter } from '../blocks/notes.js';
import type { BotConfig, Config, WorkerConfig } from '../config.js';
import { createLogger, type Logger, toSlackLogger } from '../logger.js';
import type { Metrics } from '../metrics.js';

/** Slack calls of alerts give up well inside the 60 s lease of an alert delivery (see alerts/deliver.ts). */
const ALERT_SLACK_TIMEOUT_MS = 15_000;

/** The process logger, masking every Slack secret of the config wherever it would appear. */
export function processLogger(config: BotConfig | WorkerConfig): Logger {
  const slack: { signingSecret?: string | undefined; botToken: string; appToken?: string | undefined } =
    config.slack;
  const { signingSecret, botToken, appToken } = slack;
  return createLogger({
    level: config.logLevel,
    secrets: [signingSecret, botToken, appToken].filter((s) => s !== undefined),
  });
}

/** AWS Backup clients for the configured regions and the gateway over them, reporting to metrics. */
export function backupFor(config: Config, metrics: Metrics) {
  const clients = createBackupClients({
    regions: config.aws.regions,
    endpoint: config.aws.endpoint,
    memberRoleName: config.aws.memberRoleName,
  });
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
export function alertSlackClient(config: BotConfig | WorkerConfig, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: ALERT_SLACK_TIMEOUT_MS,
    logger: toSlackLogger(logger, 'slack-web-api'),
  });
}

/** The bot's Web API client for uploads, DMs, users.info and progress messages. */
export function slackClient(config: BotConfig, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: toSlackLogger(logger, 'slack-web-api'),
  });
}

/** Slack's own Web API (commercial and GovSlack): any other SLACK_API_URL is a stand-in. */
const SLACK_APIS = new Set(['https://slack.com/api/', 'https://slack-gov.com/api/']);
/** AWS's own endpoints, VPC interface endpoints included, are under these domains. */
const AWS_HOST = /(^|\.)amazonaws\.com(\.cn)?$/;

function isAws(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && AWS_HOST.test(hostname);
  } catch {
    return false;
  }
}

/**
 * What this process talks to instead of the real AWS or Slack: the AWS Backup endpoint the SDK uses
 * (AWS_ENDPOINT_URL_BACKUP, else the SDK's own AWS_ENDPOINT_URL), when it is not AWS's, and
 * SLACK_API_URL, when it is not Slack's.
 */
export function standInsOf(config: Config, env: NodeJS.ProcessEnv): StandIns {
  const sdkWide =
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' ? undefined : env.AWS_ENDPOINT_URL?.trim();
  const aws = config.aws.endpoint ?? (sdkWide || undefined);
  return {
    aws: aws !== undefined && !isAws(aws) ? aws : undefined,
    slack: SLACK_APIS.has(config.slack.apiUrl) ? undefined : config.slack.apiUrl,
  };
}

/**
 * Says loudly when AWS or Slack is a stand-in: a warning at startup naming each, and the footer
 * every reply of the process then carries. Undefined when both are the real ones.
 */
export function standInNotice(
  config: Config,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): ContextBlock | undefined {
  const standIns = standInsOf(config, env);
  const footer = standInFooter(standIns);
  if (footer) {
    logger.warn(
      { awsEndpoint: standIns.aws, slackApiUrl: standIns.slack },
      'not the real AWS or Slack: replies say so in a footer',
    );
  }
  return footer;
}
