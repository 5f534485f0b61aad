/**
 * Consolidation and reports of a round, over the submissions the round counts (each office's latest
 * not returned). Every figure comes from the core (createConsolidator, buildReport): nothing is
 * recomputed here.
 */
import type { Submission } from '../../core/model/submission.js';
import { createConsolidator, type ConsolidationResult } from '../../core/review/consolidate.js';
import { consolidationJson } from '../../host/json-output.js';
import { userOf, DOCX_TYPE, FileBody, XLSX_TYPE, type Call, type Handler } from '../context.js';
import { roundReportConfig } from './report-config.js';
import type { Sql } from '../db/db.js';
import { conflict, notFound } from '../errors.js';
import {
  countedSubmissionIds,
  parsedSubmission,
  PARSED_COLUMNS,
  visibleRound,
  type ParsedColumns,
  type RoundRow,
} from '../store.js';

/** The counted submissions of a round, parsed, in office order. */
export async function countedSubmissions(db: Sql, roundId: number): Promise<Submission[]> {
  const ids = await countedSubmissionIds(db, roundId);
  if (ids.length === 0) return [];
  const rows = await db.query<ParsedColumns>(
    `SELECT ${PARSED_COLUMNS} FROM submissions WHERE id = ANY($1::int[]) ORDER BY office`,
    [ids],
  );
  // Counted submissions are all readable ones (有错误 is never counted).
  return rows.map((r) => parsedSubmission(r) as Submission);
}

export async function consolidateRound(db: Sql, round: RoundRow): Promise<ConsolidationResult> {
  const consolidator = createConsolidator({ roster: round.roster.map((o) => o.office) });
  for (const s of await countedSubmissions(db, round.id)) consolidator.add(s);
  return consolidator.finish();
}

export const consolidation: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const result = await consolidateRound(call.ctx.db, round);
  if (call.query.format === 'xlsx') {
    // Loaded on first use (exceljs, docx…): a server that is not writing files keeps a heap half the
    // size, which every full garbage collection walks while offices upload.
    const { writeConsolidationWorkbook } = await import('../../xlsx/review-workbooks.js');
    return new FileBody(await writeConsolidationWorkbook(result), `汇总-${round.name}.xlsx`, XLSX_TYPE);
  }
  return {
    ...(consolidationJson(result) as Record<string, unknown>),
    targets: result.targets,
    actual: result.actual,
    rate: result.rate,
  };
};

/** The report's .docx (?office= for that office's 单位报告) with the round's report settings. */
export async function roundReportDocx(call: Call, round: RoundRow): Promise<Uint8Array> {
  let subs = await countedSubmissions(call.ctx.db, round.id);
  const office = call.query.office;
  if (office !== undefined) {
    if (!round.roster.some((o) => o.office === office)) throw notFound(`本轮名单中的单位“${office}”`);
    subs = subs.filter((s) => s.office.trim() === office);
    if (subs.length === 0)
      throw conflict(`${office} 本轮还没有有效的报送，无法生成单位报告`, 'nothing-submitted');
  }
  if (subs.length === 0) throw conflict('本轮还没有有效的报送，无法生成报告', 'nothing-submitted');
  const catalogue = await call.ctx.catalogue(round.catalogue_id);
  const config = await roundReportConfig(call.ctx.db, round.id);
  const { buildReport } = await import('../../host/report.js');
  return (await buildReport(subs, { config, catalogue })).docx;
}

export const roundReport: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const docx = await roundReportDocx(call, round);
  const office = call.query.office;
  const name = office !== undefined ? `报告-${office}-${round.period}.docx` : `汇总报告-${round.name}.docx`;
  return new FileBody(docx, name, DOCX_TYPE);
};
