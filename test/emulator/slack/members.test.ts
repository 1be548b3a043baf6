import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn, StandInChannel, StandInUser } from '../../../src/emulator/slack/index.js';
import { apiError, BOT_TOKEN, clientFor, startTestStandIn } from './helpers.js';

const crowd: StandInUser[] = Array.from({ length: 250 }, (_, i) => ({
  id: `U0C${String(i).padStart(4, '0')}`,
  name: `crowd${i}`,
  realName: `Crowd ${i}`,
  tz: 'UTC',
}));
const channels: StandInChannel[] = [
  { id: 'C0BIG', name: 'big', kind: 'public', botMember: false, members: crowd.map((u) => u.id) },
  { id: 'C0SMALL', name: 'small', kind: 'public', botMember: true, members: ['U0C0001'] },
  { id: 'G0HIDDEN', name: 'hidden', kind: 'private', botMember: false, members: ['U0C0002'] },
  { id: 'G0INSIDE', name: 'inside', kind: 'private', botMember: true, members: ['U0C0003'] },
];

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await startTestStandIn({ users: crowd, channels });
});
afterAll(() => standIn.close());

describe('conversations.members on the Slack stand-in', () => {
  it('pages through a channel with `limit` and `cursor`, ending with an empty next_cursor', async () => {
    const client = clientFor(standIn);
    const first = await client.conversations.members({ channel: 'C0BIG', limit: 200 });
    expect(first.members).toHaveLength(200);
    const cursor = first.response_metadata?.next_cursor;
    expect(cursor).toMatch(/^[A-Za-z0-9+/=]+$/);
    const second = await client.conversations.members({ channel: 'C0BIG', limit: 200, cursor: cursor! });
    expect(second.members).toHaveLength(50);
    expect(second.response_metadata?.next_cursor).toBe('');
    expect([...first.members!, ...second.members!]).toEqual(crowd.map((u) => u.id));
  });

  it("gives 100 a page by default, and works with the SDK's paginator", async () => {
    const client = clientFor(standIn);
    const first = await client.conversations.members({ channel: 'C0BIG' });
    expect(first.members).toHaveLength(100);
    const pages: string[][] = [];
    for await (const page of client.paginate('conversations.members', { channel: 'C0BIG', limit: 120 })) {
      pages.push((page as { members?: string[] }).members ?? []);
    }
    expect(pages.map((p) => p.length)).toEqual([120, 120, 10]);
  });

  it("lists the app's bot user among the members of a conversation it is in", async () => {
    const res = await clientFor(standIn).conversations.members({ channel: 'C0SMALL' });
    expect(res.members).toEqual(['U0C0001', 'U0BOT']);
    const inside = await clientFor(standIn).conversations.members({ channel: 'G0INSIDE' });
    expect(inside.members).toEqual(['U0C0003', 'U0BOT']);
  });

  it('hides private channels the bot is not in, and unknown ones, as channel_not_found', async () => {
    const client = clientFor(standIn);
    expect(await apiError(client.conversations.members({ channel: 'G0HIDDEN' }))).toMatchObject({
      error: 'channel_not_found',
    });
    expect(await apiError(client.conversations.members({ channel: 'C0NOPE' }))).toMatchObject({
      error: 'channel_not_found',
    });
  });

  it('refuses a cursor it did not hand out for this channel, and limits outside 1..999', async () => {
    const client = clientFor(standIn);
    const page = await client.conversations.members({ channel: 'C0BIG', limit: 10 });
    const cursor = page.response_metadata!.next_cursor!;
    for (const bad of ['not-a-cursor', Buffer.from('members:C0BIG:999').toString('base64')]) {
      expect(await apiError(client.conversations.members({ channel: 'C0BIG', cursor: bad }))).toMatchObject({
        error: 'invalid_cursor',
      });
    }
    expect(await apiError(client.conversations.members({ channel: 'C0SMALL', cursor }))).toMatchObject({
      error: 'invalid_cursor',
    });
    for (const limit of [0, 1000, 2.5]) {
      expect(await apiError(client.conversations.members({ channel: 'C0BIG', limit }))).toMatchObject({
        error: 'invalid_limit',
      });
    }
  });

  it('needs a channel argument', async () => {
    const res = await fetch(`${standIn.apiUrl}conversations.members`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${BOT_TOKEN}` },
      body: new URLSearchParams({}),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_arguments' });
  });
});

describe('conversations.members without the read scopes', () => {
  let narrow: SlackStandIn;
  beforeAll(async () => {
    narrow = await startTestStandIn({ users: crowd, channels, scopes: ['chat:write', 'groups:read'] });
  });
  afterAll(() => narrow.close());

  it('answers missing_scope naming the scope the kind of conversation needs', async () => {
    const client = clientFor(narrow);
    expect(await apiError(client.conversations.members({ channel: 'C0SMALL' }))).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:read',
      provided: 'chat:write,groups:read',
    });
    const inside = await client.conversations.members({ channel: 'G0INSIDE' });
    expect(inside.members).toEqual(['U0C0003', 'U0BOT']);
  });
});
