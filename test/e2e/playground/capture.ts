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
 * each click payload and command to whoever waits for the next one.
 */
export interface CaptureApp {
  url: string;
  nextClick(): Promise<ClickPayload>;
  /** The form fields of the next slash command. */
  nextCommand(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startCaptureApp(): Promise<CaptureApp> {
  const waiting: ((p: ClickPayload) => void)[] = [];
  const commands: ((fields: Record<string, string>) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200).end();
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const payload = form.get('payload');
      if (payload) waiting.shift()?.(JSON.parse(payload) as ClickPayload);
      else commands.shift()?.(Object.fromEntries(form));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    nextClick: () => new Promise((resolve) => waiting.push(resolve)),
    nextCommand: () => new Promise((resolve) => commands.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
