import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../../src/emulator/slack/index.js';
import { clientFor, section, startReceiver, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;
let app: Awaited<ReturnType<typeof startReceiver>>;
// The receiver does not check signatures, so the clock can move freely.
let clock = new Date('2026-02-02T08:00:00Z');

beforeAll(async () => {
  app = await startReceiver();
  standIn = await startTestStandIn({ botUrl: app.url, now: () => clock });
});
afterAll(async () => {
  await standIn.close();
  await app.close();
});

async function respond(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as { ok: boolean; error?: string; errors?: string[] },
  };
}

const button = (id: string) => ({
  type: 'actions',
  elements: [{ type: 'button', action_id: id, text: { type: 'plain_text', text: id }, value: id }],
});

describe('response_url receiver', () => {
  it('posts ephemeral to the command user by default, in channel when asked, into a thread when given', async () => {
    const { responseUrl } = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'x' });
    expect(await respond(responseUrl, { text: 'only alice' })).toEqual({ status: 200, json: { ok: true } });
    expect(standIn.lastMessage('C0OPS', { includeEphemeralFor: 'U0ALICE' })).toMatchObject({
      text: 'only alice',
      ephemeralFor: 'U0ALICE',
      via: 'response_url',
    });
    expect(
      standIn.messages('C0OPS', { includeEphemeralFor: 'U0BOB' }).some((m) => m.text === 'only alice'),
    ).toBe(false);
    await respond(responseUrl, { response_type: 'in_channel', replace_original: false, text: 'everyone' });
    const everyone = standIn.lastMessage('C0OPS')!;
    expect(everyone).toMatchObject({ text: 'everyone', ephemeralFor: undefined, user: 'U0BOT' });
    await respond(responseUrl, { response_type: 'in_channel', thread_ts: everyone.ts, text: 'in thread' });
    expect(standIn.lastMessage('C0OPS')).toMatchObject({ text: 'in thread', threadTs: everyone.ts });
  });

  it('works in private channels the bot is not in', async () => {
    const { responseUrl } = await standIn.sendCommand({ channel: 'G0SECRET', user: 'U0BOB', text: 'x' });
    expect((await respond(responseUrl, { text: 'still answered' })).status).toBe(200);
    expect(standIn.lastMessage('G0SECRET', { includeEphemeralFor: 'U0BOB' })?.text).toBe('still answered');
  });

  it('replace_original on a click on an ephemeral message replaces it in place and keeps it ephemeral', async () => {
    const { responseUrl } = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'x' });
    await respond(responseUrl, {
      text: 'page 1',
      blocks: [section('page 1'), button('next')],
      replace_original: false,
    });
    const page1 = standIn.lastMessage('C0OPS', { includeEphemeralFor: 'U0BOB' })!;
    const updates: string[] = [];
    standIn.events.on('update', (m) => updates.push(m.id));
    const clicked = await standIn.click({ user: 'U0BOB', messageId: page1.id, actionId: 'next' });
    await respond(clicked.responseUrl, {
      replace_original: true,
      text: 'page 2',
      blocks: [section('page 2')],
    });
    const page2 = standIn.message(page1.id)!;
    expect(page2).toMatchObject({ ts: page1.ts, text: 'page 2', ephemeralFor: 'U0BOB', edited: true });
    expect(page2.blocks).toHaveLength(1);
    expect(updates).toEqual([page1.id]);
  });

  it('replace_original on a command url replaces the reply sent through it; delete_original deletes', async () => {
    const { responseUrl } = await standIn.sendCommand({
      channel: 'D0ALICE',
      user: 'U0ALICE',
      text: 'export',
    });
    await respond(responseUrl, { text: 'Exporting… 10%', replace_original: false });
    const progress = standIn.lastMessage('D0ALICE', { includeEphemeralFor: 'U0ALICE' })!;
    await respond(responseUrl, { text: 'Exporting… 60%', replace_original: true });
    expect(
      standIn
        .messages('D0ALICE', { includeEphemeralFor: 'U0ALICE' })
        .filter((m) => m.text.startsWith('Exporting')),
    ).toEqual([expect.objectContaining({ id: progress.id, text: 'Exporting… 60%' })]);
    expect(await respond(responseUrl, { delete_original: true })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(standIn.message(progress.id)?.deleted).toBe(true);
  });

  it('replaces an in-channel message clicked on, for everyone', async () => {
    const posted = await clientFor(standIn).chat.postMessage({
      channel: 'C0ALERTS',
      text: 'alert',
      blocks: [button('ack')],
    });
    const clicked = await standIn.click({
      user: 'U0ALICE',
      channel: 'C0ALERTS',
      ts: posted.ts!,
      actionId: 'ack',
    });
    await respond(clicked.responseUrl, { replace_original: true, text: 'acknowledged by alice' });
    expect(standIn.lastMessage('C0ALERTS')).toMatchObject({
      ts: posted.ts,
      text: 'acknowledged by alice',
      ephemeralFor: undefined,
    });
  });

  it('refuses blocks over the limits with 400 invalid_blocks, without using the url up', async () => {
    const { responseUrl } = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'x' });
    const tooMany = Array.from({ length: 51 }, () => section('x'));
    const res = await respond(responseUrl, { text: 't', blocks: tooMany });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['no more than 50 items allowed [json-pointer:/blocks]'],
    });
    for (let i = 0; i < 5; i++) expect((await respond(responseUrl, { text: `use ${i}` })).status).toBe(200);
  });

  it('allows 5 uses (then 404 used_url) within 30 minutes (then 404 expired_url)', async () => {
    const first = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'x' });
    for (let i = 0; i < 5; i++)
      expect((await respond(first.responseUrl, { text: `use ${i}` })).status).toBe(200);
    expect(await respond(first.responseUrl, { text: 'sixth' })).toEqual({
      status: 404,
      json: { ok: false, error: 'used_url' },
    });
    const second = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'x' });
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect((await respond(second.responseUrl, { text: 'at 30 min' })).status).toBe(200);
    clock = new Date(clock.getTime() + 1000);
    expect(await respond(second.responseUrl, { text: 'late' })).toEqual({
      status: 404,
      json: { ok: false, error: 'expired_url' },
    });
  });

  it('answers 404 for unknown urls', async () => {
    const res = await respond(`${standIn.baseUrl}/commands/T0DEMO/1/nope`, { text: 'x' });
    expect(res.status).toBe(404);
  });
});
