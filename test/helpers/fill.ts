/**
 * Type into a generated entry workbook the way an office would: open the .xlsx with exceljs, find the
 * 指标 / 任务 sheets and their columns by header text, and write into ENTRY cells only. Used by tests
 * (workbook, report, review) to make filled workbooks from the seeds.
 */
import ExcelJS from 'exceljs';
import type { Entry, TaskEntry } from '../../src/core/model/submission.js';
import { SHEET_TARGETS, SHEET_TASKS, TARGET_COLUMNS, TASK_COLUMNS } from '../../src/core/workbook/layout.js';

/** A cell value as typed: numbers, text (also for wrong input such as "约30"), dates, or null to clear. */
export type Typed = string | number | Date | null;

export type EntryKey = Exclude<keyof Entry, 'targetId'>;
export type FillEntry = { targetId: string } & Partial<Record<EntryKey, Typed>>;
export type FillTaskEntry = { taskId: string } & Partial<Record<Exclude<keyof TaskEntry, 'taskId'>, Typed>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function headerColumns(
  ws: ExcelJS.Worksheet,
  idHeader: string,
): { headerRow: number; cols: Map<string, number> } {
  for (let r = 1; r <= 12; r++) {
    const cols = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') cols.set(cell.value.trim(), c);
    });
    if (cols.has(idHeader)) return { headerRow: r, cols };
  }
  throw new Error(`no header row with ${idHeader} in ${ws.name}`);
}

function typed(cell: ExcelJS.Cell, key: string, v: Typed): void {
  if (v === null) {
    cell.value = null;
  } else if (key === 'asOf' && typeof v === 'string' && ISO_DATE.test(v)) {
    // Typing 2025-06-30 into a date cell gives a date, not text.
    cell.value = new Date(`${v}T00:00:00Z`);
  } else {
    cell.value = v;
  }
}

/**
 * Write `entries` (by targetId) and `taskEntries` (by taskId) into a workbook's entry cells; returns the new bytes.
 * Unknown ids throw, so a test cannot silently fill nothing.
 */
export async function fillWorkbook(
  bytes: Uint8Array,
  entries: FillEntry[],
  taskEntries: FillTaskEntry[] = [],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const fill = (
    sheetName: string,
    idHeader: string,
    defs: typeof TARGET_COLUMNS,
    rows: Record<string, unknown>[],
    idKey: string,
  ) => {
    if (rows.length === 0) return;
    const ws = wb.getWorksheet(sheetName);
    if (!ws) throw new Error(`no sheet ${sheetName}`);
    const { headerRow, cols } = headerColumns(ws, idHeader);
    const idCol = cols.get(idHeader)!;
    const rowOf = new Map<string, number>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).getCell(idCol).value;
      if (typeof v === 'string' && v) rowOf.set(v, r);
    }
    for (const e of rows) {
      const id = String(e[idKey]);
      const r = rowOf.get(id);
      if (r === undefined) throw new Error(`no row for ${id} in ${sheetName}`);
      for (const def of defs) {
        if (!def.entry || !(def.key in e)) continue;
        const c = cols.get(def.header);
        if (c === undefined) throw new Error(`no column ${def.header}`);
        typed(ws.getRow(r).getCell(c), def.key, e[def.key] as Typed);
      }
    }
  };
  fill(SHEET_TARGETS, '指标编号', TARGET_COLUMNS, entries, 'targetId');
  fill(SHEET_TASKS, '任务编号', TASK_COLUMNS, taskEntries, 'taskId');
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out);
}

/** Entry → FillEntry (all fields typed as values; empty texts left blank). */
export function asFill(e: Entry): FillEntry {
  return {
    targetId: e.targetId,
    baseline: e.baseline,
    actual: e.actual,
    asOf: e.asOf,
    status: e.status,
    progress: e.progress || null,
    problems: e.problems || null,
    nextSteps: e.nextSteps || null,
    evidence: e.evidence || null,
  };
}

/** TaskEntry → FillTaskEntry (empty texts left blank). */
export function asTaskFill(t: TaskEntry): FillTaskEntry {
  return {
    taskId: t.taskId,
    status: t.status,
    progress: t.progress || null,
    problems: t.problems || null,
    nextSteps: t.nextSteps || null,
  };
}
