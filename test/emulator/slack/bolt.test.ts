import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SlackStandIn,
  signSlackRequest,
  slackSignatureHeaders,
} from '../../../src/emulator/slack/index.js';
import { BOT_TOKEN, quietLogger, SIGNING_SECRET, section, startTestStandIn } from './helpers.js';

let standIn: SlackStandIn;
let app: App;
let botUrl: string;
const clickedValues: string[] = [];

const nextButton = (value: string) => ({
  type: 'actions',
  block_id: 'nav',
  elements: [{ type: 'button', action_id: 'next', text: { type: 'plain_text', text: 'Next ▶' }, value }],
});

beforeAll(async () => {
  standIn = await startTestStandIn();
  app = new App({
    signingSecret: SIGNING_SECRET,
    token: BOT_TOKEN,
    clientOptions: { slackApiUrl: standIn.apiUrl },
    logger: { ...quietLogger, getLevel: () => LogLevel.ERROR },
  });
  app.command('/backup-jobs', async ({ ack, respond, say, command }) => {
    await ack();
    if (command.text === 'public') {
      await say({ text: 'Posted for everyone' });
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `Results for ${command.text}`,
      blocks: [section(`*Results for* ${command.text}`), nextButton('cursor-1')],
    });
  });
  app.action('next', async ({ ack, respond, action }) => {
    await ack();
    const value = action.type === 'button' ? (action.value ?? '') : '';
    clickedValues.push(value);
    await respond({
      replace_original: true,
      text: 'Page 2',
      blocks: [section('*Page 2*'), nextButton('cursor-2')],
    });
  });
  const server = (await app.start(0)) as Server;
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  standIn.setBotUrl(botUrl);
});
afterAll(async () => {
  await app.stop();
  await standIn.close();
});

describe('a real Bolt app against the Slack stand-in', () => {
  it('sendCommand: Bolt acks and its respond() lands in the store, ephemeral to the user', async () => {
    const result = await standIn.sendCommand({
      channel: 'C0OPS',
      user: 'U0ALICE',
      text: 'failed last 3 days',
    });
    expect(result.status).toBe(200);
    expect(result.error).toBeUndefined();
    const reply = await standIn.waitForMessage((m) => m.text === 'Results for failed last 3 days', 5000);
    expect(reply).toMatchObject({ channel: 'C0OPS', ephemeralFor: 'U0ALICE', via: 'response_url' });
    expect(reply.blocks[1]).toMatchObject({ block_id: 'nav' });
    // Bolt authorizes the first request with auth.test
    expect(standIn.calls()['auth.test']).toBe(1);
  });

  it("click: Bolt's action listener replaces the message in place", async () => {
    await standIn.sendCommand({ channel: 'D0ALICE', user: 'U0ALICE', text: 'vault:prod' });
    const reply = await standIn.waitForMessage((m) => m.text === 'Results for vault:prod', 5000);
    const replaced = standIn.waitForMessage((m) => m.id === reply.id && m.text === 'Page 2', 5000);
    const result = await standIn.click({ user: 'U0ALICE', messageId: reply.id, actionId: 'next' });
    expect(result.status).toBe(200);
    expect(await replaced).toMatchObject({ ts: reply.ts, ephemeralFor: 'U0ALICE', edited: true });
    expect(clickedValues).toEqual(['cursor-1']);
  });

  it("say() goes through chat.postMessage on the stand-in's Web API", async () => {
    await standIn.sendCommand({ channel: 'C0OPS', user: 'U0BOB', text: 'public' });
    const posted = await standIn.waitForMessage((m) => m.text === 'Posted for everyone', 5000);
    expect(posted).toMatchObject({ channel: 'C0OPS', via: 'api', ephemeralFor: undefined });
  });

  it('Bolt refuses a forged signature and a 6-minute-old one with 401, accepts a proper one', async () => {
    const body = new URLSearchParams({
      command: '/backup-jobs',
      text: 'help',
      user_id: 'U0ALICE',
    }).toString();
    const nowSec = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      fetch(botUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const forged = await post({
      'X-Slack-Request-Timestamp': String(nowSec),
      'X-Slack-Signature': signSlackRequest('not-the-secret', nowSec, body),
    });
    expect(forged.status).toBe(401);
    const old = await post(slackSignatureHeaders(SIGNING_SECRET, nowSec - 6 * 60, body));
    expect(old.status).toBe(401);
    const proper = await post(slackSignatureHeaders(SIGNING_SECRET, nowSec, body));
    expect(proper.status).toBe(200);
  });
});
