import type { App } from '@slack/bolt';
import { QUERY_MODAL } from '../../blocks/index.js';
import { parseQuery } from '../../query/parse.js';
import type { BotDeps } from '../deps.js';
import { readTarget } from '../edit-query.js';
import { isAllowed } from '../middleware/access.js';
import { metaOf } from '../middleware/meta.js';
import { observeAck } from './observe.js';

/** Slack shows an input's error under it; a long one is cut. */
const MAX_ERROR = 300;

/**
 * The Edit query modal, submitted: checked in the ack, so a query that does not parse keeps the
 * modal open with the reason under the field; a good one closes it and is queued like a command,
 * its answer going where the modal was opened from.
 */
export function registerViews(app: App, deps: BotDeps) {
  app.view(QUERY_MODAL.callbackId, async ({ ack, body, view, context }) => {
    const meta = metaOf(context);
    const text = view.state.values[QUERY_MODAL.block]?.[QUERY_MODAL.action]?.value?.trim() ?? '';
    const target = readTarget(view.private_metadata);
    const refuse = (message: string) =>
      ack({ response_action: 'errors', errors: { [QUERY_MODAL.block]: message.slice(0, MAX_ERROR) } });
    if (!target)
      return refuse('This form has lost where its answer goes: close it and click Edit query again.');
    if (!isAllowed(deps.config.access, target.channelId, body.user.id))
      return refuse(
        'Backup jobs cannot be looked up from here: ask an admin to add you to the allowed list.',
      );
    const parsed = parseQuery(text, { now: deps.now(), timeZone: deps.config.defaultTimezone });
    if (!parsed.ok) return refuse(parsed.error.error);
    await deps.requests.submit({
      type: 'command',
      id: meta.key,
      receivedAt: meta.receivedAt,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      channelId: target.channelId,
      userId: body.user.id,
      responseUrl: target.responseUrl,
      text,
    });
    await ack();
    observeAck(deps, 'view', meta);
  });
}
