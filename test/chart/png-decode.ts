import { inflateSync } from 'node:zlib';

/** A decoded 8-bit RGB PNG, checked chunk by chunk along the way. */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  /** Filter type byte of each scanline. */
  filters: number[];
  inflatedSize: number;
  /** Row-major RGB with every filter undone. */
  rgb: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as the PNG spec's sample code computes it, independent of the encoder's. */
export function referenceCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Decodes a PNG, throwing on a bad signature, a bad CRC or anything after IEND. */
export function decodePng(png: Buffer): DecodedPng {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('bad signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (crc !== referenceCrc32(png.subarray(at + 4, at + 8 + length))) throw new Error(`bad CRC in ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND' && at !== png.length) throw new Error('bytes after IEND');
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rgb = new Uint8Array(width * height * 3);
  const filters: number[] = [];
  for (let y = 0; y < height && (y + 1) * (stride + 1) <= raw.length; y++) {
    const type = raw[y * (stride + 1)]!;
    filters.push(type);
    for (let i = 0; i < stride; i++) {
      const a = i >= 3 ? rgb[y * stride + i - 3]! : 0;
      const b = y > 0 ? rgb[(y - 1) * stride + i]! : 0;
      const c = i >= 3 && y > 0 ? rgb[(y - 1) * stride + i - 3]! : 0;
      rgb[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predict(type, a, b, c)) & 0xff;
    }
  }
  return {
    ...{ width, height, bitDepth: header[8]!, colorType: header[9]!, chunkTypes },
    ...{ filters, inflatedSize: raw.length, rgb },
  };
}

function predict(type: number, a: number, b: number, c: number): number {
  if (type === 0) return 0;
  if (type === 1) return a;
  if (type === 2) return b;
  if (type === 3) return Math.floor((a + b) / 2);
  if (type === 4) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }
  throw new Error(`bad filter type ${type}`);
}

/** The 0xRRGGBB colour of one pixel. */
export function pixel(image: DecodedPng, x: number, y: number): number {
  const i = (y * image.width + x) * 3;
  return (image.rgb[i]! << 16) | (image.rgb[i + 1]! << 8) | image.rgb[i + 2]!;
}
