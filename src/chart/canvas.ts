/**
 * A tiny RGB raster: integer rectangles and lines, clipped to the image. Colours are 0xRRGGBB.
 * Everything is whole pixels, so the same drawing calls always give the same bytes.
 */
export interface Canvas {
  readonly width: number;
  readonly height: number;
  /** Row-major RGB, 3 bytes per pixel, no padding. */
  readonly data: Uint8Array;
}

/** A canvas filled with one colour. */
export function createCanvas(width: number, height: number, background: number): Canvas {
  const canvas: Canvas = { width, height, data: new Uint8Array(width * height * 3) };
  fillRect(canvas, 0, 0, width, height, background);
  return canvas;
}

/** Fills the rectangle [x, x + w) × [y, y + h), clipped to the canvas. */
export function fillRect(canvas: Canvas, x: number, y: number, w: number, h: number, color: number): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(canvas.width, Math.round(x + w));
  const y1 = Math.min(canvas.height, Math.round(y + h));
  if (x1 <= x0 || y1 <= y0) return;
  const r = (color >> 16) & 0xff;
  const g = (color >> 8) & 0xff;
  const b = color & 0xff;
  const { data, width } = canvas;
  const first = (y0 * width + x0) * 3;
  for (let i = first; i < first + (x1 - x0) * 3; i += 3) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  }
  const rowBytes = (x1 - x0) * 3;
  for (let y = y0 + 1; y < y1; y++) {
    const start = (y * width + x0) * 3;
    data.copyWithin(start, first, first + rowBytes);
  }
}

/** The colour at (x, y), or undefined outside the canvas. */
export function pixelAt(canvas: Canvas, x: number, y: number): number | undefined {
  if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return undefined;
  const i = (y * canvas.width + x) * 3;
  return (canvas.data[i]! << 16) | (canvas.data[i + 1]! << 8) | canvas.data[i + 2]!;
}

/**
 * A horizontal line `thickness` pixels tall from x0 to x1 (inclusive). With `dash` = [on, off] the
 * line is dashed, the pattern anchored at x0 so parallel lines line up.
 */
export function drawHLine(
  canvas: Canvas,
  x0: number,
  x1: number,
  y: number,
  thickness: number,
  color: number,
  dash?: readonly [number, number],
): void {
  if (!dash) {
    fillRect(canvas, x0, y, x1 - x0 + 1, thickness, color);
    return;
  }
  const [on, off] = dash;
  for (let x = x0; x <= x1; x += on + off) fillRect(canvas, x, y, Math.min(on, x1 - x + 1), thickness, color);
}

/** A vertical line `thickness` pixels wide from y0 to y1 (inclusive). */
export function drawVLine(
  canvas: Canvas,
  x: number,
  y0: number,
  y1: number,
  thickness: number,
  color: number,
): void {
  fillRect(canvas, x, y0, thickness, y1 - y0 + 1, color);
}

/** An outlined rectangle with a border `thickness` pixels wide, drawn inside the rectangle. */
export function strokeRect(
  canvas: Canvas,
  x: number,
  y: number,
  w: number,
  h: number,
  thickness: number,
  color: number,
): void {
  fillRect(canvas, x, y, w, thickness, color);
  fillRect(canvas, x, y + h - thickness, w, thickness, color);
  fillRect(canvas, x, y, thickness, h, color);
  fillRect(canvas, x + w - thickness, y, thickness, h, color);
}
