import { GLYPHS } from './font-glyphs.js';

/** Drawn for any character the font lacks, so missing glyphs are visible rather than silent. */
const MISSING = '#####|#...#|#...#|#...#|#...#|#...#|#####';

/** Rows of a glyph including descenders; text lines are this many units tall. */
export const FONT_HEIGHT = 9;
/** Rows above the baseline (capital letters and digits). */
export const CAP_HEIGHT = 7;

export interface Glyph {
  width: number;
  /** One entry per row from the top; each is the list of inked columns. */
  rows: readonly (readonly number[])[];
}

function parseGlyph(source: string): Glyph {
  const lines = source.split('|');
  const rows = lines.map((line) => [...line].flatMap((c, x) => (c === '#' ? [x] : [])));
  return { width: Math.max(...lines.map((line) => line.length)), rows };
}

const PARSED = new Map(Object.entries(GLYPHS).map(([ch, source]) => [ch, parseGlyph(source)]));
const MISSING_GLYPH = parseGlyph(MISSING);

/** Characters the font draws as a look-alike it has. */
const ALIASES: Record<string, string> = {
  '–': '-',
  '‑': '-',
  '−': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '•': '·',
  '×': 'x',
};

/**
 * The characters of `text` as the font will draw them: accents dropped (é -> e), typographic
 * dashes and quotes replaced by plain ones. Anything else the font lacks stays and draws as a box.
 */
export function fontCharacters(text: string): string[] {
  const out: string[] = [];
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    out.push(ALIASES[ch] ?? ch);
  }
  return out;
}

/** The glyph for one character (a code point), or a box when the font lacks it. */
export function glyphFor(ch: string): Glyph {
  return PARSED.get(ch) ?? MISSING_GLYPH;
}

/** True when the font has a glyph of its own for the character. */
export function hasGlyph(ch: string): boolean {
  return PARSED.has(ch);
}
