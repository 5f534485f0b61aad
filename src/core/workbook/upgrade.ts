/**
 * Carrying a filled workbook over to a new catalogue. Pure: old workbook grid + new catalogue →
 * what the new workbook must contain. The one rule for both `luoshi workbook --upgrade` and the
 * add-in's 拉取指标 over a filled workbook (src/addin/actions.ts). Nothing typed is ever lost:
 * - entries of targets still in the catalogue are kept by target id;
 * - targets no longer in the office's selection go, with everything typed, to 已移除指标;
 * - targets whose text or value changed are flagged (变更提示) so the office re-checks its figures;
 * - a value that was invalid in the old workbook (e.g. "约30") is kept as text in 进展情况;
 * - a 变更提示 note already in the workbook stays until a newer change replaces it, so carrying a
 *   workbook over to the same catalogue again writes the same workbook.
 */
import type { Catalogue } from '../model/catalogue.js';
import type { CellValue, WorkbookGrid } from '../model/grid.js';
import type { Entry, FillerInfo, Submission, TaskEntry } from '../model/submission.js';
import type { RemovedTarget } from './build-plan.js';
import { selectForOffice } from './build-plan.js';
import { CHANGE_NOTE_HEADER, HEADER_ROW, SHEET_TARGETS, TARGET_COLUMNS, TASK_COLUMNS } from './layout.js';
import { findMeta, readRemovedTargets, readSubmission } from './read.js';
import { targetText } from './target-text.js';
import { matchByContent, type IdMatch } from '../catalogue/match.js';
import { parseCell } from './a1.js';

export interface ChangedTarget {
  targetId: string;
  /** Chinese note shown in the 变更提示 column. */
  note: string;
}

export interface UpgradeResult {
  /** The old workbook as read (its problems included). */
  old: Submission;
  office: string;
  period: string;
  documents: string[];
  units: string[];
  deadline: string | null;
  contact: string | null;
  phone: string | null;
  /** The old workbook's 填报单位信息, written back into the new 填报说明. */
  filler?: FillerInfo;
  entries: Entry[];
  taskEntries: TaskEntry[];
  removed: RemovedTarget[];
  /** Targets found changed in this carry-over. */
  changed: ChangedTarget[];
  /** Every 变更提示 note to write, by target id: this carry-over's and earlier ones still valid. */
  changeNotes: Record<string, string>;
  /** Number of targets whose entries were carried over. */
  kept: number;
  /** Invalid cells of the old workbook whose text was moved into 进展情况 / 进展情况 of tasks. */
  preservedInvalid: { targetId: string; field: string; raw: string }[];
  /** Rows whose target id vanished, carried to the new target with the most similar quote. */
  matched: IdMatch[];
}

const INVALID_CODES = new Set(['not-a-number', 'not-a-date', 'bad-status']);

function hasContent(e: Entry): boolean {
  return (
    e.baseline !== null ||
    e.actual !== null ||
    e.asOf !== null ||
    e.status !== null ||
    !!e.progress ||
    !!e.problems ||
    !!e.nextSteps ||
    !!e.evidence
  );
}

function rawAt(grid: WorkbookGrid, sheet: string, cell: string): CellValue {
  const s = grid.sheets.find((x) => x.name === sheet);
  const { row, col } = parseCell(cell);
  return s?.rows[row]?.[col] ?? null;
}

function headerAt(grid: WorkbookGrid, sheet: string, cell: string): string {
  // The column header names the field in the note (read from the sheet: columns may have moved).
  const s = grid.sheets.find((x) => x.name === sheet);
  const c = parseCell(cell).col;
  for (const row of s?.rows.slice(0, 12) ?? []) {
    const v = row[c];
    if (typeof v === 'string' && [...TARGET_COLUMNS, ...TASK_COLUMNS].some((d) => d.header === v.trim()))
      return v.trim();
  }
  return '';
}

function cellText(v: CellValue | undefined): string {
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
  const idCol = header.findIndex((v) => cellText(v) === idHeader);
  const noteCol = header.findIndex((v) => cellText(v) === CHANGE_NOTE_HEADER);
  if (idCol < 0 || noteCol < 0) return out;
  for (let r = HEADER_ROW; r < sheet.rows.length; r++) {
    const id = cellText(sheet.rows[r]?.[idCol]);
    const note = cellText(sheet.rows[r]?.[noteCol]);
    if (id && note) out[id] = note;
  }
  return out;
}

function appendNote(text: string, note: string): string {
  return text ? `${text}\n${note}` : note;
}

export function upgradeWorkbook(
  grid: WorkbookGrid,
  source: string,
  catalogue: Catalogue,
  overrides: { period?: string; documents?: string[]; units?: string[] } = {},
): UpgradeResult {
  const old = readSubmission(grid, { source });
  const meta = findMeta(grid);
  const documents = overrides.documents ?? meta?.documents ?? [];
  const units = overrides.units ?? meta?.units ?? [];
  const { targets, tasks } = selectForOffice(catalogue, { documents, units });
  const selected = new Map(targets.map((t) => [t.id, t]));
  const inCatalogue = new Set(catalogue.targets.map((t) => t.id));
  const selectedTasks = new Set(tasks.map((t) => t.id));

  const entries = new Map(old.entries.map((e) => [e.targetId, { ...e }]));
  const taskEntries = new Map(old.taskEntries.map((e) => [e.taskId, { ...e }]));

  // Invalid values would read as blank: keep their text where the office will see it.
  const preservedInvalid: UpgradeResult['preservedInvalid'] = [];
  for (const p of old.problems) {
    if (!INVALID_CODES.has(p.code) || !p.sheet || !p.cell || !p.targetId) continue;
    const raw = rawAt(grid, p.sheet, p.cell);
    if (raw === null || raw === '') continue;
    const shown = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
    const field = headerAt(grid, p.sheet, p.cell) || p.cell;
    const note = `【升级保留】原“${field}”填写为：${shown}（无法识别，请改正后填入“${field}”）`;
    const e = entries.get(p.targetId);
    if (e) e.progress = appendNote(e.progress, note);
    else {
      const te = taskEntries.get(p.targetId);
      if (te) te.progress = appendNote(te.progress, note);
    }
    preservedInvalid.push({ targetId: p.targetId, field, raw: shown });
  }

  const rowsById = new Map(old.rows.map((r) => [r.targetId, r]));
  // ids that vanished (the text was edited or re-sourced): the most similar quote under the same heading
  const matched = matchByContent(
    old.rows.filter((r) => !inCatalogue.has(r.targetId)).map((r) => ({ id: r.targetId, quote: r.quote })),
    targets.filter((t) => !rowsById.has(t.id)),
  );
  const movedTo = new Map(matched.map((m) => [m.oldId, m] as const));
  const removed: RemovedTarget[] = [];
  const changed: ChangedTarget[] = [];
  const kept: Entry[] = [];
  for (const row of old.rows) {
    const move = movedTo.get(row.targetId);
    const e = move ? { ...entries.get(row.targetId)!, targetId: move.newId } : entries.get(row.targetId)!;
    const t = selected.get(move?.newId ?? row.targetId);
    if (t) {
      kept.push(e);
      const notes: string[] = [];
      if (move)
        notes.push(
          `指标编号由 ${move.oldId} 改为 ${move.newId}（按原文相似度 ${Math.round(move.similarity * 100)}% 对应）`,
        );
      if (row.quote && row.quote !== t.quote) notes.push(`指标内容已修改，原为：${row.quote}`);
      const newText = targetText(t);
      if (row.targetText && row.targetText !== newText)
        notes.push(`目标值由 ${row.targetText} 改为 ${newText}`);
      if ((row.unit || '') !== (t.unit ?? ''))
        notes.push(`单位由 ${row.unit || '（无）'} 改为 ${t.unit ?? '（无）'}，请核对已填数值`);
      if (notes.length) changed.push({ targetId: t.id, note: `${notes.join('；')}。请核对已填内容` });
      continue;
    }
    removed.push({
      row,
      entry: e,
      reason: inCatalogue.has(row.targetId) ? '新版目录中此指标不在本单位填报范围内' : '新版目录中已无此指标',
    });
  }
  // Targets removed in an earlier upgrade stay removed, unless they came back.
  for (const r of readRemovedTargets(grid)) {
    if (selected.has(r.row.targetId) && !rowsById.has(r.row.targetId)) {
      if (hasContent(r.entry)) kept.push(r.entry);
      continue;
    }
    if (!rowsById.has(r.row.targetId)) removed.push(r);
  }
  // Tasks dropped from the catalogue: their typed text goes to 已移除指标 too (figures empty).
  for (const te of old.taskEntries) {
    if (selectedTasks.has(te.taskId)) continue;
    if (!te.status && !te.progress && !te.problems && !te.nextSteps) continue;
    removed.push({
      row: {
        targetId: te.taskId,
        row: 0,
        document: '',
        section: '',
        quote: '（任务）',
        targetText: '',
        unit: '',
        deadline: '',
        lead: '',
        comparator: null,
        value: null,
        valueMax: null,
      },
      entry: {
        targetId: te.taskId,
        baseline: null,
        actual: null,
        asOf: null,
        status: te.status,
        progress: te.progress,
        problems: te.problems,
        nextSteps: te.nextSteps,
        evidence: '',
      },
      reason: '新版目录中已无此任务',
    });
  }

  const changeNotes: Record<string, string> = {};
  const earlierNotes = readChangeNotes(grid);
  for (const e of kept) if (earlierNotes[e.targetId]) changeNotes[e.targetId] = earlierNotes[e.targetId];
  for (const c of changed) changeNotes[c.targetId] = c.note;

  return {
    old,
    office: old.office,
    period: overrides.period ?? old.period,
    documents,
    units,
    deadline: meta?.deadline ?? null,
    contact: meta?.contact ?? null,
    phone: meta?.phone ?? null,
    ...(old.filler ? { filler: old.filler } : {}),
    entries: kept,
    taskEntries: old.taskEntries
      .filter((t) => selectedTasks.has(t.taskId))
      .map((t) => taskEntries.get(t.taskId)!),
    removed,
    changed,
    changeNotes,
    kept: kept.length,
    preservedInvalid,
    matched,
  };
}
