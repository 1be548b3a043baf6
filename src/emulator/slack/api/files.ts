import { type ApiAnswer, fail, messageError, parseArgs } from '../answers.js';
import { fileJson } from '../files.js';
import { CompleteUploadArgs, UploadUrlArgs } from '../schemas.js';
import { type StandInState, threadParent } from '../state.js';

type Args = Record<string, unknown>;

export function getUploadUrlExternal(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(UploadUrlArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { file, uploadUrl } = state.files.reserve(parsed.value.filename, parsed.value.length);
  return { ok: true, upload_url: uploadUrl, file_id: file.id };
}

/** Completes uploaded files and, with a channel, shares them there as one message (in a thread if asked). */
export function completeUploadExternal(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(CompleteUploadArgs, args);
  if (!parsed.ok) return parsed.answer;
  const a = parsed.value;
  for (const { id } of a.files) {
    const file = state.files.get(id);
    if (!file || file.completed || file.data === undefined) return fail('file_not_found');
  }
  const channelRef = a.channel_id ?? a.channels;
  const channel = channelRef === undefined ? undefined : state.workspace.writable(channelRef);
  if (typeof channel === 'string') return fail(channel);
  if (a.blocks || (a.initial_comment?.length ?? 0) > 0) {
    const bad = messageError({ text: a.initial_comment ?? ' ', blocks: a.blocks });
    if (bad) return bad;
  }
  const thread = channel ? threadParent(state, channel.id, a.thread_ts) : {};
  if (thread.error) return fail(thread.error);
  const { bot } = state.workspace;
  const files = a.files.map((f) => state.files.complete(f.id, f.title, channel?.id));
  if (channel) {
    state.store.post({
      channel: channel.id,
      user: bot.userId,
      botId: bot.botId,
      text: a.initial_comment ?? '',
      blocks: a.blocks,
      threadTs: thread.ts,
      files: files.map((f) => f.id),
      via: 'files',
    });
  }
  return { ok: true, files: files.map((f) => fileJson(f, bot.userId)) };
}
