/**
 * planWorkbook: Catalogue + office options (+ entries already typed) → WorkbookPlan. Pure.
 * The same function makes a fresh workbook, an upgraded one (entries carried over) and the
 * add-in's refreshed sheets, so every path lays the workbook out identically.
 */
import type { Catalogue, PolicyDocument, Target, Task } from '../model/catalogue.js';
import {
  PROGRESS_STATUSES,
  type Entry,
  type FillerInfo,
  type TargetRow,
  type TaskEntry,
} from '../model/submission.js';
import type {
  PlanBlock,
  PlanListSource,
  PlanName,
  PlanPrint,
  PlanProtection,
  PlanSheet,
  PlanStyleRange,
  PlanValidation,
  PlanValue,
  WorkbookPlan,
} from './plan.js';
import {
  CHANGE_NOTE_HEADER,
  FILLER_FIELDS,
  FIRST_DATA_ROW,
  HEADER_ROW,
  META_KEYS,
  META_ROW_HEADERS,
  META_ROW_TABLE_MARK,
  REMOVED_COLUMNS,
  SHEET_GUIDE,
  SHEET_LISTS,
  SHEET_META,
  SHEET_REMOVED,
  SHEET_TARGETS,
  SHEET_TASKS,
  SUBTITLE_ROW,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  TITLE_ROW,
  WORKBOOK_FORMAT,
  WORKBOOK_FORMAT_VERSION,
  columnLetter,
  fingerprintColumns,
  printedColumnCount,
  sheetRef,
  type ColumnDef,
  type FillerKey,
} from './layout.js';
import { fingerprintCells } from './fingerprint.js';
import { parsePeriod } from './period.js';
import { isoToSerial } from './excel-dates.js';
import { toHalfWidth } from './normalise.js';
import { rateFormula } from './target-math.js';
import { targetText } from './target-text.js';
import { formatTargetValue } from '../catalogue/format.js';
import { applyAllocation } from '../allocation/apply.js';
import { RULE_ALLOCATION, RULE_RANKING, RULE_RATE, RULE_STATUS } from '../progress/rules.js';
import type { Allocation } from '../allocation/types.js';

/** A target no longer in the catalogue, kept with everything typed for it (upgrade). */
export interface RemovedTarget {
  row: TargetRow;
  entry: Entry;
  /** Chinese, e.g. "新版目录中已无此指标". */
  reason: string;
}

export interface PlanOptions {
  office: string;
  period: string;
  /** 报送截止 as written (e.g. "2026-01-15"), shown in 填报说明. */
  deadline?: string | null;
  /** The office's 联系人 and 电话 (from the roster), prefilled in 填报说明. */
  contact?: string | null;
  phone?: string | null;
  /** Only targets/tasks of these documents (id, 发文字号 or title); empty/absent = all. */
  documents?: string[];
  /** Only targets/tasks whose lead or participating units include one of these; empty/absent = all. */
  units?: string[];
  /** Protect sheets (default true). */
  protect?: boolean;
  /** Sheet protection password; null/absent = protected without a password. */
  protectPassword?: string | null;
  /** ISO timestamp recorded in _meta (the caller reads the clock, not the core). */
  generatedAt: string;
  /** Figures already typed (upgrade, add-in refresh), by targetId / taskId. */
  entries?: Entry[];
  taskEntries?: TaskEntry[];
  /** Targets dropped from the catalogue, kept in the 已移除指标 sheet. */
  removed?: RemovedTarget[];
  /** Chinese notes per targetId shown in a 变更提示 column (e.g. the quote changed in an upgrade). */
  changeNotes?: Record<string, string>;
  /** 填报单位信息 already filled in (upgrade, add-in refresh): written back into 填报说明. */
  filler?: FillerInfo;
  /**
   * The allocation (分解下达): the office's own share replaces the overall target of each target allocated to
   * it, shown with the overall target and recorded in _meta (src/core/allocation applyAllocation).
   */
  allocation?: Allocation | null;
}

const COLOR = {
  headerLocked: 'D9D9D9',
  headerEntry: 'FCE4A8',
  locked: 'F2F2F2',
  entry: 'FFF9E5',
  border: 'A6A6A6',
  title: '1F3864',
  note: 'C00000',
  changed: 'FFD7D7',
  headerReference: 'E7E6E6',
};

const LIST_LITERAL_LIMIT = 255;

/** What a clerk may still do on a protected sheet: select, resize; never restructure or reformat. */
export const PROTECT_ALLOW = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
};

/** Collects long validation lists on the hidden _lists sheet (Excel rejects literal lists over 255 chars). */
export class ListSheet {
  readonly columns: string[][] = [];
  private readonly known = new Map<string, PlanListSource>();

  /** A literal source when short enough, else a range on the _lists sheet (one column per distinct list). */
  source(values: string[]): PlanListSource {
    const literal = values.join(',');
    if (literal.length <= LIST_LITERAL_LIMIT && !values.some((v) => v.includes(','))) return { values };
    const key = values.join('\u0000');
    const seen = this.known.get(key);
    if (seen) return seen;
    const col = this.columns.length;
    this.columns.push(values);
    const letter = columnLetter(col);
    const src = { range: `${sheetRef(SHEET_LISTS)}!$${letter}$1:$${letter}$${values.length}` };
    this.known.set(key, src);
    return src;
  }

  sheet(protection: PlanProtection | null): PlanSheet | null {
    if (this.columns.length === 0) return null;
    const height = Math.max(...this.columns.map((c) => c.length));
    const values: PlanValue[][] = [];
    for (let r = 0; r < height; r++) values.push(this.columns.map((c) => c[r] ?? null));
    return {
      name: SHEET_LISTS,
      state: 'hidden',
      columns: this.columns.map(() => ({ width: 30 })),
      rowHeights: [],
      blocks: [{ origin: 'A1', values }],
      styles: [],
      merges: [],
      validations: [],
      freeze: { rows: 0, columns: 0 },
      print: null,
      protection,
    };
  }
}

function norm(s: string): string {
  return toHalfWidth(s).replace(/[\s〔〕[\]()（）]/g, '');
}

function documentMatches(doc: PolicyDocument, wanted: string[]): boolean {
  return wanted.some((w) => {
    const n = norm(w);
    if (!n) return false;
    return (
      doc.id === w ||
      (doc.docNumber !== null && norm(doc.docNumber) === n) ||
      norm(doc.title) === n ||
      norm(doc.title).includes(n) ||
      norm(doc.source) === n
    );
  });
}

function unitsMatch(units: string[], wanted: string[]): boolean {
  return units.some((u) => wanted.some((w) => w !== '' && (u.includes(w) || w.includes(u))));
}

/** The targets and tasks an office reports on, in catalogue order. */
export function selectForOffice(
  catalogue: Catalogue,
  filter: { documents?: string[]; units?: string[] },
): { targets: Target[]; tasks: Task[] } {
  const docs = (filter.documents ?? []).map((d) => d.trim()).filter(Boolean);
  const units = (filter.units ?? []).map((u) => u.trim()).filter(Boolean);
  const docIds = new Set(
    catalogue.documents.filter((d) => docs.length === 0 || documentMatches(d, docs)).map((d) => d.id),
  );
  const docOrder = new Map(catalogue.documents.map((d, i) => [d.id, i]));
  const byOrder = <T extends { documentId: string; offset: number }>(a: T, b: T) =>
    (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || a.offset - b.offset;
  const targets = catalogue.targets
    .filter((t) => docIds.has(t.documentId))
    .filter((t) => units.length === 0 || unitsMatch([...t.lead, ...t.participants], units))
    .slice()
    .sort(byOrder);
  const tasks = catalogue.tasks
    .filter((t) => docIds.has(t.documentId))
    .filter((t) => units.length === 0 || unitsMatch([...t.lead, ...t.participants], units))
    .slice()
    .sort(byOrder);
  return { targets, tasks };
}

/** The 文件 column: the 发文字号 (short, what offices cite), else the title. */
function docLabel(doc: PolicyDocument | undefined): string {
  if (!doc) return '';
  return doc.docNumber ?? doc.title;
}

/** A row's cells by column key; laid out in a sheet's column order by `inColumnOrder`. */
type RowCells = Record<string, PlanValue>;

/** The locked (catalogue) cells of a 指标 row, by column key. */
export function targetRowCells(seq: number, t: Target, doc: PolicyDocument | undefined): RowCells {
  return {
    seq,
    name: t.name || t.indicator,
    quote: t.quote,
    targetText: targetText(t),
    unit: t.unit ?? '',
    deadline: t.deadline ?? '',
    document: docLabel(doc),
    section: t.path.join(''),
    lead: t.lead.join('、'),
    targetId: t.id,
  };
}

function taskRowCells(seq: number, t: Task, doc: PolicyDocument | undefined): RowCells {
  const text = t.title && !t.text.startsWith(t.title) ? `${t.title}：${t.text}` : t.text;
  return {
    seq,
    text,
    document: docLabel(doc),
    section: t.path.join(''),
    lead: t.lead.join('、'),
    taskId: t.id,
  };
}

function inColumnOrder(cells: RowCells, columns: readonly ColumnDef[]): PlanValue[] {
  return columns.map((c) => cells[c.key] ?? null);
}

/** The _meta fingerprint of a row's locked cells, in the layout's fixed fingerprint order. */
function fingerprintOf(cells: RowCells, columns: readonly ColumnDef[]): string {
  return fingerprintCells(fingerprintColumns(columns).map((c) => cells[c.key] ?? null));
}

function colIndex(columns: readonly ColumnDef[], key: string): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`layout has no column ${key}`);
  return i;
}

function range(c1: number, r1: number, c2: number, r2: number): string {
  return `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;
}

function protection(options: PlanOptions): PlanProtection | null {
  if (options.protect === false) return null;
  return { password: options.protectPassword ?? null, allow: { ...PROTECT_ALLOW } };
}

/** The workbook's font: 宋体 is on every Chinese Windows and is what government forms use; 10 pt keeps A4 legible. */
export const DEFAULT_FONT = { name: '宋体', size: 10 } as const;

/** "&" starts a header code in Excel, so user text doubles it. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** A4 landscape, one page wide, header office | period and title | sheet name, footer 第 N 页 共 M 页. */
export function landscapePrint(office: string, title: string, titleRows: string, area?: string): PlanPrint {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    titleRows,
    headerLeft: headerText(office),
    header: headerText(title),
    headerRight: '&A',
    footer: '第 &P 页 共 &N 页',
    ...(area ? { area } : {}),
    margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
  };
}

/** Points of one wrapped line at the default font size (LibreOffice's CJK fonts need about 1.45 em). */
const LINE_HEIGHT = DEFAULT_FONT.size * 1.45;
const MAX_ROW_HEIGHT = 409;
/** Pixels per column-width unit (the default font's digit width) and of one CJK glyph at the default size. */
const PX_PER_WIDTH = 7;
const CJK_PX = (DEFAULT_FONT.size * 96) / 72;

/** Approximate rendered width in pixels: CJK and full-width characters one em, others about 0.6 em. */
function textPixels(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? CJK_PX : CJK_PX * 0.6;
  return w;
}

/** Lines a text takes in a wrapped column of `width` (Excel width units); a 10 % margin for word breaks. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(CJK_PX, width * PX_PER_WIDTH - 8);
  return text
    .split('\n')
    .reduce((sum, seg) => sum + Math.max(1, Math.ceil((textPixels(seg) * 1.1) / usable)), 0);
}

/** Height in points of `lines` lines of the default font, with cell padding. */
export function linesHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.round((lines * LINE_HEIGHT + 4) * 10) / 10);
}

/**
 * Row height (points) that shows every wrapped cell in full, estimated from the column widths and the
 * character count. Written because LibreOffice does not re-measure rows of a generated file on opening;
 * marked `auto` (not a custom height) so Excel still grows the row when a clerk types more.
 */
export function estimateRowHeight(cells: readonly PlanValue[], columns: readonly ColumnDef[]): number {
  let lines = 1;
  cells.forEach((v, i) => {
    const col = columns[i];
    if (!col?.wrap || typeof v !== 'string' || v === '') return;
    lines = Math.max(lines, wrappedLines(v, col.width));
  });
  return linesHeight(lines);
}

/** Title, subtitle, header styles and column setup common to the 指标 / 任务 / 已移除指标 sheets. */
function tableSheet(
  name: string,
  columns: readonly ColumnDef[],
  title: string,
  subtitle: string,
  rows: PlanValue[][],
  options: PlanOptions,
): PlanSheet {
  const last = columns.length - 1;
  const printed = printedColumnCount(columns);
  const lastPrinted = printed - 1;
  const lastRow = HEADER_ROW + rows.length;
  const blocks: PlanBlock[] = [
    { origin: `A${TITLE_ROW}`, values: [[title]] },
    { origin: `A${SUBTITLE_ROW}`, values: [[subtitle]] },
    { origin: `A${HEADER_ROW}`, values: [columns.map((c) => c.header)] },
  ];
  if (rows.length > 0) blocks.push({ origin: `A${FIRST_DATA_ROW}`, values: rows });
  const styles: PlanStyleRange[] = [
    {
      range: `A${TITLE_ROW}`,
      style: { font: { bold: true, size: 14, color: COLOR.title }, vertical: 'middle', horizontal: 'center' },
    },
    { range: `A${SUBTITLE_ROW}`, style: { vertical: 'middle', wrap: true } },
    {
      range: range(0, HEADER_ROW, last, HEADER_ROW),
      style: {
        font: { bold: true },
        fill: COLOR.headerLocked,
        wrap: true,
        horizontal: 'center',
        vertical: 'middle',
        border: COLOR.border,
      },
    },
  ];
  columns.forEach((c, i) => {
    if (c.entry)
      styles.push({ range: range(i, HEADER_ROW, i, HEADER_ROW), style: { fill: COLOR.headerEntry } });
    if (c.reference)
      styles.push({ range: range(i, HEADER_ROW, i, HEADER_ROW), style: { fill: COLOR.headerReference } });
  });
  if (rows.length > 0) {
    columns.forEach((c, i) => {
      styles.push({
        range: range(i, FIRST_DATA_ROW, i, lastRow),
        style: {
          fill: c.entry ? COLOR.entry : COLOR.locked,
          wrap: c.wrap ?? false,
          vertical: 'top',
          horizontal: c.wrap ? 'left' : 'center',
          border: COLOR.border,
          locked: !c.entry,
        },
      });
    });
  }
  const frozenColumns = Math.min(2, printed);
  return {
    name,
    state: 'visible',
    columns: columns.map((c) => ({ width: c.width })),
    rowHeights: [
      { row: TITLE_ROW, height: 26 },
      { row: SUBTITLE_ROW, height: linesHeight(1) },
      { row: HEADER_ROW, height: linesHeight(2) },
      ...rows.map((r, i) => ({ row: FIRST_DATA_ROW + i, height: estimateRowHeight(r, columns), auto: true })),
    ],
    blocks,
    styles,
    // Title and subtitle span the printed columns only, so they print centred on the page.
    merges: [range(0, TITLE_ROW, lastPrinted, TITLE_ROW), range(0, SUBTITLE_ROW, lastPrinted, SUBTITLE_ROW)],
    validations: [],
    freeze: { rows: HEADER_ROW, columns: frozenColumns },
    print: landscapePrint(
      options.office,
      `${options.period}\u3000${title.replace(options.office + options.period, '')}`,
      `${HEADER_ROW}:${HEADER_ROW}`,
      range(0, TITLE_ROW, lastPrinted, Math.max(lastRow, HEADER_ROW)),
    ),
    protection: protection(options),
    tabColor: undefined,
  };
}

function statusValidation(rangeA1: string, source: PlanListSource): PlanValidation {
  return {
    type: 'list',
    range: rangeA1,
    source,
    allowBlank: true,
    promptTitle: '进展状态',
    prompt: `从下拉列表选择：${PROGRESS_STATUSES.join('、')}。选“滞后”须在“存在问题”中说明原因。`,
    errorTitle: '进展状态无效',
    error: `只能选择：${PROGRESS_STATUSES.join('、')}`,
  };
}

function subtitleText(options: PlanOptions): string {
  const parts = [`填报单位：${options.office}`, `填报期间：${options.period}`];
  if (options.deadline) parts.push(`报送截止：${options.deadline}`);
  parts.push('浅黄色单元格为填报区，灰色单元格为目录内容（已锁定）');
  return parts.join('\u3000\u3000');
}

/** Rows of the 填报说明 sheet that hosts (and tests) need to find. */
export const GUIDE_LAYOUT = { fillerHead: 8, fillerFirst: 9 } as const;

/** The 填报单位信息 block: label/entry pairs two to a row (A:B, C:D), in FILLER_FIELDS order. */
function fillerBlock(options: PlanOptions): { values: PlanValue[][]; entries: Record<FillerKey, string> } {
  const given = options.filler;
  const prefill: Record<FillerKey, PlanValue> = {
    filler: given?.filler || options.contact || null,
    phone: given?.phone || options.phone || null,
    reviewer: given?.reviewer || null,
    head: given?.head || null,
    reportDate: given?.reportDate ? isoToSerial(given.reportDate) : null,
  };
  const values: PlanValue[][] = [];
  const entries = {} as Record<FillerKey, string>;
  FILLER_FIELDS.forEach((f, i) => {
    const row = Math.floor(i / 2);
    const col = (i % 2) * 2;
    values[row] ??= [null, null, null, null];
    values[row][col] = f.label;
    values[row][col + 1] = prefill[f.key];
    entries[f.key] = `${columnLetter(col + 1)}${GUIDE_LAYOUT.fillerFirst + row}`;
  });
  return { values, entries };
}

function fillerValidations(cells: Record<FillerKey, string>, options: PlanOptions): PlanValidation[] {
  const period = parsePeriod(options.period);
  const phone = cells.phone;
  return [
    {
      type: 'custom',
      range: phone,
      // 7–20 characters of digits, "-", "(", ")" or spaces: 0431-88888888, 13912345678, (0431)8888888-801.
      formula: `AND(LEN(${phone})>=7,LEN(${phone})<=20,ISNUMBER(-SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${phone},"-",""),"(",""),")","")," ","")))`,
      allowBlank: true,
      promptTitle: '联系电话',
      prompt: '座机请带区号，如 0431-88888888；或手机号码。',
      errorTitle: '联系电话无效',
      error: '请只填电话号码（数字，可带区号和“-”），如 0431-88888888。',
    },
    {
      type: 'date',
      range: cells.reportDate,
      min: period?.start ?? '2000-01-01',
      max: '2099-12-31',
      allowBlank: true,
      promptTitle: '报出日期',
      prompt: '本表报出（报送）的日期，如 2026-01-10。',
      errorTitle: '报出日期无效',
      error: `请输入日期（如 2026-01-10）${period ? `，不早于 ${period.start}` : ''}。`,
    },
  ];
}

const GUIDE_WIDTHS = [12, 30, 12, 30];

/** The computation rules an office should know: 完成率, the status against 序时进度, ranking, allocation. */
const GUIDE_RULES = [RULE_RATE, RULE_STATUS, RULE_RANKING, RULE_ALLOCATION];

function guideSheet(options: PlanOptions, nTargets: number, nTasks: number, nRemoved: number): PlanSheet {
  const info: [string, string][] = [
    ['填报单位', options.office],
    ['填报期间', options.period],
    ['报送截止', options.deadline || '按通知要求'],
    [
      '填报内容',
      `“指标”表 ${nTargets} 项量化指标；“任务”表 ${nTasks} 项重点任务${nRemoved ? `；“已移除指标”表 ${nRemoved} 项（仅供查阅）` : ''}`,
    ],
  ];
  const rules = [
    '1. 只在浅黄色单元格中填写；灰色单元格是指标目录内容，已锁定，请勿修改，也不要删除、插入行或更改工作表名称。',
    '2. 基期值、完成值只填数字，单位与“单位”列一致，不写“约”“左右”等文字；百分比指标填 30 或 30% 均可，都按 30% 计。',
    '3. 截至日期填写数据截至的日期（如 2025-06-30），须在填报期间之内。',
    `4. 进展状态从下拉列表中选择：${PROGRESS_STATUSES.join('、')}。选择“滞后”的，须在“存在问题”中说明原因，并填写下一步措施。`,
    '5. 完成率由表格按公式自动计算（完成值 ÷ 目标值），无需填写；“≤”类指标和节点性指标不计算完成率。',
    '6. 进展情况写明主要工作和量化进展；佐证材料写明文件名称、文号或网址，材料另行报送。',
    '7. “任务”表逐项填写重点任务的进展状态、进展情况、存在问题和下一步措施。',
    '8. 可使用 Microsoft Excel、WPS 表格或 LibreOffice 填写；填好后保存为 .xlsx 格式报送，不要另存为其他格式。',
    '9. 从其他文件粘贴的内容不受下拉和数字限制，汇总单位收到后会统一检查，请粘贴后核对。',
    '10. 本页“填报单位信息”由填报单位填写；打印本页，经单位负责人签字并加盖单位公章后，与电子表格一并报送。',
    // How the coordinating office computes from these figures: the same sentences as the 汇总 workbook's 说明
    // sheet and the 注 under the report tables (src/core/progress/rules.ts).
    ...GUIDE_RULES.map((r, i) => `${11 + i}. ${r}`),
  ];
  const filler = fillerBlock(options);
  const infoStart = 3;
  const infoEnd = infoStart + info.length - 1;
  const fillerHead = GUIDE_LAYOUT.fillerHead;
  const fillerFirst = GUIDE_LAYOUT.fillerFirst;
  const fillerLast = fillerFirst + filler.values.length - 1;
  const rulesHead = fillerLast + 2;
  const rulesStart = rulesHead + 1;
  const rulesEnd = rulesStart + rules.length - 1;
  const signRow = rulesEnd + 2;
  const values: PlanValue[][] = [
    [`${options.office}${options.period}政策目标任务落实情况填报说明`],
    [null],
    ...info.map(([k, v]) => [k, v]),
    [null],
    ['填报单位信息（由填报单位填写）'],
    ...filler.values,
    [null],
    ['填报要求'],
    ...rules.map((r) => [r]),
    [null],
    ['填表人（签字）：　　　　　　　　审核人（签字）：　　　　　　　　单位负责人（签字）：'],
    ['（单位公章）　　　　　　　　　　　　　　　　报出日期：　　　　年　　月　　日'],
  ];
  const merges = ['A1:D1', `A${fillerHead}:D${fillerHead}`, `A${rulesHead}:D${rulesHead}`];
  for (let r = infoStart; r <= infoEnd; r++) merges.push(`B${r}:D${r}`);
  for (let r = rulesStart; r <= rulesEnd; r++) merges.push(`A${r}:D${r}`);
  merges.push(`A${signRow}:D${signRow}`, `A${signRow + 1}:D${signRow + 1}`);
  const fullWidth = GUIDE_WIDTHS.reduce((a, b) => a + b, 0);
  const entryCells = Object.values(filler.entries);
  const labelCells = FILLER_FIELDS.map((_, i) => {
    const row = fillerFirst + Math.floor(i / 2);
    return `${columnLetter((i % 2) * 2)}${row}`;
  });
  // The last row of the block may hold one pair only: its right half stays blank and grey.
  const styles: PlanStyleRange[] = [
    {
      range: 'A1',
      style: { font: { bold: true, size: 16, color: COLOR.title }, horizontal: 'center', vertical: 'middle' },
    },
    {
      range: `A${infoStart}:A${infoEnd}`,
      style: { font: { bold: true }, fill: COLOR.headerLocked, border: COLOR.border, vertical: 'middle' },
    },
    { range: `B${infoStart}:D${infoEnd}`, style: { border: COLOR.border, wrap: true, vertical: 'middle' } },
    { range: `A${fillerHead}`, style: { font: { bold: true, size: 12 } } },
    {
      range: `A${fillerFirst}:D${fillerLast}`,
      style: { fill: COLOR.headerLocked, border: COLOR.border, vertical: 'middle' },
    },
    ...labelCells.map((c) => ({ range: c, style: { font: { bold: true } } })),
    ...entryCells.map((c) => ({
      range: c,
      style: { fill: COLOR.entry, locked: false, horizontal: 'left' as const },
    })),
    { range: filler.entries.phone, style: { numberFormat: '@' } },
    { range: filler.entries.reportDate, style: { numberFormat: 'yyyy-mm-dd' } },
    { range: `A${rulesHead}`, style: { font: { bold: true, size: 12 } } },
    { range: `A${rulesStart}:D${rulesEnd}`, style: { wrap: true, vertical: 'top' } },
    { range: `A${signRow}:D${signRow + 1}`, style: { font: { size: 12 }, vertical: 'bottom' } },
    { range: `A${signRow + 1}`, style: { horizontal: 'right' } },
  ];
  return {
    name: SHEET_GUIDE,
    state: 'visible',
    columns: GUIDE_WIDTHS.map((width) => ({ width })),
    rowHeights: [
      { row: 1, height: 30 },
      ...info.map((r, i) => ({
        row: infoStart + i,
        height: linesHeight(wrappedLines(r[1], fullWidth - 12)),
      })),
      ...filler.values.map((_, i) => ({ row: fillerFirst + i, height: 22 })),
      ...rules.map((r, i) => ({ row: rulesStart + i, height: linesHeight(wrappedLines(r, fullWidth)) })),
      { row: signRow, height: 40 },
      { row: signRow + 1, height: 40 },
    ],
    blocks: [{ origin: 'A1', values }],
    styles,
    merges,
    validations: fillerValidations(filler.entries, options),
    freeze: { rows: 0, columns: 0 },
    print: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      headerLeft: headerText(options.office),
      header: headerText(`${options.period}\u3000政策目标任务落实情况填报表`),
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      margins: { left: 0.7, right: 0.7, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    protection: protection(options),
  };
}

/** A percent target's figures are typed as text ("30" or "30%"), so that no program turns "30%" into 0.3. */
function isPercent(t: Target): boolean {
  return t.unit !== null && toHalfWidth(t.unit).trim() === '%';
}

function entryCells(e: Entry | undefined, actualCell: string, t: Target): RowCells {
  const rate = rateFormula(actualCell, t.comparator, t.value, { text: isPercent(t) });
  return {
    baseline: e?.baseline ?? null,
    actual: e?.actual ?? null,
    rate:
      rate === null ? '—' : { formula: rate, result: e?.actual != null && t.value ? e.actual / t.value : '' },
    asOf: e?.asOf ? isoToSerial(e.asOf) : null,
    status: e?.status ?? null,
    progress: e?.progress || null,
    problems: e?.problems || null,
    nextSteps: e?.nextSteps || null,
    evidence: e?.evidence || null,
  };
}

/** The _meta cells recording the overall target of an allocated share (empty when not allocated). */
function overallMetaCells(t: Target): PlanValue[] {
  const o = t.overall;
  if (!o) return [];
  return [o.comparator, o.value, o.valueMax, formatTargetValue({ ...t, ...o }), o.scope];
}

/** Runs of consecutive row numbers: [4,5,6,9] → [[4,6],[9,9]]. */
function runs(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * 基期值 / 完成值: one rule per column that accepts a number, or text that reads as a number once a trailing
 * % is dropped. Percent targets' cells are text cells ("@"), so "30" and "30%" both stay as typed in Excel,
 * WPS and LibreOffice and both mean 30 (the reader parses them); other targets' cells are General, where
 * a typed number is a number. One rule per column (not per run of rows) keeps the ranges disjoint and few.
 */
function figureValidations(
  targets: readonly Target[],
  col: (key: string) => number,
): { validations: PlanValidation[]; textRanges: string[] } {
  const last = FIRST_DATA_ROW + targets.length - 1;
  const percentRows = targets.flatMap((t, i) => (isPercent(t) ? [FIRST_DATA_ROW + i] : []));
  const textRanges = runs(percentRows).map(([r1, r2]) => range(col('baseline'), r1, col('actual'), r2));
  const validations = (
    [
      ['baseline', '基期值'],
      ['actual', '完成值'],
    ] as const
  ).map(([key, label]): PlanValidation => {
    const top = `${columnLetter(col(key))}${FIRST_DATA_ROW}`;
    return {
      type: 'custom',
      range: range(col(key), FIRST_DATA_ROW, col(key), last),
      formula: `ISNUMBER(-SUBSTITUTE(SUBSTITUTE(${top},"%",""),"％",""))`,
      allowBlank: true,
      promptTitle: label,
      prompt: '只填数字，单位见“单位”列；百分比指标填 30 或 30% 均可，都按 30% 计。',
      errorTitle: `${label}须为数字`,
      error: '请只输入数字（百分比指标可带 %），不要带单位或“约”“左右”等文字。',
    };
  });
  return { validations, textRanges };
}

export function planWorkbook(source: Catalogue, options: PlanOptions): WorkbookPlan {
  const catalogue = applyAllocation(source, options.allocation, options.office);
  const { targets, tasks } = selectForOffice(catalogue, options);
  const docs = new Map(catalogue.documents.map((d) => [d.id, d]));
  const entries = new Map((options.entries ?? []).map((e) => [e.targetId, e]));
  const taskEntries = new Map((options.taskEntries ?? []).map((e) => [e.taskId, e]));
  const notes = options.changeNotes ?? {};
  const withNotes = targets.some((t) => notes[t.id]);
  const lists = new ListSheet();
  const prot = protection(options);
  const period = parsePeriod(options.period);

  // ---- 指标
  const tCols: ColumnDef[] = [...TARGET_COLUMNS];
  if (withNotes)
    tCols.push({
      key: 'changeNote',
      header: CHANGE_NOTE_HEADER,
      width: 24,
      entry: false,
      wrap: true,
      reference: true,
    });
  const actualCol = columnLetter(colIndex(tCols, 'actual'));
  const metaRows: PlanValue[][] = [];
  const targetValues: PlanValue[][] = targets.map((t, i) => {
    const row = FIRST_DATA_ROW + i;
    const locked = targetRowCells(i + 1, t, docs.get(t.documentId));
    metaRows.push([
      'target',
      t.id,
      row,
      fingerprintOf(locked, tCols),
      t.comparator,
      t.value,
      t.valueMax,
      t.unit ?? '',
      ...overallMetaCells(t),
    ]);
    const cells: RowCells = {
      ...locked,
      ...entryCells(entries.get(t.id), `${actualCol}${row}`, t),
      changeNote: notes[t.id] ?? null,
    };
    return inColumnOrder(cells, tCols);
  });
  const targetSheet = tableSheet(
    SHEET_TARGETS,
    tCols,
    `${options.office}${options.period}政策量化指标落实情况`,
    subtitleText(options),
    targetValues,
    options,
  );
  const nT = targets.length;
  const lastT = FIRST_DATA_ROW + nT - 1;
  if (nT > 0) {
    const c = (key: string) => colIndex(tCols, key);
    const figures = figureValidations(targets, c);
    targetSheet.styles.push(
      {
        range: range(c('baseline'), FIRST_DATA_ROW, c('actual'), lastT),
        style: { numberFormat: 'General', horizontal: 'right' },
      },
      ...figures.textRanges.map((r) => ({ range: r, style: { numberFormat: '@' } })),
      {
        range: range(c('rate'), FIRST_DATA_ROW, c('rate'), lastT),
        style: { numberFormat: '0.0%', horizontal: 'right' },
      },
      {
        range: range(c('asOf'), FIRST_DATA_ROW, c('asOf'), lastT),
        style: { numberFormat: 'yyyy-mm-dd', horizontal: 'center' },
      },
      { range: range(c('progress'), FIRST_DATA_ROW, c('evidence'), lastT), style: { numberFormat: '@' } },
      { range: range(c('status'), FIRST_DATA_ROW, c('status'), lastT), style: { numberFormat: '@' } },
    );
    if (withNotes) {
      targetSheet.styles.push({
        range: range(c('changeNote'), FIRST_DATA_ROW, c('changeNote'), lastT),
        style: { font: { color: COLOR.note } },
      });
      targets.forEach((t, i) => {
        if (notes[t.id])
          targetSheet.styles.push({
            range: range(c('quote'), FIRST_DATA_ROW + i, c('quote'), FIRST_DATA_ROW + i),
            style: { fill: COLOR.changed },
          });
      });
    }
    targetSheet.validations.push(...figures.validations);
    targetSheet.validations.push({
      type: 'date',
      range: range(c('asOf'), FIRST_DATA_ROW, c('asOf'), lastT),
      min: period?.start ?? '2000-01-01',
      max: period?.end ?? '2099-12-31',
      allowBlank: true,
      promptTitle: '截至日期',
      prompt: period
        ? `数据截至日期，${period.start} 至 ${period.end} 之间，如 ${period.end}。`
        : '数据截至日期，如 2025-06-30。',
      errorTitle: '截至日期无效',
      error: period
        ? `请输入 ${period.start} 至 ${period.end} 之间的日期（如 ${period.end}）。`
        : '请输入日期（如 2025-06-30）。',
    });
    targetSheet.validations.push(
      statusValidation(
        range(c('status'), FIRST_DATA_ROW, c('status'), lastT),
        lists.source([...PROGRESS_STATUSES]),
      ),
    );
  }

  // ---- 任务
  const sCols = [...TASK_COLUMNS];
  const taskValues: PlanValue[][] = tasks.map((t, i) => {
    const row = FIRST_DATA_ROW + i;
    const locked = taskRowCells(i + 1, t, docs.get(t.documentId));
    metaRows.push(['task', t.id, row, fingerprintOf(locked, sCols), null, null, null, null]);
    const e = taskEntries.get(t.id);
    const cells: RowCells = {
      ...locked,
      status: e?.status ?? null,
      progress: e?.progress || null,
      problems: e?.problems || null,
      nextSteps: e?.nextSteps || null,
    };
    return inColumnOrder(cells, sCols);
  });
  const taskSheet = tableSheet(
    SHEET_TASKS,
    sCols,
    `${options.office}${options.period}重点任务落实情况`,
    subtitleText(options),
    taskValues,
    options,
  );
  const nS = tasks.length;
  const lastS = FIRST_DATA_ROW + nS - 1;
  if (nS > 0) {
    const c = (key: string) => colIndex(sCols, key);
    taskSheet.styles.push({
      range: range(c('status'), FIRST_DATA_ROW, c('nextSteps'), lastS),
      style: { numberFormat: '@' },
    });
    taskSheet.validations.push(
      statusValidation(
        range(c('status'), FIRST_DATA_ROW, c('status'), lastS),
        lists.source([...PROGRESS_STATUSES]),
      ),
    );
  }

  // ---- 已移除指标 (upgrade only)
  const removed = options.removed ?? [];
  let removedSheet: PlanSheet | null = null;
  if (removed.length > 0) {
    const rows: PlanValue[][] = removed.map(({ row, entry, reason }) =>
      inColumnOrder(
        {
          targetId: row.targetId,
          document: row.document,
          section: row.section,
          quote: row.quote,
          targetText: row.targetText,
          unit: row.unit,
          deadline: row.deadline,
          lead: row.lead,
          baseline: entry.baseline,
          actual: entry.actual,
          asOf: entry.asOf ? isoToSerial(entry.asOf) : null,
          status: entry.status,
          progress: entry.progress || null,
          problems: entry.problems || null,
          nextSteps: entry.nextSteps || null,
          evidence: entry.evidence || null,
          reason,
        },
        REMOVED_COLUMNS,
      ),
    );
    removedSheet = tableSheet(
      SHEET_REMOVED,
      REMOVED_COLUMNS,
      `${options.office}${options.period}已移除指标（新版目录中已无，原填报内容保留备查）`,
      subtitleText(options),
      rows,
      options,
    );
    const c = REMOVED_COLUMNS.findIndex((x) => x.key === 'asOf');
    removedSheet.styles.push({
      range: range(c, FIRST_DATA_ROW, c, HEADER_ROW + rows.length),
      style: { numberFormat: 'yyyy-mm-dd' },
    });
  }

  // ---- _meta (veryHidden): identity and per-row fingerprints, read back by `check`
  const metaValues: PlanValue[][] = [
    [META_KEYS.format, WORKBOOK_FORMAT],
    [META_KEYS.formatVersion, WORKBOOK_FORMAT_VERSION],
    [META_KEYS.catalogueVersion, catalogue.version],
    [META_KEYS.office, options.office],
    [META_KEYS.period, options.period],
    [META_KEYS.generatedAt, options.generatedAt],
    [META_KEYS.deadline, options.deadline ?? null],
    [META_KEYS.documents, (options.documents ?? []).join('|') || null],
    [META_KEYS.units, (options.units ?? []).join('|') || null],
    [META_KEYS.contact, options.contact ?? null],
    [META_KEYS.phone, options.phone ?? null],
    [null],
    [META_ROW_TABLE_MARK],
    [...META_ROW_HEADERS],
    ...metaRows,
  ];
  const metaSheet: PlanSheet = {
    name: SHEET_META,
    state: 'veryHidden',
    columns: [
      { width: 18 },
      { width: 24 },
      { width: 8 },
      { width: 20 },
      { width: 10 },
      { width: 12 },
      { width: 12 },
      { width: 8 },
      { width: 10 },
      { width: 12 },
      { width: 12 },
      { width: 14 },
      { width: 8 },
    ],
    rowHeights: [],
    blocks: [{ origin: 'A1', values: metaValues }],
    styles: [],
    merges: [],
    validations: [],
    freeze: { rows: 0, columns: 0 },
    print: null,
    protection: prot,
  };

  const names: PlanName[] = [];
  if (nT > 0)
    names.push({
      name: 'luoshi_targets',
      ref: `${sheetRef(SHEET_TARGETS)}!$A$${FIRST_DATA_ROW}:$${columnLetter(tCols.length - 1)}$${lastT}`,
    });
  if (nS > 0)
    names.push({
      name: 'luoshi_tasks',
      ref: `${sheetRef(SHEET_TASKS)}!$A$${FIRST_DATA_ROW}:$${columnLetter(sCols.length - 1)}$${lastS}`,
    });

  const sheets: PlanSheet[] = [guideSheet(options, nT, nS, removed.length), targetSheet, taskSheet];
  if (removedSheet) sheets.push(removedSheet);
  const listSheet = lists.sheet(prot);
  if (listSheet) sheets.push(listSheet);
  sheets.push(metaSheet);

  const letters = (cols: readonly ColumnDef[]) =>
    Object.fromEntries(cols.map((c, i) => [c.key, columnLetter(i)]));
  return {
    meta: {
      formatVersion: WORKBOOK_FORMAT_VERSION,
      catalogueVersion: catalogue.version,
      office: options.office,
      period: options.period,
      generatedAt: options.generatedAt,
      deadline: options.deadline ?? null,
    },
    properties: { title: `${options.office}${options.period}政策目标任务落实情况填报表`, creator: 'luoshi' },
    font: { ...DEFAULT_FONT },
    sheets,
    names,
    layout: {
      headerRow: HEADER_ROW,
      firstDataRow: FIRST_DATA_ROW,
      targetRows: nT,
      taskRows: nS,
      targetColumns: letters(tCols),
      taskColumns: letters(sCols),
    },
  };
}
