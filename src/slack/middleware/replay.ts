import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { metaOf } from './meta.js';

/** Slack stamps requests with its clock; one stamped further ahead than this was not sent now. */
const MAX_AHEAD_SEC = 300;

/**
 * Refuses a correctly signed request stamped in the future (acknowledged, not run): Bolt refuses
 * stale stamps only, and a future one would stay replayable for as long as it lies ahead.
 *
 * A replay of a fresh request needs no store of its own: the request's key (the verified timestamp
 * and HMAC, or the envelope id) is its work's job id, and a job id the queue has seen in the last
 * ten minutes (Bolt accepts five) is not run again. When Redis cannot take the work, the request
 * runs where it was received, unchecked: state-changing work is refused then (`changesState`).
 */
export function rejectFutureStamps(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const meta = metaOf(args.context);
    if (meta.aheadSec <= MAX_AHEAD_SEC) return args.next();
    deps.logger.warn({ aheadSec: meta.aheadSec }, 'Slack request stamped in the future ignored');
    await (args as { ack?: () => Promise<void> }).ack?.();
  };
}
