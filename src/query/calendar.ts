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
];

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
