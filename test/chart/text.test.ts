import { describe, expect, it } from 'vitest';
import { createCanvas, pixelAt } from '../../src/chart/canvas.js';
import { fontCharacters, glyphFor, hasGlyph } from '../../src/chart/font.js';
import { drawText, fitText, textWidth } from '../../src/chart/text.js';

describe('font', () => {
  it('has digits, both cases of A-Z and the common punctuation', () => {
    const wanted = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -:/.,()%#+…·';
    expect([...wanted].filter((ch) => !hasGlyph(ch))).toEqual([]);
  });

  it('gives every glyph rows of one width inside the 9-row cell', () => {
    for (let code = 32; code < 127; code++) {
      const glyph = glyphFor(String.fromCharCode(code));
      expect(glyph.rows.length).toBeLessThanOrEqual(9);
      for (const row of glyph.rows) for (const x of row) expect(x).toBeLessThan(glyph.width);
    }
  });

  it('drops accents and replaces typographic dashes and quotes', () => {
    expect(fontCharacters('Zürich – “prod” café').join('')).toBe('Zurich - "prod" cafe');
  });
});

describe('drawText', () => {
  it('draws scaled glyphs: "1" at scale 2 inks its stem two pixels wide', () => {
    const canvas = createCanvas(20, 20, 0xffffff);
    const width = drawText(canvas, '1', 0, 0, 2, 0x000000);
    expect(width).toBe(10);
    // The stem of "1" is column 2 of 5, so pixels 4 and 5 on every cap row.
    for (let y = 2; y < 12; y++) {
      expect(pixelAt(canvas, 4, y)).toBe(0);
      expect(pixelAt(canvas, 5, y)).toBe(0);
      expect(pixelAt(canvas, 7, y)).toBe(0xffffff);
    }
  });

  it('draws a character the font lacks as a box', () => {
    const canvas = createCanvas(12, 12, 0xffffff);
    drawText(canvas, '€', 1, 1, 1, 0x000000);
    expect([0, 1, 2, 3, 4].map((x) => pixelAt(canvas, 1 + x, 1))).toEqual([0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3, 4].map((x) => pixelAt(canvas, 1 + x, 7))).toEqual([0, 0, 0, 0, 0]);
    expect(pixelAt(canvas, 3, 4)).toBe(0xffffff);
    expect(textWidth('€', 1)).toBe(5);
  });

  it('right and centre alignment end and centre the text on x', () => {
    const right = createCanvas(40, 12, 0xffffff);
    drawText(right, 'H', 30, 0, 1, 0);
    const alignedRight = createCanvas(40, 12, 0xffffff);
    drawText(alignedRight, 'H', 35, 0, 1, 0, 'right');
    expect(Buffer.from(alignedRight.data).equals(right.data)).toBe(true);
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(fitText('Backup jobs', 1000, 2)).toBe('Backup jobs');
    const cut = fitText('Backup jobs in every account and region', 200, 2);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 2)).toBeLessThanOrEqual(200);
    expect(textWidth(fitText(`${cut.slice(0, -1)}xx`, 1000, 2), 2)).toBeGreaterThan(200);
    expect(cut).not.toMatch(/ …$/);
  });

  it('returns an empty string when not even the ellipsis fits', () => {
    expect(fitText('Backup', 3, 2)).toBe('');
  });
});
