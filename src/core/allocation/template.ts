/**
 * The allocation template (分解表.xlsx) as a WorkbookPlan: sheet 分解 with a header row of 指标编号, 指标, 单位,
 * 目标值 and one column per roster office (named exactly as in the roster), one row per target; then a
 * 填写说明 sheet. Realised by the same writer as the entry workbooks (src/xlsx/write-workbook.ts), so catalogue
 * text is written as text, never as a formula.
 */
import { COMPARATOR_LABEL, formatTargetValue } from '../catalogue/format.js';
import type { Catalogue, Target } from '../model/catalogue.js';
import { RULE_ALLOCATION } from '../progress/rules.js';
import {
  DEFAULT_FONT,
  linesHeight,
  PROTECT_ALLOW,
  selectForOffice,
  wrappedLines,
} from '../workbook/build-plan.js';
import { columnLetter } from '../workbook/layout.js';
import type { PlanSheet, PlanStyleRange, PlanValue, WorkbookPlan } from '../workbook/plan.js';
import { WORKBOOK_FORMAT_VERSION } from '../workbook/plan.js';
import {
  ALLOCATION_COLUMNS,
  ALLOCATION_HEADER_ROW,
  OFFICE_COLUMN_WIDTH,
  SHEET_ALLOCATION,
  SHEET_ALLOCATION_GUIDE,
} from './layout.js';
import type { Allocation, AllocationOffice, AllocationShare } from './types.js';
import { impliedComparator } from './share.js';

const COLOR = { header: 'D9D9D9', locked: 'F2F2F2', entry: 'FFF9E5', border: 'A6A6A6', title: '1F3864' };

const PROTECT = { password: null, allow: { ...PROTECT_ALLOW } };

export interface TemplateOptions {
  /** ISO timestamp (the caller reads the clock). */
  generatedAt: string;
  /** Shown in the print header and the guide, e.g. "吉林省发展改革委". */
  issuer?: string;
  /** Shares to fill in (an allocation read earlier, to hand back for editing); blank when absent. */
  allocation?: Allocation | null;
}

/** A share as the coordinating office would type it: a bare number when it takes the overall comparator. */
function shareCell(t: Target, share: AllocationShare | undefined): PlanValue {
  if (!share) return null;
  if (share.comparator === 'range' && share.valueMax !== null) return `${share.value}—${share.valueMax}`;
  if (share.comparator === impliedComparator(t.comparator))
    return isPercent(t) ? String(share.value) : share.value;
  return `${COMPARATOR_LABEL[share.comparator]}${share.value}`;
}

function isPercent(t: Target): boolean {
  return (t.unit ?? '').trim() === '%' || (t.unit ?? '').trim() === '％';
}

/** Whether an office can be given a share of a target: a number to split, and the target in its scope. */
function allocatable(t: Target, scope: ReadonlySet<string>): boolean {
  return t.comparator !== 'milestone' && t.value !== null && scope.has(t.id);
}

function range(c1: number, r1: number, c2: number, r2: number): string {
  return `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;
}

function allocationSheet(
  catalogue: Catalogue,
  offices: readonly AllocationOffice[],
  title: string,
  allocation: Allocation | null | undefined,
): PlanSheet {
  const given = new Map((allocation?.targets ?? []).map((t) => [t.targetId, t.shares]));
  const fixed = ALLOCATION_COLUMNS.length;
  const last = fixed + offices.length - 1;
  const targets = catalogue.targets;
  const scopes = offices.map((o) => new Set(selectForOffice(catalogue, o).targets.map((t) => t.id)));
  const header: PlanValue[] = [...ALLOCATION_COLUMNS.map((c) => c.header), ...offices.map((o) => o.office)];
  const rows: PlanValue[][] = targets.map((t) => [
    t.id,
    t.name || t.indicator,
    t.unit ?? '',
    formatTargetValue(t),
    ...offices.map((o) =>
      shareCell(
        t,
        given.get(t.id)?.find((x) => x.office === o.office),
      ),
    ),
  ]);
  const first = ALLOCATION_HEADER_ROW + 1;
  const lastRow = ALLOCATION_HEADER_ROW + targets.length;
  const styles: PlanStyleRange[] = [
    {
      range: range(0, ALLOCATION_HEADER_ROW, last, ALLOCATION_HEADER_ROW),
      style: {
        font: { bold: true },
        fill: COLOR.header,
        wrap: true,
        horizontal: 'center',
        vertical: 'middle',
        border: COLOR.border,
      },
    },
  ];
  if (targets.length > 0) {
    styles.push({
      range: range(0, first, fixed - 1, lastRow),
      style: { fill: COLOR.locked, wrap: true, vertical: 'top', border: COLOR.border, numberFormat: '@' },
    });
    if (offices.length > 0)
      styles.push({
        range: range(fixed, first, last, lastRow),
        style: { fill: COLOR.locked, border: COLOR.border, horizontal: 'center', vertical: 'top' },
      });
    // Entry cells: only where the office reports on the target and it has a number to split.
    targets.forEach((t, i) => {
      offices.forEach((_, j) => {
        if (!allocatable(t, scopes[j])) return;
        const at = `${columnLetter(fixed + j)}${first + i}`;
        styles.push({
          range: at,
          style: { fill: COLOR.entry, locked: false, ...(isPercent(t) ? { numberFormat: '@' } : {}) },
        });
      });
    });
  }
  const widths = [...ALLOCATION_COLUMNS.map((c) => c.width), ...offices.map(() => OFFICE_COLUMN_WIDTH)];
  return {
    name: SHEET_ALLOCATION,
    state: 'visible',
    columns: widths.map((width) => ({ width })),
    rowHeights: [
      {
        row: ALLOCATION_HEADER_ROW,
        height: linesHeight(Math.max(1, ...offices.map((o) => wrappedLines(o.office, OFFICE_COLUMN_WIDTH)))),
      },
      ...targets.map((t, i) => ({
        row: first + i,
        height: linesHeight(
          Math.max(wrappedLines(t.id, widths[0]), wrappedLines(t.name || t.indicator, widths[1])),
        ),
        auto: true,
      })),
    ],
    blocks: [{ origin: `A${ALLOCATION_HEADER_ROW}`, values: [header, ...rows] }],
    styles,
    merges: [],
    validations: [],
    freeze: { rows: ALLOCATION_HEADER_ROW, columns: 2 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: `${ALLOCATION_HEADER_ROW}:${ALLOCATION_HEADER_ROW}`,
      header: title.replace(/&/g, '&&'),
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      area: range(0, 1, last, Math.max(lastRow, ALLOCATION_HEADER_ROW)),
      margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    protection: PROTECT,
  };
}

const GUIDE_LINES = [
  '1. 在“分解”表中，每行一个指标，每列一个单位（列标题与名单中的单位名称完全一致，请勿修改）。',
  '2. 在浅黄色单元格中填写该单位的分解目标，只填数字（如 12）；默认与总目标的比较方式相同（总目标“≥50个”时，填 12 即“≥12个”）。比较方式不同的，可写明，如“≤3”“10—15”。',
  '3. 不分解给某单位的，留空；灰色单元格是该单位不填报的指标或节点性指标，不能分解。',
  '4. 总量类指标（个、人、元等）各单位分解目标的合计不得低于总目标（“≤”类指标不得超过总目标），否则读取时报错。',
  '5. 填好后保存为 .xlsx，用 luoshi workbook --allocation 分解表.xlsx 生成各单位填报表。',
];

function guideSheet(title: string): PlanSheet {
  const lines = [title, '', ...GUIDE_LINES, '', RULE_ALLOCATION];
  const width = 100;
  return {
    name: SHEET_ALLOCATION_GUIDE,
    state: 'visible',
    columns: [{ width }],
    rowHeights: lines.map((l, i) => ({
      row: i + 1,
      height: i === 0 ? 26 : linesHeight(wrappedLines(l, width)),
    })),
    blocks: [{ origin: 'A1', values: lines.map((l) => [l === '' ? null : l]) }],
    styles: [
      { range: 'A1', style: { font: { bold: true, size: 14, color: COLOR.title } } },
      { range: `A2:A${lines.length}`, style: { wrap: true, vertical: 'top' } },
    ],
    merges: [],
    validations: [],
    freeze: { rows: 0, columns: 0 },
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      footer: '第 &P 页 共 &N 页',
    },
    protection: PROTECT,
  };
}

/** The allocation template for a catalogue and the roster's offices. */
export function planAllocationTemplate(
  catalogue: Catalogue,
  offices: readonly AllocationOffice[],
  options: TemplateOptions,
): WorkbookPlan {
  const title = `${options.issuer ? `${options.issuer}\u3000` : ''}政策目标分解表`;
  return {
    meta: {
      formatVersion: WORKBOOK_FORMAT_VERSION,
      catalogueVersion: catalogue.version,
      office: '',
      period: '',
      generatedAt: options.generatedAt,
      deadline: null,
    },
    font: { ...DEFAULT_FONT },
    properties: { title, creator: 'luoshi' },
    sheets: [allocationSheet(catalogue, offices, title, options.allocation), guideSheet(title)],
    names: [],
    layout: {
      headerRow: ALLOCATION_HEADER_ROW,
      firstDataRow: ALLOCATION_HEADER_ROW + 1,
      targetRows: catalogue.targets.length,
      taskRows: 0,
      targetColumns: {},
      taskColumns: {},
    },
  };
}
