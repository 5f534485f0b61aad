/**
 * The fast bulk reader (src/xlsx/fast-grid.ts) must give exactly the grid exceljs gives (readWorkbookGrid),
 * for workbooks written by exceljs and re-saved by LibreOffice Calc, or consolidation would read other
 * figures than `luoshi check` does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { gridFromBytes } from '../src/host/read-submission.js';
import { FastGridUnsupported, readWorkbookGridFast } from '../src/xlsx/fast-grid.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
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
    const slow = await readWorkbookGrid(filled, 'a.xlsx');
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
    const slow = await readWorkbookGrid(resaved, 'lo.xlsx');
    expect(readWorkbookGridFast(resaved)).toEqual(slow);
    const a = readSubmission(readWorkbookGridFast(resaved), { source: 'lo.xlsx' });
    const b = readSubmission(slow, { source: 'lo.xlsx' });
    expect(a).toEqual(b);
    expect(a.entries.some((e) => e.actual !== null)).toBe(true);
  });

  it('hands anything unusual to exceljs, which names the problem in Chinese', async () => {
    expect(() => readWorkbookGridFast(new TextEncoder().encode('不是表格'))).toThrow(FastGridUnsupported);
    const truncated = filled.subarray(0, Math.floor(filled.length / 2));
    expect(() => readWorkbookGridFast(truncated)).toThrow();
    let error: unknown;
    try {
      await gridFromBytes(truncated, '截断.xlsx');
    } catch (e) {
      error = e;
    }
    expect(isLuoshiError(error)).toBe(true);
    expect((error as Error).message).toMatch(/截断\.xlsx/);
  });
});
