import type { Redis } from 'ioredis';
import type { SummaryQuery } from '../query/types.js';
import { CursorExpiredError, CursorForbiddenError } from './errors.js';
import { newCursorId } from './pager.js';
import { type RedisGuard, UNGUARDED } from './redis-guard.js';
import type { Actor, CursorBinding } from './types.js';

interface SavedQuery {
  binding: CursorBinding;
  query: SummaryQuery;
  timeZone: string;
}

/**
 * Summary queries kept behind an opaque id for their "Chart" button, with the same binding rules
 * and lifetime as result cursors.
 */
export function createSavedQueries(
  redis: Redis,
  prefix: string,
  guard: RedisGuard = UNGUARDED,
  ttlSeconds = 86_400,
) {
  // `v2`: summaries saved with the product's own filter names; older ones read as expired.
  const key = (id: string) => `${prefix}:summary:v2:${id}`;
  return {
    async save(binding: CursorBinding, query: SummaryQuery, timeZone: string): Promise<string> {
      const id = newCursorId();
      const value = JSON.stringify({ binding, query, timeZone } satisfies SavedQuery);
      await guard.run(() => redis.set(key(id), value, 'EX', ttlSeconds));
      return id;
    },
    async load(id: string, actor: Actor): Promise<SavedQuery> {
      const raw = /^[A-Za-z0-9_-]{22}$/.test(id) ? await guard.run(() => redis.get(key(id))) : null;
      if (raw === null) throw new CursorExpiredError(undefined);
      const saved = JSON.parse(raw) as SavedQuery;
      const b = saved.binding;
      const sameUser = b.visibility === 'in_channel' || b.userId === actor.userId;
      if (b.teamId !== actor.teamId || b.channelId !== actor.channelId || !sameUser)
        throw new CursorForbiddenError();
      return saved;
    },
  };
}

export type SavedQueries = ReturnType<typeof createSavedQueries>;
