import { quoteWord } from './tokens.js';
import type { QueryError } from './types.js';
import {
  DURATION_UNITS,
  FILLER_WORDS,
  FILTER_KEYS,
  HELP_TOPICS,
  RESOURCE_TYPE_ALIASES,
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

/** The vocabulary offered when a word is not understood (single words only). */
const LIST_WORDS: readonly string[] = [
  ...Object.keys(STATE_WORDS),
  ...Object.values(RESOURCE_TYPE_ALIASES).flatMap((t) => t.bare),
  ...WEEKDAYS,
  ...Object.keys(DURATION_UNITS).filter((u) => u.length > 2),
  ...'today yesterday since after before until between from last past this week month fortnight public issues ended finished started'.split(
    ' ',
  ),
  ...['help', 'summary', 'job', 'alerts'],
  ...[...FILLER_WORDS].filter((w) => w.length > 3),
];

/** Up to three words of `candidates` nearest to `word`, nearest first; none when nothing is close. */
export function nearest(word: string, candidates: readonly string[] = LIST_WORDS): string[] {
  const w = word.toLowerCase();
  if (w.length === 0 || w.length > MAX_COMPARED) return [];
  const limit = w.length <= 3 ? 1 : w.length <= 7 ? 2 : 3;
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d <= limit && d < Math.max(c.length, w.length)) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d);
  return scored.slice(0, 3).map((s) => s.c);
}

/** Filter keys offered for an unknown `key:` (the short names). */
export const KEY_WORDS: readonly string[] = [...new Set(Object.values(FILTER_KEYS))];

/** `"faild" is not a word I know — did you mean failed?` for one or more unknown words. */
export function unknownWords(words: readonly string[]): QueryError {
  const shown = words.slice(0, 3);
  const suggestions = [...new Set(shown.flatMap((w) => nearest(w)))].slice(0, 5);
  const quoted = shown.map(quoteWord);
  const subject =
    quoted.length === 1
      ? `${quoted[0]} is not a word I know`
      : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} are not words I know`;
  if (suggestions.length === 0) {
    return { error: `${subject}. Type "help" to see the words I understand.`, suggestions: ['help'] };
  }
  return { error: `${subject} — did you mean ${orList(suggestions)}?`, suggestions };
}

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
