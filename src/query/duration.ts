import { DURATION_UNITS, type DurationUnit, NUMBER_WORDS, UNIT_MS } from './vocabulary.js';

/** The longest duration accepted anywhere: ten years, far beyond anything AWS Backup keeps. */
export const MAX_DURATION_MS = 3650 * UNIT_MS.day;

const PART = /(\d{1,6}(?:\.\d{1,3})?)\s*([a-z]+)/gy;

/**
 * Milliseconds in a duration such as `5s`, `5m`, `1h`, `24h`, `7d`, `2w`, `1h30m`, `90 minutes`
 * or `2 hours` (`m` is minutes; months are not durations). Null for anything else, for zero and
 * for more than ten years. Used by alert rules (window, every, renotify) and `alerts mute`.
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

/** A count of whole units, for rolling windows ("last 3 days", "7d", "fortnight"). */
export interface Amount {
  amount: number;
  unit: DurationUnit;
}

const COMPACT = /^(\d{1,5})(m|h|d|w)$/;

/** `24h`, `7d`, `90m`, `2w` or `fortnight` as one word. */
export function compactAmount(word: string): Amount | null {
  if (word === 'fortnight') return { amount: 2, unit: 'week' };
  const m = COMPACT.exec(word);
  if (m === null) return null;
  return { amount: Number(m[1]), unit: DURATION_UNITS[m[2]!]! };
}

/** A count as typed: digits (up to 5) or a number word (`three`, `a`). */
export function countWord(word: string): number | null {
  if (/^\d{1,5}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** A unit word for windows: minutes and longer. */
export function windowUnit(word: string): DurationUnit | null {
  const unit = DURATION_UNITS[word];
  return unit === undefined || unit === 'second' ? null : unit;
}

/** "3 days", "1 hour", "2 weeks". */
export function describeAmount(a: Amount): string {
  return `${a.amount} ${a.unit}${a.amount === 1 ? '' : 's'}`;
}

const SPOKEN: readonly [DurationUnit, number][] = [
  ['week', UNIT_MS.week],
  ['day', UNIT_MS.day],
  ['hour', UNIT_MS.hour],
  ['minute', UNIT_MS.minute],
  ['second', UNIT_MS.second],
];

/** "2 hours", "1 day 6 hours", "90 seconds" → "1 minute 30 seconds": the two largest units. */
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [unit, size] of SPOKEN) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) parts.push(describeAmount({ amount: n, unit }));
    if (n > 0) rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}
