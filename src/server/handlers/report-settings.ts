/**
 * A round's report settings (report.json's fields: 发文机关, 主送机关, 署名, 文号, 签发人, 成文日期, 版记 …)
 * stored with the round and checked by the report core's own reader (parseReportConfig), so a setting the
 * .docx cannot use is refused with its Chinese message; and the report's pages as images for the
 * preview (LibreOffice → PDF → pdftoppm → PNG), cached per report version.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { parseReportConfig } from '../../core/report/config.js';
import { docxToPdf, findSoffice, NO_LIBREOFFICE } from '../../host/pdf.js';
import { findPdftoppm, NO_POPPLER, pdfPagesAsPng } from '../../host/page-images.js';
import type * as W from '../api/web-schemas.js';
import { FileBody, userOf, type Call, type Handler } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { countedSubmissionIds, visibleRound, type RoundRow } from '../store.js';
import { roundReportDocx } from './reports.js';
import { SETTINGS_NAME, storedSettings } from './report-config.js';

export const getReportSettings: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  return { settings: await storedSettings(call.ctx.db, round.id) };
};

export const putReportSettings: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const { settings } = call.body as z.infer<typeof W.ReportSettingsBody>;
  // The report core's reader decides (unknown fields, dates, 文号 …); its LuoshiError answers 422.
  parseReportConfig(JSON.stringify(settings), SETTINGS_NAME);
  await call.ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE rounds SET report_settings = $1 WHERE id = $2', [
      JSON.stringify(settings),
      round.id,
    ]);
    await call.ctx.audit(
      {
        userId: userOf(call).id,
        action: 'report-settings',
        object: `round:${round.id}`,
        detail: { settings },
        remoteAddr: call.req.ip,
      },
      tx,
    );
  });
  return { settings };
};

interface Rendered {
  pdf: Uint8Array;
  pages: Uint8Array[];
}

/** Rendered reports by version (newest last); a handful is enough for the pages people look at. */
const rendered = new Map<string, Promise<Rendered>>();
const KEEP_RENDERED = 8;

/**
 * The report's version: what it is made from (the counted submissions, the catalogue, the settings, the
 * office and the day, which is the default 成文日期), so a cached rendering is reused until one changes.
 */
async function reportVersion(call: Call, round: RoundRow): Promise<string> {
  const ids = await countedSubmissionIds(call.ctx.db, round.id);
  const settings = await storedSettings(call.ctx.db, round.id);
  const day = new Date().toISOString().slice(0, 10);
  const key = JSON.stringify([round.id, round.catalogue_id, ids, settings, call.query.office ?? null, day]);
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

/** Why the server cannot render pages, in Chinese; null when it can. */
function renderingUnavailable(): string | null {
  if (!findSoffice()) return NO_LIBREOFFICE;
  if (!findPdftoppm()) return NO_POPPLER;
  return null;
}

async function renderReport(call: Call, round: RoundRow): Promise<{ version: string; report: Rendered }> {
  const version = await reportVersion(call, round);
  let job = rendered.get(version);
  if (!job) {
    const docx = await roundReportDocx(call, round);
    job = docxToPdf(docx).then(async (pdf) => ({ pdf, pages: await pdfPagesAsPng(pdf) }));
    job.catch(() => rendered.delete(version));
    rendered.set(version, job);
    while (rendered.size > KEEP_RENDERED) rendered.delete(rendered.keys().next().value!);
  }
  return { version, report: await job };
}

export const reportPreview: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const reason = renderingUnavailable();
  if (reason) {
    await roundReportDocx(call, round); // still says plainly when there is nothing to report
    return { available: false, reason, version: null, pages: 0 };
  }
  const { version, report } = await renderReport(call, round);
  return { available: true, reason: null, version, pages: report.pages.length };
};

export const reportPreviewPage: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const reason = renderingUnavailable();
  if (reason) throw conflict(reason, 'no-renderer');
  const { report } = await renderReport(call, round);
  const page = report.pages[call.ids.page - 1];
  if (!page) throw notFound(`报告第 ${call.ids.page} 页`);
  return new FileBody(page, `报告-第${call.ids.page}页.png`, 'image/png');
};

export const reportPdf: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  if (!findSoffice()) throw conflict(NO_LIBREOFFICE, 'no-libreoffice');
  const office = call.query.office;
  const pdf = findPdftoppm()
    ? (await renderReport(call, round)).report.pdf
    : await docxToPdf(await roundReportDocx(call, round));
  const name = office !== undefined ? `报告-${office}-${round.period}.pdf` : `汇总报告-${round.name}.pdf`;
  return new FileBody(pdf, name, 'application/pdf');
};
