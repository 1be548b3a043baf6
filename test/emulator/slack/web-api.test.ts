import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../../src/emulator/slack/index.js';
import { BOT_TOKEN, clientFor, section, startTestStandIn } from './helpers.js';

// Pinned clock: 2026-01-15 is winter in both zones.
const NOW = new Date('2026-01-15T12:00:00Z');
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startTestStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());

describe('Slack stand-in Web API through the real WebClient', () => {
  it('answers auth.test with the bot identity Bolt needs', async () => {
    const res = await clientFor(standIn).auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0DEMO', user_id: 'U0BOT', bot_id: 'B0BOT' });
  });

  it('stores chat.postMessage with blocks sent as a JSON string in a form body', async () => {
    const client = clientFor(standIn);
    const res = await client.chat.postMessage({
      channel: 'C0OPS',
      text: 'hello',
      blocks: [section('*hello*')],
    });
    expect(res.ok).toBe(true);
    expect(res.ts).toMatch(/^1768478400\.\d{6}$/);
    const stored = standIn.lastMessage('C0OPS');
    expect(stored).toMatchObject({ ts: res.ts, text: 'hello', user: 'U0BOT', botId: 'B0BOT', via: 'api' });
    expect(stored?.blocks[0]).toMatchObject({ type: 'section', text: { text: '*hello*' } });
    expect(typeof stored?.blocks[0]?.block_id).toBe('string');
    expect(res.message?.blocks?.[0]?.block_id).toBe(stored?.blocks[0]?.block_id);
  });

  it('accepts JSON bodies with the token in the Authorization header', async () => {
    const res = await fetch(`${standIn.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: 'ops', text: 'json body', blocks: [section('json')] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C0OPS' });
    expect(standIn.lastMessage('C0OPS')?.text).toBe('json body');
  });

  it('accepts the token as a form field', async () => {
    const body = new URLSearchParams({ token: BOT_TOKEN, channel: 'C0OPS', text: 'form token' });
    const res = await fetch(`${standIn.apiUrl}chat.postMessage`, { method: 'POST', body });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('posts thread replies and counts them on the parent', async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'alert firing' });
    const reply = await client.chat.postMessage({
      channel: 'C0ALERTS',
      text: 'resolved',
      thread_ts: parent.ts!,
    });
    const replyToReply = await client.chat.postMessage({
      channel: 'C0ALERTS',
      text: 'again',
      thread_ts: reply.ts!,
    });
    const messages = standIn.messages('C0ALERTS');
    expect(messages.find((m) => m.ts === parent.ts)?.replyCount).toBe(2);
    expect(messages.find((m) => m.ts === replyToReply.ts)?.threadTs).toBe(parent.ts);
  });

  it('chat.update replaces text and keeps blocks not given; marks the message edited', async () => {
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'v1', blocks: [section('one')] });
    const res = await client.chat.update({ channel: 'C0OPS', ts: posted.ts!, text: 'v2' });
    expect(res).toMatchObject({ ok: true, ts: posted.ts, text: 'v2' });
    const stored = standIn.messages('C0OPS').find((m) => m.ts === posted.ts);
    expect(stored).toMatchObject({ text: 'v2', edited: true });
    expect(stored?.blocks[0]).toMatchObject({ text: { text: 'one' } });
  });

  it('chat.postEphemeral shows the message to its user only', async () => {
    const res = await clientFor(standIn).chat.postEphemeral({
      channel: 'C0OPS',
      user: 'U0BOB',
      text: 'psst',
    });
    expect(res.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(standIn.messages('C0OPS').some((m) => m.text === 'psst')).toBe(false);
    expect(standIn.messages('C0OPS', { includeEphemeralFor: 'U0ALICE' }).some((m) => m.text === 'psst')).toBe(
      false,
    );
    const forBob = standIn.messages('C0OPS', { includeEphemeralFor: 'U0BOB' }).find((m) => m.text === 'psst');
    expect(forBob).toMatchObject({ ts: res.message_ts, ephemeralFor: 'U0BOB' });
  });

  it('chat.delete removes the message from listings', async () => {
    const client = clientFor(standIn);
    const posted = await client.chat.postMessage({ channel: 'D0ALICE', text: 'to delete' });
    expect(await client.chat.delete({ channel: 'D0ALICE', ts: posted.ts! })).toMatchObject({ ok: true });
    expect(standIn.messages('D0ALICE').some((m) => m.ts === posted.ts)).toBe(false);
    expect(
      standIn.messages('D0ALICE', { includeDeleted: true }).find((m) => m.ts === posted.ts)?.deleted,
    ).toBe(true);
  });

  it("chat.getPermalink gives Slack's address of a message, and of a thread reply, which opens its channel", async () => {
    const client = clientFor(standIn);
    const parent = await client.chat.postMessage({ channel: 'C0OPS', text: 'shared page' });
    const reply = await client.chat.postMessage({ channel: 'C0OPS', text: 'reply', thread_ts: parent.ts! });
    const link = await client.chat.getPermalink({ channel: 'C0OPS', message_ts: parent.ts! });
    expect(link).toMatchObject({ ok: true, channel: 'C0OPS' });
    const url = new URL(link.permalink!);
    expect(url.pathname).toBe(`/archives/C0OPS/p${parent.ts!.replace('.', '')}`);
    expect(url.search).toBe('');
    const threaded = new URL(
      (await client.chat.getPermalink({ channel: 'C0OPS', message_ts: reply.ts! })).permalink!,
    );
    expect(threaded.pathname).toBe(`/archives/C0OPS/p${reply.ts!.replace('.', '')}`);
    expect(Object.fromEntries(threaded.searchParams)).toEqual({ thread_ts: parent.ts, cid: 'C0OPS' });
    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/#C0OPS');
    await expect(
      client.chat.getPermalink({ channel: 'C0OPS', message_ts: '1.000001' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await expect(
      client.chat.getPermalink({ channel: 'G0SECRET', message_ts: parent.ts! }),
    ).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('users.info gives name, zone, zone label and offset', async () => {
    const client = clientFor(standIn);
    const alice = await client.users.info({ user: 'U0ALICE' });
    expect(alice.user).toMatchObject({
      id: 'U0ALICE',
      name: 'alice',
      real_name: 'Alice Archer',
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      tz_offset: -18000,
    });
    const bob = await client.users.info({ user: 'U0BOB' });
    expect(bob.user).toMatchObject({
      tz: 'Europe/Berlin',
      tz_label: 'Central European Standard Time',
      tz_offset: 3600,
    });
    // The locale only when asked for, as Slack does (include_locale).
    expect(bob.user?.locale).toBeUndefined();
    expect((await client.users.info({ user: 'U0BOB', include_locale: true })).user?.locale).toBe('de-DE');
  });

  it('conversations.info describes public channels and DMs the bot is in', async () => {
    const client = clientFor(standIn);
    expect((await client.conversations.info({ channel: 'C0ALERTS' })).channel).toMatchObject({
      id: 'C0ALERTS',
      name: 'backup-alerts',
      is_private: false,
      is_member: false,
    });
    expect((await client.conversations.info({ channel: 'D0ALICE' })).channel).toMatchObject({
      is_im: true,
      user: 'U0ALICE',
    });
  });

  it('counts calls per method and resets the counts', async () => {
    standIn.resetCalls();
    const client = clientFor(standIn);
    await client.auth.test();
    await client.users.info({ user: 'U0BOB' });
    await client.users.info({ user: 'U0BOB' });
    expect(standIn.calls()).toEqual({ 'auth.test': 1, 'users.info': 2 });
    standIn.resetCalls();
    expect(standIn.calls()).toEqual({});
  });
});

describe('other paths', () => {
  it('go to the fallback handler when one is given, else 404', async () => {
    expect((await fetch(`${standIn.baseUrl}/playground`)).status).toBe(404);
    const withPages = await startTestStandIn({
      fallback: (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(`page ${req.url}`);
      },
    });
    try {
      expect(await (await fetch(`${withPages.baseUrl}/playground`)).text()).toBe('page /playground');
      expect((await clientFor(withPages).auth.test()).ok).toBe(true);
    } finally {
      await withPages.close();
    }
  });
});
