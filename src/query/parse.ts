import { isTimeZone } from '../time/zone.js';
import { parseAlerts } from './alerts.js';
import { parseCoverage, parseStale } from './gaps.js';
import { parseHelp, parseJob } from './job.js';
import { kindWord } from './kind-parsers.js';
import { parseList } from './list.js';
import { timeContext } from './operands.js';
import { isError } from './refine.js';
import { parseResource } from './resource.js';
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
    return isError(result) ? { ok: false, error: result } : { ok: true, query: result };
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
  const tokens = tokenized.tokens;
  if (tokens.length > MAX_QUERY_WORDS) {
    return {
      error: `That query has ${tokens.length} words; keep it under ${MAX_QUERY_WORDS}.`,
      suggestions: ['help'],
    };
  }
  if (tokens.length === 0) return { kind: 'help', text, notes: [], visibility: 'ephemeral' };
  const t = timeContext({ now: ctx.now, timeZone: ctx.timeZone });
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
