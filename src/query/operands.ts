import * as chrono from 'chrono-node';
import { addDays, addMonths, localParts, offsetMinutes, startOfDay } from '../time/zone.js';
import { CALENDAR_PHRASES, calendarPoint } from './calendar.js';
import { type Clock, type Point, toPoint } from './points.js';
import type { Token } from './tokens.js';
import { type CalendarPeriod, RETENTION_DAYS } from './types.js';
import { FILLER_WORDS, KIND_WORDS, STATE_WORDS, VALIDATION_PHRASES } from './vocabulary.js';

/** The clock plus what chrono needs, and a budget that bounds chrono calls per query. */
export interface TimeContext extends Clock {
  reference: { instant: Date; timezone: number };
  budget: { chronoCalls: number };
  /** The oldest instant AWS Backup still keeps jobs for: RETENTION_DAYS before now. */
  retentionStart: Date;
  /** How numeric dates are read: `03/04` is 4 March month first, 3 April day first. */
  dateOrder: 'month-first' | 'day-first';
}

/**
 * How a locale writes numeric dates, from Intl's own short date pattern for it: month first when
 * the month comes before the day (`en-US` 3/4/2001, `ja-JP` 2001/3/4), else day first (`en-GB`,
 * `de-DE`). Undefined for a tag Intl does not take.
 */
export function dateOrderOfLocale(locale: string | undefined): TimeContext['dateOrder'] | undefined {
  if (!locale) return undefined;
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(Date.UTC(2001, 2, 4, 12)))
      .map((p) => p.type);
    const month = parts.indexOf('month');
    const day = parts.indexOf('day');
    if (month < 0 || day < 0) return undefined;
    return month < day ? 'month-first' : 'day-first';
  } catch {
    return undefined;
  }
}

/** Zones whose people write the month first (the Americas' en-US habit), when no locale says. */
const MONTH_FIRST_ZONES = /^(America\/|US\/|Pacific\/Honolulu$|Pacific\/Guam$)/;

export function timeContext(
  clock: Clock & { dateOrder?: TimeContext['dateOrder'] | undefined },
): TimeContext {
  return {
    ...clock,
    dateOrder: clock.dateOrder ?? (MONTH_FIRST_ZONES.test(clock.timeZone) ? 'month-first' : 'day-first'),
    reference: { instant: clock.now, timezone: offsetMinutes(clock.now, clock.timeZone) },
    budget: { chronoCalls: 12 },
    retentionStart: new Date(clock.now.getTime() - RETENTION_DAYS * 86_400_000),
  };
}

/** A date expression read from the tokens: how many it used and what it names. */
export interface Operand {
  consumed: number;
  point: Point;
  /** Set when the expression was itself a range (`nov 20-22`). */
  rangeEnd?: Point;
  calendar?: CalendarPeriod;
}

/** Words that join the two ends of a range; a date expression never runs across them. */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'to',
  '-',
  '–',
  '—',
  'and',
  'until',
  'till',
  'through',
  'thru',
]);
const MAX_RUN_TOKENS = 6;
const MAX_RUN_CHARS = 80;
const DATE_START =
  /^(\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight|noon|midnight|last|next|this|previous|past$|weekend$|overnight$|the$|now|a$|an$|one$|two$|three$)/;

/** True when a word may begin a date without a keyword before it (`monday`, `nov 20`, `9am`). */
export function mayStartDate(word: string): boolean {
  return DATE_START.test(word);
}

/**
 * Reads a calendar phrase or a chrono date expression starting at `start`; null when there is
 * none. A calendar phrase wins unless chrono reads more words (`yesterday 18:00`).
 */
export function readOperand(tokens: readonly Token[], start: number, t: TimeContext): Operand | null {
  const ordinal = dayOfMonth(tokens, start, t);
  if (ordinal !== null) return ordinal;
  // The longest phrase: `yesterday afternoon`, not `yesterday`.
  const phrase = CALENDAR_PHRASES.filter((p) => p.words.every((w, k) => tokens[start + k]?.word === w)).sort(
    (a, b) => b.words.length - a.words.length,
  )[0];
  const calendar: Operand | null =
    phrase === undefined
      ? null
      : { consumed: phrase.words.length, point: calendarPoint(phrase.period, t), calendar: phrase.period };
  const read = readChrono(tokens, start, t);
  return read !== null && read.consumed > (calendar?.consumed ?? 0) ? read : calendar;
}

const NUMERIC_DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/;
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)$/;

/**
 * `the 20th`, `20th`: the latest day of that number up to today, in the user's zone (this month's
 * when it has come, else last month's; a month without that day is skipped). With a month after it
 * (`20th november`, `the 20th of november`) it is chrono's to read.
 */
function dayOfMonth(tokens: readonly Token[], start: number, t: TimeContext): Operand | null {
  const lead = tokens[start]?.word === 'the' ? 1 : 0;
  const match = ORDINAL.exec(tokens[start + lead]?.word ?? '');
  const after = tokens[start + lead + 1]?.word ?? '';
  if (match === null || after === 'of' || MONTH_START.test(after)) return null;
  const wanted = Number(match[1]);
  if (wanted < 1 || wanted > 31) return null;
  const today = localParts(t.now, t.timeZone);
  for (let back = 0; back < 3; back++) {
    const month = addMonths({ ...today, day: 1 }, -back);
    const candidate = { ...month, day: wanted };
    const real = addDays(candidate, 0);
    if (real.month !== month.month || (back === 0 && wanted > today.day)) continue;
    const from = startOfDay(real, t.timeZone);
    const point: Point = {
      start: from,
      end: startOfDay(addDays(real, 1), t.timeZone),
      granularity: 'day',
      back: null,
    };
    return { consumed: lead + 1, point };
  }
  return null;
}
const MONTH_START = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

function readChrono(tokens: readonly Token[], start: number, t: TimeContext): Operand | null {
  const run: Token[] = [];
  let chars = 0;
  for (let k = start; k < tokens.length && run.length < MAX_RUN_TOKENS; k++) {
    const token = tokens[k]!;
    if (endsDate(token, tokens[k + 1])) break;
    chars += token.raw.length + 1;
    if (chars > MAX_RUN_CHARS) break;
    run.push(token);
  }
  while (run.length > 0) {
    const found = chronoPrefix(run, t);
    if (found === null) return null;
    if (found.tokens > 0) {
      const result = found.result;
      const operand: Operand = { consumed: found.tokens, point: toPoint(result, result.start, t) };
      if (result.end) operand.rangeEnd = toPoint(result, result.end, t);
      return operand;
    }
    run.length = found.retry;
  }
  return null;
}

const PHRASE_STARTS: ReadonlySet<string> = new Set([
  ...KIND_WORDS,
  ...VALIDATION_PHRASES.map((p) => p.words[0]!),
]);

/** Words a date never runs into: filters, states, kinds, connectors, `20 per page`, most fillers. */
function endsDate(token: Token, next: Token | undefined): boolean {
  const w = token.word;
  if (token.key !== undefined || CONNECTORS.has(w) || STATE_WORDS[w] !== undefined || w === 'public')
    return true;
  if (PHRASE_STARTS.has(w)) return true;
  if (next?.word === 'per' || w === 'per') return true;
  return FILLER_WORDS.has(w) && w !== 'the' && w !== 'of';
}

/**
 * Asks chrono about the run and maps what it read at the very start onto whole tokens. When
 * chrono stops inside a token, `retry` says how many tokens to try again with.
 */
function chronoPrefix(
  run: readonly Token[],
  t: TimeContext,
): { tokens: number; result: chrono.ParsedResult; retry: number } | null {
  if (t.budget.chronoCalls <= 0) return null;
  t.budget.chronoCalls -= 1;
  const text = run.map((tok) => tok.raw).join(' ');
  // Day first changes numeric dates only: chrono's British parser reads `nov 20` as a year.
  const parser = t.dateOrder === 'day-first' && NUMERIC_DATE.test(run[0]?.word ?? '') ? chrono.en.GB : chrono;
  const result = parser.parse(text, t.reference)[0];
  if (result === undefined || result.index !== 0) return null;
  let end = -1;
  for (let k = 0; k < run.length; k++) {
    end += run[k]!.raw.length + 1;
    if (end === result.text.length) return { tokens: k + 1, result, retry: 0 };
    if (end > result.text.length) return { tokens: 0, result, retry: k };
  }
  return { tokens: 0, result, retry: run.length - 1 };
}
