import { describe, expect, it } from 'vitest';
import { localParts, offsetMinutes, zonedTime } from '../../src/time/zone.js';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('zone arithmetic with Intl', () => {
  it.each([
    ['UTC', '2026-11-23T10:00:00Z', 0],
    ['America/New_York', '2026-10-31T12:00:00Z', -240],
    ['America/New_York', '2026-11-02T12:00:00Z', -300],
    ['Europe/Berlin', '2026-10-24T12:00:00Z', 120],
    ['Europe/Berlin', '2026-10-26T12:00:00Z', 60],
    ['Asia/Kolkata', '2026-11-23T10:00:00Z', 330],
  ])('offset of %s at %s is %i minutes', (tz, at, minutes) => {
    expect(offsetMinutes(new Date(at), tz)).toBe(minutes);
  });

  it.each([
    ['America/New_York', wall(2026, 11, 1), '2026-11-01T04:00:00.000Z'],
    ['America/New_York', wall(2026, 11, 2), '2026-11-02T05:00:00.000Z'],
    // 01:30 happens twice on 1 November: the earlier (EDT) one is meant.
    ['America/New_York', wall(2026, 11, 1, 1, 30), '2026-11-01T05:30:00.000Z'],
    // 02:30 never happens on 8 March 2026: read with the offset before the change, after the gap.
    ['America/New_York', wall(2026, 3, 8, 2, 30), '2026-03-08T07:30:00.000Z'],
    ['Europe/Berlin', wall(2026, 10, 25, 2, 30), '2026-10-25T00:30:00.000Z'],
    ['Europe/Berlin', wall(2026, 10, 25, 3, 0), '2026-10-25T02:00:00.000Z'],
    ['Asia/Kolkata', wall(2026, 11, 23), '2026-11-22T18:30:00.000Z'],
  ])('%s wall clock %j is %s', (tz, local, iso) => {
    expect(zonedTime(local, tz).toISOString()).toBe(iso);
  });

  it('reads the wall clock back', () => {
    expect(localParts(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toEqual(
      wall(2026, 11, 1, 1, 30),
    );
  });
});
