/**
 * Compare two submissions of one office (a resubmission, or two periods): what the office changed.
 *
 * Rows are aligned by target id (指标编号) and task id, never by position, so a re-sorted sheet shows
 * no changes. The cell-level diff is done by daff on normalised string grids keyed on 指标编号 (the same
 * engine the add-in uses for highlighting); the typed before/after values are then taken from the
 * Submissions. Pure: no I/O, runs in Node and in the browser (daff's core build has no require()).
 */
import daff from 'daff/lib/core.js';
import { LuoshiError } from '../errors.js';
import type { Entry, FillerInfo, Submission, TargetRow, TaskEntry } from '../model/submission.js';
import {
  SHEET_TARGETS,
  SHEET_TASKS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  columnLetter,
} from '../workbook/layout.js';

export type ChangeKind =
  | 'figure-changed'
  | 'figure-filled'
  | 'figure-cleared'
  | 'status-changed'
  | 'date-changed'
  | 'text-edited'
  /** A locked catalogue cell the office altered (same catalogue version, or flagged by the reader). */
  | 'catalogue-edited'
  /** A catalogue cell that differs because the two workbooks come from different catalogue versions. */
  | 'catalogue-updated'
  | 'target-added'
  | 'target-removed'
  | 'task-added'
  | 'task-removed';

export type ChangeValue = string | number | null;

export interface Change {
  /** Target id (指标编号), or the task id for changes on the 任务 sheet. */
  targetId: string;
  /** Column header as the user sees it, e.g. 完成值. */
  field: string;
  before: ChangeValue;
  after: ChangeValue;
  kind: ChangeKind;
  /** after − before, for figures changed from one number to another. */
  delta?: number;
  /** Sheet the change is on (指标 or 任务). */
  sheet: string;
  /** 1-based row in the after workbook (before workbook for removed rows), when known. */
  row: number | null;
  /** A1 reference, when the change comes from the reader's locked-cell check. */
  cell?: string;
  /** Chinese note, e.g. the reader's message for a locked cell. */
  note?: string;
}

export interface SubmissionInfo {
  office: string;
  period: string;
  catalogueVersion: string;
  generatedAt: string | null;
  source: string;
  /** 填报单位信息 (填表人, 审核人, …) of that version, when its workbook has the block. */
  filler?: FillerInfo;
}

export type ChangeCounts = Record<ChangeKind, number>;

export interface ComparisonSummary {
  total: number;
  counts: ChangeCounts;
  /** Targets present in both versions. */
  targetsCompared: number;
  /** Targets with at least one change. */
  targetsChanged: number;
  sameCatalogue: boolean;
  sameOffice: boolean;
  samePeriod: boolean;
  /** Ids that appear twice in one workbook (only the first row is compared). */
  duplicateIds: string[];
  /** daff's own count of changed cells in the 指标 grid (a cross-check on the list). */
  cellsChanged: number;
  /** The "new" file looks older than the "old" one (latest 截至日期, else generation time): arguments swapped? */
  afterLooksOlder: boolean;
}

export interface Comparison {
  before: SubmissionInfo;
  after: SubmissionInfo;
  cross: boolean;
  changes: Change[];
  summary: ComparisonSummary;
}

export interface CompareOptions {
  /** Allow comparing two different offices (refused by default). */
  cross?: boolean;
}

/** Problem code the workbook reader (workbook/read.ts) gives a locked (catalogue) cell the office changed. */
const LOCKED_CELL_CODE = 'locked-cell-edited';

type FieldKind = 'catalogue' | 'figure' | 'status' | 'date' | 'text';

interface FieldSpec<R, K extends FieldKind = FieldKind> {
  header: string;
  kind: K;
  get(r: R): ChangeValue;
}

export const TARGET_SHEET = SHEET_TARGETS;
export const TASK_SHEET = SHEET_TASKS;

/** Header of a column of the entry workbook layout, by field key (the headers users see). */
function targetHeader(key: string): string {
  const c = TARGET_COLUMNS.find((col) => col.key === key);
  if (!c) throw new Error(`layout has no target column ${key}`);
  return c.header;
}
function taskHeader(key: string): string {
  const c = TASK_COLUMNS.find((col) => col.key === key);
  if (!c) throw new Error(`layout has no task column ${key}`);
  return c.header;
}

export const ID_HEADER = targetHeader('targetId');
export const TASK_ID_HEADER = taskHeader('taskId');

const ROW_FIELDS: FieldSpec<TargetRow>[] = [
  { header: targetHeader('document'), kind: 'catalogue', get: (r) => r.document },
  { header: targetHeader('section'), kind: 'catalogue', get: (r) => r.section },
  { header: targetHeader('quote'), kind: 'catalogue', get: (r) => r.quote },
  { header: targetHeader('targetText'), kind: 'catalogue', get: (r) => r.targetText },
  { header: targetHeader('unit'), kind: 'catalogue', get: (r) => r.unit },
  { header: targetHeader('deadline'), kind: 'catalogue', get: (r) => r.deadline },
  { header: targetHeader('lead'), kind: 'catalogue', get: (r) => r.lead },
];

const ENTRY_FIELDS: FieldSpec<Entry>[] = [
  { header: targetHeader('baseline'), kind: 'figure', get: (e) => e.baseline },
  { header: targetHeader('actual'), kind: 'figure', get: (e) => e.actual },
  { header: targetHeader('asOf'), kind: 'date', get: (e) => e.asOf },
  { header: targetHeader('status'), kind: 'status', get: (e) => e.status },
  { header: targetHeader('progress'), kind: 'text', get: (e) => e.progress },
  { header: targetHeader('problems'), kind: 'text', get: (e) => e.problems },
  { header: targetHeader('nextSteps'), kind: 'text', get: (e) => e.nextSteps },
  { header: targetHeader('evidence'), kind: 'text', get: (e) => e.evidence },
];

const TASK_FIELDS: FieldSpec<TaskEntry, 'status' | 'text'>[] = [
  { header: taskHeader('status'), kind: 'status', get: (t) => t.status },
  { header: taskHeader('progress'), kind: 'text', get: (t) => t.progress },
  { header: taskHeader('problems'), kind: 'text', get: (t) => t.problems },
  { header: taskHeader('nextSteps'), kind: 'text', get: (t) => t.nextSteps },
];

const ALL_KINDS: ChangeKind[] = [
  'figure-changed',
  'figure-filled',
  'figure-cleared',
  'status-changed',
  'date-changed',
  'text-edited',
  'catalogue-edited',
  'catalogue-updated',
  'target-added',
  'target-removed',
  'task-added',
  'task-removed',
];

/** Chinese names of the change kinds, for consoles and the 变更清单 sheet. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  'figure-changed': '数值修改',
  'figure-filled': '新填数值',
  'figure-cleared': '清空数值',
  'status-changed': '状态变化',
  'date-changed': '日期修改',
  'text-edited': '文字修改',
  'catalogue-edited': '改动目录单元格',
  'catalogue-updated': '目录版本变化',
  'target-added': '新增指标',
  'target-removed': '删除指标',
  'task-added': '新增任务',
  'task-removed': '删除任务',
};

/** Normalise a value to the string daff compares: blanks are '' (daff reports null vs '' as a change). */
function cellText(v: ChangeValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v.replace(/\r\n?/g, '\n').trim();
}

/** Typed value for the change list: trimmed text, '' → null. */
function typed(v: ChangeValue): ChangeValue {
  if (typeof v === 'string') {
    const t = cellText(v);
    return t === '' ? null : t;
  }
  return v;
}

function info(s: Submission): SubmissionInfo {
  return {
    office: s.office,
    period: s.period,
    catalogueVersion: s.catalogueVersion,
    generatedAt: s.generatedAt,
    source: s.source,
    ...(s.filler ? { filler: s.filler } : {}),
  };
}

interface Keyed<T> {
  map: Map<string, T>;
  order: string[];
  duplicates: string[];
}

function byId<T>(items: readonly T[], id: (t: T) => string): Keyed<T> {
  const map = new Map<string, T>();
  const order: string[] = [];
  const duplicates: string[] = [];
  for (const item of items) {
    const k = id(item).trim();
    if (map.has(k)) {
      duplicates.push(k);
      continue;
    }
    map.set(k, item);
    order.push(k);
  }
  return { map, order, duplicates };
}

/** One side of the 指标 grid: every target id seen in rows or entries. */
interface TargetSide {
  rows: Keyed<TargetRow>;
  entries: Keyed<Entry>;
  ids: string[];
}

function targetSide(s: Submission): TargetSide {
  const rows = byId(s.rows, (r) => r.targetId);
  const entries = byId(s.entries, (e) => e.targetId);
  const seen = new Set(rows.order);
  const ids = [...rows.order];
  for (const id of entries.order) {
    if (seen.has(id)) continue;
    ids.push(id);
    seen.add(id);
  }
  return { rows, entries, ids };
}

interface Column {
  header: string;
  kind: FieldKind;
  value(id: string, side: TargetSide): ChangeValue;
}

const TARGET_GRID_COLUMNS: Column[] = [
  ...ROW_FIELDS.map((f) => ({
    header: f.header,
    kind: f.kind,
    value: (id: string, side: TargetSide) => {
      const r = side.rows.map.get(id);
      return r ? f.get(r) : null;
    },
  })),
  ...ENTRY_FIELDS.map((f) => ({
    header: f.header,
    kind: f.kind,
    value: (id: string, side: TargetSide) => {
      const e = side.entries.map.get(id);
      return e ? f.get(e) : null;
    },
  })),
];

function targetGrid(side: TargetSide): string[][] {
  const grid: string[][] = [[ID_HEADER, ...TARGET_GRID_COLUMNS.map((c) => c.header)]];
  for (const id of side.ids) grid.push([id, ...TARGET_GRID_COLUMNS.map((c) => cellText(c.value(id, side)))]);
  return grid;
}

function taskGrid(tasks: Keyed<TaskEntry>): string[][] {
  const grid: string[][] = [[TASK_ID_HEADER, ...TASK_FIELDS.map((f) => f.header)]];
  for (const id of tasks.order) {
    const t = tasks.map.get(id)!;
    grid.push([id, ...TASK_FIELDS.map((f) => cellText(f.get(t)))]);
  }
  return grid;
}

/** A row of the keyed diff: inserted, deleted, or updated in the cells under `headers`. */
type CellDiff =
  { key: string; action: 'insert' | 'delete' } | { key: string; action: 'update'; headers: string[] };

/** The text of a daff cell: the grids hold only strings, so anything else (a gap, a nested pair) is ''. */
function diffText(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isNested(v: unknown): v is { before: unknown; after: unknown } {
  return typeof v === 'object' && v !== null && 'before' in v && 'after' in v;
}

/**
 * The keyed cell diff of two grids whose first row is the headers and first column the key `key`, via
 * daff. Flags go to compareTables itself, or daff ignores the key (daff#168). In daff's highlighter output
 * column 0 is each row's action (+++ inserted, --- deleted) and column 1 the key, as in the grids.
 */
function diffGrids(
  before: readonly (readonly string[])[],
  after: readonly (readonly string[])[],
  key: string,
): { rows: CellDiff[]; cellsChanged: number } {
  const flags = new daff.CompareFlags();
  flags.addPrimaryKey(key);
  flags.allow_nested_cells = true;
  flags.unchanged_context = 0;
  flags.always_show_header = true;
  const align = daff
    .compareTables(
      new daff.TableView(before.map((r) => [...r])),
      new daff.TableView(after.map((r) => [...r])),
      flags,
    )
    .align();
  const out: unknown[][] = [];
  const td = new daff.TableDiff(align, flags);
  td.hilite(new daff.TableView(out));

  const [header, ...body] = out;
  const rows: CellDiff[] = [];
  let cellsChanged = 0;
  for (const row of body) {
    const act = diffText(row[0]);
    const k = diffText(row[1]);
    if (act.includes('+++')) rows.push({ key: k, action: 'insert' });
    else if (act.includes('---')) rows.push({ key: k, action: 'delete' });
    else {
      const headers = row.flatMap((v, c) => (isNested(v) ? [diffText(header[c])] : []));
      cellsChanged += headers.length;
      if (headers.length) rows.push({ key: k, action: 'update', headers });
    }
  }
  return { rows, cellsChanged };
}

function figureChange(
  targetId: string,
  field: string,
  b: ChangeValue,
  a: ChangeValue,
): Omit<Change, 'sheet' | 'row'> {
  if (b === null) return { targetId, field, before: b, after: a, kind: 'figure-filled' };
  if (a === null) return { targetId, field, before: b, after: a, kind: 'figure-cleared' };
  const change: Omit<Change, 'sheet' | 'row'> = {
    targetId,
    field,
    before: b,
    after: a,
    kind: 'figure-changed',
  };
  if (typeof a === 'number' && typeof b === 'number') change.delta = roundDelta(a - b);
  return change;
}

/** Trim float noise from a difference (0.1 + 0.2 style) without hiding real precision. */
function roundDelta(d: number): number {
  return Number.parseFloat(d.toPrecision(12));
}

/** The kind of a change to a non-figure field (figures are told apart by figureChange). */
function kindFor(fieldKind: Exclude<FieldKind, 'figure'>, sameCatalogue: boolean): ChangeKind {
  switch (fieldKind) {
    case 'catalogue':
      return sameCatalogue ? 'catalogue-edited' : 'catalogue-updated';
    case 'status':
      return 'status-changed';
    case 'date':
      return 'date-changed';
    case 'text':
      return 'text-edited';
  }
}

function latestAsOf(s: Submission): string | null {
  let latest: string | null = null;
  for (const e of s.entries) if (e.asOf && (latest === null || e.asOf > latest)) latest = e.asOf;
  return latest;
}

function looksOlder(before: Submission, after: Submission): boolean {
  const b = latestAsOf(before);
  const a = latestAsOf(after);
  if (a !== null && b !== null && a !== b) return a < b;
  return before.generatedAt !== null && after.generatedAt !== null && after.generatedAt < before.generatedAt;
}

/** The refusal for two different offices, shared with hosts that check before reading everything. */
export function differentOfficeError(before: SubmissionInfo, after: SubmissionInfo): LuoshiError {
  return new LuoshiError(
    'different-office',
    `两个文件不是同一填报单位：${before.source} 属于“${before.office}”，${after.source} 属于“${after.office}”。` +
      '对比只用于同一单位的两个版本；确需跨单位对比时请加 --cross。',
    { file: after.source },
  );
}

/** Compare two submissions; `before` is the older one. */
export function compareSubmissions(
  before: Submission,
  after: Submission,
  options: CompareOptions = {},
): Comparison {
  const cross = options.cross === true;
  const sameOffice = before.office.trim() === after.office.trim();
  if (!sameOffice && !cross) throw differentOfficeError(info(before), info(after));
  const sameCatalogue = before.catalogueVersion === after.catalogueVersion;

  const b = targetSide(before);
  const a = targetSide(after);
  const changes: Change[] = [];
  const rowOf = (side: TargetSide, id: string) => side.rows.map.get(id)?.row ?? null;

  // 指标 sheet: daff finds the changed cells, the Submissions give their typed values.
  const targetDiff = diffGrids(targetGrid(b), targetGrid(a), ID_HEADER);
  const columnByHeader = new Map(TARGET_GRID_COLUMNS.map((c) => [c.header, c]));
  for (const d of targetDiff.rows) {
    if (d.action !== 'update') {
      const added = d.action === 'insert';
      changes.push({
        targetId: d.key,
        field: ID_HEADER,
        before: added ? null : d.key,
        after: added ? d.key : null,
        kind: added ? 'target-added' : 'target-removed',
        sheet: TARGET_SHEET,
        row: rowOf(added ? a : b, d.key),
      });
      continue;
    }
    for (const header of d.headers) {
      const col = columnByHeader.get(header);
      if (!col) continue;
      const bv = typed(col.value(d.key, b));
      const av = typed(col.value(d.key, a));
      const base =
        col.kind === 'figure'
          ? figureChange(d.key, header, bv, av)
          : { targetId: d.key, field: header, before: bv, after: av, kind: kindFor(col.kind, sameCatalogue) };
      changes.push({ ...base, sheet: TARGET_SHEET, row: rowOf(a, d.key) });
    }
  }

  // Locked cells the reader flagged in the new file (e.g. edited after unprotecting the sheet).
  const seenCatalogue = new Set(
    changes.filter((c) => c.kind === 'catalogue-edited').map((c) => `${c.targetId}\u0000${c.field}`),
  );
  for (const p of after.problems) {
    if (p.code !== LOCKED_CELL_CODE) continue;
    const targetId = p.targetId ?? '';
    const field = lockedField(p.sheet, p.cell, p.message) ?? '目录单元格';
    if (seenCatalogue.has(`${targetId}\u0000${field}`)) continue;
    seenCatalogue.add(`${targetId}\u0000${field}`);
    changes.push({
      targetId,
      field,
      before: null,
      after: null,
      kind: 'catalogue-edited',
      sheet: p.sheet ?? TARGET_SHEET,
      row: p.cell ? rowFromA1(p.cell) : targetId ? rowOf(a, targetId) : null,
      cell: p.cell ?? undefined,
      note: p.message,
    });
  }

  // 任务 sheet.
  const bt = byId(before.taskEntries, (t) => t.taskId);
  const at = byId(after.taskEntries, (t) => t.taskId);
  const taskDiff = diffGrids(taskGrid(bt), taskGrid(at), TASK_ID_HEADER);
  const taskField = new Map(TASK_FIELDS.map((f) => [f.header, f]));
  for (const d of taskDiff.rows) {
    if (d.action !== 'update') {
      const added = d.action === 'insert';
      changes.push({
        targetId: d.key,
        field: TASK_ID_HEADER,
        before: added ? null : d.key,
        after: added ? d.key : null,
        kind: added ? 'task-added' : 'task-removed',
        sheet: TASK_SHEET,
        row: null,
      });
      continue;
    }
    for (const header of d.headers) {
      const f = taskField.get(header)!;
      const bv = typed(f.get(bt.map.get(d.key)!));
      const av = typed(f.get(at.map.get(d.key)!));
      changes.push({
        targetId: d.key,
        field: header,
        before: bv,
        after: av,
        kind: kindFor(f.kind, sameCatalogue),
        sheet: TASK_SHEET,
        row: null,
      });
    }
  }

  changes.sort(byPosition);
  const counts = Object.fromEntries(ALL_KINDS.map((k) => [k, 0])) as ChangeCounts;
  for (const c of changes) counts[c.kind]++;
  const bIds = new Set(b.ids);
  return {
    before: info(before),
    after: info(after),
    cross,
    changes,
    summary: {
      total: changes.length,
      counts,
      targetsCompared: a.ids.filter((id) => bIds.has(id)).length,
      targetsChanged: new Set(changes.filter((c) => c.sheet === TARGET_SHEET).map((c) => c.targetId)).size,
      sameCatalogue,
      sameOffice,
      samePeriod: before.period === after.period,
      duplicateIds: [
        ...new Set([
          ...b.rows.duplicates,
          ...a.rows.duplicates,
          ...b.entries.duplicates,
          ...a.entries.duplicates,
        ]),
      ],
      cellsChanged: targetDiff.cellsChanged + taskDiff.cellsChanged,
      afterLooksOlder: looksOlder(before, after),
    },
  };
}

/**
 * The catalogue column a locked-cell problem is about: the column the reader's message names in quotes
 * (目录内容“牵头单位”被改动 — it holds wherever the office moved the column), else the cell's column in the
 * standard layout of its sheet (指标 or 任务).
 */
function lockedField(sheet: string | null, cell: string | null, message: string): string | null {
  const locked = (sheet === TASK_SHEET ? TASK_COLUMNS : TARGET_COLUMNS).map((c, i) => ({
    ...c,
    letter: columnLetter(i),
  }));
  const quoted = /“([^”]+)”/.exec(message)?.[1];
  const letters = cell ? /^\$?([A-Z]{1,3})/i.exec(cell.trim())?.[1]?.toUpperCase() : undefined;
  const col =
    locked.find((c) => !c.entry && c.header === quoted) ??
    locked.find((c) => !c.entry && c.letter === letters);
  return col?.header ?? null;
}

const TARGET_COLUMN_ORDER = new Map(TARGET_COLUMNS.map((c, i) => [c.header, i]));
const TASK_COLUMN_ORDER = new Map(TASK_COLUMNS.map((c, i) => [c.header, i]));

function columnIndex(c: Change): number {
  return (c.sheet === TASK_SHEET ? TASK_COLUMN_ORDER : TARGET_COLUMN_ORDER).get(c.field) ?? 99;
}

/** Sheet order (指标 then 任务), then row (none last), then column: the order a reviewer reads the sheet in. */
function byPosition(x: Change, y: Change): number {
  const sheet = (c: Change) => (c.sheet === TARGET_SHEET ? 0 : 1);
  const row = (c: Change) => c.row ?? Number.MAX_SAFE_INTEGER;
  return sheet(x) - sheet(y) || row(x) - row(y) || columnIndex(x) - columnIndex(y);
}

function rowFromA1(a1: string): number | null {
  const m = /^\$?[A-Z]{1,3}\$?(\d+)$/i.exec(a1.trim());
  return m ? Number(m[1]) : null;
}

/** A short Chinese summary line per kind, e.g. "数值修改 3 处，新填数值 1 处". */
export function describeCounts(counts: ChangeCounts): string {
  const parts = ALL_KINDS.filter((k) => counts[k] > 0).map((k) => `${CHANGE_KIND_LABELS[k]} ${counts[k]} 处`);
  return parts.length ? parts.join('，') : '没有变化';
}
