import { type Amount, DURATION_UNITS, type DurationUnit } from '../time/duration.js';
import type { Token } from './tokens.js';
import { NUMBER_WORDS } from './vocabulary.js';

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
function windowUnit(word: string): DurationUnit | null {
  const unit = DURATION_UNITS[word];
  return unit === undefined || unit === 'second' ? null : unit;
}

/** A rolling window as typed: its length in whole units of a minute or more. */
export interface RollingAmount extends Amount {
  unit: 'minute' | 'hour' | 'day' | 'week' | 'month';
}

/**
 * Reads `last 3 days`, `past 24 hours`, `past week`, `last hour`, `three days`, `24h`, `last 7d`
 * or `fortnight` at token `i`. Not `last week` / `last month` (calendar periods) and not
 * `3 days ago` (a date for chrono).
 */
export function readRolling(
  tokens: readonly Token[],
  i: number,
): { consumed: number; amount: RollingAmount } | null {
  const first = tokens[i]?.word ?? '';
  const lead = first === 'last' || first === 'past' ? 1 : 0;
  const compact = compactAmount(tokens[i + lead]?.word ?? '');
  if (compact !== null) return rolling(compact, lead + 1);
  const count = countWord(tokens[i + lead]?.word ?? '');
  const unitAt = i + lead + (count === null ? 0 : 1);
  const unit = windowUnit(tokens[unitAt]?.word ?? '');
  if (unit === null) return null;
  if (count === null && first === 'last' && (unit === 'week' || unit === 'month')) return null;
  if (lead === 0 && (count === null || tokens[unitAt + 1]?.word === 'ago')) return null;
  return rolling({ amount: count ?? 1, unit }, unitAt + 1 - i);
}

function rolling(amount: Amount, consumed: number): { consumed: number; amount: RollingAmount } | null {
  const { unit } = amount;
  return unit === 'second' ? null : { consumed, amount: { amount: amount.amount, unit } };
}
