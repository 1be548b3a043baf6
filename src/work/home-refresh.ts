import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkItem } from './queue.js';

/** The work queue of App Home refreshes: any bot process publishes them. */
export const HOME_QUEUE = 'home';

/** Refreshes asked for within this long are one: at most one round of views.publish per window. */
export const HOME_REFRESH_WINDOW_MS = 5_000;

/** People whose Home is kept fresh: those who opened it within this long. */
export const HOME_VIEWER_TTL_MS = 24 * 3_600_000;

/** At most this many Homes per round: views.publish is a Tier 4 method (about 100 a minute). */
export const HOME_MAX_VIEWERS = 100;

export type HomeRefresh = WorkItem & { kind: 'home-refresh' };

function viewersKey(prefix: string): string {
  return `${prefix}:home:viewers`;
}

/** Notes that someone looked at their Home now, so that later changes refresh it. */
export async function noteHomeViewer(redis: Redis, prefix: string, userId: string, at: number) {
  const key = viewersKey(prefix);
  await redis
    .multi()
    .zadd(key, at, userId)
    .zremrangebyscore(key, 0, at - HOME_VIEWER_TTL_MS)
    .zremrangebyrank(key, 0, -(HOME_MAX_VIEWERS + 1))
    .exec();
}

/** Who looked lately, most recent first. */
export async function homeViewers(redis: Redis, prefix: string, at: number): Promise<string[]> {
  return redis.zrevrangebyscore(
    viewersKey(prefix),
    '+inf',
    at - HOME_VIEWER_TTL_MS,
    'LIMIT',
    0,
    HOME_MAX_VIEWERS,
  );
}

/**
 * The refresh due for changes at `at`: every change within one window shares its id, so BullMQ
 * keeps one job for them (a job id that exists is not added again).
 */
export function homeRefreshOf(at: number): HomeRefresh {
  const window = Math.floor(at / HOME_REFRESH_WINDOW_MS);
  return { kind: 'home-refresh', id: `home-${window}`, receivedAt: at };
}

/**
 * Asks the bot processes to refresh the Homes of those who look, from a process without a
 * work queue of its own (the alert worker, after a transition). Delayed to the end of its window,
 * so a burst of transitions is published once.
 */
export interface HomeRefresher {
  request(at: number): Promise<void>;
  close(): Promise<void>;
}

export function createHomeRefresher(connection: Redis, prefix: string): HomeRefresher {
  const queue = new Queue(HOME_QUEUE, { connection, prefix });
  return {
    async request(at: number) {
      const item = homeRefreshOf(at);
      const delay = HOME_REFRESH_WINDOW_MS - (at % HOME_REFRESH_WINDOW_MS);
      await queue.add(HOME_QUEUE, item, {
        jobId: item.id,
        delay,
        removeOnComplete: 100,
        removeOnFail: 100,
      });
    },
    close: () => queue.close(),
  };
}
