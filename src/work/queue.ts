import { setTimeout as sleep } from 'node:timers/promises';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import PQueue from 'p-queue';
import type { Logger } from '../logger.js';
import { createSteps, type Steps } from './steps.js';

/** What every piece of work carries: an id derived from the request, and when it was received. */
export interface WorkItem {
  /** Unique per request (a verified signature, a Socket Mode envelope id): the job id. */
  id: string;
  /** Epoch ms at which the request was received. */
  receivedAt: number;
}

/** What a running piece of work may ask of the queue. */
export interface WorkContext extends Steps {
  /** 1 for the first run; more after a retry or after a dead process's job was taken over. */
  attempt: number;
  /** True when it runs in the process that received it, because Redis could not take it. */
  local: boolean;
  /**
   * True when this is known to be the only run of its request: Redis took it under its id, or, for
   * work run here, Redis answers now and holds no earlier claim of that id (it is asked again once
   * after a moment, so a blip at the ack does not refuse the work). False when Redis cannot tell.
   */
  checkReplay(): Promise<boolean>;
}

export interface WorkQueueOptions<T extends WorkItem> {
  /** BullMQ queue name, e.g. `requests`. */
  name: string;
  /** BullMQ prefix and the prefix of step claims, e.g. `{bjb}`. */
  prefix: string;
  /** The connection of the request path: it fails fast when Redis is away, so work then runs here. */
  producer: Redis;
  /** A connection with `maxRetriesPerRequest: null` for the BullMQ worker; closed by the caller. */
  consumer: Redis;
  /** Pieces of work this process runs at once (from Redis, and locally when Redis is away). */
  concurrency: number;
  run(item: T, ctx: WorkContext): Promise<void>;
  logger: Logger;
  /** Work older than this is dropped unrun, with a log line (a response_url lives 30 minutes). */
  maxAgeMs: number;
  /** A piece of work running longer than this marks the process as stuck (readiness fails). */
  stuckAfterMs: number;
  /**
   * How long a process holds a job without renewing its lock; a killed process's jobs are taken
   * over by another within about 1.5× this. @defaultValue 10_000
   */
  lockMs?: number;
  /** @defaultValue 3 */
  attempts?: number;
  /**
   * Runs each Redis call of the request path; a circuit breaker makes them fail at once while Redis
   * is failing, so work goes to this process without a command timeout each. @defaultValue direct
   */
  guard?: { run<R>(work: () => Promise<R>): Promise<R> };
}

export type Submitted = 'queued' | 'local';

/** How long queued work may wait unstarted in this process before Redis's health is asked. */
const TAKE_OVER_AFTER_MS = 1000;
/** How soon the worker fetches again after a fetch failed (Redis away, a command timed out). */
const RUN_RETRY_MS = 500;
/** Before Redis is asked again whether work run here is a replay: past the guard's cool-off. */
const REPLAY_RECHECK_MS = 1200;
/** The first retry's delay; each later one waits twice as long (BullMQ's exponential backoff). */
const BACKOFF_MS = 1000;
const backoffMs = (attemptsMade: number) => BACKOFF_MS * 2 ** (attemptsMade - 1);
/** How long an id claimed by work run here is remembered: longer than Bolt accepts a replay. */
const REPLAY_CLAIM_SECONDS = 10 * 60;

export interface WorkQueue<T extends WorkItem> {
  /** Puts the work in Redis for any process to run; runs it here when Redis cannot take it. */
  submit(item: T): Promise<Submitted>;
  /** Jobs waiting in Redis (not yet started by any process). */
  waiting(): Promise<number>;
  /**
   * How many pieces of work are ahead of this one: those running in any process and those waiting
   * before it. Null when it is not waiting (it started, or ran here).
   */
  ahead(id: string): Promise<number | null>;
  /** Null while work flows, else why this process looks stuck. */
  stuck(): string | null;
  /** Work running in this process now. */
  readonly active: number;
  /** Stops taking work and waits, up to `graceMs`, for the work running here. */
  close(graceMs: number): Promise<void>;
}

/**
 * Durable work on a BullMQ queue: what a request asks for is in Redis before Slack is told it was
 * received, any live process runs it, and a process that dies with it running loses nothing (the
 * job's lock expires and another process takes it over). Effects are made at most once per
 * request and step (see {@link Steps}), so a taken-over or retried job does not answer twice.
 */
export function createWorkQueue<T extends WorkItem>(o: WorkQueueOptions<T>): WorkQueue<T> {
  const queue = new Queue(o.name, { connection: o.producer, prefix: o.prefix });
  queue.on('error', (err) => o.logger.debug({ err, queue: o.name }, 'work queue connection problem'));
  const running = new Map<string, number>();
  const local = new PQueue({ concurrency: o.concurrency });
  const lockMs = o.lockMs ?? 10_000;
  const guard = o.guard ?? { run: <R>(work: () => Promise<R>) => work() };

  /** Where the claims of one piece of work live: its steps' and, for work run here, its id's. */
  const workKey = (id: string) => `${o.prefix}:work:${o.name}:${id}`;

  /**
   * `fromRedis`: run here, but Redis took it under its job id, so it was checked against replays.
   * `replay`: the one replay check of work run here, shared by its attempts (the first claims the id).
   */
  async function execute(
    item: T,
    attempt: number,
    isLocal: boolean,
    fromRedis = false,
    replay: () => Promise<boolean> = () => claimOnce(`${workKey(item.id)}:claim`),
  ): Promise<void> {
    // Taken from Redis after this process ran it itself while Redis hung (see `watch`).
    if (!isLocal && ranHere.has(item.id)) return;
    started.add(item.id);
    queuedHere.delete(item.id);
    const age = Date.now() - item.receivedAt;
    const log = o.logger.child({ work: o.name, id: item.id, attempt });
    if (age > o.maxAgeMs) {
      log.warn({ ageMs: age }, 'work dropped: too old to answer');
      return;
    }
    const key = `${item.id}:${attempt}:${isLocal ? 'local' : 'queued'}`;
    running.set(key, Date.now());
    const base = workKey(item.id);
    const unchecked = isLocal && !fromRedis;
    try {
      await o.run(item, {
        ...createSteps(o.producer, base, log, guard),
        attempt,
        local: unchecked,
        checkReplay: unchecked ? replay : async () => true,
      });
    } finally {
      running.delete(key);
      if (running.size === 0) for (const resolve of waiters.splice(0)) resolve();
    }
  }

  /** Claims a request id for work run here; asks twice, the second time after the guard's cool-off. */
  async function claimOnce(claim: string): Promise<boolean> {
    for (let tries = 0; tries < 2; tries += 1) {
      if (tries > 0) await sleep(REPLAY_RECHECK_MS);
      try {
        const set = await guard.run(() => o.producer.set(claim, '1', 'EX', REPLAY_CLAIM_SECONDS, 'NX'));
        return set === 'OK';
      } catch {
        // Asked again below, once.
      }
    }
    return false;
  }

  const waiters: (() => void)[] = [];
  /** A wait that never keeps the process alive on its own. */
  const later = (ms: number) => sleep(ms, undefined, { ref: false });
  /** Resolves once no work runs in this process. */
  const idle = () =>
    running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));

  const worker = new Worker<T>(o.name, (job: Job<T>) => execute(job.data, job.attemptsMade + 1, false), {
    connection: o.consumer,
    prefix: o.prefix,
    concurrency: o.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    maxStalledCount: 2,
    // A fetch that failed while Redis was away is tried again this soon (BullMQ waits 15 s): work
    // queued just after Redis comes back is fetched at once, not after Slack's user gave up.
    runRetryDelay: RUN_RETRY_MS,
  });
  worker.on('error', (err) => o.logger.debug({ err, queue: o.name }, 'work queue worker problem'));
  worker.on('failed', (job, err) =>
    o.logger.warn({ err, id: job?.id, attempts: job?.attemptsMade }, 'work failed'),
  );

  /** Ids of work this process started, and of work it ran itself although Redis had taken it. */
  const started = new Set<string>();
  /** Work this process put in Redis and has not seen started: at shutdown it takes back what waits. */
  const queuedHere = new Map<string, T>();
  const ranHere = new Set<string>();
  const forget = (set: Set<string>, id: string, ms: number) => setTimeout(() => set.delete(id), ms).unref();

  /**
   * Redis took the work, but may hang before any process gets to start it (a frozen server keeps
   * its connections). If nobody here has started it after a moment and Redis does not answer a
   * ping, this process runs it itself, and skips the queued copy if it later gets it. (Another
   * process could still run that copy after Redis recovers: an answer twice, never none.)
   */
  function watch(item: T) {
    setTimeout(() => {
      if (started.has(item.id)) return;
      guard
        .run(() => o.producer.ping())
        .then(
          () => undefined,
          () => {
            if (started.has(item.id)) return;
            ranHere.add(item.id);
            forget(ranHere, item.id, o.maxAgeMs);
            // Redis took it under its job id: it was checked against replays like any queued work.
            runLocally(item, true);
          },
        );
    }, TAKE_OVER_AFTER_MS).unref();
  }

  /**
   * At shutdown, the work this process acknowledged moments ago that no process has started yet
   * (its worker stopped fetching before the job reached it): taken out of Redis and run here, so
   * that it is answered before the process exits. A job another process has locked meanwhile
   * cannot be removed, and is left to it.
   */
  async function takeBackWaiting() {
    for (const [id, item] of queuedHere) {
      if (started.has(id)) continue;
      try {
        const job = await guard.run(() => queue.getJob(id));
        if (!job || !(await job.isWaiting())) continue;
        await job.remove();
        queuedHere.delete(id);
        ranHere.add(id);
        runLocally(item, true);
        o.logger.info({ id }, 'work taken back from Redis at shutdown: running it here');
      } catch (err) {
        o.logger.debug({ err: { message: (err as Error).message }, id }, 'work left in Redis at shutdown');
      }
    }
  }

  /**
   * Runs the work in this process, tried again as BullMQ would try a queued job (the same attempts
   * and backoff): an answer that failed on its way to Slack (a reset connection, a 5xx) is sent
   * again, and the effects already made are skipped by their step claims.
   */
  /** Work run here, from its first attempt to its last. */
  const localTries = new Set<Promise<void>>();
  function runLocally(item: T, fromRedis = false): Submitted {
    const attempts = o.attempts ?? 3;
    let claimed: Promise<boolean> | undefined;
    const replay = () => {
      claimed ??= claimOnce(`${workKey(item.id)}:claim`);
      return claimed;
    };
    const attempt = async (n: number): Promise<void> => {
      try {
        await local.add(() => execute(item, n, true, fromRedis, replay));
      } catch (err) {
        if (n >= attempts || err instanceof UnrecoverableError) throw err;
        o.logger.warn({ err, id: item.id, attempt: n }, 'local work failed: trying again');
        await sleep(backoffMs(n));
        await attempt(n + 1);
      }
    };
    const tries = attempt(1).catch((err: unknown) => {
      o.logger.error({ err, id: item.id }, 'local work failed');
    });
    // Waited for at close with the rest, including a retry that is waiting out its backoff.
    localTries.add(tries);
    void tries.finally(() => localTries.delete(tries));
    return 'local';
  }

  return {
    async submit(item) {
      // A connection that is not ready would make BullMQ wait for it: run here at once instead.
      if (o.producer.status !== 'ready') return runLocally(item);
      try {
        await guard.run(() =>
          queue.add(o.name, item, {
            jobId: item.id,
            attempts: o.attempts ?? 3,
            backoff: { type: 'exponential', delay: BACKOFF_MS },
            // Kept ten minutes: a replay of the same signed request (Bolt accepts five) finds its job.
            removeOnComplete: { age: 600, count: 50_000 },
            removeOnFail: { age: 86_400, count: 10_000 },
          }),
        );
        forget(started, item.id, TAKE_OVER_AFTER_MS * 5);
        queuedHere.set(item.id, item);
        setTimeout(() => queuedHere.delete(item.id), TAKE_OVER_AFTER_MS * 60).unref();
        watch(item);
        return 'queued';
      } catch (err) {
        o.logger.warn(
          { err: { message: (err as Error).message }, id: item.id },
          'Redis did not take the work: running it here',
        );
        return runLocally(item);
      }
    },
    async waiting() {
      return queue.getWaitingCount();
    },
    async ahead(id) {
      const [waiting, running] = await guard.run(() =>
        Promise.all([queue.getRanges(['wait'], 0, -1, true), queue.getActiveCount()]),
      );
      const at = waiting.indexOf(id);
      return at < 0 ? null : at + running;
    },
    stuck() {
      const oldest = Math.min(...running.values());
      const busyMs = Date.now() - oldest;
      return running.size > 0 && busyMs > o.stuckAfterMs
        ? `${o.name}: a piece of work has run for ${Math.round(busyMs / 1000)} s`
        : null;
    },
    get active() {
      return running.size;
    },
    async close(graceMs) {
      const deadline = Date.now() + graceMs;
      const left = () => Math.max(0, deadline - Date.now());
      // BullMQ's close takes no new jobs and waits for this worker's, fetched or running. With Redis
      // gone it would wait for Redis: then only the work running here is waited for.
      const closing =
        o.consumer.status === 'ready' ? worker.close() : Promise.all([idle(), worker.close(true)]);
      await Promise.race([closing.catch(() => undefined), later(left())]);
      await Promise.race([takeBackWaiting(), later(Math.min(2000, left()))]);
      await Promise.race([Promise.all(localTries), later(left())]);
      await Promise.race([Promise.all([worker.close(true), queue.close()]), later(2000)]).catch(
        () => undefined,
      );
    },
  };
}
