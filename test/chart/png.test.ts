import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCanvas, fillRect } from '../../src/chart/canvas.js';
import { encodePng } from '../../src/chart/png.js';
import { decodePng, referenceCrc32 } from './png-decode.js';

function sampleCanvas() {
  const canvas = createCanvas(7, 5, 0xffffff);
  fillRect(canvas, 1, 1, 3, 2, 0xd1242f);
  fillRect(canvas, 4, 0, 1, 5, 0x2da44e);
  // A noisy row, so that filters other than Up win somewhere.
  for (let x = 0; x < 7; x++) fillRect(canvas, x, 4, 1, 1, (x * 0x251a3f) & 0xffffff);
  return canvas;
}

describe('encodePng', () => {
  it('writes the signature, IHDR for 8-bit RGB, one IDAT and IEND, every CRC right', () => {
    const png = encodePng(sampleCanvas());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(8)).toBe(13);
    const image = decodePng(png);
    expect(image).toMatchObject({ width: 7, height: 5, bitDepth: 8, colorType: 2 });
    expect(png[26]).toBe(0); // interlace: none
    expect(image.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(png.subarray(-12)).toEqual(Buffer.from('0000000049454e44ae426082', 'hex'));
  });

  it('round-trips the pixels exactly, with one filter byte per row', () => {
    const canvas = sampleCanvas();
    const image = decodePng(encodePng(canvas));
    expect(image.inflatedSize).toBe(5 * (1 + 3 * 7));
    expect(image.filters).toHaveLength(5);
    for (const f of image.filters) expect([0, 1, 2, 3, 4]).toContain(f);
    expect(new Set(image.filters).size).toBeGreaterThan(1);
    expect(Buffer.from(image.rgb).equals(canvas.data)).toBe(true);
  });

  it('round-trips a large chart-sized canvas with repeated rows', () => {
    const canvas = createCanvas(1000, 500, 0xffffff);
    for (let i = 0; i < 14; i++) fillRect(canvas, 60 + i * 65, 500 - i * 30, 45, i * 30, 0x2da44e + i);
    const png = encodePng(canvas);
    const image = decodePng(png);
    expect(Buffer.from(image.rgb).equals(canvas.data)).toBe(true);
    expect(png.length).toBeLessThan(20_000);
  });

  it("uses a CRC-32 that agrees with the PNG spec's reference code", () => {
    const bytes = Buffer.from('IEND');
    expect(referenceCrc32(bytes)).toBe(0xae426082);
    expect(crc32(bytes)).toBe(0xae426082);
  });

  it('compresses with zlib deflate', () => {
    const png = encodePng(sampleCanvas());
    const length = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + length)).length).toBe(5 * 22);
  });
});
