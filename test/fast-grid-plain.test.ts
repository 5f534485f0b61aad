/**
 * The fast reader's plain paths: a cell tag written as every writer writes it (`<c r="…" s="…"
 * t="…">`), a value written `<v>digits</v></c>`, and shared strings and merged ranges found with
 * indexOf instead of regular expressions. Each must read exactly what the general path reads, so every
 * other spelling is read here too, with the value written out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/model/grid.js';
import {
  elementContents,
  mergeCellsBlock,
  plainNumber,
  readWorkbookGridFast,
} from '../src/xlsx/fast-grid.js';
import { latin1Text, zlibInflateRaw } from '../src/server/inflate.js';
import { checkZip } from '../src/xlsx/zip-guard.js';
import { MAIN_NS, sharedStringsXml, worksheet, xlsxFromParts } from './helpers/xlsx-parts.js';

const DIGITS = ['零', '一', '二', '三', '四'].map((s) => `<si><t>${s}</t></si>`);

/** Both ways the server and the add-in read: the guard's entries, zlib and latin1; fflate and UTF-8. */
function readBothWays(bytes: Uint8Array) {
  const server = readWorkbookGridFast(bytes, {
    entries: checkZip(bytes) ?? undefined,
    inflateRaw: zlibInflateRaw,
    decodeLatin1: latin1Text,
  });
  expect(readWorkbookGridFast(bytes)).toEqual(server);
  return server;
}

/** The value of B2 in a one-sheet workbook whose row 2 is `cells`. */
function b2(cells: string, strings = DIGITS, extra = ''): CellValue | undefined {
  const sheet = worksheet(`<row r="2">${cells}</row>`, extra);
  const rows = readBothWays(xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(strings) }))
    .sheets[0].rows;
  return rows[1]?.[1];
}

describe('a cell tag in any spelling', () => {
  it.each([
    '<c r="B2" s="0" t="s">',
    '<c r="B2" t="s">',
    '<c s="0" r="B2" t="s">',
    '<c t="s" r="B2">',
    "<c r='B2' t='s'>",
    '<c r="B2"  t="s">',
    '<c r = "B2" t = "s">',
    '<c\nr="B2"\tt="s" >',
    '<c r="B&#50;" t="s">',
    '<c r="B2" x14ac:foo="1" t="s">',
    '<c cm="1" r="B2" t="s">',
    '<c r="B2" t="s" vm="1">',
  ])('%s<v>3</v></c> reads 三', (tag) => {
    expect(b2(`${tag}<v>3</v></c>`)).toBe('三');
  });

  it('reads plain cells where the text is not the bytes one for one (a comment or a prefix taken out)', () => {
    const row = '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="0"><v>2.5</v></c></row>';
    const commented = worksheet(row).replace('<sheetData>', '<!-- 注释：甲乙 --><sheetData>');
    const prefixed =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
      `${row.replace(/<(\/?)([a-z]+)/g, '<$1x:$2')}</x:sheetData></x:worksheet>`;
    for (const sheet of [commented, prefixed]) {
      const bytes = xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(DIGITS) });
      expect(readBothWays(bytes).sheets[0].rows, sheet).toEqual([[], ['一', 2.5]]);
    }
  });

  it('refuses a reference with a character beyond Latin-1 whose low byte is a letter or digit', () => {
    // Ł is U+0141 (low byte 0x41, "A"), Ｂ U+FF22, ２ U+FF12 (low byte 0x12)
    for (const ref of ['Ł2', 'Ｂ2', 'B２']) {
      const sheet = worksheet(`<row r="2"><c r="${ref}" t="s"><v>1</v></c></row>`);
      const bytes = xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(DIGITS) });
      expect(() => readWorkbookGridFast(bytes), ref).toThrow('bad cell reference');
      expect(() => readBothWays(bytes), ref).toThrow('bad cell reference');
    }
  });

  it('reads a self-closing cell as empty in any spelling', () => {
    for (const tag of ['<c r="B2"/>', '<c r="B2" s="1"/>', '<c r="B2" s="1" t="s"/>', '<c r="B2" />']) {
      expect(b2(`<c r="A2" t="s"><v>1</v></c>${tag}<c r="C2" t="s"><v>2</v></c>`), tag).toBeNull();
    }
  });

  it('reads a number cell whose type is written out', () => {
    expect(b2('<c r="B2" t="n"><v>42</v></c>')).toBe(42);
    expect(b2('<c r="B2" s="0" t="n"><v>4.5</v></c>')).toBe(4.5);
  });
});

describe('a shared-string cell whose value is not plain digits', () => {
  it.each([
    ['<v>3</v>', '三'],
    ['<v>03</v>', '三'],
    ['<v> 3</v>', '三'],
    ['<v>3.0</v>', '三'], // parseInt reads up to the point, as exceljs does
    ['<v>3e2</v>', '三'],
    ['<v>&#51;</v>', '三'],
    ['<v><![CDATA[3]]></v>', '三'],
    ['<v>3</v> ', '三'],
    ['<v>4</v><v>1</v>', '四'],
  ])('%s reads %s', (inner, want) => {
    expect(b2(`<c r="B2" t="s">${inner}</c>`)).toBe(want);
  });

  it('refuses an index past the shared strings, however written', () => {
    for (const v of ['5', '123456789', '1234567890', '99999999999']) {
      expect(() => b2(`<c r="B2" t="s"><v>${v}</v></c>`), v).toThrow('shared string out of range');
    }
  });

  it('reads an empty shared string as an empty text', () => {
    expect(b2('<c r="B2" t="s"><v>1</v></c>', ['<si><t>a</t></si>', '<si><t/></si>'])).toBe('');
  });
});

describe('a number cell', () => {
  it.each([
    ['46022', 46022],
    ['0.51', 0.51],
    ['-2.13', -2.13],
    ['007', 7],
    ['0.1', 0.1],
    ['123456789012345', 123456789012345],
    ['12345.6789012345', 12345.6789012345],
    ['1234567890123456789', 1234567890123456800],
    ['0.30000000000000004', 0.30000000000000004],
    ['5.', 5],
    ['.5', 0.5],
    [' 7 ', 7],
    ['1e3', 1000],
    ['-1.5E-2', -0.015],
    ['1,5', '1,5'],
    ['0x1A', '0x1A'],
    ['1.2.3', '1.2.3'],
    ['-', '-'],
    ['--1', '--1'],
  ])('<v>%s</v> reads %s', (v, want) => {
    expect(b2(`<c r="B2" s="0"><v>${v}</v></c>`)).toEqual(want);
    expect(b2(`<c r="B2"><v>${v}</v></c>`)).toEqual(want);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(b2('<c r="B2"><v>-0</v></c>'), -0)).toBe(true);
    expect(Object.is(b2('<c r="B2"><v>-0.0</v></c>'), -0)).toBe(true);
    expect(Object.is(b2('<c r="B2"><v>0</v></c>'), 0)).toBe(true);
  });

  it('is a date in a date style, however the style index is written', () => {
    // DATE_STYLES: 1 and 2 are date formats, 0 is General
    const jan1 = new Date(Date.UTC(2024, 0, 1));
    expect(b2('<c r="B2" s="1"><v>45292</v></c>')).toEqual(jan1);
    expect(b2('<c r="B2" s="01"><v>45292</v></c>')).toEqual(jan1);
    expect(b2('<c r="B2" s="2" t="n"><v>45292</v></c>')).toEqual(jan1);
    expect(b2('<c r="B2" s="1"><v>45292.5</v></c>')).toEqual(new Date(Date.UTC(2024, 0, 1, 12)));
    expect(b2('<c r="B2" s="0"><v>45292</v></c>')).toBe(45292);
    expect(b2('<c r="B2" s=""><v>45292</v></c>')).toBe(45292); // Number('') is style 0
    expect(b2('<c r="B2" s="x"><v>45292</v></c>')).toBe(45292);
    expect(b2('<c r="B2" s="9"><v>45292</v></c>')).toBe(45292); // no such style
  });

  it('drops a formula’s zero result but keeps a plain zero', () => {
    expect(b2('<c r="B2"><v>0</v></c>')).toBe(0);
    expect(b2('<c r="B2"><f>A1-A1</f><v>0</v></c>')).toBeUndefined();
    expect(b2('<c r="B2"><f>A1+1</f><v>2</v></c>')).toBe(2);
    expect(b2('<c r="B2"><v>2</v><f>A1+1</f></c>')).toBe(2);
  });

  it('is the double parseFloat reads for any plain decimal', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{1,18}$/)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, (s) => {
        const n = plainNumber(new TextEncoder().encode(s), 0, s.length);
        if (!Number.isNaN(n)) expect(Object.is(n, parseFloat(s))).toBe(true);
        // every plain decimal of up to 15 digits is read in place
        if (s.replace(/\D/g, '').length <= 15) expect(Number.isNaN(n)).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('shared strings', () => {
  it('reads every kind of string item, in order', () => {
    const items = [
      '<si><t>甲</t></si>',
      '<si/>',
      '<si />',
      '<si><t/></si>',
      '<si x="1"><t>乙</t></si>',
      '<si\n><t xml:space="preserve"> 丙 </t></si>',
      '<si><r><t>丁</t></r><r><rPr><b/></rPr><t>戊</t></r></si>',
      '<si><t>己</t><rPh sb="0" eb="1"><t>ji</t></rPh></si>',
      '<si><t>a&amp;b&lt;&#x4E00;_x000D_</t></si>',
      '<si><t><![CDATA[<庚>]]></t></si>',
      '<sis><t>不是</t></sis>',
      '<si><ts>不是</ts><t>辛</t></si>',
    ];
    const cells = items.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" t="s"><v>${i}</v></c>`);
    const sheet = worksheet(`<row r="2">${cells.slice(0, 11).join('')}</row>`);
    const rows = readBothWays(xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(items) }))
      .sheets[0].rows;
    // <sis> is no item: index 10 is the last one
    expect(rows[1]).toEqual(['甲', '', '', '', '乙', ' 丙 ', '丁戊', '己', 'a&b<一\r', '<庚>', '辛']);
  });

  it('reads a plain item after any other, and an item of two texts', () => {
    const items = [
      '<si><t>甲</t><t>乙</t></si>',
      '<si><t>丙</t></si>',
      '<si><t xml:space="preserve"> 丁</t></si>',
      '<si><t>戊</t></si>',
    ];
    const cells = items.map((_, i) => `<c r="${String.fromCharCode(65 + i)}2" t="s"><v>${i}</v></c>`);
    const sheet = worksheet(`<row r="2">${cells.join('')}</row>`);
    const bytes = xlsxFromParts({ sheets: [sheet], sharedStrings: sharedStringsXml(items) });
    expect(readBothWays(bytes).sheets[0].rows[1]).toEqual(['甲乙', '丙', ' 丁', '戊']);
  });

  it('finds element contents as the defining expression does, however odd the markup', () => {
    const definition = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
    const piece = fc.constantFrom(
      '<si',
      '<si>',
      '<si/>',
      '</si>',
      '<sis',
      '<si ',
      '/',
      '>',
      'a',
      '中',
      '<',
      ' ',
      '<t>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const xml = pieces.join('');
        expect(elementContents(xml, 'si')).toEqual([...xml.matchAll(definition)].map((m) => m[1] ?? ''));
      }),
      { numRuns: 20000 },
    );
  });

  it('skips a start tag without an end and reads on', () => {
    expect(elementContents('<si>a<si/><si>b</si>', 'si')).toEqual(['a<si/><si>b']);
    expect(elementContents('<si>a<si/>', 'si')).toEqual(['']);
    expect(elementContents('<si x="/>"><t>c</t></si>', 'si')).toEqual(['']);
    expect(elementContents('<sis>x</sis><si_a/><si>y</si>', 'si')).toEqual(['y']);
  });
});

describe('merged ranges', () => {
  it('finds the block the defining expression finds', () => {
    const definition = /<mergeCells\b[\s\S]*?<\/mergeCells>/;
    const piece = fc.constantFrom(
      '<mergeCells',
      '</mergeCells>',
      '<mergeCellsX',
      'Cells',
      ' ',
      '>',
      '<mergeCell ref="A1:B1"/>',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const xml = pieces.join('');
        expect(mergeCellsBlock(xml)).toBe(definition.exec(xml)?.[0] ?? null);
      }),
      { numRuns: 20000 },
    );
  });

  it('blanks the covered cells of the first whole block only', () => {
    const cells = '<c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c>';
    expect(b2(cells, DIGITS, '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>')).toBeNull();
    expect(b2(cells, DIGITS, '<mergeCellsX/><mergeCells><mergeCell ref="A2:B2"/></mergeCells>')).toBeNull();
    expect(b2(cells, DIGITS, '<mergeCells><mergeCell ref="A2:B2"/>')).toBe('二'); // never closed
  });
});
