import { RedisUnavailableError } from './errors.js';

/**
 * A circuit breaker for Redis on the Slack path. After a failure (refused, timed out) every call
 * fails at once for `coolOffMs`, then one call tries again. A frozen Redis thus costs one command
 * timeout per cool-off instead of one per request, and answers keep coming within Slack's 3 s.
 */
export interface RedisGuard {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createRedisGuard(options: { coolOffMs?: number; now?: () => number } = {}): RedisGuard {
  const coolOffMs = options.coolOffMs ?? 1000;
  const now = options.now ?? Date.now;
  let openUntil = 0;
  return {
    async run(work) {
      if (now() < openUntil) throw new RedisUnavailableError(new Error('Redis failed moments ago'));
      try {
        return await work();
      } catch (err) {
        openUntil = now() + coolOffMs;
        throw new RedisUnavailableError(err);
      }
    },
  };
}

/** No breaker: every call goes to Redis (tests and tools). */
export const UNGUARDED: RedisGuard = {
  async run(work) {
    try {
      return await work();
    } catch (err) {
      throw new RedisUnavailableError(err);
    }
  },
};
