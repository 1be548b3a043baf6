import { rollingStart } from './calendar.js';
import { CONNECTORS, mayStartDate, type Operand, readOperand, type TimeContext } from './operands.js';
import { lastOccurrence, type Point } from './points.js';
import { readRolling } from './rolling.js';
import { joinTokens, quoteWord, type Token } from './tokens.js';
import type { QueryError, WindowForm } from './types.js';
import { finishWindow, REVERSED_HINT, type Window } from './window-checks.js';
import { dayWithHours, leadWord } from './window-phrases.js';

export type { Window } from './window-checks.js';
export type WindowMatch = { consumed: number; window: Window } | { consumed: number; error: QueryError };

type WindowParser = (tokens: readonly Token[], i: number, t: TimeContext) => WindowMatch | null;

/**
 * A time window starting at token `i`, or null when none starts there. Tiny parsers in order:
 * rolling windows, keyword forms (since, before, between, from, on), then bare dates and periods.
 */
export function parseWindow(tokens: readonly Token[], i: number, t: TimeContext): WindowMatch | null {
  for (const parser of WINDOW_PARSERS) {
    const match = parser(tokens, i, t);
    if (match !== null) return match;
  }
  return null;
}

/** `last 3 days`, `past 24 hours`, `24h`, `fortnight`: a window of that length ending now. */
const rolling: WindowParser = (tokens, i, t) => {
  const read = readRolling(tokens, i);
  if (read === null) return null;
  const { consumed, amount } = read;
  const text = joinTokens(tokens.slice(i, i + consumed));
  if (amount.amount === 0) {
    return {
      consumed,
      error: { error: `${quoteWord(text)} is an empty window.`, suggestions: ['last 24h'] },
    };
  }
  const form: WindowForm = { kind: 'rolling', amount: amount.amount, unit: amount.unit };
  return finish(consumed, text, rollingStart(amount, t), t.now, form, t);
};

/** `since X`, `after X`, `from X [to Y]`, `before X`, `until X`, `between A and B`, `on X`. */
const keyword: WindowParser = (tokens, i, t) => {
  const word = tokens[i]?.word ?? '';
  if (!KEYWORDS.has(word)) return null;
  const a = readOperand(tokens, i + 1, t);
  if (a === null) return unreadable(tokens, i, word);
  if (word === 'between' || word === 'from')
    return range(tokens, i, 1 + a.consumed, a, t, word === 'between');
  const consumed = 1 + a.consumed;
  const text = joinTokens(tokens.slice(i, i + consumed));
  const p = lastOccurrence(a.point, t.now);
  const precise = p.granularity === 'time';
  if (word === 'since' || word === 'after')
    return finish(consumed, text, p.start, t.now, { kind: 'since', precise }, t);
  if (word === 'on' && !precise) return finish(consumed, text, p.start, p.end, periodForm(a, p), t);
  if (word === 'on') return finish(consumed, text, p.start, t.now, { kind: 'since', precise }, t);
  const end = word === 'before' ? p.start : p.end;
  const start = new Date(Math.min(t.retentionStart.getTime(), end.getTime()));
  return finish(consumed, text, start, end, { kind: 'before', precise }, t);
};
const KEYWORDS = new Set(['since', 'after', 'from', 'before', 'until', 'till', 'between', 'on']);

/** A bare date or period (`yesterday`, `monday`, `nov 20`, `this week`) or range (`nov 20 - nov 22`). */
const bare: WindowParser = (tokens, i, t) => {
  const word = tokens[i]?.word ?? '';
  if (!mayStartDate(word)) return null;
  const a = readOperand(tokens, i, t);
  if (a === null) return null;
  const next = tokens[i + a.consumed]?.word ?? '';
  if (a.rangeEnd !== undefined || (joinsRange(tokens, i + a.consumed) && next !== 'and'))
    return range(tokens, i, a.consumed, a, t, false);
  const text = joinTokens(tokens.slice(i, i + a.consumed));
  const p = lastOccurrence(a.point, t.now);
  if (p.granularity === 'time')
    return finish(a.consumed, text, p.start, t.now, { kind: 'since', precise: true }, t);
  return finish(a.consumed, text, p.start, p.end, periodForm(a, p), t);
};

/** The second half of a range after operand `a` (`and B`, `to B`, `- B`), or `from X` alone. */
function range(
  tokens: readonly Token[],
  i: number,
  used: number,
  a: Operand,
  t: TimeContext,
  between: boolean,
): WindowMatch {
  const start = lastOccurrence(a.point, t.now);
  let end: Point | undefined = a.rangeEnd;
  let consumed = used;
  const joiner = tokens[i + used]?.word ?? '';
  const joins = joinsRange(tokens, i + used);
  if (end === undefined && joins && (between ? joiner === 'and' : joiner !== 'and')) {
    const b = readOperand(tokens, i + used + 1, t);
    if (b === null) return unreadable(tokens, i + used, joiner);
    end = b.point;
    consumed = used + 1 + b.consumed;
  }
  const text = joinTokens(tokens.slice(i, i + consumed));
  if (end === undefined) {
    if (between)
      return {
        consumed,
        error: {
          error: `${quoteWord(text)} needs an end: say "between A and B".`,
          suggestions: [REVERSED_HINT],
        },
      };
    // `from yesterday` is that day; `from 9am` (a time) runs until now.
    if (start.granularity !== 'time')
      return finish(consumed, text, start.start, start.end, periodForm(a, start), t);
    return finish(consumed, text, start.start, t.now, { kind: 'since', precise: true }, t);
  }
  if (start !== a.point && end.back !== null && end.back.end.getTime() > start.start.getTime())
    end = end.back;
  const precise = start.granularity === 'time' || end.granularity === 'time';
  return finish(consumed, text, start.start, end.end, { kind: 'range', precise }, t);
}

/**
 * A connector at `k` joins two dates unless a place follows it: a `key:value` (`yesterday to
 * vault:dr`), a vault in words (`to the dr vault`) or the channel (`today to the channel`).
 */
function joinsRange(tokens: readonly Token[], k: number): boolean {
  if (!CONNECTORS.has(tokens[k]?.word ?? '') || tokens[k + 1]?.key !== undefined) return false;
  const next = (n: number) => tokens[k + n]?.word;
  const vault = next(1) === 'vault' || next(2) === 'vault' || (next(1) === 'the' && next(3) === 'vault');
  const channel = [next(1), next(2)].includes('channel');
  return !vault && !channel;
}

function periodForm(a: Operand, p: Point): WindowForm {
  if (a.calendar !== undefined) return { kind: 'calendar', period: a.calendar };
  if (p.granularity === 'month') return { kind: 'month' };
  return p.granularity === 'day' ? { kind: 'day' } : { kind: 'since', precise: true };
}

function unreadable(tokens: readonly Token[], i: number, word: string): WindowMatch {
  const after = tokens[i + 1];
  const error =
    after === undefined
      ? `${quoteWord(word)} needs a date or time after it, like "${word} yesterday".`
      : `I could not read ${quoteWord(after.raw)} as a date or time after "${word}".`;
  return {
    consumed: after === undefined ? 1 : 2,
    error: {
      error,
      suggestions: CONNECTORS.has(word) ? [REVERSED_HINT] : [`${word} yesterday`, `${word} 9am`],
    },
  };
}

function finish(
  consumed: number,
  text: string,
  start: Date,
  end: Date,
  form: WindowForm,
  t: TimeContext,
): WindowMatch {
  const checked = finishWindow({ start, end, form, text }, t);
  return 'error' in checked ? { consumed, error: checked } : { consumed, window: checked };
}

const WINDOW_PARSERS: readonly WindowParser[] = [
  rolling,
  leadWord((tokens, i, t) => parseWindow(tokens, i, t)),
  keyword,
  dayWithHours,
  bare,
];
