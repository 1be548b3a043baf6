import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type RedisGuard, UNGUARDED } from '../results/index.js';
import { isTimeZone } from '../time/zone.js';

/** What the bot knows of how a person reads time: their zone, and the language set in Slack. */
export interface Reader {
  /** IANA zone from users.info, or the bot's default. */
  timeZone: string;
  /** IETF tag like `en-US` (users.info with include_locale); absent when Slack did not say. */
  locale?: string;
}

/** Per-user zones and locales from users.info, cached in Redis for a day (and in memory briefly). */
export interface UserZones {
  readerOf(client: WebClient, teamId: string, userId: string, log: Logger): Promise<Reader>;
  zoneOf(client: WebClient, teamId: string, userId: string, log: Logger): Promise<string>;
}

/** A cached reader: JSON, or a bare zone as it was cached before locales were. */
function cachedReader(value: string | null | undefined): Reader | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return isTimeZone(value) ? { timeZone: value } : undefined;
  try {
    const { timeZone, locale } = JSON.parse(value) as Partial<Reader>;
    if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) return undefined;
    return typeof locale === 'string' ? { timeZone, locale } : { timeZone };
  } catch {
    return undefined;
  }
}

export function createUserZones(
  redis: Redis,
  prefix: string,
  fallback: string,
  guard: RedisGuard = UNGUARDED,
  ttlSeconds = 86_400,
): UserZones {
  const memory = new Map<string, { reader: Reader; until: number }>();
  async function readerOf(client: WebClient, teamId: string, userId: string, log: Logger): Promise<Reader> {
    const key = `${prefix}:tz:${teamId}:${userId}`;
    const cached = memory.get(key);
    if (cached && cached.until > Date.now()) return cached.reader;
    let reader: Reader | undefined;
    try {
      reader = cachedReader(await guard.run(() => redis.get(key)));
    } catch (err) {
      log.debug({ err }, 'time zone cache unavailable');
    }
    if (!reader) {
      try {
        const info = await client.users.info({ user: userId, include_locale: true });
        const tz = info.user?.tz;
        const locale = info.user?.locale;
        reader = {
          timeZone: tz && isTimeZone(tz) ? tz : fallback,
          ...(typeof locale === 'string' && locale ? { locale } : {}),
        };
        const found = JSON.stringify(reader);
        await guard.run(() => redis.set(key, found, 'EX', ttlSeconds)).catch(() => undefined);
      } catch (err) {
        log.warn({ err, userId }, 'users.info failed; using the default time zone');
        return { timeZone: fallback };
      }
    }
    memory.set(key, { reader, until: Date.now() + 60_000 });
    if (memory.size > 10_000) memory.clear();
    return reader;
  }
  return {
    readerOf,
    async zoneOf(client, teamId, userId, log) {
      return (await readerOf(client, teamId, userId, log)).timeZone;
    },
  };
}
