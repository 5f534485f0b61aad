/**
 * The fast bulk reader (src/xlsx/fast-grid.ts) must give exactly the grid exceljs gives (readWorkbookGridExceljs),
 * for workbooks written by exceljs and re-saved by LibreOffice Calc, or consolidation would read other
 * figures than `luoshi check` does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { FastGridUnsupported, readWorkbookGridFast } from '../src/xlsx/fast-grid.js';
import { readWorkbookGrid, readWorkbookGridExceljs } from '../src/xlsx/read-grid.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';

const run = promisify(execFile);
let tmp: string;
let filled: Uint8Array;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'luoshi-fastgrid-'));
  ({ bytes: filled } = await filledWorkbook(seedCatalogue(), '通化市'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('fast grid reader', () => {
  it('reads a filled workbook exactly as exceljs does', async () => {
    const slow = await readWorkbookGridExceljs(filled, 'a.xlsx');
    const fast = readWorkbookGridFast(filled);
    expect(fast).toEqual(slow);
    // dates come back as dates, sheet states are kept
    expect(fast.sheets.some((s) => s.rows.some((r) => r.some((v) => v instanceof Date)))).toBe(true);
    expect(fast.sheets.find((s) => s.name === '_meta')?.state).toBe('veryHidden');
  });

  it('reads a workbook re-saved by LibreOffice Calc exactly as exceljs does', async () => {
    const src = path.join(tmp, 'lo-in.xlsx');
    const outDir = path.join(tmp, 'lo-out');
    await writeFile(src, filled);
    await run('soffice', [
      `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      src,
    ]);
    const resaved = new Uint8Array(await readFile(path.join(outDir, 'lo-in.xlsx')));
    const slow = await readWorkbookGridExceljs(resaved, 'lo.xlsx');
    expect(readWorkbookGridFast(resaved)).toEqual(slow);
    const a = readSubmission(readWorkbookGridFast(resaved), { source: 'lo.xlsx' });
    const b = readSubmission(slow, { source: 'lo.xlsx' });
    expect(a).toEqual(b);
    expect(a.entries.some((e) => e.actual !== null)).toBe(true);
  });

  it('agrees with exceljs on every kind of cell value, in-memory and streamed workbooks alike', async () => {
    const fill = (ws: ExcelJS.Worksheet) => {
      ws.getCell('A1').value = '标题 & <说明> "引号"';
      ws.getCell('B1').value = 42.5;
      ws.getCell('C1').value = { formula: 'B1*2', result: 85 };
      ws.getCell('D1').value = { formula: 'B1-B1', result: 0 };
      ws.getCell('E1').value = { formula: 'A1&""', result: '文字结果' };
      ws.getCell('F1').value = true;
      ws.getCell('G1').value = { error: '#N/A' };
      ws.getCell('H1').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
      ws.getCell('I1').value = new Date(Date.UTC(2025, 11, 31));
      ws.getCell('I1').numFmt = 'yyyy-mm-dd';
      ws.getCell('J1').value = '=SUM(A1:A3) 只是文字';
      ws.getCell('A3').value = '合并';
      ws.mergeCells('A3:C4');
      ws.getCell('A6').value = { text: '链接', hyperlink: 'https://example.org' };
      ws.getCell('C8').value = '第 8 行\n换行';
    };
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('数据'));
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 1;
    const inMemory = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readWorkbookGridFast(inMemory)).toEqual(await readWorkbookGridExceljs(inMemory, 'm.xlsx'));

    for (const useSharedStrings of [true, false]) {
      const chunks: Buffer[] = [];
      const stream = new PassThrough();
      stream.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => stream.on('end', resolve));
      const sw = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings, useStyles: true });
      const ws = sw.addWorksheet('数据');
      fill(ws);
      ws.commit();
      await sw.commit();
      await done;
      const streamed = new Uint8Array(Buffer.concat(chunks));
      expect(readWorkbookGridFast(streamed)).toEqual(await readWorkbookGridExceljs(streamed, 's.xlsx'));
    }
  });

  it('hands anything unusual to exceljs, which names the problem in Chinese', async () => {
    expect(() => readWorkbookGridFast(new TextEncoder().encode('不是表格'))).toThrow(FastGridUnsupported);
    const truncated = filled.subarray(0, Math.floor(filled.length / 2));
    expect(() => readWorkbookGridFast(truncated)).toThrow();
    let error: unknown;
    try {
      await readWorkbookGrid(truncated, '截断.xlsx');
    } catch (e) {
      error = e;
    }
    expect(isLuoshiError(error)).toBe(true);
    expect((error as Error).message).toMatch(/截断\.xlsx/);
  });
});
