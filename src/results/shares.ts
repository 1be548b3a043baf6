import type { Redis } from 'ioredis';
import type { RedisGuard } from './redis-guard.js';

/** One page of a private answer posted in the channel with "Share in channel". */
export interface ShareRecord {
  /** The cursor of the copy the channel sees. */
  cursorId: string;
  sharedBy: string;
  /** ISO-8601 UTC. */
  at: string;
  /** Where the shared message is, once Slack said (not when it was posted through a response_url). */
  channelId?: string;
  ts?: string;
  permalink?: string;
}

/**
 * What was shared from which page, and each person's private copy of a public answer: keys beside
 * the cursors (`{prefix}:cursor:{id}:shared:{page}`, `…:copy:{user}`), with the cursors' lifetime.
 */
export class CursorLinks {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttl: number;
  readonly #guard: RedisGuard;

  constructor(redis: Redis, prefix: string, ttlSeconds: number, guard: RedisGuard) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#ttl = ttlSeconds;
    this.#guard = guard;
  }

  #shareKey(id: string, page: number): string {
    return `${this.#prefix}:cursor:${id}:shared:${page}`;
  }

  #copyKey(id: string, userId: string): string {
    return `${this.#prefix}:cursor:${id}:copy:${userId}`;
  }

  /** Claims the share of page `page`: null when it is this click's to post, else the first share. */
  async claimShare(id: string, page: number, share: ShareRecord): Promise<ShareRecord | null> {
    const key = this.#shareKey(id, page);
    return this.#guard.run(async () => {
      const set = await this.#redis.set(key, JSON.stringify(share), 'EX', this.#ttl, 'NX');
      if (set === 'OK') return null;
      const raw = await this.#redis.get(key);
      return raw === null ? null : (JSON.parse(raw) as ShareRecord);
    });
  }

  /** Adds where the shared message landed, for the link a second share points to. */
  async sharePosted(id: string, page: number, share: ShareRecord): Promise<void> {
    await this.#guard.run(() =>
      this.#redis.set(this.#shareKey(id, page), JSON.stringify(share), 'EX', this.#ttl, 'XX'),
    );
  }

  /** Gives the share back after the post failed, so that another click can share the page. */
  async releaseShare(id: string, page: number): Promise<void> {
    await this.#guard.run(() => this.#redis.del(this.#shareKey(id, page)));
  }

  async copyOf(id: string, userId: string): Promise<string | null> {
    return this.#guard.run(() => this.#redis.get(this.#copyKey(id, userId)));
  }

  async setCopy(id: string, userId: string, copyId: string): Promise<void> {
    await this.#guard.run(() => this.#redis.set(this.#copyKey(id, userId), copyId, 'EX', this.#ttl));
  }
}
