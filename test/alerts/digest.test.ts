import { describe, expect, it } from 'vitest';
import { buildDigest, digestDays, digestId, digestPattern } from '../../src/alerts/digest.js';
import type { CountScope, WindowCount } from '../../src/alerts/types.js';

describe('digest days', () => {
  it('takes yesterday and the day before in the digest zone', () => {
    // 00:30 in Berlin on 23 November is still 22 November in UTC.
    const now = Date.parse('2026-11-22T23:30:00Z');
    const days = digestDays(now, 'Europe/Berlin');
    expect(days.day).toBe('2026-11-22');
    expect(days.yesterday.start.toISOString()).toBe('2026-11-21T23:00:00.000Z');
    expect(days.yesterday.end.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(days.dayBefore.start.toISOString()).toBe('2026-11-20T23:00:00.000Z');
  });

  it('handles days that are 23 or 25 hours long', () => {
    const spring = digestDays(Date.parse('2026-03-30T10:00:00Z'), 'Europe/Berlin').yesterday;
    expect([spring.start.toISOString(), spring.end.toISOString()]).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    const autumn = digestDays(Date.parse('2026-11-02T12:00:00Z'), 'America/New_York').yesterday;
    expect([autumn.start.toISOString(), autumn.end.toISOString()]).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
    ]);
    // 04:59 UTC is still 1 November in New York: yesterday is 31 October.
    expect(digestDays(Date.parse('2026-11-02T04:59:00Z'), 'America/New_York').day).toBe('2026-10-31');
  });

  it('schedules at the local time in the zone', () => {
    const digest = { channel: 'C0123OPS', at: '09:05', tz: 'Europe/Berlin', accounts: [], regions: [] };
    expect(digestPattern(digest)).toBe('0 5 9 * * *');
    expect(digestId(digest)).toBe('digest:C0123OPS:09:05:Europe/Berlin');
  });
});

describe('buildDigest', () => {
  it('counts two one-day windows through CountJobs with every alert state', async () => {
    const asked: { scope: CountScope; start: string; end: string }[] = [];
    const count = async (scope: CountScope, window: { start: Date; end: Date }): Promise<WindowCount> => {
      asked.push({ scope, start: window.start.toISOString(), end: window.end.toISOString() });
      const total = asked.length === 1 ? 5 : 2;
      return {
        total,
        byState: { FAILED: total },
        byAccount: {},
        byRegion: {},
        byResourceType: {},
        topReasons: [],
        topResources: [],
        failedRegions: [],
        calls: 2,
      };
    };
    const digest = { channel: 'C0123OPS', at: '09:00', tz: 'UTC', accounts: ['*'], regions: ['eu-west-1'] };
    const message = await buildDigest(count, digest, Date.parse('2026-11-23T09:00:00Z'));
    expect(asked).toEqual([
      {
        scope: {
          states: ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED', 'COMPLETED_WITH_ISSUES'],
          accounts: ['*'],
          resourceTypes: [],
          vaults: [],
          regions: ['eu-west-1'],
        },
        start: '2026-11-22T00:00:00.000Z',
        end: '2026-11-23T00:00:00.000Z',
      },
      { scope: asked[0]!.scope, start: '2026-11-21T00:00:00.000Z', end: '2026-11-22T00:00:00.000Z' },
    ]);
    expect(message.day).toBe('2026-11-22');
    expect(message.text).toContain('5 backup jobs needing attention');
    expect(JSON.stringify(message.blocks)).toContain('▲ 3 against the day before');
  });
});
