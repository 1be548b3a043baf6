import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { UsageError } from '../errors.js';

export interface DemoRedis {
  url: string;
  /** Where it came from, for the banner. */
  origin: 'REDIS_URL' | 'local' | 'started';
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startRedisServer(): Promise<DemoRedis | null> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'backup-jobs-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  let child: ChildProcess;
  try {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    url,
    origin: 'started',
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** REDIS_URL if it answers, else Redis on 127.0.0.1:6379, else a redis-server of our own on a free port. */
export async function ensureRedis(env: NodeJS.ProcessEnv): Promise<DemoRedis> {
  const none = async () => {};
  if (env.REDIS_URL && (await answers(env.REDIS_URL)))
    return { url: env.REDIS_URL, origin: 'REDIS_URL', stop: none };
  if (await answers('redis://127.0.0.1:6379'))
    return { url: 'redis://127.0.0.1:6379', origin: 'local', stop: none };
  const started = await startRedisServer();
  if (started) return started;
  throw new UsageError(
    'The demo needs Redis, and none answers on REDIS_URL or 127.0.0.1:6379, and redis-server is not on PATH.',
    'Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or run `docker compose up -d redis`, then run npm run demo again.',
  );
}
