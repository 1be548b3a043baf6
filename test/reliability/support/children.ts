import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../../src/cli/demo-redis.js';

/** A `backup-jobs bot|worker` process whose stdout and stderr go to a file of the suite's log dir. */
export interface ProductChild {
  name: string;
  /** `http://127.0.0.1:PORT`: the bot's HTTP port, or the worker's health port. */
  url: string;
  /** Where /readyz and /metrics are: the bot's HEALTH_PORT, or the worker's `url`. */
  healthUrl: string;
  child: ChildProcess;
  logFile: string;
  /** True while the process runs. */
  alive(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then wait for the exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

async function waitForHealth(url: string, child: ChildProcess, name: string, logFile: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer /healthz within 30 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `backup-jobs <role>` through tsx with `env`, and waits until its /healthz answers. */
export async function startProduct(
  role: 'bot' | 'worker',
  env: Record<string, string>,
  logDir: string,
  name: string,
): Promise<ProductChild> {
  const port = await freePort();
  const portKey = role === 'bot' ? 'PORT' : 'HEALTH_PORT';
  // The bot's /readyz and /metrics are on a HEALTH_PORT of its own, free like its PORT.
  const healthPort = role === 'bot' ? await freePort() : port;
  const extra = role === 'bot' ? { HEALTH_PORT: String(healthPort) } : {};
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', role], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      ...extra,
      [portKey]: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = once(child, 'close').then(() => new Promise<void>((resolve) => log.end(resolve)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, name, logFile);
  return {
    name,
    url,
    healthUrl: `http://127.0.0.1:${healthPort}`,
    child,
    logFile,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      } else await exited;
      return child.exitCode;
    },
  };
}
