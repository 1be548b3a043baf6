import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { META, metaOf } from './meta.js';

/** Slack stamps requests with its clock; one stamped further ahead than this was not sent now. */
const MAX_AHEAD_SEC = 300;
/** Longer than Bolt accepts a timestamp (5 minutes), so a replay is always remembered. */
const SEEN_TTL_SECONDS = 600;

/** True for the payloads a person causes (commands, clicks, modals), which Slack never resends. */
function isInteraction(body: Record<string, unknown>): boolean {
  return (
    typeof body.command === 'string' || (typeof body.type === 'string' && body.type !== 'event_callback')
  );
}

/**
 * Refuses a signed request seen before (a replay: acknowledged, not run) and one stamped in the
 * future. When Redis cannot be asked, the request goes on marked `replayChecked: false`: read-only
 * answers still come, state-changing ones are refused (see the click actions' `changesState`).
 */
export function rejectReplays(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const meta = metaOf(context);
    const record = body as Record<string, unknown>;
    if (!isInteraction(record)) return next();
    if (meta.aheadSec > MAX_AHEAD_SEC) {
      deps.logger.warn({ aheadSec: meta.aheadSec }, 'Slack request stamped in the future ignored');
      await ack?.();
      return;
    }
    const key = `${deps.config.redis.prefix}:seen:${meta.key}`;
    try {
      const fresh = await deps.guard.run(() => deps.redis.set(key, '1', 'EX', SEEN_TTL_SECONDS, 'NX'));
      if (fresh === null) {
        deps.logger.warn('replayed Slack request ignored');
        await ack?.();
        return;
      }
      context.replayChecked = true;
    } catch {
      context.replayChecked = false;
    }
    context[META] = meta;
    await next();
  };
}
