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

/** The last page's printed number differs from the page count when LibreOffice left out a blank page. */
function imprintNeedsBlankPage(pages: PdfPage[]): boolean {
  const last = pages[pages.length - 1];
  const number = last?.lines.map((l) => /^—\s*(\d+)\s*—$/.exec(l.text.trim())).find((m) => m);
  return pages.length % 2 === 1 || (number !== undefined && Number(number?.[1]) !== pages.length);
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
  if (!imprintNeedsBlankPage(first.pages)) return { model, docx, pdf: first.pdf };
  const again = await assembleReport(model, tpl, chartPng, { blankBeforeImprint: true });
  return { model, docx: again.docx, pdf: (await layOut(again.docx)).pdf };
}
