import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPoster } from '../../src/alerts/poster.js';
import { parseRules } from '../../src/alerts/rules.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { runTick } from '../../src/alerts/tick.js';
import type { WindowCount } from '../../src/alerts/types.js';
import { ALERT_ACTIONS } from '../../src/blocks/alert-actions.js';
import type { StandInChannel, StandInUser, StoredMessage } from '../../src/emulator/slack/index.js';
import { BOT_TOKEN, type Stack, startStack, textOf } from '../helpers/stack.js';

const RULE = {
  name: 'prod-failures',
  channel: 'C0ALERTS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
  every: '5m',
  accounts: ['*'],
};

// Enough people in the alert channel that its member list takes two pages, Alice on the second.
const crowd: StandInUser[] = Array.from({ length: 220 }, (_, i) => ({
  id: `U0C${String(i).padStart(4, '0')}`,
  name: `crowd${i}`,
  realName: `Crowd ${i}`,
  tz: 'UTC',
}));
const person = (id: string, name: string): StandInUser => ({ id, name, realName: name, tz: 'UTC' });
const users = [person('U0ALICE', 'alice'), person('U0BOB', 'bob'), person('U0ADMIN', 'admin'), ...crowd];
const channels: StandInChannel[] = [
  {
    id: 'C0ALERTS',
    name: 'prod-alerts',
    kind: 'public',
    botMember: false,
    members: [...crowd.map((u) => u.id), 'U0ALICE'],
  },
  { id: 'C0OPS', name: 'ops', kind: 'public', botMember: true, members: ['U0ALICE', 'U0BOB', 'U0ADMIN'] },
];

function counted(total: number): WindowCount {
  return {
    total,
    byState: { FAILED: total },
    byAccount: {},
    byRegion: { 'us-east-1': total },
    byResourceType: {},
    topReasons: [],
    topResources: [],
    failedRegions: [],
    calls: 1,
  };
}

describe('who may acknowledge, mute and unmute an alert (real bot over signed HTTP)', () => {
  let stack: Stack;
  let dir: string;
  let alert: StoredMessage;
  const stateKey = () => `${stack.prefix}:alert:prod-failures`;
  const state = () => stack.redis.hget(stateKey(), 'doc');
  const thread = () => stack.slack.messages('C0ALERTS').filter((m) => m.threadTs === alert.ts);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alert-controls-'));
    await writeFile(join(dir, 'rules.yaml'), JSON.stringify({ rules: [RULE] }));
    stack = await startStack({
      aws: { jobs: 50 },
      slack: { users, channels },
      env: {
        ALERT_RULES_FILE: join(dir, 'rules.yaml'),
        ALERT_ADMIN_USER_IDS: 'U0ADMIN',
        ALERT_MAX_MUTE_DAYS: '7',
      },
    });
    // The worker's tick posts the alert into the bot's Redis, through the real Web API client.
    const rule = parseRules({ rules: [RULE] }).rules[0]!;
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: stack.slack.apiUrl, retryConfig: { retries: 0 } });
    const at = Date.now();
    await runTick(
      {
        store: createAlertStore(stack.redis, stack.prefix),
        poster: createSlackPoster(client),
        owner: 'e2e',
        leaseMs: 30_000,
        clock: () => at,
        logger: pino({ level: 'silent' }),
        count: async () => counted(5),
      },
      rule,
      at,
    );
    alert = stack.slack.messages('C0ALERTS').find((m) => !m.threadTs)!;
    expect(textOf(alert)).toContain('prod-failures');
  });
  afterAll(async () => {
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Waits for the next private answer `user` sees in `channel`. */
  async function answerFor(user: string, channel: string, act: () => Promise<unknown>) {
    const seen = new Set(stack.slack.messages(channel, { includeEphemeralFor: user }).map((m) => m.id));
    await act();
    return stack.slack.waitForMessage(
      (m) => m.channel === channel && m.ephemeralFor === user && !seen.has(m.id),
      10_000,
    );
  }
  const click = (user: string, actionId: string) =>
    answerFor(user, 'C0ALERTS', () => stack.slack.click({ user, messageId: alert.id, actionId }));
  const command = (user: string, channel: string, text: string) =>
    answerFor(user, channel, () => stack.slack.sendCommand({ channel, user, text }));

  it('refuses a non-member, saying who may, and changes nothing', async () => {
    const before = { state: await state(), thread: thread().length, alert: stack.slack.message(alert.id) };
    const ack = await click('U0BOB', ALERT_ACTIONS.acknowledge);
    expect(textOf(ack)).toContain(
      'Only members of <#C0ALERTS> can acknowledge prod-failures. Ask one of them, or an admin: <@U0ADMIN>.',
    );
    const mute = await click('U0BOB', ALERT_ACTIONS.mute1h);
    expect(textOf(mute)).toContain('Only members of <#C0ALERTS> can mute prod-failures.');
    const typed = await command('U0BOB', 'C0OPS', 'alerts mute prod-failures 2h');
    expect(textOf(typed)).toContain('Only members of <#C0ALERTS> can mute prod-failures.');
    expect(await state()).toBe(before.state);
    expect(thread()).toHaveLength(before.thread);
    expect(stack.slack.message(alert.id)).toEqual(before.alert);
    // Two pages of members were read once; the other answers came from Redis.
    expect(stack.slack.calls()['conversations.members']).toBe(2);
  });

  it('sends a member who types the command in another channel to the alert channel', async () => {
    const before = await state();
    const typed = await command('U0ALICE', 'C0OPS', 'alerts mute prod-failures 2h');
    expect(textOf(typed)).toContain('Mute prod-failures from <#C0ALERTS>, where its alerts are posted.');
    const unmute = await command('U0ALICE', 'C0OPS', 'alerts unmute prod-failures');
    expect(textOf(unmute)).toContain('Unmute prod-failures from <#C0ALERTS>');
    expect(await state()).toBe(before);
  });

  it('lets a member acknowledge and mute from the alert channel, recorded in the thread', async () => {
    await stack.slack.click({ user: 'U0ALICE', messageId: alert.id, actionId: ALERT_ACTIONS.acknowledge });
    await stack.slack.waitForMessage(
      (m) => m.id === alert.id && /Acknowledged by <@U0ALICE>/.test(textOf(m)),
    );
    const muted = await command('U0ALICE', 'C0ALERTS', 'alerts mute prod-failures 2h');
    expect(textOf(muted)).toMatch(/prod-failures\* is muted for 2 hours by <@U0ALICE>/);
    await stack.slack.waitForMessage((m) => m.threadTs === alert.ts && /Muted by <@U0ALICE>/.test(m.text));
    expect(thread().map((m) => m.text)).toEqual([
      expect.stringContaining('Acknowledged by <@U0ALICE>'),
      expect.stringMatching(/Muted by <@U0ALICE> until/),
    ]);
    expect(JSON.parse((await state())!).state.mute).toMatchObject({ by: 'U0ALICE' });
  });

  it('refuses a mute beyond ALERT_MAX_MUTE_DAYS, naming the maximum', async () => {
    const before = await state();
    const long = await command('U0ALICE', 'C0ALERTS', 'alerts mute prod-failures 8d');
    expect(textOf(long)).toContain('A mute can last 7 days at most, and 8 days is longer.');
    expect(textOf(long)).toContain('Mute for 7 days or less');
    expect(await state()).toBe(before);
  });

  it('lets an admin unmute from anywhere, without asking Slack who is in the channel', async () => {
    const calls = stack.slack.calls()['conversations.members'];
    const done = await command('U0ADMIN', 'C0OPS', 'alerts unmute prod-failures');
    expect(textOf(done)).toMatch(/prod-failures\* is unmuted by <@U0ADMIN>/);
    await stack.slack.waitForMessage((m) => m.threadTs === alert.ts && /Unmuted by <@U0ADMIN>/.test(m.text));
    expect(JSON.parse((await state())!).state.mute).toBeUndefined();
    expect(stack.slack.calls()['conversations.members']).toBe(calls);
  });

  it('refuses clearly when Slack will not say who is in the channel', async () => {
    await stack.redis.del(`${stack.prefix}:members:C0ALERTS`);
    stack.slack.setFaults({
      error: { methods: ['conversations.members'], times: 1, error: 'missing_scope' },
    });
    const before = { state: await state(), thread: thread().length };
    const refused = await click('U0ALICE', ALERT_ACTIONS.mute8h);
    expect(textOf(refused)).toContain(
      'I cannot check who is in <#C0ALERTS>, so I cannot let you mute prod-failures. I lack a Slack permission this needs.',
    );
    expect(textOf(refused)).toContain('reinstall the app from its manifest');
    expect(textOf(refused)).toContain('Meanwhile, ask an admin: <@U0ADMIN>.');
    expect(await state()).toBe(before.state);
    expect(thread()).toHaveLength(before.thread);
  });
});
