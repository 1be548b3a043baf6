import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchRulesFile } from '../../src/alerts/rule-file-watch.js';
import { createRuleSource, type RuleSource } from '../../src/alerts/rule-source.js';
import { createRuleStore, type RuleEntry } from '../../src/alerts/rule-store.js';
import { dropPrefix, quiet, REDIS_URL, redisConnection, testPrefix } from './helpers.js';

let redis: Redis;
let dir: string;
const prefixes: string[] = [];
const sources: RuleSource[] = [];

beforeAll(async () => {
  redis = redisConnection();
  dir = await mkdtemp(join(tmpdir(), 'bj-rule-source-'));
});
afterAll(async () => {
  await Promise.all(sources.map((s) => s.stop()));
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

function yamlRule(name: string, threshold = 1): string {
  return `  - name: ${name}\n    channel: C0ALERTS\n    states: [FAILED]\n    threshold: ${threshold}\n    window: 1h\n`;
}

async function rulesFile(name: string, ...rules: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `rules:\n${rules.join('')}`);
  return path;
}

async function source(o: { file?: string; pollMs?: number; connection?: Redis; timeoutMs?: number } = {}) {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const created = await createRuleSource({
    redis: o.connection ?? redis,
    prefix,
    file: o.file,
    pollMs: o.pollMs ?? 100,
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    logger: quiet,
  });
  await created.start();
  sources.push(created);
  return { source: created, prefix };
}

/** The next snapshot the source announces that `ready` accepts. */
function changed(rules: RuleSource, ready: (entries: RuleEntry[]) => boolean): Promise<RuleEntry[]> {
  return new Promise((resolve) => {
    const off = rules.onChange((entries) => {
      if (!ready(entries)) return;
      off();
      resolve(entries);
    });
  });
}

const names = (entries: readonly RuleEntry[]) =>
  entries.map((e) => `${e.origin}:${e.rule.name}:${e.version}`);

describe('rule source: the rules file and Redis, kept current (real Redis, real files)', () => {
  it('reloads the file when it is written, and when it is replaced as editors and ConfigMaps do', async () => {
    const path = await rulesFile('reload.yaml', yamlRule('first'));
    // A poll far slower than the test: only the watch can see the changes in time.
    const { source: rules } = await source({ file: path, pollMs: 60_000 });
    expect(names(rules.current())).toEqual(['file:first:0']);
    const written = changed(rules, (e) => e.length === 2);
    await writeFile(path, `rules:\n${yamlRule('first')}${yamlRule('second')}`);
    expect(names(await written)).toEqual(['file:first:0', 'file:second:0']);

    const replaced = changed(rules, (e) => e.some((x) => x.rule.name === 'third'));
    const next = join(dir, 'reload.yaml.tmp');
    await writeFile(next, `rules:\n${yamlRule('third')}`);
    await rename(next, path);
    expect(names(await replaced)).toEqual(['file:third:0']);
    expect(rules.find('third')?.rule.threshold).toBe(1);
    expect(rules.find('first')).toBeUndefined();
    expect(rules.problem()).toBeUndefined();
  });

  it('sees a change the watch missed at the next poll, by the file’s modification time', async () => {
    const path = await rulesFile('polled.yaml', yamlRule('before'));
    // Not watched: only `check`, which the poll calls, can see the change.
    const file = await watchRulesFile(path, quiet);
    expect(await file.check()).toBe(false);
    await writeFile(path, `rules:\n${yamlRule('after')}`);
    expect(await file.check()).toBe(true);
    expect(file.rules().rules.map((r) => r.name)).toEqual(['after']);
    expect(await file.check()).toBe(false);
    file.close();
  });

  it('keeps the last good rules of a file that turns invalid, says why, and takes the fixed file', async () => {
    const path = await rulesFile('invalid.yaml', yamlRule('kept', 3));
    const { source: rules } = await source({ file: path, pollMs: 60_000 });
    await writeFile(path, `rules:\n${yamlRule('kept', 0)}`);
    await rules.refresh();
    expect(rules.problem()).toMatch(/rules\[0\] "kept" threshold: expected at least 1 \(got 0\)/);
    expect(rules.problem()).toMatch(/The last good rules of the file stay in use/);
    expect(rules.find('kept')?.rule.threshold).toBe(3);

    const fixed = changed(rules, (e) => e[0]?.rule.threshold === 5);
    await writeFile(path, `rules:\n${yamlRule('kept', 5)}`);
    await fixed;
    expect(rules.problem()).toBeUndefined();
  });

  it('refuses to start on a file that is invalid now', async () => {
    const path = await rulesFile('bad.yaml', yamlRule('Bad Name'));
    await expect(
      createRuleSource({ redis, prefix: testPrefix(), file: path, logger: quiet }),
    ).rejects.toMatchObject({
      code: 'RULES_INVALID',
    });
  });

  it('sees rules made, paused and deleted in Redis within a poll, after the file’s, by name', async () => {
    const path = await rulesFile('beside.yaml', yamlRule('from-file'));
    const { source: rules, prefix } = await source({ file: path });
    // Another process (the bot) saves: this source hears of it only by polling.
    const other = createRuleStore(redis, prefix);
    const input = { channel: 'C0ALERTS', states: ['FAILED'], threshold: 1, window: '1h' };
    const made = changed(rules, (e) => e.length === 3);
    expect((await other.create({ ...input, name: 'zz-slack' }, 'U0ALICE')).ok).toBe(true);
    expect((await other.create({ ...input, name: 'aa-slack' }, 'U0ALICE')).ok).toBe(true);
    expect(names(await made)).toEqual(['file:from-file:0', 'slack:aa-slack:1', 'slack:zz-slack:1']);
    expect(rules.find('aa-slack')).toMatchObject({ updatedBy: 'U0ALICE', paused: false });

    const paused = changed(rules, (e) => e.some((x) => x.paused));
    await other.setPaused('aa-slack', true, 'U0BOB');
    expect((await paused).find((e) => e.rule.name === 'aa-slack')).toMatchObject({
      paused: true,
      version: 2,
    });
    const deleted = changed(rules, (e) => e.length === 2);
    await other.remove('zz-slack', 1, 'U0BOB');
    expect(names(await deleted)).toEqual(['file:from-file:0', 'slack:aa-slack:2']);
    expect(rules.digests()).toEqual([]);
  });

  it('serves the last known rules when Redis goes away, and refuses edits with a clear reason', async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const { source: rules, prefix } = await source({ connection });
    const made = changed(rules, (e) => e.length === 1);
    await createRuleStore(redis, prefix).create(
      { name: 'slack-rule', channel: 'C0ALERTS', states: ['FAILED'], threshold: 1, window: '1h' },
      'U0ALICE',
    );
    await made;
    connection.disconnect();
    await rules.refresh();
    expect(rules.problem()).toMatch(
      /^The alert rules in Redis cannot be read \(.+\): alerts run on the rules last read\.$/,
    );
    expect(names(rules.current())).toEqual(['slack:slack-rule:1']);
    await expect(rules.store.setPaused('slack-rule', true, 'U0ALICE')).rejects.toMatchObject({
      code: 'REDIS_UNAVAILABLE',
      message: 'Alert rules cannot be edited right now: their storage (Redis) does not answer.',
    });
  });

  it('says so when Redis hangs, rather than waiting for it', async () => {
    // Commands queue for a server that never answers, as the worker's connection does.
    const hanging = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: null, lazyConnect: true });
    hanging.on('error', () => undefined);
    const { source: rules } = await source({ connection: hanging, timeoutMs: 200 });
    expect(rules.current()).toEqual([]);
    expect(rules.problem()).toMatch(/Redis did not answer within 200 ms/);
    await rules.stop();
    hanging.disconnect();
  });
});
