import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../../src/emulator/slack/index.js';
import { apiError, BOT_TOKEN, clientFor, section, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await startTestStandIn();
});
afterAll(() => standIn.close());

async function rawCall(method: string, body: Record<string, string>, token?: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = await fetch(`${standIn.apiUrl}${method}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("Slack stand-in refuses what Slack refuses, with Slack's error codes", () => {
  it('invalid_auth for a wrong token, not_authed for none (HTTP 200 both)', async () => {
    expect(await apiError(clientFor(standIn, {}, 'xoxb-wrong').auth.test())).toMatchObject({
      error: 'invalid_auth',
    });
    expect(await rawCall('auth.test', {})).toEqual({ status: 200, json: { ok: false, error: 'not_authed' } });
  });

  it('unknown_method for a method it does not know', async () => {
    const res = await rawCall('chat.postMessageX', { channel: 'C0OPS' }, BOT_TOKEN);
    expect(res.json).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('channel_not_found for an unknown channel, not_in_channel for private ones the bot is not in', async () => {
    const client = clientFor(standIn);
    expect(await apiError(client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).toMatchObject({
      error: 'channel_not_found',
    });
    expect(await apiError(client.chat.postMessage({ channel: 'G0SECRET', text: 'x' }))).toMatchObject({
      error: 'not_in_channel',
    });
    expect(await apiError(client.conversations.info({ channel: 'G0SECRET' }))).toMatchObject({
      error: 'channel_not_found',
    });
    expect(
      await client.chat.postMessage({ channel: 'C0ALERTS', text: 'public, not a member' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('message_not_found for chat.update of an unknown ts, and for ephemeral messages', async () => {
    const client = clientFor(standIn);
    expect(await apiError(client.chat.update({ channel: 'C0OPS', ts: '1.000001', text: 'x' }))).toMatchObject(
      {
        error: 'message_not_found',
      },
    );
    const eph = await client.chat.postEphemeral({ channel: 'C0OPS', user: 'U0ALICE', text: 'eph' });
    expect(
      await apiError(client.chat.update({ channel: 'C0OPS', ts: eph.message_ts!, text: 'x' })),
    ).toMatchObject({
      error: 'message_not_found',
    });
  });

  it('invalid_blocks with an errors array naming the broken block', async () => {
    const header = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } };
    const data = await apiError(
      clientFor(standIn).chat.postMessage({ channel: 'C0OPS', text: 't', blocks: [header] }),
    );
    expect(data.error).toBe('invalid_blocks');
    expect(data.errors).toEqual(['must be less than 151 characters [json-pointer:/blocks/0/text/text]']);
  });

  it('invalid_blocks for 51 blocks, msg_blocks_too_long past about 13,000 block characters', async () => {
    const client = clientFor(standIn);
    const many = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    expect(
      (await apiError(client.chat.postMessage({ channel: 'C0OPS', text: 't', blocks: many }))).error,
    ).toBe('invalid_blocks');
    const big = Array.from({ length: 5 }, () => section('x'.repeat(2999)));
    expect(
      (await apiError(client.chat.postMessage({ channel: 'C0OPS', text: 't', blocks: big }))).error,
    ).toBe('msg_blocks_too_long');
  });

  it('msg_too_long past 40,000 characters of text, no_text for an empty message', async () => {
    const client = clientFor(standIn);
    expect(
      (await apiError(client.chat.postMessage({ channel: 'C0OPS', text: 'x'.repeat(40_001) }))).error,
    ).toBe('msg_too_long');
    expect((await apiError(client.chat.postMessage({ channel: 'C0OPS', text: '' }))).error).toBe('no_text');
    expect(
      (await apiError(client.chat.postEphemeral({ channel: 'C0OPS', user: 'U0BOB', text: ' ' }))).error,
    ).toBe('no_text');
  });

  it('invalid_arguments for missing required arguments; invalid_blocks_format for blocks that are not JSON', async () => {
    expect((await rawCall('chat.postMessage', { text: 'no channel' }, BOT_TOKEN)).json.error).toBe(
      'invalid_arguments',
    );
    expect((await rawCall('users.info', {}, BOT_TOKEN)).json.error).toBe('invalid_arguments');
    expect((await rawCall('files.getUploadURLExternal', { filename: 'a.csv' }, BOT_TOKEN)).json.error).toBe(
      'invalid_arguments',
    );
    const broken = await rawCall(
      'chat.postMessage',
      { channel: 'C0OPS', text: 't', blocks: '[{' },
      BOT_TOKEN,
    );
    expect(broken.json.error).toBe('invalid_blocks_format');
  });

  it('user_not_found and user_not_in_channel', async () => {
    const client = clientFor(standIn);
    expect((await apiError(client.users.info({ user: 'U0NOBODY' }))).error).toBe('user_not_found');
    expect(
      (await apiError(client.chat.postEphemeral({ channel: 'D0ALICE', user: 'U0BOB', text: 'x' }))).error,
    ).toBe('user_not_in_channel');
  });

  it('keeps nothing from refused calls', async () => {
    const before = standIn.messages('C0OPS').length;
    await apiError(clientFor(standIn).chat.postMessage({ channel: 'C0OPS', text: '' }));
    expect(standIn.messages('C0OPS')).toHaveLength(before);
  });
});
