import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type SlackStandIn,
  type SlackStandInOptions,
  signSlackRequest,
} from '../../../src/emulator/slack/index.js';
import {
  apiError,
  BOT_TOKEN,
  clientFor,
  quietLogger,
  SIGNING_SECRET,
  section,
  startReceiver,
  startTestStandIn,
} from './helpers.js';

const APP_TOKEN = 'xapp-1-A0BACKUPJOBS-0000-standin-app-token';
const logger = { ...quietLogger, getLevel: () => LogLevel.ERROR };

// biome-ignore lint/suspicious/noExplicitAny: the test reads Slack's JSON field by field
type Json = Record<string, any>;

let standIn: SlackStandIn;
let http: Awaited<ReturnType<typeof startReceiver>>;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

async function standInWith(options: Partial<SlackStandInOptions> = {}) {
  const s = await startTestStandIn({ appToken: APP_TOKEN, botUrl: http.url, ...options });
  cleanups.push(() => s.close());
  return s;
}

beforeEach(async () => {
  http = await startReceiver();
  standIn = await standInWith();
});
afterEach(async () => {
  // clients first (they would reconnect to a closed stand-in), then stand-ins, then the HTTP endpoint
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await http.close();
});

/** A raw WebSocket on a fresh apps.connections.open URL, with its messages queued as they arrive. */
async function rawSocket(s: SlackStandIn = standIn) {
  const { url } = await clientFor(s, {}, APP_TOKEN).apps.connections.open({});
  const ws = new WebSocket(url!);
  const queue: Json[] = [];
  const waiting: Array<(m: Json) => void> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Json;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const next = () =>
    new Promise<Json>((resolve) => {
      const queued = queue.shift();
      if (queued) resolve(queued);
      else waiting.push(resolve);
    });
  cleanups.push(() => ws.terminate());
  const hello = await next();
  return {
    ws,
    url: url!,
    hello,
    next,
    ack: (id: string, payload?: Json) => ws.send(JSON.stringify({ envelope_id: id, payload })),
  };
}

/** The real Socket Mode client, quiet, pointed at the stand-in; started and stopped with the test. */
async function startedClient(s: SlackStandIn = standIn, clientPingTimeout = 5000) {
  const client = new SocketModeClient({
    appToken: APP_TOKEN,
    logger,
    clientPingTimeout,
    clientOptions: { slackApiUrl: s.apiUrl, retryConfig: { retries: 0 } },
  });
  cleanups.push(() => client.disconnect());
  await client.start();
  return client;
}

describe('apps.connections.open', () => {
  it('gives the app-level token a ws URL whose ticket works once', async () => {
    const first = await rawSocket();
    expect(first.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f]{32}&app_id=A0BACKUPJOBS$/);
    const again = new WebSocket(first.url);
    const [, response] = (await once(again, 'unexpected-response')) as [unknown, { statusCode: number }];
    expect(response.statusCode).toBe(401);
    expect(standIn.socketConnections()).toBe(1);
  });

  it('refuses the bot token, unknown tokens, no token and a token in the body, as Slack does', async () => {
    const open = (token: string) => apiError(clientFor(standIn, {}, token).apps.connections.open({}));
    expect((await open(BOT_TOKEN)).error).toBe('not_allowed_token_type');
    expect((await open('xapp-1-not-the-token')).error).toBe('invalid_auth');
    expect((await open('')).error).toBe('not_authed');
    const inBody = await fetch(`${standIn.apiUrl}apps.connections.open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: APP_TOKEN }).toString(),
    });
    expect(await inBody.json()).toEqual({ ok: false, error: 'invalid_auth' });
    // and the app-level token opens sockets only
    const post = clientFor(standIn, {}, APP_TOKEN).chat.postMessage({ channel: 'C0OPS', text: 'hi' });
    expect((await apiError(post)).error).toBe('not_allowed_token_type');
    const noSocketMode = await startTestStandIn();
    cleanups.push(() => noSocketMode.close());
    expect((await apiError(clientFor(noSocketMode, {}, APP_TOKEN).apps.connections.open({}))).error).toBe(
      'invalid_auth',
    );
  });

  it("a wrong app token makes SocketModeClient.start() fail with Slack's error", async () => {
    const client = new SocketModeClient({
      appToken: 'xapp-1-wrong',
      logger,
      clientOptions: { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } },
    });
    await expect(client.start()).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
    expect(standIn.socketConnections()).toBe(0);
  });
});

describe('envelopes over the socket', () => {
  it('says hello, then sends a command as a slash_commands envelope with the HTTP form fields, not over HTTP', async () => {
    const socket = await rawSocket();
    expect(socket.hello).toEqual({
      type: 'hello',
      num_connections: 1,
      debug_info: expect.objectContaining({ host: expect.any(String) }),
      connection_info: { app_id: 'A0BACKUPJOBS' },
    });
    const sent = standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'failed last 3 days' });
    const envelope = await socket.next();
    expect(envelope).toMatchObject({ type: 'slash_commands', accepts_response_payload: true });
    expect(Object.keys(envelope.payload)).toEqual([
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
    expect(envelope.payload).toMatchObject({
      command: '/backup-jobs',
      text: 'failed last 3 days',
      user_id: 'U0ALICE',
    });
    socket.ack(envelope.envelope_id);
    const result = await sent;
    expect(result).toMatchObject({ status: 200, body: '', envelopeId: envelope.envelope_id });
    expect(envelope.payload.response_url).toBe(result.responseUrl);
    expect(http.requests).toHaveLength(0);
  });

  it('shows a message given in the ack payload, like a message in an HTTP ack body', async () => {
    const socket = await rawSocket();
    const sent = standIn.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'summary' });
    const envelope = await socket.next();
    socket.ack(envelope.envelope_id, { text: 'Working on it…' });
    expect((await sent).body).toBe('{"text":"Working on it…"}');
    expect(standIn.lastMessage('C0OPS', { includeEphemeralFor: 'U0BOB' })).toMatchObject({
      text: 'Working on it…',
      ephemeralFor: 'U0BOB',
      via: 'ack',
    });
  });

  it('spreads envelopes over every open connection and counts them in hello', async () => {
    const a = await rawSocket();
    const b = await rawSocket();
    expect(b.hello.num_connections).toBe(2);
    expect(standIn.socketConnections()).toBe(2);
    const seen: string[] = [];
    for (const [name, socket] of [
      ['a', a],
      ['b', b],
    ] as const) {
      socket.ws.on('message', (data) => {
        seen.push(name);
        socket.ack((JSON.parse(String(data)) as Json).envelope_id);
      });
    }
    for (const text of ['one', 'two', 'three', 'four']) {
      expect((await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text })).error).toBeUndefined();
    }
    expect(seen.filter((on) => on === 'a')).toHaveLength(2);
    expect(seen.filter((on) => on === 'b')).toHaveLength(2);
  });

  it('sends too_many_websockets to an eleventh connection and keeps ten', async () => {
    for (let i = 0; i < 10; i += 1) await rawSocket();
    const eleventh = await rawSocket();
    expect(eleventh.hello).toMatchObject({ type: 'disconnect', reason: 'too_many_websockets' });
    await once(eleventh.ws, 'close');
    expect(standIn.socketConnections()).toBe(10);
  });

  it('ignores what is not an ack (broken JSON, no envelope_id, unknown ids, binary) and still takes the real one', async () => {
    const socket = await rawSocket();
    const sent = standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'help' });
    const envelope = await socket.next();
    for (const junk of ['not json', '[]', 'null', '{}', '{"envelope_id":5}', '{"envelope_id":"nope"}']) {
      socket.ws.send(junk);
    }
    const binaryAck = { envelope_id: envelope.envelope_id, payload: { text: 'sent as binary' } };
    socket.ws.send(Buffer.from(JSON.stringify(binaryAck)), { binary: true });
    socket.ack(envelope.envelope_id, 'not an object' as unknown as Json);
    expect(await sent).toMatchObject({ status: 200, body: '', envelopeId: envelope.envelope_id });
    expect(standIn.socketConnections()).toBe(1);
  });

  it('reports operation_timeout when the app does not ack within the ack timeout', async () => {
    const impatient = await standInWith({ ackTimeoutMs: 300 });
    const client = await startedClient(impatient);
    const received = new Promise((resolve) => client.once('slash_commands', resolve));
    const result = await impatient.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'help' });
    await received;
    expect(result).toMatchObject({ status: 0, error: 'operation_timeout', envelopeId: expect.any(String) });
    expect(result.ackMs).toBeGreaterThanOrEqual(290);
    expect(impatient.lastMessage('C0OPS', { includeEphemeralFor: 'U0ALICE' })).toMatchObject({
      user: 'USLACKBOT',
      text: '/backup-jobs failed with the error "operation_timeout"',
    });
  });
});

describe('disconnects', () => {
  it('sends disconnect with the reason; closes the socket later after refresh_requested, never after warning', async () => {
    const quick = await standInWith({ socketCloseDelayMs: 50 });
    const yardstick = await standInWith({ socketCloseDelayMs: 50 });
    const socket = await rawSocket(quick);
    const other = await rawSocket(yardstick);
    quick.disconnectSockets('warning');
    expect(await socket.next()).toEqual({
      type: 'disconnect',
      reason: 'warning',
      debug_info: { host: expect.any(String) },
    });
    // a refresh asked later on another stand-in with the same delay closes its socket after the
    // moment a (wrong) close after `warning` would have come
    const otherClosed = once(other.ws, 'close');
    yardstick.disconnectSockets('refresh_requested');
    await otherClosed;
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    const sent = quick.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'still here' });
    socket.ack((await socket.next()).envelope_id);
    expect((await sent).error).toBeUndefined();
    const closed = once(socket.ws, 'close');
    quick.disconnectSockets('refresh_requested');
    expect(await socket.next()).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });
    await closed;
    expect(quick.socketConnections()).toBe(0);
  });

  it('closes the socket after link_disabled', async () => {
    const quick = await standInWith({ socketCloseDelayMs: 10 });
    const socket = await rawSocket(quick);
    const closed = once(socket.ws, 'close');
    quick.disconnectSockets('link_disabled');
    expect(await socket.next()).toMatchObject({ type: 'disconnect', reason: 'link_disabled' });
    await closed;
    expect(quick.socketConnections()).toBe(0);
  });

  it('SocketModeClient reconnects after refresh_requested and gets the next command', async () => {
    const client = await startedClient(standIn, 1000);
    const reconnected = new Promise((resolve) => client.once('connected', resolve));
    standIn.disconnectSockets('refresh_requested');
    await reconnected;
    expect(standIn.socketConnections()).toBe(1);
    const received = new Promise<Json>((resolve) =>
      client.once('slash_commands', async ({ ack, body }) => {
        await ack();
        resolve(body as Json);
      }),
    );
    const result = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'after refresh' });
    expect((await received).text).toBe('after refresh');
    expect(result).toMatchObject({ status: 200, body: '' });
    expect(http.requests).toHaveLength(0);
  });

  it('close() closes every socket and the WebSocket server', async () => {
    const own = await startTestStandIn({ appToken: APP_TOKEN });
    const socket = await rawSocket(own);
    const closed = once(socket.ws, 'close');
    await own.close();
    await closed;
    expect(own.socketConnections()).toBe(0);
  });
});

describe('Events API', () => {
  it('posts a signed JSON event_callback and retries with X-Slack-Retry-Num / -Reason until a 2xx', async () => {
    const impatient = await standInWith({ ackTimeoutMs: 300, eventRetryDelaysMs: [5, 5, 5] });
    let n = 0;
    http.answerWith((_req, res) => {
      n += 1;
      if (n === 1) res.writeHead(500).end();
      else if (n === 3) res.end();
      // the second request is never answered: a timeout
    });
    const result = await impatient.sendEvent({ type: 'app_home_opened', user: 'U0ALICE' });
    expect(result.acked).toBe(true);
    expect(result.attempts.map((a) => a.error)).toEqual(['dispatch_failed', 'operation_timeout', undefined]);
    const [first, second, third] = http.requests;
    expect(first!.headers['content-type']).toBe('application/json');
    const timestamp = Number(first!.headers['x-slack-request-timestamp']);
    expect(first!.headers['x-slack-signature']).toBe(
      signSlackRequest(SIGNING_SECRET, timestamp, first!.body),
    );
    expect(first!.headers['x-slack-retry-num']).toBeUndefined();
    expect([second!.headers['x-slack-retry-num'], second!.headers['x-slack-retry-reason']]).toEqual([
      '1',
      'http_error',
    ]);
    expect([third!.headers['x-slack-retry-num'], third!.headers['x-slack-retry-reason']]).toEqual([
      '2',
      'http_timeout',
    ]);
    const body = JSON.parse(first!.body) as Json;
    expect(body).toMatchObject({
      token: expect.any(String),
      team_id: 'T0DEMO',
      api_app_id: 'A0BACKUPJOBS',
      type: 'event_callback',
      event_id: result.eventId,
      event_time: expect.any(Number),
      event: {
        type: 'app_home_opened',
        user: 'U0ALICE',
        channel: 'D0ALICE',
        tab: 'home',
        event_ts: expect.any(String),
      },
      authorizations: [{ team_id: 'T0DEMO', user_id: 'U0BOT', is_bot: true }],
    });
    expect(JSON.parse(third!.body)).toEqual(body);
  });

  it('gives up after three retries', async () => {
    const quick = await standInWith({ eventRetryDelaysMs: [1, 1, 1] });
    http.answerWith((_req, res) => res.writeHead(503).end());
    const result = await quick.sendEvent({ type: 'app_home_opened', user: 'U0BOB', tab: 'messages' });
    expect(result.acked).toBe(false);
    expect(http.requests.map((r) => r.headers['x-slack-retry-num'])).toEqual([undefined, '1', '2', '3']);
  });

  it('over Socket Mode: an events_api envelope, retried with retry_attempt and retry_reason until acked', async () => {
    const impatient = await standInWith({ ackTimeoutMs: 200, eventRetryDelaysMs: [5, 5, 5] });
    const socket = await rawSocket(impatient);
    const sent = impatient.sendEvent({ type: 'app_home_opened', user: 'U0ALICE' });
    const ignored = await socket.next();
    expect(ignored).toMatchObject({
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: { type: 'event_callback', event: { type: 'app_home_opened', tab: 'home' } },
    });
    const retried = await socket.next();
    expect(retried).toMatchObject({ type: 'events_api', retry_attempt: 1, retry_reason: 'timeout' });
    expect(retried.payload).toEqual(ignored.payload);
    expect(retried.envelope_id).not.toBe(ignored.envelope_id);
    socket.ack(retried.envelope_id);
    const result = await sent;
    expect(result).toMatchObject({ acked: true, eventId: ignored.payload.event_id });
    expect(result.attempts.map((a) => a.envelopeId)).toEqual([ignored.envelope_id, retried.envelope_id]);
  });

  it('Bolt over HTTP takes the signed event_callback and acks it with a 2xx', async () => {
    const app = new App({
      signingSecret: SIGNING_SECRET,
      token: BOT_TOKEN,
      clientOptions: { slackApiUrl: standIn.apiUrl },
      logger,
    });
    const opened = new Promise<Json>((resolve) =>
      app.event('app_home_opened', async ({ event }) => resolve(event)),
    );
    const server = (await app.start(0)) as Server;
    cleanups.push(() => app.stop());
    standIn.setBotUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
    const result = await standIn.sendEvent({ type: 'app_home_opened', user: 'U0BOB' });
    expect(result).toMatchObject({ acked: true, attempts: [{ status: 200 }] });
    expect(await opened).toMatchObject({
      type: 'app_home_opened',
      user: 'U0BOB',
      channel: 'D0BOB',
      tab: 'home',
    });
  });
});

describe("Bolt's App with SocketModeReceiver against the stand-in", () => {
  it('gets a command, acks and answers with respond(); gets a click and an app_home_opened event', async () => {
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      logger,
      installerOptions: { clientOptions: { slackApiUrl: standIn.apiUrl } },
    });
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: BOT_TOKEN }),
      clientOptions: { slackApiUrl: standIn.apiUrl },
      logger,
    });
    const clicks: string[] = [];
    app.command('/backup-jobs', async ({ ack, respond, command }) => {
      await ack();
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `Results for ${command.text}`,
        blocks: [
          section(`*Results for* ${command.text}`),
          {
            type: 'actions',
            block_id: 'nav',
            elements: [
              { type: 'button', action_id: 'next', text: { type: 'plain_text', text: 'Next' }, value: 'c1' },
            ],
          },
        ],
      });
    });
    app.action('next', async ({ ack, respond, action }) => {
      await ack();
      clicks.push(action.type === 'button' ? (action.value ?? '') : '');
      await respond({ replace_original: true, text: 'Page 2' });
    });
    const opened = new Promise<Json>((resolve) =>
      app.event('app_home_opened', async ({ event }) => resolve(event)),
    );
    await app.start();
    cleanups.push(() => app.stop());
    expect(standIn.socketConnections()).toBe(1);

    const command = await standIn.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'vault:prod' });
    expect(command).toMatchObject({ status: 200, body: '', envelopeId: expect.any(String) });
    const reply = await standIn.waitForMessage((m) => m.text === 'Results for vault:prod');
    expect(reply).toMatchObject({ channel: 'C0OPS', ephemeralFor: 'U0ALICE', via: 'response_url' });

    const replaced = standIn.waitForMessage((m) => m.id === reply.id && m.text === 'Page 2');
    const click = await standIn.click({ user: 'U0ALICE', messageId: reply.id, actionId: 'next' });
    expect(click).toMatchObject({ status: 200, envelopeId: expect.any(String) });
    expect(await replaced).toMatchObject({ ts: reply.ts, edited: true });
    expect(clicks).toEqual(['c1']);

    const event = await standIn.sendEvent({ type: 'app_home_opened', user: 'U0ALICE' });
    expect(event.acked).toBe(true);
    expect(await opened).toMatchObject({ user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' });
    expect(http.requests).toHaveLength(0);
  });
});
