/**
 * The fast reader reads a cell's reference and a shared-string index in place (without taking them out
 * of the sheet's text) when they are written plainly, and falls back to the general path for anything
 * else. Every spelling must read the same: the plain ones and the odd ones (leading zeros, whitespace,
 * entities, CDATA, an attribute on <v>, a lower-case or $-anchored reference).
 */
import { describe, expect, it } from 'vitest';
import { readWorkbookGridFast } from '../src/xlsx/fast-grid.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { sharedStringsXml, worksheet, xlsxFromParts } from './helpers/xlsx-parts.js';

const STRINGS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].map(
  (s) => `<si><t>${s}</t></si>`,
);

/** A one-sheet workbook with one cell `<c r="{ref}" t="s">{inner}</c>` in row 2. */
function oneCell(ref: string, inner: string, type = ' t="s"'): Uint8Array {
  const sheet = worksheet(`<row r="2"><c r="${ref}"${type}>${inner}</c></row>`);
  return xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(STRINGS) });
}

function rowsOf(bytes: Uint8Array) {
  return readWorkbookGridFast(bytes).sheets[0].rows;
}

describe('shared-string index spellings', () => {
  const cases: [string, string][] = [
    ['<v>1</v>', '一'],
    ['<v>12</v>', '十二'],
    ['<v>0</v>', '零'],
    ['<v>012</v>', '十二'],
    ['<v>0000000000012</v>', '十二'],
    ['<v> 12</v>', '十二'],
    ['<v>12 </v>', '十二'],
    ['<v>&#49;&#50;</v>', '十二'],
    ['<v><![CDATA[12]]></v>', '十二'],
    ['<v xml:space="preserve">12</v>', '十二'],
    ['<f>A1</f><v>3</v>', '三'],
    ['<vt>9</vt><v>4</v>', '四'],
  ];
  it.each(cases)('%s reads %s', (inner, want) => {
    expect(rowsOf(oneCell('B2', inner))).toEqual([[], [null, want]]);
  });

  it('leaves an empty <v> empty and refuses an index past the shared strings', async () => {
    expect(rowsOf(oneCell('B2', '<v></v>'))).toEqual([]);
    expect(rowsOf(oneCell('B2', '<v/>'))).toEqual([]);
    expect(() => readWorkbookGridFast(oneCell('B2', '<v>13</v>'))).toThrow('shared string out of range');
    // The general reader then asks exceljs, which calls the file damaged.
    await expect(readWorkbookGrid(oneCell('B2', '<v>13</v>'), 'a.xlsx')).rejects.toThrow('已损坏');
  });

  it('reads a cell with another type through the general path', () => {
    expect(rowsOf(oneCell('B2', '<v>12</v>', ''))).toEqual([[], [null, 12]]);
    expect(rowsOf(oneCell('B2', '<v>12</v>', ' t="str"'))).toEqual([[], [null, '12']]);
    expect(() => rowsOf(oneCell('B2', '<v>12</v>', ' t="ss"'))).toThrow('cell type ss');
  });
});

describe('cell reference spellings', () => {
  it.each([
    ['B2', 1, 1],
    ['b2', 1, 1],
    ['$B$2', 1, 1],
    ['&#66;2', 1, 1],
    ['AA2', 1, 26],
    ['XFD2', 1, 16383],
  ])('%s is row %i, column %i', (ref, row, col) => {
    const rows = rowsOf(oneCell(ref, '<v>1</v>'));
    expect(rows).toHaveLength(row + 1);
    expect(rows[row]).toHaveLength(col + 1);
    expect(rows[row][col]).toBe('一');
  });

  it('refuses references outside Excel’s sheet, and what is no reference', async () => {
    for (const ref of ['XFE2', 'A1048577', 'A0', 'AAAA2', 'B', '2', 'B2x', '']) {
      expect(() => readWorkbookGridFast(oneCell(ref, '<v>1</v>')), ref).toThrow();
    }
    await expect(readWorkbookGrid(oneCell('XFE2', '<v>1</v>'), 'a.xlsx')).rejects.toThrow(
      '超出 Excel 范围的单元格 XFE2',
    );
    await expect(readWorkbookGrid(oneCell('A1048577', '<v>1</v>'), 'a.xlsx')).rejects.toThrow(
      '超出 Excel 范围的单元格 A1048577',
    );
  });
});
