/**
 * A1 address arithmetic for the add-in (pure). The plan speaks in A1 ranges; Office.js needs
 * 2D arrays of exactly the range's shape, so the host must know each range's size.
 */
import { columnLetter } from '../core/workbook/layout.js';

export interface CellBox {
  /** 0-based first row/column, inclusive. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Column letters → 0-based index ("A" → 0, "AB" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad A1 cell reference: ${ref}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

/** Strips an optional sheet prefix ("'指标'!A1:B2" → "A1:B2"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Parses "B4", "A4:R120" or "'指标'!$A$4:$R$120" (cell ranges only, no whole columns). */
export function parseRange(address: string): CellBox {
  const [a, b] = stripSheet(address).split(':');
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { row, col, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

/** A1 range for a box ("A4:R120", or "B4" for one cell). */
export function boxAddress(box: CellBox): string {
  const tl = `${columnLetter(box.col)}${box.row + 1}`;
  if (box.rows === 1 && box.cols === 1) return tl;
  return `${tl}:${columnLetter(box.col + box.cols - 1)}${box.row + box.rows}`;
}

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
