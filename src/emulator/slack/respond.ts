import { type ApiAnswer, fail, messageError } from './answers.js';
import type { ResponseContext } from './response-urls.js';
import type { ResponseUrlBody } from './schemas.js';
import { type StandInState, threadParent } from './state.js';
import type { StoredMessage } from './types.js';

/** The message a replace_original / delete_original acts on: the clicked one, or the command's last reply. */
function original(state: StandInState, context: ResponseContext): StoredMessage | undefined {
  const id = context.sourceId ?? context.lastPostedId;
  const message = id === undefined ? undefined : state.store.get(id);
  return message && !message.deleted ? message : undefined;
}

/**
 * Applies a response (through a response_url, or in a command's acknowledgement) as Slack does:
 * delete_original deletes; replace_original replaces the original in place, keeping its visibility
 * (an ephemeral message stays ephemeral to its user); otherwise a new message, ephemeral to the user
 * unless response_type is in_channel, in the thread given by thread_ts.
 */
export function applyResponse(
  state: StandInState,
  context: ResponseContext,
  body: ResponseUrlBody,
  via: 'response_url' | 'ack' = 'response_url',
): { status: number; answer: ApiAnswer } {
  const target = original(state, context);
  if (body.delete_original) {
    if (!target) return { status: 404, answer: fail('message_not_found') };
    state.store.remove(target.id);
    return { status: 200, answer: { ok: true } };
  }
  const bad = messageError({ text: body.text, blocks: body.blocks });
  if (bad) return { status: 400, answer: bad };
  if (body.replace_original && target) {
    state.store.replace(target.id, { text: body.text ?? '', blocks: body.blocks ?? [] });
    return { status: 200, answer: { ok: true } };
  }
  const thread = threadParent(state, context.channel, body.thread_ts);
  if (thread.error) return { status: 404, answer: fail(thread.error) };
  const { bot } = state.workspace;
  const posted = state.store.post({
    channel: context.channel,
    user: bot.userId,
    botId: bot.botId,
    text: body.text ?? '',
    blocks: body.blocks,
    mrkdwn: body.mrkdwn,
    threadTs: thread.ts,
    ephemeralFor: body.response_type === 'in_channel' ? undefined : context.user,
    via,
  });
  if (context.kind === 'commands') context.lastPostedId = posted.id;
  return { status: 200, answer: { ok: true } };
}
