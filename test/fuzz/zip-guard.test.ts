/**
 * Zip bombs (issue 14, item 4), refused from the central directory before anything is inflated,
 * wherever bytes are unzipped: workbooks (fast reader and exceljs), .docx policy texts, and reports
 * given to `report --verify`. Each bomb is built here with fflate and its directory edited by hand.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrid } from '../../src/xlsx/read-grid.js';
import { docxText } from '../../src/host/input/docx.js';
import { docxPartsOf } from '../../src/host/verify-report.js';
import { checkZip, MAX_UNZIPPED_BYTES, ZipRefused, type ZipRefusal } from '../../src/xlsx/zip-guard.js';
import { lyingZip, overlappingZip } from './http.js';
import { seedCatalogue } from '../helpers/seeds.js';
import { generate } from '../helpers/workbooks.js';

/** The central-directory entries' offsets, in order. */
function centralEntries(z: Uint8Array): number[] {
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const eocd = z.length - 22;
  const out: number[] = [];
  for (let at = v.getUint32(eocd + 16, true); at < eocd;) {
    out.push(at);
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

/** Declared uncompressed size of entry `i` set to `size` (the data stay as they are). */
function declare(z: Uint8Array, i: number, size: number): Uint8Array {
  const out = z.slice();
  new DataView(out.buffer).setUint32(centralEntries(out)[i] + 24, size, true);
  return out;
}

function refusal(f: () => unknown): ZipRefusal['kind'] | 'none' {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof ZipRefused) return e.refusal.kind;
    throw e;
  }
}

const ZEROS = 12 * 1024 * 1024;
const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(ZEROS) }, { level: 9 });

describe('zip guard', () => {
  it('passes real workbooks and zips that are no bombs', async () => {
    const workbook = await generate(seedCatalogue(), { office: '长春市' });
    expect(checkZip(workbook)?.some((e) => e.name === 'xl/workbook.xml')).toBe(true);
    expect(checkZip(strToU8('这不是压缩包'))).toBeNull();
    expect(refusal(() => checkZip(bomb))).toBe('none');
  });

  it('refuses from the directory: too large, too many, impossible ratios, overlaps, duplicates', () => {
    expect(refusal(() => checkZip(bomb, ZEROS - 1))).toBe('too-large');
    expect(refusal(() => checkZip(lyingZip(3 * 1024 ** 3)))).toBe('impossible-ratio');
    expect(refusal(() => checkZip(declare(bomb, 0, MAX_UNZIPPED_BYTES + 1)))).toBe('impossible-ratio');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_001; i++) many[`x/${i}`] = new Uint8Array(0);
    expect(refusal(() => checkZip(zipSync(many, { level: 0 })))).toBe('too-many');
    expect(refusal(() => checkZip(overlappingZip()))).toBe('overlap');
    const stored = zipSync({ a: strToU8('甲'), b: strToU8('乙') }, { level: 0 });
    const dup = stored.slice();
    const second = centralEntries(dup)[1];
    dup[second + 46] = 'a'.charCodeAt(0);
    expect(refusal(() => checkZip(dup))).toBe('duplicate');
    expect(refusal(() => checkZip(declare(stored, 0, 999)))).toBe('impossible-ratio');
  });

  it('a workbook bomb is a Chinese refusal naming the file, on both readers', async () => {
    // Declared within the limit but inflating far past it: the fast reader truncates, exceljs would
    // inflate it all; the counted inflate stops it first.
    const lying = declare(bomb, 0, 1000);
    for (const bytes of [lying, lyingZip(3 * 1024 ** 3), overlappingZip()])
      await expect(readWorkbookGrid(bytes, '长春市.xlsx')).rejects.toThrow(/长春市\.xlsx.*(压缩炸弹|重叠)/);
  });

  it('a .docx policy text or a report to verify that is a bomb is refused the same way', () => {
    const docx = zipSync({ 'word/document.xml': new Uint8Array(ZEROS) }, { level: 9 });
    const big = declare(docx, 0, 0xfffffff0);
    expect(() => docxText(big, '政策.docx')).toThrow(/政策\.docx.*压缩炸弹/);
    expect(() => docxPartsOf(big, '报告.docx')).toThrow(/报告\.docx.*压缩炸弹/);
  });
});
