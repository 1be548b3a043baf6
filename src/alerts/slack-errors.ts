import { ErrorCode } from '@slack/web-api';
import { CodedError } from '../errors.js';

/** What a failed Slack call means for delivery. */
export type SlackFailure =
  /** Slack refused for now: nothing was posted; try again after retryAfterMs. */
  | { kind: 'rate_limited'; reason: string; retryAfterMs: number }
  /** Retrying cannot help until someone fixes the channel, the token or the message. */
  | { kind: 'permanent'; reason: string }
  /** Try again later; `uncertain` when Slack may have carried the call out before failing. */
  | { kind: 'transient'; reason: string; uncertain: boolean };

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'is_archived',
  'missing_scope',
  'restricted_action',
  'invalid_blocks',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

/** A Slack call failed; `failure` tells the queue what to do about it. */
export class SlackDeliveryError extends CodedError {
  readonly failure: SlackFailure;

  constructor(failure: SlackFailure, cause?: unknown) {
    super('SLACK_API', `Slack refused the alert: ${failure.reason}`, {
      remedy:
        failure.kind === 'permanent'
          ? 'Invite the bot to the channel (or fix the channel id or the token) and the next evaluation delivers it.'
          : 'It is retried automatically.',
      cause,
    });
    this.failure = failure;
  }
}

type Obj = Record<string, unknown>;

/** Sorts an error from @slack/web-api (or anything else) into rate limited, permanent or transient. */
export function classifySlackError(err: unknown): SlackFailure {
  if (err instanceof SlackDeliveryError) return err.failure;
  const e = (err ?? {}) as Obj;
  switch (e.code) {
    case ErrorCode.RateLimitedError: {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
      return { kind: 'rate_limited', reason: 'ratelimited', retryAfterMs: seconds * 1000 };
    }
    case ErrorCode.PlatformError: {
      const reason = String((e.data as Obj | undefined)?.error ?? 'unknown_error');
      if (reason === 'ratelimited') return { kind: 'rate_limited', reason, retryAfterMs: 1000 };
      if (PERMANENT.has(reason)) return { kind: 'permanent', reason };
      return { kind: 'transient', reason, uncertain: false };
    }
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      if (status === 429) return { kind: 'rate_limited', reason: 'ratelimited', retryAfterMs: 1000 };
      return { kind: 'transient', reason: `HTTP ${status}`, uncertain: status >= 500 };
    }
    case ErrorCode.RequestError:
      return {
        kind: 'transient',
        reason: String((e.original as Error | undefined)?.message ?? 'request failed'),
        uncertain: true,
      };
    default:
      return { kind: 'transient', reason: err instanceof Error ? err.message : String(err), uncertain: true };
  }
}
