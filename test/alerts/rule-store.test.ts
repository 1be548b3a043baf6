import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleInput } from '../../src/alerts/rule-input.js';
import { createRuleStore, type RuleStore, RulesUnavailableError } from '../../src/alerts/rule-store.js';
import { parseRules, type RulesFile } from '../../src/alerts/rules.js';
import { dropPrefix, redisConnection, testPrefix } from './helpers.js';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const INPUT: RuleInput = {
  name: 'slack-failures',
  channel: 'C0ALERTS',
  states: ['failed'],
  threshold: 2,
  window: '120m',
};
/** INPUT as the store keeps it: checked, with the defaults the rules file gives. */
const SAVED = { ...INPUT, kind: 'backup', states: ['FAILED'], window: '2h', every: '5m' };
const FILE: RulesFile = parseRules({
  rules: [{ name: 'file-failures', channel: 'C0ALERTS', states: ['FAILED'], threshold: 1, window: '1h' }],
});

let redis: Redis;
const prefixes: string[] = [];
beforeAll(() => {
  redis = redisConnection();
});
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
});

function store(): RuleStore {
  const prefix = testPrefix();
  prefixes.push(prefix);
  return createRuleStore(redis, prefix, () => FILE);
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('rule store (real Redis)', () => {
  it('creates, updates, pauses, resumes and deletes, one version and one audit entry each', async () => {
    const rules = store();
    const created = ok(await rules.create(INPUT, ALICE));
    expect(created.entry).toMatchObject({ origin: 'slack', version: 1, paused: false, updatedBy: ALICE });
    expect(created.entry.rule).toMatchObject({
      name: 'slack-failures',
      window: 7_200_000,
      states: ['FAILED'],
    });
    const updated = ok(await rules.update('slack-failures', { ...INPUT, threshold: 5 }, 1, BOB));
    expect(updated.entry).toMatchObject({ version: 2, updatedBy: BOB, rule: { threshold: 5 } });
    expect(ok(await rules.setPaused('slack-failures', true, ALICE)).entry).toMatchObject({
      version: 3,
      paused: true,
    });
    // Already paused: nothing changes, no version, no audit entry.
    expect(ok(await rules.setPaused('slack-failures', true, ALICE)).entry.version).toBe(3);
    expect(ok(await rules.setPaused('slack-failures', false, BOB)).entry).toMatchObject({
      version: 4,
      paused: false,
    });
    expect(ok(await rules.remove('slack-failures', 4, ALICE)).entry.version).toBe(5);
    expect((await rules.snapshot()).entries).toEqual([]);
    expect(await rules.revision()).toBe(5);

    const history = await rules.history('slack-failures');
    expect(history.map((c) => [c.action, c.version, c.by])).toEqual([
      ['delete', 5, ALICE],
      ['resume', 4, BOB],
      ['pause', 3, ALICE],
      ['update', 2, BOB],
      ['create', 1, ALICE],
    ]);
    expect(history[4]).toEqual({
      rule: 'slack-failures',
      action: 'create',
      by: ALICE,
      at: expect.any(Number),
      version: 1,
      after: SAVED,
    });
    expect(history[3]).toMatchObject({ before: SAVED, after: { ...SAVED, threshold: 5 } });
    expect(history[0]).toEqual(expect.objectContaining({ before: { ...SAVED, threshold: 5 } }));
    expect(history[0]).not.toHaveProperty('after');
    // A rule made again under the name goes on from the last version, never back to one.
    expect(ok(await rules.create(INPUT, BOB)).entry.version).toBe(6);
  });

  it('lets one of two saves of the same version win; the other is told the winner’s version', async () => {
    const rules = store();
    ok(await rules.create(INPUT, ALICE));
    const [a, b] = await Promise.all([
      rules.update('slack-failures', { ...INPUT, threshold: 3 }, 1, ALICE),
      rules.update('slack-failures', { ...INPUT, threshold: 4 }, 1, BOB),
    ]);
    const results = [a, b];
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      { ok: false, reason: 'conflict', current: expect.objectContaining({ version: 2 }) },
    ]);
    const winner = ok(won[0]!).entry;
    expect(lost[0]).toMatchObject({
      current: { rule: { threshold: winner.rule.threshold }, updatedBy: winner.updatedBy },
    });
    const history = await rules.history('slack-failures');
    expect(history.map((c) => c.version)).toEqual([2, 1]);
    expect((await rules.snapshot()).entries).toEqual([winner]);
  });

  it('keeps at most one save of many racing on the same version, and no rule half-saved', async () => {
    const rules = store();
    ok(await rules.create(INPUT, ALICE));
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        rules.update('slack-failures', { ...INPUT, threshold: i + 1 }, 1, `U0${i}`),
      ),
    );
    expect(saves.filter((s) => s.ok)).toHaveLength(1);
    const [entry] = (await rules.snapshot()).entries;
    const [last] = await rules.history('slack-failures', 1);
    expect(entry!.version).toBe(2);
    expect(last).toMatchObject({
      version: 2,
      by: entry!.updatedBy,
      after: { threshold: entry!.rule.threshold },
    });
    expect(await rules.revision()).toBe(2);
  });

  it('refuses a name taken in Redis or by the file, and any change of a file rule', async () => {
    const rules = store();
    ok(await rules.create(INPUT, ALICE));
    expect(await rules.create({ ...INPUT, threshold: 9 }, BOB)).toMatchObject({
      ok: false,
      reason: 'exists',
      current: { origin: 'slack', version: 1, rule: { threshold: 2 } },
    });
    const fileRule = { origin: 'file', version: 0, paused: false, rule: FILE.rules[0] };
    expect(await rules.create({ ...INPUT, name: 'file-failures' }, BOB)).toEqual({
      ok: false,
      reason: 'exists',
      current: fileRule,
    });
    const readOnly = { ok: false, reason: 'read_only', current: fileRule };
    expect(await rules.update('file-failures', { ...INPUT, name: 'file-failures' }, 0, BOB)).toEqual(
      readOnly,
    );
    expect(await rules.setPaused('file-failures', true, BOB)).toEqual(readOnly);
    expect(await rules.remove('file-failures', 0, BOB)).toEqual(readOnly);
    expect(await rules.history('file-failures')).toEqual([]);
  });

  it('says a rule is missing, or a version is not the current one, without changing anything', async () => {
    const rules = store();
    const missing = { ok: false, reason: 'missing' };
    expect(await rules.update('nope', { ...INPUT, name: 'nope' }, 1, ALICE)).toEqual(missing);
    expect(await rules.setPaused('nope', true, ALICE)).toEqual(missing);
    expect(await rules.remove('nope', 1, ALICE)).toEqual(missing);
    ok(await rules.create(INPUT, ALICE));
    expect(await rules.remove('slack-failures', 7, BOB)).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 1 },
    });
    // A form opened on an older version hears of the newer one before its fields are checked.
    expect(await rules.update('slack-failures', { ...INPUT, window: 'soon' }, 0, BOB)).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 1, updatedBy: ALICE },
    });
    expect(await rules.revision()).toBe(1);
    expect(await rules.history()).toHaveLength(1);
  });

  it('answers a wrong value with the field and an example, and keeps a rule’s name', async () => {
    const rules = store();
    const invalid = await rules.create({ ...INPUT, window: 'soon', channel: '#ops' }, ALICE);
    expect(invalid).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        channel: 'Expected a Slack channel id like C0123ALERTS, not "#ops".',
        window: 'Expected a duration like 1h or 24h (s, m, h, d or w, combined like 1h30m), not "soon".',
      },
    });
    ok(await rules.create(INPUT, ALICE));
    const renamed = await rules.update('slack-failures', { ...INPUT, name: 'other' }, 1, ALICE);
    expect(renamed).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { name: expect.stringMatching(/like other/) },
    });
    expect(await rules.revision()).toBe(1);
  });

  it('lists the changes of every rule newest first, as many as asked', async () => {
    const rules = store();
    for (const name of ['a-rule', 'b-rule', 'c-rule']) ok(await rules.create({ ...INPUT, name }, ALICE));
    ok(await rules.setPaused('a-rule', true, BOB));
    expect((await rules.history()).map((c) => [c.rule, c.action])).toEqual([
      ['a-rule', 'pause'],
      ['c-rule', 'create'],
      ['b-rule', 'create'],
      ['a-rule', 'create'],
    ]);
    expect((await rules.history(undefined, 2)).map((c) => c.rule)).toEqual(['a-rule', 'c-rule']);
    expect((await rules.snapshot()).entries.map((e) => [e.rule.name, e.paused])).toEqual([
      ['a-rule', true],
      ['b-rule', false],
      ['c-rule', false],
    ]);
  });

  it('says rules cannot be edited right now when Redis does not answer', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    const rules = createRuleStore(down, testPrefix());
    const refused = rules.create(INPUT, ALICE);
    await expect(refused).rejects.toBeInstanceOf(RulesUnavailableError);
    await expect(refused).rejects.toMatchObject({
      code: 'REDIS_UNAVAILABLE',
      message: 'Alert rules cannot be edited right now: their storage (Redis) does not answer.',
    });
    await expect(rules.history()).rejects.toMatchObject({ code: 'REDIS_UNAVAILABLE' });
    down.disconnect();
  });
});
