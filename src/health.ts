import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** One HTTP route beside Slack's endpoint (bot) or alone (worker). */
export interface Route {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface HealthChecks {
  redis: { ping(): Promise<unknown> };
  registry: Registry;
  /** Extra readiness checks, e.g. that AWS credentials resolve; each resolves to an error text or null. */
  extra?: Record<string, () => Promise<string | null>>;
  /** False once shutdown began: readiness fails so load balancers drain the pod. */
  accepting: () => boolean;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function withTimeout<T>(work: Promise<T>, ms = 1500): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function readiness(checks: HealthChecks): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const results: Record<string, string> = {};
  const named: [string, () => Promise<string | null>][] = [
    [
      'redis',
      async () => {
        await checks.redis.ping();
        return null;
      },
    ],
    ...Object.entries(checks.extra ?? {}),
  ];
  await Promise.all(
    named.map(async ([name, check]) => {
      try {
        results[name] = (await withTimeout(check())) ?? 'ok';
      } catch (err) {
        results[name] = (err as Error).message;
      }
    }),
  );
  if (!checks.accepting()) results.shutdown = 'shutting down';
  return { ok: Object.values(results).every((v) => v === 'ok'), checks: results };
}

/** /healthz (the process answers), /readyz (Redis answers, plus the extra checks), /metrics. */
export function healthRoutes(checks: HealthChecks): Route[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => json(res, 200, { ok: true }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void readiness(checks).then((r) => json(res, r.ok ? 200 : 503, r));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        void checks.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'Content-Type': checks.registry.contentType });
            res.end(text);
          },
          (err: Error) => json(res, 500, { error: err.message }),
        );
      },
    },
  ];
}

/** Runs the matching route; false when none matches the path and method. */
export function serveRoute(routes: readonly Route[], req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0];
  const route = routes.find((r) => r.path === path && r.method === req.method);
  if (!route) return false;
  route.handler(req, res);
  return true;
}

/** An HTTP server of its own for the routes (the worker's HEALTH_PORT). */
export async function startHealthServer(
  port: number,
  routes: readonly Route[],
  host = '0.0.0.0',
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (!serveRoute(routes, req, res)) json(res, 404, { ok: false });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
