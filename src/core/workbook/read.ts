/**
 * readSubmission: WorkbookGrid → Submission, with every problem found. Pure (no I/O), so the CLI's
 * `check`, the review tools and the add-in's 检查 share it.
 *
 * Sheets are found by name (and, when renamed, by their header texts); columns by header text, so a
 * moved column still reads. Data validation only fires on typing, so everything is validated here.
 */
import { deriveKind } from '../catalogue/kind.js';
import { implausibilities, isVerified, VERIFIED_MARK } from '../progress/plausibility.js';
import type { Catalogue, Comparator, Target } from '../model/catalogue.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../model/grid.js';
import type { Entry, Problem, Severity, Submission, TargetRow, TaskEntry } from '../model/submission.js';
import {
  CHANGE_NOTE_HEADER,
  META_KEYS,
  META_ROW_TABLE_MARK,
  REMOVED_COLUMNS,
  SHEET_GUIDE,
  SHEET_META,
  SHEET_REMOVED,
  SHEET_TARGETS,
  SHEET_TASKS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  fingerprintColumns,
  WORKBOOK_FORMAT,
  WORKBOOK_FORMAT_VERSION,
  a1,
  type ColumnDef,
} from './layout.js';
import { cellMatches, fingerprintFits } from './fingerprint.js';
import { readFiller } from './filler.js';
import { parseDateCell, parseFigure, parseStatus, textCell, toHalfWidth } from './normalise.js';
import { parsePeriod } from './period.js';
import { meetsTarget } from './target-math.js';
import { FORMAT_TOO_NEW, NOT_A_LUOSHI_WORKBOOK } from './unreadable.js';

export interface ReadOptions {
  /** File name (base name) for messages. */
  source: string;
  /** When given: the catalogue version is compared and target rules come from it. */
  catalogue?: Catalogue;
}

/** One row of the per-row table in _meta. */
export interface MetaRow {
  kind: 'target' | 'task';
  id: string;
  row: number;
  fingerprint: string;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  /** The overall target when the row's rule is the office's allocated share (分解下达). */
  overall?: NonNullable<TargetRow['overall']>;
}

export interface WorkbookMeta {
  format: string;
  formatVersion: number;
  catalogueVersion: string;
  office: string;
  period: string;
  generatedAt: string | null;
  deadline: string | null;
  documents: string[];
  units: string[];
  contact: string | null;
  phone: string | null;
  rows: MetaRow[];
}

const HEADER_SCAN_ROWS = 12;

function cellAt(sheet: GridSheet, r: number, c: number): CellValue {
  const row = sheet.rows[r];
  return row ? (row[c] ?? null) : null;
}

const str: (v: CellValue | undefined) => string = textCell;

/** A row that is not there reads as empty (rows may be ragged or missing). */
const NO_CELLS: readonly CellValue[] = [];

function num(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Header text as compared: no whitespace, no required-field stars, half-width. */
function headerKey(v: CellValue): string {
  return toHalfWidth(str(v)).replace(/[\s*＊]/g, '');
}

/** The overall target recorded beside an allocated share (columns I–M of the row table), if any. */
function metaOverall(cells: readonly CellValue[]): MetaRow['overall'] {
  const comparator = str(cells[8]);
  if (!isComparator(comparator)) return undefined;
  return {
    comparator,
    value: num(cells[9]),
    valueMax: num(cells[10]),
    targetText: str(cells[11]),
    scope: str(cells[12]),
  };
}

/** One row of _meta's per-row table, or null when it is none (its kind is neither target nor task). */
function metaRow(cells: readonly CellValue[]): MetaRow | null {
  const kind = str(cells[0]);
  if (kind !== 'target' && kind !== 'task') return null;
  const row: MetaRow = {
    kind,
    id: str(cells[1]),
    row: num(cells[2]) ?? 0,
    fingerprint: str(cells[3]),
    comparator: str(cells[4]),
    value: num(cells[5]),
    valueMax: num(cells[6]),
    unit: str(cells[7]),
  };
  // Set only when there (not as an undefined key): the row is stored with the submission as it is.
  const overall = metaOverall(cells);
  if (overall) row.overall = overall;
  return row;
}

/** Parse a _meta sheet (key/value pairs, then the per-row table). */
export function parseMeta(sheet: GridSheet): WorkbookMeta | null {
  const kv = new Map<string, CellValue>();
  let r = 0;
  for (; r < sheet.rows.length; r++) {
    const k = str(cellAt(sheet, r, 0));
    if (k === META_ROW_TABLE_MARK) break;
    if (k) kv.set(k, cellAt(sheet, r, 1));
  }
  if (str(kv.get(META_KEYS.format)) !== WORKBOOK_FORMAT) return null;
  const rows: MetaRow[] = [];
  for (r += 2; r < sheet.rows.length; r++) {
    const row = metaRow(sheet.rows[r] ?? NO_CELLS);
    if (row) rows.push(row);
  }
  return {
    format: WORKBOOK_FORMAT,
    formatVersion: num(kv.get(META_KEYS.formatVersion)) ?? 0,
    catalogueVersion: str(kv.get(META_KEYS.catalogueVersion)),
    office: str(kv.get(META_KEYS.office)),
    period: str(kv.get(META_KEYS.period)),
    generatedAt: str(kv.get(META_KEYS.generatedAt)) || null,
    deadline: str(kv.get(META_KEYS.deadline)) || null,
    documents: str(kv.get(META_KEYS.documents)).split('|').filter(Boolean),
    units: str(kv.get(META_KEYS.units)).split('|').filter(Boolean),
    contact: str(kv.get(META_KEYS.contact)) || null,
    phone: str(kv.get(META_KEYS.phone)) || null,
    rows,
  };
}

interface HeaderMap {
  /** 0-based header row. */
  row: number;
  /** Field key → 0-based column. */
  cols: Map<string, number>;
}

/** Find the header row of a table sheet: the first row (of the first few) holding `mustHave` headers. */
function findHeader(sheet: GridSheet, columns: readonly ColumnDef[], mustHave: string[]): HeaderMap | null {
  const byText = new Map<string, string>();
  for (const c of columns) {
    byText.set(c.header, c.key);
    for (const a of c.aliases ?? []) byText.set(a, c.key);
  }
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const cols = new Map<string, number>();
    row.forEach((v, c) => {
      const key = byText.get(headerKey(v));
      if (key && !cols.has(key)) cols.set(key, c);
    });
    if (mustHave.every((h) => cols.has(h))) return { row: r, cols };
  }
  return null;
}

function isRemovedSheet(sheet: GridSheet): boolean {
  if (sheet.name === SHEET_REMOVED) return true;
  return findHeader(sheet, REMOVED_COLUMNS, ['targetId', 'reason']) !== null;
}

class Problems {
  readonly list: Problem[] = [];
  add(
    severity: Severity,
    code: string,
    message: string,
    where: { sheet?: string | null; cell?: string | null; targetId?: string | null } = {},
  ): void {
    const sheet = where.sheet ?? null;
    const cell = where.cell ?? null;
    const prefix = sheet && cell ? `${sheet}!${cell}：` : sheet ? `${sheet}：` : '';
    this.list.push({
      severity,
      code,
      message: `${prefix}${message}`,
      sheet,
      cell,
      targetId: where.targetId ?? null,
    });
  }
  error(
    code: string,
    message: string,
    where: { sheet?: string | null; cell?: string | null; targetId?: string | null } = {},
  ): void {
    this.add('error', code, message, where);
  }
  warning(
    code: string,
    message: string,
    where: { sheet?: string | null; cell?: string | null; targetId?: string | null } = {},
  ): void {
    this.add('warning', code, message, where);
  }
}

/** Quote a cell's raw content for a message, shortened. */
function shown(v: CellValue): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return `"${s.length > 30 ? `${s.slice(0, 30)}…` : s}"`;
}

interface Located {
  sheet: GridSheet;
  header: HeaderMap;
  renamed: boolean;
}

function locateTable(
  grid: WorkbookGrid,
  name: string,
  columns: readonly ColumnDef[],
  mustHave: string[],
  exclude: (s: GridSheet) => boolean,
): Located | null {
  const byName = grid.sheets.find((s) => s.name === name);
  if (byName) {
    const header = findHeader(byName, columns, mustHave);
    if (header) return { sheet: byName, header, renamed: false };
  }
  for (const s of grid.sheets) {
    if (s === byName || s.state === 'veryHidden' || exclude(s)) continue;
    const header = findHeader(s, columns, mustHave);
    if (header) return { sheet: s, header, renamed: true };
  }
  return null;
}

function emptySubmission(source: string, problems: Problem[]): Submission {
  return {
    office: '',
    period: '',
    catalogueVersion: '',
    formatVersion: 0,
    generatedAt: null,
    source,
    rows: [],
    entries: [],
    taskEntries: [],
    problems,
  };
}

/** "填报单位：长春市  填报期间：2025年度" (ideographic spaces) → {office, period}, for a workbook whose _meta is gone. */
function fromSubtitle(sheet: GridSheet, headerRow: number): { office: string; period: string } {
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const t = str(v);
      const office = t.match(/填报单位[:：]\s*(\S+)/)?.[1];
      const period = t.match(/填报期间[:：]\s*(\S+)/)?.[1];
      if (office || period) return { office: office ?? '', period: period ?? '' };
    }
  }
  return { office: '', period: '' };
}

/**
 * A 指标 (or 已移除指标) row: its locked catalogue columns as text, and how its figure is judged. One
 * object literal in the order the fields are stored in (no spread of a part built on its own).
 */
function targetRowOf(
  targetId: string,
  row: number,
  cells: CellsByKey,
  comparator: TargetRow['comparator'],
  value: number | null,
  valueMax: number | null,
): TargetRow {
  return {
    targetId,
    row,
    document: str(cells.get('document')),
    section: str(cells.get('section')),
    quote: str(cells.get('quote')),
    targetText: str(cells.get('targetText')),
    unit: str(cells.get('unit')),
    deadline: str(cells.get('deadline')),
    lead: str(cells.get('lead')),
    comparator,
    value,
    valueMax,
  };
}

const COMPARATORS: ReadonlySet<string> = new Set<Comparator>([
  '>=',
  '>',
  '<=',
  '<',
  '=',
  '≈',
  'range',
  'milestone',
]);

function isComparator(s: string): s is Comparator {
  return COMPARATORS.has(s);
}

interface Rule {
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
}

function describeTarget(rule: Rule, targetText: string): string {
  return targetText || `${rule.comparator}${rule.value ?? ''}${rule.unit}`;
}

/** The _meta of a grid (by name, or by content when renamed); null when absent. */
export function findMeta(grid: WorkbookGrid): WorkbookMeta | null {
  const named = grid.sheets.find((s) => s.name === SHEET_META);
  const m = named ? parseMeta(named) : null;
  if (m) return m;
  for (const s of grid.sheets) {
    const other = parseMeta(s);
    if (other) return other;
  }
  return null;
}

/** Where a problem is: sheet, cell and the row's id. */
interface Where {
  sheet: string;
  cell: string;
  targetId: string | null;
}

/** A table sheet found by its headers under another name is read, with a warning. */
function warnIfRenamed(table: Located, sheetName: string, p: Problems): void {
  if (!table.renamed) return;
  const S = table.sheet.name;
  p.warning('sheet-renamed', `工作表“${sheetName}”被改名为“${S}”，已按表头识别；请勿更改工作表名称`, {
    sheet: S,
  });
}

/** What the two table sheets (指标, 任务) differ in, for the one row-reading routine. */
interface TableSpec {
  columns: readonly ColumnDef[];
  idKey: 'targetId' | 'taskId';
  /** 指标 / 任务, in messages. */
  noun: string;
  /** The _meta rows of this sheet, by id. */
  metaRows: Map<string, MetaRow>;
  /** Added to the message for a filled row without an id. */
  addedRowHint: string;
  /** Also warn about a row with other content but no id (only when _meta is there). */
  warnStrayRows: boolean;
}

/** A row's cells by field key (a column missing from the sheet reads as blank). */
interface CellsByKey {
  get(key: string): CellValue;
}

/** One catalogue row of a table sheet that passed the id checks. */
interface RowCursor extends CellsByKey {
  id: string;
  /** 1-based row number. */
  rowNo: number;
  meta: MetaRow | undefined;
  where(key: string): Where;
  /** Whether any entry (non-catalogue) cell of the row is filled. */
  hasEntry: boolean;
}

/**
 * A row cursor as one object of one class: its accessors are shared methods, not closures made for
 * every row (and renamed per row by the TypeScript loader the server runs under, tsx with keepNames).
 */
class TableRow implements RowCursor {
  readonly id: string;
  readonly rowNo: number;
  readonly meta: MetaRow | undefined;
  readonly hasEntry: boolean;
  private readonly cells: readonly CellValue[];
  private readonly sheetName: string;
  private readonly cols: Map<string, number>;

  constructor(
    at: { cells: readonly CellValue[]; sheetName: string; cols: Map<string, number>; rowNo: number },
    id: string,
    meta: MetaRow | undefined,
    hasEntry: boolean,
  ) {
    this.id = id;
    this.rowNo = at.rowNo;
    this.meta = meta;
    this.hasEntry = hasEntry;
    this.cells = at.cells;
    this.sheetName = at.sheetName;
    this.cols = at.cols;
  }

  get(key: string): CellValue {
    const c = this.cols.get(key);
    return c === undefined ? null : (this.cells[c] ?? null);
  }

  where(key: string): Where {
    return {
      sheet: this.sheetName,
      cell: a1(this.cols.get(key) ?? 0, this.rowNo),
      targetId: this.id || null,
    };
  }
}

/** What every row of a submission is read against. */
interface ReadContext {
  source: string;
  meta: WorkbookMeta | null;
  period: string;
  /** The reporting period as dates, when the period text names one. */
  range: { start: string; end: string } | null;
  catalogue: Catalogue | undefined;
  catTargets: Map<string, Target>;
  /** The workbook was made from the given catalogue (its rules apply). */
  sameCatalogue: boolean;
}

/** _meta by name, or by content when the sheet was renamed (with a warning). */
function readMeta(grid: WorkbookGrid, p: Problems): WorkbookMeta | null {
  const named = grid.sheets.find((s) => s.name === SHEET_META);
  const meta = named ? parseMeta(named) : null;
  if (meta) return meta;
  for (const s of grid.sheets) {
    const m = parseMeta(s);
    if (m) {
      p.warning('sheet-renamed', `隐藏的信息表 ${SHEET_META} 被改名为“${s.name}”`, { sheet: s.name });
      return m;
    }
  }
  return null;
}

/** The reasons a workbook cannot be read at all (reported as errors); false when it can be read. */
function refuseUnreadableWorkbook(
  meta: WorkbookMeta | null,
  targets: Located | null,
  source: string,
  p: Problems,
): boolean {
  if (!meta && !targets) {
    p.error(
      NOT_A_LUOSHI_WORKBOOK,
      `${source} 不是 luoshi 生成的填报表（找不到“${SHEET_TARGETS}”工作表和隐藏的 ${SHEET_META} 信息），请使用下发的填报表填写`,
    );
    return true;
  }
  if (meta && meta.formatVersion > WORKBOOK_FORMAT_VERSION) {
    p.error(
      FORMAT_TOO_NEW,
      `${source} 由更新版本的 luoshi 生成（格式版本 ${meta.formatVersion}，本程序支持到 ${WORKBOOK_FORMAT_VERSION}），请升级 luoshi`,
    );
    return true;
  }
  return false;
}

/** The workbook-level checks (missing _meta, guide sheet, catalogue version) and the context rows are read in. */
function readContext(
  grid: WorkbookGrid,
  meta: WorkbookMeta | null,
  period: string,
  options: ReadOptions,
  p: Problems,
): ReadContext {
  const source = options.source;
  if (!meta) {
    p.error(
      'meta-missing',
      `${source} 缺少隐藏的 ${SHEET_META} 信息（可能把内容复制到了新文件中），无法核对目录内容是否被改动；请使用下发的原始填报表`,
    );
  }
  if (!grid.sheets.some((s) => s.name === SHEET_GUIDE)) {
    p.warning('sheet-missing', `找不到“${SHEET_GUIDE}”工作表（被删除或改名）`);
  }
  const catalogue = options.catalogue;
  const catTargets = new Map<string, Target>();
  for (const t of catalogue?.targets ?? []) catTargets.set(t.id, t);
  if (catalogue && meta && meta.catalogueVersion !== catalogue.version) {
    p.warning(
      'catalogue-version',
      `本表按目录版本 ${meta.catalogueVersion || '（未知）'} 生成，与所给目录版本 ${catalogue.version} 不同；可用 luoshi workbook --upgrade 把已填内容转到新目录`,
    );
  }
  return {
    source,
    meta,
    period,
    range: period ? parsePeriod(period) : null,
    catalogue,
    catTargets,
    sameCatalogue: !!catalogue && !!meta && meta.catalogueVersion === catalogue.version,
  };
}

function metaRowsOf(meta: WorkbookMeta | null, kind: MetaRow['kind']): Map<string, MetaRow> {
  const byId = new Map<string, MetaRow>();
  for (const r of meta?.rows ?? []) if (r.kind === kind) byId.set(r.id, r);
  return byId;
}

/**
 * The one routine both table sheets are read with: every row below the header whose id is a
 * catalogue row of this workbook is handed to `visit`; rows without an id, added, duplicated or
 * deleted rows and edited catalogue (locked) cells are reported here.
 */
function readRows(
  table: Located,
  spec: TableSpec,
  hasMeta: boolean,
  p: Problems,
  visit: (row: RowCursor) => void,
): void {
  const { sheet, header } = table;
  const S = sheet.name;
  const cols = header.cols;
  const idCol = cols.get(spec.idKey);
  // Columns resolved once per sheet, not per row: the entry cells that count as filled, the locked ones.
  const entryCols: number[] = [];
  for (const c of spec.columns) {
    const at = c.entry ? cols.get(c.key) : undefined;
    if (at !== undefined) entryCols.push(at);
  }
  const locked = lockedColumns(spec.columns, cols);
  const seen = new Set<string>();
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const rowNo = r + 1;
    const cells = sheet.rows[r] ?? NO_CELLS;
    const id = idCol === undefined ? '' : str(cells[idCol]);
    const hasEntry = anyFilled(cells, entryCols);
    if (!id) {
      const anything = (sheet.rows[r] ?? []).some((v) => str(v) !== '');
      if (hasEntry) {
        p.error(
          'row-added',
          `第 ${rowNo} 行没有${spec.noun}编号，不是目录中的${spec.noun}（${spec.addedRowHint}）`,
          { sheet: S, cell: a1(0, rowNo) },
        );
      } else if (anything && hasMeta && spec.warnStrayRows) {
        p.warning('row-added', `第 ${rowNo} 行不是目录中的${spec.noun}（请勿自行增加行）`, {
          sheet: S,
          cell: a1(0, rowNo),
        });
      }
      continue;
    }
    if (seen.has(id)) {
      p.error('row-duplicated', `${spec.noun}编号 ${id} 出现了不止一次（请勿复制行）`, {
        sheet: S,
        cell: a1(idCol ?? 0, rowNo),
        targetId: id,
      });
      continue;
    }
    seen.add(id);
    const m = spec.metaRows.get(id);
    if (hasMeta && !m) {
      p.error(
        'row-added',
        `${spec.noun}编号 ${id} 不在本表的${spec.noun}目录中（新增了行，或改动了${spec.noun}编号）`,
        { sheet: S, cell: a1(idCol ?? 0, rowNo), targetId: id },
      );
      continue;
    }
    if (m && locked) checkLockedCells(m, locked, cells, { S, rowNo, id, noun: spec.noun }, p);
    visit(new TableRow({ cells, sheetName: S, cols, rowNo }, id, m, hasEntry));
  }
  for (const [id, m] of spec.metaRows) {
    if (!seen.has(id)) {
      p.error('row-deleted', `${spec.noun} ${id}（原第 ${m.row} 行）被删除，请使用原始填报表，不要删除行`, {
        sheet: S,
        cell: a1(0, m.row),
        targetId: id,
      });
    }
  }
}

/** Whether any of the row's cells at `at` holds text (what textCell gives is not blank). */
function anyFilled(cells: readonly CellValue[], at: readonly number[]): boolean {
  for (const c of at) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    // A string is blank when only whitespace: textCell's trim, without the trimmed copy.
    if (typeof v === 'string' ? v.trim() !== '' : str(v) !== '') return true;
  }
  return false;
}

/** The fingerprinted columns of a sheet and where they are; null when one of them is missing. */
interface LockedColumns {
  defs: readonly ColumnDef[];
  cols: readonly number[];
}

function lockedColumns(columns: readonly ColumnDef[], cols: Map<string, number>): LockedColumns | null {
  const defs = fingerprintColumns(columns);
  const at: number[] = [];
  for (const d of defs) {
    const c = cols.get(d.key);
    // A moved-away column cannot be compared (its absence is reported as a missing column).
    if (c === undefined) return null;
    at.push(c);
  }
  return { defs, cols: at };
}

/** An error for each catalogue (locked) cell whose content no longer matches its _meta fingerprint. */
function checkLockedCells(
  m: MetaRow,
  locked: LockedColumns,
  cells: readonly CellValue[],
  at: { S: string; rowNo: number; id: string; noun: string },
  p: Problems,
): void {
  const { defs, cols } = locked;
  const before = matchedBefore.get(m.fingerprint);
  if (before && sameCells(before, cells, cols)) return;
  const fits = fingerprintFits(m.fingerprint, cols.length);
  let edited = false;
  for (let i = 0; i < cols.length; i++) {
    const cell = cells[cols[i]] ?? null;
    if (fits && cellMatches(m.fingerprint, i, cell)) continue;
    edited = true;
    p.error(
      'locked-cell-edited',
      `目录内容“${defs[i].header}”被改动（灰色单元格是${at.noun}目录，请勿修改；现为 ${shown(cell ?? '')}）`,
      { sheet: at.S, cell: a1(cols[i], at.rowNo), targetId: at.id },
    );
  }
  const kept = edited ? null : keptCells(cells, cols);
  if (!kept) return;
  if (matchedBefore.size >= MATCHED_KEPT) matchedBefore.clear();
  // The fingerprint copied whole as well: a key is kept as long as its value.
  matchedBefore.set(JSON.parse(JSON.stringify(m.fingerprint)) as string, kept);
}

/**
 * Locked cells that matched their fingerprint before, by fingerprint. A server's checking thread reads
 * the uploads of one round's offices, whose catalogue cells and fingerprints are the same in every
 * workbook: values equal (===) to ones that matched the same fingerprint match again, so they are not
 * hashed again. Only a shortcut (the same answer either way), bounded, and cleared when full.
 */
const matchedBefore = new Map<string, readonly CellValue[]>();
const MATCHED_KEPT = 20_000;

/**
 * The row's locked cells as the cache keeps them: texts copied whole (a reader's texts may be slices of
 * the whole part they were read from, which the cache would otherwise keep alive after the upload),
 * numbers, booleans and blanks as they are; null (not kept) when a cell holds anything else (a Date).
 */
function keptCells(cells: readonly CellValue[], cols: readonly number[]): CellValue[] | null {
  const kept: CellValue[] = [];
  for (const c of cols) {
    const v = cells[c] ?? null;
    if (typeof v === 'string') kept.push(JSON.parse(JSON.stringify(v)) as string);
    else if (v === null || typeof v === 'number' || typeof v === 'boolean') kept.push(v);
    else return null;
  }
  return kept;
}

function sameCells(
  before: readonly CellValue[],
  cells: readonly CellValue[],
  cols: readonly number[],
): boolean {
  if (before.length !== cols.length) return false;
  for (let i = 0; i < cols.length; i++) if ((cells[cols[i]] ?? null) !== before[i]) return false;
  return true;
}

/** The rule a 指标 row is judged by: the given catalogue's when it made the workbook, else _meta's. */
function targetRule(
  row: RowCursor,
  ctx: ReadContext,
): { rule: Rule; known: boolean; target: Target | undefined } {
  const m = row.meta;
  // An allocated share is the office's own rule: only _meta records it (the catalogue holds the overall target).
  const ct = ctx.sameCatalogue && !m?.overall ? ctx.catTargets.get(row.id) : undefined;
  const rule: Rule = ct
    ? { comparator: ct.comparator, value: ct.value, valueMax: ct.valueMax, unit: ct.unit ?? '' }
    : m
      ? { comparator: m.comparator, value: m.value, valueMax: m.valueMax, unit: m.unit }
      : { comparator: 'milestone', value: null, valueMax: null, unit: str(row.get('unit')) };
  return {
    rule,
    known: ct !== undefined || m !== undefined,
    target: ct ?? (ctx.sameCatalogue ? ctx.catTargets.get(row.id) : undefined),
  };
}

/** A figure cell (基期值, 完成值): a number in the target's unit, or an error. */
function readFigure(row: RowCursor, key: string, label: string, rule: Rule, p: Problems): number | null {
  const raw = row.get(key);
  const res = parseFigure(raw, rule.unit);
  if (!res.ok) {
    p.error(
      'not-a-number',
      `${shown(raw)} ${res.reason}（${label}只填数字${rule.unit ? `，单位：${rule.unit}` : ''}）`,
      row.where(key),
    );
    return null;
  }
  const fractionOfPercent =
    res.value !== null &&
    rule.unit === '%' &&
    typeof raw === 'number' &&
    raw > 0 &&
    raw < 1 &&
    rule.value !== null &&
    rule.value >= 1;
  if (fractionOfPercent) {
    p.warning(
      'percent-as-fraction',
      `${label} ${raw} 看起来是小数形式的百分比；本指标单位为 %，30% 应填 30`,
      row.where(key),
    );
  }
  return res.value;
}

/** 截至日期: a date inside the reporting period, or an error. */
function readAsOf(row: RowCursor, ctx: ReadContext, p: Problems): string | null {
  const raw = row.get('asOf');
  const d = parseDateCell(raw);
  if (!d.ok) {
    p.error('not-a-date', `${shown(raw)} ${d.reason}`, row.where('asOf'));
    return null;
  }
  const { range } = ctx;
  if (d.value && range && (d.value < range.start || d.value > range.end)) {
    p.error(
      'date-out-of-period',
      `截至日期 ${d.value} 不在填报期间 ${ctx.period}（${range.start} 至 ${range.end}）内`,
      row.where('asOf'),
    );
  }
  return d.value;
}

/** 进展状态: one of the listed statuses, or an error. */
function readStatus(row: RowCursor, p: Problems): Entry['status'] {
  const raw = row.get('status');
  const st = parseStatus(raw);
  if (st.ok) return st.value;
  p.error('bad-status', `${shown(raw)} ${st.reason}`, row.where('status'));
  return null;
}

/** Implausible figures (a unit slip, a share over 100 %): src/core/progress/plausibility.ts. */
function checkPlausibility(
  row: RowCursor,
  targetRow: TargetRow,
  entry: Entry,
  rule: Rule,
  target: Target | undefined,
  p: Problems,
): void {
  if (entry.actual === null || isVerified(entry)) return;
  const kind =
    target?.kind ??
    deriveKind({
      indicator: targetRow.quote,
      unit: rule.unit,
      comparator: isComparator(rule.comparator) ? rule.comparator : 'milestone',
      value: rule.value,
    });
  for (const f of implausibilities(entry.actual, {
    kind,
    value: rule.value,
    unit: rule.unit,
    quote: targetRow.quote,
  }))
    p.warning(
      `implausible-${f.code}`,
      `${f.message}；核实无误的，请在“进展情况”中注明“${VERIFIED_MARK}”`,
      row.where('actual'),
    );
}

/** 滞后 needs its cause in 存在问题 (an error) and, preferably, 下一步措施 (a warning). */
function checkLagging(
  row: RowCursor,
  entry: { status: Entry['status']; problems: string; nextSteps: string },
  p: Problems,
): void {
  if (entry.status !== '滞后') return;
  if (!entry.problems) {
    p.error('lagging-unexplained', '进展状态为“滞后”，须在“存在问题”中说明原因', row.where('problems'));
  }
}

/** Whether status, figure and explanations of a 指标 row agree. */
function checkConsistency(row: RowCursor, targetRow: TargetRow, entry: Entry, rule: Rule, p: Problems): void {
  const { status, actual } = entry;
  checkLagging(row, entry, p);
  if (status === '滞后' && !entry.nextSteps) {
    p.warning('lagging-no-next-steps', '进展状态为“滞后”，请填写“下一步措施”', row.where('nextSteps'));
  }
  const numeric = rule.comparator !== 'milestone' && rule.value !== null;
  if (numeric && actual !== null) {
    const goal = describeTarget(rule, targetRow.targetText);
    const met = meetsTarget(actual, rule.comparator, rule.value, rule.valueMax);
    if (status === '已完成' && met === false) {
      p.warning(
        'status-inconsistent',
        `进展状态为“已完成”，但完成值 ${actual} 未达到目标 ${goal}`,
        row.where('status'),
      );
    } else if ((status === '滞后' || status === '未启动') && met === true) {
      p.warning(
        'status-inconsistent',
        `进展状态为“${status}”，但完成值 ${actual} 已达到目标 ${goal}`,
        row.where('status'),
      );
    }
  }
  if (numeric && status === '已完成' && actual === null && str(row.get('actual')) === '') {
    p.warning('actual-missing', '进展状态为“已完成”，但未填写完成值', row.where('actual'));
  }
  if (status === null && str(row.get('status')) === '' && (actual !== null || entry.progress)) {
    p.warning('status-missing', '已填写完成值或进展情况，但未选择进展状态', row.where('status'));
  }
}

/** One 指标 row: its catalogue columns and rule, and what the office typed, checked. */
function readTargetRow(
  row: RowCursor,
  ctx: ReadContext,
  p: Problems,
): { targetRow: TargetRow; entry: Entry } {
  const { rule, known, target } = targetRule(row, ctx);
  const targetRow = targetRowOf(
    row.id,
    row.rowNo,
    row,
    known && isComparator(rule.comparator) ? rule.comparator : null,
    known ? rule.value : null,
    known ? rule.valueMax : null,
  );
  if (row.meta?.overall) targetRow.overall = row.meta.overall;
  if (ctx.catalogue && !ctx.catTargets.has(row.id)) {
    p.warning('target-not-in-catalogue', `指标 ${row.id} 不在所给目录中`, row.where('targetId'));
  }
  const baseline = readFigure(row, 'baseline', '基期值', rule, p);
  const actual = readFigure(row, 'actual', '完成值', rule, p);
  const asOf = readAsOf(row, ctx, p);
  const status = readStatus(row, p);
  const entry: Entry = {
    targetId: row.id,
    baseline,
    actual,
    asOf,
    status,
    progress: str(row.get('progress')),
    problems: str(row.get('problems')),
    nextSteps: str(row.get('nextSteps')),
    evidence: str(row.get('evidence')),
  };
  checkPlausibility(row, targetRow, entry, rule, target, p);
  checkConsistency(row, targetRow, entry, rule, p);
  return { targetRow, entry };
}

/** The 指标 sheet: its rows and entries (missing columns and unfilled rows reported). */
function readTargetSheet(
  table: Located | null,
  ctx: ReadContext,
  p: Problems,
): { rows: TargetRow[]; entries: Entry[] } {
  const rows: TargetRow[] = [];
  const entries: Entry[] = [];
  if (!table) {
    p.error('sheet-missing', `找不到“${SHEET_TARGETS}”工作表（被删除，或表头被改动），无法读取指标填报内容`);
    return { rows, entries };
  }
  warnIfRenamed(table, SHEET_TARGETS, p);
  const S = table.sheet.name;
  const missing = TARGET_COLUMNS.filter(
    (c) => c.key !== 'rate' && !c.optional && !table.header.cols.has(c.key),
  );
  for (const c of missing) {
    p.error('column-missing', `找不到“${c.header}”列（被删除或表头被改动）`, {
      sheet: S,
      cell: a1(0, table.header.row + 1),
    });
  }
  let unfilled = 0;
  const spec: TableSpec = {
    columns: TARGET_COLUMNS,
    idKey: 'targetId',
    noun: '指标',
    metaRows: metaRowsOf(ctx.meta, 'target'),
    addedRowHint: '请勿自行增加行，补充情况写在“进展情况”中',
    warnStrayRows: true,
  };
  readRows(table, spec, ctx.meta !== null, p, (row) => {
    const { targetRow, entry } = readTargetRow(row, ctx, p);
    rows.push(targetRow);
    entries.push(entry);
    if (!row.hasEntry) unfilled++;
  });
  if (unfilled > 0) p.warning('rows-unfilled', `有 ${unfilled} 项指标没有填写任何内容`, { sheet: S });
  return { rows, entries };
}

/** The 任务 sheet: status and explanations per task. */
function readTaskSheet(table: Located | null, ctx: ReadContext, p: Problems): TaskEntry[] {
  const metaRows = metaRowsOf(ctx.meta, 'task');
  if (!table) {
    if (metaRows.size > 0)
      p.error('sheet-missing', `找不到“${SHEET_TASKS}”工作表（被删除，或表头被改动），无法读取任务填报内容`);
    return [];
  }
  warnIfRenamed(table, SHEET_TASKS, p);
  const taskEntries: TaskEntry[] = [];
  const spec: TableSpec = {
    columns: TASK_COLUMNS,
    idKey: 'taskId',
    noun: '任务',
    metaRows,
    addedRowHint: '请勿自行增加行',
    warnStrayRows: false,
  };
  readRows(table, spec, ctx.meta !== null, p, (row) => {
    const te: TaskEntry = {
      taskId: row.id,
      status: readStatus(row, p),
      progress: str(row.get('progress')),
      problems: str(row.get('problems')),
      nextSteps: str(row.get('nextSteps')),
    };
    checkLagging(row, te, p);
    taskEntries.push(te);
  });
  return taskEntries;
}

/**
 * Reads an office's workbook: finds _meta and the 指标 / 任务 sheets (by name, or by header when
 * renamed), refuses what is no luoshi workbook, then reads both sheets with the same row routine.
 */
export function readSubmission(grid: WorkbookGrid, options: ReadOptions): Submission {
  const p = new Problems();
  const source = options.source;
  const meta = readMeta(grid, p);
  const targets = locateTable(grid, SHEET_TARGETS, TARGET_COLUMNS, ['targetId', 'actual'], isRemovedSheet);
  const tasks = locateTable(grid, SHEET_TASKS, TASK_COLUMNS, ['taskId', 'status'], isRemovedSheet);
  if (refuseUnreadableWorkbook(meta, targets, source, p)) return emptySubmission(source, p.list);

  const subtitle = targets ? fromSubtitle(targets.sheet, targets.header.row) : { office: '', period: '' };
  const office = meta?.office || subtitle.office;
  const period = meta?.period || subtitle.period;
  const ctx = readContext(grid, meta, period, options, p);
  const { rows, entries } = readTargetSheet(targets, ctx, p);
  const taskEntries = readTaskSheet(tasks, ctx, p);
  const filler = readFiller(grid);
  return {
    office,
    period,
    catalogueVersion: meta?.catalogueVersion ?? '',
    formatVersion: meta?.formatVersion ?? 0,
    generatedAt: meta?.generatedAt ?? null,
    source,
    rows,
    entries,
    taskEntries,
    ...(filler.filler ? { filler: filler.filler } : {}),
    problems: [...p.list, ...filler.problems],
  };
}

/** The 已移除指标 sheet of an upgraded workbook: old rows with what was typed, so a further upgrade keeps them too. */
export function readRemovedTargets(grid: WorkbookGrid): { row: TargetRow; entry: Entry; reason: string }[] {
  const sheet =
    grid.sheets.find((s) => s.name === SHEET_REMOVED) ??
    grid.sheets.find((s) => s.state !== 'veryHidden' && isRemovedSheet(s));
  if (!sheet) return [];
  const header = findHeader(sheet, REMOVED_COLUMNS, ['targetId', 'reason']);
  if (!header) return [];
  const out: { row: TargetRow; entry: Entry; reason: string }[] = [];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const get = (key: string): CellValue => {
      const c = header.cols.get(key);
      return c === undefined ? null : cellAt(sheet, r, c);
    };
    const id = str(get('targetId'));
    if (!id) continue;
    const figure = (key: string) => {
      const res = parseFigure(get(key), str(get('unit')));
      return res.ok ? res.value : null;
    };
    const date = parseDateCell(get('asOf'));
    const st = parseStatus(get('status'));
    out.push({
      // A removed target is no longer judged against anything.
      row: targetRowOf(id, r + 1, { get }, null, null, null),
      entry: {
        targetId: id,
        baseline: figure('baseline'),
        actual: figure('actual'),
        asOf: date.ok ? date.value : null,
        status: st.ok ? st.value : null,
        progress: str(get('progress')),
        problems: str(get('problems')),
        nextSteps: str(get('nextSteps')),
        evidence: str(get('evidence')),
      },
      reason: str(get('reason')),
    });
  }
  return out;
}

/** Header text of the optional upgrade column, re-exported for hosts that show it. */
export { CHANGE_NOTE_HEADER };
