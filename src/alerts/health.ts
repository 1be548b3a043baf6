import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface WorkerHealth {
  /** True while the worker processes jobs and Redis answers. */
  ready: () => boolean;
  registry: Registry;
}

/** The worker's health server: GET /healthz (alive), /readyz (processing, Redis up), /metrics. */
export async function startHealthServer(
  port: number,
  health: WorkerHealth,
  host = '0.0.0.0',
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return json(405, { ok: false });
    if (path === '/healthz') return json(200, { ok: true });
    if (path === '/readyz') return health.ready() ? json(200, { ok: true }) : json(503, { ok: false });
    if (path === '/metrics') {
      void health.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': health.registry.contentType });
          res.end(text);
        },
        () => json(500, { ok: false }),
      );
      return;
    }
    json(404, { ok: false });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
