import { isTimeZone } from '../time/zone.js';
import { parseAlerts } from './alerts.js';
import { parseCoverage, parseStale } from './gaps.js';
import { parseHelp, parseJob } from './job.js';
import { kindWord } from './kind-parsers.js';
import { parseList } from './list.js';
import { type TimeContext, timeContext } from './operands.js';
import { howAsked, withoutPunctuation } from './questions.js';
import { isError } from './refine.js';
import { parseResource } from './resource.js';
import { correction, orList } from './suggest.js';
import { parseSummary } from './summary.js';
import { joinTokens, quoteWord, type Token, tokenize } from './tokens.js';
import type { JobQuery, ParseContext, ParseResult, QueryError } from './types.js';
import {
  COMMAND_WORDS,
  FILLER_WORDS,
  KIND_WORD,
  KIND_WORDS,
  STATE_WORDS,
  WINDOW_MARKERS,
} from './vocabulary.js';

/** Longest text parsed; longer texts get an error at once (a query is a line, not a page). */
export const MAX_QUERY_LENGTH = 1000;
/** Most words parsed. */
export const MAX_QUERY_WORDS = 60;
/** The message of the last-resort error; a parser bug shows up as this, never as a throw. */
export const INTERNAL_ERROR = 'Something went wrong reading that query.';

/**
 * Parses what people type after `/backup-jobs` into a JobQuery, or an error a person can act on.
 * Pure: `ctx.now` and `ctx.timeZone` stand in for the clock and the user's zone. Never throws.
 * @example parseQuery('failed or partial since monday 9am type:rds account:*', { now, timeZone: 'America/New_York' })
 */
export function parseQuery(text: string, ctx: ParseContext): ParseResult {
  try {
    const result = parseChecked(String(text), ctx);
    if (!isError(result)) return { ok: true, query: result };
    const { unknown: _unknown, ...error } = result;
    return { ok: false, error };
  } catch {
    return {
      ok: false,
      error: { error: `${INTERNAL_ERROR} Try "help" for examples.`, suggestions: ['help'] },
    };
  }
}

function parseChecked(raw: string, ctx: ParseContext): JobQuery | QueryError {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) {
    return { error: 'The current time given to the parser is not a valid date.', suggestions: [] };
  }
  if (!isTimeZone(ctx.timeZone)) {
    return {
      error: `${quoteWord(ctx.timeZone)} is not a time zone I know.`,
      suggestions: ['UTC', 'Europe/Berlin'],
    };
  }
  const text = raw.trim();
  if (text.length > MAX_QUERY_LENGTH) {
    const limit = MAX_QUERY_LENGTH.toLocaleString('en-US');
    return { error: `That query is too long: keep it under ${limit} characters.`, suggestions: ['help'] };
  }
  const tokenized = tokenize(text);
  if (!tokenized.ok) {
    return {
      error: `The quote in ${quoteWord(tokenized.unclosed)} is not closed.`,
      suggestions: ['vault:"my vault"'],
    };
  }
  const typed = tokenized.tokens;
  if (typed.length > MAX_QUERY_WORDS) {
    return {
      error: `That query has ${typed.length} words; keep it under ${MAX_QUERY_WORDS}.`,
      suggestions: ['help'],
    };
  }
  const t = timeContext({ now: ctx.now, timeZone: ctx.timeZone, dateOrder: ctx.dateOrder });
  return readCorrected(text, withoutPunctuation(typed), t, ctx);
}

/** Most misspelt words read as the word they are near (`faild` as `failed`). */
const MAX_CORRECTIONS = 3;

/**
 * Reads the tokens; when words are not understood and each is close to one word of the language
 * only, reads them as those words instead and says so in a note. Anything else keeps the error.
 */
function readCorrected(
  text: string,
  tokens: Token[],
  t: TimeContext,
  ctx: ParseContext,
): JobQuery | QueryError {
  const first = readTokens(text, tokens, t, ctx);
  if (!isError(first) || first.unknown === undefined) return first;
  const fixes = new Map<string, string>();
  for (const unknown of first.unknown) {
    const fix = correction(unknown);
    if (fix !== null && fix !== unknown.toLowerCase()) fixes.set(unknown.toLowerCase(), fix);
  }
  if (fixes.size === 0 || fixes.size > MAX_CORRECTIONS) return first;
  const fixed = tokens.map((token) => {
    const fix = token.key === undefined ? fixes.get(token.word) : undefined;
    return fix === undefined ? token : { raw: fix, word: fix };
  });
  // A fresh context: the second reading gets chrono's whole budget again.
  const second = readTokens(
    text,
    fixed,
    timeContext({ now: t.now, timeZone: t.timeZone, dateOrder: t.dateOrder }),
    ctx,
  );
  if (isError(second)) return first;
  const read = [...fixes].map(([from, to]) => `*${from}* as *${to}*`);
  second.notes.unshift(`Read ${orList(read, 'and')}.`);
  return second;
}

function readTokens(
  text: string,
  typed: readonly Token[],
  t: TimeContext,
  ctx: ParseContext,
): JobQuery | QueryError {
  const asked = howAsked(typed);
  if (asked.as === 'count' || asked.as === 'top') {
    const list = parseList(text, asked.rest, t, ctx.defaultPageSize);
    if (isError(list)) return list;
    const base = { text, notes: list.notes, visibility: list.visibility };
    if (asked.as === 'count') return { kind: 'count', list, ...base };
    if (list.states.length === 0 && !list.withIssues && list.validation.length === 0)
      list.states = ['FAILED'];
    return { kind: 'top', list, limit: asked.limit, ...base };
  }
  const tokens = asked.tokens;
  if (tokens.length === 0) return { kind: 'help', text, notes: [], visibility: 'ephemeral' };
  // A kind of job may lead any query (`copy summary 7d`, `restore job <id>`).
  const lead = kindWord(tokens, 0, t);
  const at = lead?.consumed ?? 0;
  const [first, second] = [tokens[at], tokens[at + 1]];
  const command = first === undefined ? 'list' : commandOf(first, second);
  const rest = tokens.slice(at + 1);
  if (lead !== null && lead.item.kind === 'job-kind' && command !== 'list') {
    const { jobKind, text: words } = lead.item;
    if (command === 'summary') return parseSummary(text, tokens, at + 1, t, lead.item);
    if (command === 'job') return parseJob(text, rest, { jobKind, text: words });
    const instead =
      command === 'help'
        ? `help ${KIND_WORD[jobKind]}`
        : command === 'stale' && jobKind === 'copy'
          ? joinTokens([first!, ...rest]).replace(/^\S+/, 'stale copies')
          : (first?.word ?? command);
    return {
      error: `${quoteWord(first?.raw ?? command)} does not take a kind of job before it. Try "${instead}".`,
      suggestions: [instead],
    };
  }
  switch (command) {
    case 'help':
      return parseHelp(text, rest);
    case 'summary':
      return parseSummary(text, tokens, at + 1, t, null);
    case 'job':
      return parseJob(text, rest);
    case 'alerts':
      return parseAlerts(text, rest);
    case 'stale':
      return parseStale(text, tokens, at + 1, t, ctx.defaultPageSize);
    case 'coverage':
      return parseCoverage(text, tokens, at + 1, t);
    case 'resource':
      return parseResource(text, rest);
    case 'list':
      return parseList(text, tokens, t, ctx.defaultPageSize);
  }
}

const COMMANDS = [
  'help',
  'summary',
  'job',
  'alerts',
  'stale',
  'resource',
  'coverage',
] as const satisfies readonly (keyof typeof COMMAND_WORDS)[];

/**
 * The kind of query its first word asks for. `job failed …` is a list query, not job "failed";
 * `resource:arn:…` is a list's filter (a key), while `resource orders` and `resource arn:…` ask
 * about one resource.
 */
function commandOf(first: Token, second: Token | undefined): (typeof COMMANDS)[number] | 'list' {
  if (first.key !== undefined) return 'list';
  for (const command of COMMANDS) {
    const words: readonly string[] = COMMAND_WORDS[command];
    if (!words.includes(first.word)) continue;
    if (command === 'job' && second !== undefined && isListWord(second)) return 'list';
    // `resource type rds failed` is a list's filter in words.
    if (command === 'resource' && second?.word === 'type') return 'list';
    return command;
  }
  return 'list';
}

function isListWord(token: Token): boolean {
  const w = token.word;
  const filter = token.key !== undefined && token.key !== 'region';
  return (
    filter ||
    STATE_WORDS[w] !== undefined ||
    FILLER_WORDS.has(w) ||
    WINDOW_MARKERS[w] !== undefined ||
    KIND_WORDS.has(w)
  );
}
