/**
 * Every produced workbook printed through LibreOffice (soffice --convert-to pdf, one call for all files,
 * a private profile): each page's body text is measured from the PDF (a CJK glyph is one em wide, so a
 * word's width over its length is the printed font size). The sheets a clerk or reviewer reads on paper
 * print at ≥ 80 % of their 10 pt, every page says whose return, which period and which sheet it is, and
 * is numbered 第 N 页 共 M 页. The first page of every sheet is kept as a PNG in test-artifacts/workbooks/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { seedCatalogue } from './helpers/seeds.js';
import { producedWorkbooks } from './helpers/produced-workbooks.js';
import ExcelJS from 'exceljs';
import {
  footerWords,
  headerWords,
  pageSheet,
  pdfPages,
  printedFontSize,
  type PdfPage,
} from './helpers/print.js';
import { tmpDir } from './helpers/workbooks.js';

const run = promisify(execFile);
const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts/workbooks');
/** The body font size every workbook declares (DEFAULT_FONT), and the least scale a printout may use. */
const BODY_PT = 10;
const MIN_SCALE = 0.8;

interface PrintedSheet {
  file: string;
  sheet: string;
  pages: PdfPage[];
  firstPage: number;
  pdf: string;
}

const printed: PrintedSheet[] = [];
/** Rows LibreOffice needs taller than stored, per file and sheet: [row, stored pt, needed pt]. */
let clipped: Record<string, Record<string, [number, number, number][]>> = {};

/** A control: one wrapped cell in a row fixed at one line, which LibreOffice must report as clipped. */
async function clippedControl(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对照');
  ws.getColumn(1).width = 10;
  ws.getCell('A1').value = '这一段文字需要五行才能显示完整，但这一行只有一行高。';
  ws.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).height = 15;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  const dir = tmpDir('print');
  const files = (await producedWorkbooks(seedCatalogue())).map((p) => {
    const file = path.join(dir, p.file);
    writeFileSync(file, p.bytes);
    return file;
  });
  const control = path.join(dir, 'clipped-control.xlsx');
  await clippedControl(control);
  // One soffice session prints every file to PDF and measures each row's needed height (helpers/lo-print.py).
  const pdfDir = path.join(dir, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  const { stdout } = await run(
    '/usr/bin/python3',
    [
      path.join(import.meta.dirname, 'helpers/lo-print.py'),
      path.join(dir, 'profile'),
      pdfDir,
      ...files,
      control,
    ],
    { timeout: 540_000, maxBuffer: 16 * 1024 * 1024 },
  );
  clipped = JSON.parse(stdout) as typeof clipped;
  const pdfs = files.map((f) => path.join(pdfDir, `${path.basename(f, '.xlsx')}.pdf`));
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const pdf of pdfs) {
    const pages = await pdfPages(pdf);
    pages.forEach((page, i) => {
      const sheet = pageSheet(page) ?? '（无页眉）';
      const file = path.basename(pdf, '.pdf');
      const last = printed[printed.length - 1];
      if (last && last.file === file && last.sheet === sheet) last.pages.push(page);
      else printed.push({ file, sheet, pages: [page], firstPage: i + 1, pdf });
    });
  }
  // The first printed page of every sheet, for people to look at (pdftoppm, 60 dpi).
  await Promise.all(
    printed.map((p) =>
      run('pdftoppm', [
        '-f',
        String(p.firstPage),
        '-l',
        String(p.firstPage),
        '-r',
        '60',
        '-png',
        '-singlefile',
        p.pdf,
        path.join(ARTIFACTS, `${p.file}-${p.sheet}`),
      ]),
    ),
  );
}, 600_000);

/** The smallest printed body size over a sheet's pages (points). */
function smallest(p: PrintedSheet): number {
  return Math.min(...p.pages.map((page) => printedFontSize(page) ?? Infinity));
}

describe('printed through LibreOffice', () => {
  it('prints every sheet of every workbook with a page header naming the sheet', () => {
    const files = new Set(printed.map((p) => p.file));
    expect([...files].sort()).toEqual(
      [
        'catalogue-review',
        'compare',
        'consolidation',
        'entry-blank',
        'entry-filled',
        'entry-upgraded',
      ].sort(),
    );
    const sheets = (file: string) => printed.filter((p) => p.file === file).map((p) => p.sheet);
    expect(sheets('entry-blank')).toEqual(['填报说明', '指标', '任务']);
    expect(sheets('entry-upgraded')).toEqual(['填报说明', '指标', '任务', '已移除指标']);
    expect(sheets('catalogue-review')).toEqual(['目录审核', '说明']);
    expect(sheets('compare')).toEqual(['变更清单', '指标（新版）', '任务（新版）', '说明']);
    expect(sheets('consolidation')).toContain('汇总');
    const summary = printed.map(
      (p) => `${p.file} ${p.sheet}: ${p.pages.length} 页, ${smallest(p).toFixed(1)} pt`,
    );
    console.log(summary.join('\n'));
  });

  it('prints every sheet at ≥ 80 % (body text ≥ 8 pt on A4)', () => {
    for (const p of printed) {
      const size = smallest(p);
      if (size === Infinity) continue; // a page without CJK words (none expected) says nothing
      expect(size / BODY_PT, `${p.file} ${p.sheet}`).toBeGreaterThanOrEqual(MIN_SCALE);
    }
  });

  it('cuts off no text: every row is as tall as LibreOffice needs for its wrapped text', () => {
    // the control proves the measurement sees a clipped row
    expect(clipped['clipped-control.xlsx']?.['对照']?.map((r) => r[0])).toEqual([1]);
    for (const [file, sheets] of Object.entries(clipped)) {
      if (file === 'clipped-control.xlsx') continue;
      for (const [sheet, rows] of Object.entries(sheets)) expect(rows, `${file} ${sheet}`).toEqual([]);
    }
    expect(Object.keys(clipped).length).toBe(7);
  });

  it('heads every page with office and period and numbers it 第 N 页 共 M 页', () => {
    for (const p of printed.filter((x) => x.file.startsWith('entry'))) {
      for (const page of p.pages) {
        const head = headerWords(page)
          .map((w) => w.text)
          .join(' ');
        expect(head, `${p.file} ${p.sheet}`).toContain('长春市');
        expect(head, `${p.file} ${p.sheet}`).toContain('2025年度');
      }
    }
    for (const p of printed) {
      const total = p.pages.length;
      for (const page of p.pages) {
        const foot = footerWords(page)
          .map((w) => w.text)
          .join('');
        expect(foot, `${p.file} ${p.sheet}`).toMatch(/^第\d+页共\d+页$/);
      }
      expect(total).toBeGreaterThan(0);
    }
  });
});
