import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  /** Give it to the stand-in's `setBotUrl`. */
  url: string;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Passes each request on to `target` in two steps: the head first, with `Expect: 100-continue`;
 * once the app's server answers `100 Continue` (it has the request and reads its body), `between()`
 * runs; then the body follows and the app's answer goes back. It lands an event, such as a signal,
 * in the middle of a request the app has begun to read.
 */
export async function startHoldingProxy(target: string, between: () => Promise<void>): Promise<HoldingProxy> {
  // Kept alive like Slack's connections: the app's server must still close once it has answered.
  const agent = new Agent({ keepAlive: true });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => /^(content-type|x-slack-)/.test(k)),
    );
    const out = request(target, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': body.length, expect: '100-continue' },
    });
    out.on('continue', () => void between().then(() => out.end(body)));
    out.on('response', async (answer) => {
      res.writeHead(answer.statusCode ?? 502).end(await readAll(answer));
    });
    out.on('error', () => res.writeHead(502).end());
    out.flushHeaders();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
