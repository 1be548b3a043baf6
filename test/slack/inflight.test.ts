import { describe, expect, it } from 'vitest';
import { createInFlight, whileWaiting } from '../../src/slack/inflight.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('work after the ack', () => {
  it('runs at most `concurrency` tasks at once, the next when one ends', async () => {
    const inFlight = createInFlight(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const tasks = gates.map((gate, i) =>
      inFlight.track(async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(inFlight.size).toBe(3);
    gates[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(tasks);
    expect(inFlight.size).toBe(0);
  });

  it('frees the slot while a task waits on the outside world', async () => {
    const inFlight = createInFlight(1);
    const aws = deferred<string>();
    const order: string[] = [];
    const first = inFlight.track(async () => {
      order.push('first computes');
      order.push(`first renders ${await whileWaiting(() => aws.promise)}`);
    });
    const second = inFlight.track(async () => {
      order.push('second computes');
    });
    await second;
    expect(order).toEqual(['first computes', 'second computes']);
    aws.resolve('page');
    await first;
    expect(order).toEqual(['first computes', 'second computes', 'first renders page']);
  });

  it('gives a slot back to a task returning from a wait before starting a new task', async () => {
    const inFlight = createInFlight(1);
    const aws = deferred();
    const busy = deferred();
    const order: string[] = [];
    const returning = inFlight.track(async () => {
      await whileWaiting(() => aws.promise);
      order.push('returning task renders');
    });
    await tick();
    const computing = inFlight.track(async () => {
      await busy.promise;
      order.push('computing task ends');
    });
    await tick();
    aws.resolve();
    await tick();
    const fresh = inFlight.track(async () => {
      order.push('new task starts');
    });
    await tick();
    expect(order).toEqual([]);
    busy.resolve();
    await Promise.all([returning, computing, fresh]);
    expect(order).toEqual(['computing task ends', 'returning task renders', 'new task starts']);
  });

  it('does not lose a slot to a task that ends with a wait still out', async () => {
    const inFlight = createInFlight(1);
    const late = deferred();
    await inFlight.track(async () => {
      void whileWaiting(() => late.promise);
    });
    late.resolve();
    await tick();
    let ran = false;
    await inFlight.track(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('drains: resolves once every task has ended', async () => {
    const inFlight = createInFlight(1);
    const gate = deferred();
    const task = inFlight.track(() => gate.promise);
    let drained = false;
    const waiting = inFlight.drained(5000).then(() => {
      drained = true;
    });
    await tick();
    expect(drained).toBe(false);
    gate.resolve();
    await Promise.all([task, waiting]);
    expect(drained).toBe(true);
  });
});

describe('AWS call limit', () => {
  it('keeps at most `max` calls in flight and runs the others in order', async () => {
    const { callLimit } = await import('../../src/backup/call-limit.js');
    const limit = callLimit(2);
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limit(async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
          done.push(i);
        }),
      ),
    );
    expect(most).toBe(2);
    expect(done).toHaveLength(6);
  });
});
