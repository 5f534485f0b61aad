/**
 * The 目录审核 workbook: every extracted target with columns for the coordinating office
 * to confirm, delete or correct it, and blank rows to add targets the parser missed.
 * Buffers in and out (no fs). All cell text is written as string values, never formulas.
 */
import { deriveKind, KIND_NAMES } from '../core/catalogue/kind.js';
import ExcelJS from 'exceljs';
import type { Catalogue } from '../core/model/catalogue.js';
import {
  COMPARATOR_LABEL,
  CORRECTABLE_FIELDS,
  formatDeadline,
  readCorrectionsGrid,
  REVIEW_ACTIONS,
  REVIEW_COLUMNS,
  REVIEW_SHEET,
  type CatalogueCorrections,
} from '../core/catalogue/index.js';

type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
import { DEFAULT_FONT, linesHeight, wrappedLines } from '../core/workbook/build-plan.js';
import { columnLetter } from '../core/workbook/layout.js';
import { patchWorkbook } from './ooxml-patch.js';
import { readWorkbookGrid } from './read-grid.js';

/** Blank rows offered for targets the parser missed. */
export const REVIEW_BLANK_ROWS = 50;

/**
 * Column order on the sheet (the reader finds columns by header, so this is free): the indicator and
 * the 处理 choice first (frozen), the parse result and 备注 next (the printed part), then the 改为…
 * columns, and last the reference columns 文件, 章节, 编号 (on screen only).
 */
const ORDER: readonly ReviewColumn[] = [
  '指标',
  '简称',
  '处理',
  '原文',
  '比较',
  '目标值',
  '上限',
  '单位',
  '指标类型',
  '期限',
  '每年',
  '牵头单位',
  '参与单位',
  '备注',
  '改为指标',
  '改为简称',
  '改为比较',
  '改为目标值',
  '改为上限',
  '改为单位',
  '改为指标类型',
  '改为期限',
  '改为每年',
  '改为牵头单位',
  '改为参与单位',
  '文件',
  '章节',
  '编号',
];
/** Any column the reader learns later goes last, so the sheet always carries every column it reads. */
const SHEET_COLUMNS: readonly ReviewColumn[] = [
  ...ORDER,
  ...REVIEW_COLUMNS.filter((c) => !ORDER.includes(c)),
];
/**
 * Columns printed (A4 landscape, one page wide): up to 备注. Their widths add up to at most 150 units,
 * which LibreOffice and Excel print at 80 % or more; a column added here must take its width from another.
 */
const PRINTED = SHEET_COLUMNS.indexOf('备注') + 1;
const FROZEN = SHEET_COLUMNS.indexOf('处理') + 1;

const WIDTHS: Record<string, number> = {
  指标: 14,
  简称: 12,
  处理: 6,
  原文: 32,
  比较: 6,
  目标值: 8,
  上限: 6,
  单位: 7,
  指标类型: 7,
  期限: 8,
  每年: 5,
  牵头单位: 14,
  参与单位: 14,
  备注: 10,
  文件: 20,
  章节: 12,
  编号: 34,
};
const WRAPPED = new Set(['指标', '原文', '牵头单位', '参与单位', '备注', '文件', '章节']);
const FILL_LOCKED = 'FFF2F2F2';
const FILL_EDIT = 'FFFFF9E6';
const FILL_NEW = 'FFEAF4FF';
const FILL_HEADER = 'FFD9E2F3';

function width(name: string): number {
  return WIDTHS[name] ?? (name.startsWith('改为') ? Math.max(8, (WIDTHS[name.slice(2)] ?? 10) - 2) : 10);
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Deadline as the reviewer reads and writes it: "2020" or "2019-06". */
function deadlineCell(d: string | null): string {
  return d ?? '';
}

/** Estimated height of a row of wrapped cells (not fixed: Excel grows it when text is typed). */
function rowHeight(values: Record<string, string | number | null>): number {
  let lines = 1;
  for (const name of SHEET_COLUMNS) {
    const v = values[name];
    if (WRAPPED.has(name) && typeof v === 'string' && v)
      lines = Math.max(lines, wrappedLines(v, width(name)));
  }
  return linesHeight(lines);
}

type Validation = ExcelJS.DataValidation;

/** One validation per column range: never per cell (exceljs then writes overlapping duplicates). */
function addValidations(ws: ExcelJS.Worksheet, first: number, last: number, blankFirst: number): void {
  const dvs = (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } })
    .dataValidations;
  const letter = (name: ReviewColumn) => columnLetter(SHEET_COLUMNS.indexOf(name));
  const add = (names: ReviewColumn[], from: number, v: Validation) => {
    for (const n of names) dvs.add(`${letter(n)}${from}:${letter(n)}${last}`, v);
  };
  const list = (values: string, errorTitle: string, error: string): Validation => ({
    type: 'list',
    allowBlank: true,
    formulae: [values],
    showErrorMessage: true,
    errorTitle,
    error,
  });
  add(
    ['处理'],
    first,
    list(`"${REVIEW_ACTIONS.join(',')}"`, '处理方式', '请从列表中选择：确认、删除、修改或新增'),
  );
  const comparators = list(
    `"${Object.values(COMPARATOR_LABEL).join(',')}"`,
    '比较方式',
    '请从列表中选择比较方式',
  );
  add(['改为比较'], first, comparators);
  add(['比较'], blankFirst, comparators);
  const number: Validation = {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [-1e15, 1e15],
    showErrorMessage: true,
    errorTitle: '数字',
    error: '请填写数字',
  };
  add(['改为目标值', '改为上限'], first, number);
  add(['目标值', '上限'], blankFirst, number);
  const kinds = list(
    `"${Object.values(KIND_NAMES).join(',')}"`,
    '指标类型',
    '总量类各单位相加；比率、人均、时长类不相加；节点类按进展判断',
  );
  add(['改为指标类型'], first, kinds);
  add(['指标类型'], blankFirst, kinds);
  const yesNo = list('"是,否"', '每年', '请填“是”或“否”');
  add(['改为每年'], first, yesNo);
  add(['每年'], blankFirst, yesNo);
  const deadline: Validation = {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [4, 10],
    showInputMessage: true,
    promptTitle: '期限',
    prompt: '填年份（如 2020）或年月（如 2019-06）',
  };
  add(['改为期限'], first, deadline);
  add(['期限'], blankFirst, deadline);
}

function printSetup(
  ws: ExcelJS.Worksheet,
  catalogue: Catalogue,
  orientation: 'landscape' | 'portrait',
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(orientation === 'landscape' ? { printTitlesRow: '1:1' } : {}),
    margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
  };
  ws.headerFooter = {
    oddHeader: `&L指标目录审核表&C目录版本 ${catalogue.version.replace(/&/g, '&&')}&R&A`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
}

export async function writeCatalogueReviewWorkbook(catalogue: Catalogue): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'luoshi';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(REVIEW_SHEET, {
    views: [{ state: 'frozen', xSplit: FROZEN, ySplit: 1, topLeftCell: `${columnLetter(FROZEN)}2` }],
  });
  ws.columns = SHEET_COLUMNS.map((name) => ({ header: name, key: name, width: width(name) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = fill(FILL_HEADER);
    c.protection = { locked: true };
  });
  header.height = 30;
  const autoRows = new Set<number>();
  const docs = new Map(catalogue.documents.map((d) => [d.id, d] as const));
  const firstEdit = new Set<string>(
    SHEET_COLUMNS.filter((c) => c === '处理' || c === '备注' || c.startsWith('改为')),
  );
  const addRow = (values: Record<string, string | number | null>): ExcelJS.Row => {
    const row = ws.addRow(SHEET_COLUMNS.map((c) => values[c] ?? null));
    row.height = rowHeight(values);
    autoRows.add(row.number);
    row.alignment = { vertical: 'top', wrapText: true };
    return row;
  };
  for (const t of catalogue.targets) {
    const d = docs.get(t.documentId);
    const values: Record<string, string | number | null> = {
      编号: t.id,
      文件: d ? (d.docNumber ?? d.title) : t.documentId,
      章节: t.path.join(''),
      原文: t.quote,
      指标: t.indicator,
      简称: t.name ?? '',
      比较: COMPARATOR_LABEL[t.comparator],
      目标值: t.value,
      上限: t.valueMax,
      单位: t.unit ?? '',
      指标类型: KIND_NAMES[t.kind ?? deriveKind({ ...t, indicator: t.quote })],
      期限: deadlineCell(t.deadline),
      每年: t.perYear ? '是' : '否',
      牵头单位: t.lead.join('、'),
      参与单位: t.participants.join('、'),
      处理: t.corrected === 'confirmed' ? '确认' : t.corrected === 'edited' ? '修改' : '',
    };
    // earlier corrections are carried in the new workbook so it can replace the old one:
    // an added target is written as an addition row, an edited one with its values in the 改为 columns
    const added = t.corrected === 'added';
    if (added) {
      values['编号'] = null;
      values['处理'] = '新增';
    }
    if (t.corrected === 'edited') {
      for (const name of CORRECTABLE_FIELDS) {
        values[`改为${name}`] = values[name] ?? null;
      }
    }
    const row = addRow(values);
    SHEET_COLUMNS.forEach((name, i) => {
      const cell = row.getCell(i + 1);
      const editable = added ? name !== '编号' : firstEdit.has(name);
      cell.protection = { locked: !editable };
      cell.fill = fill(added ? FILL_NEW : editable ? FILL_EDIT : FILL_LOCKED);
    });
  }
  // targets deleted in an earlier review stay deleted when this workbook replaces the old one
  for (const t of catalogue.deletedTargets ?? []) {
    const d = docs.get(t.documentId);
    const row = addRow({
      编号: t.id,
      文件: d ? (d.docNumber ?? d.title) : t.documentId,
      原文: t.quote,
      指标: t.indicator,
      处理: '删除',
    });
    row.font = { color: { argb: 'FF808080' }, strike: true };
    SHEET_COLUMNS.forEach((name, i) => {
      const cell = row.getCell(i + 1);
      cell.protection = { locked: !firstEdit.has(name) };
      cell.fill = fill(firstEdit.has(name) ? FILL_EDIT : FILL_LOCKED);
    });
  }
  // blank rows for targets the parser missed: every column editable
  const blankFirst = ws.rowCount + 1;
  for (let i = 0; i < REVIEW_BLANK_ROWS; i++) {
    const row = ws.addRow(SHEET_COLUMNS.map(() => null));
    SHEET_COLUMNS.forEach((name, c) => {
      const cell = row.getCell(c + 1);
      cell.protection = { locked: name === '编号' };
      cell.fill = fill(FILL_NEW);
    });
  }
  const last = ws.rowCount;
  // 期限 is text ("2019-06" must not become a date) wherever it can be typed
  for (let r = 2; r <= last; r++) {
    ws.getCell(r, SHEET_COLUMNS.indexOf('改为期限') + 1).numFmt = '@';
    if (r >= blankFirst) ws.getCell(r, SHEET_COLUMNS.indexOf('期限') + 1).numFmt = '@';
  }
  addValidations(ws, 2, last, blankFirst);
  const lastLetter = columnLetter(SHEET_COLUMNS.length - 1);
  ws.autoFilter = `A1:${lastLetter}${last}`;
  printSetup(ws, catalogue, 'landscape');
  // locked catalogue columns: protection without a password, so a reviewer can lift it if really needed
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 90;
  const lines = [
    '目录审核表使用说明',
    `本表列出指标目录中的全部 ${catalogue.targets.length} 个指标（目录版本 ${catalogue.version}）。灰色列为解析结果，不可修改；黄色列供审核填写；蓝色行为新增指标。`,
    '“处理”列：确认 = 解析正确；删除 = 不是指标，从目录中去掉；修改 = 按“改为…”各列修正（只填需要改的列）。',
    '“改为期限”填年份（如 2020）或年月（如 2019-06）；“改为每年”填 是/否；“改为比较”可选 ≥ > ≤ < = ≈ 区间 节点。',
    '“简称”是报告和表头使用的指标简称，可在“改为简称”中修改；“改为牵头单位”“改为参与单位”多个单位用顿号“、”分隔。',
    '解析遗漏的指标：在表末蓝色空行中填写，“文件”（发文字号或标题）和“原文”（从政策文件中原样复制的句子）必填，“处理”选“新增”，并填写指标、比较、目标值、单位、期限等。',
    '打印时只打印“指标”至“备注”各列；“改为…”各列和文件、章节、编号在屏幕上查看。',
    '审核完成后运行：luoshi catalogue build <政策文件…> -o catalogue.json --corrections 目录审核.xlsx ，修正会按指标编号在每次重新生成时应用；原文已改动、编号不再存在的修正会单独列出。',
  ];
  const helpRows = new Set<number>();
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
    help.getRow(i + 1).height = i === 0 ? 24 : linesHeight(wrappedLines(text, 90));
    helpRows.add(i + 1);
  });
  printSetup(help, catalogue, 'portrait');
  const buf = await wb.xlsx.writeBuffer();
  return patchWorkbook(new Uint8Array(buf), {
    font: DEFAULT_FONT,
    sheets: [
      {
        name: REVIEW_SHEET,
        autoRows,
        filter: `A1:${lastLetter}${last}`,
        printArea: `A1:${columnLetter(PRINTED - 1)}${last}`,
      },
      { name: '说明', autoRows: helpRows },
    ],
  });
}

/** Read the corrections of a filled 目录审核 workbook. Throws LuoshiError naming file, sheet and cell. */
export async function readCatalogueCorrections(
  bytes: Uint8Array,
  file: string,
): Promise<CatalogueCorrections> {
  const grid = await readWorkbookGrid(bytes, file);
  return readCorrectionsGrid(grid, file);
}

export { formatDeadline };
