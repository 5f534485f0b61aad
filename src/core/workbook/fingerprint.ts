/**
 * Fingerprints of the locked (catalogue) cells of a row, stored in _meta so that `check`
 * notices an office editing them (protection has no password by default, so it can be lifted).
 * Not a security measure: a fast, dependency-free hash per cell over a canonical text.
 */

/** Canonical text of a cell for fingerprinting: numbers and numeric strings compare equal, whitespace trimmed. */
export function canonicalCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return String(v);
  // Anything else (a formula object of a plan) has no text an office could edit.
  if (typeof v !== 'string') return '';
  // Most cells hold no carriage return: skip the replace (run for every locked cell of every upload).
  return (v.indexOf('\r') < 0 ? v : v.replace(/\r\n?/g, '\n')).trim();
}

const CELL_HEX = 6;

/** A 24-bit hash of one canonical cell text (FNV-1a, folded). */
function cellHashValue(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 24)) & 0xffffff;
}

/** The hash of one canonical cell text as 6 hex digits. */
function cellHash(text: string): string {
  return cellHashValue(text).toString(16).padStart(CELL_HEX, '0');
}

/**
 * Fingerprint of a row's locked cells: one 6-hex hash per cell, concatenated, so that `check`
 * can name the exact cell that was edited.
 */
export function fingerprintCells(cells: readonly unknown[]): string {
  let out = '';
  for (const c of cells) out += cellHash(canonicalCell(c));
  return out;
}

/**
 * Whether the `index`-th cell of a fingerprinted row still hashes to its 6 hex digits in `expected`
 * (whose length the caller has checked). Digit by digit against the number, so the check of a row
 * (every locked cell of every upload) builds no hex string.
 */
export function cellMatches(expected: string, index: number, cell: unknown): boolean {
  const h = cellHashValue(canonicalCell(cell));
  const at = index * CELL_HEX;
  for (let k = 0; k < CELL_HEX; k++) {
    const digit = (h >>> ((CELL_HEX - 1 - k) * 4)) & 0xf;
    // '0'..'9' are 48..57, 'a'..'f' 97..102: the lower-case digits fingerprintCells writes.
    if (expected.charCodeAt(at + k) !== (digit < 10 ? 48 + digit : 87 + digit)) return false;
  }
  return true;
}

/** Whether `expected` holds one hash per cell of a row of `cells` cells (else every cell counts as changed). */
export function fingerprintFits(expected: string, cells: number): boolean {
  return expected.length === cells * CELL_HEX;
}

/** Indices of the cells whose hash differs from `expected` (all indices if the shapes differ). */
export function changedCells(expected: string, cells: readonly unknown[]): number[] {
  if (!fingerprintFits(expected, cells.length)) return cells.map((_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (!cellMatches(expected, i, cells[i])) out.push(i);
  return out;
}
