import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignatureHeaders } from '../../src/emulator/slack/index.js';
import { SIGNING_SECRET, type Stack, startStack, TRANSPORTS, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

async function ask(stack: Stack, text: string) {
  const mine = () => stack.slack.messages('C0OPS', { includeEphemeralFor: ALICE }).length;
  const before = mine();
  const sent = await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text });
  expect(sent.status).toBe(200);
  await stack.slack.waitForMessage(() => mine() > before, 10_000);
  return stack.slack.lastMessage('C0OPS', { includeEphemeralFor: ALICE })!;
}

/** Checks `done` every 50 ms until it holds; fails after `timeoutMs`. For stand-in state that has no event. */
async function until(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(TRANSPORTS)('the Events API over %s', (transport) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport, aws: { jobs: 100 } });
  });
  afterAll(() => stack.close());

  it('acknowledges an app_home_opened event at once, with no retry from Slack', async () => {
    const delivered = await stack.slack.sendEvent({ type: 'app_home_opened', user: ALICE });
    expect(delivered.acked).toBe(true);
    expect(delivered.attempts).toHaveLength(1);
    expect(delivered.attempts[0]!.ackMs).toBeLessThan(3000);
  });
});

describe('HTTP only: Slack’s URL verification', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ aws: { jobs: 50 } });
  });
  afterAll(() => stack.close());

  it('answers the challenge of a signed url_verification', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-4z8', type: 'url_verification' });
    const res = await fetch(`${stack.botUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...slackSignatureHeaders(SIGNING_SECRET, Math.floor(Date.now() / 1000), body),
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-4z8' });
  });
});

describe('Socket Mode: connections Slack asks to renew', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport: 'socket', aws: { jobs: 100 } });
  });
  afterAll(() => stack.close());

  it('reconnects after refresh_requested and answers the next command over the new socket', async () => {
    expect(stack.slack.socketConnections()).toBe(1);
    expect(textOf(await ask(stack, 'failed last 3 days'))).toMatch(/Failed jobs|No backup jobs/);
    stack.slack.disconnectSockets('refresh_requested');
    // The stand-in closes the old socket shortly after, as Slack does; the bot has opened a new one.
    await until(
      () => stack.slack.socketConnections() === 1 && stack.slack.calls()['apps.connections.open']! >= 2,
    );
    const answer = await ask(stack, 'partial last 7 days');
    expect(answer.via).toBe('response_url');
    expect(textOf(answer)).toMatch(/Partial jobs|No backup jobs/);
  });

  it('renews its connection on a warning disconnect, before Slack closes the old one, and answers over the new', async () => {
    const opened = stack.slack.calls()['apps.connections.open']!;
    stack.slack.disconnectSockets('warning');
    // Slack would keep the warned socket a while; Bolt's client (socket-mode 3) leaves it at once.
    await until(
      () => stack.slack.socketConnections() === 1 && stack.slack.calls()['apps.connections.open']! > opened,
    );
    const answer = await ask(stack, 'failed last 7 days');
    expect(answer.via).toBe('response_url');
    expect(textOf(answer)).toMatch(/Failed jobs|No backup jobs/);
  });
});
