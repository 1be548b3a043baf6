import { createCanvas, pixelAt } from '../../src/chart/canvas.js';
import { drawText } from '../../src/chart/text.js';
import { type DecodedPng, pixel } from './png-decode.js';

/** A run of neighbouring columns that each hold a tall enough vertical run of one colour. */
export interface Bar {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/**
 * Finds bars of `color`: columns whose longest vertical run of that colour is at least `minRun`
 * pixels, grouped with their neighbours. `top` and `bottom` are the run's first and last rows.
 */
export function findBars(image: DecodedPng, color: number, minRun: number): Bar[] {
  const bars: Bar[] = [];
  for (let x = 0; x < image.width; x++) {
    let best = { top: 0, bottom: -1 };
    let start = -1;
    for (let y = 0; y <= image.height; y++) {
      const inside = y < image.height && pixel(image, x, y) === color;
      if (inside && start < 0) start = y;
      if (!inside && start >= 0) {
        if (y - 1 - start > best.bottom - best.top) best = { top: start, bottom: y - 1 };
        start = -1;
      }
    }
    if (best.bottom - best.top + 1 < minRun) continue;
    const last = bars.at(-1);
    if (last && last.x1 === x - 1 && last.top === best.top && last.bottom === best.bottom) last.x1 = x;
    else bars.push({ x0: x, x1: x, ...best });
  }
  return bars;
}

/** True when no pixel of the image has the colour. */
export function hasNoPixel(image: DecodedPng, color: number): boolean {
  for (let i = 0; i < image.rgb.length; i += 3) {
    if (((image.rgb[i]! << 16) | (image.rgb[i + 1]! << 8) | image.rgb[i + 2]!) === color) return false;
  }
  return true;
}

/**
 * Where `text`, drawn with the product's font at `scale` in `color`, appears in the image: the top
 * left corners of exact matches (every pixel of its box the colour where the glyphs ink, and
 * another colour where they do not).
 */
export function findText(
  image: DecodedPng,
  text: string,
  scale: number,
  color: number,
): { x: number; y: number }[] {
  const paper = color ^ 0xffffff;
  const stamp = createCanvas(text.length * 8 * scale + 4, 12 * scale, paper);
  drawText(stamp, text, 0, 0, scale, color);
  const ink: [number, number][] = [];
  let right = 0;
  let bottom = 0;
  for (let y = 0; y < stamp.height; y++) {
    for (let x = 0; x < stamp.width; x++) {
      if (pixelAt(stamp, x, y) !== color) continue;
      ink.push([x, y]);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
    }
  }
  const isInk = new Set(ink.map(([x, y]) => y * stamp.width + x));
  const [ax, ay] = ink[0]!;
  const found: { x: number; y: number }[] = [];
  for (let y = ay; y + bottom - ay < image.height; y++) {
    for (let x = ax; x + right - ax < image.width; x++) {
      if (pixel(image, x, y) !== color) continue;
      const ox = x - ax;
      const oy = y - ay;
      if (matches(image, ox, oy, right, bottom, (sx, sy) => isInk.has(sy * stamp.width + sx), color)) {
        found.push({ x: ox, y: oy });
      }
    }
  }
  return found;
}

function matches(
  image: DecodedPng,
  ox: number,
  oy: number,
  right: number,
  bottom: number,
  isInk: (x: number, y: number) => boolean,
  color: number,
): boolean {
  if (ox < 0 || oy < 0) return false;
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x <= right; x++) {
      if ((pixel(image, ox + x, oy + y) === color) !== isInk(x, y)) return false;
    }
  }
  return true;
}
