import { describe, expect, it } from 'vitest';
import { countedWhat } from '../../src/blocks/alert-format.js';
import { type AlertCounts, type AlertMessageView, alertMessage } from '../../src/blocks/alert-message.js';
import { renotifyReply, resolvedReply } from '../../src/blocks/alert-replies.js';
import { alertStatusList } from '../../src/blocks/alert-status.js';
import { checkMessage } from '../../src/blocks/limits.js';

const T0 = Date.parse('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;

function staleCounts(total: number, overrides: Partial<AlertCounts> = {}): AlertCounts {
  const listed = Math.min(total, 10);
  return {
    total,
    byState: { STALE: total },
    byAccount: { '111122223333': total },
    byRegion: { 'eu-west-1': total },
    byResourceType: { RDS: total },
    topReasons: [{ reason: 'Access denied to the KMS key', count: total }],
    topResources: Array.from({ length: listed }, (_, i) => ({ name: `db-${i} (${3 + i} days)`, count: 1 })),
    failedRegions: [],
    ...overrides,
  };
}

function view(overrides: Partial<AlertMessageView> = {}): AlertMessageView {
  return {
    rule: { name: 'stale-backups', kind: 'stale', states: ['STALE'], threshold: 1, window: 26 * HOUR },
    staleQuery: 'stale 26h type:RDS',
    incidentId: 'abc123',
    since: T0,
    peak: 12,
    count: staleCounts(12),
    ...overrides,
  };
}

function sections(message: ReturnType<typeof alertMessage>): string {
  return JSON.stringify(message.blocks);
}

describe('the alert message of a stale rule', () => {
  it('counts resources, lists the first ten with their age and how many more', () => {
    const message = alertMessage(view());
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Alert stale-backups: 12 resources with no good backup in the last 1d 2h (threshold 1)',
    );
    const text = sections(message);
    expect(text).toContain(
      '*12 resources with no good backup in the last 1d 2h*, at or above the threshold of 1',
    );
    expect(text).toContain('*Resources without a recent backup*\\n• db-0 (3 days)\\n• db-1 (4 days)');
    expect(text).toContain('• db-9 (12 days)\\nand 2 more');
    expect(text).toContain('*Their last jobs*\\n• Access denied to the KMS key (12)');
    expect(text).toContain('*By account*\\n• 111122223333: 12');
    expect(text).not.toContain('By state');
  });

  it('offers the stale question behind the rule instead of a list of jobs', () => {
    const message = alertMessage(view());
    const actions = (message.blocks ?? []).find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    expect(actions.elements[0]).toMatchObject({
      action_id: 'bj_run_again:0',
      value: 'stale 26h type:RDS',
      text: { text: 'Show stale resources' },
    });
    expect(actions.elements.map((e) => e.action_id)).not.toContain('bj_alert_show_jobs');
  });

  it('speaks of copies to another Region or account, and names what it could not read', () => {
    const message = alertMessage(
      view({
        rule: {
          name: 'stale-copies',
          kind: 'stale',
          states: ['STALE_COPY'],
          threshold: 1,
          window: 48 * HOUR,
          copies: true,
        },
        count: staleCounts(1, {
          topResources: [{ name: 'orders-db → us-west-2/999988887777 (3 days)', count: 1 }],
          failedRegions: [{ region: 'account 222233334444', reason: 'access denied' }],
        }),
      }),
    );
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Alert stale-copies: 1 resource with no copy to another Region or account in the last 2d (threshold 1)',
    );
    const text = sections(message);
    expect(text).toContain(
      '*Resources without a recent copy*\\n• orders-db → us-west-2/999988887777 (3 days)',
    );
    expect(text).not.toContain('more');
    expect(text).toContain(':warning: account 222233334444 could not be read: access denied');
  });

  it('reads as resolved once none is stale', () => {
    const message = alertMessage(view({ resolvedAt: T0 + 5 * HOUR, count: staleCounts(0) }));
    expect(checkMessage(message)).toEqual([]);
    expect(message.text).toBe(
      'Resolved stale-backups: 0 resources with no good backup in the last 1d 2h (threshold 1)',
    );
    expect(sections(message)).toContain(
      'Resolved after 5h: 0 resources with no good backup in the last 1d 2h (threshold 1, peak 12).',
    );
    expect(sections(message)).not.toContain('Resources without a recent backup');
  });
});

describe('the replies and status line of a stale rule', () => {
  const rule = { kind: 'stale', states: ['STALE'], window: 26 * HOUR } as const;

  it('remind and resolve in resources', () => {
    expect(renotifyReply({ ...rule, total: 3, firingMs: 4 * HOUR, mention: '@here' }).text).toBe(
      '<!here> 🔁 Still firing after 4h: 3 resources with no good backup, not acknowledged yet.',
    );
    expect(resolvedReply({ firedMs: 2 * HOUR, total: 0, threshold: 1, rule }).text).toBe(
      '✅ Resolved after 2h: 0 resources with no good backup in the last 1d 2h, under the threshold of 1.',
    );
    expect(countedWhat({ ...rule, copies: true }, 1)).toBe(
      '1 resource with no copy to another Region or account',
    );
  });

  it('is listed with its kind, threshold and age', () => {
    const message = alertStatusList([
      {
        rule: 'stale-backups',
        kind: 'stale',
        channel: 'C0123ALERTS',
        state: 'FIRING',
        threshold: 1,
        window: 26 * HOUR,
        firingSince: T0,
        lastCount: 3,
        lastEvaluatedAt: T0,
      },
    ]);
    expect(checkMessage(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('`stale` *stale-backups* → <#C0123ALERTS>: *FIRING*');
    expect(text).toContain('(threshold 1 in 1d 2h; last count 3 at');
  });
});
