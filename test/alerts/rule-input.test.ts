import { describe, expect, it } from 'vitest';
import { checkRuleInput, durationText, inputOfRule, type RuleInput } from '../../src/alerts/rule-input.js';
import { parseRules } from '../../src/alerts/rules.js';
import { parseDuration } from '../../src/time/duration.js';

const GOOD: RuleInput = {
  name: 'slack-failures',
  kind: 'backup',
  channel: 'C0ALERTS',
  states: ['FAILED', 'PARTIAL'],
  threshold: 2,
  window: '2h',
  every: '30s',
};

function errorsOf(input: RuleInput) {
  const checked = checkRuleInput(input);
  if (checked.ok) throw new Error(`expected problems with ${JSON.stringify(input)}`);
  return checked.errors;
}

describe('checkRuleInput: a rule as a person enters it, with the rules file’s checks', () => {
  it('gives the same rule the rules file gives for the same fields', () => {
    const checked = checkRuleInput(GOOD);
    expect(checked).toEqual({ ok: true, rule: parseRules({ rules: [GOOD] }).rules[0] });
  });

  it('names each wrong field, and says what a right value looks like with an example', () => {
    const errors = errorsOf({
      ...GOOD,
      name: 'Prod Failures',
      channel: '#ops',
      threshold: 0,
      window: 'soon',
      every: '1s',
      accounts: ['12'],
      regions: ['mars-1'],
      mention: 'hey',
    });
    expect(errors).toEqual({
      name: 'Expected lower-case letters, digits and dashes, like prod-failures, not "Prod Failures".',
      channel: 'Expected a Slack channel id like C0123ALERTS, not "#ops".',
      threshold: 'Expected at least 1, like 3, not 0.',
      window: 'Expected a duration like 1h or 24h (s, m, h, d or w, combined like 1h30m), not "soon".',
      every: 'Expected at least 5s, like 5m, not "1s".',
      accounts: 'Expected a 12-digit account id or *, like 123456789012 or *, not "12".',
      regions: 'Expected a region like eu-west-1, not "mars-1".',
      mention: 'Expected a mention like @here, @channel, <@U0123ABCD> or <!subteam^S0123ABCD>, not "hey".',
    });
    for (const sentence of Object.values(errors)) expect(sentence).toMatch(/\blike\b.*\.$/);
  });

  it('says which fields a kind needs and which it does not take', () => {
    expect(errorsOf({ name: 'x', channel: 'C0ALERTS', kind: 'stale', window: '1h' })).toEqual({
      maxAge: 'Required: a duration like 26h (s, m, h, d or w, combined like 1h30m).',
      window: 'No window: a stale rule takes maxAge, not window.',
    });
    const restore = errorsOf({ ...GOOD, kind: 'restore', states: ['PARTIAL'], vaults: ['v'] });
    expect(restore.states).toMatch(/^Expected one of FAILED, ABORTED, .* not "PARTIAL"\.$/);
    expect(restore.vaults).toMatch(/^No vaults: restore jobs have no vault/);
  });

  it('puts a suggestion after what was entered, and refuses fields the rules file does not have', () => {
    const errors = errorsOf({ ...GOOD, resourceTypes: ['EBSS'], paused: true });
    expect(errors.resourceTypes).toMatch(/, not "EBSS" — did you mean ebs\?$/i);
    expect(errors.paused).toMatch(/^"paused" is not a field of an alert rule: the fields are name, kind,/);
  });

  it('asks for the fields that have no default', () => {
    expect(Object.keys(errorsOf({}))).toEqual(['name', 'channel', 'states', 'threshold', 'window']);
  });
});

describe('inputOfRule: a rule back to the form', () => {
  const rules = parseRules({
    rules: [
      { ...GOOD, resourceTypes: ['rds'], renotify: '90m', mention: '@here' },
      { ...GOOD, name: 'dr', kind: 'copy', states: ['failed'], window: '26h', vaults: ['dr-vault'] },
      { name: 'stale-db', kind: 'stale', channel: 'C0ALERTS', maxAge: '1d 2h', accounts: ['*'] },
      { name: 'stale-dr', kind: 'stale', channel: 'C0ALERTS', maxAge: '2d', copies: true, every: '1h30m' },
    ],
  }).rules;

  it('round-trips every kind through checkRuleInput', () => {
    for (const rule of rules) expect(checkRuleInput(inputOfRule(rule))).toEqual({ ok: true, rule });
  });

  it('shows durations as a person types them, and only the fields a rule has', () => {
    expect(inputOfRule(rules[0]!)).toEqual({
      name: 'slack-failures',
      kind: 'backup',
      channel: 'C0ALERTS',
      states: ['FAILED', 'PARTIAL'],
      threshold: 2,
      window: '2h',
      every: '30s',
      resourceTypes: ['RDS'],
      renotify: '90m',
      mention: '@here',
    });
    expect(inputOfRule(rules[2]!)).toEqual({
      name: 'stale-db',
      kind: 'stale',
      channel: 'C0ALERTS',
      maxAge: '26h',
      threshold: 1,
      every: '5m',
      accounts: ['*'],
    });
    expect(inputOfRule(rules[3]!)).toMatchObject({ copies: true, every: '90m' });
  });

  it('writes every duration so that it parses back to the same milliseconds', () => {
    for (const ms of [5000, 1001, 90 * 60_000, 26 * 3_600_000, 7 * 86_400_000, 1_234_567_000, 3_723_500]) {
      expect(parseDuration(durationText(ms))).toBe(ms);
    }
    expect([26 * 3_600_000, 1_234_567_000].map(durationText)).toEqual(['26h', '14d6h56m7s']);
  });
});
