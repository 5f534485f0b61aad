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

/** A 24-bit hash of one canonical cell text (FNV-1a, folded), as 6 hex digits. */
function cellHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = (h ^ (h >>> 24)) & 0xffffff;
  return h.toString(16).padStart(CELL_HEX, '0');
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

/** Indices of the cells whose hash differs from `expected` (all indices if the shapes differ). */
export function changedCells(expected: string, cells: readonly unknown[]): number[] {
  // Each cell's hash against its slice of `expected` (the fingerprint is one CELL_HEX hash per cell).
  if (expected.length !== cells.length * CELL_HEX) return cells.map((_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const a = i * CELL_HEX;
    if (!expected.startsWith(cellHash(canonicalCell(cells[i])), a)) out.push(i);
  }
  return out;
}
