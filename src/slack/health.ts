import type { ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Route } from './receiver.js';

export interface HealthChecks {
  redis: Redis;
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

async function readiness(checks: HealthChecks): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const results: Record<string, string> = {};
  const withTimeout = <T>(p: Promise<T>) =>
    Promise.race([
      p,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 1500)),
    ]);
  try {
    await withTimeout(checks.redis.ping());
    results.redis = 'ok';
  } catch (err) {
    results.redis = (err as Error).message;
  }
  for (const [name, check] of Object.entries(checks.extra ?? {})) {
    try {
      results[name] = (await withTimeout(check())) ?? 'ok';
    } catch (err) {
      results[name] = (err as Error).message;
    }
  }
  if (!checks.accepting()) results.shutdown = 'shutting down';
  return { ok: Object.values(results).every((v) => v === 'ok'), checks: results };
}

/** /healthz (the process answers), /readyz (Redis answers, AWS credentials resolve), /metrics. */
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
