import { DURATION_UNITS, parseDuration, UNIT_MS } from '../time/duration.js';
import type { Item } from './items.js';
import type { ListParser } from './list-parsers.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import { RETENTION_DAYS } from './types.js';
import { AGE_LEADS } from './vocabulary.js';

/**
 * The age of `stale` and `coverage`: how long ago a resource's last good backup may be. AWS keeps
 * RETENTION_DAYS of jobs; older backups are known from ListProtectedResources (its LastBackupTime), so an
 * age may reach back a year.
 */
export const MAX_AGE_DAYS = 365;
export const MAX_AGE_MS = MAX_AGE_DAYS * UNIT_MS.day;

/** Words a duration is read from at most: `1 h 30 m`. */
const MAX_AGE_TOKENS = 4;

/** The question an age belongs to, for the examples its errors give. */
export type AgeCommand = 'stale' | 'coverage';

const EXAMPLE_AGE: Readonly<Record<AgeCommand, string>> = { stale: '24h', coverage: '48h' };

/**
 * `24h`, `2d`, `1h30m`, `90 minutes`, `fortnight`, led by `last`, `in the last`, `older than`, … and
 * read by the one duration parser. A word that tries to be an age and is not one (`24x`, `0h`,
 * `-2d`, `30`, `400d`) is an error that says what to type instead.
 */
export function ageParser(command: AgeCommand): ListParser {
  return (tokens, i) => {
    const lead = leadAt(tokens, i);
    const at = i + lead;
    for (let n = Math.min(MAX_AGE_TOKENS, tokens.length - at); n >= 1; n--) {
      const run = tokens.slice(at, at + n);
      if (run.some((token) => token.key !== undefined)) continue;
      const words = run.map((token) => token.word).join(' ');
      const ms = parseDuration(words);
      if (ms === null || (n > 1 && !unitsFall(words))) continue;
      const ago = tokens[at + n]?.word === 'ago' ? 1 : 0;
      const text = joinTokens(tokens.slice(i, at + n + ago));
      return { consumed: lead + n + ago, item: ageItem(ms, text, command) };
    }
    const word = tokens[at]?.word ?? '';
    if (tokens[at]?.key !== undefined || !/^[-\u2212]?\.?\d/.test(word)) return null;
    const unit = DURATION_UNITS[tokens[at + 1]?.word ?? ''] === undefined ? 0 : 1;
    const typed = tokens.slice(at, at + 1 + unit).map((token) => token.word);
    const text = joinTokens(tokens.slice(i, at + 1 + unit));
    return { consumed: lead + 1 + unit, item: badAge(typed.join(' '), text, command) };
  };
}

/**
 * True when each unit of a duration typed over several words is smaller than the one before
 * (`1h 30m`, `2 days 12 hours`): `24h 48h` is two ages, not one of three days.
 */
function unitsFall(words: string): boolean {
  const sizes = [...words.matchAll(/\d\s*([a-z]+)/g)].map((m) => UNIT_MS[DURATION_UNITS[m[1]!] ?? 'second']);
  return sizes.every((size, k) => k === 0 || size < sizes[k - 1]!);
}

function leadAt(tokens: readonly Token[], i: number): number {
  const lead = AGE_LEADS.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
  return lead?.length ?? 0;
}

function ageItem(ms: number, text: string, command: AgeCommand): Item {
  return ms <= MAX_AGE_MS ? { kind: 'age', ms, text } : tooLong(text, command);
}

function tooLong(text: string, command: AgeCommand): Item {
  return fail(
    `${quoteWord(text)} is too long an age: beyond the ${RETENTION_DAYS} days of jobs AWS keeps, only each resource's last backup is known, up to ${MAX_AGE_DAYS} days. Try "${command} ${MAX_AGE_DAYS}d".`,
    [`${command} ${MAX_AGE_DAYS}d`],
  );
}

/** Why `typed` (the words of a would-be age, lower case) is not an age, and what to type instead. */
function badAge(typed: string, text: string, command: AgeCommand): Item {
  const example = `${command} ${EXAMPLE_AGE[command]}`;
  const positive = typed.replace(/^[-\u2212]\s*/, '');
  if (positive !== typed && parseDuration(positive) !== null) {
    return fail(
      `${quoteWord(text)} is not an age: an age counts back from now, so give it without a minus, like "${command} ${positive}".`,
      [`${command} ${positive}`],
    );
  }
  if (!/[1-9]/.test(positive)) {
    return fail(`${quoteWord(text)} is not an age: give one longer than zero, like "${example}".`, [example]);
  }
  // Every number made 1: when that reads as a duration, only the size was wrong.
  if (parseDuration(positive.replace(/\d+(?:\.\d+)?/g, '1')) !== null) return tooLong(text, command);
  return fail(
    `${quoteWord(text)} is not an age: give a duration with its unit, like 24h, 2d or 1h30m, as in "${example}".`,
    [example],
  );
}

function fail(error: string, suggestions: string[]): Item {
  return { kind: 'error', error: { error, suggestions } };
}
