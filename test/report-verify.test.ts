/**
 * The project's own GB/T 9704 verifier (`luoshi report --verify`) on a real report of the seeds laid
 * out by LibreOffice, with faults put into its .docx. Each rule on hand-made pages (fast, no
 * LibreOffice): test/report-verify-pages.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { verifyDocx } from '../src/core/report/verify-docx.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';
import { docxPartsOf, verifyReport } from '../src/host/verify-report.js';
import { buildReport } from '../src/host/report.js';
import { parseReportConfig } from '../src/core/report/config.js';
import { seedCatalogue } from './helpers/seeds.js';
import { filledWorkbook, readBack } from './helpers/report-fixtures.js';

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

describe('a real report laid out by LibreOffice', () => {
  let dir: string;
  let docx: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-verify-'));
    const catalogue = seedCatalogue();
    const file = path.join(dir, '长春市.xlsx');
    writeFileSync(file, await filledWorkbook(catalogue, '长春市', 1));
    const sub = await readBack(file, catalogue);
    const config = parseReportConfig(
      JSON.stringify({
        发文机关: '长春市人民政府',
        主送机关: '省人民政府',
        成文日期: '2025-10-09',
        文号: '长府报〔2025〕7号',
        签发人: '李明',
        版头: { 份号: 12, 紧急程度: '加急' },
      }),
    );
    docx = (await buildReport([sub], { config, catalogue })).docx;
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('measures as many pages as poppler counts and runs every rule', async () => {
    const r = await verifyReport(docx, { file: 'report.docx' });
    const pdfFile = path.join(dir, 'r.docx');
    writeFileSync(pdfFile, docx);
    const ids = r.checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'docx.page',
        'docx.grid',
        'docx.fonts',
        'render.lines',
        'render.chars',
        'render.margins',
        'render.page-numbers',
        'render.signature-page',
        'render.imprint',
        'render.text-kept',
        'render.masthead',
      ]),
    );
    // The 版头 asked for in report.json is there and in place (GB/T 9704 7.2).
    expect(byId(r.checks, 'render.masthead').problems).toEqual([]);
    expect(byId(r.checks, 'render.masthead').summary).toMatch(/标志上边缘距版心上边缘3[45]\.\d毫米/);
    const text = strFromU8(unzipSync(docx)['word/document.xml']);
    expect(text).toContain('长春市人民政府文件');
    expect(text).toContain('000012');
    const conv = spawnSync('soffice', [
      '--headless',
      `-env:UserInstallation=file://${dir}/p`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      pdfFile,
    ]);
    expect(conv.status).toBe(0);
    const info = spawnSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout;
    expect(r.pages).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
  }, 200_000);

  it('finds faults put into the .docx: margins, grid, font table', () => {
    const files = unzipSync(docx);
    const doc = strFromU8(files['word/document.xml'])
      .replace(
        /<w:pgMar [^>]*\/>/g,
        '<w:pgMar w:top="1440" w:bottom="1440" w:left="1800" w:right="1800" w:header="851" w:footer="992" w:gutter="0"/>',
      )
      .replace(/<w:docGrid [^>]*\/>/g, '');
    files['word/document.xml'] = strToU8(doc);
    files['word/fontTable.xml'] = strToU8(
      '<?xml version="1.0"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    );
    const parts = docxPartsOf(zipSync(files));
    const checks = verifyDocx(parts);
    expect(byId(checks, 'docx.page').problems.join()).toContain('页边距应为上37、下35、左28、右26毫米');
    expect(byId(checks, 'docx.grid').problems.join()).toContain('没有文档网格');
    expect(byId(checks, 'docx.fonts').problems.join()).toMatch(/字体表.*没有“仿宋/);
  });
});
