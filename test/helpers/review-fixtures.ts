/**
 * Filled office workbooks for the review tests: generated from the seeds' catalogue by the real plan
 * builder and writer, then typed into (entry cells only, via exceljs) as an office would.
 */
import ExcelJS from 'exceljs';
import type { Catalogue } from '../../src/core/model/catalogue.js';
import type { Entry, Submission, TaskEntry } from '../../src/core/model/submission.js';
import { planWorkbook } from '../../src/core/workbook/plan.js';
import { readSubmission } from '../../src/core/workbook/read.js';
import { readWorkbookGrid } from '../../src/xlsx/read-grid.js';
import { writeWorkbookPlan } from '../../src/xlsx/write-workbook.js';
import type { FillEntry } from './fill.js';
import { filledWorkbook as filledWith } from './workbooks.js';

export const PERIOD = '2025年度';
export const GENERATED_AT = '2026-01-05T08:00:00.000Z';

/** An empty workbook for `office`, as generated and sent out. */
export async function blankWorkbook(
  cat: Catalogue,
  office: string,
  generatedAt = GENERATED_AT,
): Promise<Uint8Array> {
  return writeWorkbookPlan(planWorkbook(cat, { office, period: PERIOD, generatedAt }));
}

/** The office's sample figures (deterministic per office) and the workbook filled with them. */
export async function filledWorkbook(
  cat: Catalogue,
  office: string,
  options: {
    generatedAt?: string;
    entries?: Entry[];
    taskEntries?: TaskEntry[];
    tweak?: (e: FillEntry[]) => FillEntry[];
  } = {},
): Promise<{ bytes: Uint8Array; entries: Entry[]; taskEntries: TaskEntry[] }> {
  return filledWith(cat, office, { ...options, period: PERIOD });
}

export async function read(bytes: Uint8Array, source: string): Promise<Submission> {
  return readSubmission(await readWorkbookGrid(bytes, source), { source });
}

/** Overwrite one locked catalogue cell of the 指标 sheet (as an office that unprotected the sheet would). */
export async function editLockedCell(
  bytes: Uint8Array,
  targetId: string,
  header: string,
  value: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('指标');
  if (!ws) throw new Error('no 指标 sheet');
  let headerRow = 0;
  const cols = new Map<string, number>();
  for (let r = 1; r <= 12 && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') cols.set(cell.value.trim(), c);
    });
    if (cols.has('指标编号')) headerRow = r;
    else cols.clear();
  }
  const idCol = cols.get('指标编号')!;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(idCol).value === targetId) {
      ws.getRow(r).getCell(cols.get(header)!).value = value;
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }
  }
  throw new Error(`no row for ${targetId}`);
}
