import { describe, expect, it } from 'vitest';
import { digestMessage } from '../../src/blocks/alert-digest.js';
import {
  alertStatusList,
  decodeRuleValue,
  encodeRuleValue,
  RULE_ACTIONS,
  type RuleKeeping,
  type RuleStatus,
} from '../../src/blocks/alert-status.js';
import { checkMessage } from '../../src/blocks/limits.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

function status(overrides: Partial<RuleStatus>): RuleStatus {
  return {
    rule: 'r',
    kind: 'backup',
    channel: 'C0123ALERTS',
    state: 'OK',
    threshold: 3,
    window: 3_600_000,
    lastCount: 0,
    lastEvaluatedAt: T0,
    ...overrides,
  };
}

describe('alerts status list', () => {
  it('shows each state with its details, problems first', () => {
    const message = alertStatusList([
      status({ rule: 'fine' }),
      status({
        rule: 'burning',
        state: 'FIRING',
        firingSince: T0 - 600_000,
        lastCount: 5,
        acknowledgedBy: 'U0ALICE',
      }),
      status({ rule: 'hushed', state: 'MUTED', mutedUntil: T0 + 3_600_000 }),
      status({
        rule: 'dark',
        state: 'UNKNOWN',
        reason: 'AWS Backup could not be counted: us-east-1: throttled',
      }),
      status({
        rule: 'broken',
        state: 'ERROR',
        reason: 'the bot is not in the channel: invite it (not_in_channel)',
      }),
    ]);
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe('5 alert rules, 1 firing');
    const text = JSON.stringify(message.blocks);
    const order = ['*broken*', '*burning*', '*hushed*', '*dark*', '*fine*'].map((name) => text.indexOf(name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('*burning* → <#C0123ALERTS>: *FIRING* · firing since <!date^1795427400^');
    expect(text).toContain('acknowledged by <@U0ALICE>');
    expect(text).toContain('*hushed* → <#C0123ALERTS>: *MUTED* · until <!date^1795431600^');
    expect(text).toContain('invite it (not_in_channel)');
  });

  it('shows the kind of job each rule counts', () => {
    const message = alertStatusList([
      status({ rule: 'nightly' }),
      status({ rule: 'dr-copies', kind: 'copy', state: 'FIRING', firingSince: T0, lastCount: 4 }),
      status({ rule: 'restore-tests', kind: 'restore', threshold: 1, window: 7 * 86_400_000 }),
    ]);
    expect(checkMessage(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    const tagged = [...text.matchAll(/`(\w+)` \*([\w-]+)\*/g)].map((m) => [m[1], m[2]]);
    expect(tagged).toEqual([
      ['copy', 'dr-copies'],
      ['backup', 'nightly'],
      ['restore', 'restore-tests'],
    ]);
    expect(text).toContain('`restore` *restore-tests* → <#C0123ALERTS>: *OK* · (threshold 1 in 7d;');
  });

  it('stays within Slack limits with 500 rules and says how many are not shown', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      status({ rule: `rule-${i}`, state: i % 7 === 0 ? 'FIRING' : 'OK' }),
    );
    const message = alertStatusList(many);
    expect(checkMessage(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toMatch(/\d+ more rules not shown/);
  });

  it('says when there are no rules, and offers to make one', () => {
    const message = alertStatusList([]);
    expect(message.text).toBe('No alert rules yet');
    expect(JSON.stringify(message.blocks)).toContain(`"action_id":"${RULE_ACTIONS.create}"`);
  });

  it('gives a rule made in Slack its menu, and says which come from the file or are paused', () => {
    const keeping = new Map<string, RuleKeeping>([
      ['made', { origin: 'slack', paused: false, version: 3 }],
      ['resting', { origin: 'slack', paused: true, version: 1 }],
      ['filed', { origin: 'file', paused: false, version: 0 }],
    ]);
    const message = alertStatusList(
      [status({ rule: 'made' }), status({ rule: 'resting' }), status({ rule: 'filed' })],
      keeping,
    );
    expect(checkMessage(message)).toEqual([]);
    const sections = (message.blocks ?? []).filter((b) => b.type === 'section') as {
      text: { text: string };
      accessory?: { action_id: string; options: { value: string }[] };
    }[];
    const menu = (name: string) =>
      sections.find((b) => b.text.text.includes(`*${name}*`))?.accessory?.options.map((o) => o.value);
    expect(menu('made')).toEqual(['edit|made', 'pause|made', 'delete|made|3', 'history|made']);
    expect(menu('resting')).toEqual([
      'edit|resting',
      'resume|resting',
      'delete|resting|1',
      'history|resting',
    ]);
    expect(menu('filed')).toBeUndefined();
    expect(JSON.stringify(message.blocks)).toContain('_from the rules file_');
    expect(JSON.stringify(message.blocks)).toMatch(/Paused\* · .*resting/);
  });

  it('reads back only the menu values it makes', () => {
    expect(decodeRuleValue(encodeRuleValue('delete', 'prod-failures', 12))).toEqual({
      what: 'delete',
      rule: 'prod-failures',
      version: 12,
    });
    for (const bad of ['drop|prod', 'edit|Prod', 'edit|a|b', 'edit|a|1|2', 42, 'x'.repeat(200)])
      expect(decodeRuleValue(bad)).toBeNull();
  });
});

describe('daily digest', () => {
  const empty = {
    total: 0,
    byState: {},
    byAccount: {},
    byRegion: {},
    byResourceType: {},
    topReasons: [],
    topResources: [],
    failedRegions: [],
  };
  it('shows yesterday by state against the day before, top resources and reasons', () => {
    const message = digestMessage({
      day: '2026-11-22',
      tz: 'Europe/Berlin',
      states: ['FAILED', 'PARTIAL', 'COMPLETED_WITH_ISSUES'],
      yesterday: {
        ...empty,
        total: 7,
        byState: { FAILED: 4, COMPLETED_WITH_ISSUES: 3 },
        topResources: [{ name: 'orders-db', count: 3 }],
        topReasons: [{ reason: 'AccessDenied', count: 4 }],
      },
      dayBefore: { ...empty, total: 9, byState: { FAILED: 2, PARTIAL: 1, COMPLETED_WITH_ISSUES: 6 } },
    });
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe('Backup digest for Sun 22 Nov: 7 backup jobs needing attention');
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*7* backup jobs needing attention (▼ 2 against the day before)');
    expect(text).toContain('*failed*: 4\\n▲ 2 against the day before');
    expect(text).toContain('*partial*: 0\\n▼ 1 against the day before');
    expect(text).toContain('*completed with issues*: 3\\n▼ 3 against the day before');
    expect(text).toContain('orders-db (3)');
    expect(text).toContain('AccessDenied (4)');
  });
});
