import type { AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import { malformedRequestMessage } from '../../blocks/error-messages.js';
import type { BotDeps } from '../deps.js';
import { ClickPayload, CommandPayload } from '../requests.js';

/** The context key of a validated command or click payload. */
export const PAYLOAD = 'bjPayload';

/**
 * Checks commands and clicks against what the app reads from them (zod, permissively: Slack sends
 * more). One that lacks something is acknowledged and answered with a clear message when it names
 * a response_url, and goes no further; it never reaches a listener half-formed.
 */
export function validatePayload(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Record<string, unknown>;
    const schema =
      typeof body.command === 'string'
        ? CommandPayload
        : body.type === 'block_actions'
          ? ClickPayload
          : undefined;
    if (!schema) return args.next();
    const parsed = schema.safeParse(body);
    if (parsed.success) {
      args.context[PAYLOAD] = parsed.data;
      return args.next();
    }
    deps.logger.info({ issues: parsed.error.issues.length }, 'malformed Slack payload refused');
    const { ack, respond } = args as { ack?: () => Promise<void>; respond?: RespondFn };
    // Nowhere to answer: refused as a bad request (HTTP 400; acked and dropped over Socket Mode).
    if (typeof body.response_url !== 'string' || !URL.canParse(body.response_url))
      throw new MalformedPayloadError();
    await ack?.();
    await respond?.({ ...malformedRequestMessage(), response_type: 'ephemeral' }).catch(() => undefined);
  };
}

/** A signed payload of a shape Slack does not send: the sender's mistake, not the app's. */
export class MalformedPayloadError extends Error {
  constructor() {
    super('malformed Slack payload');
    this.name = 'MalformedPayloadError';
  }
}
