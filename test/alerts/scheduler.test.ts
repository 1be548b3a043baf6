import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesFile } from '../../src/alerts/rules.js';
import { ALERT_QUEUE, syncSchedulers } from '../../src/alerts/scheduler.js';
import { createAlertStore } from '../../src/alerts/state.js';
import { createAlertWorker } from '../../src/alerts/worker.js';
import { dropPrefix, quiet, redisConnection, rule, ruleSource, testPrefix } from './helpers.js';

let redis: Redis;
const prefixes: string[] = [];
beforeAll(() => {
  redis = redisConnection();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
});

const digest = { channel: 'C0123OPS', at: '09:30', tz: 'Europe/Berlin', accounts: [], regions: [] };

function file(rules: RulesFile['rules'], digests: RulesFile['digests'] = [digest]): RulesFile {
  return { rules, digests };
}

async function schedulers(queue: Queue) {
  const list = await queue.getJobSchedulers(0, -1);
  return Object.fromEntries(
    list.map((s) => [s.key, { every: s.every, pattern: s.pattern, tz: s.tz, data: s.template?.data }]),
  );
}

describe('job schedulers follow the rules file (real Redis, BullMQ)', () => {
  it('adds, updates and removes schedulers, leaving unchanged ones alone', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const queue = new Queue(ALERT_QUEUE, { connection: redis, prefix });
    const first = await syncSchedulers(
      queue,
      file([rule({ name: 'a', every: 60_000 }), rule({ name: 'b', every: 300_000 })]),
    );
    expect(first).toEqual({
      added: ['a', 'b', 'digest:C0123OPS:09:30:Europe/Berlin'],
      updated: [],
      removed: [],
      unchanged: [],
    });
    expect(await schedulers(queue)).toEqual({
      a: { every: 60_000, pattern: undefined, tz: undefined, data: { kind: 'rule', rule: 'a' } },
      b: { every: 300_000, pattern: undefined, tz: undefined, data: { kind: 'rule', rule: 'b' } },
      'digest:C0123OPS:09:30:Europe/Berlin': {
        every: undefined,
        pattern: '0 30 9 * * *',
        tz: 'Europe/Berlin',
        data: { kind: 'digest', id: 'digest:C0123OPS:09:30:Europe/Berlin' },
      },
    });
    // Ticks of rules with the same interval fall on the same boundaries.
    const delayed = await queue.getDelayed();
    expect(delayed.filter((job) => job.name === 'rule')).toHaveLength(2);
    expect(
      delayed
        .filter((job) => job.name === 'rule')
        .every((job) => Number(job.id?.split(':').at(-1)) % 60_000 === 1),
    ).toBe(true);

    const again = await syncSchedulers(
      queue,
      file([rule({ name: 'a', every: 60_000 }), rule({ name: 'b', every: 300_000 })]),
    );
    expect(again.unchanged).toHaveLength(3);

    const second = await syncSchedulers(
      queue,
      file([rule({ name: 'b', every: 30_000 }), rule({ name: 'c' })], []),
    );
    expect(second).toEqual({
      added: ['c'],
      updated: ['b'],
      removed: ['a', 'digest:C0123OPS:09:30:Europe/Berlin'],
      unchanged: [],
    });
    expect(Object.keys(await schedulers(queue)).sort()).toEqual(['b', 'c']);
    expect((await schedulers(queue)).b?.every).toBe(30_000);
    await queue.close();
  });

  it('forgets the alert state of rules removed from the file when the worker starts', async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const store = createAlertStore(redis, prefix);
    const options = {
      connection: redis,
      prefix,
      count: async () => {
        throw new Error('not counted');
      },
      poster: { post: async () => 'ts', update: async () => {} },
      logger: quiet,
    };
    const before = await ruleSource(redis, prefix, [
      rule({ name: 'old', every: 3_600_000 }),
      rule({ name: 'kept', every: 3_600_000 }),
    ]);
    const first = createAlertWorker({ ...options, rules: before });
    await first.start();
    await first.close();
    await before.stop();
    await store.update('old', (doc) => ({ ...doc, state: { ...doc.state, seq: 7 } }));
    await store.update('kept', (doc) => ({ ...doc, state: { ...doc.state, seq: 7 } }));
    const after = await ruleSource(redis, prefix, [rule({ name: 'kept', every: 3_600_000 })]);
    const second = createAlertWorker({ ...options, rules: after });
    expect(await second.start()).toMatchObject({ removed: ['old'], unchanged: ['kept'] });
    await second.close();
    await after.stop();
    expect(await redis.exists(store.key('old'))).toBe(0);
    expect((await store.read('kept')).doc.state.seq).toBe(7);
  });
});
