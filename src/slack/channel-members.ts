import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { RedisGuard } from '../results/index.js';

/**
 * How long a channel's member list is trusted. Short, because it decides who may silence an alert:
 * someone who just joined waits at most this long, someone who left keeps access at most this long.
 */
export const MEMBERS_TTL_MS = 60_000;

/** Slack recommends no more than 200 members a page. */
const PAGE_SIZE = 200;

/** Stored with the members so that a cached list is told apart from none (Redis drops empty sets). */
const LISTED = '-';

export interface ChannelMembersDeps {
  redis: Redis;
  guard: RedisGuard;
  /** The REDIS_PREFIX; lists live under `${prefix}:members:${channel}`. */
  prefix: string;
  slack: WebClient;
  log: Logger;
}

async function listMembers(slack: WebClient, channel: string): Promise<string[]> {
  const members: string[] = [];
  for await (const page of slack.paginate('conversations.members', { channel, limit: PAGE_SIZE })) {
    members.push(...((page as { members?: string[] }).members ?? []));
  }
  return members;
}

/**
 * Whether `userId` is in the conversation, from conversations.members (every page), kept in Redis
 * for {@link MEMBERS_TTL_MS} so that a burst of clicks on one alert costs Slack one listing.
 * Without Redis it asks Slack each time. Throws the Web API's error when Slack refuses.
 */
export async function isChannelMember(
  deps: ChannelMembersDeps,
  channel: string,
  userId: string,
): Promise<boolean> {
  const key = `${deps.prefix}:members:${channel}`;
  try {
    const [listed, member] = await deps.guard.run(() => deps.redis.smismember(key, LISTED, userId));
    if (listed === 1) return member === 1;
  } catch (err) {
    deps.log.debug({ err }, 'channel members cache unavailable');
  }
  const members = await listMembers(deps.slack, channel);
  await deps.guard
    .run(() =>
      deps.redis
        .multi()
        .del(key)
        .sadd(key, LISTED, ...members)
        .pexpire(key, MEMBERS_TTL_MS)
        .exec(),
    )
    .catch((err: unknown) => deps.log.debug({ err }, 'channel members not cached'));
  return members.includes(userId);
}
