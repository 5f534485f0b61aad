/**
 * Every workbook luoshi produces (entry blank / filled / upgraded, 目录审核, 对比, 汇总) is valid SpreadsheetML:
 * its worksheet, workbook, styles and shared-string parts validate against the ISO/IEC 29500 transitional
 * schema (test/schemas/ooxml, run through xmllint), its data validations never overlap (Excel offers to
 * "repair" such files and LibreOffice honours only one rule), every autofilter has the hidden
 * _xlnm._FilterDatabase name Excel writes, and every font is named.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { seedCatalogue } from './helpers/seeds.js';
import { producedWorkbooks, type Produced } from './helpers/produced-workbooks.js';
import { tmpDir } from './helpers/workbooks.js';
import { parseRange, type CellBox } from '../src/core/workbook/a1.js';

const run = promisify(execFile);
const SCHEMA = path.resolve(import.meta.dirname, 'schemas/ooxml/sml.xsd');

let produced: Produced[];

beforeAll(async () => {
  produced = await producedWorkbooks(seedCatalogue());
}, 180_000);

const decoder = new TextDecoder();

/** The parts of an .xlsx, as text. */
function parts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([name, data]) => [name, decoder.decode(data)]),
  );
}

/** Drop what markup compatibility lets a consumer ignore: mc:Ignorable and attributes in those namespaces. */
export function withoutIgnorable(xml: string): string {
  const ignorable = /mc:Ignorable="([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/\s+mc:Ignorable="[^"]*"/, '');
  for (const prefix of ignorable) out = out.replace(new RegExp(`\\s+${prefix}:[\\w.-]+="[^"]*"`, 'g'), '');
  return out;
}

function rect(address: string): CellBox {
  return parseRange(address);
}

function overlaps(a: CellBox, b: CellBox): boolean {
  return a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

/** Pairs of overlapping ranges among all data validations of a worksheet part. */
export function overlappingValidations(sheetXml: string): [string, string][] {
  const ranges = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) =>
    m[1].split(/\s+/).map((r) => ({ text: r, rect: rect(r) })),
  );
  const pairs: [string, string][] = [];
  for (let i = 0; i < ranges.length; i++)
    for (let j = i + 1; j < ranges.length; j++)
      if (overlaps(ranges[i].rect, ranges[j].rect)) pairs.push([ranges[i].text, ranges[j].text]);
  return pairs;
}

describe('the overlap check itself', () => {
  it('finds the overlap exceljs once wrote (N2:N115 with N10:N115) and passes disjoint ranges', () => {
    const dv = (sqref: string) =>
      `<dataValidation type="list" sqref="${sqref}"><formula1>"a"</formula1></dataValidation>`;
    expect(overlappingValidations(dv('N2:N115') + dv('N10:N115'))).toEqual([['N2:N115', 'N10:N115']]);
    expect(overlappingValidations(dv('G4:G67') + dv('H4:H67') + dv('J4:J67 K70'))).toEqual([]);
  });
});

describe('the schema check itself', () => {
  it('rejects a worksheet with its data validations out of place', async () => {
    const dir = tmpDir('xsd-bad');
    const file = path.join(dir, 'sheet1.xml');
    writeFileSync(
      file,
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<dataValidations count="1"><dataValidation sqref="A1"/></dataValidations><sheetData/></worksheet>',
    );
    const failed = await run('xmllint', ['--noout', '--schema', SCHEMA, file]).then(
      () => false,
      (e: { stderr: string }) => /fails to validate/.test(e.stderr),
    );
    expect(failed).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('every produced workbook', () => {
  it('validates against the ISO/IEC 29500 transitional schema (xmllint)', async () => {
    const dir = tmpDir('xsd');
    const files: string[] = [];
    for (const p of produced) {
      for (const [name, xml] of parts(p.bytes)) {
        if (!/^xl\/(worksheets\/sheet\d+|workbook|styles|sharedStrings)\.xml$/.test(name)) continue;
        const file = path.join(dir, p.file.replace('.xlsx', ''), name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, withoutIgnorable(xml));
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    const result = await run('xmllint', ['--noout', '--schema', SCHEMA, ...files]).catch(
      (e: { stderr: string }) => ({ stderr: e.stderr }),
    );
    const invalid = result.stderr.split('\n').filter((l) => l && !l.endsWith(' validates'));
    expect(invalid).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('has no overlapping data validations, a _FilterDatabase name per autofilter and only named fonts', () => {
    for (const p of produced) {
      const xml = parts(p.bytes);
      const book = xml.get('xl/workbook.xml')!;
      const sheets = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      sheets.forEach((name, i) => {
        const sheet = xml.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
        expect(overlappingValidations(sheet), `${p.file} ${name}`).toEqual([]);
        const filter = /<autoFilter ref="([^"]+)"/.exec(sheet)?.[1];
        if (filter) {
          const named = new RegExp(
            `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">[^<]*!\\$?([A-Z]+)\\$?(\\d+):\\$?([A-Z]+)\\$?(\\d+)</definedName>`,
          ).exec(book);
          expect(named, `${p.file} ${name}: _xlnm._FilterDatabase`).not.toBeNull();
          expect(`${named![1]}${named![2]}:${named![3]}${named![4]}`).toBe(filter);
        }
      });
      const styles = xml.get('xl/styles.xml')!;
      const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
      expect(fonts.length, p.file).toBeGreaterThan(0);
      for (const f of fonts) expect(f, p.file).toMatch(/<name val="宋体"\/>/);
    }
  });
});
