import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { verifySlackRequest } from '@slack/bolt';
import { type Route, serveRoute } from '../health.js';
import type { Logger } from '../logger.js';
import type { InFlight } from './inflight.js';
import { payloadKind } from './payloads.js';

/** Where Slack sends slash commands and clicks (the manifest's request URLs end with it). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface FastAckReceiverOptions {
  signingSecret: string;
  logger: Logger;
  routes: Route[];
  /** Largest body accepted. @defaultValue 1 MiB */
  bodyLimit?: number;
  /** Runs the work after each ack, a few at a time; shutdown waits on it. */
  inFlight: InFlight;
  /** True when this signed request was seen before (a replay): it is acknowledged but not run. */
  isReplay?: (signature: string) => Promise<boolean>;
}

/** Bodies past this size are cut off unanswered: reading on would cost more than a 413 is worth. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the 413 reaches the client: a socket
      // destroyed while the client still sends reads as a connection reset, not as an answer.
      if (size > limit) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          resolve(null);
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A slash command's fields, or a click's `payload` JSON; null when the body is neither. */
export function parseSlackBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  try {
    if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === 'string') return JSON.parse(form.payload) as Record<string, unknown>;
    return form;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body = '') {
  res.writeHead(status, { 'Content-Type': body.startsWith('{') ? 'application/json' : 'text/plain' });
  res.end(body);
}

/**
 * Slack's HTTP endpoint. It verifies the signature and acknowledges at once with an empty 200,
 * before Bolt routes the request to a listener: the acknowledgement never waits behind other
 * requests' work, so it stays in milliseconds under bursts. Every listener here acks with an empty
 * body, so nothing is lost by answering before them; the listeners' own `ack()` is then a no-op.
 */
export class FastAckReceiver implements Receiver {
  #app: App | undefined;
  #server: Server | undefined;
  /** Responses not yet sent, so that `stop()` can end their connections after them. */
  readonly #open = new Set<ServerResponse>();
  readonly #options: FastAckReceiverOptions;

  constructor(options: FastAckReceiverOptions) {
    this.#options = options;
  }

  init(app: App): void {
    this.#app = app;
  }

  async #events(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req, this.#options.bodyLimit ?? 1024 * 1024);
    if (raw === null) return reply(res, 413, 'request body too large');
    const signature = String(req.headers['x-slack-signature'] ?? '');
    try {
      verifySlackRequest({
        signingSecret: this.#options.signingSecret,
        body: raw,
        headers: {
          'x-slack-signature': signature,
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
      });
    } catch {
      return reply(res, 401, 'invalid signature');
    }
    const body = parseSlackBody(raw, req.headers['content-type']);
    if (!body) return reply(res, 400, 'malformed body');
    if (body.ssl_check) return reply(res, 200);
    if (body.type === 'url_verification')
      return reply(res, 200, JSON.stringify({ challenge: body.challenge }));
    const kind = payloadKind(body);
    if (kind === 'invalid') return reply(res, 400, 'malformed payload');
    reply(res, 200);
    if (kind === 'other') return;
    const event: ReceiverEvent = { body, ack: async () => {} };
    // Tracked from the ack on, replay check included: a shutdown that begins now still waits for it.
    this.#options.inFlight
      .track(async () => {
        if (await this.#options.isReplay?.(signature).catch(() => false)) {
          this.#options.logger.warn('replayed Slack request ignored');
          return;
        }
        await this.#app?.processEvent(event);
      })
      .catch((err: unknown) => {
        this.#options.logger.error({ err }, 'Slack event failed');
      });
  }

  #handle(req: IncomingMessage, res: ServerResponse) {
    this.#open.add(res);
    res.on('close', () => this.#open.delete(res));
    const path = (req.url ?? '/').split('?')[0];
    if (path === SLACK_EVENTS_PATH) {
      if (req.method !== 'POST') return reply(res, 405, 'POST only');
      this.#events(req, res).catch((err: unknown) => {
        this.#options.logger.error({ err }, 'Slack request failed');
        if (!res.headersSent) reply(res, 500);
      });
      return;
    }
    if (!serveRoute(this.#options.routes, req, res)) reply(res, 404, 'not found');
  }

  start(port: number): Promise<Server> {
    const server = createServer((req, res) => this.#handle(req, res));
    server.keepAliveTimeout = 65_000;
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve(server));
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.#server) return resolve();
      // A keep-alive connection that turns idle after close() would hold it for keepAliveTimeout.
      for (const res of this.#open) if (!res.headersSent) res.setHeader('Connection', 'close');
      this.#server.close(() => resolve());
      this.#server.closeIdleConnections();
    });
  }
}
