/**
 * The page image `luoshi report --verify` measures the 版头 on: a binary PPM as pdftoppm writes it
 * (header fields separated by any whitespace, comments to the end of their line), refused with a
 * Chinese message when it is not one; and which pixels count as red (the 标志 and rule) or dark ink
 * (text), with the rows of ink found inside a box. Images are built byte by byte here.
 */
import { describe, expect, it } from 'vitest';
import { inkRows, parsePpm, type Raster } from '../src/core/report/raster.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
/** `pixels` RGB triples, row by row. */
const rgb = (...pixels: [number, number, number][]) => new Uint8Array(pixels.flat());

describe('reading a PPM', () => {
  it('reads width, height and the pixels after a header with comments, tabs and CR LF', () => {
    const header = ascii('P6\r\n# CREATOR: pdftoppm\n# a second comment 255\n2\t1\r\n255\n');
    const r = parsePpm(join(header, rgb([255, 0, 0], [0, 0, 0])), 254);
    expect(r.width).toBe(2);
    expect(r.height).toBe(1);
    expect(r.perMm).toBe(10);
    expect([...r.data]).toEqual([255, 0, 0, 0, 0, 0]);
  });

  it('a comment line between the fields does not hide the size', () => {
    const r = parsePpm(join(ascii('P6\n#x 9 9 255\n1 1\n# 7\n255\n'), rgb([1, 2, 3])), 25.4);
    expect([r.width, r.height, r.perMm]).toEqual([1, 1, 1]);
    expect([...r.data]).toEqual([1, 2, 3]);
  });

  it('takes exactly width × height × 3 bytes, ignoring any trailer', () => {
    const r = parsePpm(join(ascii('P6 1 1 255 '), rgb([9, 8, 7], [6, 5, 4])), 72);
    expect([...r.data]).toEqual([9, 8, 7]);
  });

  it('refuses what is not a binary 8-bit PPM, or a truncated one, in Chinese', () => {
    const notPpm = /页面图像不是可读的 PPM 格式（pdftoppm 输出有误）/;
    expect(() => parsePpm(join(ascii('P3 1 1 255\n'), rgb([0, 0, 0])), 72)).toThrow(notPpm);
    expect(() => parsePpm(join(ascii('P6 1 1 65535\n'), rgb([0, 0, 0], [0, 0, 0])), 72)).toThrow(notPpm);
    expect(() => parsePpm(join(ascii('P6 0 1 255\n')), 72)).toThrow(notPpm);
    expect(() => parsePpm(join(ascii('P6 1 0 255\n')), 72)).toThrow(notPpm);
    expect(() => parsePpm(join(ascii('P6 x 1 255\n'), rgb([0, 0, 0])), 72)).toThrow(notPpm);
    expect(() => parsePpm(ascii('P6 1 1'), 72)).toThrow(notPpm);
    expect(() => parsePpm(join(ascii('P6 2 1 255\n'), rgb([0, 0, 0])), 72)).toThrow(
      '页面图像不完整（pdftoppm 输出有误）',
    );
    const thrown = (() => {
      try {
        return parsePpm(ascii('P5 1 1 255\n\0'), 72);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toMatchObject({ code: 'verify-raster' });
  });
});

/** A raster of one row at 1 pixel a millimetre. */
const row = (...pixels: [number, number, number][]): Raster => ({
  width: pixels.length,
  height: 1,
  data: rgb(...pixels),
  perMm: 1,
});

describe('which pixels are ink', () => {
  it('red is R above 150 with G and B below 110', () => {
    const r = row([151, 109, 109], [150, 0, 0], [255, 110, 0], [255, 0, 110], [200, 30, 30]);
    const red = inkRows(r, 'red');
    // pixels 0 and 4 are red: the row spans 0–5 mm with 2 mm of ink
    expect(red).toEqual([{ y: 0, x0: 0, x1: 5, length: 2 }]);
  });

  it('dark is every channel below 110', () => {
    const r = row([255, 255, 255], [109, 109, 109], [110, 0, 0], [0, 110, 0], [0, 0, 110], [20, 20, 20]);
    expect(inkRows(r, 'dark')).toEqual([{ y: 0, x0: 1, x1: 6, length: 2 }]);
    expect(inkRows(row([255, 255, 255]), 'dark')).toEqual([]);
  });
});

describe('rows of ink inside a box', () => {
  // 4 × 3 pixels at 2 pixels a millimetre: row 0 white, row 1 dark at x 1–2, row 2 dark at x 0 and 3
  const W: [number, number, number] = [255, 255, 255];
  const K: [number, number, number] = [0, 0, 0];
  const image: Raster = { width: 4, height: 3, perMm: 2, data: rgb(W, W, W, W, W, K, K, W, K, W, W, K) };

  it('lists each inked row top to bottom in millimetres', () => {
    expect(inkRows(image, 'dark')).toEqual([
      { y: 0.5, x0: 0.5, x1: 1.5, length: 1 },
      { y: 1, x0: 0, x1: 2, length: 1 },
    ]);
  });

  it('clips to the box, in millimetres rounded to pixels', () => {
    // x from 0.5 mm (pixel 1) to 1.5 mm (pixel 3, exclusive); y from 0.5 mm (row 1) to the foot
    expect(inkRows(image, 'dark', { x0: 0.5, y0: 0.5, x1: 1.5, y1: 9 })).toEqual([
      { y: 0.5, x0: 0.5, x1: 1.5, length: 1 },
    ]);
    // only the last row, only its right half
    expect(inkRows(image, 'dark', { x0: 1, y0: 1, x1: 2, y1: 1.5 })).toEqual([
      { y: 1, x0: 1.5, x1: 2, length: 0.5 },
    ]);
    // a box above and left of the paper is clipped to nothing
    expect(inkRows(image, 'dark', { x0: -5, y0: -5, x1: -1, y1: -1 })).toEqual([]);
  });
});
