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
import { TARGET_COLUMNS, TASK_COLUMNS } from '../core/workbook/layout.js';

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

/** A4 landscape, one page wide: reviewers print these lists. */
function printSetup(ws: ExcelJS.Worksheet, titleRow: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${titleRow}:${titleRow}`,
  };
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

/** Copy a grid sheet as values and highlight the changed cells; returns how many cells were marked. */
function addHighlightedSheet(
  wb: ExcelJS.Workbook,
  title: string,
  sheet: GridSheet,
  idHeader: string,
  defs: typeof TARGET_COLUMNS,
  changes: readonly Change[],
): number {
  const ws = wb.addWorksheet(title);
  const headerIdx = findHeaderRow(sheet, idHeader);
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
  sheet.rows.forEach((row, r) => {
    const out = ws.getRow(r + 1);
    for (let c = 0; c < width; c++) {
      const v = plain(row[c] ?? null);
      if (v === null) continue;
      const cell = out.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }
  });
  if (headerIdx < 0) return 0;
  styleHeader(ws.getRow(headerIdx + 1));
  ws.views = [{ state: 'frozen', ySplit: headerIdx + 1, xSplit: 0 }];
  printSetup(ws, headerIdx + 1);
  const header = sheet.rows[headerIdx] ?? [];
  header.forEach((h, c) => {
    const text = typeof h === 'string' ? h : '';
    const def = defs.find((d) => d.header === text.trim());
    ws.getColumn(c + 1).width = def
      ? Math.min(def.width, 40)
      : Math.max(8, Math.min(30, text.length * 2 + 2));
    // 完成率 holds the cached result of the workbook's formula (a fraction): show it as the workbook did.
    if (def?.key === 'rate') {
      for (let r = headerIdx + 1; r < sheet.rows.length; r++) {
        if (typeof sheet.rows[r]?.[c] === 'number') ws.getRow(r + 1).getCell(c + 1).numFmt = '0.0%';
      }
    }
  });
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
  return marked;
}

/** Sheet names of the compare workbook. */
export const COMPARE_SHEETS = { list: '变更清单', targets: '指标（新版）', tasks: '任务（新版）' } as const;

/**
 * The compare review workbook: 变更清单 (one row per change) and, when the new version's grid is given,
 * its 指标 / 任务 sheets as values with the changed cells highlighted (a note on each holds the old value).
 */
export async function writeComparisonWorkbook(
  comparison: Comparison,
  afterGrid: WorkbookGrid | null,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'luoshi';
  wb.title = `填报表对比：${comparison.after.office}`;
  const ws = wb.addWorksheet(COMPARE_SHEETS.list);
  const heads = ['序号', '工作表', '行号', '编号', '列', '变更类型', '原值', '新值', '差值', '说明'];
  ws.columns = [6, 8, 6, 30, 12, 14, 30, 30, 10, 36].map((width) => ({ width }));
  printSetup(ws, 3);
  const { before, after } = comparison;
  ws.getCell('A1').value =
    `填报表对比：${after.office}${comparison.cross ? `（跨单位：${before.office} → ${after.office}）` : ''}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:J1');
  ws.getCell('A2').value = plain(
    `原版本：${before.source}（${before.period}）；新版本：${after.source}（${after.period}）；` +
      `共 ${comparison.summary.total} 处变化：${describeCounts(comparison.summary.counts)}` +
      (comparison.summary.sameCatalogue ? '' : '；两个版本的指标目录不同') +
      (comparison.summary.afterLooksOlder ? '；注意：新版本的日期早于原版本，请确认先后顺序' : ''),
  );
  ws.mergeCells('A2:J2');
  ws.getCell('A2').alignment = { wrapText: true };
  ws.getRow(2).height = 32;
  const headRow = ws.getRow(3);
  headRow.values = heads;
  styleHeader(headRow);
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }];
  comparison.changes.forEach((ch, i) => {
    const row = ws.getRow(4 + i);
    const values: Plain[] = [
      i + 1,
      ch.sheet,
      ch.row,
      ch.targetId,
      ch.field,
      CHANGE_KIND_LABELS[ch.kind],
      plain(ch.before),
      plain(ch.after),
      ch.delta ?? null,
      plain(ch.note ?? (ch.cell ? `单元格 ${ch.cell}` : null)),
    ];
    values.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
    row.getCell(6).fill = solid(highlightFor(ch.kind));
    for (const c of [7, 8, 10])
      row.getCell(c).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  });
  if (comparison.changes.length === 0) ws.getCell('A4').value = '两个版本没有差异';
  ws.autoFilter = { from: 'A3', to: 'J3' };

  if (afterGrid) {
    const targets = findSheet(afterGrid, TARGET_SHEET, ID_HEADER);
    if (targets) {
      addHighlightedSheet(
        wb,
        COMPARE_SHEETS.targets,
        targets,
        ID_HEADER,
        TARGET_COLUMNS,
        comparison.changes.filter((c) => c.sheet === TARGET_SHEET),
      );
    }
    const tasks = afterGrid.sheets.find((s) => s.name === TASK_SHEET);
    const taskChanges = comparison.changes.filter((c) => c.sheet === TASK_SHEET);
    if (tasks && tasks.rows.length) {
      addHighlightedSheet(wb, COMPARE_SHEETS.tasks, tasks, TASK_ID_HEADER, TASK_COLUMNS, taskChanges);
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
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
  const lead = ['序号', '指标编号', '文件', '指标内容', '目标值', '计量单位'];
  const leadCells = (t: ConsolidationResult['targets'][number], i: number) => [
    i + 1,
    t.targetId,
    t.document,
    t.quote,
    t.targetText,
    t.unit,
  ];
  const leadWidths = [6, 27, 16, 40, 12, 8];
  // A4 landscape; one page wide while that stays legible (a handful of offices), else natural width.
  const pageSetup = (columns: number): Partial<ExcelJS.PageSetup> => ({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: columns <= 20,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  });

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
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.actual, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup(6 + officeNames.length + tail.length),
    });
    ws.columns = [...leadWidths, ...officeNames.map(() => 12), 8, 14, 10, 12, 12, 12, 10, 14, 8, 8].map(
      (width) => ({ width }),
    );
    styleHeader(addPlainRow(ws, [...lead, ...officeNames, ...tail]));
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
      result.offices.forEach((o, j) => {
        if (outlierSet.has(`${t.targetId}\u0000${o.office}`))
          row.getCell(7 + j).fill = solid(HIGHLIGHT.outlier);
      });
      row.commit();
    });
    ws.commit();
  }

  // 完成率: as a fraction with a percent format, so Excel shows 84.0% and sums/sorts correctly.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.rate, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup(6 + officeNames.length),
    });
    // The percent format is a column style (new cells inherit it): cheaper than styling 300,000 cells one by one.
    ws.columns = [
      ...leadWidths.map((width) => ({ width })),
      ...officeNames.map(() => ({ width: 10, style: { numFmt: '0.0%' } })),
    ];
    styleHeader(addPlainRow(ws, [...lead, ...officeNames]));
    result.targets.forEach((t, i) => {
      const row = addPlainRow(ws, [...leadCells(t, i), ...result.rate[i].map(fractionOf)]);
      row.commit();
    });
    ws.commit();
  }

  // 进度: the status of each figure judged against 序时进度 (not the office's own 进展状态).
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.status, {
      views: [{ state: 'frozen', xSplit: 6, ySplit: 1 }],
      pageSetup: pageSetup(6 + officeNames.length),
    });
    ws.columns = [...leadWidths, ...officeNames.map(() => 14)].map((width) => ({ width }));
    styleHeader(addPlainRow(ws, [...lead, ...officeNames]));
    result.targets.forEach((t, i) => addPlainRow(ws, [...leadCells(t, i), ...result.status[i]]).commit());
    ws.commit();
  }

  // 排名
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.ranking, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(13),
    });
    ws.columns = [6, 18, 12, 14, 10, 8, 8, 12, 14, 8, 8, 10, 8, 8, 14, 30].map((width) => ({ width }));
    styleHeader(
      addPlainRow(ws, [
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
      ]),
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
    ws.commit();
  }

  // 未报送
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.missing, { pageSetup: pageSetup(3) });
    ws.columns = [6, 24, 40].map((width) => ({ width }));
    styleHeader(addPlainRow(ws, ['序号', '单位', '说明']));
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
    ws.commit();
  }

  // 问题: each office's validation problems, plus files that could not be read at all.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.problems, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(7),
    });
    ws.columns = [18, 28, 10, 10, 10, 18, 60].map((width) => ({ width }));
    styleHeader(addPlainRow(ws, ['单位', '文件', '级别', '工作表', '单元格', '指标编号', '问题']));
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
    ws.commit();
  }

  // 重复报送
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.duplicates, { pageSetup: pageSetup(4) });
    ws.columns = [18, 30, 30, 40].map((width) => ({ width }));
    styleHeader(addPlainRow(ws, ['单位', '采用的文件', '未采用的文件', '原因']));
    for (const d of result.duplicates) addPlainRow(ws, [d.office, d.kept, d.dropped, d.reason]).commit();
    ws.commit();
  }

  // 异常值
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.outliers, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(8),
    });
    ws.columns = [27, 40, 8, 18, 12, 12, 10, 16, 44].map((width) => ({ width }));
    styleHeader(
      addPlainRow(ws, [
        '指标编号',
        '指标内容',
        '计量单位',
        '单位',
        '填报值',
        '中位数',
        '稳健z值',
        '是否计入',
        '说明',
      ]),
    );
    const byId = new Map(result.targets.map((t) => [t.targetId, t]));
    for (const o of result.outliers) {
      const t = byId.get(o.targetId);
      addPlainRow(ws, [
        o.targetId,
        t?.quote ?? null,
        t?.unit ?? null,
        o.office,
        o.value,
        o.median,
        o.score,
        o.held ? '待核实，未计入' : '计入',
        o.reason,
      ]).commit();
    }
    ws.commit();
  }

  // 状态不一致: the office's own 进展状态 against the status computed from its figure.
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.contradictions, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: pageSetup(6),
    });
    ws.columns = [18, 27, 40, 12, 16, 44].map((width) => ({ width }));
    styleHeader(addPlainRow(ws, ['单位', '指标编号', '指标内容', '自报进展状态', '核算进度', '说明']));
    const byId = new Map(result.targets.map((t) => [t.targetId, t]));
    for (const c of result.contradictions)
      addPlainRow(ws, [
        c.office,
        c.targetId,
        byId.get(c.targetId)?.quote ?? null,
        c.declared,
        c.status,
        c.message,
      ]).commit();
    ws.commit();
  }

  // 说明: the rules every figure above follows, stated once (src/core/progress/rules.ts).
  {
    const ws = wb.addWorksheet(CONSOLIDATION_SHEETS.rules, { pageSetup: pageSetup(2) });
    ws.columns = [6, 120].map((width) => ({
      width,
      style: { alignment: { wrapText: true, vertical: 'top' } },
    }));
    styleHeader(addPlainRow(ws, ['序号', '计算规则']));
    const share =
      result.timeShare === null ? '无法确定（按全年计）' : `${(result.timeShare * 100).toFixed(1)}%`;
    addPlainRow(ws, [null, `报告期：${result.period ?? '—'}；序时进度：${share}`]).commit();
    PROGRESS_RULES.forEach((rule, i) => addPlainRow(ws, [i + 1, rule]).commit());
    ws.commit();
  }

  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
