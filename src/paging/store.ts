import type { Redis } from 'ioredis';
import { type RedisGuard, UNGUARDED } from './redis-guard.js';
import type { CursorRecord, StoredPage } from './types.js';

const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if tonumber(record.pageCount) ~= tonumber(ARGV[1]) or tonumber(record.position) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
if ARGV[5] ~= '' then redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[4]) end
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
   * Saves an updated record (and a newly fetched page) only if nobody changed the cursor since
   * `before` was read: a compare-and-set in one Lua script, safe on a shared connection and in
   * Redis Cluster (every key of a cursor shares the prefix's hash tag). Returns false when another
   * click got there first.
   */
  async update(before: CursorRecord, after: CursorRecord, newPage?: StoredPage): Promise<boolean> {
    return this.#run(async () => {
      const done = await this.#redis.eval(
        COMPARE_AND_SET,
        2,
        this.key(before.id),
        this.key(before.id, `:page:${after.pageCount}`),
        before.pageCount,
        before.position,
        JSON.stringify(after),
        this.#ttl,
        newPage ? JSON.stringify(newPage) : '',
      );
      return done === 1;
    });
  }

  /** Number of live cursors (for metrics); trims the expired ones from the index. */
  async count(): Promise<number> {
    return this.#run(async () => {
      await this.#redis.zremrangebyscore(this.indexKey, 0, Date.now());
      return this.#redis.zcard(this.indexKey);
    });
  }
}
