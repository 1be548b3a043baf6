import { describe, expect, it } from 'vitest';
import { staleQueryText } from '../../src/alerts/list-query.js';
import { parseRules, RulesError, type StaleRule } from '../../src/alerts/rules.js';
import { parseQuery } from '../../src/query/parse.js';

function problems(doc: unknown): readonly string[] {
  try {
    parseRules(doc, 'rules.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(RulesError);
    return (err as RulesError).problems;
  }
  throw new Error('expected the rules to be refused');
}

const stale = { name: 'stale-backups', kind: 'stale', channel: 'C0123ALERTS', maxAge: '26h' };
const count = {
  name: 'prod-failures',
  channel: 'C0123ALERTS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
};
const HOUR = 3_600_000;

describe('parseRules: stale rules', () => {
  it('reads maxAge as the window, one stale state, and threshold 1 when left out', () => {
    const [backups, copies] = parseRules({
      rules: [
        { ...stale, resourceTypes: ['rds'], accounts: ['*'], renotify: '12h', mention: '@here' },
        {
          ...stale,
          name: 'stale-copies',
          kind: 'Stale',
          maxAge: '2d',
          copies: true,
          threshold: 5,
          every: '15m',
          vaults: ['prod'],
          regions: ['eu-west-1'],
        },
      ],
    }).rules;
    expect(backups).toEqual({
      name: 'stale-backups',
      kind: 'stale',
      channel: 'C0123ALERTS',
      maxAge: 26 * HOUR,
      copies: false,
      window: 26 * HOUR,
      states: ['STALE'],
      threshold: 1,
      every: 300_000,
      accounts: ['*'],
      resourceTypes: ['RDS'],
      vaults: [],
      regions: [],
      renotify: 12 * HOUR,
      mention: '@here',
    });
    expect(copies).toMatchObject({
      kind: 'stale',
      maxAge: 48 * HOUR,
      window: 48 * HOUR,
      copies: true,
      states: ['STALE_COPY'],
      threshold: 5,
      every: 900_000,
      vaults: ['prod'],
      regions: ['eu-west-1'],
    });
  });

  it('takes ages from an hour to a year, by the one duration parser', () => {
    expect(parseRules({ rules: [{ ...stale, maxAge: '1h' }] }).rules[0]?.window).toBe(HOUR);
    expect(parseRules({ rules: [{ ...stale, maxAge: '365d' }] }).rules[0]?.window).toBe(365 * 24 * HOUR);
    expect(
      problems({
        rules: [
          { ...stale, maxAge: '30m' },
          { ...stale, name: 'b', maxAge: '366d' },
        ],
      }),
    ).toEqual([
      'rules[0] "stale-backups" maxAge: expected at least 1h (got "30m")',
      'rules[1] "b" maxAge: expected at most 365d (got "366d")',
    ]);
  });

  it('lists every problem of stale and count rules at once, in file order', () => {
    const list = problems({
      rules: [
        { name: 'no-age', kind: 'stale', channel: 'C0123ALERTS', window: '26h', states: ['FAILED'] },
        { ...stale, name: 'bad-age', maxAge: 'a day', copies: 'yes', threshold: 0 },
        { ...count, maxAge: '26h', copies: true },
        { ...count, name: 'copy-age', kind: 'copy', maxAge: '2d' },
        { name: 'bare', channel: 'C0123ALERTS' },
        { ...stale, name: 'coverage-pass' },
      ],
    });
    expect(list).toEqual([
      'rules[0] "no-age" maxAge: expected a duration like 26h (s, m, h, d or w, combined like 1h30m)',
      'rules[0] "no-age" window: expected no window: a stale rule takes maxAge, not window (got "26h")',
      'rules[0] "no-age" states: expected no states: a stale rule counts resources whose last good backup is older than maxAge, whatever their jobs',
      'rules[1] "bad-age" maxAge: expected a duration like 26h (s, m, h, d or w, combined like 1h30m) (got "a day")',
      'rules[1] "bad-age" copies: expected true or false (got "yes")',
      'rules[1] "bad-age" threshold: expected at least 1 (got 0)',
      'rules[2] "prod-failures" maxAge: expected no maxAge: maxAge is for stale rules (kind: stale); a backup rule counts the jobs that ended in its window (got "26h")',
      'rules[2] "prod-failures" copies: expected no copies: copies is for stale rules (kind: stale); a backup rule counts the jobs that ended in its window (got true)',
      'rules[3] "copy-age" maxAge: expected no maxAge: maxAge is for stale rules (kind: stale); a copy rule counts the jobs that ended in its window (got "2d")',
      'rules[4] "bare" states: expected a list of states like [FAILED, PARTIAL]',
      'rules[4] "bare" threshold: expected a whole number of at least 1, like 3',
      'rules[4] "bare" window: expected a duration like 1h or 24h (s, m, h, d or w, combined like 1h30m)',
      'rules[5] "coverage-pass" name: expected a name other than coverage-pass, which the worker\'s coverage passes use (got "coverage-pass")',
    ]);
  });
});

describe('the question behind a stale alert', () => {
  it('is the stale command with the rule age and filters, as people type it', () => {
    const [backups, copies] = parseRules({
      rules: [
        { ...stale, resourceTypes: ['rds', 'storage gateway'], accounts: ['111122223333', '444455556666'] },
        {
          ...stale,
          name: 'stale-copies',
          maxAge: '1h30m',
          copies: true,
          vaults: ['prod'],
          regions: ['eu-west-1'],
        },
      ],
    }).rules;
    if (backups?.kind !== 'stale' || copies?.kind !== 'stale') throw new Error('expected stale rules');
    expect(staleQueryText(backups)).toBe(
      'stale 26h account:111122223333,444455556666 type:"RDS,Storage Gateway"',
    );
    expect(staleQueryText(copies)).toBe('stale copies 90m vault:prod region:eu-west-1');
  });

  it('reads back as the rule: the same age, copies and filters', () => {
    const rules = parseRules({
      rules: [
        { ...stale, resourceTypes: ['Storage Gateway', 'EBS'], accounts: ['*'], vaults: ['prod', 'dr'] },
        { ...stale, name: 'stale-copies', maxAge: '7d', copies: true, regions: ['eu-west-1', 'us-east-1'] },
      ],
    }).rules as StaleRule[];
    for (const rule of rules) {
      const parsed = parseQuery(staleQueryText(rule), { now: new Date(0), timeZone: 'UTC' });
      expect(parsed).toMatchObject({
        ok: true,
        query: {
          kind: 'stale',
          maxAgeMs: rule.maxAge,
          copies: rule.copies,
          filters: {
            accounts: rule.accounts,
            regions: rule.regions,
            resourceTypes: rule.resourceTypes,
            vaults: rule.vaults,
          },
        },
      });
    }
  });
});
