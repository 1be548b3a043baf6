/** One word of a query. `key:value` stays one token; quotes may wrap a value (`vault:"my vault"`). */
export interface Token {
  /** The text as typed, quotes included. */
  raw: string;
  /** Lower-cased text without quotes, for matching words. */
  word: string;
  /** For `key:value` (or `key=value`) tokens: the key, lower case. */
  key?: string;
  /** For `key:value` tokens: the value as typed, without quotes. */
  value?: string;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; unclosed: string };

const OPEN_QUOTES = new Set(['"', '\u201c', '\u201d']);
const CLOSE_QUOTES = new Set(['"', '\u201c', '\u201d']);
const KEY = /^([a-z][a-z-]{0,23})[:=](.*)$/is;

/**
 * Splits the text into tokens on whitespace and commas (outside quotes). Slack turns straight
 * quotes into curly ones, so both are accepted. Linear in the length of the text.
 */
export function tokenize(text: string): TokenizeResult {
  const pieces: { raw: string; unquoted: string }[] = [];
  let raw = '';
  let unquoted = '';
  let quoteStart = -1;
  let keyed = false;
  const flush = () => {
    if (raw !== '') pieces.push({ raw, unquoted });
    raw = '';
    unquoted = '';
    keyed = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoteStart >= 0) {
      raw += ch;
      if (CLOSE_QUOTES.has(ch)) quoteStart = -1;
      else unquoted += ch;
    } else if (OPEN_QUOTES.has(ch)) {
      quoteStart = i;
      raw += ch;
    } else if (/\s/u.test(ch) || (ch === ',' && !keyed)) {
      flush();
    } else {
      keyed ||= ch === ':' || ch === '=';
      raw += ch;
      unquoted += ch;
    }
  }
  if (quoteStart >= 0)
    return { ok: false, unclosed: text.slice(Math.max(0, text.lastIndexOf(' ', quoteStart) + 1)) };
  flush();
  return { ok: true, tokens: pieces.map(toToken) };
}

function toToken(piece: { raw: string; unquoted: string }): Token {
  const token: Token = { raw: piece.raw, word: piece.unquoted.toLowerCase() };
  const match = KEY.exec(piece.raw);
  if (match) {
    token.key = match[1]!.toLowerCase();
    token.value = stripQuotes(match[2]!);
  }
  return token;
}

/** The text without its quotes: what `"my db"` or `vault:"my vault"` names. */
export function stripQuotes(value: string): string {
  let out = '';
  for (const ch of value) if (!OPEN_QUOTES.has(ch)) out += ch;
  return out;
}

/** The length of the phrase (a list of lower-case words) that starts at token `i`, or 0. */
export function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): number {
  return words.every((w, k) => tokens[i + k]?.word === w && tokens[i + k]?.key === undefined)
    ? words.length
    : 0;
}

/** Joins tokens back into the text they came from, for chrono and for messages. */
export function joinTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join(' ');
}

/** Shortens a quoted word so an error message stays readable whatever was typed. */
export function quoteWord(text: string): string {
  const chars = [...text];
  return `"${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : text}"`;
}
