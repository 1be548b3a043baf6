import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the bot made to a response_url. */
export interface Answer {
  /** performance.now() at arrival. */
  at: number;
  body: { text?: string; blocks?: unknown[]; replace_original?: boolean; [key: string]: unknown };
}

/** response_url targets on 127.0.0.1: one path per request, so every answer is matched to its request. */
export interface Sink {
  urlFor(id: string): string;
  answers(id: string): Answer[];
  /** Resolves with the first answer to `id`; rejects after `timeoutMs`. */
  waitFor(id: string, timeoutMs: number): Promise<Answer>;
  /** Ids that got at least one answer. */
  answered(): Set<string>;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const byId = new Map<string, Answer[]>();
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const id = decodeURIComponent((req.url ?? '').replace(/^\/r\//, ''));
      let body: Answer['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Answer['body'];
      } catch {
        body = { text: '<not JSON>' };
      }
      const list = byId.get(id) ?? [];
      list.push({ at, body });
      byId.set(id, list);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      arrivals.emit(id);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlFor: (id) => `${base}/r/${encodeURIComponent(id)}`,
    answers: (id) => byId.get(id) ?? [],
    answered: () => new Set(byId.keys()),
    async waitFor(id, timeoutMs) {
      const found = byId.get(id)?.[0];
      if (found) return found;
      const arrived = once(arrivals, id, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => {
        throw new Error(`no answer at response_url ${id} within ${timeoutMs} ms`);
      });
      await arrived;
      return byId.get(id)![0]!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
