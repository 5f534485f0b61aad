/**
 * The server hands the fast reader a one-character-per-byte decoder (src/server/inflate.ts: latin1Text)
 * and sheets are then scanned as one-byte strings. What a user reads must not change: every value that
 * holds Chinese or other non-ASCII text reads as UTF-8 decoding gives it, including the edge cases where
 * reading bytes as characters would differ (a no-break space that JavaScript counts as whitespace, a
 * byte-order mark, bytes that are no UTF-8, a prolog in another script).
 */
import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbookGridFast } from '../src/xlsx/fast-grid.js';
import { latin1Text } from '../src/server/inflate.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { DATE_STYLES, MAIN_NS, sharedStringsXml, worksheet, xlsxFromParts } from './helpers/xlsx-parts.js';

function book(sheet: string): Uint8Array {
  return xlsxFromParts({
    sheets: [sheet],
    sharedStrings: sharedStringsXml(['<si><t>共享</t></si>']),
    styles: DATE_STYLES,
  });
}

/** The rows of the first sheet, read with the server's decoder and without it; both must agree. */
function rowsBothWays(bytes: Uint8Array) {
  const bytewise = readWorkbookGridFast(bytes, { decodeLatin1: latin1Text }).sheets[0].rows;
  expect(bytewise).toEqual(readWorkbookGridFast(bytes).sheets[0].rows);
  return bytewise;
}

/** The workbook with sheet 1's part replaced by `part` (bytes, so that they need not be UTF-8). */
function withSheetBytes(bytes: Uint8Array, part: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files['xl/worksheets/sheet1.xml'] = new Uint8Array(part);
  return zipSync(files);
}

describe('sheets scanned one byte per character', () => {
  it('reads Chinese inline strings, formula results and shared strings', () => {
    const sheet = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>落实情况</t></is></c>' +
        '<c r="B1" t="str"><f>"％"</f><v>完成 ９０％</v></c><c r="C1" t="s"><v>0</v></c>' +
        '<c r="D1"><f>SUBSTITUTE(A1,"％","")</f><v>12.5</v></c></row>',
    );
    expect(rowsBothWays(book(sheet))).toEqual([['落实情况', '完成 ９０％', '共享', 12.5]]);
  });

  it('reads a number followed by a no-break space as the number, as UTF-8 decoding does', () => {
    const sheet = worksheet('<row r="1"><c r="A1"><v>42\u00a0</v></c><c r="B1"><v>\u00a07</v></c></row>');
    expect(rowsBothWays(book(sheet))).toEqual([[42, 7]]);
  });

  it('keeps a byte-order mark at the start of a value and reads a style index after a no-break space', () => {
    const sheet = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>\ufeff文</t></is></c><c r="B1" s="\u00a01"><v>1</v></c></row>',
    );
    expect(rowsBothWays(book(sheet))).toEqual([['\ufeff文', new Date(Date.UTC(1899, 11, 31))]]);
  });

  it('reads bytes that are no UTF-8 as replacement characters', () => {
    const head = new TextEncoder().encode(
      worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>甲@乙</t></is></c></row>'),
    );
    const at = head.indexOf(0x40); // '@' → a lone continuation byte and a truncated sequence
    const part = new Uint8Array([...head.subarray(0, at), 0xbf, 0xe4, 0xbd, ...head.subarray(at + 1)]);
    expect(rowsBothWays(withSheetBytes(book(worksheet('')), part))).toEqual([['甲\ufffd\ufffd乙']]);
  });

  it('reads a part with a byte-order mark, a prefixed root or a prolog comment in Chinese', () => {
    const cells = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>数据</x:t></x:is></x:c></x:row>';
    const prefixed = (lead: string) =>
      `${lead}<?xml version="1.0" encoding="UTF-8"?><!-- 说明 --><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>${cells}</x:sheetData></x:worksheet>`;
    expect(rowsBothWays(book(prefixed('')))).toEqual([['数据']]);
    expect(rowsBothWays(book(prefixed('\ufeff')))).toEqual([['数据']]);
  });

  it('blanks the covered cells of a merged range written beside Chinese attributes', () => {
    const sheet = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>5</v></c><c r="C1"><v>6</v></c></row>',
      '<mergeCells count="1" 注="甲"><mergeCell ref="A1:B1"/></mergeCells>',
    );
    expect(rowsBothWays(book(sheet))).toEqual([['标题', null, 6]]);
  });

  it('gives the server the same grid as exceljs for a workbook in Chinese', async () => {
    const sheet = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><f>A1&amp;"名"</f><v>单位名</v></c><c r="B2" s="1"><v>45000</v></c></row>',
    );
    const bytes = book(sheet);
    const want = await readWorkbookGrid(bytes, 'a.xlsx');
    expect(await readWorkbookGrid(bytes, 'a.xlsx', { decodeLatin1: latin1Text })).toEqual(want);
    expect(want.sheets[0].rows[1][0]).toBe('单位名');
  });
});
