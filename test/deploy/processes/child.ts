import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTED = { bot: 'bot started', worker: 'worker started' } as const;

export type Role = keyof typeof STARTED;

/** One pino line of a child's stdout (or a line that was not JSON, as `msg`). */
export interface LogEntry {
  msg: string;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** `backup-jobs bot|worker` running as its own process, as a Deployment's pod runs it. */
export interface RoleProcess {
  role: Role;
  child: ChildProcess;
  /** The bot's PORT, or the worker's HEALTH_PORT, as the process reported it. */
  url: string;
  /** HEALTH_PORT, as the process reported it: /healthz, /readyz, /metrics. */
  healthUrl: string;
  /** Settles once the process has ended and its output has been read. */
  exited: Promise<Exit>;
  logs(): LogEntry[];
  /** The first log line, past or coming, that matches; rejects on timeout or when the process ends. */
  waitForLog(predicate: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** SIGTERM, then SIGKILL if it has not ended after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<Exit>;
}

function parseLine(line: string): LogEntry {
  try {
    const entry = JSON.parse(line) as unknown;
    if (entry && typeof entry === 'object' && typeof (entry as LogEntry).msg === 'string') {
      return entry as LogEntry;
    }
  } catch {
    // not a log line of ours: kept as text
  }
  return { msg: line };
}

/**
 * Asks /readyz until it answers 200, as a readiness probe does: a process logs that it started
 * before its Redis connection is up, and it is not ready until then.
 */
async function untilReady(url: string, exited: Promise<Exit>, timeoutMs = 15_000): Promise<void> {
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (!ended && Date.now() < deadline) {
    const res = await fetch(`${url}/readyz`).catch((err: Error) => err);
    if (!(res instanceof Error) && res.status === 200) return;
    last = res instanceof Error ? res.message : `${res.status} ${await res.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not become ready: ${last}`);
}

/**
 * Spawns `node --import tsx src/main.ts <role>` with `env` on top of this process's environment,
 * on a free port (port 0), and resolves once it logged that it started and /readyz answers 200.
 */
export async function startRole(role: Role, env: Record<string, string>): Promise<RoleProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', role], {
    cwd: ROOT,
    env: { ...process.env, SLACK_APP_TOKEN: '', LOG_LEVEL: 'info', ...env, PORT: '0', HEALTH_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'close').then(([code, signal]) => ({ code, signal }) as Exit);
  const entries: LogEntry[] = [];
  const listeners = new Set<(entry: LogEntry) => void>();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  // Read every line, always: a child whose stdout pipe fills up blocks on its next log line.
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const entry = parseLine(line);
    entries.push(entry);
    for (const listener of listeners) listener(entry);
  });

  function waitForLog(predicate: (entry: LogEntry) => boolean, timeoutMs = 15_000): Promise<LogEntry> {
    const found = entries.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = (entry: LogEntry) => {
        if (!predicate(entry)) return;
        done();
        resolve(entry);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${role}: no matching log line within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      listeners.add(listener);
      void exited.then((exit) => {
        if (!listeners.has(listener)) return;
        done();
        reject(new Error(`${role} ended (${JSON.stringify(exit)}) before the log line\n${stderr}`));
      });
    });
  }

  const started = await waitForLog((e) => e.msg === STARTED[role], 20_000);
  const healthUrl = `http://127.0.0.1:${Number(started.healthPort)}`;
  const url = role === 'bot' ? `http://127.0.0.1:${Number(started.port)}` : healthUrl;
  await untilReady(healthUrl, exited);
  return {
    role,
    child,
    url,
    healthUrl,
    exited,
    logs: () => [...entries],
    waitForLog,
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
