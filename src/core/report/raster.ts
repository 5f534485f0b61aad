/**
 * A laid-out page as pixels (poppler's `pdftoppm` writes binary PPM), for what text boxes do not show:
 * the red 标志 and rule of the 版头 and the true top and bottom of glyphs. Pure: bytes in, measures out.
 */
import { LuoshiError } from '../errors.js';

export interface Raster {
  width: number;
  height: number;
  /** RGB, three bytes a pixel, row by row. */
  data: Uint8Array;
  /** Pixels a millimetre. */
  perMm: number;
}

/** Parse a binary PPM (P6, maxval 255) rendered at `dpi`. */
export function parsePpm(bytes: Uint8Array, dpi: number): Raster {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < bytes.length) {
    const c = bytes[i];
    if (c === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++; // a comment, to the end of its line
    } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
    } else {
      let s = '';
      while (i < bytes.length && bytes[i] > 0x20) s += String.fromCharCode(bytes[i++]);
      fields.push(s);
    }
  }
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P6' || max !== '255' || !(width > 0) || !(height > 0)) {
    throw new LuoshiError('verify-raster', '页面图像不是可读的 PPM 格式（pdftoppm 输出有误）');
  }
  const data = bytes.subarray(i + 1, i + 1 + width * height * 3);
  if (data.length < width * height * 3) {
    throw new LuoshiError('verify-raster', '页面图像不完整（pdftoppm 输出有误）');
  }
  return { width, height, data, perMm: dpi / 25.4 };
}

export type Ink = 'red' | 'dark';

function isInk(r: Raster, x: number, y: number, ink: Ink): boolean {
  const o = (y * r.width + x) * 3;
  const [R, G, B] = [r.data[o], r.data[o + 1], r.data[o + 2]];
  return ink === 'red' ? R > 150 && G < 110 && B < 110 : R < 110 && G < 110 && B < 110;
}

/** One row of pixels that holds ink: its y and the leftmost and rightmost inked x (mm), and how much. */
export interface InkRow {
  y: number;
  x0: number;
  x1: number;
  /** Inked length in mm. */
  length: number;
}

/** Rows holding ink of a kind inside a box (mm from the paper's top left), top to bottom. */
export function inkRows(
  r: Raster,
  ink: Ink,
  box: { x0: number; y0: number; x1: number; y1: number } = { x0: 0, y0: 0, x1: 1e9, y1: 1e9 },
): InkRow[] {
  const px = (mm: number, limit: number) => Math.max(0, Math.min(limit, Math.round(mm * r.perMm)));
  const [xa, xb] = [px(box.x0, r.width), px(box.x1, r.width)];
  const [ya, yb] = [px(box.y0, r.height), px(box.y1, r.height)];
  const out: InkRow[] = [];
  for (let y = ya; y < yb; y++) {
    let first = -1;
    let last = -1;
    let n = 0;
    for (let x = xa; x < xb; x++) {
      if (!isInk(r, x, y, ink)) continue;
      if (first < 0) first = x;
      last = x;
      n++;
    }
    if (n) out.push({ y: y / r.perMm, x0: first / r.perMm, x1: (last + 1) / r.perMm, length: n / r.perMm });
  }
  return out;
}
