import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkQueue, type WorkContext, type WorkItem, type WorkQueue } from '../../src/work/queue.js';
import { REDIS_URL, testRedis } from '../helpers/redis.js';

const logger = pino({ level: 'silent' });

interface Item extends WorkItem {
  n: number;
}

/** Resolves when `count` calls of the returned function have happened. */
function counter(count: number) {
  let seen = 0;
  let done!: () => void;
  const reached = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    hit() {
      seen += 1;
      if (seen >= count) done();
    },
    reached,
    get seen() {
      return seen;
    },
  };
}

/** A guard whose next call fails, once per `failNext = true`, as Redis does in a blip. */
function blipGuard() {
  const guard = {
    failNext: true,
    async run<R>(work: () => Promise<R>): Promise<R> {
      if (guard.failNext) {
        guard.failNext = false;
        throw new Error('blip');
      }
      return work();
    },
  };
  return guard;
}

describe('durable work on BullMQ', () => {
  const db = testRedis();
  const consumers: Redis[] = [];
  const queues: WorkQueue<Item>[] = [];
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close(2000)));
  });
  beforeAll(async () => {
    await db.redis.ping();
  });
  afterAll(async () => {
    for (const c of consumers) c.disconnect();
    await db.cleanup();
  });

  let names = 0;
  function queue(
    run: (item: Item, ctx: WorkContext) => Promise<void>,
    options: {
      name?: string;
      stuckAfterMs?: number;
      producer?: Redis;
      guard?: { run<R>(work: () => Promise<R>): Promise<R> };
    } = {},
  ) {
    const consumer = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    consumers.push(consumer);
    const q = createWorkQueue<Item>({
      name: options.name ?? `q${++names}`,
      prefix: db.prefix,
      producer: options.producer ?? db.redis,
      consumer,
      concurrency: 2,
      run,
      logger,
      maxAgeMs: 60_000,
      stuckAfterMs: options.stuckAfterMs ?? 60_000,
      lockMs: 2000,
      ...(options.guard ? { guard: options.guard } : {}),
    });
    queues.push(q);
    return q;
  }
  const item = (id: string, n = 1): Item => ({ id, n, receivedAt: Date.now() });

  it('runs what was submitted once, even when the same request is submitted twice', async () => {
    const runs = counter(1);
    const seen: number[] = [];
    const q = queue(async (i) => {
      seen.push(i.n);
      runs.hit();
    });
    expect(await q.submit(item('same', 7))).toBe('queued');
    expect(await q.submit(item('same', 8))).toBe('queued');
    await runs.reached;
    const later = counter(1);
    const other = queue(async () => later.hit(), { name: 'unrelated' });
    await other.submit(item('after'));
    await later.reached;
    expect(seen).toEqual([7]);
  });

  it('says how many are ahead of waiting work: those running and those waiting before it', async () => {
    const started = counter(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const q = queue(async () => {
      started.hit();
      await held;
    });
    // Concurrency 2: the first two run, the next three wait in the order they came.
    for (const id of ['r1', 'r2']) await q.submit(item(id));
    await started.reached;
    for (const id of ['w1', 'w2', 'w3']) await q.submit(item(id));
    expect(await Promise.all(['w1', 'w2', 'w3', 'r1'].map((id) => q.ahead(id)))).toEqual([2, 3, 4, null]);
    release();
  });

  it('makes an effect at most once across retries, and again after the effect itself failed', async () => {
    const finished = counter(1);
    let posts = 0;
    let uploads = 0;
    const q = queue(async (_i, ctx) => {
      await ctx.once('post', async () => {
        posts += 1;
      });
      await ctx.once('upload', async () => {
        uploads += 1;
        if (uploads === 1) throw new Error('upload failed once');
      });
      if (ctx.attempt < 3) throw new Error(`attempt ${ctx.attempt} fails after its effects`);
      finished.hit();
    });
    await q.submit(item('retried'));
    await finished.reached;
    expect(posts).toBe(1);
    // The first upload failed, so its claim was given back and the second attempt made it.
    expect(uploads).toBe(2);
  }, 20_000);

  it('runs the work here when Redis cannot take it', async () => {
    const offline = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    const ran = counter(1);
    const contexts: WorkContext[] = [];
    const q = queue(
      async (_i, ctx) => {
        contexts.push(ctx);
        await ctx.once('answer', async () => undefined);
        ran.hit();
      },
      { producer: offline },
    );
    expect(await q.submit(item('local'))).toBe('local');
    await ran.reached;
    expect(contexts[0]?.local).toBe(true);
    expect(await contexts[0]?.checkReplay()).toBe(false);
    offline.disconnect();
  });

  it('checks work run here against replays once Redis answers again, and queued work by its job id', async () => {
    // The first Redis call of each submit (the add) fails, as in a blip; later calls go through.
    const guard = blipGuard();
    const verdicts: boolean[] = [];
    const first = counter(1);
    const ran = counter(3);
    const q = queue(
      async (_i, ctx) => {
        verdicts.push(await ctx.checkReplay());
        first.hit();
        ran.hit();
      },
      { guard },
    );
    expect(await q.submit(item('blip'))).toBe('local');
    // The first run's claim is made before the next submit's add fails.
    await first.reached;
    guard.failNext = true;
    expect(await q.submit(item('blip'))).toBe('local');
    expect(await q.submit(item('fine'))).toBe('queued');
    await ran.reached;
    expect(verdicts.slice(0, 2).sort()).toEqual([false, true]);
    expect(verdicts[2]).toBe(true);
  });

  it('tries work run here again when it fails, as a queued job is, and keeps its replay verdict', async () => {
    // The add fails, as in a blip at the ack; every later Redis call goes through.
    const guard = blipGuard();
    const attempts: { attempt: number; fresh: boolean }[] = [];
    let answers = 0;
    const done = counter(1);
    const q = queue(
      async (_i, ctx) => {
        attempts.push({ attempt: ctx.attempt, fresh: await ctx.checkReplay() });
        await ctx.once('answer', async () => {
          // The first answer is lost on its way (a reset connection); the next one is taken.
          if (ctx.attempt === 1) throw new Error('socket hang up');
          answers += 1;
        });
        done.hit();
      },
      { guard },
    );
    expect(await q.submit(item('reset'))).toBe('local');
    await done.reached;
    expect(attempts).toEqual([
      { attempt: 1, fresh: true },
      { attempt: 2, fresh: true },
    ]);
    expect(answers).toBe(1);
  });

  it('waits at close for work run here that is waiting to be tried again', async () => {
    const guard = blipGuard();
    const failed = counter(1);
    const attempts: number[] = [];
    const q = queue(
      async (_i, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) {
          failed.hit();
          throw new Error('socket hang up');
        }
      },
      { guard },
    );
    expect(await q.submit(item('closing'))).toBe('local');
    await failed.reached;
    // Closed during the backoff before the second attempt: the close waits for it.
    await q.close(5000);
    expect(attempts).toEqual([1, 2]);
  });

  it('drops work too old to answer', async () => {
    let ran = 0;
    const done = counter(1);
    const q = queue(async (i) => {
      if (i.n === 2) done.hit();
      else ran += 1;
    });
    await q.submit({ id: 'old', n: 1, receivedAt: Date.now() - 120_000 });
    await q.submit(item('fresh', 2));
    await done.reached;
    expect(ran).toBe(0);
  });

  it('says it is stuck while a piece of work runs past its budget, and waits for it at close', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started = counter(1);
    let finished = false;
    const q = queue(
      async () => {
        started.hit();
        await gate;
        finished = true;
      },
      { stuckAfterMs: 50 },
    );
    await q.submit(item('slow'));
    await started.reached;
    expect(q.active).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(q.stuck()).toMatch(/has run for/);
    const closing = q.close(5000);
    release();
    await closing;
    expect(finished).toBe(true);
    expect(q.stuck()).toBeNull();
  });
});
