/** A1 addresses (src/core/workbook/a1.ts), the one implementation every layer uses. */
import { describe, expect, it } from 'vitest';
import {
  a1,
  boxAddress,
  columnIndex,
  columnLetter,
  parseCell,
  parseRange,
  stripSheet,
} from '../src/core/workbook/a1.js';

describe('A1 addresses', () => {
  it('column letters and indexes, past Z and ZZ', () => {
    const cases: [number, string][] = [
      [0, 'A'],
      [25, 'Z'],
      [26, 'AA'],
      [27, 'AB'],
      [51, 'AZ'],
      [52, 'BA'],
      [701, 'ZZ'],
      [702, 'AAA'],
      [16383, 'XFD'],
    ];
    for (const [i, letters] of cases) {
      expect(columnLetter(i)).toBe(letters);
      expect(columnIndex(letters)).toBe(i);
    }
    expect(columnIndex('ab')).toBe(27);
    expect(a1(7, 12)).toBe('H12');
  });

  it('cells with anchors and sheet names, ranges with corners in any order', () => {
    expect(parseCell('B4')).toEqual({ row: 3, col: 1 });
    expect(parseCell(' $AB$10 ')).toEqual({ row: 9, col: 27 });
    expect(() => parseCell('4B')).toThrow(/bad A1 cell reference: 4B/);
    expect(() => parseCell('A')).toThrow();
    expect(stripSheet("'指标'!A1:B2")).toBe('A1:B2');
    expect(stripSheet("'a!b'!C3")).toBe('C3');
    expect(stripSheet('C3')).toBe('C3');
    expect(parseRange("'指标'!$A$4:$R$120")).toEqual({ row: 3, col: 0, rows: 117, cols: 18 });
    expect(parseRange('D9:B2')).toEqual({ row: 1, col: 1, rows: 8, cols: 3 });
    expect(parseRange('C3')).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(boxAddress({ row: 3, col: 0, rows: 117, cols: 18 })).toBe('A4:R120');
    expect(boxAddress({ row: 2, col: 2, rows: 1, cols: 1 })).toBe('C3');
    expect(boxAddress({ row: 2, col: 2, rows: 2, cols: 1 })).toBe('C3:C4');
  });
});
