import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { type AlertState, INITIAL_STATE } from './alert-state.js';

/** A Slack call a committed transition still owes, done in order and removed once done. */
export interface Effect {
  /** `${incidentId}.${seq}.${step}`: unique per transition step, stored in the message metadata. */
  id: string;
  op: 'post-main' | 'update-main' | 'post-reply';
  reply?: 'resolved' | 'renotify';
  incidentId: string;
  /**
   * Set while a worker makes the call. Found set by anyone else once `until` has passed, the call's
   * outcome is unknown (the worker died or the call timed out): the message is looked up first.
   */
  inflight?: { owner: string; since: number; until: number };
  /** Earliest time a call whose outcome is unknown may have reached Slack: look before posting again. */
  uncertainSince?: number;
}

/** What Redis keeps per rule under `${prefix}:alert:${rule}`. */
export interface StoredAlert {
  state: AlertState;
  effects: Effect[];
}

export interface Versioned {
  version: number;
  doc: StoredAlert;
}

// Compare-and-set: the document is written only if nobody wrote since it was read.
const CAS = `
local v = redis.call('HGET', KEYS[1], 'v')
if (v or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'doc', ARGV[3])
return 1`;

/**
 * Alert state in Redis, changed only by compare-and-set so that any number of workers, the Slack
 * listeners and restarts agree on one history. Keys: `${prefix}:alert:${rule}` (prefix may be a
 * hash tag like `{bjb}` so every key lands on one Redis Cluster slot).
 */
export interface AlertStore {
  key(rule: string): string;
  read(rule: string): Promise<Versioned>;
  /** Writes `doc` if the rule is still at `version`; false when someone else wrote first. */
  write(rule: string, version: number, doc: StoredAlert): Promise<boolean>;
  /**
   * Reads, applies `change` and writes, retrying on conflict. `change` returns null to leave the
   * document as it is. Resolves to the document as written (or as found).
   */
  update(rule: string, change: (doc: StoredAlert) => StoredAlert | null): Promise<StoredAlert>;
  remove(rule: string): Promise<void>;
}

export function emptyAlert(): StoredAlert {
  return { state: INITIAL_STATE, effects: [] };
}

export function createAlertStore(redis: Redis, prefix: string): AlertStore {
  const key = (rule: string) => `${prefix}:alert:${rule}`;
  async function read(rule: string): Promise<Versioned> {
    const [v, doc] = await redis.hmget(key(rule), 'v', 'doc');
    return { version: Number(v ?? 0), doc: doc ? (JSON.parse(doc) as StoredAlert) : emptyAlert() };
  }
  async function write(rule: string, version: number, doc: StoredAlert): Promise<boolean> {
    const done = await redis.eval(
      CAS,
      1,
      key(rule),
      String(version),
      String(version + 1),
      JSON.stringify(doc),
    );
    return done === 1;
  }
  return {
    key,
    read,
    write,
    async update(rule, change) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const current = await read(rule);
        const next = change(current.doc);
        if (next === null) return current.doc;
        if (await write(rule, current.version, next)) return next;
        // Someone else wrote first: back off a little, at random, so racing writers spread out.
        await sleep(Math.random() * Math.min(50, 2 * (attempt + 1)));
      }
      throw new Error(`alert state of ${rule} kept changing under 50 attempts`);
    },
    async remove(rule) {
      await redis.del(key(rule));
    },
  };
}
