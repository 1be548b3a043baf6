import { isUuidStart } from '../domain/index.js';
import { phraseAt, type Token } from './tokens.js';
import { COMMAND_WORDS, KIND_WORDS, SUMMARY_PERIODS } from './vocabulary.js';

/**
 * How a query is asked, read before the grammar: a question (`how many …`, `top failing
 * resources …`), a leading `show me` before a command (`show job <id>`), a period before `summary`
 * (`weekly summary`), an alert verb without `alerts` (`mute prod-failures for 2h`), or a job id
 * alone. Each returns the tokens the grammar reads; the words they replace carry no meaning.
 */
export type Asked =
  | { as: 'count'; rest: Token[] }
  | { as: 'top'; rest: Token[]; limit: number }
  | { as: 'tokens'; tokens: Token[] };

/** Words that lead a question or command without meaning anything (`show me`, `what are the`). */
const LEADING: ReadonlySet<string> = new Set(
  "show me list get find give please what what's whats which are is were the tell can could you i see display open view pull up a an".split(
    ' ',
  ),
);

const COUNT_PHRASES: readonly (readonly string[])[] = [
  ['how', 'many'],
  ['number', 'of'],
  ['count', 'of'],
  ['count'],
  ['total'],
  ['how', 'much'],
];

const TOP_LEADS: ReadonlySet<string> = new Set(['top', 'worst', 'most']);
/** The largest `top N`. */
export const MAX_TOP = 25;
export const DEFAULT_TOP = 10;

const ALERT_VERBS: Readonly<Record<string, string>> = {
  mute: 'mute',
  silence: 'mute',
  snooze: 'mute',
  unmute: 'unmute',
  unsilence: 'unmute',
  unsnooze: 'unmute',
};

function looksLikeJobId(token: Token): boolean {
  return token.key === undefined && isUuidStart(token.raw);
}

/** Trailing `?`, `!` and `.` do not change a word (`this week?`). */
export function withoutPunctuation(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => {
    if (token.key !== undefined) return [token];
    const raw = token.raw.replace(/[?!.]+$/u, '');
    return raw === '' ? [] : [{ ...token, raw, word: token.word.replace(/[?!.]+$/u, '') }];
  });
}

export function howAsked(tokens: readonly Token[]): Asked {
  let at = 0;
  while (at < tokens.length - 1 && LEADING.has(tokens[at]!.word) && tokens[at]!.key === undefined) at++;
  const from = tokens.slice(at);
  for (const phrase of COUNT_PHRASES) {
    const used = phraseAt(from, 0, phrase);
    if (used > 0 && from.length > used) return { as: 'count', rest: from.slice(used) };
  }
  const top = topOf(from);
  if (top !== null) return top;
  const first = from[0];
  if (first === undefined || first.key !== undefined) return { as: 'tokens', tokens: [...tokens] };
  const verb = ALERT_VERBS[first.word];
  if (verb !== undefined && from.length > 1)
    return { as: 'tokens', tokens: [word('alerts'), { ...first, word: verb, raw: verb }, ...from.slice(1)] };
  // `daily summary`, `weekly summary of failed jobs`: the period follows `summary` in the grammar.
  const second = from[1];
  if (SUMMARY_PERIODS[first.word] !== undefined && second !== undefined && isCommand('summary', second))
    return { as: 'tokens', tokens: [second, first, ...from.slice(2)] };
  const third = from[2];
  if (
    SUMMARY_PERIODS[first.word] !== undefined &&
    second &&
    KIND_WORDS.has(second.word) &&
    third &&
    isCommand('summary', third)
  )
    return { as: 'tokens', tokens: [second, third, first, ...from.slice(3)] };
  // `show job <id>`, `details of job <id>`, `show me the summary`: the command after the leading words.
  if (at > 0 && isAnyCommand(first)) return { as: 'tokens', tokens: from };
  // A job id alone (`5F3A…`, `copy 5F3A…`): its details.
  const id = from.at(-1)!;
  const kind = from.length === 2 && KIND_WORDS.has(first.word) ? [first] : null;
  if (looksLikeJobId(id) && (from.length === 1 || kind !== null))
    return { as: 'tokens', tokens: [...(kind ?? []), word('job'), id] };
  return { as: 'tokens', tokens: [...tokens] };
}

/** `top failing resources last 7d`, `top 5 rds resources by failures`, `most failed resources`. */
function topOf(from: readonly Token[]): Asked | null {
  const first = from[0];
  if (first === undefined || !TOP_LEADS.has(first.word)) return null;
  const number = /^\d{1,3}$/.test(from[1]?.word ?? '') ? Number(from[1]!.word) : undefined;
  const rest = from.slice(number === undefined ? 1 : 2);
  const nouns = rest.filter((t) => RANKED_NOUNS.has(t.word));
  if (nouns.length === 0) return null;
  const kept = rest.filter((t) => !RANKED_NOUNS.has(t.word) && !RANK_FILLER.has(t.word));
  const limit = Math.min(MAX_TOP, Math.max(1, number ?? DEFAULT_TOP));
  return { as: 'top', rest: kept, limit };
}
const RANKED_NOUNS: ReadonlySet<string> = new Set(['resources', 'resource', 'offenders']);
const RANK_FILLER: ReadonlySet<string> = new Set(['by', 'failures', 'fails', 'the', 'most']);

function isCommand(command: keyof typeof COMMAND_WORDS, token: Token): boolean {
  return token.key === undefined && (COMMAND_WORDS[command] as readonly string[]).includes(token.word);
}

function isAnyCommand(token: Token): boolean {
  return (Object.keys(COMMAND_WORDS) as (keyof typeof COMMAND_WORDS)[]).some((c) => isCommand(c, token));
}

function word(text: string): Token {
  return { raw: text, word: text };
}
