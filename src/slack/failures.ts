import { ErrorCode } from '@slack/web-api';
import { cursorExpiredMessage, errorMessage, slackRefusedMessage } from '../blocks/error-messages.js';
import { isCodedError } from '../errors.js';
import type { Logger } from '../logger.js';
import { CursorExpiredError, CursorForbiddenError } from '../results/index.js';

/**
 * The one place a failure becomes a reply: coded errors say what happened and what to do (with
 * Run again when the query is known); anything else is logged in full and answered plainly.
 */
export function failureMessage(
  err: unknown,
  log: Logger,
  retryText?: string,
  direct?: { actionId: string; value: string },
) {
  const code = slackErrorCode(err);
  const refused = code ? slackRefusedMessage(code, direct) : undefined;
  if (refused) {
    log.warn({ slackError: code }, 'Slack refused a call');
    return refused;
  }
  if (err instanceof CursorExpiredError || err instanceof CursorForbiddenError) {
    return cursorExpiredMessage({ queryText: err.queryText, message: err.message, remedy: err.remedy });
  }
  if (isCodedError(err)) {
    log.warn({ code: err.code, err: err.cause ?? err }, 'request failed');
    return errorMessage({ message: err.message, remedy: err.remedy, ...(retryText ? { retryText } : {}) });
  }
  log.error({ err }, 'unexpected failure');
  return errorMessage({
    message: 'Something went wrong on our side while answering.',
    remedy: 'Try again; if it keeps happening, ask an admin to check the bot logs.',
    ...(retryText ? { retryText } : {}),
  });
}

/** The error code of a refusal by Slack's Web API (`not_in_channel`, `ratelimited`, …), if it is one. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = (err ?? {}) as { code?: unknown; data?: { error?: unknown } };
  if (e.code === ErrorCode.RateLimitedError) return 'ratelimited';
  if (e.code === ErrorCode.PlatformError && typeof e.data?.error === 'string') return e.data.error;
  return undefined;
}

/** Sends a reply and never throws: a failed response_url post is logged, not re-raised. */
export async function safeRespond(
  respond: (message: Record<string, unknown>) => Promise<unknown>,
  message: object,
  log: Logger,
): Promise<boolean> {
  try {
    await respond(message as Record<string, unknown>);
    return true;
  } catch (err) {
    log.warn({ err }, 'response_url post failed');
    return false;
  }
}
