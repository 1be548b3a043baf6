import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { errorMessage } from '../blocks/index.js';
import { type RedisGuard, RedisUnavailableError } from '../results/index.js';

/** How many commands and clicks one person, and one channel, may send per window. */
export interface RateLimits {
  perUser: number;
  perChannel: number;
  windowSeconds: number;
}

/**
 * A person paging fast clicks Next a few times in ten seconds; a person or a script sending more
 * than one request every two seconds for a minute is not reading the answers. A busy incident
 * channel has several people: four times one person's share.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perUser: 30, perChannel: 120, windowSeconds: 60 };

export type RateVerdict =
  | { ok: true }
  | { ok: false; who: 'user' | 'channel'; limit: number; windowSeconds: number; retryInSeconds: number };

export interface RequestLimiter {
  /** Counts one request of the user in the channel and says whether it may run. */
  check(request: { teamId: string; channelId: string; userId: string }): Promise<RateVerdict>;
}

interface Pair {
  shared: RateLimiterRedis;
  /** This process's own count while Redis cannot be asked: a limit per process instead of none. */
  local: RateLimiterMemory;
  limit: number;
}

function pair(redis: Redis, keyPrefix: string, points: number, duration: number): Pair {
  return {
    shared: new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }),
    local: new RateLimiterMemory({ keyPrefix, points, duration }),
    limit: points,
  };
}

/** The limiter's answer, whether it allowed (resolved) or refused (rejected with a RateLimiterRes). */
async function consume(limiter: RateLimiterRedis | RateLimiterMemory, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return refusal;
    throw refusal;
  }
}

/**
 * Per-user and per-channel limits on commands and clicks, counted in Redis across every bot
 * process (fixed windows, rate-limiter-flexible's atomic Lua), and in this process alone while
 * Redis is away. The count is taken when the work runs, not in the acknowledgement: an ack never
 * waits for it.
 */
export function createRequestLimiter(
  redis: Redis,
  prefix: string,
  guard: RedisGuard,
  limits: RateLimits = DEFAULT_RATE_LIMITS,
): RequestLimiter {
  const users = pair(redis, `${prefix}:rate:user`, limits.perUser, limits.windowSeconds);
  const channels = pair(redis, `${prefix}:rate:channel`, limits.perChannel, limits.windowSeconds);

  async function count(p: Pair, key: string): Promise<RateLimiterRes> {
    try {
      return await guard.run(() => consume(p.shared, key));
    } catch (err) {
      if (err instanceof RedisUnavailableError) return consume(p.local, key);
      throw err;
    }
  }

  return {
    async check({ teamId, channelId, userId }) {
      const [user, channel] = await Promise.all([
        count(users, `${teamId}:${userId}`),
        count(channels, `${teamId}:${channelId}`),
      ]);
      for (const [who, res, p] of [
        ['user', user, users],
        ['channel', channel, channels],
      ] as const) {
        if (res.consumedPoints > p.limit) {
          return {
            ok: false,
            who,
            limit: p.limit,
            windowSeconds: limits.windowSeconds,
            retryInSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
          };
        }
      }
      return { ok: true };
    },
  };
}

/** The answer to a request over a limit: what happened, and when to try again. */
export function rateLimitedMessage(verdict: Extract<RateVerdict, { ok: false }>) {
  const per = verdict.windowSeconds === 60 ? 'a minute' : `${verdict.windowSeconds} seconds`;
  const message =
    verdict.who === 'user'
      ? `Slow down: you sent more than ${verdict.limit} requests in ${per}.`
      : `Slow down: this channel sent more than ${verdict.limit} requests in ${per}.`;
  return errorMessage(
    {
      message,
      remedy: `Try again in ${verdict.retryInSeconds} s. Nothing was run for this request.`,
    },
    { replaceOriginal: false },
  );
}
