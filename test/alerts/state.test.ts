import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../../src/alerts/alert-state.js';
import { createAlertStore, emptyAlert } from '../../src/alerts/state.js';
import { dropPrefix, redisConnection, testPrefix } from './helpers.js';

describe('alert state store (real Redis)', () => {
  const prefix = testPrefix();
  const connections: Redis[] = [];
  beforeAll(() => {
    for (let i = 0; i < 6; i++) connections.push(redisConnection());
  });
  afterAll(async () => {
    await dropPrefix(connections[0]!, prefix);
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('keeps state under <prefix>:alert:<rule>', async () => {
    const store = createAlertStore(connections[0]!, prefix);
    expect(store.key('nightly')).toBe(`${prefix}:alert:nightly`);
    expect((await store.read('nightly')).doc).toEqual(emptyAlert());
    expect(await store.write('nightly', 0, { state: { ...INITIAL_STATE, seq: 1 }, effects: [] })).toBe(true);
    expect(await connections[0]!.exists(`${prefix}:alert:nightly`)).toBe(1);
  });

  it('lets exactly one of several connections claim the same version', async () => {
    const stores = connections.map((c) => createAlertStore(c, prefix));
    for (let round = 0; round < 20; round++) {
      const rule = `claim-${round}`;
      const seen = await Promise.all(stores.map((s) => s.read(rule)));
      const wins = await Promise.all(
        stores.map((s, i) =>
          s.write(rule, seen[i]!.version, { state: { ...INITIAL_STATE, seq: i + 1 }, effects: [] }),
        ),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = wins.indexOf(true);
      expect((await stores[0]!.read(rule)).doc.state.seq).toBe(winner + 1);
    }
  });

  it('loses no update when many connections change the same rule at once', async () => {
    const stores = connections.map((c) => createAlertStore(c, prefix));
    await Promise.all(
      stores.flatMap((s) =>
        Array.from({ length: 10 }, () =>
          s.update('counter', (doc) => ({ ...doc, state: { ...doc.state, seq: doc.state.seq + 1 } })),
        ),
      ),
    );
    const { version, doc } = await stores[0]!.read('counter');
    expect(doc.state.seq).toBe(60);
    expect(version).toBe(60);
  });

  it('leaves the document alone when the change returns null', async () => {
    const store = createAlertStore(connections[0]!, prefix);
    const before = await store.read('untouched');
    await store.update('untouched', () => null);
    expect((await store.read('untouched')).version).toBe(before.version);
  });
});
