/**
 * Wall-clock arithmetic in IANA time zones with Intl only: about a hundred lines the product fully
 * tests (test/time), against a date library of thousands for the four operations it needs. Local midnight, "this week" and the
 * like are computed from the zone's rules at that very date, never from a fixed offset, so
 * days around a DST change are 23 or 25 hours long as they should be.
 */

/** A calendar date and wall-clock time, months 1..12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 200) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone itself when the runtime knows it, otherwise `UTC` (a bad zone must not break a reply). */
export function validZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : 'UTC';
}

/** The wall clock in `timeZone` at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalDateTime {
  const out: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof LocalDateTime] = Number(p.value);
  }
  return out;
}

/** Minutes the zone is ahead of UTC at `instant` (New York in winter: -300). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = localParts(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in `timeZone`. A time that happens twice (clocks go back)
 * gives the earlier instant; a time that never happens (clocks go forward) is read with the
 * offset before the change, which lands after the gap.
 */
export function zonedTime(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetMinutes(new Date(asUtc - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(asUtc + 86_400_000), timeZone);
  const candidates = [asUtc - before * 60_000, asUtc - after * 60_000].sort((a, b) => a - b);
  for (const t of candidates) {
    if (sameWallClock(localParts(new Date(t), timeZone), local)) return new Date(t);
  }
  return new Date(asUtc - before * 60_000);
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

/** The calendar date `days` after (or before) the given one; time of day is kept. */
export function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same day-of-month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(local: LocalDateTime, months: number): LocalDateTime {
  const first = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    ...local,
    year: first.getUTCFullYear(),
    month: first.getUTCMonth() + 1,
    day: Math.min(local.day, lastDay),
  };
}

/** 0 = Sunday .. 6 = Saturday for a calendar date. */
export function weekdayOf(local: LocalDateTime): number {
  return new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
}

/** Midnight at the start of the local day (the first instant of it, even when midnight is skipped). */
export function startOfDay(local: LocalDateTime, timeZone: string): Date {
  return zonedTime({ ...local, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `YYYY-MM-DD`, the calendar date of a wall clock. */
export function dayKey(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}
