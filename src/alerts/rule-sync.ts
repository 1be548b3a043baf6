import type { Queue } from 'bullmq';
import type { Logger } from '../logger.js';
import type { RuleSource } from './rule-source.js';
import { type SchedulerChanges, syncSchedulers } from './scheduler.js';
import type { AlertStore } from './state.js';

export interface RuleSyncOptions {
  queue: Queue;
  rules: RuleSource;
  /** Alert state: a rule that is gone has its state removed. */
  store: AlertStore;
  coverage: { everyMs: number } | undefined;
  logger: Logger;
  /** @defaultValue 1000: a sync that failed (Redis away) is tried again this much later. */
  retryMs?: number;
  /**
   * A sync this often even when no rule changed: it puts back schedulers a Redis that restarted
   * empty has lost, and settles a race between workers whose reads lagged. @defaultValue 60_000
   */
  everyMs?: number;
}

export interface RuleSync {
  /** Syncs once, then again on every change of the rules. Rejects when the first sync fails. */
  start(): Promise<SchedulerChanges>;
  onSync(fn: (changes: SchedulerChanges) => void): () => void;
  /** Stops following the rules; waits for a sync under way. */
  stop(): Promise<void>;
}

/**
 * Keeps the queue's job schedulers on the rules, one sync at a time: one scheduler per rule that is
 * not paused, one per digest. Every worker does this on its own; upserts are idempotent, so workers
 * that read the same rules agree, and one whose read lags catches up at its next poll.
 */
export function createRuleSync(o: RuleSyncOptions): RuleSync {
  const listeners = new Set<(changes: SchedulerChanges) => void>();
  let known = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  let queued = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: () => void = () => undefined;

  /**
   * Removes the state of rules that are gone, as a fresh read of the rules sees them: a worker
   * whose read lags must not drop the state of a rule that another worker already ticks.
   */
  async function forget(gone: ReadonlySet<string>) {
    await o.rules.refresh();
    // Unsure what is current (Redis or the file unreadable): the state is kept.
    if (o.rules.problem()) return;
    for (const name of gone) if (!o.rules.find(name)) await o.store.remove(name);
  }
  async function syncOnce(): Promise<SchedulerChanges> {
    const entries = o.rules.current();
    const active = entries.filter((e) => !e.paused).map((e) => e.rule);
    const changes = await syncSchedulers(o.queue, { rules: active, digests: o.rules.digests() }, o.coverage);
    const names = new Set(entries.map((e) => e.rule.name));
    const gone = new Set([...known].filter((name) => !names.has(name)));
    for (const id of changes.removed) if (!id.startsWith('digest:') && !names.has(id)) gone.add(id);
    known = names;
    if (gone.size > 0) await forget(gone);
    const paused = entries.filter((e) => e.paused).length;
    const moved = changes.added.length + changes.updated.length + changes.removed.length + gone.size > 0;
    o.logger[moved ? 'info' : 'debug']({ ...changes, paused, gone: [...gone] }, 'alert schedulers synced');
    for (const fn of listeners) {
      try {
        fn(changes);
      } catch (err) {
        o.logger.error({ err }, 'an alert scheduler listener failed');
      }
    }
    return changes;
  }
  function schedule() {
    if (queued || stopped) return;
    queued = true;
    chain = chain.then(async () => {
      queued = false;
      if (stopped) return;
      try {
        await syncOnce();
      } catch (err) {
        o.logger.warn({ err }, 'alert schedulers not synced: trying again');
        clearTimeout(retry);
        retry = setTimeout(schedule, o.retryMs ?? 1000);
        retry.unref();
      }
    });
  }
  return {
    async start() {
      unsubscribe = o.rules.onChange(schedule);
      timer = setInterval(schedule, o.everyMs ?? 60_000);
      timer.unref();
      const first = chain.then(syncOnce);
      chain = first.catch(() => undefined);
      return first;
    },
    onSync(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(retry);
      clearInterval(timer);
      await chain;
    },
  };
}
