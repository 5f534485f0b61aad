/**
 * Workbooks go through other programs: a workbook filled and re-saved by LibreOffice Calc must read
 * back with the same entries. Runs the real `soffice --headless --convert-to xlsx`.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import JSZip from 'jszip';
import { seedCatalogue } from './helpers/seeds.js';
import { asFill, fillWorkbook } from './helpers/fill.js';
import { generate, readBack, tmpDir } from './helpers/workbooks.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { sampleEntries, sampleTaskEntries } from '../src/core/workbook/sample.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { TARGET_COLUMNS } from '../src/core/workbook/layout.js';

const run = promisify(execFile);

async function resaveWithLibreOffice(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const dir = tmpDir('lo');
  const src = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  await run('mkdir', ['-p', src, outDir]);
  await writeFile(path.join(src, name), bytes);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      path.join(src, name),
    ],
    { timeout: 120_000 },
  );
  return new Uint8Array(await readFile(path.join(outDir, name)));
}

let catalogue: Catalogue;

beforeAll(() => {
  catalogue = seedCatalogue();
});

describe('LibreOffice Calc round trip', () => {
  it('a workbook filled and re-saved by LibreOffice reads back with the same entries', async () => {
    const entries = sampleEntries(catalogue, '吉林市', '2025年度', 11);
    const tasks = sampleTaskEntries(catalogue, '吉林市', '2025年度', 11);
    const filled = await fillWorkbook(
      await generate(catalogue, { office: '吉林市' }),
      entries.map(asFill),
      tasks,
    );
    const before = await readBack(filled, catalogue, '吉林市.xlsx');
    const resaved = await resaveWithLibreOffice(filled, '吉林市.xlsx');
    expect(Buffer.from(resaved).equals(Buffer.from(filled))).toBe(false);
    const after = await readBack(resaved, catalogue, '吉林市.xlsx');
    expect(after.office).toBe('吉林市');
    expect(after.catalogueVersion).toBe(catalogue.version);
    expect(after.entries).toEqual(entries);
    expect(after.taskEntries).toEqual(tasks);
    expect(after.rows).toEqual(before.rows);
    // no new problems: fingerprints of locked cells survive LibreOffice's rewrite
    expect(after.problems.map((p) => p.message)).toEqual(before.problems.map((p) => p.message));

    // LibreOffice evaluated 完成率 and kept the formula
    const grid = await readWorkbookGrid(resaved, '吉林市.xlsx');
    const sheet = grid.sheets.find((s) => s.name === '指标')!;
    const withRate = entries.findIndex((e) => {
      const t = catalogue.targets.find((x) => x.id === e.targetId)!;
      return e.actual !== null && t.comparator === '>=' && (t.value ?? 0) > 0;
    });
    expect(withRate).toBeGreaterThanOrEqual(0);
    const e = entries[withRate];
    const t = catalogue.targets.find((x) => x.id === e.targetId)!;
    const col = (key: string) => TARGET_COLUMNS.findIndex((c) => c.key === key);
    const row = sheet.rows.find((r) => r[col('targetId')] === e.targetId)!;
    expect(row[col('rate')]).toBeCloseTo(e.actual! / t.value!, 9);
    const zip = await JSZip.loadAsync(resaved);
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(/<f[^>]*>IF\(ISNUMBER\([A-Z]+\d+\),[A-Z]+\d+\/[\d.]+,&quot;&quot;\)<\/f>/.test(xml)).toBe(true);
    // what the office can still do in LibreOffice: protection and validation are kept
    expect(xml.includes('<sheetProtection')).toBe(true);
    expect(xml.includes('type="custom"')).toBe(true);
    expect(xml.includes('type="list"')).toBe(true);
  });
});
