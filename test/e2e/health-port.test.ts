import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_BLOCK_ID } from '../../src/blocks/notes.js';
import { freePort } from '../../src/cli/demo-redis.js';
import { type Stack, startStack, TRANSPORTS, textOf } from '../helpers/stack.js';

const ALICE = 'U0ALICE';

/** The status of GET `url`, or `refused` when nothing listens there. */
function statusOf(url: string): Promise<number | 'refused'> {
  return fetch(url).then(
    (res) => res.status,
    () => 'refused' as const,
  );
}

describe.each(TRANSPORTS)('the bot over %s: health off the port Slack reaches', (transport) => {
  let stack: Stack;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    stack = await startStack({ transport, aws: { jobs: 100 }, env: { PORT: String(port) } });
  });
  afterAll(() => stack.close());

  it('serves /healthz, /readyz and /metrics on HEALTH_PORT', async () => {
    expect(new URL(stack.healthUrl).port).not.toBe(String(port));
    const ready = await fetch(`${stack.healthUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { redis: 'ok', aws: 'ok', work: 'ok' } });
    const metrics = await fetch(`${stack.healthUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^backup_jobs_work_active\{role="bot"\} 0$/m);
    expect(await (await fetch(`${stack.healthUrl}/healthz`)).json()).toEqual({ ok: true });
  });

  it('keeps readiness and metrics off PORT: a bare /healthz over HTTP, nothing at all in Socket Mode', async () => {
    const onPort = (path: string) => statusOf(`http://127.0.0.1:${port}${path}`);
    if (transport === 'http') {
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
      expect(await onPort('/readyz')).toBe(404);
      expect(await onPort('/metrics')).toBe(404);
    } else {
      for (const path of ['/healthz', '/readyz', '/metrics']) expect(await onPort(path)).toBe('refused');
    }
  });

  it('says in a footer of every reply that AWS and Slack are stand-ins, and where they are', async () => {
    await stack.slack.sendCommand({ channel: 'C0OPS', user: ALICE, text: 'failed last 3 days' });
    const reply = await stack.slack.waitForMessage(
      (m) => m.ephemeralFor === ALICE && m.via === 'response_url',
      10_000,
    );
    expect(textOf(reply)).toMatch(/Failed jobs|No backup jobs/);
    const footer = reply.blocks.at(-1) as { type: string; block_id: string; elements: { text: string }[] };
    expect(footer).toMatchObject({ type: 'context', block_id: STAND_IN_BLOCK_ID });
    expect(footer.elements.map((e) => e.text)).toEqual([
      `:warning: AWS data from \`${stack.aws.url}\`, not AWS · Slack API at \`${stack.slack.apiUrl}\`, not Slack`,
    ]);
  });
});

describe.each(TRANSPORTS)('the bot over %s with Redis unreachable', (transport) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ transport, aws: { jobs: 20 }, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => stack.close());

  it('answers /readyz 503 naming the failed check, and nothing of why', async () => {
    const ready = await fetch(`${stack.healthUrl}/readyz`);
    expect(ready.status).toBe(503);
    const text = await ready.text();
    const body = JSON.parse(text) as { ok: boolean; checks: Record<string, string> };
    expect(body.ok).toBe(false);
    expect(body.checks.redis).toBe('failed');
    expect(Object.keys(body.checks).sort()).toEqual(['aws', 'redis', 'work']);
    for (const state of Object.values(body.checks)) expect(['ok', 'failed']).toContain(state);
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|connect|stream|writeable|timed out/i);
  });
});
