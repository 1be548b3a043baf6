import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackSignatureHeaders } from '../src/emulator/slack/index.js';

/** A response_url target that answers 200 and keeps what the bot posted, in arrival order. */
export async function startSink() {
  const posts: { at: number; path: string; body: Record<string, unknown> }[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({
        at: performance.now(),
        path: req.url ?? '/',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      res.writeHead(200).end('ok');
      for (const w of waiters.splice(0)) w();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    posts,
    async waitFor(count: number, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (posts.length < count) {
        if (Date.now() > deadline)
          throw new Error(`${posts.length} of ${count} answers within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 });

export function commandBody(text: string, responseUrl: string, user = 'U0ALICE'): string {
  return new URLSearchParams({
    token: 'bench',
    team_id: 'T0DEMO',
    team_domain: 'demo',
    channel_id: 'C0OPS',
    channel_name: 'ops',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/backup-jobs',
    text,
    api_app_id: 'A0BJB',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.${Math.random()}`,
  }).toString();
}

export function clickBody(actionId: string, value: string, responseUrl: string, user = 'U0ALICE'): string {
  const payload = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0DEMO' },
    team: { id: 'T0DEMO', domain: 'demo' },
    channel: { id: 'C0OPS', name: 'ops' },
    container: { type: 'message', message_ts: '1.000001', channel_id: 'C0OPS', is_ephemeral: true },
    api_app_id: 'A0BJB',
    token: 'bench',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.${Math.random()}`,
    actions: [
      { action_id: actionId, block_id: 'b', type: 'button', value, action_ts: `${Date.now() / 1000}` },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs signed bodies all at once; resolves to each one's time to the bot's HTTP answer, in ms. */
export function sendAll(
  url: string,
  secret: string,
  bodies: string[],
): Promise<{ ms: number; status: number }[]> {
  const now = Math.floor(Date.now() / 1000);
  const prepared = bodies.map((body) => ({
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...slackSignatureHeaders(secret, now, body),
    },
  }));
  return Promise.all(
    prepared.map(
      ({ body, headers }) =>
        new Promise<{ ms: number; status: number }>((resolve, reject) => {
          const started = performance.now();
          const req = http.request(`${url}/slack/events`, { method: 'POST', headers, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
          });
          req.on('error', reject);
          req.end(body);
        }),
    ),
  );
}
