import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../../src/cli/demo-redis.js';

/** A redis-server of a case's own, on a free port of 127.0.0.1, that the case may stop and start. */
export interface OwnRedis {
  url: string;
  port: number;
  /** `SHUTDOWN SAVE`: clients see the server gone; the data waits in the temp dir's dump.rdb. */
  shutdown(): Promise<void>;
  /** Starts it again on the same port; it loads the dump written by `shutdown()`. */
  start(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing, like a network partition. */
  freeze(): void;
  /** SIGCONT after `freeze()`. */
  thaw(): void;
  /** Stops it for good and removes the temp dir. */
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface OwnRedisOptions {
  /** More `redis-server` arguments, e.g. `['--maxmemory', '64mb']`. @defaultValue none */
  args?: readonly string[];
}

/** Never the machine's shared Redis: no RDB save points, no AOF, a temp dir, 127.0.0.1 only. */
export async function startOwnRedis(options: OwnRedisOptions = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'bj-reliability-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ...(options.args ?? []),
  ];
  async function start() {
    const started = spawn('redis-server', [...args, '--dir', dir], { stdio: 'ignore' });
    child = started;
    const deadline = Date.now() + 10_000;
    while (!(await answers(url))) {
      if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
      if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async function stop(save: boolean) {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    if (save) {
      const admin = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      admin.on('error', () => undefined);
      await admin.call('SHUTDOWN', 'SAVE').catch(() => undefined);
      admin.disconnect();
    } else {
      running.kill('SIGCONT');
      running.kill('SIGKILL');
    }
    await exited;
  }
  await start();
  return {
    url,
    port,
    shutdown: () => stop(true),
    start,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    async close() {
      await stop(false);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
