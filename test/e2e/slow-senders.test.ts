import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

/** Opens a connection and sends a POST's headers and the first part of its body, then holds it. */
function holdOpen(
  url: string,
  headers: Record<string, string>,
  declared: number,
): Promise<{ socket: Socket; status: () => number | undefined; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const lines = [
        'POST /slack/events HTTP/1.1',
        `Host: ${hostname}:${port}`,
        'Content-Type: application/x-www-form-urlencoded',
        `Content-Length: ${declared}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\ntoken=x&text=`);
      resolve({ socket, status: () => status, closed });
    });
    let status: number | undefined;
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      const found = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (found) status = Number(found[1]);
    });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', (err) => (status === undefined ? reject(err) : undefined));
  });
}

const fakeSignature = () => ({
  'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000)),
  'X-Slack-Signature': `v0=${'ab'.repeat(32)}`,
});

describe('slow and unsigned senders over HTTP', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ aws: { jobs: 50 } });
  });
  afterAll(() => stack.close());

  it('answers a request without a signature 401 before reading its body', async () => {
    const held = await holdOpen(stack.botUrl, {}, 200_000);
    await held.closed;
    expect(held.status()).toBe(401);
    const stale = await holdOpen(
      stack.botUrl,
      { ...fakeSignature(), 'X-Slack-Request-Timestamp': String(Math.floor(Date.now() / 1000) - 600) },
      200_000,
    );
    await stale.closed;
    expect(stale.status()).toBe(401);
  });

  it('reads at most 128 bodies at once, the oldest making room, each within 5 s, and keeps answering', async () => {
    const held = await Promise.all(
      Array.from({ length: 140 }, () => holdOpen(stack.botUrl, fakeSignature(), 200_000)),
    );
    // The 12 oldest are cut off as the newest arrive: wait for their answers, not for a set time.
    const cut = () => held.filter((h) => h.status() === 408).length;
    for (const deadline = Date.now() + 3000; cut() < 12 && Date.now() < deadline; )
      await new Promise((r) => setImmediate(r));
    expect(cut()).toBe(12);
    expect(held.filter((h) => h.status() === undefined)).toHaveLength(128);
    // While every slot is held, Slack's own request still gets in, and is answered.
    const sent = await stack.slack.sendCommand({ channel: 'C0OPS', user: 'U0ALICE', text: 'help' });
    expect(sent.status).toBe(200);
    const answer = await stack.slack.waitForMessage((m) => m.ephemeralFor === 'U0ALICE', 10_000);
    expect(textOf(answer)).toMatch(/backup-jobs/);
    await Promise.all(held.map((h) => h.closed));
    expect(held.filter((h) => h.status() === 408)).toHaveLength(140);
  }, 30_000);
});
