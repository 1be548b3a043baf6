import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackStandIn, signSlackRequest } from '../../../src/emulator/slack/index.js';
import { clientFor, SIGNING_SECRET, section, startReceiver, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;
let app: Awaited<ReturnType<typeof startReceiver>>;

const buttons = {
  type: 'actions',
  block_id: 'nav',
  elements: [
    {
      type: 'button',
      action_id: 'next',
      text: { type: 'plain_text', text: 'Next ▶' },
      value: 'cursor-1',
      style: 'primary',
    },
    {
      type: 'static_select',
      action_id: 'size',
      placeholder: { type: 'plain_text', text: 'Page size' },
      options: [10, 50].map((n) => ({ text: { type: 'plain_text', text: `${n}` }, value: `${n}` })),
    },
  ],
};

beforeAll(async () => {
  app = await startReceiver();
  standIn = await startTestStandIn({ botUrl: app.url });
});
afterAll(async () => {
  await standIn.close();
  await app.close();
});
beforeEach(() => {
  app.requests.length = 0;
  app.answerWith((_req, res) => res.end());
});

interface Payload {
  message?: { blocks: unknown[] };
  container: Record<string, unknown>;
  actions: Record<string, unknown>[];
}

function lastPayload(): Payload {
  const form = new URLSearchParams(app.requests.at(-1)!.body);
  return JSON.parse(form.get('payload')!) as Payload;
}

describe('commands and clicks sent to the app exactly as Slack sends them', () => {
  it("sends a slash command form with Slack's fields, content type and a valid signature", async () => {
    const result = await standIn.sendCommand({
      channel: 'C0OPS',
      user: 'U0ALICE',
      text: 'failed last 3 days',
    });
    expect(result).toMatchObject({ status: 200, body: '' });
    expect(result.ackMs).toBeGreaterThan(0);
    const { headers, body } = app.requests[0]!;
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    const timestamp = Number(headers['x-slack-request-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
    expect(headers['x-slack-signature']).toBe(signSlackRequest(SIGNING_SECRET, timestamp, body));
    const form = new URLSearchParams(body);
    expect([...form.keys()]).toEqual([
      'token',
      'team_id',
      'team_domain',
      'channel_id',
      'channel_name',
      'user_id',
      'user_name',
      'command',
      'text',
      'api_app_id',
      'is_enterprise_install',
      'response_url',
      'trigger_id',
    ]);
    expect(Object.fromEntries(form)).toMatchObject({
      team_id: 'T0DEMO',
      channel_id: 'C0OPS',
      channel_name: 'ops',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/backup-jobs',
      text: 'failed last 3 days',
      response_url: result.responseUrl,
      trigger_id: result.triggerId,
    });
    expect(result.responseUrl).toMatch(new RegExp(`^${standIn.baseUrl}/commands/T0DEMO/\\d+/[\\w-]+$`));
    expect(result.triggerId).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
  });

  it('builds block_actions for an in-channel message with message, container and action', async () => {
    const posted = await clientFor(standIn).chat.postMessage({
      channel: 'C0OPS',
      text: 'page 1',
      blocks: [section('jobs'), buttons],
    });
    const result = await standIn.click({ user: 'U0BOB', ts: posted.ts!, channel: 'C0OPS', actionId: 'next' });
    expect(result.status).toBe(200);
    const payload = lastPayload();
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0BOB', username: 'bob', team_id: 'T0DEMO' },
      team: { id: 'T0DEMO', domain: 'backup-demo' },
      channel: { id: 'C0OPS', name: 'ops' },
      container: { type: 'message', message_ts: posted.ts, channel_id: 'C0OPS', is_ephemeral: false },
      message: { ts: posted.ts, text: 'page 1', bot_id: 'B0BOT' },
      response_url: result.responseUrl,
      trigger_id: result.triggerId,
    });
    expect(payload.message?.blocks).toHaveLength(2);
    expect(payload.actions).toEqual([
      {
        action_id: 'next',
        block_id: 'nav',
        type: 'button',
        text: { type: 'plain_text', text: 'Next ▶' },
        value: 'cursor-1',
        style: 'primary',
        action_ts: expect.stringMatching(/^\d+\.\d{6}$/),
      },
    ]);
    expect(result.responseUrl).toContain('/actions/T0DEMO/');
  });

  it('omits message for ephemeral messages, sends tampered values and chosen options', async () => {
    await clientFor(standIn).chat.postEphemeral({
      channel: 'C0OPS',
      user: 'U0ALICE',
      text: 'eph',
      blocks: [buttons],
    });
    const eph = standIn.lastMessage('C0OPS', { includeEphemeralFor: 'U0ALICE' })!;
    await standIn.click({ user: 'U0ALICE', messageId: eph.id, actionId: 'next', value: 'tampered' });
    expect(lastPayload().message).toBeUndefined();
    expect(lastPayload().container).toMatchObject({ message_ts: eph.ts, is_ephemeral: true });
    expect(lastPayload().actions[0]?.value).toBe('tampered');
    await standIn.click({ user: 'U0ALICE', messageId: eph.id, actionId: 'size', selectedOption: '50' });
    expect(lastPayload().actions[0]).toMatchObject({
      type: 'static_select',
      selected_option: { value: '50', text: { text: '50' } },
    });
    await expect(
      standIn.click({ user: 'U0ALICE', messageId: eph.id, actionId: 'next', blockId: 'other' }),
    ).rejects.toThrow(/action_id/);
    await expect(standIn.click({ user: 'U0BOB', messageId: eph.id, actionId: 'next' })).rejects.toThrow(
      /cannot see/,
    );
    await expect(standIn.click({ user: 'U0ALICE', messageId: eph.id, actionId: 'nope' })).rejects.toThrow(
      /action_id/,
    );
  });

  it('shows a message given in the acknowledgement, as Slack does', async () => {
    app.answerWith((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ text: 'Working on it…' }));
    });
    await standIn.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'summary' });
    expect(standIn.lastMessage('C0OPS', { includeEphemeralFor: 'U0BOB' })).toMatchObject({
      text: 'Working on it…',
      ephemeralFor: 'U0BOB',
      via: 'ack',
    });
  });

  it('gives up after the ack timeout with operation_timeout, and reports non-2xx as dispatch_failed', async () => {
    const held: Array<() => void> = [];
    app.answerWith((_req, res) => held.push(() => res.end()));
    const impatient = await startTestStandIn({ botUrl: app.url, ackTimeoutMs: 300 });
    try {
      const slow = await impatient.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'help' });
      expect(slow).toMatchObject({ status: 0, error: 'operation_timeout' });
      expect(slow.ackMs).toBeGreaterThanOrEqual(290);
      expect(impatient.lastMessage('C0OPS', { includeEphemeralFor: 'U0ALICE' })).toMatchObject({
        user: 'USLACKBOT',
        text: '/backup-jobs failed with the error "operation_timeout"',
      });
    } finally {
      for (const release of held) release();
      await impatient.close();
    }
    app.answerWith((_req, res) => {
      res.statusCode = 401;
      res.end();
    });
    expect(await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'help' })).toMatchObject({
      status: 401,
      error: 'dispatch_failed',
    });
  });
});
