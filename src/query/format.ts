import { localParts } from '../time/zone.js';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const zoneNames = new Map<string, Intl.DateTimeFormat[]>();

/** A short name for the zone at that instant: EST, CET, UTC, else GMT+5:30. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  let formats = zoneNames.get(timeZone);
  if (formats === undefined) {
    formats = ['en-US', 'en-GB'].map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
    );
    if (zoneNames.size > 200) zoneNames.clear();
    zoneNames.set(timeZone, formats);
  }
  const names = formats.map(
    (f) => f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((n) => n !== '' && !n.startsWith('GMT')) ?? names[0] ?? timeZone;
}

/** `Mon 23 Nov` in the zone. */
export function formatDay(instant: Date, timeZone: string): string {
  const l = localParts(instant, timeZone);
  const weekday = new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
  return `${DAY_NAMES[weekday]} ${l.day} ${MONTH_NAMES[l.month - 1]}`;
}

/** `Mon 23 Nov 09:00 EST` in the zone; the year is added when it is not `yearOf`'s. */
export function formatInstant(instant: Date, timeZone: string, yearOf?: Date): string {
  const l = localParts(instant, timeZone);
  const year = yearOf !== undefined && localParts(yearOf, timeZone).year !== l.year ? ` ${l.year}` : '';
  const time = `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
  return `${formatDay(instant, timeZone)}${year} ${time} ${zoneAbbreviation(instant, timeZone)}`;
}

/** `November 2026` in the zone. */
export function formatMonth(instant: Date, timeZone: string): string {
  const l = localParts(instant, timeZone);
  return new Date(Date.UTC(l.year, l.month - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
