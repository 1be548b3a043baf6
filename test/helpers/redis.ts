import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection and a key prefix of its own; `cleanup()` deletes every key under the prefix. */
export function testRedis(options: { failFast?: boolean } = {}) {
  const prefix = `{t-${randomBytes(6).toString('hex')}}`;
  const redis = new Redis(
    REDIS_URL,
    options.failFast ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false } : {},
  );
  return {
    redis,
    prefix,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
