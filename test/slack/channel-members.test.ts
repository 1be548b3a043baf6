import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  type SlackStandIn,
  type StandInChannel,
  type StandInUser,
  startSlackStandIn,
} from '../../src/emulator/slack/index.js';
import { RedisUnavailableError, UNGUARDED } from '../../src/results/index.js';
import { refuseAlertControl } from '../../src/slack/alert-access.js';
import { isChannelMember, MEMBERS_TTL_MS } from '../../src/slack/channel-members.js';
import { testRedis } from '../helpers/redis.js';

const TOKEN = 'xoxb-members-test-token';
const log = pino({ level: 'silent' });
const crowd: StandInUser[] = Array.from({ length: 230 }, (_, i) => ({
  id: `U0C${String(i).padStart(4, '0')}`,
  name: `crowd${i}`,
  realName: `Crowd ${i}`,
  tz: 'UTC',
}));
const LAST = crowd.at(-1)!.id;
const channels: StandInChannel[] = [
  { id: 'C0ALERTS', name: 'alerts', kind: 'public', botMember: false, members: crowd.map((u) => u.id) },
  { id: 'G0HIDDEN', name: 'hidden', kind: 'private', botMember: false, members: [LAST] },
];

function start(scopes?: string[]) {
  return startSlackStandIn({
    signingSecret: 'members-test-secret',
    botToken: TOKEN,
    users: crowd,
    channels,
    ...(scopes ? { scopes } : {}),
  });
}

describe('channel members from conversations.members, cached in Redis', () => {
  let standIn: SlackStandIn;
  let slack: WebClient;
  const db = testRedis();
  const deps = () => ({ redis: db.redis, guard: UNGUARDED, prefix: db.prefix, slack, log });
  beforeAll(async () => {
    standIn = await start();
    slack = new WebClient(TOKEN, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(async () => {
    await db.redis.del(`${db.prefix}:members:C0ALERTS`);
    standIn.resetCalls();
    standIn.setFaults({});
  });
  afterAll(async () => {
    await db.cleanup();
    await standIn.close();
  });

  it('reads every page, then answers from Redis for a minute', async () => {
    expect(await isChannelMember(deps(), 'C0ALERTS', LAST)).toBe(true);
    expect(standIn.calls()['conversations.members']).toBe(2);
    expect(await isChannelMember(deps(), 'C0ALERTS', 'U0STRANGER')).toBe(false);
    expect(await isChannelMember(deps(), 'C0ALERTS', 'U0C0000')).toBe(true);
    expect(standIn.calls()['conversations.members']).toBe(2);
    const ttl = await db.redis.pttl(`${db.prefix}:members:C0ALERTS`);
    expect(ttl).toBeGreaterThan(MEMBERS_TTL_MS - 5000);
    expect(ttl).toBeLessThanOrEqual(MEMBERS_TTL_MS);
  });

  it('asks Slack each time while Redis is away', async () => {
    const away = {
      run: async () => {
        throw new RedisUnavailableError(new Error('down'));
      },
    };
    const offline = { ...deps(), guard: away };
    expect(await isChannelMember(offline, 'C0ALERTS', LAST)).toBe(true);
    expect(await isChannelMember(offline, 'C0ALERTS', LAST)).toBe(true);
    expect(standIn.calls()['conversations.members']).toBe(4);
  });

  it("throws Slack's refusal, and caches nothing", async () => {
    await expect(isChannelMember(deps(), 'G0HIDDEN', LAST)).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    expect(await db.redis.exists(`${db.prefix}:members:G0HIDDEN`)).toBe(0);
  });
});

describe('refuseAlertControl against the stand-in', () => {
  let standIn: SlackStandIn;
  const db = testRedis();
  const rule = { name: 'prod-failures', channel: 'C0ALERTS' };
  const surface = { kind: 'channel', channelId: 'C0ALERTS' } as const;
  const env = (admins: string) => ({ REDIS_PREFIX: db.prefix, ALERT_ADMIN_USER_IDS: admins });
  const depsFor = (admins = '') => ({
    config: loadConfig(env(admins), 'parse'),
    redis: db.redis,
    guard: UNGUARDED,
    slack: new WebClient(TOKEN, { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } }),
  });
  beforeAll(async () => {
    standIn = await start(['chat:write', 'users:read']);
  });
  afterAll(async () => {
    await db.cleanup();
    await standIn.close();
  });

  it('refuses naming the missing scope when Slack will not list the members', async () => {
    const message = await refuseAlertControl(depsFor('U0ADMIN'), log, {
      control: 'ack',
      rule,
      userId: LAST,
      surface,
    });
    expect(message?.text).toBe(
      'I cannot check who is in <#C0ALERTS>, so I cannot let you acknowledge prod-failures. I lack a Slack permission this needs (`channels:read`). A workspace admin can reinstall the app from its manifest to grant it. Meanwhile, ask an admin: <@U0ADMIN>.',
    );
  });

  it('lets an admin through without asking Slack', async () => {
    standIn.resetCalls();
    const attempt = { control: 'mute', rule, userId: 'U0ADMIN', surface: { kind: 'home' } } as const;
    expect(await refuseAlertControl(depsFor('U0ADMIN'), log, attempt)).toBeUndefined();
    expect(standIn.calls()['conversations.members']).toBeUndefined();
  });
});
