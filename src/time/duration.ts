/**
 * Durations: one parser (alert rules, mutes, the query language) and one formatter (lists, details,
 * alerts, replies). Pure.
 */

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month';

/** Inverts `{ VALUE: 'word word …' }` into a lookup from each word to its value. */
function byWord<T extends string>(table: Readonly<Record<T, string>>): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  for (const [value, words] of Object.entries(table) as [T, string][]) {
    for (const word of words.split(' ')) out[word] = value;
  }
  return out;
}

/** Unit words as typed (lower case) -> the unit. */
export const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = byWord<DurationUnit>({
  second: 's sec secs second seconds',
  minute: 'm min mins minute minutes',
  hour: 'h hr hrs hour hours',
  day: 'd day days',
  week: 'w wk wks week weeks',
  month: 'month months',
});

/** Fixed lengths; a month is only used for rolling windows, which step calendar months instead. */
export const UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 2_592_000_000,
};

/** The longest duration accepted anywhere: ten years, far beyond anything AWS Backup keeps. */
export const MAX_DURATION_MS = 3650 * UNIT_MS.day;

const PART = /(\d{1,6}(?:\.\d{1,3})?)\s*([a-z]+)/gy;

/**
 * Milliseconds in a duration such as `5s`, `5m`, `1h`, `24h`, `7d`, `2w`, `1h30m`, `1h 30m`,
 * `90 minutes` or `2 hours` (`m` is minutes; months are not durations). Null for anything else,
 * for zero and for more than ten years.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t.length > 40) return null;
  if (t === 'fortnight') return 2 * UNIT_MS.week;
  PART.lastIndex = 0;
  let total = 0;
  let end = 0;
  for (let m = PART.exec(t); m !== null; m = PART.exec(t)) {
    const unit = DURATION_UNITS[m[2]!];
    if (unit === undefined || unit === 'month') return null;
    total += Number(m[1]) * UNIT_MS[unit];
    end = PART.lastIndex;
    while (t[end] === ' ') end++;
    PART.lastIndex = end;
  }
  if (end !== t.length || total <= 0 || total > MAX_DURATION_MS) return null;
  return Math.round(total);
}

/** A count of whole units: `3 days`. */
export interface Amount {
  amount: number;
  unit: DurationUnit;
}

/** "3 days", "1 hour", "2 weeks". */
export function describeAmount(a: Amount): string {
  return `${a.amount} ${a.unit}${a.amount === 1 ? '' : 's'}`;
}

const PARTS: readonly [DurationUnit, number, string][] = [
  ['day', UNIT_MS.day, 'd'],
  ['hour', UNIT_MS.hour, 'h'],
  ['minute', UNIT_MS.minute, 'm'],
  ['second', UNIT_MS.second, 's'],
];

/**
 * A duration by its two largest units, rounded down, seconds only under a minute: `2h 7m`, `12m`,
 * `45s`, `3d 2h`, `1d` (`short`, for lines and tables) or `2 hours 7 minutes`, `1 day` (`words`, for
 * sentences). Negative, unknown
 * or infinite spans read `—`.
 */
export function formatDuration(ms: number | undefined, style: 'short' | 'words' = 'short'): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  let rest = Math.floor(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const [unit, size, letter] of PARTS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n === 0) {
      if (parts.length > 0) break;
      continue;
    }
    parts.push(style === 'short' ? `${n}${letter}` : describeAmount({ amount: n, unit }));
    // Seconds matter only under a minute: `12m`, not `12m 13s` ticking in every reply.
    if (parts.length === 2 || unit === 'minute') break;
  }
  if (parts.length > 0) return parts.join(' ');
  return style === 'short' ? '0s' : '0 seconds';
}
