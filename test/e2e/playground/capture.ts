import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One block_actions payload as the app would receive it. */
export interface ClickPayload {
  type: string;
  user: { id: string };
  actions: { action_id: string; block_id: string; value?: string; selected_option?: { value: string } }[];
}

/**
 * Stands where the app would be: acknowledges every command and click with an empty 200, and hands
 * each click payload to whoever waits for the next one.
 */
export interface CaptureApp {
  url: string;
  nextClick(): Promise<ClickPayload>;
  close(): Promise<void>;
}

export async function startCaptureApp(): Promise<CaptureApp> {
  const waiting: ((p: ClickPayload) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200).end();
      const payload = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('payload');
      if (payload) waiting.shift()?.(JSON.parse(payload) as ClickPayload);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    nextClick: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
