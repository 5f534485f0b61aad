/**
 * What the pane's four buttons do, without the DOM: each action takes the workbook host (the
 * Office-facing module, or a fake in tests) and inputs, runs the shared core and returns what
 * the pane shows. Nothing here touches Office.js, the DOM or the network.
 */
import type { Catalogue } from '../core/model/catalogue.js';
import type { WorkbookGrid } from '../core/model/grid.js';
import type { Problem, Submission } from '../core/model/submission.js';
import { LuoshiError } from '../core/errors.js';
import { planWorkbook, type RemovedTarget, type WorkbookPlan } from '../core/workbook/plan.js';
import { selectForOffice } from '../core/workbook/build-plan.js';
import { parseMeta, readRemovedTargets, readSubmission } from '../core/workbook/read.js';
import {
  HEADER_ROW,
  SHEET_GUIDE,
  SHEET_LISTS,
  SHEET_META,
  SHEET_REMOVED,
  SHEET_TARGETS,
  SHEET_TASKS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  columnLetter,
} from '../core/workbook/layout.js';
import { columnIndex } from './range-address.js';
import { compareSubmissions, type Change, type Comparison } from '../core/review/compare.js';
import { upgradeWorkbook, type ChangedTarget } from '../core/workbook/upgrade.js';
import { refuseUnreadable } from '../core/workbook/unreadable.js';
import { recordedAllocation } from '../core/allocation/index.js';

/** The Office-facing operations the actions need (ExcelHost implements them). */
export interface WorkbookHost {
  readGrid(): Promise<WorkbookGrid>;
  pull(
    makePlan: (grid: WorkbookGrid) => WorkbookPlan | Promise<WorkbookPlan>,
  ): Promise<{ syncs: number; notes: string[] }>;
  select(sheet: string, cell: string): Promise<void>;
  /** Selects the cells (as many as the host can at once); returns how many were selected. */
  highlight(sheet: string, cells: string[]): Promise<number>;
}

/** One office of the bundled roster (filters and contacts prefilled in 填报说明). */
export interface RosterEntry {
  office: string;
  contact: string | null;
  phone: string | null;
  documents: string[];
  units: string[];
}

/**
 * Roster offices to offer when `office` is not one of them (e.g. "长春" for "长春市"): those that
 * contain or are contained in it, closest in length first; the whole roster when none is close;
 * nothing when the name is in the roster (or the roster is empty).
 */
export function rosterSuggestions(office: string, roster: RosterEntry[]): string[] {
  const typed = office.trim();
  const names = roster.map((r) => r.office);
  if (!typed || names.length === 0 || names.indexOf(typed) >= 0) return [];
  const close = names
    .filter((n) => n.indexOf(typed) >= 0 || typed.indexOf(n) >= 0)
    .sort((a, b) => Math.abs(a.length - typed.length) - Math.abs(b.length - typed.length));
  return close.length > 0 ? close : names;
}

/** The open workbook, named in messages. */
export const CURRENT_WORKBOOK = '当前工作簿';

export interface PullInput {
  catalogue: Catalogue;
  office: string;
  period: string;
  /** ISO timestamp of this pull (the caller reads the clock). */
  now: string;
  roster?: RosterEntry | null;
}

export interface PullSummary {
  targets: number;
  tasks: number;
  /** Targets whose typed figures/text were carried over. */
  kept: number;
  removed: RemovedTarget[];
  /** Targets whose text, target value or unit changed in this pull, with the 变更提示 note. */
  changed: ChangedTarget[];
  /** True when the workbook had no luoshi sheets before. */
  fresh: boolean;
  syncs: number;
  notes: string[];
}

function hasTyped(e: Submission['entries'][number]): boolean {
  return (
    e.baseline !== null ||
    e.actual !== null ||
    e.asOf !== null ||
    e.status !== null ||
    e.progress !== '' ||
    e.problems !== '' ||
    e.nextSteps !== '' ||
    e.evidence !== ''
  );
}

/** Sheet names a pull writes (and so clears first). */
const PLAN_SHEETS = [SHEET_GUIDE, SHEET_TARGETS, SHEET_TASKS, SHEET_REMOVED, SHEET_LISTS, SHEET_META];

/**
 * True when the workbook already holds a luoshi workbook (its _meta is there). A workbook whose
 * sheets merely share our names holds someone's own data: refuse rather than clear it.
 */
function isLuoshiWorkbook(grid: WorkbookGrid): boolean {
  if (grid.sheets.some((s) => parseMeta(s) !== null)) return true;
  const clash = grid.sheets.find(
    (s) => PLAN_SHEETS.indexOf(s.name) >= 0 && s.rows.some((r) => r.some((v) => v !== null)),
  );
  if (clash) {
    throw new LuoshiError(
      'sheet-name-taken',
      `当前工作簿已有名为“${clash.name}”的工作表，但不是落实填报表（缺少隐藏的 ${SHEET_META} 信息）。为免覆盖其中的内容，请在空白工作簿中拉取指标，或先将该工作表改名`,
      { sheet: clash.name },
    );
  }
  return false;
}

/**
 * Refusing to pull over unreadable entries: a figure like "约30" cannot be carried into the new
 * plan (entries are typed values), so the pull stops and lists them instead of losing them.
 */
export class PullBlocked extends LuoshiError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      'pull-blocked',
      `当前工作簿有 ${problems.length} 处填报内容无法识别（如 ${problems[0].sheet ?? ''}!${problems[0].cell ?? ''}：${problems[0].message}）。为免丢失已填内容，请先改正再拉取指标`,
    );
    this.problems = problems;
  }
}

/** Errors in entry (unlocked) cells of 指标/任务, found by the header above the cell. */
function entryCellErrors(grid: WorkbookGrid, sub: Submission): Problem[] {
  const entryHeaders: Record<string, Set<string>> = {
    [SHEET_TARGETS]: new Set(TARGET_COLUMNS.filter((c) => c.entry).map((c) => c.header)),
    [SHEET_TASKS]: new Set(TASK_COLUMNS.filter((c) => c.entry).map((c) => c.header)),
  };
  return sub.problems.filter((p) => {
    if (p.severity !== 'error' || !p.sheet || !p.cell || !entryHeaders[p.sheet]) return false;
    const m = /^([A-Z]+)\d+$/.exec(p.cell);
    if (!m) return false;
    const header = grid.sheets.find((s) => s.name === p.sheet)?.rows[HEADER_ROW - 1]?.[columnIndex(m[1])];
    return typeof header === 'string' && entryHeaders[p.sheet].has(header.trim());
  });
}

/** 拉取指标: catalogue → plan (keeping what is typed) → the open workbook. */
export async function pullCatalogue(host: WorkbookHost, input: PullInput): Promise<PullSummary> {
  const office = input.office.trim();
  const period = input.period.trim();
  if (!office) throw new LuoshiError('no-office', '请先选择或填写填报单位');
  if (!period) throw new LuoshiError('no-period', '请先填写填报期间，如“2026年上半年”');
  const filter = { documents: input.roster?.documents ?? [], units: input.roster?.units ?? [] };
  const selection = selectForOffice(input.catalogue, filter);
  let summary: Omit<PullSummary, 'syncs' | 'notes'> | null = null;

  const result = await host.pull((grid) => {
    const base = {
      office,
      period,
      contact: input.roster?.contact ?? null,
      phone: input.roster?.phone ?? null,
      documents: filter.documents,
      units: filter.units,
    };
    if (!isLuoshiWorkbook(grid)) {
      summary = {
        targets: selection.targets.length,
        tasks: selection.tasks.length,
        kept: 0,
        removed: [],
        changed: [],
        fresh: true,
      };
      return planWorkbook(input.catalogue, { ...base, generatedAt: input.now });
    }
    const previous = readSubmission(grid, { source: CURRENT_WORKBOOK });
    if (previous.office && previous.office !== office) {
      throw new LuoshiError(
        'other-office',
        `当前工作簿是“${previous.office}”的填报表，与所选单位“${office}”不同。为免混入其他单位的数据，请新建空白工作簿后再拉取指标`,
      );
    }
    if (previous.period && previous.period !== period) {
      throw new LuoshiError(
        'other-period',
        `当前工作簿是“${previous.period}”的填报表，与所选期间“${period}”不同。新的填报期间请新建空白工作簿后再拉取指标`,
      );
    }
    const unreadable = entryCellErrors(grid, previous);
    if (unreadable.length > 0) throw new PullBlocked(unreadable);
    // the same carry-over rule as `luoshi workbook --upgrade` (src/core/workbook/upgrade.ts)
    const up = upgradeWorkbook(grid, CURRENT_WORKBOOK, input.catalogue, {
      period,
      documents: filter.documents,
      units: filter.units,
    });
    const earlierRemoved = new Set(readRemovedTargets(grid).map((r) => r.row.targetId));
    // Same catalogue, office and period: keep the original timestamp so a refresh is a no-op.
    const generatedAt =
      previous.catalogueVersion === input.catalogue.version && previous.generatedAt
        ? previous.generatedAt
        : input.now;
    summary = {
      targets: selection.targets.length,
      tasks: selection.tasks.length,
      kept: up.entries.filter(hasTyped).length,
      removed: up.removed.filter((r) => !earlierRemoved.has(r.row.targetId)),
      changed: up.changed,
      fresh: false,
    };
    return planWorkbook(input.catalogue, {
      ...base,
      generatedAt,
      // The office's shares recorded in _meta survive a refresh from a catalogue that does not carry them
      // (the bundled one); a server catalogue already carries the round's shares, which then win.
      allocation: recordedAllocation({ ...previous, office }),
      entries: up.entries,
      taskEntries: up.taskEntries,
      removed: up.removed,
      changeNotes: up.changeNotes,
      // 填报单位信息 typed in 填报说明 survives the refresh that rewrites the sheet
      ...(up.filler ? { filler: up.filler } : {}),
    });
  });
  if (!summary) throw new Error('pull finished without a plan');
  return { ...(summary as Omit<PullSummary, 'syncs' | 'notes'>), syncs: result.syncs, notes: result.notes };
}

/** 检查: the same validation as `luoshi check`, on the open workbook. */
export async function checkWorkbook(host: WorkbookHost, catalogue: Catalogue | null): Promise<Submission> {
  const grid = await host.readGrid();
  return readSubmission(grid, { source: CURRENT_WORKBOOK, catalogue: catalogue ?? undefined });
}

/** A problem's place in the sheet, when it has one. */
export function problemTarget(p: Problem): { sheet: string; cell: string } | null {
  return p.sheet && p.cell ? { sheet: p.sheet, cell: p.cell } : null;
}

export interface ComparedChange {
  change: Change;
  /** Where to highlight it in the open workbook, or null (e.g. a row only in the other file). */
  sheet: string | null;
  cell: string | null;
}

export interface CompareResult {
  comparison: Comparison;
  changes: ComparedChange[];
}

/** Column letter of `header` in a sheet's header row of the current grid. */
function headerColumn(grid: WorkbookGrid, sheet: string, header: string): string | null {
  const s = grid.sheets.find((x) => x.name === sheet);
  const row = s?.rows[HEADER_ROW - 1] ?? [];
  const i = row.findIndex((v) => typeof v === 'string' && v.trim() === header);
  return i >= 0 ? columnLetter(i) : null;
}

/**
 * 对比: the other submitted workbook (already read to a grid) against the open workbook. The other
 * file is "before", the open workbook "after".
 */
export async function compareWithOther(
  host: WorkbookHost,
  otherGrid: WorkbookGrid,
  otherName: string,
  catalogue: Catalogue | null,
): Promise<CompareResult> {
  const grid = await host.readGrid();
  const current = readSubmission(grid, { source: CURRENT_WORKBOOK, catalogue: catalogue ?? undefined });
  const other = readSubmission(otherGrid, { source: otherName, catalogue: catalogue ?? undefined });
  refuseUnreadable([current, other]);
  const comparison = compareSubmissions(other, current);
  const changes = comparison.changes.map((change) => {
    const inCurrent = change.kind !== 'target-removed' && change.kind !== 'task-removed';
    if (!inCurrent) return { change, sheet: null, cell: null };
    if (change.cell) return { change, sheet: change.sheet, cell: change.cell };
    const col = change.row !== null ? headerColumn(grid, change.sheet, change.field) : null;
    return { change, sheet: change.sheet, cell: col && change.row !== null ? `${col}${change.row}` : null };
  });
  return { comparison, changes };
}

/** Cells to highlight, grouped by sheet (指标 first). */
export function highlightGroups(changes: ComparedChange[]): { sheet: string; cells: string[] }[] {
  const bySheet = new Map<string, string[]>();
  for (const c of changes) {
    if (!c.sheet || !c.cell) continue;
    const list = bySheet.get(c.sheet) ?? [];
    if (list.indexOf(c.cell) < 0) list.push(c.cell);
    bySheet.set(c.sheet, list);
  }
  const order = [SHEET_TARGETS, SHEET_TASKS];
  return Array.from(bySheet.entries())
    .sort((a, b) => ((order.indexOf(a[0]) + 10) % 10) - ((order.indexOf(b[0]) + 10) % 10))
    .map(([sheet, cells]) => ({ sheet, cells }));
}
