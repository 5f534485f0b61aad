/**
 * A1 addresses, the one implementation every layer uses (the plan, the reader, the upgrade, 目录审核,
 * the exceljs writer and the add-in): column letters ↔ 0-based indexes, cells and rectangular ranges
 * with an optional sheet prefix and `$` anchors. Pure.
 */

/** A rectangle of cells; 0-based first row and column, inclusive. */
export interface CellBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Column letter(s) for a 0-based column index: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters → 0-based index ("A" → 0, "ab" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address from 0-based column and 1-based row. */
export function a1(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}

/** "B4" or "$B$4" → 0-based row and column; throws on anything else. */
export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad A1 cell reference: ${ref}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
}

/** Strips an optional sheet prefix ("'指标'!A1:B2" → "A1:B2"). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Parses "B4", "A4:R120" or "'指标'!$A$4:$R$120" (cell ranges only, no whole columns), corners in any order. */
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
  const tl = a1(box.col, box.row + 1);
  if (box.rows === 1 && box.cols === 1) return tl;
  return `${tl}:${a1(box.col + box.cols - 1, box.row + box.rows)}`;
}
