/**
 * Text helpers for Block Kit: mrkdwn escaping and truncation that never splits a character.
 * Lengths are JavaScript string lengths (UTF-16 units), the unit Slack's limits are checked in.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The ellipsis that marks cut text: one character. */
export const ELLIPSIS = '…';

/**
 * Characters that show nothing but change what is shown: C0 and C1 controls, zero-width characters,
 * and the bidirectional embeddings, overrides and isolates that can reorder text ("Trojan Source").
 * AWS data may carry them (resource names and tags are anyone's choice in the account).
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes the characters of {@link INVISIBLE} (tabs and newlines stay: callers decide about them). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Collapses runs of whitespace (newlines included) into single spaces and trims; drops invisible characters. */
export function oneLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}

/**
 * Escapes the three characters Slack parses as control sequences in mrkdwn (`&`, `<`, `>`), so data
 * can never form a link, a mention or a `<!here>`.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts `text` to at most `max` characters, ending with an ellipsis when cut. `encode` maps each
 * character cluster to its output form (for example mrkdwn-escaped), so the bound holds for the output.
 */
export function truncate(text: string, max: number, encode: (s: string) => string = (s) => s): string {
  if (max <= 0) return '';
  // Encoding never shortens text, so only text no longer than `max` can fit whole.
  if (text.length <= max) {
    const whole = encode(text);
    if (whole.length <= max) return whole;
  }
  const room = max - ELLIPSIS.length;
  let out = '';
  // At most `room` source units fit; the margin keeps the last cluster that could fit whole.
  for (const { segment } of graphemes.segment(text.slice(0, room + 64))) {
    const next = encode(segment);
    if (out.length + next.length > room) break;
    out += next;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * The start of `text` on one line, enough to fill `max` characters: long text (a 10,000-character
 * status message) is cut before the whitespace pass, and keeps an ellipsis to say so.
 */
function lineHead(text: string, max: number): string {
  const cap = max * 4 + 64;
  return text.length > cap ? `${oneLine(text.slice(0, cap))}${ELLIPSIS}` : oneLine(text);
}

/** Escapes for mrkdwn and cuts to at most `max` characters of output, on one line. */
export function mrkdwnText(text: string, max: number): string {
  return truncate(lineHead(text, max), max, escapeMrkdwn);
}

function codeSafe(segment: string): string {
  // A backtick would end the code span early; the modifier grave accent looks the same.
  return escapeMrkdwn(segment.replace(/`/g, 'ˋ'));
}

/**
 * Shows an identifier or name literally: inside a code span `*`, `_` and `~` do not format, and
 * `&<>` are escaped. At most `max` characters including the backticks; an empty value shows as "—".
 */
export function code(text: string, max = 200): string {
  const value = lineHead(text, max);
  if (value === '') return '—';
  return `\`${truncate(value, Math.max(1, max - 2), codeSafe)}\``;
}

/** Plain text (header, button, option) on one line, at most `max` characters. */
export function plainText(text: string, max: number): string {
  return truncate(lineHead(text, max), max);
}

/** Cuts a string at a character boundary without adding an ellipsis (values that are data, not prose). */
export function cutValue(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text.slice(0, max + 64))) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/** Joins the non-empty parts with a middle dot. */
export function joinParts(parts: readonly (string | undefined | false)[], separator = ' · '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(separator);
}

/** `1 job`, `3 jobs`: a count with its noun, thousands separated. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}
