/** Calendar days in an IANA zone, without a date library: Intl gives the wall clock. */

function wallClockMs(ms: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The YYYY-MM-DD a moment falls on in `tz`. */
export function localDay(ms: number, tz: string): string {
  return new Date(wallClockMs(ms, tz)).toISOString().slice(0, 10);
}

/** The instant a local day (YYYY-MM-DD) starts in `tz`, correct across DST changes. */
export function dayStart(day: string, tz: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClockMs(guess, tz) - guess);
  return guess;
}

/** The local day `offset` days from `day` (negative for earlier). */
export function addDays(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}
