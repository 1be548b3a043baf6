import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secretAccessKey',
  '*.secretAccessKey',
  'sessionToken',
  '*.sessionToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
  'config.slack',
];

const SECRET_PATTERNS: readonly RegExp[] = [
  /xox[abposr]-[0-9A-Za-z-]{8,}/g,
  /xapp-[0-9A-Za-z-]{8,}/g,
  /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
];

/** Masks Slack tokens and AWS-secret-shaped strings inside free text (error messages, stacks). */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[Redacted]');
  return out;
}

export interface LoggerSettings {
  level: string;
  /** Extra literal secrets (signing secret, tokens) masked wherever they appear in a message. */
  secrets?: readonly string[];
  destination?: NodeJS.WritableStream;
}

export function createLogger(settings: LoggerSettings): Logger {
  const secrets = (settings.secrets ?? []).filter((s) => s.length >= 8);
  const mask = (text: string): string => {
    let out = scrubSecrets(text);
    for (const secret of secrets) out = out.split(secret).join('[Redacted]');
    return out;
  };
  const options: LoggerOptions = {
    level: settings.level,
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    serializers: {
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        if (typeof serialized.message === 'string') serialized.message = mask(serialized.message);
        if (typeof serialized.stack === 'string') serialized.stack = mask(serialized.stack);
        return serialized;
      },
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? mask(a) : a)) as typeof args;
        method.apply(this, masked);
      },
    },
  };
  return settings.destination
    ? pino(options, settings.destination as unknown as pino.DestinationStream)
    : pino(options);
}

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

export interface SlackLoggerOptions {
  /**
   * Messages written at debug whatever level the library chose: what any client can make it log at
   * will (a request cut off, one without a signature), which must not fill the log or page anyone.
   */
  quiet?: readonly RegExp[];
}

/** Bolt and @slack/web-api want their own logger shape; route it into pino with a `lib` field. */
export function toSlackLogger(logger: Logger, lib = 'slack', options: SlackLoggerOptions = {}): SlackLogger {
  const child = logger.child({ lib });
  const quiet = options.quiet ?? [];
  let level: LogLevel = BOLT_LEVELS[logger.level] ?? LogLevel.INFO;
  const write =
    (fn: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      const text = String(msg[0] ?? '');
      const at = quiet.some((pattern) => pattern.test(text)) ? 'debug' : fn;
      child[at]({ detail: msg.slice(1).map(String).join(' ') || undefined }, text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
