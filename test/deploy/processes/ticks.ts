import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ALERT_QUEUE } from '../../../src/alerts/scheduler.js';
import { REDIS_URL } from '../../helpers/redis.js';

/** A finished alert job, as BullMQ's event stream reports it; rule ticks return their transition. */
export interface Tick {
  jobId: string;
  transition?: string;
  total?: number;
}

export interface TickWatch {
  ticks(): Tick[];
  /** Resolves once `ready(ticks)` holds for the ticks seen so far; rejects after `timeoutMs`. */
  until(ready: (ticks: Tick[]) => boolean, timeoutMs?: number): Promise<Tick[]>;
  close(): Promise<void>;
}

/**
 * Follows the completed jobs of the alert queue under `prefix`, whichever worker process ran them:
 * a test waits for ticks as events instead of sleeping through intervals.
 */
export async function watchTicks(prefix: string): Promise<TickWatch> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const events = new QueueEvents(ALERT_QUEUE, { connection, prefix });
  await events.waitUntilReady();
  const seen: Tick[] = [];
  const checks = new Set<() => void>();
  events.on('completed', ({ jobId, returnvalue }) => {
    const value = (returnvalue ?? {}) as { transition?: string; total?: number };
    seen.push({ jobId, ...value });
    for (const check of checks) check();
  });
  return {
    ticks: () => [...seen],
    until(ready, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ready(seen)) return;
          checks.delete(check);
          clearTimeout(timer);
          resolve([...seen]);
        };
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`ticks did not come within ${timeoutMs} ms: ${JSON.stringify(seen)}`));
        }, timeoutMs);
        checks.add(check);
        check();
      });
    },
    async close() {
      await events.close();
      await connection.quit();
    },
  };
}
