/**
 * Coded errors: every failure the product reports says what went wrong (`message`), what to do
 * about it (`remedy`) and carries a stable `code` that callers switch on (never the message text).
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'QUERY_INVALID'
  | 'AWS_ACCESS_DENIED'
  | 'AWS_THROTTLED'
  | 'AWS_UNAVAILABLE'
  | 'AWS_INVALID_PARAMETER'
  | 'AWS_NOT_FOUND'
  | 'AWS_UNREACHABLE'
  | 'AWS_CREDENTIALS'
  | 'AWS_UNKNOWN'
  | 'REDIS_UNAVAILABLE'
  | 'CURSOR_EXPIRED'
  | 'CURSOR_FORBIDDEN'
  | 'PAGE_BUSY'
  | 'RESPONSE_EXPIRED'
  | 'REPLAY_UNCHECKED'
  | 'SLACK_API'
  | 'NOT_ALLOWED'
  | 'RULES_INVALID';

export interface CodedErrorOptions {
  /** What the reader can do about it, in one sentence. */
  remedy: string;
  cause?: unknown;
}

export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly remedy: string;

  constructor(code: ErrorCode, message: string, options: CodedErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.remedy = options.remedy;
  }

  /** The sentence shown to a person: what happened, then what to do. */
  toUserText(): string {
    return `${this.message} ${this.remedy}`.trim();
  }
}

export class ConfigError extends CodedError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('CONFIG_INVALID', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      remedy: 'Fix the environment variables above (see .env.example) and start again.',
    });
    this.problems = problems;
  }
}

export class UsageError extends CodedError {
  constructor(message: string, remedy: string) {
    super('USAGE', message, { remedy });
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}

/** A short, safe description of any thrown value for logs and last-resort replies. */
export function describeError(value: unknown): string {
  if (value instanceof Error) return value.message;
  return String(value);
}
