/**
 * Report assembly, the one path from a ReportModel and a template to .docx bytes, used by the CLI
 * (src/host/report.ts) and the add-in (src/addin/report-action.ts) alike.
 */
import type { Block } from '../core/report/blocks.js';
import { renderReportDocx, type RenderOptions } from './report.js';
import type { ReportModel } from '../core/report/model.js';
import { renderReportBlocks, type ReportTemplate } from '../core/report/template.js';

export type ChartPng = (svg: string, width: number, height: number) => Promise<Uint8Array>;

export interface AssembledReport {
  docx: Uint8Array;
  blocks: Block[];
  /** Chinese notes for the user (e.g. the chart left out). */
  notes: string[];
}

/** Template → blocks → .docx; without a chart renderer the chart is left out and a note says so. */
export async function assembleReport(
  model: ReportModel,
  template: ReportTemplate,
  chartPng: ChartPng | null,
  layout: Pick<RenderOptions, 'blankBeforeImprint' | 'imprintRoom'> = {},
): Promise<AssembledReport> {
  let blocks = renderReportBlocks(model, template);
  const notes: string[] = [];
  if (!chartPng && blocks.some((b) => b.kind === 'chart')) {
    blocks = blocks.filter((b) => b.kind !== 'chart');
    notes.push('当前环境无法绘制图表，报告中略去了完成率图，其余内容完整。');
  }
  const docx = await renderReportDocx(model, blocks, { ...layout, ...(chartPng ? { chartPng } : {}) });
  return { docx, blocks, notes };
}
