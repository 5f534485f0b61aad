/**
 * The fingerprint of a row's locked cells that `check` compares to find an edited catalogue cell: the
 * canonical text of each kind of cell, the published FNV-1a hash folded to 24 bits (six hex digits a
 * cell), and the cells named when they differ. Hash values are the published FNV-1a ones, folded by hand.
 */
import { describe, expect, it } from 'vitest';
import { canonicalCell, changedCells, fingerprintCells } from '../src/core/workbook/fingerprint.js';

describe('canonical cell text', () => {
  it('numbers, dates, booleans and text as an office would see them; nothing else has text', () => {
    expect(canonicalCell(null)).toBe('');
    expect(canonicalCell(undefined)).toBe('');
    expect(canonicalCell(60)).toBe('60');
    expect(canonicalCell(0.5)).toBe('0.5');
    expect(canonicalCell(Number.NaN)).toBe('');
    expect(canonicalCell(Infinity)).toBe('');
    expect(canonicalCell(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
    expect(canonicalCell(true)).toBe('true');
    expect(canonicalCell({ formula: 'A1/B1' })).toBe('');
    expect(canonicalCell('  到2025年\r\n达到60%\r以上 ')).toBe('到2025年\n达到60%\n以上');
    expect(canonicalCell(' 60 ')).toBe('60');
  });
});

describe('fingerprints', () => {
  it('six hex digits a cell: FNV-1a folded to 24 bits', () => {
    // FNV-1a("") = 811c9dc5 → 1c9d44; ("a") = e40c292c → 0c29c8; ("foobar") = bf9cf968 → 9cf9d7
    expect(fingerprintCells([''])).toBe('1c9d44');
    expect(fingerprintCells(['a'])).toBe('0c29c8');
    expect(fingerprintCells([' foobar ', null, 'a'])).toBe('9cf9d71c9d440c29c8');
    expect(fingerprintCells([])).toBe('');
  });

  it('a number and its text are the same cell', () => {
    expect(fingerprintCells([60, '指标'])).toBe(fingerprintCells(['60', '指标']));
  });
});

describe('which cells changed', () => {
  const stored = () => fingerprintCells(['T001', '到2025年达到60%', '%']);

  it('none when the row is as generated, whatever the line endings', () => {
    expect(changedCells(stored(), ['T001', '到2025年达到60%', '%'])).toEqual([]);
    expect(changedCells(fingerprintCells(['甲\n乙']), ['甲\r\n乙'])).toEqual([]);
  });

  it('names each edited cell', () => {
    expect(changedCells(stored(), ['T001', '到2025年达到50%', '%'])).toEqual([1]);
    expect(changedCells(stored(), ['T002', '到2025年达到60%', '个'])).toEqual([0, 2]);
  });

  it('every cell when the row’s shape differs from the fingerprint', () => {
    expect(changedCells(stored(), ['T001', '到2025年达到60%'])).toEqual([0, 1]);
    expect(changedCells(`${stored()}0`, ['T001', '到2025年达到60%', '%'])).toEqual([0, 1, 2]);
    expect(changedCells('', [])).toEqual([]);
  });
});
