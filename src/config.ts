import { z } from 'zod';
import { isAccountScope, REGION } from './domain/index.js';
import { ConfigError } from './errors.js';
import { parseDuration } from './time/duration.js';
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

/**
 * A Slack token: its prefix, or nothing. `required` turns a missing token into the problem it is,
 * with where to find it.
 */
function token<P extends string>(prefix: P, expected: string) {
  const valid = (missing: string) =>
    z.templateLiteral([prefix, z.string()], {
      error: (issue) => (issue.input === undefined ? missing : expected),
    });
  return {
    optional: optionalText.pipe(valid(expected).optional()),
    required: (missing: string) => optionalText.pipe(valid(missing)),
  };
}

const botToken = token('xoxb-', 'a bot token starting with xoxb-');
const appToken = token('xapp-', 'an app-level token starting with xapp-');

/** Text that must be there: `missing` says where to find it. */
const requiredText = (missing: string) => optionalText.pipe(z.string({ error: missing }));

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
  SLACK_BOT_TOKEN: botToken.optional,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: appToken.optional,
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
  AWS_MEMBER_ROLE_NAME: optionalText.pipe(
    z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, 'an IAM role name like OrganizationAccountAccessRole')
      .optional(),
  ),
  COVERAGE_EVERY: z
    .string()
    .trim()
    .default('5m')
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      // From 10 s, for a demo; a steady pass costs a few calls per account and Region.
      if (ms === null || ms < 10_000 || ms > 86_400_000) {
        ctx.addIssue({ code: 'custom', message: 'a duration from 10s to 24h, like 5m' });
        return 0;
      }
      return ms;
    }),
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

type EnvValues = z.infer<typeof Env>;

const BOT_TOKEN = botToken.required('set the bot token (xoxb-…) from OAuth & Permissions');

/** What the bot needs over HTTP: Slack signs every request with the signing secret. */
const BotHttpEnv = Env.extend({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: requiredText(
    'set it from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)',
  ),
});

/** What the bot needs over Socket Mode: the app-level token opens the connection. */
const BotSocketEnv = Env.extend({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_APP_TOKEN: appToken.required('set the app-level token (xapp-…) from Basic Information'),
});

/** The worker: rules may live in Redis alone (made in Slack), so ALERT_RULES_FILE is optional. */
const WorkerEnv = Env.extend({
  SLACK_BOT_TOKEN: BOT_TOKEN,
});

/** What every role reads. */
interface SharedConfig {
  port: number;
  healthPort: number;
  redis: { url: string; prefix: string };
  aws: {
    regions: string[];
    endpoint: string | undefined;
    defaultAccountId: string | undefined;
    /** AWS_MEMBER_ROLE_NAME: the role assumed in member accounts to read their protected resources. */
    memberRoleName: string | undefined;
  };
  /** How often the worker advances coverage (COVERAGE_EVERY). */
  coverageEveryMs: number;
  defaultTimezone: string;
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

/** The bot over HTTP: Slack's requests are verified with the signing secret. */
export interface SlackOverHttp {
  mode: 'http';
  botToken: `xoxb-${string}`;
  signingSecret: string;
  appToken?: undefined;
  apiUrl: string;
}

/** The bot over Socket Mode: it dials out with the app-level token; no request reaches it. */
export interface SlackOverSocket {
  mode: 'socket';
  botToken: `xoxb-${string}`;
  appToken: `xapp-${string}`;
  /** Unused over Socket Mode; kept so that the logger masks it wherever it would appear. */
  signingSecret: string | undefined;
  apiUrl: string;
}

export interface BotConfig extends SharedConfig {
  role: 'bot';
  slack: SlackOverHttp | SlackOverSocket;
  /** The read-only alert rules of a YAML file, beside those made in Slack; none without it. */
  alertRulesFile: string | undefined;
}

export interface WorkerConfig extends SharedConfig {
  role: 'worker';
  slack: { botToken: `xoxb-${string}`; apiUrl: string };
  /** The read-only alert rules of a YAML file, beside those made in Slack (in Redis); none without it. */
  alertRulesFile: string | undefined;
}

/** The demo, the emulator and parse: no Slack secrets of their own. */
export interface LocalConfig extends SharedConfig {
  role: 'demo' | 'emulator' | 'parse';
  slack: { apiUrl: string };
  alertRulesFile: string | undefined;
}

/** The configuration of any role. */
export type Config = BotConfig | WorkerConfig | LocalConfig;

export interface RoleConfig {
  bot: BotConfig;
  worker: WorkerConfig;
  demo: LocalConfig;
  emulator: LocalConfig;
  parse: LocalConfig;
}

function problemOf(env: NodeJS.ProcessEnv, issue: z.core.$ZodIssue): string {
  const key = String(issue.path[0] ?? 'environment');
  const value = env[key];
  if (value === undefined || value.trim() === '') return `${key} is missing: ${issue.message}`;
  const shown = /SECRET|TOKEN/.test(key) ? '' : ` (got "${value.slice(0, 60)}")`;
  return `${key}${shown}: expected ${issue.message.replace(/^expected /i, '')}`;
}

function regionsOf(e: Pick<EnvValues, 'AWS_REGIONS' | 'AWS_REGION'>): string[] {
  return [...new Set(e.AWS_REGIONS.length > 0 ? e.AWS_REGIONS : e.AWS_REGION ? [e.AWS_REGION] : [])];
}

/** AWS_REGIONS, else AWS_REGION, as the raw environment gives them: a role that calls AWS needs one. */
function regionsGiven(env: NodeJS.ProcessEnv): boolean {
  const listed = (env.AWS_REGIONS ?? '').split(',').some((r) => r.trim() !== '');
  return listed || (env.AWS_REGION ?? '').trim() !== '';
}

const REGIONS_MISSING =
  'AWS_REGIONS is missing: set a comma-separated list like us-east-1,eu-west-1 (or AWS_REGION)';

/**
 * The environment through a role's schema. Throws one ConfigError naming every bad or missing key
 * and what a valid value looks like, so a deployment is fixed in one go.
 */
function read<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, needsRegions: boolean): z.output<S> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => problemOf(env, issue));
  if (needsRegions && !regionsGiven(env)) problems.push(REGIONS_MISSING);
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return parsed.data;
}

function shared(e: EnvValues): SharedConfig {
  return {
    port: e.PORT,
    healthPort: e.HEALTH_PORT,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    aws: {
      regions: regionsOf(e),
      endpoint: e.AWS_ENDPOINT_URL_BACKUP,
      defaultAccountId: e.DEFAULT_ACCOUNT_ID,
      memberRoleName: e.AWS_MEMBER_ROLE_NAME,
    },
    coverageEveryMs: e.COVERAGE_EVERY,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    access: { channelIds: e.ALLOWED_CHANNEL_IDS, userIds: e.ALLOWED_USER_IDS },
    rateLimits: { perUser: e.RATE_LIMIT_PER_USER, perChannel: e.RATE_LIMIT_PER_CHANNEL, windowSeconds: 60 },
    alerts: { adminUserIds: e.ALERT_ADMIN_USER_IDS, maxMuteMs: e.ALERT_MAX_MUTE_DAYS * 86_400_000 },
    logLevel: e.LOG_LEVEL,
  };
}

function apiUrlOf(e: EnvValues): string {
  return e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
}

/** The bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP with the signing secret. */
export function loadBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const over = { role: 'bot', alertRulesFile: undefined } as const;
  if ((env.SLACK_APP_TOKEN ?? '').trim() !== '') {
    const e = read(BotSocketEnv, env, true);
    const slack = { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN } as const;
    return {
      ...over,
      ...shared(e),
      alertRulesFile: e.ALERT_RULES_FILE,
      slack: { ...slack, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: apiUrlOf(e) },
    };
  }
  const e = read(BotHttpEnv, env, true);
  return {
    ...over,
    ...shared(e),
    alertRulesFile: e.ALERT_RULES_FILE,
    slack: {
      mode: 'http',
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: apiUrlOf(e),
    },
  };
}

/** The alert worker: it posts with the bot token, the rules of ALERT_RULES_FILE (if set) and of Redis. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const e = read(WorkerEnv, env, true);
  return {
    role: 'worker',
    ...shared(e),
    alertRulesFile: e.ALERT_RULES_FILE,
    slack: { botToken: e.SLACK_BOT_TOKEN, apiUrl: apiUrlOf(e) },
  };
}

/** The demo, the emulator and parse: only the shared keys, each valid when set. */
export function loadLocalConfig(env: NodeJS.ProcessEnv, role: LocalConfig['role']): LocalConfig {
  const e = read(Env, env, false);
  return { role, ...shared(e), alertRulesFile: e.ALERT_RULES_FILE, slack: { apiUrl: apiUrlOf(e) } };
}

/** Reads and validates the environment for a role (see the role's own loader). */
export function loadConfig<R extends Role>(env: NodeJS.ProcessEnv, role: R): RoleConfig[R];
export function loadConfig(env: NodeJS.ProcessEnv, role: Role): Config {
  if (role === 'bot') return loadBotConfig(env);
  if (role === 'worker') return loadWorkerConfig(env);
  return loadLocalConfig(env, role);
}

/** Every env key the config reads; `.env.example` and the deploy manifests are checked against it. */
export const ENV_KEYS = Object.keys(Env.shape) as readonly (keyof EnvValues)[];
