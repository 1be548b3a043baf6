import { crc32, deflateSync } from 'node:zlib';
import type { Canvas } from './canvas.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BYTES_PER_PIXEL = 3;

/** PNG filter types used per scanline (PNG spec §9.2): None, Sub, Up. */
type FilterType = 0 | 1 | 2;

/**
 * Encodes an RGB canvas as a PNG: 8-bit truecolour, no interlace, one IDAT. Each scanline gets the
 * filter whose output has the smallest sum of absolute values (the spec's recommended heuristic),
 * which turns the flat areas of a chart into runs of zeros. Same pixels, same bytes.
 */
export function encodePng(canvas: Canvas): Buffer {
  const { width, height } = canvas;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour (RGB)
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive
  header[12] = 0; // interlace: none
  const idat = deflateSync(filterScanlines(canvas), { level: 9 });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The filtered image data: each scanline prefixed with its filter type byte. */
function filterScanlines(canvas: Canvas): Buffer {
  const stride = canvas.width * BYTES_PER_PIXEL;
  const { data } = canvas;
  const out = Buffer.alloc(canvas.height * (stride + 1));
  for (let y = 0; y < canvas.height; y++) {
    const start = y * stride;
    let o = y * (stride + 1);
    if (y > 0 && sameAsAbove(data, start, stride)) {
      out[o] = 2; // Up: the row is all zeros, and `out` starts zeroed
      continue;
    }
    const type = chooseFilter(data, start, stride, y > 0);
    out[o++] = type;
    for (let i = start; i < start + stride; i++) {
      const left = i - start >= BYTES_PER_PIXEL ? data[i - BYTES_PER_PIXEL]! : 0;
      const up = y > 0 ? data[i - stride]! : 0;
      const predictor = type === 0 ? 0 : type === 1 ? left : up;
      out[o++] = (data[i]! - predictor) & 0xff;
    }
  }
  return out;
}

/**
 * The filter (None, Sub or Up) whose output for the row at `start` has the smallest sum of
 * absolute values, the spec's recommended heuristic; ties go to the simpler filter.
 */
function chooseFilter(data: Uint8Array, start: number, stride: number, hasAbove: boolean): FilterType {
  let none = 0;
  let sub = 0;
  let up = 0;
  for (let i = start; i < start + stride; i++) {
    const value = data[i]!;
    const left = i - start >= BYTES_PER_PIXEL ? data[i - BYTES_PER_PIXEL]! : 0;
    const above = hasAbove ? data[i - stride]! : 0;
    none += signedMagnitude(value);
    sub += signedMagnitude((value - left) & 0xff);
    up += signedMagnitude((value - above) & 0xff);
  }
  if (none <= sub && none <= up) return 0;
  return sub <= up ? 1 : 2;
}

/** Charts repeat rows a lot (bars are vertical), so an identical row is worth checking first. */
function sameAsAbove(data: Uint8Array, start: number, stride: number): boolean {
  return Buffer.compare(data.subarray(start - stride, start), data.subarray(start, start + stride)) === 0;
}

function signedMagnitude(byte: number): number {
  return byte < 128 ? byte : 256 - byte;
}
