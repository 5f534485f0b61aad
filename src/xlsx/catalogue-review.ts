/**
 * The 目录审核 workbook: every extracted target with columns for the coordinating office
 * to confirm, delete or correct it, and blank rows to add targets the parser missed.
 * Buffers in and out (no fs). All cell text is written as string values, never formulas.
 */
import ExcelJS from 'exceljs';
import type { Catalogue } from '../core/model/catalogue.js';
import {
  COMPARATOR_LABEL,
  formatDeadline,
  readCorrectionsGrid,
  REVIEW_ACTIONS,
  REVIEW_COLUMNS,
  REVIEW_SHEET,
  type CatalogueCorrections,
} from '../core/catalogue/index.js';
import { readWorkbookGrid } from './read-grid.js';

/** Blank rows offered for targets the parser missed. */
export const REVIEW_BLANK_ROWS = 50;

const WIDTHS: Record<string, number> = {
  编号: 30,
  文件: 22,
  章节: 12,
  原文: 50,
  指标: 30,
  简称: 22,
  比较: 7,
  目标值: 10,
  上限: 8,
  单位: 8,
  期限: 10,
  每年: 6,
  牵头单位: 18,
  参与单位: 22,
  处理: 8,
  备注: 24,
};
const FILL_LOCKED = 'FFF2F2F2';
const FILL_EDIT = 'FFFFF9E6';
const FILL_NEW = 'FFEAF4FF';
const FILL_HEADER = 'FFD9E2F3';

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Deadline as the reviewer reads and writes it: "2020" or "2019-06". */
function deadlineCell(d: string | null): string {
  return d ?? '';
}

export async function writeCatalogueReviewWorkbook(catalogue: Catalogue): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'luoshi';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(REVIEW_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = REVIEW_COLUMNS.map((name) => ({
    header: name,
    key: name,
    width: WIDTHS[name] ?? (name.startsWith('改为') ? Math.max(10, (WIDTHS[name.slice(2)] ?? 10) - 2) : 12),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = fill(FILL_HEADER);
    c.protection = { locked: true };
  });
  header.height = 30;
  const docs = new Map(catalogue.documents.map((d) => [d.id, d] as const));
  const firstEdit = REVIEW_COLUMNS.indexOf('处理') + 1;
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
      for (const name of [
        '指标',
        '简称',
        '比较',
        '目标值',
        '上限',
        '单位',
        '期限',
        '每年',
        '牵头单位',
        '参与单位',
      ]) {
        values[`改为${name}`] = values[name] ?? null;
      }
    }
    const row = ws.addRow(REVIEW_COLUMNS.map((c) => values[c] ?? null));
    row.alignment = { vertical: 'top', wrapText: true };
    for (let col = 1; col <= REVIEW_COLUMNS.length; col++) {
      const cell = row.getCell(col);
      const editable = added ? col > 1 : col >= firstEdit;
      cell.protection = { locked: !editable };
      cell.fill = fill(added ? FILL_NEW : editable ? FILL_EDIT : FILL_LOCKED);
    }
  }
  // targets deleted in an earlier review stay deleted when this workbook replaces the old one
  for (const t of catalogue.deletedTargets ?? []) {
    const d = docs.get(t.documentId);
    const values: Record<string, string | null> = {
      编号: t.id,
      文件: d ? (d.docNumber ?? d.title) : t.documentId,
      原文: t.quote,
      指标: t.indicator,
      处理: '删除',
    };
    const row = ws.addRow(REVIEW_COLUMNS.map((c) => values[c] ?? null));
    row.alignment = { vertical: 'top', wrapText: true };
    row.font = { color: { argb: 'FF808080' }, strike: true };
    for (let col = 1; col <= REVIEW_COLUMNS.length; col++) {
      const cell = row.getCell(col);
      cell.protection = { locked: col < firstEdit };
      cell.fill = fill(col < firstEdit ? FILL_LOCKED : FILL_EDIT);
    }
  }
  // blank rows for targets the parser missed: every column editable
  for (let i = 0; i < REVIEW_BLANK_ROWS; i++) {
    const row = ws.addRow(REVIEW_COLUMNS.map(() => null));
    for (let col = 1; col <= REVIEW_COLUMNS.length; col++) {
      const cell = row.getCell(col);
      cell.protection = { locked: col === 1 };
      cell.fill = fill(FILL_NEW);
    }
  }
  // validations on the editable columns, over the whole used range
  const last = ws.rowCount;
  const col = (name: string) =>
    ws.getColumn(REVIEW_COLUMNS.indexOf(name as (typeof REVIEW_COLUMNS)[number]) + 1);
  const comparatorList = `"${Object.values(COMPARATOR_LABEL).join(',')}"`;
  for (let r = 2; r <= last; r++) {
    const blank = r > last - REVIEW_BLANK_ROWS;
    col('处理').worksheet.getCell(r, col('处理').number).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${REVIEW_ACTIONS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '处理方式',
      error: '请从列表中选择：确认、删除、修改或新增',
    };
    for (const name of blank ? ['比较', '改为比较'] : ['改为比较']) {
      ws.getCell(r, col(name).number).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [comparatorList],
        showErrorMessage: true,
        errorTitle: '比较方式',
        error: '请从列表中选择比较方式',
      };
    }
    for (const name of blank ? ['目标值', '上限', '改为目标值', '改为上限'] : ['改为目标值', '改为上限']) {
      ws.getCell(r, col(name).number).dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [-1e15, 1e15],
        showErrorMessage: true,
        errorTitle: '数字',
        error: '请填写数字',
      };
    }
    for (const name of blank ? ['每年', '改为每年'] : ['改为每年']) {
      ws.getCell(r, col(name).number).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
        showErrorMessage: true,
        errorTitle: '每年',
        error: '请填“是”或“否”',
      };
    }
    for (const name of blank ? ['期限', '改为期限'] : ['改为期限']) {
      const cell = ws.getCell(r, col(name).number);
      cell.numFmt = '@';
      cell.dataValidation = {
        type: 'textLength',
        operator: 'between',
        allowBlank: true,
        formulae: [4, 10],
        showInputMessage: true,
        promptTitle: '期限',
        prompt: '填年份（如 2020）或年月（如 2019-06）',
      };
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REVIEW_COLUMNS.length } };
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
  help.getColumn(1).width = 100;
  const lines = [
    '目录审核表使用说明',
    `本表列出指标目录中的全部 ${catalogue.targets.length} 个指标（目录版本 ${catalogue.version}）。灰色列为解析结果，不可修改；黄色列供审核填写。`,
    '“处理”列：确认 = 解析正确；删除 = 不是指标，从目录中去掉；修改 = 按“改为…”各列修正（只填需要改的列）。',
    '“改为期限”填年份（如 2020）或年月（如 2019-06）；“改为每年”填 是/否；“改为比较”可选 ≥ > ≤ < = ≈ 区间 节点。',
    '“简称”是报告和表头中使用的指标简称，可在“改为简称”中修改；“改为牵头单位”“改为参与单位”多个单位用顿号“、”分隔。',
    '解析遗漏的指标：在表末蓝色空行中填写，“文件”（发文字号或标题）和“原文”（从政策文件中原样复制的句子）必填，“处理”选“新增”，并填写指标、比较、目标值、单位、期限等。',
    '审核完成后运行：luoshi catalogue build <政策文件…> -o catalogue.json --corrections 目录审核.xlsx ，修正会按指标编号在每次重新生成时应用；原文已改动、编号不再存在的修正会单独列出。',
  ];
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
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
