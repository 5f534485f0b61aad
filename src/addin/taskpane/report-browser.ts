/**
 * 生成报告 in the browser (loaded on first use: docx, echarts and handlebars are large).
 * Templates come precompiled at build time (scripts/build-addin-data.ts) and run on the report
 * core's handlebars instance, so the pane never compiles code at run time.
 */
// docx encodes its XML with TextEncoder, which IE11 (Office 2016/2019 volume licence) lacks and
// core-js does not provide.
import 'fast-text-encoding';
import templates from 'luoshi-report-templates';
import type { Catalogue } from '../../core/model/catalogue.js';
import type { Submission } from '../../core/model/submission.js';
import { reportHandlebars } from '../../core/report/template.js';
import { buildReport, type PreparedTemplate, type ReportResult } from '../report-action.js';
import type { DownloadMethod } from '../report-delivery.js';
import { canRasteriseSvg, chartPngCanvas, downloadBytes } from '../browser/io.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function prepared(name: string): PreparedTemplate {
  const t = templates[name];
  if (!t) throw new Error(`报告模板 ${name} 未打包`);
  // The spec is handlebars' own precompiler output (a build artefact), typed loosely at the module boundary.
  const run = reportHandlebars.template(t.spec as Parameters<typeof reportHandlebars.template>[0]);
  return { name: t.name, text: t.text, render: (view) => run(view) };
}

export async function buildReportInBrowser(
  sub: Submission,
  catalogue: Catalogue | null,
): Promise<ReportResult & { method: DownloadMethod }> {
  const result = await buildReport(
    sub,
    catalogue,
    prepared('single.hbs'),
    canRasteriseSvg() ? chartPngCanvas : null,
  );
  const method = downloadBytes(result.bytes, result.fileName, DOCX_MIME);
  return { ...result, method };
}
