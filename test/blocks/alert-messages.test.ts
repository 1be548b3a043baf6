import { describe, expect, it } from 'vitest';
import {
  ALERT_ACTIONS,
  decodeAlertValue,
  encodeAlertValue,
  isAlertAction,
  MUTE_DURATIONS_MS,
} from '../../src/blocks/alert-actions.js';
import { countedJobs, mentionMarkup, stateList, stateWord } from '../../src/blocks/alert-format.js';
import { type AlertCounts, type AlertMessageView, alertMessage } from '../../src/blocks/alert-message.js';
import { renotifyReply, resolvedReply } from '../../src/blocks/alert-replies.js';
import { checkMessage } from '../../src/blocks/limits.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');

function counts(overrides: Partial<AlertCounts> = {}): AlertCounts {
  return {
    total: 5,
    byState: { FAILED: 3, PARTIAL: 2 },
    byAccount: { '111111111111': 4, '222222222222': 1 },
    byRegion: { 'eu-west-1': 5 },
    byResourceType: { RDS: 5 },
    topReasons: [{ reason: 'Access denied <to> the KMS key & more', count: 3 }],
    topResources: [{ name: 'orders-db', count: 2 }],
    failedRegions: [],
    ...overrides,
  };
}

function view(overrides: Partial<AlertMessageView> = {}): AlertMessageView {
  return {
    rule: {
      name: 'prod-failures',
      states: ['FAILED', 'PARTIAL'],
      threshold: 3,
      window: 3_600_000,
      mention: '@here',
    },
    incidentId: 'abc123',
    since: T0,
    peak: 5,
    count: counts(),
    ...overrides,
  };
}

function buttons(message: ReturnType<typeof alertMessage>) {
  const blocks = (message.blocks ?? []) as {
    type: string;
    elements?: { action_id: string; value: string }[];
  }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => [e.action_id, e.value]));
}

describe('alert message', () => {
  it('says what crossed which threshold, mentions, and carries every button', () => {
    const message = alertMessage(view());
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      '<!here> Alert prod-failures: 5 failed or partial backup jobs in the last 1h (threshold 3)',
    );
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('at or above the threshold of 3');
    expect(json).toContain('Access denied &lt;to&gt; the KMS key &amp; more (3)');
    expect(json).toContain('• 111111111111: 4');
    expect(buttons(message)).toEqual([
      ['bj_alert_show_jobs', 'prod-failures|abc123'],
      ['bj_alert_ack', 'prod-failures|abc123'],
      ['bj_alert_mute_1h', 'prod-failures|abc123'],
      ['bj_alert_mute_8h', 'prod-failures|abc123'],
      ['bj_alert_mute_24h', 'prod-failures|abc123'],
    ]);
  });

  it('shows who acknowledged, the mute with an Unmute button, and unknown regions', () => {
    const message = alertMessage(
      view({
        ack: { by: 'U0ALICE', at: T0 + 60_000 },
        mute: { until: T0 + 3_600_000, by: 'U0BOB' },
        count: counts({ failedRegions: [{ region: 'us-east-1', reason: 'throttled' }] }),
      }),
    );
    expect(checkMessage(message)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Acknowledged by <@U0ALICE>');
    expect(json).toContain('Muted until <!date^1795431600^');
    expect(json).toContain('us-east-1 could not be counted: throttled');
    expect(buttons(message).map(([id]) => id)).toEqual(['bj_alert_show_jobs', 'bj_alert_unmute']);
  });

  it('turns into a resolved version without mention or state buttons', () => {
    const message = alertMessage(
      view({ resolvedAt: T0 + 2 * 3_600_000 + 14 * 60_000, count: counts({ total: 1 }) }),
    );
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Resolved prod-failures: 1 failed or partial backup jobs in the last 1h (threshold 3)',
    );
    expect(JSON.stringify(message.blocks)).toContain('Resolved after 2h 14m');
    expect(buttons(message).map(([id]) => id)).toEqual(['bj_alert_show_jobs']);
  });

  it('marks a test sample as such, and never mentions anyone in it', () => {
    const message = alertMessage(view({ test: true }));
    expect(message.text).toMatch(/^TEST sample prod-failures/);
    expect(JSON.stringify(message)).not.toContain('<!here>');
    expect(JSON.stringify(message.blocks)).toContain('This is a test sample');
  });

  it('stays within Slack limits with worst-case content', () => {
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`${String(i).padStart(12, '0')}`, i]),
    );
    const message = alertMessage(
      view({
        rule: {
          name: 'x'.repeat(63),
          states: ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED', 'COMPLETED_WITH_ISSUES'],
          threshold: 1,
          window: 30 * 86_400_000,
          mention: '<!subteam^S0123|ops>',
        },
        count: counts({
          total: 99_999,
          byAccount: many,
          byRegion: many,
          byResourceType: many,
          topReasons: Array.from({ length: 50 }, () => ({ reason: '<&>'.repeat(2000), count: 1 })),
          topResources: Array.from({ length: 50 }, () => ({ name: 'r'.repeat(5000), count: 1 })),
          failedRegions: Array.from({ length: 30 }, () => ({
            region: 'ap-southeast-2',
            reason: 'x'.repeat(5000),
          })),
        }),
        ack: { by: 'U0ALICE', at: T0 },
        mute: { until: T0, by: 'U0BOB' },
      }),
    );
    expect(checkMessage(message)).toEqual([]);
  });
});

describe('alert messages of copy and restore rules', () => {
  it('name the kind of job in the headline, the notification and the states', () => {
    const message = alertMessage(
      view({
        rule: { name: 'dr-copies', kind: 'copy', states: ['FAILED'], threshold: 3, window: 3_600_000 },
        count: counts({ total: 5, byState: { FAILED: 5 } }),
      }),
    );
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe('Alert dr-copies: 5 failed copy jobs in the last 1h (threshold 3)');
    expect(JSON.stringify(message.blocks)).toContain('*5 failed copy jobs in the last 1h*, at or above');
  });

  it('say what happened to restore tests, and label validation outcomes', () => {
    const message = alertMessage(
      view({
        rule: {
          name: 'restore-tests',
          kind: 'restore',
          states: ['VALIDATION_FAILED', 'VALIDATION_TIMED_OUT'],
          threshold: 2,
          window: 7 * 86_400_000,
        },
        count: counts({ total: 3, byState: { VALIDATION_FAILED: 2, VALIDATION_TIMED_OUT: 1 } }),
      }),
    );
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Alert restore-tests: 3 restore tests failed validation or timed out validating in the last 7d (threshold 2)',
    );
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('• validation failed: 2');
    expect(json).toContain('• validation timed out: 1');
  });

  it('count restore jobs and restore tests, one or many', () => {
    expect(countedJobs('restore', ['VALIDATION_FAILED'], 2)).toBe('2 restore tests failed validation');
    expect(countedJobs('restore', ['VALIDATION_TIMED_OUT'], 1)).toBe('1 restore test timed out validating');
    expect(countedJobs('restore', ['FAILED', 'VALIDATION_FAILED'], 4)).toBe(
      '4 restore jobs failed or failed validation',
    );
    expect(countedJobs('restore', ['FAILED', 'ABORTED'], 1)).toBe('1 failed or aborted restore job');
    expect(countedJobs('copy', ['PARTIAL', 'COMPLETED_WITH_ISSUES', 'PARTIAL'], 1)).toBe(
      '1 partial or completed with issues copy job',
    );
    expect(countedJobs('backup', ['FAILED'], 1, true)).toBe('1 failed backup jobs');
    expect([stateWord('VALIDATION_FAILED'), stateWord('VALIDATION_TIMED_OUT')]).toEqual([
      'validation failed',
      'validation timed out',
    ]);
  });

  it('remind in the thread with the kind of job', () => {
    const reply = renotifyReply({
      kind: 'copy',
      states: ['FAILED', 'PARTIAL'],
      total: 6,
      firingMs: 3_600_000,
    });
    expect(reply.text).toBe('🔁 Still firing after 1h: 6 failed or partial copy jobs, not acknowledged yet.');
  });
});

describe('alert replies', () => {
  it('says for how long an alert fired', () => {
    const reply = resolvedReply({ firedMs: 2 * 3_600_000 + 14 * 60_000 + 30_000, total: 1, threshold: 3 });
    expect(reply.text).toBe('✅ Resolved after 2h 14m: the count is 1, under the threshold of 3.');
    expect(checkMessage(reply)).toEqual([]);
  });

  it('reminds with the mention while firing', () => {
    const reply = renotifyReply({
      states: ['FAILED'],
      total: 4,
      firingMs: 4 * 3_600_000,
      mention: '@channel',
    });
    expect(reply.text).toBe(
      '<!channel> 🔁 Still firing after 4h: 4 failed backup jobs, not acknowledged yet.',
    );
  });
});

describe('alert action values', () => {
  it('round-trips rule and incident and refuses tampered values', () => {
    expect(decodeAlertValue(encodeAlertValue({ rule: 'prod-failures', incidentId: 'lq3k2x' }))).toEqual({
      rule: 'prod-failures',
      incidentId: 'lq3k2x',
    });
    for (const bad of [
      '',
      'prod-failures',
      'prod-failures|',
      '|abc',
      'Prod|abc',
      'a|b|c',
      'a|ABC',
      'a|<script>',
      `a|${'1'.repeat(17)}`,
      42,
      null,
    ]) {
      expect(decodeAlertValue(bad), String(bad)).toBeNull();
    }
  });

  it('prefixes every action id with bj_alert_ and knows the mute durations', () => {
    expect(Object.values(ALERT_ACTIONS).every((id) => id.startsWith('bj_alert_') && isAlertAction(id))).toBe(
      true,
    );
    expect(isAlertAction('bj_next_page')).toBe(false);
    expect(MUTE_DURATIONS_MS[ALERT_ACTIONS.mute8h]).toBe(8 * 3_600_000);
  });
});

describe('alert formatting', () => {
  it('writes states and mentions as people read them', () => {
    expect(stateList(['FAILED', 'PARTIAL', 'COMPLETED_WITH_ISSUES'])).toBe(
      'failed, partial or completed with issues',
    );
    expect(mentionMarkup('@here <@U0123>')).toBe('<!here> <@U0123>');
  });
});

describe('AWS data in alerts', () => {
  it('stays on one line, escaped, verbatim and free of invisible characters: it cannot fake a row', () => {
    const hostile =
      'Denied\n:white_check_mark: *Resolved* by <@U0ALICE>\u202E https://evil.example #general\u200B';
    const message = alertMessage(
      view({
        count: counts({
          topReasons: [{ reason: hostile, count: 2 }],
          topResources: [{ name: `orders\r\n<!here>\u2066db`, count: 1 }],
        }),
      }),
    );
    const sections = (message.blocks ?? []).filter((b) => b.type === 'section') as {
      text?: { text: string; verbatim?: boolean };
    }[];
    const reasons = sections.find((s) => s.text?.text.startsWith('*Most common reasons*'))!.text!;
    expect(reasons.verbatim).toBe(true);
    expect(reasons.text.split('\n')).toHaveLength(2);
    expect(reasons.text).toContain('&lt;@U0ALICE&gt;');
    expect(reasons.text).not.toMatch(/[\u202E\u200B]/);
    const resources = sections.find((s) => s.text?.text.startsWith('*Most affected resources*'))!.text!;
    expect(resources.text.split('\n')).toHaveLength(2);
    expect(resources.text).not.toContain('<!here>');
    expect(resources.text).not.toMatch(/\u2066/);
  });
});
