import { localParts, validZone } from './zone.js';

/**
 * Dates and times as people read them, one family for every message: `Mon 3 Nov`, `Mon 3 Nov,
 * 14:05`, `today 14:05`, `Mon 3 Nov 14:05 EST` (headings, with the zone), `November 2026`. The year
 * is added when it is not the year of `now`. Pure: the zone and `now` are arguments. An unknown
 * zone reads as UTC; a missing or invalid time reads `—`.
 */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
// biome-ignore format: a list of words reads best on one line
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export type TimeInput = Date | string | undefined;

function validDate(input: TimeInput): Date | undefined {
  if (input === undefined) return undefined;
  const date = input instanceof Date ? input : new Date(input);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const x = localParts(a, timeZone);
  const y = localParts(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** 24-hour time of day, `14:05`. */
export function formatClock(input: TimeInput, timeZone: string): string {
  const date = validDate(input);
  if (!date) return '—';
  const l = localParts(date, validZone(timeZone));
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** A calendar date: `Mon 3 Nov`, or `Mon 3 Nov 2025` when `now` is in another year. */
export function formatDay(input: TimeInput, timeZone: string, now?: Date): string {
  const date = validDate(input);
  if (!date) return '—';
  const zone = validZone(timeZone);
  const l = localParts(date, zone);
  const weekday = new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
  const year = now !== undefined && localParts(now, zone).year !== l.year ? ` ${l.year}` : '';
  return `${DAY_NAMES[weekday]} ${l.day} ${MONTH_NAMES[l.month - 1]}${year}`;
}

/** An absolute time: `Mon 3 Nov, 14:05` (`Mon 3 Nov 2025, 14:05` in another year than `now`). */
export function formatDateTime(input: TimeInput, timeZone: string, now?: Date): string {
  const date = validDate(input);
  if (!date) return '—';
  return `${formatDay(date, timeZone, now)}, ${formatClock(date, timeZone)}`;
}

/** A time relative to `now` for nearby days: `today 14:05`, `yesterday 09:30`, else `Mon 3 Nov, 14:05`. */
export function formatTime(input: TimeInput, timeZone: string, now: Date): string {
  const date = validDate(input);
  if (!date) return '—';
  const zone = validZone(timeZone);
  if (sameDay(date, now, zone)) return `today ${formatClock(date, zone)}`;
  if (sameDay(date, new Date(now.getTime() - 86_400_000), zone))
    return `yesterday ${formatClock(date, zone)}`;
  return formatDateTime(date, zone, now);
}

const zoneNames = new Map<string, Intl.DateTimeFormat[]>();

/** A short name for the zone at that instant: EST, CET, UTC, else GMT+5:30. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const zone = validZone(timeZone);
  let formats = zoneNames.get(zone);
  if (formats === undefined) {
    formats = ['en-US', 'en-GB'].map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
    );
    if (zoneNames.size > 200) zoneNames.clear();
    zoneNames.set(zone, formats);
  }
  const names = formats.map(
    (f) => f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((n) => n !== '' && !n.startsWith('GMT')) ?? names[0] ?? zone;
}

/** A time with its zone, for headings: `Mon 3 Nov 09:00 EST` (the year when not `now`'s). */
export function formatInstant(input: TimeInput, timeZone: string, now?: Date): string {
  const date = validDate(input);
  if (!date) return '—';
  return `${formatDay(date, timeZone, now)} ${formatClock(date, timeZone)} ${zoneAbbreviation(date, timeZone)}`;
}

/** `November 2026` in the zone. */
export function formatMonth(input: TimeInput, timeZone: string): string {
  const date = validDate(input);
  if (!date) return '—';
  const l = localParts(date, validZone(timeZone));
  return new Date(Date.UTC(l.year, l.month - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The zone as named in headers: `America/New_York (EST)`, `Asia/Kolkata (GMT+5:30)`, `UTC`. */
export function zoneLabel(requested: string, now: Date): string {
  const timeZone = validZone(requested);
  const short = zoneAbbreviation(now, timeZone);
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}

/** Milliseconds between two times, or undefined when either is missing or invalid. */
export function spanMs(from: TimeInput, to: TimeInput): number | undefined {
  const start = validDate(from);
  const end = validDate(to);
  if (!start || !end) return undefined;
  return end.getTime() - start.getTime();
}
