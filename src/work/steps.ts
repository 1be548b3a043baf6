import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** How long a made effect is remembered: longer than any response_url lives, or a retry waits. */
const STEP_TTL_SECONDS = 2 * 60 * 60;

export interface Steps {
  /**
   * Runs `effect` (an answer posted, a file shared) at most once for this piece of work and this
   * step name, across processes, retries and take-overs: a second run of the same work skips the
   * effects the first one made. An effect that fails gives its claim back, so a retry can make it.
   * When Redis cannot be asked, the effect runs: an answer twice is better than none.
   */
  once<T>(step: string, effect: () => Promise<T>): Promise<{ done: true; value: T } | { done: false }>;
}

export function createSteps(
  redis: Redis,
  key: string,
  log: Logger,
  guard: { run<R>(work: () => Promise<R>): Promise<R> },
): Steps {
  return {
    async once(step, effect) {
      const claim = `${key}:step:${step}`;
      let claimed: boolean | undefined;
      try {
        claimed = (await guard.run(() => redis.set(claim, '1', 'EX', STEP_TTL_SECONDS, 'NX'))) === 'OK';
      } catch (err) {
        log.debug({ err: { message: (err as Error).message }, step }, 'step claim not checked');
      }
      if (claimed === false) return { done: false };
      try {
        return { done: true, value: await effect() };
      } catch (err) {
        if (claimed) await redis.del(claim).catch(() => undefined);
        throw err;
      }
    },
  };
}
