import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AccountRead, CoverageStatus, ResourceFreshness } from './types.js';

/** Lets go of the pass lock only when this process still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

function millis(iso: string | undefined): number {
  return iso === undefined ? 0 : Date.parse(iso);
}

/**
 * The kept state of coverage in Redis, under `{prefix}:coverage:`: `r` (a hash: resource ARN →
 * record), `age` (a sorted set: ARN by last good backup, 0 for none known, so the stalest come
 * first), `copy-age` (the same per copy destination: member `{arn} {region}/{account}`), `meta`
 * (watermarks per kind and Region, the last pass, account reads), `accounts` (a set: accounts seen in
 * job history) and `lock` (one pass at a time).
 */
export class CoverageStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = `${prefix}:coverage`;
  }

  #key(name: string): string {
    return `${this.#prefix}:${name}`;
  }

  async get(arn: string): Promise<ResourceFreshness | undefined> {
    const raw = await this.#redis.hget(this.#key('r'), arn);
    return raw === null ? undefined : (JSON.parse(raw) as ResourceFreshness);
  }

  async getMany(arns: readonly string[]): Promise<Map<string, ResourceFreshness>> {
    const out = new Map<string, ResourceFreshness>();
    if (arns.length === 0) return out;
    const raws = await this.#redis.hmget(this.#key('r'), ...arns);
    raws.forEach((raw, i) => {
      if (raw !== null) out.set(arns[i]!, JSON.parse(raw) as ResourceFreshness);
    });
    return out;
  }

  async putMany(records: readonly ResourceFreshness[]): Promise<void> {
    if (records.length === 0) return;
    const multi = this.#redis.multi();
    for (const record of records) {
      multi.hset(this.#key('r'), record.resourceArn, JSON.stringify(record));
      if (record.goneAt !== undefined) {
        multi.zrem(this.#key('age'), record.resourceArn);
      } else {
        multi.zadd(this.#key('age'), millis(record.lastBackupAt), record.resourceArn);
      }
      for (const [destination, copy] of Object.entries(record.copies ?? {})) {
        const member = `${record.resourceArn} ${destination}`;
        if (record.goneAt !== undefined) multi.zrem(this.#key('copy-age'), member);
        else multi.zadd(this.#key('copy-age'), millis(copy.lastCopyAt), member);
      }
    }
    await multi.exec();
  }

  /** ARNs whose last good backup is older than `beforeMs` (or unknown), stalest first. */
  async staleArns(beforeMs: number): Promise<string[]> {
    return this.#redis.zrangebyscore(this.#key('age'), '-inf', `(${beforeMs}`);
  }

  /** `{arn} {region}/{account}` of copies older than `beforeMs` (or never), stalest first. */
  async staleCopies(beforeMs: number): Promise<{ arn: string; destination: string }[]> {
    const members = await this.#redis.zrangebyscore(this.#key('copy-age'), '-inf', `(${beforeMs}`);
    return members.map((member) => {
      const space = member.lastIndexOf(' ');
      return { arn: member.slice(0, space), destination: member.slice(space + 1) };
    });
  }

  /** Every record, in batches (HSCAN), without blocking Redis on a large estate. */
  async *all(): AsyncGenerator<ResourceFreshness[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.#redis.hscan(this.#key('r'), cursor, 'COUNT', 1000);
      cursor = next;
      const batch: ResourceFreshness[] = [];
      for (let i = 1; i < flat.length; i += 2) batch.push(JSON.parse(flat[i]!) as ResourceFreshness);
      if (batch.length > 0) yield batch;
    } while (cursor !== '0');
  }

  /** Accounts seen in job history, so a full read knows which member accounts to read. */
  async noteAccounts(accounts: Iterable<string>): Promise<void> {
    const ids = [...new Set(accounts)].filter((id) => id !== '');
    if (ids.length > 0) await this.#redis.sadd(this.#key('accounts'), ...ids);
  }

  async accountsSeen(): Promise<string[]> {
    return (await this.#redis.smembers(this.#key('accounts'))).sort();
  }

  async count(): Promise<number> {
    return this.#redis.hlen(this.#key('r'));
  }

  async watermark(kind: 'backup' | 'copy', region: string): Promise<string | undefined> {
    return (await this.#redis.hget(this.#key('meta'), `watermark:${kind}:${region}`)) ?? undefined;
  }

  async setWatermark(kind: 'backup' | 'copy', region: string, at: string): Promise<void> {
    await this.#redis.hset(this.#key('meta'), `watermark:${kind}:${region}`, at);
  }

  async status(): Promise<CoverageStatus> {
    const [pass, failure, accounts, resources] = await Promise.all([
      this.#redis.hget(this.#key('meta'), 'pass'),
      this.#redis.hget(this.#key('meta'), 'failure'),
      this.#redis.hget(this.#key('meta'), 'accounts'),
      this.count(),
    ]);
    const status: CoverageStatus = {
      accounts: accounts ? (JSON.parse(accounts) as AccountRead[]) : [],
      resources,
    };
    if (pass) status.passAt = pass;
    if (failure) status.failure = JSON.parse(failure) as NonNullable<CoverageStatus['failure']>;
    return status;
  }

  async passFinished(at: string): Promise<void> {
    await this.#redis.multi().hset(this.#key('meta'), 'pass', at).hdel(this.#key('meta'), 'failure').exec();
  }

  async passFailed(at: string, reason: string): Promise<void> {
    await this.#redis.hset(this.#key('meta'), 'failure', JSON.stringify({ at, reason }));
  }

  /** When protected resources were last read in full (the pass reads them seldom). */
  async fullReadAt(): Promise<string | undefined> {
    return (await this.#redis.hget(this.#key('meta'), 'full')) ?? undefined;
  }

  async setAccountReads(at: string, reads: readonly AccountRead[]): Promise<void> {
    await this.#redis.hset(this.#key('meta'), 'full', at, 'accounts', JSON.stringify(reads));
  }

  /** Takes the pass lock for `ttlMs`; the returned function lets it go. Null when another pass holds it. */
  async lock(ttlMs: number): Promise<(() => Promise<void>) | null> {
    const token = randomUUID();
    const ok = await this.#redis.set(this.#key('lock'), token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    return async () => {
      await this.#redis.eval(RELEASE, 1, this.#key('lock'), token);
    };
  }

  /** Forgets everything kept (tests, and an operator starting over). */
  async clear(): Promise<void> {
    await this.#redis.del(
      ...['r', 'age', 'copy-age', 'meta', 'lock', 'accounts'].map((name) => this.#key(name)),
    );
  }
}
