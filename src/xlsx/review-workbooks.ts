/**
 * The reviewers' workbooks, written with exceljs to buffers (the CLI writes them to disk atomically):
 * - the compare workbook: a 变更清单 sheet plus the new version's sheets with changed cells highlighted;
 * - the 汇总 workbook: 汇总 (完成值 matrix), 完成率, 排名, 未报送, 问题, 重复报送, 异常值.
 *
 * Every cell is written as a plain value. Text from workbooks is never turned into a formula, even when
 * it starts with = + - @ (exceljs only writes a formula for a {formula} object, which we never build).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, GridSheet, WorkbookGrid } from '../core/model/grid.js';
import {
  CHANGE_KIND_LABELS,
  ID_HEADER,
  TARGET_SHEET,
  TASK_ID_HEADER,
  TASK_SHEET,
  describeCounts,
  type Change,
  type ChangeKind,
  type Comparison,
} from '../core/review/compare.js';
import type { ConsolidationResult } from '../core/review/consolidate.js';
import { KIND_NAMES } from '../core/catalogue/kind.js';
import { PROGRESS_RULES, SEVERITY_WORDS } from '../core/progress/rules.js';
import { roundShownPercent } from '../core/progress/score.js';
import { DEFAULT_FONT, linesHeight, wrappedLines } from '../core/workbook/build-plan.js';
import { describeFiller } from '../core/workbook/filler.js';
import { TARGET_COLUMNS, TASK_COLUMNS, columnLetter } from '../core/workbook/layout.js';
import { patchWorkbook, type SheetPatch } from './ooxml-patch.js';

/** Fill colours of the highlights ("AARRGGBB"), also explained in the legend row. */
export const HIGHLIGHT: Record<
  'changed' | 'filled' | 'cleared' | 'catalogue' | 'added' | 'outlier' | 'header',
  string
> = {
  changed: 'FFFFEB9C',
  filled: 'FFC6EFCE',
  cleared: 'FFFFC7CE',
  catalogue: 'FFF4B183',
  added: 'FFDDEBF7',
  outlier: 'FFFFC7CE',
  header: 'FFD9E1F2',
};

function highlightFor(kind: ChangeKind): string {
  switch (kind) {
    case 'figure-filled':
      return HIGHLIGHT.filled;
    case 'figure-cleared':
      return HIGHLIGHT.cleared;
    case 'catalogue-edited':
    case 'catalogue-updated':
      return HIGHLIGHT.catalogue;
    case 'target-added':
    case 'task-added':
      return HIGHLIGHT.added;
    default:
      return HIGHLIGHT.changed;
  }
}

type Plain = string | number | boolean | Date | null;

/** A value exceljs stores as a literal: text stays text whatever its first character, non-finite numbers are blank. */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return null; // no other value has a literal form in a cell
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };

function styleHeader(row: ExcelJS.Row): void {
  row.font = BOLD;
  row.eachCell((cell) => {
    cell.fill = solid(HIGHLIGHT.header);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** "&" starts a page header code, so text doubles it. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/**
 * A4 landscape, one page wide, the heading rows repeated; page header "who | what | sheet", footer
 * 第 N 页 共 M 页: reviewers print these lists.
 */
function printSetup(ws: ExcelJS.Worksheet, titleRow: number, left: string, centre: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${titleRow}:${titleRow}`,
    margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
  };
  ws.headerFooter = {
    oddHeader: `&L${headerText(left)}&C${headerText(centre)}&R&A`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
}

/** Wrap a cell's text at the top left. */
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top', horizontal: 'left' };

/** Estimated height of a row whose wrapped cells hold `texts` in columns of the given widths. */
function wrappedHeight(cells: readonly { text: unknown; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of cells)
    if (typeof text === 'string' && text) lines = Math.max(lines, wrappedLines(text, width));
  return linesHeight(lines);
}

function display(v: Plain): string {
  if (v === null) return '（空）';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Compare workbook

function findHeaderRow(sheet: GridSheet, idHeader: string): number {
  const limit = Math.min(sheet.rows.length, 12);
  for (let r = 0; r < limit; r++) {
    if ((sheet.rows[r] ?? []).some((v) => typeof v === 'string' && v.trim() === idHeader)) return r;
  }
  return -1;
}

function findSheet(grid: WorkbookGrid, name: string, idHeader: string): GridSheet | null {
  return (
    grid.sheets.find((s) => s.name === name) ??
    grid.sheets.find((s) => s.state === 'visible' && findHeaderRow(s, idHeader) >= 0) ??
    null
  );
}

/** Header text (or alias) → 0-based column in the grid's header row. */
function headerColumns(headerRow: readonly CellValue[], defs: typeof TARGET_COLUMNS): Map<string, number> {
  const at = new Map<string, number>();
  headerRow.forEach((v, c) => {
    if (typeof v === 'string' && v.trim()) at.set(v.trim(), c);
  });
  for (const d of defs) {
    if (at.has(d.header)) continue;
    for (const alias of d.aliases ?? []) {
      const c = at.get(alias);
      if (c !== undefined) {
        at.set(d.header, c);
        break;
      }
    }
  }
  return at;
}

/** The entry form's colour note, which means nothing in a review copy (yellow there marks a change). */
const ENTRY_FORM_NOTE = /[\s\u3000]*浅黄色单元格为填报区[^\n]*$/;

/** What a copied sheet gets patched with after writing (rows of estimated height, the print area). */
interface CopiedSheet {
  marked: number;
  autoRows: Set<number>;
  printArea?: string;
}

/**
 * Copy a grid sheet as values and highlight the changed cells (a note on each holds the old value).
 * Wrapped text columns keep their entry-form widths, rows get a height that shows their text, the
 * identifying columns and the header stay frozen, and reference columns at the end are not printed.
 */
function addHighlightedSheet(
  wb: ExcelJS.Workbook,
  title: string,
  sheet: GridSheet,
  idHeader: string,
  defs: typeof TARGET_COLUMNS,
  changes: readonly Change[],
  office: string,
): CopiedSheet {
  const ws = wb.addWorksheet(title);
  const headerIdx = findHeaderRow(sheet, idHeader);
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  sheet.rows.forEach((row, r) => {
    const out = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      let v = plain(row[c] ?? null);
      if (v === null) continue;
      if (r < headerIdx && typeof v === 'string' && ENTRY_FORM_NOTE.test(v))
        v = v.replace(
          ENTRY_FORM_NOTE,
          '\u3000\u3000底色标出与原版本不同之处（含义见“说明”表），批注中为原值',
        );
      const cell = out.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }
  });
  const autoRows = new Set<number>();
  if (headerIdx < 0) return { marked: 0, autoRows };
  styleHeader(ws.getRow(headerIdx + 1));
  ws.getRow(headerIdx + 1).height = linesHeight(2);
  ws.views = [{ state: 'frozen', ySplit: headerIdx + 1, xSplit: 2, topLeftCell: `C${headerIdx + 2}` }];
  printSetup(ws, headerIdx + 1, office, `${title}（底色为修改处）`);
  const header = sheet.rows[headerIdx] ?? [];
  const columnDefs = header.map((h) =>
    defs.find((d) => d.header === (typeof h === 'string' ? h.trim() : '')),
  );
  header.forEach((h, c) => {
    const text = typeof h === 'string' ? h : '';
    const def = columnDefs[c];
    ws.getColumn(c + 1).width = def ? def.width : Math.max(8, Math.min(24, text.length * 2 + 2));
    // 完成率 holds the cached result of the workbook's formula (a fraction): show it as the workbook did.
    if (def?.key === 'rate') {
      for (let r = headerIdx + 1; r < sheet.rows.length; r++) {
        if (typeof sheet.rows[r]?.[c] === 'number') ws.getRow(r + 1).getCell(c + 1).numFmt = '0.0%';
      }
    }
  });
  for (let r = headerIdx + 1; r < sheet.rows.length; r++) {
    const row = ws.getRow(r + 1);
    const cells: { text: unknown; width: number }[] = [];
    columnDefs.forEach((def, c) => {
      if (!def?.wrap) return;
      row.getCell(c + 1).alignment = WRAP_TOP;
      cells.push({ text: sheet.rows[r]?.[c], width: def.width });
    });
    row.height = wrappedHeight(cells);
    autoRows.add(r + 1);
  }
  // Print up to the last column that is not a reference column, when the reference columns come last.
  const firstReference = columnDefs.findIndex((d) => d?.reference);
  const printed =
    firstReference > 0 && columnDefs.slice(firstReference).every((d) => !d || d.reference)
      ? firstReference
      : width;
  const cols = headerColumns(header, defs);
  const idCol = cols.get(idHeader) ?? -1;
  const rowById = new Map<string, number>();
  if (idCol >= 0) {
    for (let r = headerIdx + 1; r < sheet.rows.length; r++) {
      const id = sheet.rows[r]?.[idCol];
      if (typeof id === 'string' && id.trim() && !rowById.has(id.trim())) rowById.set(id.trim(), r + 1);
    }
  }
  let marked = 0;
  for (const ch of changes) {
    const rowNo = rowById.get(ch.targetId) ?? null;
    if (rowNo === null) continue;
    if (ch.kind === 'target-added' || ch.kind === 'task-added') {
      for (let c = 0; c < width; c++) ws.getRow(rowNo).getCell(c + 1).fill = solid(HIGHLIGHT.added);
      marked++;
      continue;
    }
    const col = cols.get(ch.field);
    if (col === undefined) continue;
    const cell = ws.getRow(rowNo).getCell(col + 1);
    cell.fill = solid(highlightFor(ch.kind));
    cell.note = `${CHANGE_KIND_LABELS[ch.kind]}：原值 ${display(ch.before)}${ch.note ? `\n${ch.note}` : ''}`;
    marked++;
  }
  return { marked, autoRows, printArea: `A1:${columnLetter(printed - 1)}${sheet.rows.length}` };
}

/** Sheet names of the compare workbook. */
export const COMPARE_SHEETS = {
  list: '变更清单',
  targets: '指标（新版）',
  tasks: '任务（新版）',
  legend: '说明',
} as const;

/** The 变更清单 columns: what changed, where, and the full old and new text; 编号 last (not printed). */
const LIST_COLUMNS: readonly { head: string; width: number; wrap?: boolean }[] = [
  { head: '序号', width: 5 },
  { head: '工作表', width: 6 },
  { head: '行号', width: 5 },
  { head: '指标名称', width: 16, wrap: true },
  { head: '列', width: 9, wrap: true },
  { head: '变更类型', width: 10, wrap: true },
  { head: '原值', width: 34, wrap: true },
  { head: '新值', width: 34, wrap: true },
  { head: '差值', width: 8 },
  { head: '说明', width: 20, wrap: true },
  { head: '编号', width: 32 },
];
const LIST_PRINTED = LIST_COLUMNS.length - 1;
const LIST_HEADER_ROW = 3;

/** What each highlight colour means, for the legend sheet of the compare workbook. */
const COMPARE_LEGEND: readonly [string, string][] = [
  [HIGHLIGHT.changed, '数值或文字修改（批注中为原值）'],
  [HIGHLIGHT.filled, '原为空，新填写'],
  [HIGHLIGHT.cleared, '原有内容被清空'],
  [HIGHLIGHT.catalogue, '目录内容（灰色锁定单元格）被改动，或目录版本更新'],
  [HIGHLIGHT.added, '新增的指标或任务（整行）'],
];

/** Indicator name per target / task id, as the new version shows it (指标名称, else 指标内容; 任务内容). */
function namesById(grid: WorkbookGrid | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!grid) return names;
  const collect = (sheet: GridSheet | null, idHeader: string, nameHeaders: string[]) => {
    if (!sheet) return;
    const h = findHeaderRow(sheet, idHeader);
    if (h < 0) return;
    const header = (sheet.rows[h] ?? []).map((v) => (typeof v === 'string' ? v.trim() : ''));
    const idCol = header.indexOf(idHeader);
    const nameCol = nameHeaders.map((n) => header.indexOf(n)).find((c) => c >= 0) ?? -1;
    if (nameCol < 0) return;
    for (const row of sheet.rows.slice(h + 1)) {
      const id = row[idCol];
      const name = row[nameCol];
      if (typeof id === 'string' && typeof name === 'string') names.set(id.trim(), name);
    }
  };
  collect(findSheet(grid, TARGET_SHEET, ID_HEADER), ID_HEADER, ['指标名称', '指标内容']);
  collect(grid.sheets.find((s) => s.name === TASK_SHEET) ?? null, TASK_ID_HEADER, ['任务内容']);
  return names;
}

/** A legend sheet: one filled swatch and its meaning per colour, then free notes. */
function addLegendSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  colours: readonly [string, string][],
  notes: readonly string[],
): Set<number> {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 10 }, { width: 80 }];
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:B1');
  ws.getRow(1).height = 24;
  colours.forEach(([argb, meaning], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).fill = solid(argb);
    row.getCell(1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    row.getCell(2).value = meaning;
  });
  const rows = new Set<number>();
  notes.forEach((text, i) => {
    const r = 4 + colours.length + i;
    ws.mergeCells(`A${r}:B${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = text;
    cell.alignment = WRAP_TOP;
    ws.getRow(r).height = linesHeight(wrappedLines(text, 90));
    rows.add(r);
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  ws.headerFooter = { oddHeader: `&C${headerText(title)}&R&A`, oddFooter: '&C第 &P 页 共 &N 页' };
  return rows;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };

/**
 * The compare review workbook: 变更清单 (one row per change, with the indicator's name and the full old
 * and new text), the new version's 指标 / 任务 sheets as values with the changed cells highlighted when
 * its grid is given, and a 说明 sheet explaining every colour.
 */
export async function writeComparisonWorkbook(
  comparison: Comparison,
  afterGrid: WorkbookGrid | null,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'luoshi';
  wb.title = `填报表对比：${comparison.after.office}`;
  const ws = wb.addWorksheet(COMPARE_SHEETS.list);
  ws.columns = LIST_COLUMNS.map((c) => ({ width: c.width }));
  const { before, after } = comparison;
  const title = `填报表对比：${after.office}${after.period ? `\u3000${after.period}` : ''}${
    comparison.cross ? `（跨单位：${before.office} → ${after.office}）` : ''
  }`;
  printSetup(ws, LIST_HEADER_ROW, after.office, `填报表对比（${after.period}）`);
  const lastPrinted = columnLetter(LIST_PRINTED - 1);
  ws.getCell('A1').value = plain(title);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(`A1:${lastPrinted}1`);
  ws.getRow(1).height = 24;
  const summary =
    `原版本：${before.source}（${before.period}）；新版本：${after.source}（${after.period}）；` +
    `共 ${comparison.summary.total} 处变化：${describeCounts(comparison.summary.counts)}` +
    (comparison.summary.sameCatalogue ? '' : '；两个版本的指标目录不同') +
    (comparison.summary.afterLooksOlder ? '；注意：新版本的日期早于原版本，请确认先后顺序' : '') +
    (after.filler ? `；新版本${describeFiller(after.filler)}` : '') +
    '。“变更类型”的底色含义见“说明”表。';
  ws.getCell('A2').value = plain(summary);
  ws.mergeCells(`A2:${lastPrinted}2`);
  ws.getCell('A2').alignment = WRAP_TOP;
  ws.getRow(2).height = linesHeight(wrappedLines(summary, 140));
  const headRow = ws.getRow(LIST_HEADER_ROW);
  headRow.values = LIST_COLUMNS.map((c) => c.head);
  styleHeader(headRow);
  ws.views = [
    { state: 'frozen', ySplit: LIST_HEADER_ROW, xSplit: 4, topLeftCell: `E${LIST_HEADER_ROW + 1}` },
  ];
  const names = namesById(afterGrid);
  const autoRows = new Set<number>();
  comparison.changes.forEach((ch, i) => {
    const row = ws.getRow(LIST_HEADER_ROW + 1 + i);
    const values: Plain[] = [
      i + 1,
      ch.sheet,
      ch.row,
      plain(names.get(ch.targetId) ?? null),
      ch.field,
      CHANGE_KIND_LABELS[ch.kind],
      plain(ch.before),
      plain(ch.after),
      ch.delta ?? null,
      plain(ch.note ?? (ch.cell ? `单元格 ${ch.cell}` : null)),
      ch.targetId,
    ];
    values.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
      row.getCell(c + 1).alignment = LIST_COLUMNS[c].wrap ? WRAP_TOP : { vertical: 'top' };
    });
    row.getCell(6).fill = solid(highlightFor(ch.kind));
    row.height = wrappedHeight(
      values.map((v, c) => ({ text: LIST_COLUMNS[c].wrap ? v : null, width: LIST_COLUMNS[c].width })),
    );
    autoRows.add(row.number);
  });
  if (comparison.changes.length === 0) ws.getCell(`A${LIST_HEADER_ROW + 1}`).value = '两个版本没有差异';
  const lastRow = LIST_HEADER_ROW + Math.max(1, comparison.changes.length);
  const filter = `A${LIST_HEADER_ROW}:${columnLetter(LIST_COLUMNS.length - 1)}${lastRow}`;
  ws.autoFilter = filter;

  const patches: (SheetPatch | undefined)[] = [
    { name: COMPARE_SHEETS.list, autoRows, filter, printArea: `A1:${lastPrinted}${lastRow}` },
  ];
  if (afterGrid) {
    const targets = findSheet(afterGrid, TARGET_SHEET, ID_HEADER);
    if (targets) {
      const copied = addHighlightedSheet(
        wb,
        COMPARE_SHEETS.targets,
        targets,
        ID_HEADER,
        TARGET_COLUMNS,
        comparison.changes.filter((c) => c.sheet === TARGET_SHEET),
        after.office,
      );
      patches.push({ name: COMPARE_SHEETS.targets, ...copied });
    }
    const tasks = afterGrid.sheets.find((s) => s.name === TASK_SHEET);
    const taskChanges = comparison.changes.filter((c) => c.sheet === TASK_SHEET);
    if (tasks && tasks.rows.length) {
      const copied = addHighlightedSheet(
        wb,
        COMPARE_SHEETS.tasks,
        tasks,
        TASK_ID_HEADER,
        TASK_COLUMNS,
        taskChanges,
        after.office,
      );
      patches.push({ name: COMPARE_SHEETS.tasks, ...copied });
    }
  }
  const legendRows = addLegendSheet(wb, COMPARE_SHEETS.legend, '图例与说明', COMPARE_LEGEND, [
    '“变更清单”每行一处变化：“原值”“新值”为完整内容；“编号”列为指标编号，不打印。',
    '“指标（新版）”“任务（新版）”为新版本的内容，底色标出与原版本不同的单元格，批注中为原值。',
  ]);
  patches.push({ name: COMPARE_SHEETS.legend, autoRows: legendRows });
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return patchWorkbook(new Uint8Array(buf), { font: DEFAULT_FONT, sheets: patches });
}

// ---------------------------------------------------------------------------------------------
// 汇总 workbook (streamed: 1,000 offices × 300 targets stays small in memory)

/** Sheet names of the 汇总 workbook. */
export const CONSOLIDATION_SHEETS = {
  actual: '汇总',
  rate: '完成率',
  status: '进度',
  ranking: '排名',
  missing: '未报送',
  problems: '问题',
  duplicates: '重复报送',
  outliers: '异常值',
  contradictions: '状态不一致',
  rules: '说明',
} as const;

/** A fraction for a 0.0% cell, rounded as every output shows it (0.393, not 0.39249999…). */
function fractionOf(percent: number | null): number | null {
  return percent === null ? null : Number.parseFloat((roundShownPercent(percent) / 100).toPrecision(10));
}

/** Widest table (width units) printed one page wide: ≥ 80 % on A4 landscape (see the print test). */
const FIT_WIDTH = 150;
const RANKING_WIDTHS = [5, 14, 9, 10, 7, 6, 6, 8, 8, 6, 6, 7, 5, 5, 10.5, 22];
const OUTLIER_WIDTHS = [14, 28, 8, 12, 9, 9, 8, 10, 30];

/** A styled header row of the given height. */
/**
 * A styled header row, as tall as its longest wrapped heading needs plus one spare line: bold headings in
 * narrow columns take a line more in LibreOffice than the estimate (measured by the print test).
 */
function headerRow(ws: ExcelJS.Worksheet, heads: readonly string[], widths: readonly number[]): void {
  let lines = 1;
  heads.forEach((text, i) => (lines = Math.max(lines, wrappedLines(text, widths[i] ?? 10))));
  styleHeight(linesHeight(lines + 1), addPlainRow(ws, heads));
}

/** headerRow with the widths the sheet's columns already have. */
function headerRowAuto(ws: ExcelJS.Worksheet, heads: readonly string[]): void {
  headerRow(
    ws,
    heads,
    heads.map((_, i) => ws.getColumn(i + 1).width ?? 10),
  );
}

function styleHeight(height: number, row: ExcelJS.Row): void {
  styleHeader(row);
  row.height = height;
}

function addPlainRow(ws: ExcelJS.Worksheet, values: readonly unknown[]): ExcelJS.Row {
  return ws.addRow(values.map((v) => plain(v)));
}

export async function writeConsolidationWorkbook(result: ConsolidationResult): Promise<Uint8Array> {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pass.on('end', () => resolve());
    pass.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: pass,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = 'luoshi';

  const outlierSet = new Set(result.outliers.map((o) => `${o.targetId}\u0000${o.office}`));
  const officeNames = result.offices.map((o) => o.office);
  // The six columns that name a target, first on the 汇总 and 完成率 sheets.
  const lead = ['序号', '指标编号', '指标内容', '目标值', '计量单位', '文件'];
  const leadCells = (t: ConsolidationResult['targets'][number], i: number) => [
    i + 1,
    t.targetId,
    t.quote,
    t.targetText,
    t.unit,
    t.document,
  ];
  const leadWidths = [5, 12, 28, 9, 8, 12];
  // A4 landscape, one page wide while that stays legible (≤ 150 width units print at ≥ 80 %); a wider
  // matrix (many offices) prints at full size across pages, its identifying columns repeated on each.
  const pageSetup = (widths: readonly number[]): Partial<ExcelJS.PageSetup> => ({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: widths.reduce((a, b) => a + b, 0) <= FIT_WIDTH,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    ...(widths.reduce((a, b) => a + b, 0) > FIT_WIDTH ? { printTitlesColumn: 'A:C' } : {}),
    margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
  });
  // Every printed page says what it is: 汇总 | period | sheet, and 第 N 页 共 M 页.
  const pageHeader = {
    oddHeader: `&L${headerText('汇总')}&C${headerText(`${result.period ?? ''}\u3000政策目标任务落实情况汇总`)}&R&A`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
  const patches: SheetPatch[] = [];
  /** Header row styled, filter over the table, and the sheet's patch (estimated rows, _FilterDatabase). */
  const finish = (
    ws: ExcelJS.Worksheet,
    name: string,
    columns: number,
    rows: number,
    autoRows?: Set<number>,
  ) => {
    const filter = `A1:${columnLetter(columns - 1)}${Math.max(1, rows)}`;
    ws.autoFilter = filter;
    ws.headerFooter = pageHeader;
    patches.push({ name, filter, autoRows });
  };
  // 指标内容 and 文件 wrap; the row is as tall as they need.
  const leadHeight = (t: ConsolidationResult['targets'][number]) =>
    wrappedHeight([
      { text: t.quote, width: leadWidths[2] },
      { text: t.document, width: leadWidths[5] },
      { text: t.targetText, width: leadWidths[3] },
    ]);
  const leadColumns = (): Partial<ExcelJS.Column>[] =>
    leadWidths.map((width, i) => ({
      width,
      ...(i >= 2
        ? { style: { alignment: i === 2 || i === 5 ? WRAP_TOP : { vertical: 'top', wrapText: true } } }
        : {}),
    }));
  /** A number format per target row: whole numbers with thousands separators, else up to two decimals. */
  const figureFormat = (values: readonly (number | null)[]) =>
    values.every((v) => v === null || Number.isInteger(v)) ? '#,##0' : '#,##0.0#';

  // 汇总: 完成值 per target per office; totals summed against the overall target, the other kinds
  // by median, range and offices meeting the target (src/core/progress/aggregate.ts).
  {
    const tail = [
      '指标类型',
      '合计',
      '合计完成率',
      '中位数',
      '最小值',
      '最大值',
      '达到目标单位数',
      '核算进度',
      '计入单位数',
      '待核实',
    ];
    const actualWidths = [...officeNames.map(() => 10), 8, 11, 8, 9, 9, 9, 8, 10, 8, 8];
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.actual, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup([...leadWidths, ...actualWidths]),
    });
    ws.columns = [...leadColumns(), ...actualWidths.map((width) => ({ width }))];
    headerRow(ws, [...lead, ...officeNames, ...tail], [...leadWidths, ...actualWidths]);
    const autoRows = new Set<number>();
    result.targets.forEach((t, i) => {
      const row = addPlainRow(ws, [
        ...leadCells(t, i),
        ...result.actual[i],
        KIND_NAMES[t.kind],
        t.summable ? t.total : '不相加',
        t.summable ? fractionOf(t.totalRate) : null,
        t.median,
        t.min,
        t.max,
        t.meeting,
        t.status,
        t.reported,
        t.held,
      ]);
      row.getCell(6 + officeNames.length + 3).numFmt = '0.0%';
      const format = figureFormat([...result.actual[i], t.total, t.median, t.min, t.max]);
      for (let c = 0; c < officeNames.length; c++) row.getCell(7 + c).numFmt = format;
      for (const c of [2, 4, 5, 6]) row.getCell(6 + officeNames.length + c).numFmt = format;
      result.offices.forEach((o, j) => {
        if (outlierSet.has(`${t.targetId}\u0000${o.office}`))
          row.getCell(7 + j).fill = solid(HIGHLIGHT.outlier);
      });
      row.height = leadHeight(t);
      autoRows.add(row.number);
      row.commit();
    });
    finish(
      ws,
      CONSOLIDATION_SHEETS.actual,
      6 + officeNames.length + tail.length,
      result.targets.length + 1,
      autoRows,
    );
    ws.commit();
  }

  // 完成率: as a fraction with a percent format, so Excel shows 84.0% and sums/sorts correctly.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.rate, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup([...leadWidths, ...officeNames.map(() => 9)]),
    });
    // The percent format is a column style (new cells inherit it): cheaper than styling 300,000 cells one by one.
    ws.columns = [...leadColumns(), ...officeNames.map(() => ({ width: 9, style: { numFmt: '0.0%' } }))];
    headerRow(ws, [...lead, ...officeNames], [...leadWidths, ...officeNames.map(() => 9)]);
    const autoRows = new Set<number>();
    result.targets.forEach((t, i) => {
      const row = addPlainRow(ws, [...leadCells(t, i), ...result.rate[i].map(fractionOf)]);
      row.height = leadHeight(t);
      autoRows.add(row.number);
      row.commit();
    });
    finish(ws, CONSOLIDATION_SHEETS.rate, 6 + officeNames.length, result.targets.length + 1, autoRows);
    ws.commit();
  }

  // 进度: the status of each figure judged against 序时进度 (not the office's own 进展状态).
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.status, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup([...leadWidths, ...officeNames.map(() => 12)]),
    });
    ws.columns = [...leadColumns(), ...officeNames.map(() => ({ width: 12 }))];
    headerRow(ws, [...lead, ...officeNames], [...leadWidths, ...officeNames.map(() => 12)]);
    const autoRows = new Set<number>();
    result.targets.forEach((t, i) => {
      const row = addPlainRow(ws, [...leadCells(t, i), ...result.status[i]]);
      row.height = leadHeight(t);
      autoRows.add(row.number);
      row.commit();
    });
    finish(ws, CONSOLIDATION_SHEETS.status, 6 + officeNames.length, result.targets.length + 1, autoRows);
    ws.commit();
  }

  // 排名
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.ranking, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(RANKING_WIDTHS),
    });
    ws.columns = RANKING_WIDTHS.map((width) => ({ width }));
    headerRow(
      ws,
      [
        '名次',
        '单位',
        '平均完成率',
        '达到序时进度（含已完成）占比',
        '已填完成值',
        '指标数',
        '已完成',
        '达到序时进度',
        '未达到序时进度',
        '未启动',
        '无数据',
        '状态不一致',
        '错误',
        '警告',
        '截至日期',
        '文件',
      ],
      RANKING_WIDTHS,
    );
    const ranked = [...result.offices].sort(
      (a, b) => a.rank - b.rank || a.office.localeCompare(b.office, 'zh-CN'),
    );
    for (const o of ranked) {
      const row = addPlainRow(ws, [
        o.rank,
        o.office,
        fractionOf(o.score),
        fractionOf(o.ahead),
        o.filled,
        o.tally.total,
        o.tally.已完成,
        o.tally.达到序时进度,
        o.tally.未达到序时进度,
        o.tally.未启动,
        o.tally.无数据,
        o.contradictions,
        o.errors,
        o.warnings,
        o.asOf,
        o.source,
      ]);
      row.getCell(3).numFmt = '0.0%';
      row.getCell(4).numFmt = '0.0%';
      row.commit();
    }
    finish(ws, CONSOLIDATION_SHEETS.ranking, 16, ranked.length + 1);
    ws.commit();
  }

  // 未报送
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.missing, { pageSetup: pageSetup([6, 24, 40]) });
    ws.columns = [6, 24, 40].map((width) => ({ width }));
    headerRowAuto(ws, ['序号', '单位', '说明']);
    result.missing.forEach((name, i) =>
      addPlainRow(ws, [i + 1, name, '名单内单位，未收到可读取的填报表']).commit(),
    );
    result.unlisted.forEach((name, i) =>
      addPlainRow(ws, [
        result.missing.length + i + 1,
        name,
        '已报送，但不在名单中（请核对单位名称）',
      ]).commit(),
    );
    finish(ws, CONSOLIDATION_SHEETS.missing, 3, result.missing.length + result.unlisted.length + 1);
    ws.commit();
  }

  // 问题: each office's validation problems, plus files that could not be read at all.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.problems, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup([14, 20, 6, 8, 7, 14, 60]),
    });
    ws.columns = [14, 20, 6, 8, 7, 14, 60].map((width, i) => ({
      width,
      ...(i === 1 || i === 6 ? { style: { alignment: WRAP_TOP } } : {}),
    }));
    headerRowAuto(ws, ['单位', '文件', '级别', '工作表', '单元格', '指标编号', '问题']);
    for (const f of result.failures) {
      const row = addPlainRow(ws, [null, f.file, '无法读取', null, null, null, f.message]);
      row.getCell(3).fill = solid(HIGHLIGHT.cleared);
      row.commit();
    }
    for (const p of result.problems) {
      addPlainRow(ws, [
        p.office,
        p.source,
        SEVERITY_WORDS[p.severity],
        p.sheet,
        p.cell,
        p.targetId,
        p.message,
      ]).commit();
    }
    finish(ws, CONSOLIDATION_SHEETS.problems, 7, result.failures.length + result.problems.length + 1);
    ws.commit();
  }

  // 重复报送
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.duplicates, { pageSetup: pageSetup([18, 30, 30, 40]) });
    ws.columns = [18, 30, 30, 40].map((width) => ({ width }));
    headerRowAuto(ws, ['单位', '采用的文件', '未采用的文件', '原因']);
    for (const d of result.duplicates) addPlainRow(ws, [d.office, d.kept, d.dropped, d.reason]).commit();
    finish(ws, CONSOLIDATION_SHEETS.duplicates, 4, result.duplicates.length + 1);
    ws.commit();
  }

  // 异常值
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.outliers, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(OUTLIER_WIDTHS),
    });
    ws.columns = OUTLIER_WIDTHS.map((width, i) => ({
      width,
      ...(i === 1 || i === 8 ? { style: { alignment: WRAP_TOP } } : {}),
    }));
    headerRowAuto(ws, [
      '指标编号',
      '指标内容',
      '计量单位',
      '单位',
      '填报值',
      '中位数',
      '稳健z值',
      '是否计入',
      '说明',
    ]);
    const byId = new Map(result.targets.map((t) => [t.targetId, t]));
    const outlierRows = new Set<number>();
    for (const o of result.outliers) {
      const t = byId.get(o.targetId);
      const row = addPlainRow(ws, [
        o.targetId,
        t?.quote ?? null,
        t?.unit ?? null,
        o.office,
        o.value,
        o.median,
        o.score,
        o.held ? '待核实，未计入' : '计入',
        o.reason,
      ]);
      row.height = wrappedHeight([
        { text: t?.quote, width: OUTLIER_WIDTHS[1] },
        { text: o.reason, width: OUTLIER_WIDTHS[8] },
      ]);
      outlierRows.add(row.number);
      row.commit();
    }
    finish(ws, CONSOLIDATION_SHEETS.outliers, 9, result.outliers.length + 1, outlierRows);
    ws.commit();
  }

  // 状态不一致: the office's own 进展状态 against the status computed from its figure.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.contradictions, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup([14, 14, 30, 10, 12, 40]),
    });
    ws.columns = [14, 14, 30, 10, 12, 40].map((width, i) => ({
      width,
      ...(i === 2 || i === 5 ? { style: { alignment: WRAP_TOP } } : {}),
    }));
    headerRowAuto(ws, ['单位', '指标编号', '指标内容', '自报进展状态', '核算进度', '说明']);
    const byId = new Map(result.targets.map((t) => [t.targetId, t]));
    const contradictionRows = new Set<number>();
    for (const c of result.contradictions) {
      const quote = byId.get(c.targetId)?.quote ?? null;
      const row = addPlainRow(ws, [c.office, c.targetId, quote, c.declared, c.status, c.message]);
      row.height = wrappedHeight([
        { text: quote, width: 30 },
        { text: c.message, width: 40 },
      ]);
      contradictionRows.add(row.number);
      row.commit();
    }
    finish(ws, CONSOLIDATION_SHEETS.contradictions, 6, result.contradictions.length + 1, contradictionRows);
    ws.commit();
  }

  // 说明: the rules every figure above follows, stated once (src/core/progress/rules.ts).
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.rules, { pageSetup: pageSetup([6, 120]) });
    ws.columns = [6, 120].map((width) => ({
      width,
      style: { alignment: { wrapText: true, vertical: 'top' } },
    }));
    headerRowAuto(ws, ['序号', '计算规则']);
    const share =
      result.timeShare === null ? '无法确定（按全年计）' : `${(result.timeShare * 100).toFixed(1)}%`;
    addPlainRow(ws, [null, `报告期：${result.period ?? '—'}；序时进度：${share}`]).commit();
    const ruleRows = new Set<number>();
    PROGRESS_RULES.forEach((rule, i) => {
      const row = addPlainRow(ws, [i + 1, rule]);
      row.height = wrappedHeight([{ text: rule, width: 120 }]);
      ruleRows.add(row.number);
      row.commit();
    });
    // the legend of every colour used in this workbook
    const legend = addPlainRow(ws, [
      null,
      '红色底纹（“汇总”表）：异常值，与各单位中位数相差过大，详见“异常值”表；“问题”表中红色为无法读取的文件',
    ]);
    legend.getCell(1).fill = solid(HIGHLIGHT.outlier);
    legend.commit();
    ws.headerFooter = pageHeader;
    patches.push({ name: CONSOLIDATION_SHEETS.rules, autoRows: ruleRows });
    ws.commit();
  }

  await wb.commit();
  await done;
  return patchWorkbook(new Uint8Array(Buffer.concat(chunks)), { font: DEFAULT_FONT, sheets: patches });
}
