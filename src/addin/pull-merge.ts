/**
 * 拉取指标 over a workbook that already holds figures: what to carry into the new plan (pure).
 * Every typed figure is kept by target id; targets no longer in the office's part of the catalogue
 * go to the 已移除指标 sheet with what was typed for them; targets whose quote changed are flagged
 * in the 变更提示 column. Notes and removed rows already in the workbook are carried too, so a
 * second refresh with the same catalogue writes exactly the same workbook.
 */
import type { Catalogue } from '../core/model/catalogue.js';
import type { CellValue, WorkbookGrid } from '../core/model/grid.js';
import { emptyEntry, type Entry, type Submission } from '../core/model/submission.js';
import type { RemovedTarget } from '../core/workbook/plan.js';
import { CHANGE_NOTE_HEADER, HEADER_ROW, SHEET_TARGETS, TARGET_COLUMNS } from '../core/workbook/layout.js';

export interface CarryOver {
  entries: Submission['entries'];
  taskEntries: Submission['taskEntries'];
  removed: RemovedTarget[];
  changeNotes: Record<string, string>;
  /** Targets whose quote changed in this pull (not counting notes carried from earlier pulls). */
  changedNow: { targetId: string; before: string; after: string }[];
  /** Removed in this pull (not counting rows already on the 已移除指标 sheet). */
  removedNow: RemovedTarget[];
}

export const REMOVED_REASON = '新版目录中已无此指标（原填报内容保留在此，供核对）';

function norm(s: string): string {
  return s.replace(/\s+/g, '');
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
}

/** The 变更提示 column of the 指标 sheet, by target id (empty when the column is absent). */
export function readChangeNotes(grid: WorkbookGrid): Record<string, string> {
  const sheet = grid.sheets.find((s) => s.name === SHEET_TARGETS);
  const out: Record<string, string> = {};
  if (!sheet) return out;
  const header = sheet.rows[HEADER_ROW - 1] ?? [];
  const idHeader = TARGET_COLUMNS.find((c) => c.key === 'targetId')?.header ?? '';
  const idCol = header.findIndex((v) => text(v) === idHeader);
  const noteCol = header.findIndex((v) => text(v) === CHANGE_NOTE_HEADER);
  if (idCol < 0 || noteCol < 0) return out;
  for (let r = HEADER_ROW; r < sheet.rows.length; r++) {
    const id = text(sheet.rows[r]?.[idCol]);
    const note = text(sheet.rows[r]?.[noteCol]);
    if (id && note) out[id] = note;
  }
  return out;
}

/**
 * What to carry from `previous` (the workbook as read) into a plan for `selectedIds` (the targets
 * the office gets from the new catalogue). `earlierRemoved` and `earlierNotes` come from the
 * workbook's own 已移除指标 sheet and 变更提示 column.
 */
export function carryOver(
  previous: Submission,
  catalogue: Catalogue,
  selectedIds: string[],
  earlierRemoved: RemovedTarget[],
  earlierNotes: Record<string, string>,
): CarryOver {
  const selected = new Set(selectedIds);
  const byId = new Map(catalogue.targets.map((t) => [t.id, t]));
  const entryById = new Map(previous.entries.map((e) => [e.targetId, e]));
  const entries: Entry[] = previous.entries.filter((e) => selected.has(e.targetId));

  const removedNow: RemovedTarget[] = [];
  const changedNow: CarryOver['changedNow'] = [];
  const changeNotes: Record<string, string> = {};
  for (const row of previous.rows) {
    if (!selected.has(row.targetId)) {
      removedNow.push({
        row,
        entry: entryById.get(row.targetId) ?? emptyEntry(row.targetId),
        reason: REMOVED_REASON,
      });
      continue;
    }
    const t = byId.get(row.targetId);
    if (t && row.quote && norm(row.quote) !== norm(t.quote)) {
      changedNow.push({ targetId: row.targetId, before: row.quote, after: t.quote });
      changeNotes[row.targetId] = `目录更新，原文为：“${shorten(row.quote)}”，请按新表述核对已填内容`;
    } else if (earlierNotes[row.targetId]) {
      changeNotes[row.targetId] = earlierNotes[row.targetId];
    }
  }

  // Rows removed in an earlier pull stay removed unless the target came back; then its figures return.
  const removed: RemovedTarget[] = [...removedNow];
  const seen = new Set(removedNow.map((r) => r.row.targetId));
  for (const r of earlierRemoved) {
    if (seen.has(r.row.targetId)) continue;
    seen.add(r.row.targetId);
    if (selected.has(r.row.targetId)) {
      if (!entryById.has(r.row.targetId)) entries.push(r.entry);
    } else removed.push(r);
  }
  return { entries, taskEntries: previous.taskEntries, removed, changeNotes, changedNow, removedNow };
}
