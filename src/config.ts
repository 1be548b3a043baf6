import { z } from 'zod';
import { isAccountScope, REGION } from './domain/index.js';
import { ConfigError } from './errors.js';
import { isTimeZone } from './time/zone.js';

/** Which process is starting: each needs a different subset of the environment. */
export type Role = 'bot' | 'worker' | 'demo' | 'emulator' | 'parse';

const SLACK_ID = /^[A-Z0-9]{2,}$/;
const perMinute = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .pipe(z.string().regex(/^\d{1,6}$/, `a whole number of requests per minute, like ${fallback}`))
    .transform(Number)
    .pipe(z.number().int().min(1, 'at least 1 request per minute'));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Hosts a plain http:// URL may name: this machine, where a stand-in runs (the demo, tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function secureOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || (protocol === 'http:' && LOOPBACK_HOSTS.has(hostname));
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const port = (fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .pipe(z.string().regex(/^\d{1,5}$/, 'a TCP port, like 3000'))
    .transform(Number)
    .pipe(z.number().int().max(65535, 'a TCP port, like 3000'));

const list = (pattern: RegExp, example: string) =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, `a comma-separated list like ${example}`)));

/** The environment as read, before role-specific rules. Keys are the env names of DESIGN.md. */
export const Env = z.object({
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xoxb-/, 'a bot token starting with xoxb-')
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-/, 'an app-level token starting with xapp-')
      .optional(),
  ),
  SLACK_API_URL: z
    .url({ error: 'a URL like https://slack.com/api/' })
    .default('https://slack.com/api/')
    .refine(
      secureOrLoopback,
      'an https:// URL like https://slack.com/api/ (the bot token travels with every call: plain http:// only for a stand-in on localhost, 127.0.0.1 or [::1])',
    ),
  PORT: port(3000),
  HEALTH_PORT: port(3001),
  REDIS_URL: z
    .string()
    .trim()
    .default('redis://127.0.0.1:6379')
    .pipe(z.string().regex(/^rediss?:\/\/\S+$/, 'a URL like redis://127.0.0.1:6379 or rediss://host:6380')),
  REDIS_PREFIX: z
    .string()
    .trim()
    .default('{bjb}')
    .pipe(z.string().regex(/^[\w{}:.-]{1,64}$/, 'letters, digits and {}:._- only, like {bjb}')),
  AWS_REGIONS: list(REGION, 'us-east-1,eu-west-1'),
  AWS_REGION: optionalText.pipe(z.string().regex(REGION, 'a region like eu-west-1').optional()),
  AWS_ENDPOINT_URL_BACKUP: optionalText.pipe(z.url({ error: 'a URL like http://127.0.0.1:4566' }).optional()),
  DEFAULT_ACCOUNT_ID: optionalText.pipe(
    z.string().refine(isAccountScope, 'a 12-digit account id, or * for the whole organisation').optional(),
  ),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isTimeZone, 'an IANA time zone like UTC or Europe/Berlin'),
  ALERT_RULES_FILE: optionalText,
  ALLOWED_CHANNEL_IDS: list(SLACK_ID, 'C0123ABCD,C0456EFGH'),
  ALLOWED_USER_IDS: list(SLACK_ID, 'U0123ABCD,U0456EFGH'),
  RATE_LIMIT_PER_USER: perMinute(30),
  RATE_LIMIT_PER_CHANNEL: perMinute(120),
  ALERT_ADMIN_USER_IDS: list(SLACK_ID, 'U0123ABCD,U0456EFGH'),
  ALERT_MAX_MUTE_DAYS: z
    .string()
    .trim()
    .default('30')
    .pipe(z.string().regex(/^\d{1,3}$/, 'a whole number of days from 1 to 365, like 30'))
    .transform(Number)
    .pipe(z.number().int().min(1, 'at least 1 day').max(365, 'at most 365 days')),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .default('info')
    .pipe(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` })),
});

export interface Config {
  role: Role;
  slack: {
    signingSecret: string | undefined;
    botToken: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
  };
  port: number;
  healthPort: number;
  redis: { url: string; prefix: string };
  aws: { regions: string[]; endpoint: string | undefined; defaultAccountId: string | undefined };
  defaultTimezone: string;
  alertRulesFile: string | undefined;
  access: { channelIds: string[]; userIds: string[] };
  /** Commands and clicks per minute, per user and per channel. */
  rateLimits: { perUser: number; perChannel: number; windowSeconds: number };
  alerts: {
    /** May acknowledge, mute and unmute any rule from anywhere (and, later, edit rules). */
    adminUserIds: string[];
    /** The longest mute anyone may set. */
    maxMuteMs: number;
  };
  logLevel: (typeof LOG_LEVELS)[number];
}

type EnvValues = z.infer<typeof Env>;

function roleProblems(role: Role, env: EnvValues, regions: string[]): string[] {
  const problems: string[] = [];
  const needsSlack = role === 'bot' || role === 'worker';
  if (needsSlack && !env.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN is missing: set the bot token (xoxb-…) from OAuth & Permissions');
  }
  if (role === 'bot' && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: set it from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (needsSlack && regions.length === 0) {
    problems.push(
      'AWS_REGIONS is missing: set a comma-separated list like us-east-1,eu-west-1 (or AWS_REGION)',
    );
  }
  if (role === 'worker' && !env.ALERT_RULES_FILE) {
    problems.push(
      'ALERT_RULES_FILE is missing: set the path of the alert rules YAML, like ./alert-rules.yaml',
    );
  }
  return problems;
}

/**
 * Reads and validates the environment for a role. Throws one ConfigError that names every bad key
 * and what a valid value looks like, so a deployment is fixed in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv, role: Role): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'environment');
      const value = env[key];
      const shown = value === undefined || /SECRET|TOKEN/.test(key) ? '' : ` (got "${value.slice(0, 60)}")`;
      return `${key}${shown}: expected ${issue.message.replace(/^expected /i, '')}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const regions = e.AWS_REGIONS.length > 0 ? e.AWS_REGIONS : e.AWS_REGION ? [e.AWS_REGION] : [];
  const problems = roleProblems(role, e, regions);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    role,
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    },
    port: e.PORT,
    healthPort: e.HEALTH_PORT,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    aws: {
      regions: [...new Set(regions)],
      endpoint: e.AWS_ENDPOINT_URL_BACKUP,
      defaultAccountId: e.DEFAULT_ACCOUNT_ID,
    },
    defaultTimezone: e.DEFAULT_TIMEZONE,
    alertRulesFile: e.ALERT_RULES_FILE,
    access: { channelIds: e.ALLOWED_CHANNEL_IDS, userIds: e.ALLOWED_USER_IDS },
    rateLimits: { perUser: e.RATE_LIMIT_PER_USER, perChannel: e.RATE_LIMIT_PER_CHANNEL, windowSeconds: 60 },
    alerts: { adminUserIds: e.ALERT_ADMIN_USER_IDS, maxMuteMs: e.ALERT_MAX_MUTE_DAYS * 86_400_000 },
    logLevel: e.LOG_LEVEL,
  };
}

/** Every env key the config reads; `.env.example` and the deploy manifests are checked against it. */
export const ENV_KEYS = Object.keys(Env.shape) as readonly (keyof EnvValues)[];
