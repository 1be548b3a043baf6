import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { Redis } from 'ioredis';
import { type RedisGuard, UNGUARDED } from './redis-guard.js';
import type { CursorBinding, CursorRecord, StoredPage } from './types.js';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * Records and pages are kept as deflated JSON: a job's ARNs, account and names repeat within a
 * page, so a page of jobs shrinks about fourfold and a record with buffered jobs about sevenfold,
 * for a millisecond or two of zlib off the event loop.
 */
async function pack(value: unknown): Promise<Buffer> {
  return deflate(Buffer.from(JSON.stringify(value)));
}

async function unpack<T>(raw: Buffer): Promise<T> {
  return JSON.parse((await inflate(raw)).toString('utf8')) as T;
}

/** Compare-and-set on the page count (`n`, beside the packed record `r` in the record's hash). */
const COMPARE_AND_SET = `
if redis.call('HGET', KEYS[1], 'n') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'n', ARGV[2], 'r', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[4])
return 1
`;

/** The record's shape: a cursor of another version (made before an upgrade) reads as expired. */
export const CURSOR_VERSION: CursorRecord['v'] = 4;

/** A cursor kept by a version before records were hashes reads as expired, not as Redis failing. */
function olderFormat(err: unknown): null {
  if (err instanceof Error && err.message.startsWith('WRONGTYPE')) return null;
  throw err;
}

export interface CursorStoreOptions {
  ttlSeconds: number;
  /** Live cursors one user may hold; creating one more forgets that user's oldest. */
  maxPerUser: number;
  guard?: RedisGuard | undefined;
}

/**
 * Cursor keys: `{prefix}:cursor:{id}` (a hash: page count and packed record), `…:page:{n}` (packed
 * pages), `…:text` (the query text, kept longer to name an expired result). Two sorted sets index
 * them by expiry time: every live cursor (`{prefix}:cursors`), and each user's (`…:cursors:{team}:{user}`),
 * which caps what one person can keep in Redis.
 */
export class CursorStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttl: number;
  readonly #maxPerUser: number;
  readonly #guard: RedisGuard;

  constructor(redis: Redis, prefix: string, options: CursorStoreOptions) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#ttl = options.ttlSeconds;
    this.#maxPerUser = options.maxPerUser;
    this.#guard = options.guard ?? UNGUARDED;
  }

  key(id: string, suffix = ''): string {
    return `${this.#prefix}:cursor:${id}${suffix}`;
  }

  get indexKey(): string {
    return `${this.#prefix}:cursors`;
  }

  userIndexKey(binding: Pick<CursorBinding, 'teamId' | 'userId'>): string {
    return `${this.#prefix}:cursors:${binding.teamId}:${binding.userId}`;
  }

  #run<T>(work: () => Promise<T>): Promise<T> {
    return this.#guard.run(work);
  }

  #expiry(): number {
    return Date.now() + this.#ttl * 1000;
  }

  /** Reads the record and refreshes the TTL of everything that belongs to the cursor. */
  async read(id: string): Promise<CursorRecord | null> {
    return this.#run(async () => {
      const raw = await this.#redis.hgetBuffer(this.key(id), 'r').catch(olderFormat);
      if (raw === null) return null;
      const record = await unpack<CursorRecord>(raw);
      if (record.v !== CURSOR_VERSION) return null;
      const expiry = this.#expiry();
      const multi = this.#redis.multi().expire(this.key(id), this.#ttl);
      for (let n = 1; n <= record.pageCount; n++) multi.expire(this.key(id, `:page:${n}`), this.#ttl);
      multi.zadd(this.indexKey, 'XX', expiry, id);
      multi.zadd(this.userIndexKey(record.binding), 'XX', expiry, id);
      await multi.exec();
      return record;
    });
  }

  async queryText(id: string): Promise<string | undefined> {
    return this.#run(async () => (await this.#redis.get(this.key(id, ':text'))) ?? undefined);
  }

  async page(id: string, n: number): Promise<StoredPage | null> {
    return this.#run(async () => {
      const raw = await this.#redis.getBuffer(this.key(id, `:page:${n}`));
      return raw === null ? null : unpack<StoredPage>(raw);
    });
  }

  /**
   * Writes a new cursor with its first page, trims both indexes of what expired, and forgets the
   * user's oldest cursors beyond the cap (their buttons then answer that the result expired).
   */
  async create(record: CursorRecord, pages: StoredPage[]): Promise<void> {
    const [packed, ...packedPages] = await Promise.all([pack(record), ...pages.map(pack)]);
    await this.#run(async () => {
      const now = Date.now();
      const userIndex = this.userIndexKey(record.binding);
      const multi = this.#redis
        .multi()
        .hset(this.key(record.id), 'n', String(record.pageCount), 'r', packed!)
        .expire(this.key(record.id), this.#ttl);
      for (const [i, page] of packedPages.entries()) {
        multi.set(this.key(record.id, `:page:${i + 1}`), page, 'EX', this.#ttl);
      }
      multi.set(this.key(record.id, ':text'), record.query.text, 'EX', this.#ttl * 7);
      multi.zremrangebyscore(this.indexKey, 0, now).zadd(this.indexKey, this.#expiry(), record.id);
      multi.zremrangebyscore(userIndex, 0, now).zadd(userIndex, this.#expiry(), record.id);
      multi.expire(userIndex, this.#ttl);
      multi.zcard(userIndex);
      const results = (await multi.exec()) ?? [];
      const held = Number(results.at(-1)?.[1] ?? 0);
      if (held > this.#maxPerUser) await this.#forgetOldest(userIndex, held - this.#maxPerUser);
    });
  }

  async #forgetOldest(userIndex: string, excess: number): Promise<void> {
    const popped = await this.#redis.zpopmin(userIndex, excess);
    const ids = popped.filter((_, i) => i % 2 === 0);
    if (ids.length === 0) return;
    // A cursor's pages are at most its page count; reading the count for each costs one round trip.
    const counts = await Promise.all(ids.map((id) => this.#redis.hget(this.key(id), 'n')));
    // Its query text goes too: a user's cursors, text included, stay within the cap.
    const keys = ids.flatMap((id, i) => [
      this.key(id),
      this.key(id, ':text'),
      ...Array.from({ length: Number(counts[i] ?? 0) }, (_, n) => this.key(id, `:page:${n + 1}`)),
    ]);
    await this.#redis
      .multi()
      .del(...keys)
      .zrem(this.indexKey, ...ids)
      .exec();
  }

  /**
   * Appends a newly fetched page only if no other click appended one since `before` was read: a
   * compare-and-set on the page count in one Lua script, safe on a shared connection and in Redis
   * Cluster (every key of a cursor shares the prefix's hash tag). False when another click got
   * there first.
   */
  async append(before: CursorRecord, after: CursorRecord, page: StoredPage): Promise<boolean> {
    const [packed, packedPage] = await Promise.all([pack(after), pack(page)]);
    return this.#run(async () => {
      const done = await this.#redis.eval(
        COMPARE_AND_SET,
        2,
        this.key(before.id),
        this.key(before.id, `:page:${after.pageCount}`),
        String(before.pageCount),
        String(after.pageCount),
        packed,
        this.#ttl,
        packedPage,
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
