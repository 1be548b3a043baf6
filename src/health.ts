import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.js';

/** One HTTP route of a server of ours: the health server, or the bot's bare /healthz beside Slack's endpoint. */
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
  /** Where the reason of a failing check goes (a warning each time it changes); /readyz names the check only. */
  log?: Logger;
}

/** What /readyz says of a check: nothing of why, which may name files, hosts or accounts. */
export type CheckState = 'ok' | 'failed' | 'shutting down';

export interface Readiness {
  ok: boolean;
  checks: Record<string, CheckState>;
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

/** Runs every check; a reason is logged when it differs from the last one seen for that check. */
function readinessOf(checks: HealthChecks): () => Promise<Readiness> {
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
  const lastReason = new Map<string, string | null>();
  function note(name: string, reason: string | null) {
    const before = lastReason.get(name) ?? null;
    lastReason.set(name, reason);
    if (reason === before) return;
    if (reason !== null) checks.log?.warn({ check: name, reason }, 'readiness check failed');
    else checks.log?.info({ check: name }, 'readiness check passes again');
  }
  return async () => {
    const results: Record<string, CheckState> = {};
    await Promise.all(
      named.map(async ([name, check]) => {
        let reason: string | null;
        try {
          reason = await withTimeout(check());
        } catch (err) {
          reason = err instanceof Error ? err.message : String(err);
        }
        note(name, reason);
        results[name] = reason === null ? 'ok' : 'failed';
      }),
    );
    if (!checks.accepting()) results.shutdown = 'shutting down';
    return { ok: Object.values(results).every((v) => v === 'ok'), checks: results };
  };
}

/** GET /healthz: the process answers. The bot serves it on PORT too, for load balancers. */
export function livenessRoute(): Route {
  return { path: '/healthz', method: 'GET', handler: (_req, res) => json(res, 200, { ok: true }) };
}

/** /healthz (the process answers), /readyz (Redis answers, plus the extra checks), /metrics. */
export function healthRoutes(checks: HealthChecks): Route[] {
  const readiness = readinessOf(checks);
  return [
    livenessRoute(),
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void readiness().then((r) => json(res, r.ok ? 200 : 503, r));
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
          (err: unknown) => {
            checks.log?.warn({ err }, 'metrics could not be collected');
            json(res, 500, { ok: false });
          },
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

export interface HealthServer {
  server: Server;
  port: number;
  /** Stops listening and closes idle connections (probes keep theirs alive). */
  close(): Promise<void>;
}

/**
 * An HTTP server of its own for the routes, on HEALTH_PORT: apart from the port Slack reaches, so
 * probes and Prometheus need no opening to the outside. Listens on every interface unless `host`.
 */
export async function startHealthServer(
  port: number,
  routes: readonly Route[],
  host?: string,
): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!serveRoute(routes, req, res)) json(res, 404, { ok: false });
  });
  // Probes send no body: a client that dribbles its request is cut off.
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (host === undefined) server.listen(port, () => resolve());
    else server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
