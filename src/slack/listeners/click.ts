import type { App } from '@slack/bolt';
import { notAllowedMessage } from '../../blocks/index.js';
import { isAllowed } from '../access.js';
import type { BotDeps, RequestContext } from '../deps.js';
import { failureMessage, safeRespond } from '../failures.js';
import { type ClickArgs, clickContext, clickedValue } from './context.js';

export type ClickHandler = (
  ctx: RequestContext,
  value: string | undefined,
  args: ClickArgs,
) => Promise<object | null>;

/**
 * Registers a click listener the same way for every button: ack first, check access, run the
 * handler, reply with what it returns (null: it replied itself), and turn any failure into a reply.
 */
export function onClick(
  app: App,
  deps: BotDeps,

  actionId: string | RegExp,
  name: string,
  handler: ClickHandler,
) {
  app.action({ type: 'block_actions', action_id: actionId }, async (args) => {
    const started = performance.now();
    await args.ack();
    const clickArgs = args as unknown as ClickArgs;
    const ctx = clickContext(deps, clickArgs, name);
    deps.metrics.requestSeconds.observe(
      { kind: 'click', name, outcome: 'ack' },
      (performance.now() - started) / 1000,
    );
    if (!isAllowed(deps.config.access, ctx.channelId, ctx.userId)) {
      await safeRespond(ctx.respond, notAllowedMessage(), ctx.log);
      return;
    }
    let message: object | null;
    try {
      message = await handler(ctx, clickedValue(clickArgs), clickArgs);
    } catch (err) {
      message = { ...failureMessage(err, ctx.log), response_type: 'ephemeral', replace_original: false };
    }
    if (message) await safeRespond(ctx.respond, message, ctx.log);
  });
}
