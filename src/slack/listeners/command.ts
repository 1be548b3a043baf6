import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { metaOf } from '../middleware/meta.js';
import { PAYLOAD } from '../middleware/validate.js';
import { type CommandPayload, commandRequest } from '../requests.js';
import { observeAck } from './observe.js';

export const COMMAND = '/backup-jobs';

/**
 * `/backup-jobs <text>`: what it asks for is put on the work queue (in Redis, or run here when
 * Redis is away), then acknowledged: an acknowledged command is never lost with this process.
 */
export function registerCommand(app: App, deps: BotDeps) {
  app.command(COMMAND, async ({ ack, context }) => {
    const meta = metaOf(context);
    const payload = context[PAYLOAD] as CommandPayload;
    await deps.requests.submit(commandRequest(payload, meta));
    await ack();
    observeAck(deps, 'command', meta);
  });
}
