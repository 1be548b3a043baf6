import type { App } from '@slack/bolt';
import { ACTION, actionPattern } from '../../blocks/index.js';
import type { BotDeps } from '../deps.js';
import { metaOf } from '../middleware/meta.js';
import { PAYLOAD } from '../middleware/validate.js';
import { type ClickPayload, clickRequest } from '../requests.js';
import { observeAck } from './observe.js';

const CONSOLE_LINK = actionPattern(ACTION.openConsole);

/**
 * Every click on an element of the app's messages: put on the work queue, then acknowledged. A
 * link button (the AWS console) still sends a click, which only needs the ack.
 */
export function registerActions(app: App, deps: BotDeps) {
  app.action({ type: 'block_actions' }, async ({ ack, context, action }) => {
    const meta = metaOf(context);
    if (!CONSOLE_LINK.test(action.action_id)) {
      const payload = context[PAYLOAD] as ClickPayload;
      await deps.requests.submit(clickRequest(payload, meta));
    }
    await ack();
    observeAck(deps, 'click', meta);
  });
}
