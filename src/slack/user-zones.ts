import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type RedisGuard, UNGUARDED } from '../results/index.js';
import { isTimeZone } from '../time/zone.js';

/** Per-user IANA time zones from users.info, cached in Redis for a day (and in memory briefly). */
export interface UserZones {
  zoneOf(client: WebClient, teamId: string, userId: string, log: Logger): Promise<string>;
}

export function createUserZones(
  redis: Redis,
  prefix: string,
  fallback: string,
  guard: RedisGuard = UNGUARDED,
  ttlSeconds = 86_400,
): UserZones {
  const memory = new Map<string, { zone: string; until: number }>();
  return {
    async zoneOf(client, teamId, userId, log) {
      const key = `${prefix}:tz:${teamId}:${userId}`;
      const cached = memory.get(key);
      if (cached && cached.until > Date.now()) return cached.zone;
      let zone: string | undefined;
      try {
        zone = (await guard.run(() => redis.get(key))) ?? undefined;
      } catch (err) {
        log.debug({ err }, 'time zone cache unavailable');
      }
      if (!zone) {
        try {
          const info = await client.users.info({ user: userId });
          const tz = info.user?.tz;
          zone = tz && isTimeZone(tz) ? tz : fallback;
          const found = zone;
          await guard.run(() => redis.set(key, found, 'EX', ttlSeconds)).catch(() => undefined);
        } catch (err) {
          log.warn({ err, userId }, 'users.info failed; using the default time zone');
          return fallback;
        }
      }
      memory.set(key, { zone, until: Date.now() + 60_000 });
      if (memory.size > 10_000) memory.clear();
      return zone;
    },
  };
}
