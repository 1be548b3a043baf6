import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { PendingAcks, type SocketAck, socketText } from './socket-acks.js';
import { socketHello, socketNotice } from './socket-messages.js';
import type { SocketDisconnectReason } from './types.js';

/** Slack lets one app hold up to 10 Socket Mode connections at once. */
export const MAX_SOCKET_CONNECTIONS = 10;

/** Slack closes a connection "a few seconds" after asking for a refresh; the docs give no number. */
export const SOCKET_CLOSE_DELAY_MS = 3000;

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What Slack puts around a payload it sends over a socket (`envelope_id` is added by `send`). */
export interface OutgoingEnvelope {
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

function refuse(socket: Duplex, status: string) {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Slack's Socket Mode side: single-use tickets from apps.connections.open, the WebSocket server at
 * `/link/` on the stand-in's own HTTP server, envelopes spread round-robin over the open connections,
 * and acknowledgements matched back to them by envelope_id.
 */
export class SocketMode {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #server: Server;
  readonly #linkBase: string;
  readonly #appId: string;
  readonly #closeDelayMs: number;
  readonly #tickets = new Set<string>();
  readonly #sockets: WebSocket[] = [];
  readonly #acks = new PendingAcks();
  readonly #closers = new Set<NodeJS.Timeout>();
  #turn = 0;

  constructor(server: Server, baseUrl: string, appId: string, closeDelayMs: number) {
    this.#server = server;
    this.#linkBase = `${baseUrl.replace(/^http/, 'ws')}/link/`;
    this.#appId = appId;
    this.#closeDelayMs = closeDelayMs;
    server.on('upgrade', this.#upgrade);
  }

  /** A fresh WebSocket URL, as apps.connections.open returns it; its ticket works once. */
  openTicket(): string {
    const ticket = randomBytes(16).toString('hex');
    this.#tickets.add(ticket);
    return `${this.#linkBase}?ticket=${ticket}&app_id=${this.#appId}`;
  }

  /** Connections that are open and can take envelopes. */
  connections(): number {
    return this.#open().length;
  }

  /** Sends an envelope on one open connection and waits up to `timeoutMs` for its ack. */
  async send(
    envelope: OutgoingEnvelope,
    timeoutMs: number,
  ): Promise<{ envelopeId: string; ack: SocketAck | undefined }> {
    const open = this.#open();
    if (open.length === 0) throw new Error('no Socket Mode connection is open');
    this.#turn = (this.#turn + 1) % open.length;
    const socket = open[this.#turn]!;
    const envelopeId = randomUUID();
    const acked = this.#acks.wait(envelopeId, timeoutMs);
    socket.send(JSON.stringify({ envelope_id: envelopeId, ...envelope }), () => {});
    return { envelopeId, ack: await acked };
  }

  /** Sends `disconnect` to every open connection; Slack closes the socket itself a little later. */
  disconnect(reason: SocketDisconnectReason) {
    for (const socket of this.#open()) {
      socket.send(socketNotice(reason), () => {});
      // `warning` only announces a disconnect; the other two are followed by Slack closing the socket
      if (reason === 'warning') continue;
      const closer = setTimeout(() => {
        this.#closers.delete(closer);
        socket.close(1000);
      }, this.#closeDelayMs);
      this.#closers.add(closer);
    }
  }

  /** Drops every connection and pending ack, and stops accepting upgrades. */
  async close() {
    this.#server.off('upgrade', this.#upgrade);
    for (const closer of this.#closers) clearTimeout(closer);
    this.#closers.clear();
    this.#acks.clear();
    // every socket, including one refused past the limit that is still closing
    for (const socket of this.#wss.clients) socket.terminate();
    this.#sockets.length = 0;
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #open(): WebSocket[] {
    return this.#sockets.filter((s) => s.readyState === WebSocket.OPEN);
  }

  readonly #upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'ws://stand-in');
    if (url.pathname !== '/link/') return refuse(socket, '404 Not Found');
    const ticket = url.searchParams.get('ticket');
    // Slack does not document its answer to a spent or unknown ticket; a refused upgrade is what a client sees
    if (!ticket || !this.#tickets.delete(ticket)) return refuse(socket, '401 Unauthorized');
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connected(ws));
  };

  #connected(ws: WebSocket) {
    ws.on('error', () => ws.terminate());
    if (this.#open().length >= MAX_SOCKET_CONNECTIONS) {
      // what Slack sends past the limit (seen in Slack's SDK issue trackers; the docs only state the limit)
      ws.send(socketNotice('too_many_websockets'), () => ws.close(1000));
      return;
    }
    this.#sockets.push(ws);
    ws.on('close', () => {
      const at = this.#sockets.indexOf(ws);
      if (at >= 0) this.#sockets.splice(at, 1);
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.#acks.received(socketText(data));
    });
    ws.send(socketHello(this.#appId, this.#open().length), () => {});
  }
}
