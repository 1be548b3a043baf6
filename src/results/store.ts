import type { Redis } from 'ioredis';
import { type RedisGuard, UNGUARDED } from './redis-guard.js';
import type { CursorRecord, StoredPage } from './types.js';

const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if tonumber(record.pageCount) ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[3])
return 1
`;

/** Cursor keys: `{prefix}:cursor:{id}` (record), `…:page:{n}` (pages), `…:text` (query text, kept longer). */
export class CursorStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttl: number;
  readonly #guard: RedisGuard;

  constructor(redis: Redis, prefix: string, ttlSeconds: number, guard: RedisGuard = UNGUARDED) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#ttl = ttlSeconds;
    this.#guard = guard;
  }

  key(id: string, suffix = ''): string {
    return `${this.#prefix}:cursor:${id}${suffix}`;
  }

  get indexKey(): string {
    return `${this.#prefix}:cursors`;
  }

  #run<T>(work: () => Promise<T>): Promise<T> {
    return this.#guard.run(work);
  }

  /** Reads the record and refreshes the TTL of everything that belongs to the cursor. */
  async read(id: string): Promise<CursorRecord | null> {
    return this.#run(async () => {
      const raw = await this.#redis.get(this.key(id));
      if (raw === null) return null;
      const record = JSON.parse(raw) as CursorRecord;
      const multi = this.#redis.multi().expire(this.key(id), this.#ttl);
      for (let n = 1; n <= record.pageCount; n++) multi.expire(this.key(id, `:page:${n}`), this.#ttl);
      multi.zadd(this.indexKey, Date.now() + this.#ttl * 1000, id);
      await multi.exec();
      return record;
    });
  }

  async queryText(id: string): Promise<string | undefined> {
    return this.#run(async () => (await this.#redis.get(this.key(id, ':text'))) ?? undefined);
  }

  async page(id: string, n: number): Promise<StoredPage | null> {
    return this.#run(async () => {
      const raw = await this.#redis.get(this.key(id, `:page:${n}`));
      return raw === null ? null : (JSON.parse(raw) as StoredPage);
    });
  }

  /** Writes a new cursor with its first pages. */
  async create(record: CursorRecord, pages: StoredPage[]): Promise<void> {
    await this.#run(async () => {
      const multi = this.#redis.multi().set(this.key(record.id), JSON.stringify(record), 'EX', this.#ttl);
      for (const [i, page] of pages.entries()) {
        multi.set(this.key(record.id, `:page:${i + 1}`), JSON.stringify(page), 'EX', this.#ttl);
      }
      multi.set(this.key(record.id, ':text'), record.query.text, 'EX', this.#ttl * 7);
      multi.zadd(this.indexKey, Date.now() + this.#ttl * 1000, record.id);
      await multi.exec();
    });
  }

  /**
   * Appends a newly fetched page only if no other click appended one since `before` was read: a
   * compare-and-set on the page count in one Lua script, safe on a shared connection and in Redis
   * Cluster (every key of a cursor shares the prefix's hash tag). False when another click got
   * there first.
   */
  async append(before: CursorRecord, after: CursorRecord, page: StoredPage): Promise<boolean> {
    return this.#run(async () => {
      const done = await this.#redis.eval(
        COMPARE_AND_SET,
        2,
        this.key(before.id),
        this.key(before.id, `:page:${after.pageCount}`),
        before.pageCount,
        JSON.stringify(after),
        this.#ttl,
        JSON.stringify(page),
      );
      return done === 1;
    });
  }

  /**
   * Takes the right to fetch page `n` for a few seconds, so that racing clicks on the same Next
   * make one AWS call between them; the others wait for the page to be stored.
   */
  async claimFetch(id: string, n: number, ms: number): Promise<boolean> {
    return this.#run(
      async () => (await this.#redis.set(this.key(id, `:fetching:${n}`), '1', 'PX', ms, 'NX')) === 'OK',
    );
  }

  /** Gives the right to fetch page `n` back, after a fetch that failed. */
  async releaseFetch(id: string, n: number): Promise<void> {
    await this.#run(() => this.#redis.del(this.key(id, `:fetching:${n}`)));
  }

  /** Number of live cursors (for metrics); trims the expired ones from the index. */
  async count(): Promise<number> {
    return this.#run(async () => {
      await this.#redis.zremrangebyscore(this.indexKey, 0, Date.now());
      return this.#redis.zcard(this.indexKey);
    });
  }
}
