/**
 * Helpers for workbook tests: generate an office workbook from the seeds' catalogue, read a workbook
 * back, and edit a workbook with exceljs the way a careless office would (beyond entry cells).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Catalogue, Target } from '../../src/core/model/catalogue.js';
import type { Submission } from '../../src/core/model/submission.js';
import { planWorkbook, type PlanOptions } from '../../src/core/workbook/plan.js';
import { readSubmission } from '../../src/core/workbook/read.js';
import { writeWorkbookPlan } from '../../src/xlsx/write-workbook.js';
import { readWorkbookGrid } from '../../src/xlsx/read-grid.js';

export const GENERATED_AT = '2026-01-05T08:00:00.000Z';

export async function generate(catalogue: Catalogue, options: Partial<PlanOptions> = {}): Promise<Uint8Array> {
  return writeWorkbookPlan(
    planWorkbook(catalogue, { office: '长春市', period: '2025年度', generatedAt: GENERATED_AT, ...options }),
  );
}

export async function readBack(bytes: Uint8Array, catalogue?: Catalogue, source = '长春市.xlsx'): Promise<Submission> {
  const grid = await readWorkbookGrid(bytes, source);
  return readSubmission(grid, catalogue ? { source, catalogue } : { source });
}

/** Open with exceljs, let `edit` change anything, save. */
export async function editWorkbook(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  await edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** 1-based row of a target / task id in a sheet (column B holds the id in generated workbooks). */
export function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === id) return r;
  throw new Error(`${id} not in ${ws.name}`);
}

export function tmpDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `luoshi-${prefix}-`));
}

/** The first target matching `pred` (tests pick targets by kind, never by a hard-coded id). */
export function pick(catalogue: Catalogue, pred: (t: Target) => boolean, what: string): Target {
  const t = catalogue.targets.find(pred);
  if (!t) throw new Error(`the seeds' catalogue has no ${what}`);
  return t;
}
