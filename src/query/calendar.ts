import { type Amount, UNIT_MS } from '../time/duration.js';
import { addDays, addMonths, localParts, startOfDay, weekdayOf, zonedTime } from '../time/zone.js';
import type { Clock, Point } from './points.js';
import type { CalendarPeriod } from './types.js';

/** Calendar words as typed (lower case, space-separated) -> the period they name. */
export const CALENDAR_PHRASES: readonly { words: readonly string[]; period: CalendarPeriod }[] = [
  { words: ['today'], period: 'today' },
  { words: ['yesterday'], period: 'yesterday' },
  { words: ['this', 'week'], period: 'this-week' },
  { words: ['last', 'week'], period: 'last-week' },
  { words: ['previous', 'week'], period: 'last-week' },
  { words: ['this', 'month'], period: 'this-month' },
  { words: ['last', 'month'], period: 'last-month' },
  { words: ['previous', 'month'], period: 'last-month' },
  { words: ['weekend'], period: 'weekend' },
  { words: ['the', 'weekend'], period: 'weekend' },
  { words: ['this', 'weekend'], period: 'weekend' },
  { words: ['last', 'weekend'], period: 'last-weekend' },
  { words: ['past', 'weekend'], period: 'last-weekend' },
  { words: ['previous', 'weekend'], period: 'last-weekend' },
  { words: ['last', 'night'], period: 'last-night' },
  { words: ['overnight'], period: 'last-night' },
  { words: ['tonight'], period: 'this-evening' },
  { words: ['this', 'morning'], period: 'this-morning' },
  { words: ['this', 'afternoon'], period: 'this-afternoon' },
  { words: ['this', 'evening'], period: 'this-evening' },
  { words: ['yesterday', 'morning'], period: 'yesterday-morning' },
  { words: ['yesterday', 'afternoon'], period: 'yesterday-afternoon' },
  { words: ['yesterday', 'evening'], period: 'yesterday-evening' },
  { words: ['last', 'evening'], period: 'yesterday-evening' },
];

/** The hours of the parts of a day, as [first hour, hour after the last] (a night runs into the next day). */
export const DAY_PARTS = {
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  night: [18, 30],
} as const;

/**
 * A calendar period in the user's zone, as a Point covering it. Weeks start on Monday. Periods
 * that are still running end at their natural end; windows clip to now later.
 */
export function calendarPoint(period: CalendarPeriod, clock: Clock): Point {
  const today = localParts(clock.now, clock.timeZone);
  const tz = clock.timeZone;
  const day = (offset: number) => startOfDay(addDays(today, offset), tz);
  const monday = -((weekdayOf(today) + 6) % 7);
  const month = (offset: number) => startOfDay(addMonths({ ...today, day: 1 }, offset), tz);
  const hours = (offset: number, part: keyof typeof DAY_PARTS): Point => {
    const [from, to] = DAY_PARTS[part];
    const at = (hour: number) =>
      zonedTime(
        { ...addDays(today, offset + Math.floor(hour / 24)), hour: hour % 24, minute: 0, second: 0 },
        tz,
      );
    return span(at(from), at(to));
  };
  // The weekend that started last: this one on a Saturday or Sunday, else the one just past.
  const saturday = -((weekdayOf(today) + 1) % 7);
  switch (period) {
    case 'today':
      return span(day(0), day(1));
    case 'yesterday':
      return span(day(-1), day(0));
    case 'this-week':
      return span(day(monday), day(monday + 7));
    case 'last-week':
      return span(day(monday - 7), day(monday));
    case 'this-month':
      return span(month(0), month(1));
    case 'last-month':
      return span(month(-1), month(0));
    case 'weekend':
      return span(day(saturday), day(saturday + 2));
    case 'last-weekend':
      // On a weekend day, "last weekend" is the one before it.
      return saturday > -2
        ? span(day(saturday - 7), day(saturday - 5))
        : span(day(saturday), day(saturday + 2));
    case 'last-night':
      // The night that began yesterday evening (still running before 06:00).
      return hours(-1, 'night');
    case 'this-morning':
      return hours(0, 'morning');
    case 'this-afternoon':
      return hours(0, 'afternoon');
    case 'this-evening':
      return hours(0, 'evening');
    case 'yesterday-morning':
      return hours(-1, 'morning');
    case 'yesterday-afternoon':
      return hours(-1, 'afternoon');
    case 'yesterday-evening':
      return hours(-1, 'evening');
  }
}

function span(start: Date, end: Date): Point {
  return { start, end, granularity: 'day', back: null };
}

/**
 * The start of a rolling window ending now. Minutes to weeks are exact durations (`last 3 days`
 * is 72 hours); months step the calendar in the user's zone.
 */
export function rollingStart(amount: Amount, clock: Clock): Date {
  if (amount.unit !== 'month') return new Date(clock.now.getTime() - amount.amount * UNIT_MS[amount.unit]);
  const local = localParts(clock.now, clock.timeZone);
  return zonedTime(addMonths(local, -amount.amount), clock.timeZone);
}
