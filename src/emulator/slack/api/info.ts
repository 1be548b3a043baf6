import { type ApiAnswer, fail, parseArgs } from '../answers.js';
import { ChannelArgs, OpenArgs, UserArgs } from '../schemas.js';
import type { StandInState } from '../state.js';

type Args = Record<string, unknown>;

export function authTest(_args: Args, state: StandInState): ApiAnswer {
  const { team, bot } = state.workspace;
  return {
    ok: true,
    url: `https://${team.domain}.slack.com/`,
    team: team.domain,
    user: bot.name,
    team_id: team.id,
    user_id: bot.userId,
    bot_id: bot.botId,
    is_enterprise_install: false,
  };
}

export function usersInfo(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(UserArgs, args);
  if (!parsed.ok) return parsed.answer;
  const { workspace } = state;
  if (parsed.value.user === workspace.bot.userId) return { ok: true, user: workspace.botInfo() };
  const user = workspace.user(parsed.value.user);
  if (!user) return fail('user_not_found');
  const info = workspace.userInfo(user, state.now());
  return { ok: true, user: parsed.value.include_locale ? { ...info, locale: user.locale ?? 'en-US' } : info };
}

/** Private conversations the bot is not in are invisible to it, as in Slack. */
export function conversationsInfo(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(ChannelArgs, args);
  if (!parsed.ok) return parsed.answer;
  const channel = state.workspace.resolveChannel(parsed.value.channel);
  if (!channel || (channel.kind !== 'public' && !channel.botMember)) return fail('channel_not_found');
  return { ok: true, channel: state.workspace.channelInfo(channel) };
}

/**
 * conversations.open with `users`: one user gives the app's DM with them (opened on demand);
 * several users would be a group DM, which this stand-in does not model.
 */
export function conversationsOpen(args: Args, state: StandInState): ApiAnswer {
  const parsed = parseArgs(OpenArgs, args);
  if (!parsed.ok) return parsed.answer;
  const users = parsed.value.users
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 1) return fail('not_supported');
  const im = state.workspace.openIm(users[0] ?? '');
  if (!im) return fail('user_not_found');
  return { ok: true, channel: { id: im.id } };
}
