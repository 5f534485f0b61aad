/**
 * The Node side of `luoshi report`: read workbooks, config, catalogue and templates from disk, then
 * run the pure core (model → template blocks → docx). Shared by the CLI, the demo, tests and bench.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LuoshiError, isLuoshiError } from '../core/errors.js';
import type { Catalogue } from '../core/model/catalogue.js';
import type { Problem, Submission } from '../core/model/submission.js';
import { loadCatalogue } from './catalogue-file.js';
import { readSubmission } from '../core/workbook/read.js';
import { DEFAULT_REPORT_CONFIG, parseReportConfig, type ReportConfig } from '../core/report/config.js';
import { buildReportModel, type ReportModel } from '../core/report/model.js';
import type { ReportTemplate } from '../core/report/template.js';
import { assembleReport } from '../docx/assemble.js';
import { imprintHeight } from '../docx/imprint.js';
import type { RenderOptions } from '../docx/report.js';
import { MARGIN, PAGE_H } from '../core/report/layout.js';
import type { PdfPage } from '../core/report/pdf-layout.js';
import { findSoffice } from './pdf.js';
import { layOut } from './verify-report.js';
import { makeChartPng } from './chart-png.js';
import { readInput } from './files.js';
import { readWorkbookGrid } from '../xlsx/read-grid.js';

export const DEFAULT_TEMPLATES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../templates/report',
);

export const SINGLE_TEMPLATE = 'single.hbs';
export const MULTI_TEMPLATE = 'multi.hbs';

/** A problem that stops the report, with the file it is in. */
export interface FileProblem extends Problem {
  file: string;
}

export interface LoadedWorkbooks {
  submissions: Submission[];
  /** Errors (severity error) and unreadable files; the report refuses them unless forced. */
  errors: FileProblem[];
  warnings: FileProblem[];
}

export async function loadReportConfig(file: string | undefined): Promise<ReportConfig> {
  if (!file) return DEFAULT_REPORT_CONFIG;
  const bytes = await readInput(file, 1024 * 1024);
  return parseReportConfig(new TextDecoder().decode(bytes), path.basename(file));
}

/** The optional --catalogue of a report. */
export async function loadOptionalCatalogue(file: string | undefined): Promise<Catalogue | undefined> {
  return file ? loadCatalogue(file) : undefined;
}

/** Read every workbook; a file that cannot be read becomes an error of its own and the rest go on. */
export async function loadWorkbooks(
  files: string[],
  catalogue?: Catalogue,
  onFile?: (file: string) => void,
): Promise<LoadedWorkbooks> {
  const out: LoadedWorkbooks = { submissions: [], errors: [], warnings: [] };
  for (const file of files) {
    const source = path.basename(file);
    try {
      const bytes = await readInput(file);
      const grid = await readWorkbookGrid(bytes, source);
      const sub = readSubmission(grid, { source, catalogue });
      out.submissions.push(sub);
      for (const p of sub.problems)
        (p.severity === 'error' ? out.errors : out.warnings).push({ ...p, file: source });
    } catch (e) {
      if (!isLuoshiError(e)) throw e;
      out.errors.push({
        severity: 'error',
        sheet: e.where.sheet ?? null,
        cell: e.where.cell ?? null,
        targetId: null,
        message: e.message,
        code: e.code,
        file: source,
      });
    }
    onFile?.(file);
  }
  return out;
}

/** "长春市.xlsx 工作表“指标” K12：…" */
export function describeProblem(p: FileProblem): string {
  // The reader's messages already start with sheet and cell ("指标!K12：…"); add them only when missing.
  const named = (p.sheet && p.message.includes(p.sheet)) || (p.cell && p.message.includes(p.cell));
  const where = named ? '' : [p.sheet ? `工作表“${p.sheet}”` : '', p.cell ?? ''].filter(Boolean).join(' ');
  return `${p.file}${where ? ` ${where}` : ''}：${p.message}`;
}

export async function loadTemplate(dir: string, name: string): Promise<ReportTemplate> {
  const file = path.join(dir, name);
  try {
    const text = await fs.readFile(file, 'utf8');
    return { name: path.relative(process.cwd(), file) || name, text };
  } catch {
    throw new LuoshiError(
      'template-missing',
      `找不到报告模板 ${file}（模板文件夹中应有 ${SINGLE_TEMPLATE} 和 ${MULTI_TEMPLATE}）`,
      { file },
    );
  }
}

export interface BuildReportOptions {
  config: ReportConfig;
  catalogue?: Catalogue;
  templatesDir?: string;
  /** ISO date the report is generated, the default 成文日期; defaults to today on this machine's clock. */
  today?: string;
  /** SVG → PNG; defaults to resvg with a CJK font found on this machine (looked up only if a chart is drawn). */
  chartPng?: (svg: string, width: number, height: number) => Promise<Uint8Array>;
  /**
   * Lay the report out with LibreOffice (when installed) and, if the 版记 would fall on an odd page, add
   * a blank page before it (GB/T 9704 7.4.1). Costs one or two LibreOffice runs; the PDF is returned.
   */
  fitLayout?: boolean;
  /** Offices that should have reported (the roster), so the report names those that did not. */
  expectedOffices?: string[];
}

/** The 版心's bottom edge, in points from the paper's top; a text line's box ends this far above its line's foot. */
const BOX_BOTTOM_PT = (PAGE_H - MARGIN.bottom) / 20;
const LINE_FOOT_PT = 6;

/**
 * Where the 版记 goes (GB/T 9704 7.4.1, 7.5), from the first layout, where it has a page of its own:
 * after text ending on an odd page, that page of its own is the next, even one (as laid out); after
 * text ending on an even page, the foot of that page when the 版记 fits there, else a blank page and then
 * the 版记 page, both unnumbered.
 */
function imprintPlace(
  pages: PdfPage[],
  model: ReportModel,
): Pick<RenderOptions, 'blankBeforeImprint' | 'imprintRoom'> | null {
  const inBox = (p: PdfPage) => p.lines.filter((l) => l.y0 < BOX_BOTTOM_PT - 3);
  // The last page holds the 版记; the text ends on the last page before it with anything in the 版心.
  let last = pages.length - 2;
  while (last >= 0 && inBox(pages[last]).length === 0) last--;
  if (last < 0) return null;
  const number = last + 1;
  if (number % 2 === 1) return null;
  // A turned table page has no room for the upright 版记.
  if (pages[last].width > pages[last].height) return { blankBeforeImprint: true };
  const bottom = Math.max(...inBox(pages[last]).map((l) => l.y1)) + LINE_FOOT_PT;
  const room = Math.floor((BOX_BOTTOM_PT - bottom) * 20);
  return room >= imprintHeight(model) ? { imprintRoom: room } : { blankBeforeImprint: true };
}

/** Today's date on this machine's clock, as ISO "YYYY-MM-DD" (local time: the day the writer sees). */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Submissions → .docx bytes, with the template chosen by the number of offices. */
export async function buildReport(
  submissions: Submission[],
  options: BuildReportOptions,
): Promise<{ model: ReportModel; docx: Uint8Array; pdf?: Uint8Array }> {
  const model = buildReportModel(submissions, {
    config: options.config,
    catalogue: options.catalogue,
    today: options.today ?? localToday(),
    expectedOffices: options.expectedOffices,
  });
  const tpl = await loadTemplate(
    options.templatesDir ?? DEFAULT_TEMPLATES_DIR,
    model.kind === 'multi' ? MULTI_TEMPLATE : SINGLE_TEMPLATE,
  );
  let png = options.chartPng;
  const chartPng = async (svg: string, w: number, h: number) => {
    png ??= makeChartPng();
    return png(svg, w, h);
  };
  const { docx } = await assembleReport(model, tpl, chartPng);
  if (!options.fitLayout || !model.config.colophon || !findSoffice()) return { model, docx };
  const first = await layOut(docx);
  const place = imprintPlace(first.pages, model);
  if (!place) return { model, docx, pdf: first.pdf };
  const again = await assembleReport(model, tpl, chartPng, place);
  const laid = await layOut(again.docx);
  if (place.imprintRoom === undefined || laid.pages.length % 2 === 0)
    return { model, docx: again.docx, pdf: laid.pdf };
  // The 版记 did not stay on the page measured for it: a blank page and a page of its own instead.
  const blank = await assembleReport(model, tpl, chartPng, { blankBeforeImprint: true });
  return { model, docx: blank.docx, pdf: (await layOut(blank.docx)).pdf };
}
