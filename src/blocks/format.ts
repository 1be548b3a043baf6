/**
 * Formatting of times, durations, sizes and percentages for people. Pure: the zone and "now" are
 * arguments; nothing here reads the clock.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { ...options, timeZone: validZone(timeZone) });
    formatters.set(key, found);
  }
  return found;
}

/** The zone itself when the runtime knows it, otherwise `UTC` (a bad zone must not break a reply). */
export function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function dayKey(date: Date, timeZone: string): string {
  return formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function validDate(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** 24-hour time of day, `14:05`. */
export function formatClock(date: Date, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/**
 * A time as people read it in their zone, relative to `now` for nearby days:
 * `today 14:05`, `yesterday 09:30`, `Nov 3, 14:05`, `Nov 3 2025, 14:05`. Undefined or invalid: `—`.
 */
export function formatTime(iso: string | undefined, timeZone: string, now: Date): string {
  const date = validDate(iso);
  if (!date) return '—';
  const clock = formatClock(date, timeZone);
  const day = dayKey(date, timeZone);
  if (day === dayKey(now, timeZone)) return `today ${clock}`;
  if (day === dayKey(new Date(now.getTime() - 86_400_000), timeZone)) return `yesterday ${clock}`;
  return formatDateTime(iso, timeZone, now);
}

/** An absolute time in a zone: `Nov 3, 14:05` (`Nov 3 2025, 14:05` in another year than `now`). */
export function formatDateTime(iso: string | undefined, timeZone: string, now: Date): string {
  const date = validDate(iso);
  if (!date) return '—';
  const year = formatter(timeZone, { year: 'numeric' });
  const options: Intl.DateTimeFormatOptions =
    year.format(date) === year.format(now) ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' };
  return `${formatter(timeZone, options).format(date).replace(',', '')}, ${formatClock(date, timeZone)}`;
}

/** The zone as named in headers: `America/New_York (EST)`, `Asia/Kolkata (GMT+5:30)`, `UTC`. */
export function zoneLabel(requested: string, now: Date): string {
  const timeZone = validZone(requested);
  const short = formatter(timeZone, { timeZoneName: 'short' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}

/** A calendar date in a zone: `Mon, Nov 3`. */
export function formatDay(iso: string, timeZone: string): string {
  const date = validDate(iso);
  if (!date) return '—';
  return formatter(timeZone, { weekday: 'short', month: 'short', day: 'numeric' }).format(date);
}

/** Milliseconds between two ISO times, or undefined when either is missing or invalid. */
export function spanMs(fromIso: string | undefined, to: string | Date | undefined): number | undefined {
  const from = validDate(fromIso);
  const end = to instanceof Date ? to : validDate(to);
  if (!from || !end) return undefined;
  return end.getTime() - from.getTime();
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** `0 B`, `512 B`, `1.5 KiB`, `12.3 GiB`, `120 GiB` (binary units, three significant digits). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${UNITS[unit]}`;
}

/** `42%`, `99.5%`; clamped to 0..100. */
export function formatPercent(percent: number | undefined): string | undefined {
  if (percent === undefined || !Number.isFinite(percent)) return undefined;
  const clamped = Math.min(100, Math.max(0, percent));
  return `${Number.isInteger(clamped) ? clamped : clamped.toFixed(1)}%`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
