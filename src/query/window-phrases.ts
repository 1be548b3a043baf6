import { addDays, type LocalDateTime, localParts, zonedTime } from '../time/zone.js';
import { readOperand, type TimeContext } from './operands.js';
import { lastOccurrence } from './points.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import { finishWindow } from './window-checks.js';
import type { WindowMatch } from './window-parser.js';

/**
 * Windows as people say them around the grammar's own forms: a lead word before a window
 * (`within the last 6 hours`, `during the last 2 weeks`, `over the weekend`, `in the past day`),
 * and a day with hours (`yesterday between 1am and 3am`, `friday 9-17`, `monday from 9am to 5pm`).
 */

type Parser = (tokens: readonly Token[], i: number, t: TimeContext) => WindowMatch | null;

/** Words that may lead a window without changing it, each optionally followed by `the`. */
const LEADS: ReadonlySet<string> = new Set(['within', 'during', 'over', 'in', 'for', 'throughout']);

/**
 * `within the last 6 hours`, `over the weekend`: the lead word (and `the`) are read with the window
 * that follows; null when no window follows, so `in` and `for` stay fillers elsewhere.
 */
export function leadWord(inner: Parser): Parser {
  return (tokens, i, t) => {
    if (!LEADS.has(tokens[i]?.word ?? '') || tokens[i]?.key !== undefined) return null;
    const skip = tokens[i + 1]?.word === 'the' && !startsPeriod(tokens, i + 1) ? 2 : 1;
    const match = inner(tokens, i + skip, t);
    if (match === null || 'error' in match) return null;
    return { ...match, consumed: match.consumed + skip };
  };
}

/** `the weekend` is itself a period: its `the` belongs to it. */
function startsPeriod(tokens: readonly Token[], k: number): boolean {
  return tokens[k + 1]?.word === 'weekend';
}

const HOUR = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/;
const HOUR_RANGE = /^(\d{1,2}(?::\d{2})?(?:am|pm)?)[-–](\d{1,2}(?::\d{2})?(?:am|pm)?)$/;

/**
 * A day and hours on it: `yesterday between 1am and 3am`, `yesterday from 1am to 3am`, `friday
 * 9-17`, `monday 9am-5pm`, `today 13:00 to 15:30`. Hours without am or pm are 24-hour; an end
 * before its start without am or pm is read in the afternoon (`9-5` is 09:00–17:00).
 */
export const dayWithHours: Parser = (tokens, i, t) => {
  let k = i + 1;
  while (k < tokens.length && k < i + 4 && !startsHours(tokens[k]!.word)) k++;
  if (k >= tokens.length || !startsHours(tokens[k]!.word)) return null;
  // The day is read from the words before the hours alone: chrono would read `friday 13:00 to …` as a range.
  const day = readOperand(tokens.slice(0, k), i, t);
  if (day === null || day.consumed !== k - i || day.rangeEnd) return null;
  if (lastOccurrence(day.point, t.now).granularity !== 'day') return null;
  const hours = readHours(tokens, k);
  if (hours === null) return null;
  const consumed = day.consumed + hours.consumed;
  const text = joinTokens(tokens.slice(i, i + consumed));
  if ('error' in hours)
    return {
      consumed,
      error: { error: `${quoteWord(text)}: ${hours.error}`, suggestions: ['yesterday between 1am and 3am'] },
    };
  const date = localParts(lastOccurrence(day.point, t.now).start, t.timeZone);
  const at = (h: { hour: number; minute: number }) =>
    zonedTime(withTime(h.hour === 24 ? addDays(date, 1) : date, h.hour % 24, h.minute), t.timeZone);
  const checked = finishWindow(
    { start: at(hours.from), end: at(hours.to), form: { kind: 'range', precise: true }, text },
    t,
  );
  return 'error' in checked ? { consumed, error: checked } : { consumed, window: checked };
};

function startsHours(word: string): boolean {
  return (
    word === 'between' || word === 'from' || HOUR_RANGE.test(word) || /^\d{1,2}(?::\d{2}|am|pm)$/.test(word)
  );
}

function withTime(day: LocalDateTime, hour: number, minute: number): LocalDateTime {
  return { ...day, hour, minute, second: 0 };
}

type Clock = { hour: number; minute: number; meridiem: boolean };
type Hours = { consumed: number; from: Clock; to: Clock } | { consumed: number; error: string };

function readHours(tokens: readonly Token[], k: number): Hours | null {
  const w = (n: number) => tokens[k + n]?.word ?? '';
  const compact = HOUR_RANGE.exec(w(0));
  if (compact) return pair(1, clock(compact[1]!), clock(compact[2]!));
  const lead = w(0) === 'between' || w(0) === 'from' ? 1 : 0;
  const from = clock(w(lead));
  if (from === null) return null;
  const joiner = w(lead + 1);
  const joins =
    lead === 1 && w(0) === 'between'
      ? joiner === 'and'
      : ['to', '-', 'until', 'till', 'and'].includes(joiner);
  if (!joins) return null;
  const to = clock(w(lead + 2));
  if (to === null) return null;
  return pair(lead + 3, from, to);
}

function pair(consumed: number, from: Clock | null, to: Clock | null): Hours | null {
  if (from === null || to === null) return null;
  let end = to;
  if (!to.meridiem && !from.meridiem && to.hour < from.hour && to.hour < 12)
    end = { ...to, hour: to.hour + 12 };
  const minutes = (c: Clock) => c.hour * 60 + c.minute;
  if (minutes(end) <= minutes(from))
    return { consumed, error: 'the end comes before the start; give the earlier hour first.' };
  return { consumed, from, to: end };
}

/** `1am`, `3pm`, `13:00`, `9`, `17:30`; null for anything else. */
function clock(text: string): Clock | null {
  const m = HOUR.exec(text);
  if (m === null) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const meridiem = m[3];
  if (minute > 59 || hour > 24 || (meridiem !== undefined && (hour < 1 || hour > 12))) return null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return { hour, minute, meridiem: meridiem !== undefined };
}
