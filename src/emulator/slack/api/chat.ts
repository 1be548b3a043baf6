import type { z } from 'zod';
import { type ApiAnswer, fail, messageError, parseArgs } from '../answers.js';
import { DeleteArgs, PermalinkArgs, PostEphemeralArgs, PostMessageArgs, UpdateArgs } from '../schemas.js';
import { messageJson, type StandInState, threadParent } from '../state.js';

type Args = Record<string, unknown>;

/** What both post methods share: the message checks, the thread, and the bot as author. */
function postAsBot(
  state: StandInState,
  channelId: string,
  a: z.infer<typeof PostMessageArgs>,
  ephemeralFor?: string,
) {
  const bad = messageError({ text: a.text, blocks: a.blocks });
  if (bad) return { answer: bad };
  const thread = threadParent(state, channelId, a.thread_ts);
  if (thread.error) return { answer: fail(thread.error) };
  const { bot } = state.workspace;
  const message = state.store.post({
    channel: channelId,
    user: bot.userId,
    botId: bot.botId,
    text: a.text ?? '',
    blocks: a.blocks,
    mrkdwn: a.mrkdwn,
    threadTs: thread.ts,
    ...(ephemeralFor ? { ephemeralFor } : {}),
    via: 'api',
  });
  return { message };
}

export function postMessage(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(PostMessageArgs, args);
  if (!parsed.ok) return parsed.answer;
  const channel = state.workspace.writable(parsed.value.channel);
  if (typeof channel === 'string') return fail(channel);
  const posted = postAsBot(state, channel.id, parsed.value);
  if (!posted.message) return posted.answer;
  return {
    ok: true,
    channel: channel.id,
    ts: posted.message.ts,
    message: messageJson(state, posted.message),
  };
}

export function postEphemeral(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(PostEphemeralArgs, args);
  if (!parsed.ok) return parsed.answer;
  const a = parsed.value;
  const channel = state.workspace.writable(a.channel);
  if (typeof channel === 'string') return fail(channel);
  if (!state.workspace.user(a.user)) return fail('user_not_found');
  if (!channel.members.includes(a.user)) return fail('user_not_in_channel');
  const posted = postAsBot(state, channel.id, a, a.user);
  if (!posted.message) return posted.answer;
  return { ok: true, message_ts: posted.message.ts };
}

/** The bot's own, visible message at channel + ts, or the error Slack gives. */
function ownMessage(state: StandInState, channelRef: string, ts: string, notOwn: string) {
  const channel = state.workspace.writable(channelRef);
  if (typeof channel === 'string') return { error: channel };
  const message = state.store.find(channel.id, ts);
  if (!message || message.ephemeralFor !== undefined) return { error: 'message_not_found' };
  if (message.user !== state.workspace.bot.userId) return { error: notOwn };
  return { message };
}

export function update(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(UpdateArgs, args);
  if (!parsed.ok) return parsed.answer;
  const a = parsed.value;
  const found = ownMessage(state, a.channel, a.ts, 'cant_update_message');
  if (!found.message) return fail(found.error);
  if (a.text === undefined && a.blocks === undefined) return fail('no_text');
  const bad = messageError({ text: a.text ?? found.message.text, blocks: a.blocks ?? found.message.blocks });
  if (bad) return bad;
  const message = state.store.replace(found.message.id, { text: a.text, blocks: a.blocks });
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: messageJson(state, message),
  };
}

export function deleteMessage(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(DeleteArgs, args);
  if (!parsed.ok) return parsed.answer;
  const found = ownMessage(state, parsed.value.channel, parsed.value.ts, 'cant_delete_message');
  if (!found.message) return fail(found.error);
  state.store.remove(found.message.id);
  return { ok: true, channel: found.message.channel, ts: found.message.ts };
}

/**
 * chat.getPermalink: Slack's address of a message the app can see, `…/archives/<channel>/p<ts
 * without its dot>`, with `thread_ts` and `cid` for a thread reply. Here it is on the stand-in,
 * whose `/archives/…` opens the channel in the playground.
 */
export function getPermalink(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(PermalinkArgs, args);
  if (!parsed.ok) return parsed.answer;
  const channel = state.workspace.resolveChannel(parsed.value.channel);
  if (!channel || (channel.kind !== 'public' && !channel.botMember)) return fail('channel_not_found');
  const message = state.store.find(channel.id, parsed.value.message_ts);
  if (!message || message.ephemeralFor !== undefined) return fail('message_not_found');
  const link = new URL(`/archives/${channel.id}/p${message.ts.replace('.', '')}`, state.baseUrl);
  if (message.threadTs !== undefined) {
    link.searchParams.set('thread_ts', message.threadTs);
    link.searchParams.set('cid', channel.id);
  }
  return { ok: true, channel: channel.id, permalink: link.href };
}
