import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import {
  type SlackStandIn,
  type SlackStandInOptions,
  startSlackStandIn,
} from '../../../src/emulator/slack/index.js';

export const BOT_TOKEN = 'xoxb-0000-standin-test-token';
export const SIGNING_SECRET = 'standin-test-signing-secret-0123';

export function startTestStandIn(options: Partial<SlackStandInOptions> = {}): Promise<SlackStandIn> {
  return startSlackStandIn({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, ...options });
}

/** Keeps the client's own logging (it prints Slack's `[ERROR]` metadata) out of the test output. */
export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** The real WebClient pointed at the stand-in; no retries unless asked, so failures surface at once. */
export function clientFor(
  standIn: SlackStandIn,
  options: WebClientOptions = {},
  token = BOT_TOKEN,
): WebClient {
  return new WebClient(token, {
    slackApiUrl: standIn.apiUrl,
    logger: quietLogger,
    retryConfig: { retries: 0 },
    ...options,
  });
}

/** The `data.error` of a rejected Web API call (or a thrown error when the call unexpectedly succeeded). */
export async function apiError(call: Promise<unknown>): Promise<{ error: string; errors?: string[] }> {
  try {
    await call;
  } catch (err) {
    const data = (err as { data?: { error: string; errors?: string[] } }).data;
    if (data) return data;
    throw err;
  }
  throw new Error('the call succeeded');
}

export const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A bare HTTP endpoint standing where the app would: it records each request exactly as it arrived
 * and answers with `answer` (200 and an empty body unless set).
 */
export async function startReceiver() {
  const requests: Received[] = [];
  let answer: (req: Received, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      answer(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    requests,
    answerWith(fn: typeof answer) {
      answer = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
