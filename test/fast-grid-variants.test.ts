/**
 * The fast reader accepts every well-formed spelling of sheet XML: random sheets (numbers, shared, inline
 * and rich strings, booleans, errors, dates in both date systems, formulas with cached results) are
 * written plainly and then with whitespace anywhere, single quotes, an `x:` namespace prefix, CDATA and
 * comments. Whatever the spelling, the fast reader must give exactly what exceljs gives for the plain
 * file, cell by cell (exceljs itself cannot read the prefixed or CDATA spellings, hence the plain file).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWorkbookGridFast } from '../src/xlsx/fast-grid.js';
import { readWorkbookGrid, readWorkbookGridExceljs } from '../src/xlsx/read-grid.js';
import { latin1Text } from '../src/server/inflate.js';
import { MAIN_NS, sharedStringsXml, xlsxFromParts } from './helpers/xlsx-parts.js';

type Kind = 'n' | 's' | 'rich' | 'inline' | 'b' | 'e' | 'date' | 'f' | 'str';

interface Cell {
  row: number;
  col: number;
  kind: Kind;
  num: number;
  text: string;
}

interface Spelling {
  ws: () => string;
  quote: '"' | "'";
  prefix: boolean;
  cdata: boolean;
  comments: boolean;
}

const textArb = fc
  .string({
    unit: fc.constantFrom('a', '落', '实', ' ', '&', '<', '>', '"', "'", '1', '_', '\n'),
    minLength: 1,
    maxLength: 8,
  })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const cellArb: fc.Arbitrary<Cell> = fc.record({
  row: fc.integer({ min: 1, max: 40 }),
  col: fc.integer({ min: 1, max: 30 }),
  kind: fc.constantFrom<Kind>('n', 's', 'rich', 'inline', 'b', 'e', 'date', 'f', 'str'),
  num: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: 0, max: 60000, noNaN: true })),
  text: textArb,
});

function colLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Character data, as entities or (when asked) as CDATA. */
function chars(s: string, sp: Spelling): string {
  return sp.cdata && !s.includes(']]>') ? `<![CDATA[${s}]]>` : esc(s);
}

function build(cells: Cell[], sp: Spelling): { sheet: string; sst: string } {
  const p = sp.prefix ? 'x:' : '';
  const q = sp.quote;
  const strings: string[] = [];
  const unique = new Map<string, Cell>();
  for (const c of cells) unique.set(`${c.row}:${c.col}`, c);
  const byRow = new Map<number, Cell[]>();
  for (const c of [...unique.values()].sort((a, b) => a.row - b.row || a.col - b.col))
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const t = (s: string) => `<${p}t xml:space=${q}preserve${q}>${chars(s, sp)}</${p}t>`;
  const cellXml = (c: Cell): string => {
    const attrs = (extra: string) =>
      `<${p}c${sp.ws() || ' '}r${sp.ws()}=${sp.ws()}${q}${colLetters(c.col)}${c.row}${q}${extra}${sp.ws()}>`;
    const v = (s: string) => `<${p}v>${chars(s, sp)}</${p}v>`;
    const end = `</${p}c>`;
    switch (c.kind) {
      case 'n':
        return `${attrs('')}${v(String(c.num))}${end}`;
      case 'date':
        return `${attrs(` s=${q}${c.num % 2 ? 1 : 2}${q}`)}${v(String(Math.abs(c.num)))}${end}`;
      case 's':
        strings.push(`<${p}si>${t(c.text)}</${p}si>`);
        return `${attrs(` t=${q}s${q}`)}${v(String(strings.length - 1))}${end}`;
      case 'rich':
        strings.push(
          `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr>${t(c.text)}</${p}r><${p}r>${t('尾')}</${p}r></${p}si>`,
        );
        return `${attrs(` t=${q}s${q}`)}${v(String(strings.length - 1))}${end}`;
      case 'inline':
        return `${attrs(` t=${q}inlineStr${q}`)}<${p}is>${t(c.text)}</${p}is>${end}`;
      case 'b':
        return `${attrs(` t=${q}b${q}`)}${v(c.num % 2 ? '1' : '0')}${end}`;
      case 'e':
        return `${attrs(` t=${q}e${q}`)}${v(c.num % 2 ? '#N/A' : '#DIV/0!')}${end}`;
      case 'f':
        return `${attrs('')}<${p}f>A1+1</${p}f>${v(String(c.num))}${end}`;
      case 'str':
        return `${attrs(` t=${q}str${q}`)}<${p}f>"x"</${p}f>${v(c.text)}${end}`;
    }
  };
  const comment = sp.comments ? '<!-- <c r="A1"><v>999</v></c> -->' : '';
  const rows = [...byRow].map(
    ([r, cs]) => `<${p}row r=${q}${r}${q}>${comment}${cs.map(cellXml).join(sp.ws())}</${p}row>`,
  );
  const ns = sp.prefix ? `xmlns:x="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}>${sp.ws()}<${p}sheetData>${rows.join(sp.ws())}</${p}sheetData></${p}worksheet>`;
  const plainSst = sharedStringsXml(strings);
  const sst = sp.prefix
    ? plainSst.replace(`<sst xmlns="${MAIN_NS}"`, `<x:sst xmlns:x="${MAIN_NS}"`).replace('</sst>', '</x:sst>')
    : plainSst;
  return { sheet, sst };
}

const PLAIN: Spelling = { ws: () => '', quote: '"', prefix: false, cdata: false, comments: false };

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  ws: fc.constantFrom(
    () => '',
    () => ' ',
    () => '\n  ',
    () => '\t',
    () => '\r\n',
  ),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  prefix: fc.boolean(),
  cdata: fc.boolean(),
  comments: fc.boolean(),
});

function workbook(cells: Cell[], sp: Spelling, date1904: boolean): Uint8Array {
  const { sheet, sst } = build(cells, sp);
  return xlsxFromParts({ sheets: [sheet], sharedStrings: sst, workbookPr: date1904 ? 'date1904="1"' : '' });
}

describe('fast grid reader on every spelling of sheet XML', () => {
  it('reads each spelling exactly as exceljs reads the plain file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cellArb, { minLength: 1, maxLength: 40 }),
        spellingArb,
        fc.boolean(),
        async (cells, sp, d1904) => {
          // In the plain file the first cell of the spelling's whitespace must not matter either.
          const want = await readWorkbookGridExceljs(workbook(cells, PLAIN, d1904), 'plain.xlsx');
          const variant = workbook(cells, sp, d1904);
          expect(readWorkbookGridFast(variant)).toEqual(want);
          // As the server reads it: sheets scanned one byte per character (fast-grid.ts: sheetText).
          expect(readWorkbookGridFast(variant, { decodeLatin1: latin1Text })).toEqual(want);
          // Parts read a few items or rows at a time, as large ones are (fast-grid.ts: PIECE_BYTES);
          // comments and prefixes among the spellings take the whole-text path.
          expect(readWorkbookGridFast(variant, { pieceBytes: 16 })).toEqual(want);
          expect(readWorkbookGridFast(variant, { decodeLatin1: latin1Text, pieceBytes: 16 })).toEqual(want);
          expect(await readWorkbookGrid(variant, 'v.xlsx')).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads dates in the 1904 date system four years and a day later than in the 1900 one', () => {
    const cells: Cell[] = [{ row: 1, col: 1, kind: 'date', num: 1, text: '' }];
    const d1900 = readWorkbookGridFast(workbook(cells, PLAIN, false)).sheets[0].rows[0][0];
    const d1904 = readWorkbookGridFast(workbook(cells, PLAIN, true)).sheets[0].rows[0][0];
    expect(d1900).toEqual(new Date(Date.UTC(1899, 11, 31)));
    expect(d1904).toEqual(new Date(Date.UTC(1904, 0, 2)));
  });

  it('reads random sheets re-saved by LibreOffice Calc exactly as exceljs does', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'luoshi-variants-'));
    try {
      const samples = fc.sample(fc.tuple(fc.array(cellArb, { minLength: 5, maxLength: 40 }), fc.boolean()), {
        numRuns: 3,
        seed: 9,
      });
      const inputs = await Promise.all(
        samples.map(async ([cells, d1904], i) => {
          const file = path.join(tmp, `s${i}.xlsx`);
          await writeFile(file, workbook(cells, PLAIN, d1904));
          return file;
        }),
      );
      const outDir = path.join(tmp, 'out');
      await promisify(execFile)('soffice', [
        `-env:UserInstallation=file://${path.join(tmp, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        ...inputs,
      ]);
      for (const file of inputs) {
        const resaved = new Uint8Array(await readFile(path.join(outDir, path.basename(file))));
        const want = await readWorkbookGridExceljs(resaved, 'lo.xlsx');
        expect(readWorkbookGridFast(resaved)).toEqual(want);
        expect(readWorkbookGridFast(resaved, { decodeLatin1: latin1Text, pieceBytes: 16 })).toEqual(want);
        expect(want.sheets[0].rows.flat().filter((v) => v !== null).length).toBeGreaterThan(0);
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
