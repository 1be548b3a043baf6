import type { StandInBot, StandInChannel, StandInTeam, StandInUser } from './types.js';

function zoneName(tz: string, at: Date, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Seconds east of UTC for a zone at an instant, as users.info reports `tz_offset`. */
export function zoneOffsetSec(tz: string, at: Date): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zoneName(tz, at, 'longOffset'));
  if (!match) return 0;
  const sec = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -sec : sec;
}

/** The app's DM with a user (`D0ALICE` for `U0ALICE`): Slack gives an app one with every member. */
export function appDm(user: Pick<StandInUser, 'id' | 'name'>): StandInChannel {
  return {
    id: `D0${user.id.replace(/^U0?/, '')}`,
    name: user.name,
    kind: 'im',
    botMember: true,
    members: [user.id],
  };
}

/** The team, its users and conversations, and Slack's visibility rules over them. */
export class Workspace {
  readonly team: StandInTeam;
  readonly bot: StandInBot;
  readonly #users: Map<string, StandInUser>;
  readonly #channels: Map<string, StandInChannel>;

  constructor(
    team: StandInTeam,
    bot: StandInBot,
    users: readonly StandInUser[],
    channels: readonly StandInChannel[],
  ) {
    this.team = team;
    this.bot = bot;
    this.#users = new Map(users.map((u) => [u.id, u]));
    this.#channels = new Map(channels.map((c) => [c.id, c]));
  }

  users(): StandInUser[] {
    return [...this.#users.values()];
  }

  channels(): StandInChannel[] {
    return [...this.#channels.values()];
  }

  user(id: string): StandInUser | undefined {
    return this.#users.get(id);
  }

  /** By id, by name (`ops` or `#ops`), or by user id (the app's DM with that user), like chat.postMessage. */
  resolveChannel(ref: string): StandInChannel | undefined {
    const byId = this.#channels.get(ref);
    if (byId) return byId;
    const name = ref.replace(/^#/, '');
    const all = this.channels();
    return (
      all.find((c) => c.kind !== 'im' && c.name === name) ??
      all.find((c) => c.kind === 'im' && c.botMember && c.members[0] === ref)
    );
  }

  /**
   * conversations.open for one user: the app's DM with them, opened if it does not exist yet
   * (Slack gives an app a DM with every member, created on first open).
   */
  openIm(userId: string): StandInChannel | undefined {
    const user = this.#users.get(userId);
    if (!user) return undefined;
    const open = this.channels().find((c) => c.kind === 'im' && c.members[0] === userId);
    if (open) return open;
    const im = appDm(user);
    this.#channels.set(im.id, im);
    return im;
  }

  /** Users who can see what is shared into a conversation: its members. */
  membersOf(channelId: string): string[] {
    return [...(this.#channels.get(channelId)?.members ?? [])];
  }

  /** Why the bot may not post into `ref`, or the channel when it may. */
  writable(ref: string): StandInChannel | 'channel_not_found' | 'not_in_channel' {
    const channel = this.resolveChannel(ref);
    if (!channel) return 'channel_not_found';
    if (channel.kind !== 'public' && !channel.botMember) return 'not_in_channel';
    return channel;
  }

  /** The channel name Slack puts in commands and clicks. */
  payloadChannelName(channel: StandInChannel): string {
    if (channel.kind === 'im') return 'directmessage';
    return channel.name;
  }

  userInfo(user: StandInUser, at: Date): Record<string, unknown> {
    return {
      id: user.id,
      team_id: this.team.id,
      name: user.name,
      real_name: user.realName,
      deleted: false,
      is_bot: false,
      tz: user.tz,
      tz_label: zoneName(user.tz, at, 'long'),
      tz_offset: zoneOffsetSec(user.tz, at),
      profile: { real_name: user.realName, display_name: user.name },
    };
  }

  botInfo(): Record<string, unknown> {
    const { userId, name, botId, appId } = this.bot;
    return {
      id: userId,
      team_id: this.team.id,
      name,
      real_name: name,
      deleted: false,
      is_bot: true,
      tz: 'America/Los_Angeles',
      profile: { real_name: name, bot_id: botId, api_app_id: appId },
    };
  }

  channelInfo(channel: StandInChannel): Record<string, unknown> {
    const base = { id: channel.id, created: 1_700_000_000, is_member: channel.botMember };
    if (channel.kind === 'im')
      return { ...base, is_im: true, is_channel: false, is_private: true, user: channel.members[0] };
    return {
      ...base,
      name: channel.name,
      is_channel: true,
      is_im: false,
      is_private: channel.kind === 'private',
      num_members: channel.members.length + (channel.botMember ? 1 : 0),
    };
  }
}
