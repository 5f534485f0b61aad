/**
 * Large parts are decoded a piece at a time (src/xlsx/fast-grid.ts: PIECE_BYTES): the shared strings cut
 * after an "</si>", a sheet read one character per byte cut after a "</row>". What a user reads must not
 * change: a real workbook reads as exceljs reads it, and every odd spelling — a comment or "?>" across a
 * cut, a prefixed root, a stray end tag, a cell that runs past its row — reads exactly as the whole text
 * does (or fails the same way), with pieces so small that every item and row ends one.
 */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { latin1Text } from '../src/server/inflate.js';
import { readWorkbookGridFast, type FastGridOptions } from '../src/xlsx/fast-grid.js';
import { readWorkbookGridExceljs } from '../src/xlsx/read-grid.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';
import { DATE_STYLES, MAIN_NS, sharedStringsXml, worksheet, xlsxFromParts } from './helpers/xlsx-parts.js';

const SERVER: FastGridOptions = { decodeLatin1: latin1Text };
const WHOLE = Number.MAX_SAFE_INTEGER;

/** The grid, or the name of the error the reader threw. */
function readOrError(bytes: Uint8Array, options: FastGridOptions): unknown {
  try {
    return readWorkbookGridFast(bytes, options);
  } catch (e) {
    return (e as Error).constructor.name;
  }
}

/** Read in pieces of 1 to 64 bytes, as the server and as the add-in read: always as the whole text reads. */
function expectSameInPieces(bytes: Uint8Array): unknown {
  const whole = readOrError(bytes, { ...SERVER, pieceBytes: WHOLE });
  expect(readOrError(bytes, { pieceBytes: WHOLE })).toEqual(whole);
  for (const pieceBytes of [1, 7, 16, 64]) {
    expect(readOrError(bytes, { ...SERVER, pieceBytes })).toEqual(whole);
    expect(readOrError(bytes, { pieceBytes })).toEqual(whole);
  }
  return whole;
}

function book(sheet: string, strings: string | null = sharedStringsXml(['<si><t>甲</t></si>'])): Uint8Array {
  return xlsxFromParts({ sheets: [sheet], sharedStrings: strings, styles: DATE_STYLES });
}

const SST_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}">`;
const ROWS = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';

describe('large parts read in pieces', () => {
  it('reads a filled seed workbook and its LibreOffice-free twin exactly as exceljs does', async () => {
    const { bytes } = await filledWorkbook(seedCatalogue(), '通化市');
    const want = await readWorkbookGridExceljs(bytes, 'a.xlsx');
    const parts = unzipSync(bytes);
    // Large enough that the default pieces cut it: the test reads the path the server takes.
    expect(parts['xl/sharedStrings.xml'].length).toBeGreaterThan(48 * 1024);
    expect(readWorkbookGridFast(bytes, SERVER)).toEqual(want);
    for (const pieceBytes of [100, 4096]) {
      expect(readWorkbookGridFast(bytes, { ...SERVER, pieceBytes })).toEqual(want);
      expect(readWorkbookGridFast(bytes, { pieceBytes })).toEqual(want);
    }
  });

  it('reads shared strings with entities, runs, phonetics, escapes and Chinese across every cut', () => {
    const items = [
      '<si><t>第一项 &amp; &lt;说明&gt;</t></si>',
      '<si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本</t></r></si>',
      '<si><t>读音</t><rPh sb="0" eb="1"><t>ドク</t></rPh></si>',
      '<si><t>换行_x000D_之后</t></si>',
      '<si/>',
      '<si><t><![CDATA[<原样>]]></t></si>',
    ];
    const grid = expectSameInPieces(
      book(
        worksheet(
          '<row r="1">' +
            items.map((_, i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('') +
            '</row>',
        ),
        sharedStringsXml(items),
      ),
    );
    expect(grid).toEqual({
      sheets: [
        {
          name: '表1',
          state: 'visible',
          rows: [['第一项 & <说明>', '富 文本', '读音', '换行\r之后', '', '<原样>']],
        },
      ],
    });
  });

  it('reads odd shared-string parts as their whole text reads', () => {
    const odd = [
      // a stray end tag, an item whose start tag runs into an end tag, a byte-order mark between items
      `${SST_HEAD}<si><t>甲</t></si></si><si><t>乙</t></si></sst>`,
      `${SST_HEAD}<si><t>甲</t></si><si</si><si><t>乙</t></si></sst>`,
      `${SST_HEAD}<si><t>甲</t></si><si a="</si>"><t>丙</t></si><si><t>乙</t></si></sst>`,
      `${SST_HEAD}<si><t>甲</t></si>\ufeff<si><t>乙</t></si></sst>`,
      // a comment holding an end tag, "?>" in a text, a prefixed root
      `${SST_HEAD}<si><t>甲</t></si><!-- </si><si><t>假</t></si> --><si><t>乙</t></si></sst>`,
      `${SST_HEAD}<si><t>甲?></t></si><si><t>乙</t></si></sst>`,
      // after "?>", a prefixed element makes the whole text's root prefix (rootPrefix): 乙 reads 乙丁
      `${SST_HEAD}<si><t>甲</t></si><si><t>乙</t>?><q:t>丁</q:t></si></sst>`,
      `<?xml version="1.0"?><x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>甲</x:t></x:si><x:si><x:t>乙</x:t></x:si></x:sst>`,
      `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>甲</x:t></x:si><x:si><x:t>乙</x:t></x:si></x:sst>`,
    ];
    for (const strings of odd) expectSameInPieces(book(worksheet(ROWS), strings));
  });

  it('reads odd sheets as their whole text reads', () => {
    const cell = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
    const odd = [
      // a cell that runs past its row's end, a formula, merged ranges after the rows
      worksheet(`<row r="1"><c r="A1"><v>1</v></row><row r="2">${cell('A2', 2)}</c></row>`),
      worksheet(`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row><row r="2">${cell('B2', 0)}</row>`),
      worksheet(
        `<row r="1">${cell('A1', 1)}${cell('B1', 2)}</row><row r="2">${cell('A2', 3)}</row>`,
        '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
      ),
      // merged ranges listed among the rows, a comment holding a row's end, "?>" in a text
      worksheet(
        `<row r="1">${cell('A1', 1)}${cell('B1', 2)}</row><mergeCells><mergeCell ref="A1:B1"/></mergeCells><row r="2">${cell('A2', 3)}</row>`,
      ),
      worksheet(
        `<row r="1">${cell('A1', 1)}</row><!-- </row><row r="9"><c r="A9"><v>9</v></c> --><row r="2">${cell('A2', 2)}</row>`,
      ),
      worksheet(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>甲?></t></is></c></row><row r="2">${cell('A2', 2)}</row>`,
      ),
      worksheet(`<row r="1">${cell('A1', 1)}</row><row r="2">?><q:c r="B2"><q:v>9</q:v></q:c></row>`),
      // rows after the end of sheetData, a second sheetData, a reference beyond Excel's sheet
      worksheet(`<row r="1">${cell('A1', 1)}</row>`).replace(
        '</worksheet>',
        `<row r="3">${cell('A3', 3)}</row></worksheet>`,
      ),
      worksheet(`<row r="1">${cell('A1', 1)}</row></sheetData><sheetData><row r="2">${cell('A2', 2)}</row>`),
      worksheet(`<row r="1">${cell('A1', 1)}</row><row r="2">${cell('XFE2', 2)}</row>`),
    ];
    for (const sheet of odd) expectSameInPieces(book(sheet));
  });

  it('reads a sheet in Chinese with a prolog in Chinese or a byte-order mark as its whole text reads', () => {
    const body = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>数据</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData>`;
    for (const lead of [
      '',
      '\ufeff',
      '<?xml version="1.0"?><!-- 说明 -->',
      '<?xml version="1.0"?><?说明 ?>',
    ]) {
      const sheet = `${lead}<worksheet xmlns="${MAIN_NS}">${body}</worksheet>`;
      expect(expectSameInPieces(book(sheet))).toMatchObject({ sheets: [{ rows: [['数据'], [7]] }] });
      // A prefixed root after the same prolog: read whole, as its prefix is found in the UTF-8 text only.
      const prefixed = `${lead}<x:worksheet xmlns:x="${MAIN_NS}">${body.replace(/<(\/?)/g, '<$1x:')}</x:worksheet>`;
      expect(expectSameInPieces(book(prefixed))).toMatchObject({ sheets: [{ rows: [['数据'], [7]] }] });
    }
  });

  it('reads sheet bytes that are no UTF-8 as the whole text does', () => {
    const bytes = book(worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>甲@乙</t></is></c></row>`));
    const files = unzipSync(bytes);
    const part = files['xl/worksheets/sheet1.xml'];
    const at = part.indexOf(0x40);
    files['xl/worksheets/sheet1.xml'] = new Uint8Array([
      ...part.subarray(0, at),
      0xe4,
      0xbd,
      ...part.subarray(at + 1),
    ]);
    expect(expectSameInPieces(zipSync(files))).toMatchObject({ sheets: [{ rows: [['甲\ufffd乙']] }] });
  });
});
