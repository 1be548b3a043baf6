import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../src/cli/demo-redis.js';

export interface Child {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitUntil(url: string, child: ChildProcess, name: string) {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start`);
}

/** `backup-jobs <args>` as its own process (through tsx), so its event loop is not the bench's. */
async function startChild(
  args: string[],
  env: Record<string, string>,
  probe: string,
  port: number,
): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(`${url}${probe}`, child, args[0] ?? 'child');
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

export async function startChildBot(env: Record<string, string>): Promise<Child> {
  const [port, healthPort] = [await freePort(), await freePort()];
  return startChild(
    ['bot'],
    { ...env, PORT: String(port), HEALTH_PORT: String(healthPort) },
    '/healthz',
    port,
  );
}

export async function startChildWorker(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  return startChild(['worker'], { ...env, HEALTH_PORT: String(port) }, '/healthz', port);
}

/** The AWS Backup emulator in its own process; its admin API gives stats and faults. */
export async function startChildEmulator(
  flags: string[],
): Promise<Child & { stats(): Promise<{ total: number }>; resetStats(): Promise<void> }> {
  const port = await freePort();
  const child = await startChild(
    ['emulator', '--port', String(port), ...flags],
    {},
    '/_emulator/stats',
    port,
  );
  return {
    ...child,
    stats: async () => (await fetch(`${child.url}/_emulator/stats`)).json() as Promise<{ total: number }>,
    resetStats: async () => {
      await fetch(`${child.url}/_emulator/stats/reset`, { method: 'POST' });
    },
  };
}
