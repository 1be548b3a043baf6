import { PassThrough } from 'node:stream';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, healthRoutes, startHealthServer } from '../src/health.js';
import { createLogger } from '../src/logger.js';

/** A pino logger whose lines are kept, parsed. */
function recordingLogger() {
  const stream = new PassThrough();
  const lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { log: createLogger({ level: 'debug', destination: stream }), lines };
}

const SECRET_REASON =
  'connect ECONNREFUSED 10.1.2.3:6379 (token at /var/run/secrets/eks.amazonaws.com/token)';

describe('the health server', () => {
  let health: HealthServer | undefined;
  afterEach(async () => {
    await health?.close();
    health = undefined;
  });

  it('names failing checks without their reasons, which go to the log once per change', async () => {
    let redisDown = true;
    let accepting = true;
    const { log, lines } = recordingLogger();
    health = await startHealthServer(
      0,
      healthRoutes({
        redis: {
          ping: async () => {
            if (redisDown) throw new Error(SECRET_REASON);
            return 'PONG';
          },
        },
        registry: new Registry(),
        extra: { aws: async () => 'Could not load credentials from any providers', work: async () => null },
        accepting: () => accepting,
        log,
      }),
      '127.0.0.1',
    );
    const readyz = async () => {
      const res = await fetch(`http://127.0.0.1:${health!.port}/readyz`);
      return { status: res.status, text: await res.text() };
    };
    for (let i = 0; i < 3; i++) {
      const { status, text } = await readyz();
      expect(status).toBe(503);
      expect(JSON.parse(text)).toEqual({ ok: false, checks: { redis: 'failed', aws: 'failed', work: 'ok' } });
      expect(text).not.toMatch(/ECONNREFUSED|secrets|credentials/);
    }
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings.map((w) => [w.msg, w.check, w.reason]).sort()).toEqual([
      ['readiness check failed', 'aws', 'Could not load credentials from any providers'],
      ['readiness check failed', 'redis', SECRET_REASON],
    ]);

    redisDown = false;
    accepting = false;
    const { status, text } = await readyz();
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual({
      ok: false,
      checks: { redis: 'ok', aws: 'failed', work: 'ok', shutdown: 'shutting down' },
    });
    expect(lines.filter((l) => l.level === 40)).toHaveLength(2);
    expect(lines.filter((l) => l.level === 30).map((l) => [l.msg, l.check])).toEqual([
      ['readiness check passes again', 'redis'],
    ]);
  });

  it('answers 404 for anything but its three routes', async () => {
    health = await startHealthServer(
      0,
      healthRoutes({ redis: { ping: async () => 'PONG' }, registry: new Registry(), accepting: () => true }),
      '127.0.0.1',
    );
    const base = `http://127.0.0.1:${health.port}`;
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${base}/readyz/../admin`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });
});
