/**
 * Draws the add-in's ribbon and manifest icons (assets/icon-{16,32,64,80}.png) with a tiny PNG
 * encoder, so the icons are reproducible without an image editor:
 *   node --import tsx scripts/make-icons.ts
 * The motif is a green sheet with white grid lines and a red target mark (a figure being tracked).
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

type Rgba = [number, number, number, number];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes straight RGBA pixels (row-major) as an 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Colour of the icon at unit coordinates (u, v in 0..1), or null for transparent. */
function shade(u: number, v: number): Rgba | null {
  const r = 0.16; // corner radius of the rounded square
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return null;
  // target mark in the lower right
  const d = Math.hypot(u - 0.66, v - 0.64);
  if (d < 0.09) return [0xd9, 0x2d, 0x20, 255];
  if (d < 0.15) return [255, 255, 255, 255];
  if (d < 0.24) return [0xd9, 0x2d, 0x20, 255];
  if (d < 0.29) return [255, 255, 255, 255];
  // grid lines of a sheet
  const inSheet = u > 0.14 && u < 0.86 && v > 0.16 && v < 0.86;
  if (inSheet) {
    const line = 0.045;
    for (const g of [0.16, 0.38, 0.6, 0.82]) if (Math.abs(v - g) < line / 2) return [255, 255, 255, 255];
    for (const g of [0.14, 0.4]) if (Math.abs(u - g) < line / 2) return [255, 255, 255, 255];
  }
  return [0x21, 0x73, 0x46, 255];
}

/** Renders one size with 4×4 supersampling so small icons stay smooth. */
function render(size: number): Buffer {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          rr += c[0] * c[3];
          gg += c[1] * c[3];
          bb += c[2] * c[3];
          aa += c[3];
        }
      }
      const i = (y * size + x) * 4;
      if (aa > 0) {
        px[i] = Math.round(rr / aa);
        px[i + 1] = Math.round(gg / aa);
        px[i + 2] = Math.round(bb / aa);
      }
      px[i + 3] = Math.round(aa / (ss * ss));
    }
  }
  return encodePng(size, size, px);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  writeFileSync(path.join(outDir, `icon-${size}.png`), render(size));
}
console.log('图标已写入 assets/icon-{16,32,64,80}.png');
