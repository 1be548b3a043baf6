import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadRules, parseRules, RulesError } from '../../src/alerts/rules.js';
import { demoRules } from '../../src/cli/demo-rules.js';
import { COUNTABLE_OF_KIND } from '../../src/domain/index.js';

function problems(doc: unknown): readonly string[] {
  try {
    parseRules(doc, 'rules.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(RulesError);
    expect((err as RulesError).code).toBe('RULES_INVALID');
    return (err as RulesError).problems;
  }
  throw new Error('expected the rules to be refused');
}

const good = {
  name: 'prod-failures',
  channel: 'C0123ALERTS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
};

describe('parseRules', () => {
  it('reads durations and types as /backup-jobs does: 1h30m, and a type AWS added since', () => {
    const [rule] = parseRules({
      rules: [{ ...good, window: '1h30m', every: '2m 30s', resourceTypes: ['Lightsail', 'storage_gateway'] }],
    }).rules;
    expect(rule).toMatchObject({ window: 5_400_000, every: 150_000 });
    expect(rule?.resourceTypes).toEqual(['Lightsail', 'Storage Gateway']);
  });

  it('reads a full rule with defaults, aliases and durations in ms', () => {
    const file = parseRules({
      rules: [
        {
          ...good,
          states: ['failed', 'partial', 'completed with issues'],
          every: '30s',
          accounts: ['*'],
          resourceTypes: ['rds', 'EBS', 'dynamo', 'storage gateway'],
          renotify: '4h',
          mention: '@here',
        },
        { ...good, name: 'nightly' },
      ],
      digests: [{ channel: 'C0123OPS', at: '09:00', tz: 'Europe/Berlin' }],
    });
    expect(file.rules[0]).toMatchObject({
      states: ['FAILED', 'PARTIAL', 'COMPLETED_WITH_ISSUES'],
      window: 3_600_000,
      every: 30_000,
      renotify: 14_400_000,
      resourceTypes: ['RDS', 'EBS', 'DynamoDB', 'Storage Gateway'],
      accounts: ['*'],
    });
    expect(file.rules[1]).toMatchObject({ every: 300_000, accounts: [], vaults: [], regions: [] });
    expect(file.rules[1]?.renotify).toBeUndefined();
    expect(file.digests[0]).toEqual({
      channel: 'C0123OPS',
      at: '09:00',
      tz: 'Europe/Berlin',
      accounts: [],
      regions: [],
    });
  });

  it('accepts an empty file as no rules', () => {
    expect(parseRules(null)).toEqual({ rules: [], digests: [] });
  });

  it('lists every problem at once, each naming the rule and the field', () => {
    const list = problems({
      rules: [
        { ...good, threshold: 0, every: '2s', states: ['FAILED', 'BROKEN'] },
        { ...good, name: 'Bad Name', channel: 'general', window: 'an hour', accounts: ['12345'] },
        {
          ...good,
          resourceTypes: ['rdss', 'Lightsail'],
          regions: ['mars'],
          treshold: 4,
          mention: 'everyone',
        },
        { channel: 'C0123ALERTS', states: [], threshold: 'three', window: '40d' },
      ],
      digests: [{ channel: 'C0123OPS', at: '9am', tz: 'Mars/Olympus' }],
    });
    expect(list).toEqual([
      'rules[0] "prod-failures" states[1]: expected one of FAILED, PARTIAL, ABORTED, EXPIRED, COMPLETED_WITH_ISSUES (got "BROKEN")',
      'rules[0] "prod-failures" threshold: expected at least 1 (got 0)',
      'rules[0] "prod-failures" every: expected at least 5s (got "2s")',
      'rules[1] "Bad Name" name: expected lower-case letters, digits and dashes, like prod-failures (got "Bad Name")',
      'rules[1] "Bad Name" channel: expected a Slack channel id like C0123ALERTS (got "general")',
      'rules[1] "Bad Name" window: expected a duration like 1h or 24h (s, m, h, d or w, combined like 1h30m) (got "an hour")',
      'rules[1] "Bad Name" accounts[0]: expected a 12-digit account id or * (got "12345")',
      'rules[2] "prod-failures" resourceTypes[0]: expected a resource type like RDS, EBS, DynamoDB or S3 — did you mean rds? (got "rdss")',
      'rules[2] "prod-failures" regions[0]: expected a region like eu-west-1 (got "mars")',
      'rules[2] "prod-failures" mention: expected a mention like @here, @channel, <@U0123ABCD> or <!subteam^S0123ABCD> (got "everyone")',
      'rules[2] "prod-failures": unknown field "treshold"',
      'rules[3] name: expected a name like prod-failures',
      'rules[3] states: expected at least one state',
      'rules[3] threshold: expected a whole number of at least 1, like 3 (got "three")',
      'rules[3] window: expected at most 30d (got "40d")',
      'digests[0] (C0123OPS) at: expected a time like "09:00" (HH:MM) (got "9am")',
      'digests[0] (C0123OPS) tz: expected an IANA zone like Europe/Berlin (got "Mars/Olympus")',
      'rules[2] "prod-failures" name: "prod-failures" is already used by rules[0]',
    ]);
  });

  it('refuses a document that is not a mapping', () => {
    expect(problems(['a'])).toEqual(['the file: expected a mapping with "rules" and optional "digests"']);
    expect(problems({ rules: 'x' })).toEqual(['rules: expected a list of rules (got "x")']);
  });
});

describe('parseRules: the kind of job a rule counts', () => {
  it('counts backup jobs unless told, and reads kinds and states in any case', () => {
    const [backup, copy, restore] = parseRules({
      rules: [
        good,
        { ...good, name: 'dr-copies', kind: 'Copy', states: ['failed', 'completed with issues'] },
        {
          ...good,
          name: 'restore-tests',
          kind: ' RESTORE ',
          states: ['Validation-Failed', 'validation timed out', 'aborted'],
          resourceTypes: ['rds'],
        },
      ],
    }).rules;
    expect(backup).toMatchObject({ kind: 'backup', states: ['FAILED'] });
    expect(copy).toMatchObject({ kind: 'copy', states: ['FAILED', 'COMPLETED_WITH_ISSUES'] });
    expect(restore).toMatchObject({
      kind: 'restore',
      states: ['VALIDATION_FAILED', 'VALIDATION_TIMED_OUT', 'ABORTED'],
      resourceTypes: ['RDS'],
    });
  });

  it('takes vaults on copy rules: a copy is in its source and its destination vault', () => {
    const [rule] = parseRules({ rules: [{ ...good, kind: 'copy', vaults: ['dr-vault'] }] }).rules;
    expect(rule).toMatchObject({ kind: 'copy', vaults: ['dr-vault'] });
  });

  it('checks states and filters against the kind, with every other problem, in file order', () => {
    const list = problems({
      rules: [
        {
          name: 'restore-tests',
          kind: 'restore',
          channel: 'C0123ALERTS',
          states: ['VALIDATION_FAILED', 'PARTIAL', 'completed with issues'],
          threshold: 0,
          window: '1h',
          vaults: ['prod-vault'],
        },
        { ...good, name: 'dr-copies', kind: 'copy', states: ['FAILED', 'EXPIRED', 'ABORTED'] },
        { ...good, name: 'nightly', states: ['validation failed', 'FAILED'], vaults: ['prod-vault'] },
        { ...good, name: 'snapshots', kind: 'snapshot', states: ['BROKEN', 'VALIDATION_FAILED'] },
      ],
    });
    expect(list).toEqual([
      'rules[0] "restore-tests" states[1]: expected one of FAILED, ABORTED, VALIDATION_FAILED, VALIDATION_TIMED_OUT, the states a restore rule counts; PARTIAL is counted by backup and copy rules (got "PARTIAL")',
      'rules[0] "restore-tests" states[2]: expected one of FAILED, ABORTED, VALIDATION_FAILED, VALIDATION_TIMED_OUT, the states a restore rule counts; COMPLETED_WITH_ISSUES is counted by backup and copy rules (got "completed with issues")',
      'rules[0] "restore-tests" threshold: expected at least 1 (got 0)',
      'rules[0] "restore-tests" vaults: expected no vaults: restore jobs have no vault; a restore rule filters by accounts, resourceTypes, regions',
      'rules[1] "dr-copies" states[1]: expected one of FAILED, PARTIAL, COMPLETED_WITH_ISSUES, the states a copy rule counts; EXPIRED is counted by backup rules (got "EXPIRED")',
      'rules[1] "dr-copies" states[2]: expected one of FAILED, PARTIAL, COMPLETED_WITH_ISSUES, the states a copy rule counts; ABORTED is counted by backup and restore rules (got "ABORTED")',
      'rules[2] "nightly" states[0]: expected one of FAILED, PARTIAL, ABORTED, EXPIRED, COMPLETED_WITH_ISSUES, the states a backup rule counts; VALIDATION_FAILED is counted by restore rules (got "validation failed")',
      'rules[3] "snapshots" states[0]: expected one of FAILED, PARTIAL, ABORTED, EXPIRED, COMPLETED_WITH_ISSUES, VALIDATION_FAILED, VALIDATION_TIMED_OUT (got "BROKEN")',
      'rules[3] "snapshots" kind: expected one of backup, copy, restore, stale (got "snapshot")',
    ]);
  });

  it('refuses a rule whose kind is not text, and still checks the rest', () => {
    expect(problems({ rules: [{ ...good, kind: 3, states: ['FAILED', 'NOPE'] }] })).toEqual([
      'rules[0] "prod-failures" states[1]: expected one of FAILED, PARTIAL, ABORTED, EXPIRED, COMPLETED_WITH_ISSUES, VALIDATION_FAILED, VALIDATION_TIMED_OUT (got "NOPE")',
      'rules[0] "prod-failures" kind: expected one of backup, copy, restore, stale (got 3)',
    ]);
  });
});

describe('loadRules', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  async function file(text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'bj-rules-'));
    dirs.push(dir);
    const path = join(dir, 'rules.yaml');
    await writeFile(path, text);
    return path;
  }

  it('loads the example that ships with the repo', async () => {
    const rules = await loadRules('alert-rules.example.yaml');
    expect(rules.rules.length).toBeGreaterThan(1);
    expect(rules.digests.length).toBeGreaterThan(0);
  });

  it('reads the rules the README shows, and the README names the states each kind counts', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Alert rules'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(parseRules(parseYaml(yaml ?? '')).rules.map((r) => r.kind)).toEqual([
      'copy',
      'restore',
      'stale',
      'stale',
    ]);
    for (const [kind, states] of Object.entries(COUNTABLE_OF_KIND)) {
      const row = new RegExp(`^\\| \`${kind}\` \\| ([A-Z_, ]+)`, 'm').exec(section)?.[1];
      expect(row?.trim().split(', '), kind).toEqual(states);
    }
  });

  it('reads the demo rules, a copy, a restore and a stale rule among them', () => {
    const gap = {
      resourceArn: 'arn:aws:rds:eu-west-1:111122223333:db:payments',
      resourceName: 'payments',
      resourceType: 'RDS',
      accountId: '011122223333',
      region: 'eu-west-1',
      lastBackupTime: new Date(),
    };
    expect(parseRules(parseYaml(demoRules())).rules.map((r) => r.kind)).toEqual([
      'backup',
      'backup',
      'copy',
      'restore',
    ]);
    const rules = parseRules(parseYaml(demoRules(gap))).rules;
    expect(rules.map((r) => r.kind)).toEqual(['backup', 'backup', 'copy', 'restore', 'stale']);
    // An account id with a leading zero stays the string it is.
    expect(rules[4]).toMatchObject({
      accounts: ['011122223333'],
      regions: ['eu-west-1'],
      resourceTypes: ['RDS'],
      maxAge: 26 * 3_600_000,
    });
  });

  it('says where the YAML is broken', async () => {
    const path = await file('rules:\n  - name: a\n   channel: [\n');
    await expect(loadRules(path)).rejects.toThrow(/is not valid YAML at line \d/);
  });

  it('says when the file is missing', async () => {
    await expect(loadRules('/nonexistent/rules.yaml')).rejects.toThrow('cannot be read: ENOENT');
  });
});
