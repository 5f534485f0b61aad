/**
 * parseAllocationGrid: the 分解 sheet of an allocation workbook → each office's own targets, with every
 * problem named by file, sheet and cell. Pure; the CLI (`workbook --allocation`) and the server's
 * allocation upload both read through it.
 */
import { deriveKind } from '../catalogue/kind.js';
import { formatTargetValue } from '../catalogue/format.js';
import type { Catalogue, Target } from '../model/catalogue.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../model/grid.js';
import type { Problem } from '../model/submission.js';
import { a1 } from '../workbook/layout.js';
import { textCell, toHalfWidth } from '../workbook/normalise.js';
import { selectForOffice } from '../workbook/build-plan.js';
import {
  ALLOCATION_COLUMNS,
  HEADER_SCAN_ROWS,
  SHEET_ALLOCATION,
  type AllocationColumnKey,
} from './layout.js';
import { parseShare } from './share.js';
import {
  ALLOCATION_FORMAT,
  type AllocatedTarget,
  type Allocation,
  type AllocationOffice,
  type AllocationShare,
} from './types.js';

export interface AllocationContext {
  /** Base name of the allocation file, for messages. */
  file: string;
  catalogue: Catalogue;
  /**
   * The roster's offices (names exactly as in the roster, with their 文件 / 责任单位 scope). Absent when there
   * is no roster to hold the columns to (one office's workbook): every titled column is then an office, and
   * every target is in its scope.
   */
  offices?: readonly AllocationOffice[];
  /** Base name of the roster file, for messages ("名单" when not given). */
  rosterFile?: string;
}

export interface AllocationResult {
  /** Null when any error was found: an allocation is used whole or not at all. */
  allocation: Allocation | null;
  problems: Problem[];
}

interface OfficeColumn {
  col: number;
  office: AllocationOffice;
  /** Target ids the office reports on (its roster scope); null = all. */
  scope: Set<string> | null;
}

/** Collects problems with the file, sheet and cell named in the message. */
class Problems {
  readonly list: Problem[] = [];
  constructor(
    private readonly file: string,
    private readonly sheet: string,
  ) {}
  error(code: string, message: string, cell: string | null, targetId: string | null = null): void {
    this.list.push({
      severity: 'error',
      code,
      message: `${this.file} 工作表“${this.sheet}”${cell ? `单元格 ${cell}` : ''}：${message}`,
      sheet: this.sheet,
      cell,
      targetId,
    });
  }
}

function headerKey(v: CellValue): string {
  return toHalfWidth(textCell(v)).replace(/[\s*＊]/g, '');
}

function cell(sheet: GridSheet, r: number, c: number): CellValue {
  return sheet.rows[r]?.[c] ?? null;
}

function shown(v: CellValue): string {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return `“${s.length > 30 ? `${s.slice(0, 30)}…` : s}”`;
}

function findSheet(grid: WorkbookGrid): GridSheet | undefined {
  return (
    grid.sheets.find((s) => s.name.trim() === SHEET_ALLOCATION) ??
    grid.sheets.find((s) => s.state === 'visible' && findHeaderRow(s) !== null)
  );
}

/** 0-based row holding the 指标编号 header, or null. */
function findHeaderRow(sheet: GridSheet): number | null {
  const id = ALLOCATION_COLUMNS[0];
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    const names: readonly string[] = [id.header, ...id.aliases];
    if (row.some((v) => names.includes(headerKey(v)))) return r;
  }
  return null;
}

function fixedKey(header: string): AllocationColumnKey | null {
  const c = ALLOCATION_COLUMNS.find(
    (x) => x.header === header || (x.aliases as readonly string[]).includes(header),
  );
  return c ? c.key : null;
}

/** The header row: fixed columns by name, every other titled column an office of the roster. */
function readHeader(
  sheet: GridSheet,
  headerRow: number,
  ctx: AllocationContext,
  p: Problems,
): { fixed: Map<AllocationColumnKey, number>; offices: OfficeColumn[] } {
  const fixed = new Map<AllocationColumnKey, number>();
  const offices: OfficeColumn[] = [];
  const roster = ctx.offices ? new Map(ctx.offices.map((o) => [o.office.trim(), o])) : null;
  const seen = new Map<string, string>();
  const row = sheet.rows[headerRow] ?? [];
  row.forEach((v, c) => {
    const raw = textCell(v).trim();
    if (raw === '') return;
    const key = fixedKey(headerKey(v));
    if (key && !fixed.has(key)) {
      fixed.set(key, c);
      return;
    }
    const at = a1(c, headerRow + 1);
    const office = roster ? roster.get(raw) : { office: raw };
    if (!office) {
      p.error(
        'unknown-office',
        `列标题“${raw}”不是${ctx.rosterFile ?? '名单'}中的单位（单位列的标题须与名单中的单位名称完全一致）`,
        at,
      );
      return;
    }
    const before = seen.get(raw);
    if (before) {
      p.error('duplicate-office', `单位“${raw}”的列重复（已在 ${before} 列出）`, at);
      return;
    }
    seen.set(raw, at);
    offices.push({ col: c, office, scope: roster ? scopeOf(ctx.catalogue, office) : null });
  });
  return { fixed, offices };
}

function scopeOf(catalogue: Catalogue, office: AllocationOffice): Set<string> {
  return new Set(selectForOffice(catalogue, office).targets.map((t) => t.id));
}

/** Values under a header cell that is empty: a column nobody can attribute to an office. */
function checkUntitledColumns(sheet: GridSheet, headerRow: number, p: Problems): void {
  const header = sheet.rows[headerRow] ?? [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    (sheet.rows[r] ?? []).forEach((v, c) => {
      if (v === null || textCell(v).trim() === '') return;
      if (textCell(header[c] ?? null).trim() !== '') return;
      p.error(
        'untitled-column',
        `${shown(v)} 所在列没有单位名称（请在第 ${headerRow + 1} 行填写单位名称，或删除该数值）`,
        a1(c, r + 1),
      );
    });
  }
}

function kindOf(t: Target): string {
  return t.kind ?? deriveKind(t);
}

/** Every office's share of one target row; null entries are problems already reported. */
function readShares(
  sheet: GridSheet,
  r: number,
  target: Target,
  offices: readonly OfficeColumn[],
  p: Problems,
): AllocationShare[] {
  const shares: AllocationShare[] = [];
  for (const oc of offices) {
    const raw = cell(sheet, r, oc.col);
    const at = a1(oc.col, r + 1);
    const res = parseShare(raw, target);
    if (!res.ok) {
      p.error(
        'not-a-number',
        `${shown(raw)} ${res.reason}（只填数字，如 12；可写比较符号，如 ≥12）`,
        at,
        target.id,
      );
      continue;
    }
    if (!res.share) continue;
    if (target.comparator === 'milestone' || target.value === null) {
      p.error(
        'not-allocatable',
        `“${target.name || target.indicator}”是节点性指标，没有可分解的数值，请清空此单元格`,
        at,
        target.id,
      );
      continue;
    }
    if (oc.scope && !oc.scope.has(target.id)) {
      p.error(
        'out-of-scope',
        `${oc.office.office}不填报该指标（其所属文件不在名单中${oc.office.office}的“文件”范围内），请清空此单元格`,
        at,
        target.id,
      );
      continue;
    }
    const share = { office: oc.office.office, ...res.share };
    checkShareWithinTotal(target, share, at, p);
    shares.push(share);
  }
  return shares;
}

/** One office's share of a total above the whole of it: a slip (a sum typed in, a unit confused). */
function checkShareWithinTotal(target: Target, share: AllocationShare, at: string, p: Problems): void {
  if (kindOf(target) !== 'total' || target.value === null) return;
  const whole = target.comparator === 'range' ? (target.valueMax ?? target.value) : target.value;
  if (share.value <= whole * (1 + 1e-9)) return;
  p.error(
    'share-above-total',
    `${share.office}的分解目标 ${share.value}${target.unit ?? ''} 超过总目标 ${formatTargetValue(target)}（单位是否填错？）`,
    at,
    target.id,
  );
}

/** A total's shares together must reach the overall target (or, for a ceiling, stay within it). */
function checkTotal(target: Target, shares: readonly AllocationShare[], where: string, p: Problems): void {
  if (kindOf(target) !== 'total' || target.value === null || shares.length === 0) return;
  const sum = Number(shares.reduce((s, x) => s + x.value, 0).toPrecision(12));
  const unit = target.unit ?? '';
  const overall = formatTargetValue(target);
  const ceiling = target.comparator === '<=' || target.comparator === '<';
  const eps = 1e-9 * Math.max(1, Math.abs(target.value));
  if (ceiling && sum > target.value + eps) {
    p.error(
      'allocation-over-total',
      `各单位分解目标合计 ${sum}${unit}，超过总目标 ${overall}`,
      where,
      target.id,
    );
  } else if (!ceiling && sum < target.value - eps) {
    const gap = Number((target.value - sum).toPrecision(12));
    p.error(
      'allocation-below-total',
      `各单位分解目标合计 ${sum}${unit}，未达到总目标 ${overall}（差 ${gap}${unit}）`,
      where,
      target.id,
    );
  }
}

/** Parse and check an allocation grid against the catalogue and the roster. */
export function parseAllocationGrid(grid: WorkbookGrid, ctx: AllocationContext): AllocationResult {
  const sheet = findSheet(grid);
  if (!sheet) {
    const p = new Problems(ctx.file, SHEET_ALLOCATION);
    p.error(
      'sheet-missing',
      `找不到“${SHEET_ALLOCATION}”工作表（请使用 luoshi allocation template 生成的分解表填写）`,
      null,
    );
    return { allocation: null, problems: p.list };
  }
  const p = new Problems(ctx.file, sheet.name);
  const headerRow = findHeaderRow(sheet);
  if (headerRow === null) {
    p.error('header-missing', `前 ${HEADER_SCAN_ROWS} 行中找不到“指标编号”列标题`, null);
    return { allocation: null, problems: p.list };
  }
  const { fixed, offices } = readHeader(sheet, headerRow, ctx, p);
  checkUntitledColumns(sheet, headerRow, p);
  const idCol = fixed.get('targetId')!;
  const targets = new Map(ctx.catalogue.targets.map((t) => [t.id, t]));
  const seen = new Map<string, string>();
  const out: AllocatedTarget[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const idAt = a1(idCol, r + 1);
    const id = textCell(cell(sheet, r, idCol)).trim();
    const hasShares = offices.some((o) => textCell(cell(sheet, r, o.col)).trim() !== '');
    if (id === '') {
      if (hasShares) p.error('target-id-missing', '该行填有分解数值，但没有指标编号', idAt);
      continue;
    }
    const target = targets.get(id);
    if (!target) {
      p.error('unknown-target', `指标编号“${id}”不在目录（版本 ${ctx.catalogue.version}）中`, idAt);
      continue;
    }
    const before = seen.get(id);
    if (before) {
      p.error('duplicate-target', `指标编号“${id}”重复（已在 ${before} 出现）`, idAt, id);
      continue;
    }
    seen.set(id, idAt);
    const shares = readShares(sheet, r, target, offices, p);
    const first = offices[0]?.col ?? idCol;
    const last = offices.at(-1)?.col ?? idCol;
    checkTotal(target, shares, `${a1(first, r + 1)}:${a1(last, r + 1)}`, p);
    if (shares.length > 0) out.push({ targetId: id, shares });
  }
  const ok = p.list.length === 0;
  return {
    allocation: ok
      ? { format: ALLOCATION_FORMAT, catalogueVersion: ctx.catalogue.version, source: ctx.file, targets: out }
      : null,
    problems: p.list,
  };
}
