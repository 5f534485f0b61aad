/**
 * Range helpers for the add-in (pure). The plan speaks in A1 ranges (src/core/workbook/a1.ts); Office.js
 * needs 2D arrays of exactly the range's shape, so the host must know each range's size.
 */
export { boxAddress, columnIndex, parseRange, stripSheet, type CellBox } from '../core/workbook/a1.js';

/** A 2D array of `rows`×`cols` filled with `value`. */
export function fill2d<T>(rows: number, cols: number, value: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) line.push(value);
    out.push(line);
  }
  return out;
}

/** Bytes of `text` as UTF-8 (Office sends requests as UTF-8 JSON; no TextEncoder in IE11). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
