import type { ParsedComponents, ParsedResult } from 'chrono-node';
import {
  addDays,
  addMonths,
  type LocalDateTime,
  localParts,
  startOfDay,
  weekdayOf,
  zonedTime,
} from '../time/zone.js';

/** What a date expression names: an instant, a whole day or a whole month. */
export type Granularity = 'time' | 'day' | 'month';

/** A date expression resolved in the user's zone. */
export interface Point {
  /** The first instant it names. */
  start: Date;
  /** The first instant after the period it names (equal to start for a time of day). */
  end: Date;
  granularity: Granularity;
  /** The previous occurrence, for expressions that repeat (`9am`, `monday 9am`, `dec 25`). */
  back: Point | null;
}

export interface Clock {
  now: Date;
  timeZone: string;
}

const TIME_TAGS = /^casualReference\/(morning|afternoon|evening|night|noon|midnight)$/;
const MODIFIER = /\b(last|next|this|past|previous|coming)\b/i;

/**
 * Turns chrono's components into a Point. chrono computes wall-clock fields with the fixed offset
 * of `now`; they are converted back to instants with the zone's own rules, so a date on the other
 * side of a DST change still gets its own offset. Results that carry an explicit zone or name an
 * instant relative to now ("2 hours ago") keep chrono's instant.
 */
export function toPoint(result: ParsedResult, c: ParsedComponents, clock: Clock): Point {
  const tags = c.tags();
  if (c.isCertain('timezoneOffset') || tags.has('result/relativeDateAndTime')) {
    const at = c.date();
    const timeOnly =
      !c.isCertain('day') && !c.isCertain('weekday') && !tags.has('result/relativeDateAndTime');
    const back = timeOnly ? exact(new Date(at.getTime() - 86_400_000), null) : null;
    return exact(at, back);
  }
  let local: LocalDateTime = {
    year: c.get('year') ?? 0,
    month: c.get('month') ?? 1,
    day: c.get('day') ?? 1,
    hour: c.get('hour') ?? 0,
    minute: c.get('minute') ?? 0,
    second: c.get('second') ?? 0,
  };
  const hasTime = c.isCertain('hour') || [...tags].some((t) => TIME_TAGS.test(t));
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
  // "next monday" and "last monday" are chrono's to place; a bare weekday is the most recent one.
  const bareWeekday = weekdayOnly && !MODIFIER.test(result.text);
  if (bareWeekday) local = mostRecentWeekday(local, c.get('weekday') ?? 0, clock);
  const granularity: Granularity = hasTime
    ? 'time'
    : c.isCertain('day') || c.isCertain('weekday') || tags.has('result/relativeDate') || !c.isCertain('month')
      ? 'day'
      : 'month';
  const hasDay =
    c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || tags.has('result/relativeDate');
  let step: ((l: LocalDateTime) => LocalDateTime) | null = null;
  if (hasTime && !hasDay) step = (l) => addDays(l, -1);
  else if (bareWeekday) step = (l) => addDays(l, -7);
  else if (c.isCertain('month') && !c.isCertain('year') && !tags.has('result/relativeDate')) {
    step = (l) => addMonths(l, -12);
  }
  const back = step === null ? null : resolve(step(local), granularity, null, clock.timeZone);
  return resolve(local, granularity, back, clock.timeZone);
}

function exact(at: Date, back: Point | null): Point {
  return { start: at, end: at, granularity: 'time', back };
}

function resolve(
  local: LocalDateTime,
  granularity: Granularity,
  back: Point | null,
  timeZone: string,
): Point {
  if (granularity === 'time') return exact(zonedTime(local, timeZone), back);
  if (granularity === 'day') {
    return {
      start: startOfDay(local, timeZone),
      end: startOfDay(addDays(local, 1), timeZone),
      granularity,
      back,
    };
  }
  const first = { ...local, day: 1 };
  return {
    start: startOfDay(first, timeZone),
    end: startOfDay(addMonths(first, 1), timeZone),
    granularity,
    back,
  };
}

/** The most recent given weekday on or before today, in the user's zone, keeping the time of day. */
function mostRecentWeekday(local: LocalDateTime, weekday: number, clock: Clock): LocalDateTime {
  const today = localParts(clock.now, clock.timeZone);
  const diff = (weekdayOf(today) - weekday + 7) % 7;
  const day = addDays(today, -diff);
  return { ...local, year: day.year, month: day.month, day: day.day };
}

/** The point itself, or its previous occurrence when it has not begun before now. */
export function lastOccurrence(point: Point, now: Date): Point {
  return point.start.getTime() >= now.getTime() && point.back !== null ? point.back : point;
}
