import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStandIn, StoredFile, StoredMessage } from '../slack/index.js';
import { userSurfaces } from './surfaces.js';
import { messageView, visibleTo } from './views.js';

/** Keeps proxies and browsers from closing an idle stream; not a poll: nothing is fetched. */
const HEARTBEAT_MS = 20_000;

type EventName = 'message' | 'update' | 'delete';

interface Client {
  user: string;
  res: ServerResponse;
}

/**
 * Turns the stand-in's message and view events into Server-Sent Events, one stream per browser tab,
 * each filtered to what its user sees. Every change gets a sequence number, and message lists and
 * view snapshots carry the number they were read at, so a page that loads them while events arrive
 * applies each change once.
 */
export interface EventHub {
  /** The number of the latest change. */
  seq(): number;
  stream(req: IncomingMessage, res: ServerResponse, user: string): void;
}

export function createEventHub(slack: SlackStandIn): EventHub {
  const clients = new Set<Client>();
  let seq = 0;
  function send(client: Client, event: string, data: string) {
    client.res.write(`id: ${seq}\nevent: ${event}\ndata: ${data}\n\n`);
  }
  function broadcast(event: EventName, m: StoredMessage) {
    seq += 1;
    if (clients.size === 0) return;
    const files = new Map<string, StoredFile>(slack.files().map((f) => [f.id, f]));
    const data = JSON.stringify({ seq, message: messageView(m, files) });
    for (const client of clients) if (visibleTo(m, client.user)) send(client, event, data);
  }
  /** `views`: the user's whole modal stack and Home tab after any change to one of their views. */
  function broadcastViews(user: string) {
    seq += 1;
    const watching = [...clients].filter((c) => c.user === user);
    if (watching.length === 0) return;
    const data = JSON.stringify({ seq, ...userSurfaces(slack, user) });
    for (const client of watching) send(client, 'views', data);
  }
  slack.events.on('message', (m) => broadcast('message', m));
  slack.events.on('update', (m) => broadcast('update', m));
  slack.events.on('delete', (m) => broadcast('delete', m));
  slack.viewEvents.on('view', (v) => broadcastViews(v.user));
  return {
    seq: () => seq,
    stream(req, res, user) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write(`retry: 1000\nevent: ready\ndata: ${JSON.stringify({ seq })}\n\n`);
      const client: Client = { user, res };
      clients.add(client);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stop = () => {
        clearInterval(heartbeat);
        clients.delete(client);
      };
      req.on('close', stop);
      res.on('error', stop);
    },
  };
}
