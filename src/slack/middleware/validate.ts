import type { App, ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import { malformedRequestMessage } from '../../blocks/error-messages.js';
import type { BotDeps } from '../deps.js';
import { ClickPayload, CommandPayload, ResponseUrl } from '../requests.js';
import { postToResponseUrl } from '../respond.js';

/** The context key of a validated command or click payload. */
export const PAYLOAD = 'bjPayload';

/** A signed payload of a shape Slack does not send: the sender's mistake, not the app's. */
export class MalformedPayloadError extends Error {
  constructor() {
    super('malformed Slack payload');
    this.name = 'MalformedPayloadError';
  }
}

/** What Slack sends that this app reads at all: commands, interactions and Events API callbacks. */
const Known = z.union([
  z.object({ command: z.string() }),
  z.object({
    type: z.enum(['block_actions', 'block_suggestion', 'shortcut', 'message_action', 'event_callback']),
  }),
  z.object({ type: z.enum(['view_submission', 'view_closed']), view: z.object({ callback_id: z.string() }) }),
]);

/**
 * Checks every payload before Bolt routes it: commands and clicks against what the app reads from
 * them (zod, permissively: Slack sends more), anything else against the kinds Slack sends. Bolt
 * would leave a payload it cannot classify unanswered for 3 s, and fail on a click without a user;
 * here a bad one is refused at once (HTTP 400; acked over Socket Mode), and one that names a
 * response_url is acknowledged and told what was wrong. A good one reaches the middleware with
 * its parsed payload in the context.
 */
export function validatingApp(app: App, deps: BotDeps): Pick<App, 'processEvent'> {
  return {
    async processEvent(event: ReceiverEvent) {
      const body = event.body as Record<string, unknown>;
      if (!Known.safeParse(body).success) throw new MalformedPayloadError();
      const schema =
        typeof body.command === 'string'
          ? CommandPayload
          : body.type === 'block_actions'
            ? ClickPayload
            : undefined;
      if (!schema) return app.processEvent(event);
      const parsed = schema.safeParse(body);
      if (parsed.success) {
        return app.processEvent({
          ...event,
          customProperties: { ...event.customProperties, [PAYLOAD]: parsed.data },
        });
      }
      deps.logger.info({ issues: parsed.error.issues.length }, 'malformed Slack payload refused');
      const url = ResponseUrl.safeParse(body.response_url);
      if (!url.success) throw new MalformedPayloadError();
      await event.ack();
      await postToResponseUrl(
        url.data,
        { ...malformedRequestMessage(), response_type: 'ephemeral' },
        deps.answerFooter,
      ).catch(() => undefined);
    },
  };
}
