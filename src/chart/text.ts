import { type Canvas, fillRect } from './canvas.js';
import { CAP_HEIGHT, FONT_HEIGHT, fontCharacters, glyphFor } from './font.js';

/** Font units between two characters. */
const TRACKING = 1;
const ELLIPSIS = '…';

/** Width in pixels of `text` drawn at an integer `scale`. */
export function textWidth(text: string, scale: number): number {
  const chars = fontCharacters(text);
  if (chars.length === 0) return 0;
  let units = TRACKING * (chars.length - 1);
  for (const ch of chars) units += glyphFor(ch).width;
  return units * scale;
}

/** Height in pixels of one line of text, descenders included. */
export function lineHeight(scale: number): number {
  return FONT_HEIGHT * scale;
}

/** Height in pixels of capital letters and digits. */
export function capHeight(scale: number): number {
  return CAP_HEIGHT * scale;
}

/**
 * Draws `text` with the top of its capitals at `y`. `align` says whether `x` is the left edge,
 * the centre or the right edge of the text. Returns the drawn width.
 */
export function drawText(
  canvas: Canvas,
  text: string,
  x: number,
  y: number,
  scale: number,
  color: number,
  align: 'left' | 'center' | 'right' = 'left',
): number {
  const width = textWidth(text, scale);
  let pen = Math.round(align === 'left' ? x : align === 'center' ? x - width / 2 : x - width);
  const top = Math.round(y);
  for (const ch of fontCharacters(text)) {
    const glyph = glyphFor(ch);
    glyph.rows.forEach((columns, row) => {
      for (const column of runs(columns)) {
        fillRect(canvas, pen + column.start * scale, top + row * scale, column.length * scale, scale, color);
      }
    });
    pen += (glyph.width + TRACKING) * scale;
  }
  return width;
}

/** Inked columns of a row merged into runs, so a row is a few rectangles instead of many. */
function runs(columns: readonly number[]): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  for (const c of columns) {
    const last = out.at(-1);
    if (last && last.start + last.length === c) last.length++;
    else out.push({ start: c, length: 1 });
  }
  return out;
}

/**
 * `text` as is when it fits in `maxWidth` pixels, otherwise cut short with an ellipsis
 * (or an empty string when not even the ellipsis fits).
 */
export function fitText(text: string, maxWidth: number, scale: number): string {
  if (textWidth(text, scale) <= maxWidth) return text;
  const chars = fontCharacters(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`;
    if (textWidth(candidate, scale) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const result = `${chars.slice(0, low).join('').trimEnd()}${ELLIPSIS}`;
  return textWidth(result, scale) <= maxWidth ? result : '';
}
