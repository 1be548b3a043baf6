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
 * Stands where the app would be: acknowledges every command, click and event with an empty 200, and
 * hands each click payload, command and event to whoever waits for the next one.
 */
export interface CaptureApp {
  url: string;
  nextClick(): Promise<ClickPayload>;
  /** The form fields of the next slash command. */
  nextCommand(): Promise<Record<string, string>>;
  /** The next Events API delivery (a JSON `event_callback`), e.g. `app_home_opened`. */
  nextEvent(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startCaptureApp(): Promise<CaptureApp> {
  const waiting: ((p: ClickPayload) => void)[] = [];
  const commands: ((fields: Record<string, string>) => void)[] = [];
  const events: ((body: Record<string, unknown>) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200).end();
      if (req.headers['content-type']?.startsWith('application/json')) {
        events.shift()?.(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        return;
      }
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
    nextEvent: () => new Promise((resolve) => events.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
