// A painted page image for the layout verifier's tests: what pdftoppm would give for a page with these
// rectangles of ink, without LibreOffice.
import type { Raster } from '../../src/core/report/raster.js';

/** A rectangle in millimetres from the paper's top left. */
export interface InkRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  rgb: [number, number, number];
}

/** A white A4 page at 4 pixels a millimetre with rectangles of ink. */
export function paintA4(inks: readonly InkRect[]): Raster {
  const perMm = 4;
  const width = 210 * perMm;
  const height = 297 * perMm;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (const k of inks)
    for (let y = Math.round(k.y0 * perMm); y < Math.round(k.y1 * perMm); y++)
      for (let x = Math.round(k.x0 * perMm); x < Math.round(k.x1 * perMm); x++)
        data.set(k.rgb, (y * width + x) * 3);
  return { width, height, data, perMm };
}
