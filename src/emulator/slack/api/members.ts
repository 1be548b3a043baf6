import { type ApiAnswer, fail, parseArgs } from '../answers.js';
import { MembersArgs } from '../schemas.js';
import type { StandInState } from '../state.js';
import type { StandInChannel } from '../types.js';

type Args = Record<string, unknown>;

/** Slack's default page size for cursor-paginated methods. */
const DEFAULT_LIMIT = 100;
/** Slack asks for a limit under 1000 (its SDK types say at most 999). */
const MAX_LIMIT = 999;

/** The read scope each kind of conversation needs (the Conversations API's scope rules). */
const READ_SCOPE: Readonly<Record<StandInChannel['kind'], string>> = {
  public: 'channels:read',
  private: 'groups:read',
  im: 'im:read',
};

/** An opaque cursor, as Slack's are: the conversation and the position of the next member. */
function encodeCursor(channelId: string, offset: number): string {
  return Buffer.from(`members:${channelId}:${offset}`).toString('base64');
}

function decodeCursor(cursor: string, channelId: string, total: number): number | undefined {
  const match = /^members:([A-Z0-9]+):(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match || match[1] !== channelId) return undefined;
  const offset = Number(match[2]);
  return offset > 0 && offset <= total ? offset : undefined;
}

function parseLimit(raw: string | number | undefined): number | undefined {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const limit = typeof raw === 'number' ? raw : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

/**
 * conversations.members: the user ids of a conversation (the app's own bot user too when it is in
 * it), a page at a time. A public channel is readable without joining it; a private channel or DM
 * the bot is not in is channel_not_found, as in Slack. The last page has an empty `next_cursor`.
 */
export function conversationsMembers(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(MembersArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { workspace, scopes } = state;
  const channel = workspace.resolveChannel(parsed.value.channel);
  if (!channel || (channel.kind !== 'public' && !channel.botMember)) return fail('channel_not_found');
  const needed = READ_SCOPE[channel.kind];
  if (scopes && !scopes.has(needed)) {
    return fail('missing_scope', { needed, provided: [...scopes].join(',') });
  }
  const limit = parseLimit(parsed.value.limit);
  if (limit === undefined) return fail('invalid_limit');
  const members = [...channel.members, ...(channel.botMember ? [workspace.bot.userId] : [])];
  const cursor = parsed.value.cursor ?? '';
  const offset = cursor === '' ? 0 : decodeCursor(cursor, channel.id, members.length);
  if (offset === undefined) return fail('invalid_cursor');
  const end = Math.min(offset + limit, members.length);
  return {
    ok: true,
    members: members.slice(offset, end),
    response_metadata: { next_cursor: end < members.length ? encodeCursor(channel.id, end) : '' },
  };
}
