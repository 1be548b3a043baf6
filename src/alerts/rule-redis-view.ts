import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RuleEntry, RuleStore } from './rule-store.js';

/** The rules made in Slack as last read from Redis, re-read when the store's revision moves. */
export interface RedisRuleView {
  /** As last read: kept while Redis is away. */
  entries(): RuleEntry[];
  problem(): string | undefined;
  /** Reads the revision, then the rules if it moved (or `force`). Never rejects. */
  read(force: boolean): Promise<void>;
  /** Waits for a read under way, if any. */
  settled(): Promise<void>;
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function unreadable(err: unknown): string {
  return `The alert rules in Redis cannot be read (${describeError(err)}): alerts run on the rules last read.`;
}

/**
 * One read at a time. A read that hangs (Redis away while the connection queues its commands, as
 * the worker's does) is a problem after `timeoutMs`, and still ends the problem when it succeeds.
 */
export function redisRuleView(store: RuleStore, timeoutMs: number, log: Logger): RedisRuleView {
  const warned = new Set<string>();
  let entries: RuleEntry[] = [];
  let revision: number | undefined;
  let problem: string | undefined;
  let reading: Promise<void> | undefined;
  async function pull(force: boolean) {
    try {
      const now = await store.revision();
      if (force || now !== revision) {
        const snap = await store.snapshot();
        for (const name of snap.invalid) {
          if (warned.has(`${name}:${snap.revision}`)) continue;
          warned.add(`${name}:${snap.revision}`);
          log.warn({ rule: name }, 'a rule in Redis no longer passes the checks: skipped');
        }
        entries = snap.entries;
        revision = snap.revision;
      }
      if (problem) log.info('alert rules in Redis are readable again');
      problem = undefined;
    } catch (err) {
      if (!problem) log.warn({ err }, 'alert rules in Redis cannot be read: running on the rules last read');
      problem = unreadable(err);
    }
  }
  return {
    entries: () => entries,
    problem: () => problem,
    async read(force) {
      reading ??= pull(force).finally(() => {
        reading = undefined;
      });
      await within(reading, timeoutMs).catch((err: unknown) => {
        problem = unreadable(err);
      });
    },
    async settled() {
      await reading;
    },
  };
}
