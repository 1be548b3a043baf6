import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

/** Secret values used by every process of one run: the logs are searched for exactly these. */
export interface SuiteSecrets {
  signingSecret: string;
  botToken: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
  awsSessionToken: string;
}

/** What the global setup hands every case. */
export interface SuiteContext {
  /** Every child process of the run writes its stdout and stderr here, one file each. */
  logDir: string;
  secrets: SuiteSecrets;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliability: SuiteContext;
  }
}

declare module '@vitest/runner' {
  interface TaskMeta {
    /** What a reliability case measured, for its summary line (see reporter.ts). */
    reliability?: string;
  }
}

function alphanumeric(length: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (b) => letters[b % letters.length]).join('');
}

/** Fresh secrets shaped like the real ones (a 40-character AWS secret, an xoxb- token, 32 hex). */
export function newSecrets(): SuiteSecrets {
  const digits = () => Array.from(randomBytes(12), (b) => b % 10).join('');
  return {
    signingSecret: randomBytes(16).toString('hex'),
    botToken: `xoxb-${digits()}-${digits()}-${alphanumeric(24)}`,
    awsAccessKeyId: `AKIA${alphanumeric(16).toUpperCase()}`,
    awsSecretAccessKey: randomBytes(30).toString('base64'),
    awsSessionToken: randomBytes(96).toString('base64'),
  };
}

export function suite(): SuiteContext {
  return inject('reliability');
}

/** The environment every product child process gets: secrets, debug logs, the emulators. */
export function productEnv(
  secrets: SuiteSecrets,
  urls: { slackApi: string; aws: string; redis: string },
  regions: readonly string[],
  prefix: string,
): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: secrets.signingSecret,
    SLACK_BOT_TOKEN: secrets.botToken,
    SLACK_API_URL: urls.slackApi,
    AWS_ACCESS_KEY_ID: secrets.awsAccessKeyId,
    AWS_SECRET_ACCESS_KEY: secrets.awsSecretAccessKey,
    AWS_SESSION_TOKEN: secrets.awsSessionToken,
    AWS_ENDPOINT_URL_BACKUP: urls.aws,
    AWS_REGIONS: regions.join(','),
    DEFAULT_ACCOUNT_ID: '*',
    REDIS_URL: urls.redis,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'debug',
    // The cases drive load and fuzz from one user; the rate limits have a case of their own.
    RATE_LIMIT_PER_USER: '100000',
    RATE_LIMIT_PER_CHANNEL: '100000',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
