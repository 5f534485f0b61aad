/**
 * 生成报告 in the pane: the open workbook's Submission → ReportModel → template blocks → .docx
 * bytes, with the same core as `luoshi report`. The template arrives already prepared (the pane
 * uses build-time precompiled handlebars, since its CSP forbids compiling code at run time), and
 * chart rasterising is injected (canvas in the browser).
 */
import type { Catalogue } from '../core/model/catalogue.js';
import type { Submission } from '../core/model/submission.js';
import { LuoshiError } from '../core/errors.js';
import { buildReportModel } from '../core/report/model.js';
import { DEFAULT_REPORT_CONFIG } from '../core/report/config.js';
import { assembleReport, type ChartPng } from '../docx/assemble.js';
import { refuseUnreadable } from '../core/workbook/unreadable.js';

/** A report template ready to apply: source (for messages) and a render function. */
export interface PreparedTemplate {
  name: string;
  text: string;
  render(view: Record<string, unknown>): string;
}

export type { ChartPng };

export interface ReportResult {
  bytes: Uint8Array;
  fileName: string;
  /** Chinese notes (e.g. the chart left out). */
  notes: string[];
}

/** Characters Windows refuses in file names. */
function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '落实情况报告';
}

export async function buildReport(
  submission: Submission,
  catalogue: Catalogue | null,
  template: PreparedTemplate,
  chartPng: ChartPng | null,
): Promise<ReportResult> {
  refuseUnreadable([submission]);
  if (submission.rows.length === 0)
    throw new LuoshiError('no-targets', '当前工作簿没有指标，请先点击“拉取指标”并填报后再生成报告');
  const model = buildReportModel([submission], {
    config: { ...DEFAULT_REPORT_CONFIG, issuer: submission.office || null },
    catalogue: catalogue ?? undefined,
    // The add-in's 成文日期 is the day the report is generated (the user's clock).
    today: new Date().toLocaleDateString('sv-SE'),
  });
  const { docx: bytes, notes } = await assembleReport(model, template, chartPng);
  return {
    bytes,
    fileName: `${safeFileName(`${submission.office}${submission.period}落实情况报告`)}.docx`,
    notes,
  };
}
