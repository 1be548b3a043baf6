import { randomUUID } from 'node:crypto';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type MemoCount, memoizeCount } from './count-memo.js';
import { buildDigest, digestId } from './digest.js';
import { postDigestOnce } from './digest-delivery.js';
import type { AlertPoster } from './poster.js';
import type { RuleSource } from './rule-source.js';
import { createRuleSync } from './rule-sync.js';
import { ALERT_QUEUE, type AlertJobData, type SchedulerChanges } from './scheduler.js';
import { SlackDeliveryError } from './slack-errors.js';
import { createAlertStore } from './state.js';
import { runTick, type TickDeps } from './tick.js';
import type { CountJobs, CountStale } from './types.js';

export interface AlertWorkerOptions {
  /** Shared ioredis connection (`maxRetriesPerRequest: null`); closed by the caller, last. */
  connection: Redis;
  /** BullMQ prefix and alert state prefix, e.g. `{bjb}`. */
  prefix: string;
  /**
   * Every rule, from the file and from Redis: the worker keeps a scheduler per rule that is not
   * paused, re-synced on every change, and ticks a rule as the source has it at the tick. Started
   * and stopped by the caller.
   */
  rules: RuleSource;
  count: CountJobs;
  /**
   * Counts the resources of stale rules (`staleCount` of coverage/alert-count.ts on the worker's
   * CoverageService). @defaultValue none: stale rules are UNKNOWN, and say that coverage is missing
   */
  stale?: CountStale;
  /**
   * Coverage passes this worker runs on the `coverage-pass` job scheduler, every `everyMs` (one
   * at a time across workers: the pass takes a lock). @defaultValue none: no passes are scheduled here
   */
  coveragePass?: { run: () => Promise<unknown>; everyMs: number };
  poster: AlertPoster;
  logger: Logger;
  /** @defaultValue 8: ticks mostly wait on AWS and Slack. */
  concurrency?: number;
  /** How long a Slack call may be in flight before another worker checks it; keep above the Slack client timeout. @defaultValue 60_000 */
  leaseMs?: number;
  /** @defaultValue Date.now */
  clock?: () => number;
}

export interface AlertWorker {
  readonly queue: Queue;
  readonly worker: Worker;
  /** Counts asked for and counts made, across all rules. */
  readonly count: MemoCount;
  /**
   * Syncs the schedulers with the rules, removes the state of rules that are gone, starts
   * processing, and re-syncs whenever the rules change.
   */
  start(): Promise<SchedulerChanges>;
  /** Called after each sync of the schedulers with what it changed. */
  onSync(fn: (changes: SchedulerChanges) => void): () => void;
  /** True while the worker runs and Redis answers. */
  ready(): boolean;
  /** Waits for running ticks, then stops. Does not close the connection. */
  close(): Promise<void>;
}

/** The tick's scheduled time, from the scheduler's job id `repeat:<id>:<ms>`: the same on every worker. */
export function tickTime(job: Pick<Job, 'id'>, now: number): number {
  const ms = Number(job.id?.slice(job.id.lastIndexOf(':') + 1));
  return Number.isFinite(ms) && ms > 0 && ms <= now + 5000 ? ms : now;
}

function retryDelay(attemptsMade: number, _type?: string, err?: Error): number {
  const failure = err instanceof SlackDeliveryError ? err.failure : undefined;
  if (failure?.kind === 'rate_limited') return failure.retryAfterMs;
  return Math.min(60_000, 1000 * 2 ** Math.max(0, attemptsMade - 1));
}

function forQueue(err: unknown): unknown {
  if (err instanceof SlackDeliveryError && err.failure.kind === 'permanent')
    return new UnrecoverableError(err.message);
  return err;
}

/** Builds the alert worker: one BullMQ Queue and Worker over the shared connection. */
export function createAlertWorker(o: AlertWorkerOptions): AlertWorker {
  const clock = o.clock ?? Date.now;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const count = memoizeCount(o.count, 60_000, clock);
  const store = createAlertStore(o.connection, o.prefix);
  const deps: TickDeps = {
    store,
    poster: o.poster,
    owner,
    leaseMs: o.leaseMs ?? 60_000,
    clock,
    logger: o.logger,
    count,
    stale: o.stale,
  };
  const queue = new Queue(ALERT_QUEUE, { connection: o.connection, prefix: o.prefix });
  const coverage = o.coveragePass ? { everyMs: o.coveragePass.everyMs } : undefined;
  const sync = createRuleSync({ queue, rules: o.rules, store, coverage, logger: o.logger.child({ owner }) });
  async function handle(job: Job<AlertJobData>) {
    const data = job.data;
    if (data.kind === 'coverage-pass') {
      if (!o.coveragePass) return { skipped: 'this worker runs no coverage passes' };
      return { pass: await o.coveragePass.run() };
    }
    if (data.kind === 'rule') {
      // The rule as it is now: a tick already queued when it changed runs the new version.
      const entry = o.rules.find(data.rule);
      if (!entry) return { skipped: 'rule no longer exists' };
      if (entry.paused) return { skipped: 'rule is paused' };
      return runTick(deps, entry.rule, tickTime(job, clock()));
    }
    const digest = o.rules.digests().find((d) => digestId(d) === data.id);
    if (!digest) return { skipped: 'digest not in the rules file' };
    const message = await buildDigest(count, digest, clock());
    const delivery = {
      redis: o.connection,
      prefix: o.prefix,
      poster: o.poster,
      owner,
      leaseMs: deps.leaseMs,
      clock,
    };
    const outcome = await postDigestOnce(delivery, data.id, message.day, digest.channel, message);
    if (outcome === 'busy') throw new Error('another worker is posting this digest');
    return { digest: outcome, day: message.day };
  }
  const worker = new Worker<AlertJobData>(
    ALERT_QUEUE,
    async (job) => {
      try {
        return await handle(job);
      } catch (err) {
        throw forQueue(err);
      }
    },
    {
      connection: o.connection,
      prefix: o.prefix,
      autorun: false,
      concurrency: o.concurrency ?? 8,
      settings: { backoffStrategy: retryDelay },
    },
  );
  worker.on('failed', (job, err) =>
    o.logger.warn({ err, job: job?.id, attempts: job?.attemptsMade }, 'alert job failed'),
  );
  worker.on('error', (err) => o.logger.error({ err }, 'alert worker error'));
  let running = false;
  return {
    queue,
    worker,
    count,
    async start() {
      const changes = await sync.start();
      running = true;
      worker.run().catch((err: unknown) => o.logger.error({ err }, 'alert worker stopped'));
      return changes;
    },
    onSync: (fn) => sync.onSync(fn),
    ready: () => running && worker.isRunning() && o.connection.status === 'ready',
    async close() {
      running = false;
      await sync.stop();
      await worker.close();
      await queue.close();
    },
  };
}
