import { describe, expect, it } from 'vitest';
import { ALERT_ACTIONS } from '../../src/blocks/alert-actions.js';
import type { RuleStatus } from '../../src/blocks/alert-status.js';
import { HOME_QUERIES, type HomeRule, homeView } from '../../src/blocks/home.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

function rule(
  name: string,
  over: Partial<RuleStatus> = {},
  keeping: Partial<HomeRule['keeping']> = {},
): HomeRule {
  return {
    status: {
      rule: name,
      kind: 'backup',
      channel: 'C0ALERTS',
      state: 'OK',
      threshold: 3,
      window: 3_600_000,
      lastCount: 0,
      lastEvaluatedAt: T0 - 60_000,
      ...over,
    },
    keeping: { origin: 'slack', paused: false, version: 1, ...keeping },
    every: 300_000,
  };
}

function actionIds(view: ReturnType<typeof homeView>): string[] {
  return [...JSON.stringify(view.blocks).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]!);
}

describe('the App Home', () => {
  const rules = [
    { ...rule('burning', { state: 'FIRING', firingSince: T0 - 600_000, lastCount: 5 }), incidentId: 'inc1' },
    rule('hushed', { state: 'MUTED', mutedUntil: T0 + 3_600_000 }),
    rule('filed', {}, { origin: 'file' }),
    rule('resting', {}, { paused: true }),
  ];
  const glance = {
    byState: { COMPLETED: 40, FAILED: 3 },
    byPlace: [{ account: '111122223333', region: 'eu-west-1', failed: 3, total: 43 }],
    stale: 2,
    problems: [],
  };

  it('shows incidents with Acknowledge and Mute, mutes with Unmute, rules with last and next evaluation', () => {
    const view = homeView({ rules, glance, admin: true, at: T0 });
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const ids = actionIds(view);
    expect(new Set(ids).size).toBe(ids.length);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Open incidents (1)');
    expect(text).toContain(`"action_id":"${ALERT_ACTIONS.acknowledge}","value":"burning|inc1"`);
    expect(text).toContain(`"action_id":"${ALERT_ACTIONS.unmute}"`);
    expect(text).toContain('*resting* `backup` → <#C0ALERTS>: *PAUSED*');
    expect(text).toMatch(/\*hushed\*.*last <!date\^1795427940\^.*next <!date\^1795428240\^/);
    expect(text).toContain('COMPLETED 40 · FAILED 3');
    expect(text).toContain('2 resources with no good backup in 26 hours');
    expect(ids.filter((id) => id.startsWith('bj_run_again:'))).toHaveLength(HOME_QUERIES.length);
    // Edit, Pause or Resume, and Delete for rules made in Slack; a file rule says where it comes from.
    expect(ids.filter((id) => id.startsWith('bj_rule_menu:'))).toHaveLength(9);
    expect(text).toContain('"value":"resume|resting"');
    expect(text).toContain('"value":"pause|burning"');
    expect(text).toContain('"value":"delete|hushed|1"');
    expect(text).toContain('*filed* `backup` → <#C0ALERTS>: *OK* · every 5m');
    expect(text).toContain('_from the rules file_');
    expect(ids).toContain('bj_rule_new');
  });

  it('offers no rule changes to someone who may not make them, and says when the glance is missing', () => {
    const view = homeView({ rules, glanceProblem: 'AWS Backup did not answer.', admin: false, at: T0 });
    const ids = actionIds(view);
    expect(ids.some((id) => id.startsWith('bj_rule_'))).toBe(false);
    expect(JSON.stringify(view.blocks)).toContain(':warning: AWS Backup did not answer.');
  });

  it('stays within 100 blocks with hundreds of rules', () => {
    const many = Array.from({ length: 300 }, (_, i) => rule(`rule-${i}`));
    const view = homeView({ rules: many, glance, admin: true, at: T0 });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toMatch(/\d+ more rules: \/backup-jobs alerts lists them all/);
  });
});
