import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';

/** Resolves with the first stdout line matching `pattern`. */
function lineMatching(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`no line like ${pattern} in ${timeoutMs} ms:\n${buffered}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = pattern.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

/** Reads the playground's event stream until an event's data matches `pattern`. */
async function eventMatching(url: string, pattern: RegExp, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      text += decoder.decode(value, { stream: true });
      const found = text.split('\n\n').find((event) => pattern.test(event));
      if (found) return found;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe('backup-jobs demo', () => {
  let demo: ChildProcess | undefined;
  afterAll(() => {
    if (demo && demo.exitCode === null) demo.kill('SIGKILL');
  });

  it('starts everything, serves the playground, raises the scripted alert, and stops cleanly on Ctrl-C', async () => {
    demo = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'demo', '--port', '0', '--burst-after', '1'],
      {
        env: { ...process.env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [, base] = await lineMatching(demo, /Open (http:\/\/127\.0\.0\.1:\d+)\//, 30_000);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<!doctype html>/i);
    const alert = await eventMatching(`${base}/_playground/api/events?user=U0ALICE`, /prod-failures/, 40_000);
    expect(alert).toMatch(/C0ALERTS/);
    const exited = once(demo, 'exit');
    demo.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 90_000);

  it('runs over Socket Mode with --socket-mode: a command typed in the playground is answered', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'demo', '--port', '0', '--burst-after', '600', '--socket-mode'],
      { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    demo = child;
    const ready = lineMatching(child, /over Socket Mode \((\d+) connection\)/, 30_000);
    const [, base] = await lineMatching(child, /Open (http:\/\/127\.0\.0\.1:\d+)\//, 30_000);
    const [, connections] = await ready;
    expect(Number(connections)).toBe(1);
    const answered = eventMatching(
      `${base}/_playground/api/events?user=U0ALICE`,
      /Failed jobs created/,
      20_000,
    );
    const sent = await fetch(`${base}/_playground/api/command`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'C0OPS', user: 'U0ALICE', text: '/backup-jobs failed last 7 days' }),
    });
    expect(await sent.json()).toMatchObject({ ok: true, status: 200 });
    expect(await answered).toMatch(/C0OPS/);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 90_000);
});
