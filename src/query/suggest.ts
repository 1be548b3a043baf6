import { RESOURCE_TYPE_ALIASES } from '../domain/index.js';
import { quoteWord } from './tokens.js';
import type { QueryError } from './types.js';
import {
  FILTER_KEYS,
  HELP_TOPICS,
  KIND_PHRASES,
  KIND_WORD,
  MONTHS,
  STATE_WORDS,
  WEEKDAYS,
} from './vocabulary.js';

const MAX_COMPARED = 32;

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), capped at `limit + 1`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The words offered when a word is not understood: canonical words only (synonyms such as
 * `fails` are understood but not suggested, so `faild` gets one clear answer: failed).
 */
const SUGGESTED_WORDS: readonly string[] = [
  ...new Set(Object.values(STATE_WORDS).flatMap((states) => states.map((s) => s.toLowerCase()))),
  'failures',
  'succeeded',
  'issues',
  ...Object.values(RESOURCE_TYPE_ALIASES).flatMap((t) => t.bare),
  ...WEEKDAYS,
  ...MONTHS,
  ...'minutes hours days weeks today yesterday since after before until between from last past this week month fortnight'.split(
    ' ',
  ),
  ...'public help summary job alerts show list jobs backups copies copy restores restore tests timed'.split(
    ' ',
  ),
  ...'stale coverage resource'.split(' '),
];

/** Words of `candidates` nearest to `word` (all at the smallest distance, up to three); none when nothing is close. */
export function nearest(word: string, candidates: readonly string[] = SUGGESTED_WORDS): string[] {
  const w = word.toLowerCase();
  if (w.length === 0 || w.length > MAX_COMPARED) return [];
  let limit = w.length <= 3 ? 1 : w.length <= 7 ? 2 : 3;
  let found: string[] = [];
  for (const c of new Set(candidates)) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d > limit || d >= Math.max(c.length, w.length)) continue;
    if (d < limit) found = [];
    limit = d;
    found.push(c);
  }
  return found.slice(0, 3);
}

/** Filter keys offered for an unknown `key:` (the short names). */
export const KEY_WORDS: readonly string[] = [...new Set(Object.values(FILTER_KEYS))];

/** `"faild" is not a word I know — did you mean failed?` for one or more unknown words. */
export function unknownWords(words: readonly string[]): QueryError {
  const shown = words.slice(0, 3);
  const typed = new Set(shown.map((w) => w.toLowerCase()));
  const suggestions = [...new Set(shown.flatMap((w) => nearest(w)))].filter((s) => !typed.has(s)).slice(0, 5);
  const quoted = shown.map(quoteWord);
  const subject =
    quoted.length === 1
      ? `${quoted[0]} is not a word I know`
      : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} are not words I know`;
  const unknown = [...words];
  if (suggestions.length === 0) {
    return {
      error: `${subject}. Type "help" to see the words I understand.`,
      suggestions: ['help'],
      unknown,
    };
  }
  return { error: `${subject} — did you mean ${orList(suggestions)}?`, suggestions, unknown };
}

/**
 * The one word of the language a misspelt word is read as: within one edit (two for words of
 * seven letters or more), of four letters or more, and nearer to it than to any other word. Null
 * when there is no such word, or several: then the reply asks instead.
 */
export function correction(word: string): string | null {
  const w = word.toLowerCase();
  if (w.length < 4 || w.length > MAX_COMPARED || !/^[a-z]+$/.test(w)) return null;
  const limit = w.length >= 7 ? 2 : 1;
  const near = nearest(w, CORRECTABLE_WORDS).filter((c) => editDistance(w, c, limit) <= limit);
  // Synonyms of one state are one meaning: `faild` is as near fails and fail as failed.
  const meanings = new Set(near.map(meaningOf));
  return meanings.size === 1 ? [...meanings][0]! : null;
}

/** The word that stands for a word's meaning: its state (`fails` → failed) or kind (`restore` → restores). */
function meaningOf(word: string): string {
  const state = STATE_WORDS[word]?.[0];
  if (state !== undefined) return state.toLowerCase();
  const kind = KIND_PHRASES.find((p) => p.words.length === 1 && p.words[0] === word);
  return kind === undefined ? word : KIND_WORD[kind.jobKind];
}

/** Words a misspelling may be read as: the language's own, not names of vaults or rules. */
const CORRECTABLE_WORDS: readonly string[] = [
  ...SUGGESTED_WORDS,
  ...Object.keys(STATE_WORDS),
  ...'hours minutes weeks months days yesterday today weekend morning night overnight summary daily weekly accounts account vault region resources instances tables volumes buckets clusters within during over'.split(
    ' ',
  ),
].filter((w) => w.length >= 4);

/** "a, b or c" (or "a, b and c"). */
export function orList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** A help topic suggestion list for an unknown topic. */
export function nearestTopics(word: string): string[] {
  const near = nearest(word, HELP_TOPICS);
  return near.length > 0 ? near : [...HELP_TOPICS];
}
