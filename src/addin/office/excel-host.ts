/**
 * The ONE module of luoshi that talks to Office.js. Everything else in the add-in (the pane, the
 * core) sees only the small interfaces below, WorkbookPlan (what to write) and WorkbookGrid (what
 * was read), so the pane and tests never touch Excel's object model.
 *
 * Rules this module keeps, because Excel punishes breaking them:
 * - a constant number of context.sync() calls per operation (never one per row or per sheet):
 *   pull = 3 syncs (sheets/names → used ranges → write), read = 2, select = 1;
 * - values and number formats are written as 2D arrays of the range's exact shape;
 * - each request stays under Excel on the web's 5 MB payload limit: the write batch is split into
 *   row chunks with a sync in between only when the estimated payload would exceed the budget;
 * - calculation is suspended while writing (ExcelApi 1.6+);
 * - every feature above ExcelApi 1.1 is detected at run time and skipped with a Chinese note.
 *
 * The interfaces below are the subset of the Excel JavaScript API we use, written by hand (no
 * @types/office-js import anywhere), so a typed fake (test/fakes/excel-fake.ts) can stand in.
 */
import * as OfficeHelpers from '@microsoft/office-js-helpers';
import { LuoshiError } from '../../core/errors.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../../core/model/grid.js';
import type {
  PlanPrint,
  PlanProtection,
  PlanSheet,
  PlanStyle,
  PlanValidation,
  PlanValue,
  WorkbookPlan,
} from '../../core/workbook/plan.js';
import {
  columnLetter,
  SHEET_GUIDE,
  SHEET_LISTS,
  SHEET_META,
  SHEET_REMOVED,
  SHEET_TARGETS,
  SHEET_TASKS,
} from '../../core/workbook/layout.js';
import { boxAddress, fill2d, parseRange, stripSheet, utf8Length } from '../range-address.js';
import { isDateFormat, serialToDate } from '../../core/workbook/excel-dates.js';
import { BlockReader } from '../read-blocks.js';

// ---------------------------------------------------------------------------------------------
// The Excel API subset (names and shapes as in Office.js).

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type BorderIndex =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface ExcelBorder {
  style: string;
  color: string;
  weight: string;
}

export interface ExcelRangeFormat {
  fill: { color: string };
  font: { bold: boolean; size: number; color: string; name: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Points. [1.2] */
  columnWidth: number;
  /** Points. [1.2] */
  rowHeight: number;
  /** [1.2] Fits the rows to their wrapped text. */
  autofitRows(): void;
  /** [1.2] */
  columnHidden: boolean;
  /** [1.2] */
  protection: { locked: boolean };
  borders: { getItem(index: BorderIndex): ExcelBorder };
}

export interface ExcelDataValidationRule {
  decimal?: { formula1: number | string; formula2?: number | string; operator: string };
  date?: { formula1: string; formula2?: string; operator: string };
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}

/** [1.8] */
export interface ExcelDataValidation {
  rule: ExcelDataValidationRule;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
  clear(): void;
}

export interface ExcelRange {
  address: string;
  values: unknown[][];
  numberFormat: unknown[][];
  format: ExcelRangeFormat;
  dataValidation: ExcelDataValidation;
  load(properties: string): void;
  select(): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  /** [1.2] */
  merge(across?: boolean): void;
  /** [1.2] */
  unmerge(): void;
}

export interface ExcelProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteRows?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowSort?: boolean;
  /** [1.7] */
  selectionMode?: 'Normal' | 'Unlocked' | 'None';
}

/** [1.2] */
export interface ExcelWorksheetProtection {
  protected: boolean;
  protect(options?: ExcelProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

/** [1.9] */
export interface ExcelPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  headersFooters: {
    defaultForAllPages: {
      leftHeader: string;
      centerHeader: string;
      rightHeader: string;
      centerFooter: string;
    };
  };
  setPrintTitleRows(rows: string): void;
  setPrintArea(area: string): void;
}

export interface ExcelWorksheet {
  name: string;
  position: number;
  visibility: SheetVisibility;
  /** [1.7] */
  tabColor: string;
  protection: ExcelWorksheetProtection;
  /** [1.7] */
  freezePanes: {
    freezeAt(range: string): void;
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    unfreeze(): void;
  };
  pageLayout: ExcelPageLayout;
  /** No address = the whole sheet. */
  getRange(address?: string): ExcelRange;
  /** [1.9] */
  getRanges(address: string): { select(): void };
  getUsedRange(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  load(properties: string): void;
}

export interface ExcelWorksheetCollection {
  items: ExcelWorksheet[];
  load(properties: string): void;
  add(name: string): ExcelWorksheet;
  getItem(name: string): ExcelWorksheet;
}

export interface ExcelNamedItem {
  name: string;
  /** [1.4] */
  delete(): void;
}

export interface ExcelNamedItemCollection {
  items: ExcelNamedItem[];
  load(properties: string): void;
  /** [1.4] */
  add(name: string, reference: string, comment?: string): ExcelNamedItem;
  getItem(name: string): ExcelNamedItem;
}

export interface ExcelWorkbook {
  worksheets: ExcelWorksheetCollection;
  names: ExcelNamedItemCollection;
  /** [1.7] */
  properties: { title: string; author: string };
}

export interface ExcelRequestContext {
  workbook: ExcelWorkbook;
  /** [1.6] for suspendApiCalculationUntilNextSync */
  application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

export interface ExcelGlobal {
  run<T>(batch: (context: ExcelRequestContext) => Promise<T>): Promise<T>;
}

/** Office's callback result (common API). */
export interface OfficeAsyncResult<T> {
  status: string;
  value: T;
  error?: { code?: number; message?: string };
}

/** [File 1.1] A document file handed over in slices (Office.File). */
export interface OfficeFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (r: OfficeAsyncResult<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(callback?: (r: OfficeAsyncResult<void>) => void): void;
}

export interface OfficeGlobal {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    /** [File 1.1] The open document as a file ("compressed" = the .xlsx bytes). */
    document?: {
      getFileAsync(
        fileType: string,
        options: { sliceSize: number },
        callback: (r: OfficeAsyncResult<OfficeFile>) => void,
      ): void;
    };
  };
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  initialize?: (reason: unknown) => void;
}

// ---------------------------------------------------------------------------------------------
// Capabilities

/** Highest ExcelApi minor version we care about that the host supports, and what that costs. */
export interface Capabilities {
  /** 1 … 18: ExcelApi 1.x supported (checked up to 1.18, the highest member used). */
  excelApi: number;
}

const FEATURE_NOTES: { minor: number; note: string }[] = [
  {
    minor: 2,
    note: '当前 Excel 版本（Excel 2016 批量许可版等较早版本）不支持单元格锁定、工作表保护、隐藏工作表、合并单元格和列宽设置；数值、数字格式和字体已写入。存放目录信息的“_lists”“_meta”工作表未能隐藏，请勿修改其中内容。',
  },
  {
    minor: 4,
    note: '当前 Excel 版本不支持通过加载项定义名称；名称未写入，不影响填报和检查。',
  },
  { minor: 6, note: '当前 Excel 版本不能在写入时暂停计算，写入可能稍慢。' },
  {
    minor: 7,
    note: '当前 Excel 版本不支持冻结窗格、工作表标签颜色、保护密码和文档属性。',
  },
  {
    minor: 8,
    note: '当前 Excel 版本（Excel 2019 批量许可版及更早版本）不支持通过加载项设置数据验证：下拉列表和数值范围限制未写入，数值和格式已写入；“检查”仍会逐项校验填报内容。',
  },
  {
    minor: 9,
    note: '当前 Excel 版本（Excel 2019 批量许可版及更早版本）不支持打印设置；打印前请在“页面布局”中手动设置横向、A4、按页宽缩放。',
  },
];

/** Platform codes of office-js-helpers as a clerk would name them. */
const PLATFORM_NAMES: Record<string, string> = {
  PC: 'Windows 版 Excel',
  MAC: 'Mac 版 Excel',
  OFFICE_ONLINE: 'Excel 网页版',
  IOS: 'iPad 版 Excel',
};

/** The oldest edition whose feature level matches `excelApi` (ExcelApi 1.x per Office release). */
function editionFor(excelApi: number): string {
  if (excelApi <= 1) return 'Excel 2016 批量许可版';
  if (excelApi <= 7) return 'Excel 2019 批量许可版';
  if (excelApi <= 14) return 'Excel 2021';
  if (excelApi <= 17) return 'Excel 2024';
  return 'Microsoft 365 最新版';
}

/** "Windows 版 Excel，功能相当于 Excel 2019 批量许可版": the host line, without API numbers. */
export function describeExcel(caps: Capabilities, platform: string | null): string {
  if (platform === 'OFFICE_ONLINE') return 'Excel 网页版';
  const name = (platform && PLATFORM_NAMES[platform]) || 'Excel';
  return `${name}，功能相当于 ${editionFor(caps.excelApi)}`;
}

/** RangeAreas.select (several areas selected at once) is ExcelApi 1.18. */
const MAX_API_CHECKED = 18;

/**
 * Longest address list passed to getRanges: lists of about 8,000 characters are rejected by Excel
 * (office-js #5198; no documented limit), so 在表中标出差异 selects only the first ones that fit.
 */
export const HIGHLIGHT_ADDRESS_LIMIT = 2000;

/** The first cells whose comma-joined address stays within HIGHLIGHT_ADDRESS_LIMIT. */
export function addressesWithinLimit(cells: string[]): string[] {
  const out: string[] = [];
  let length = 0;
  for (const c of cells) {
    const next = length + (out.length > 0 ? 1 : 0) + c.length;
    if (next > HIGHLIGHT_ADDRESS_LIMIT) break;
    out.push(c);
    length = next;
  }
  return out;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Office errors a clerk can act on, in Chinese; anything else passes through unchanged. */
export function explainExcelError(e: unknown, caps: Capabilities): unknown {
  const code = errorCode(e);
  if (code === 'InvalidPassword')
    return new LuoshiError(
      'EXCEL_PASSWORD',
      '工作表受密码保护，解除保护失败：请在“保护密码”栏填写生成填报表时设置的密码后重试（密码不对时也会出现此提示）。',
    );
  if (code === 'AccessDenied' && caps.excelApi < 2)
    return new LuoshiError(
      'EXCEL_PROTECTED_OLD',
      '当前工作簿的工作表受保护，而当前 Excel 版本（如 Excel 2016 批量许可版）不能通过加载项解除保护。请先在 Excel 中点击“审阅”→“撤消工作表保护”（逐个工作表，如有密码请向下发单位索取），再点击“拉取指标”；或向下发单位索取最新的填报表。',
    );
  return e;
}

export function detectCapabilities(office: OfficeGlobal): Capabilities {
  let excelApi = 0;
  for (let minor = 1; minor <= MAX_API_CHECKED; minor++) {
    if (!office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`)) break;
    excelApi = minor;
  }
  return { excelApi };
}

/** Chinese notes for everything this host cannot do (empty on ExcelApi 1.9+). */
export function degradationNotes(caps: Capabilities): string[] {
  if (caps.excelApi < 1)
    return ['当前环境不支持 Excel JavaScript API 1.1，无法使用本加载项。请改用命令行生成的填报表。'];
  return FEATURE_NOTES.filter((f) => caps.excelApi < f.minor).map((f) => f.note);
}

// ---------------------------------------------------------------------------------------------
// Payload budgeting

/** Excel on the web rejects requests over 5 MB; keep a margin for the JSON envelope. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Rough request size of queued data: UTF-8 JSON plus a per-operation envelope. */
function estimateBytes(data: unknown): number {
  return utf8Length(JSON.stringify(data)) + 120;
}

/**
 * Counts syncs and splits the queued write into requests below the payload budget: `charge`
 * is called before queuing an operation and syncs first when the operation would overflow.
 */
class SyncBudget {
  syncs = 0;
  private queued = 0;
  constructor(
    private readonly ctx: ExcelRequestContext,
    private readonly budget: number,
    private readonly onNewRequest: () => void,
  ) {}

  async sync(): Promise<void> {
    await this.ctx.sync();
    this.syncs++;
    this.queued = 0;
  }

  async charge(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) {
      await this.sync();
      this.onNewRequest();
    }
    this.queued += bytes;
  }
}

// ---------------------------------------------------------------------------------------------
// Conversions plan → Office.js

/** Column width in characters (Excel's unit, as in the plan and exceljs) → points (Office.js). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function colour(rrggbb: string): string {
  return rrggbb.charAt(0) === '#' ? rrggbb : `#${rrggbb}`;
}

/**
 * A plan value as Office.js input. Strings are ALWAYS text: a leading apostrophe tells Excel not
 * to parse them (so "=1+1", "-3", "2020" or "1/2" from a catalogue stay text, never formulas,
 * numbers or dates); the apostrophe is not part of the stored value.
 */
export function toOfficeValue(v: PlanValue): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return `=${v.formula}`;
}

const H_ALIGN: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };
const VISIBILITY: Record<PlanSheet['state'], SheetVisibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

function validationRule(v: PlanValidation): ExcelDataValidationRule {
  if (v.type === 'decimal') return { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  if (v.type === 'date') return { date: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  if (v.type === 'custom') return { custom: { formula: `=${v.formula}` } };
  const source = 'values' in v.source ? v.source.values.join(',') : `=${v.source.range.replace(/^=/, '')}`;
  return { list: { inCellDropDown: true, source } };
}

function protectionOptions(p: PlanProtection, caps: Capabilities): ExcelProtectionOptions {
  const o: ExcelProtectionOptions = {
    allowAutoFilter: p.allow.autoFilter,
    allowDeleteRows: p.allow.deleteRows,
    allowFormatCells: p.allow.formatCells,
    allowFormatColumns: p.allow.formatColumns,
    allowFormatRows: p.allow.formatRows,
    allowInsertRows: p.allow.insertRows,
    allowSort: p.allow.sort,
  };
  if (caps.excelApi >= 7) {
    o.selectionMode = p.allow.selectLockedCells
      ? 'Normal'
      : p.allow.selectUnlockedCells
        ? 'Unlocked'
        : 'None';
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Sheets the add-in reads: the luoshi sheets. Other sheets of the user's workbook are listed, not read. */
const LUOSHI_SHEETS = [SHEET_GUIDE, SHEET_TARGETS, SHEET_TASKS, SHEET_REMOVED, SHEET_LISTS, SHEET_META];

const GRID_STATE: Record<SheetVisibility, GridSheet['state']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

function gridCell(value: unknown, format: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(format) ? serialToDate(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null; // Office.js gives no other kind of cell value
}

/** Used range values placed at their true position (the used range need not start at A1). */
function toGridRows(address: string, values: unknown[][], formats: unknown[][]): CellValue[][] {
  const box = parseRange(stripSheet(address));
  const rows: CellValue[][] = [];
  for (let r = 0; r < box.row; r++) rows.push([]);
  for (let r = 0; r < values.length; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < box.col; c++) line.push(null);
    const vr = values[r] ?? [];
    const fr = formats[r] ?? [];
    for (let c = 0; c < vr.length; c++) line.push(gridCell(vr[c], fr[c]));
    while (line.length > 0 && line[line.length - 1] === null) line.pop();
    rows.push(line);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

type RangeRead = { address: string; values: unknown[][]; numberFormat: unknown[][] };

/** Queues the load of a range's address, values and number formats; the reader runs after the sync. */
function queueRangeRead(range: ExcelRange): () => RangeRead {
  range.load('address,values,numberFormat');
  return () => {
    const address: unknown = range.address;
    const values: unknown = range.values;
    const numberFormat: unknown = range.numberFormat;
    if (typeof address !== 'string' || !Array.isArray(values) || !Array.isArray(numberFormat)) {
      throw new Error('range read before context.sync()');
    }
    return { address, values: values as unknown[][], numberFormat: numberFormat as unknown[][] };
  };
}

/**
 * Queues the load of a sheet's used range and returns the reader to call after the next sync.
 * Reading before that sync is a programming error Office.js reports; we check the shape too, so
 * a mis-ordered call fails loudly instead of yielding an empty grid.
 */
export function queueUsedRange(sheet: Pick<ExcelWorksheet, 'getUsedRange'>): () => RangeRead {
  return queueRangeRead(sheet.getUsedRange());
}

/**
 * The used ranges of `names`: one sync for their addresses, then their cells in row blocks under
 * the payload budget (Excel on the web refuses responses over 5 MB; see read-blocks.ts).
 */
async function readUsedRanges(
  ctx: ExcelRequestContext,
  names: string[],
  counter: SyncBudget,
  budget: number,
): Promise<Map<string, RangeRead>> {
  const out = new Map<string, RangeRead>();
  if (names.length === 0) return out;
  const extents = names.map((name) => {
    const range = ctx.workbook.worksheets.getItem(name).getUsedRange();
    range.load('address');
    return range;
  });
  await counter.sync();
  const reader = new BlockReader(budget);
  const used = names.map((name, i) => ({ name, address: extents[i].address }));
  const pending = used.flatMap((u) => reader.blocks(u.name, parseRange(u.address)));
  const parts = new Map<string, { row: number; read: RangeRead }[]>();
  while (pending.length > 0) {
    const batch = reader.take(pending);
    const reads = batch.map((b) =>
      queueRangeRead(ctx.workbook.worksheets.getItem(b.sheet).getRange(boxAddress(b.box))),
    );
    try {
      await counter.sync();
    } catch (e) {
      const smaller = errorCode(e) === 'ResponsePayloadSizeLimitExceeded' ? reader.split(batch) : null;
      if (!smaller) throw e;
      pending.unshift(...smaller);
      continue;
    }
    batch.forEach((b, i) => {
      const read = reads[i]();
      reader.observe(b, { values: read.values, numberFormat: read.numberFormat });
      const list = parts.get(b.sheet) ?? [];
      list.push({ row: b.box.row, read });
      parts.set(b.sheet, list);
    });
  }
  for (const u of used) {
    const blocks = (parts.get(u.name) ?? []).sort((a, b) => a.row - b.row);
    out.set(u.name, {
      address: u.address,
      values: blocks.flatMap((b) => b.read.values),
      numberFormat: blocks.flatMap((b) => b.read.numberFormat),
    });
  }
  return out;
}

interface SheetState {
  name: string;
  visibility: SheetVisibility;
  protected: boolean;
}

// ---------------------------------------------------------------------------------------------
// The host

export interface PullResult {
  plan: WorkbookPlan;
  /** Number of context.sync() calls the whole pull took. */
  syncs: number;
  /** Chinese notes on features the running Excel lacks. */
  notes: string[];
}

export interface ExcelHostOptions {
  payloadBudget?: number;
  /** Slice size when reading the workbook's file for 报送 (default and maximum 4 MB). */
  fileSliceBytes?: number;
  /** How long to wait for Office to initialise before telling the clerk (default 30 s). */
  readyTimeoutMs?: number;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Resolves true when `ready` settles in time, false after `ms`; never rejects. */
function settlesWithin(ready: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    ready.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}

/** Slices of the open workbook's file: Office allows up to 4 MB each. */
const FILE_SLICE_BYTES = 4 * 1024 * 1024;

function settled<T>(run: (cb: (r: OfficeAsyncResult<T>) => void) => void, what: string): Promise<T> {
  return new Promise((resolve, reject) =>
    run((r) => {
      if (r.status === 'succeeded') resolve(r.value);
      else reject(new LuoshiError('office-file', `${what}失败：${r.error?.message ?? '未知原因'}`));
    }),
  );
}

/**
 * The open workbook's .xlsx bytes (Office.FileType.Compressed), read slice by slice; the file is
 * always closed again (Office keeps at most two open and refuses a third).
 */
async function readDocumentFile(office: OfficeGlobal, sliceBytes: number): Promise<Uint8Array> {
  const doc = office.context.document;
  if (!doc || !office.context.requirements.isSetSupported('File', '1.1'))
    throw new LuoshiError(
      'no-file-api',
      '当前 Excel 版本不能由加载项读取整个工作簿文件，无法在此报送：请保存工作簿后，在浏览器中登录落实系统上传本文件。',
    );
  const file = await settled<OfficeFile>(
    (cb) => doc.getFileAsync('compressed', { sliceSize: sliceBytes }, cb),
    '读取工作簿文件',
  );
  try {
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await settled<{ data: ArrayLike<number> }>(
        (cb) => file.getSliceAsync(i, cb),
        '读取工作簿文件',
      );
      out.set(slice.data, at);
      at += slice.data.length;
    }
    if (at !== file.size) throw new LuoshiError('office-file', '读取工作簿文件不完整，请重试');
    return out;
  } finally {
    file.closeAsync();
  }
}

export class ExcelHost {
  readonly caps: Capabilities;
  private readonly budget: number;
  private readonly sliceBytes: number;
  /** Syncs used by the last operation (for tests and the status line). */
  lastSyncs = 0;
  /** The 保护密码 the clerk typed (kept for the session only), tried before the plan's. */
  password: string | undefined = undefined;

  constructor(
    private readonly excel: ExcelGlobal,
    private readonly office: OfficeGlobal,
    options: ExcelHostOptions = {},
  ) {
    this.caps = detectCapabilities(office);
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.sliceBytes = Math.min(options.fileSliceBytes ?? FILE_SLICE_BYTES, FILE_SLICE_BYTES);
  }

  notes(): string[] {
    return degradationNotes(this.caps);
  }

  /** The open workbook as .xlsx bytes, written by Excel itself (报送). */
  documentBytes(): Promise<Uint8Array> {
    return readDocumentFile(this.office, this.sliceBytes);
  }

  /** Sync 1: sheet names, visibility, protection state and workbook names. */
  private queueState(ctx: ExcelRequestContext): void {
    ctx.workbook.worksheets.load(
      this.caps.excelApi >= 2
        ? 'items/name,items/visibility,items/protection/protected'
        : 'items/name,items/visibility',
    );
    ctx.workbook.names.load('items/name');
  }

  private sheetStates(ctx: ExcelRequestContext): SheetState[] {
    return ctx.workbook.worksheets.items.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: this.caps.excelApi >= 2 ? s.protection.protected : false,
    }));
  }

  /** The luoshi sheets' used ranges → WorkbookGrid (one sync for their extents, then row blocks). */
  private async readGridIn(
    ctx: ExcelRequestContext,
    states: SheetState[],
    counter: SyncBudget,
  ): Promise<WorkbookGrid> {
    const names = states.filter((s) => LUOSHI_SHEETS.indexOf(s.name) >= 0).map((s) => s.name);
    const cells = await readUsedRanges(ctx, names, counter, this.budget);
    return {
      sheets: states.map((state) => {
        const read = cells.get(state.name);
        const rows = read ? toGridRows(read.address, read.values, read.numberFormat) : [];
        return { name: state.name, state: GRID_STATE[state.visibility], rows };
      }),
    };
  }

  /** Reads the open workbook's luoshi sheets as a WorkbookGrid (3 syncs, more for big sheets). */
  async readGrid(): Promise<WorkbookGrid> {
    return this.excel.run(async (ctx) => {
      const counter = new SyncBudget(ctx, this.budget, () => undefined);
      this.queueState(ctx);
      await counter.sync();
      const grid = await this.readGridIn(ctx, this.sheetStates(ctx), counter);
      this.lastSyncs = counter.syncs;
      return grid;
    });
  }

  /**
   * 拉取指标: reads the workbook, lets `makePlan` build the plan from what is there (so typed
   * figures are kept), and writes the plan — 3 syncs in all for any catalogue under ~4 MB.
   */
  async pull(makePlan: (grid: WorkbookGrid) => WorkbookPlan | Promise<WorkbookPlan>): Promise<PullResult> {
    return this.explained(() => this.pullIn(makePlan));
  }

  /** Runs `work`, turning Office errors a clerk can act on into Chinese messages. */
  private async explained<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw explainExcelError(e, this.caps);
    }
  }

  private async pullIn(
    makePlan: (grid: WorkbookGrid) => WorkbookPlan | Promise<WorkbookPlan>,
  ): Promise<PullResult> {
    return this.excel.run(async (ctx) => {
      const counter = this.newBudget(ctx);
      this.queueState(ctx);
      await counter.sync();
      const states = this.sheetStates(ctx);
      const names = ctx.workbook.names.items.map((n) => n.name);
      const grid = await this.readGridIn(ctx, states, counter);
      const plan = await makePlan(grid);
      await this.write(ctx, counter, plan, states, names);
      this.lastSyncs = counter.syncs;
      return { plan, syncs: counter.syncs, notes: this.notes() };
    });
  }

  /** Writes a plan into the open workbook (2 syncs: state, write). */
  async realise(plan: WorkbookPlan): Promise<PullResult> {
    return this.explained(() => this.realiseIn(plan));
  }

  private async realiseIn(plan: WorkbookPlan): Promise<PullResult> {
    return this.excel.run(async (ctx) => {
      const counter = this.newBudget(ctx);
      this.queueState(ctx);
      await counter.sync();
      await this.write(
        ctx,
        counter,
        plan,
        this.sheetStates(ctx),
        ctx.workbook.names.items.map((n) => n.name),
      );
      this.lastSyncs = counter.syncs;
      return { plan, syncs: counter.syncs, notes: this.notes() };
    });
  }

  private newBudget(ctx: ExcelRequestContext): SyncBudget {
    const suspend = (): void => {
      if (this.caps.excelApi >= 6) ctx.application.suspendApiCalculationUntilNextSync();
    };
    return new SyncBudget(ctx, this.budget, suspend);
  }

  /** Queues the whole plan; `counter` inserts extra syncs only if the payload budget demands. */
  private async write(
    ctx: ExcelRequestContext,
    counter: SyncBudget,
    plan: WorkbookPlan,
    states: SheetState[],
    existingNames: string[],
  ): Promise<void> {
    const caps = this.caps;
    const api = caps.excelApi;
    const wb = ctx.workbook;
    const planned = plan.sheets.map((s) => s.name);
    // Calculation is suspended for the write request (and again for each chunk's request).
    if (api >= 6) ctx.application.suspendApiCalculationUntilNextSync();

    // 1. sheets: reuse (cleared) or add; unprotect first so the writes are allowed.
    const sheets: ExcelWorksheet[] = [];
    for (const ps of plan.sheets) {
      const state = states.find((s) => s.name === ps.name);
      let sheet: ExcelWorksheet;
      if (state) {
        sheet = wb.worksheets.getItem(ps.name);
        // the clerk's 保护密码 first: the sheet carries the password it was generated with
        if (state.protected)
          sheet.protection.unprotect(this.password ?? ps.protection?.password ?? undefined);
        if (state.visibility !== 'Visible' && api >= 2) sheet.visibility = 'Visible';
        const all = sheet.getRange();
        if (api >= 8) all.dataValidation.clear();
        if (api >= 2) all.unmerge();
        all.clear('All');
        if (api >= 7) sheet.freezePanes.unfreeze();
      } else {
        sheet = wb.worksheets.add(ps.name);
      }
      sheets.push(sheet);
    }
    await counter.charge(200 * plan.sheets.length);
    plan.sheets.forEach((_, i) => {
      sheets[i].position = i;
    });

    // 2. values, then formats (Excel is faster writing values first), per sheet.
    for (let i = 0; i < plan.sheets.length; i++) {
      const ps = plan.sheets[i];
      const sheet = sheets[i];
      for (const block of ps.blocks) await this.writeBlock(sheet, block.origin, block.values, counter);
      await this.writeColumns(sheet, ps, counter);
      // the workbook's font on every cell first; a style with its own font overrides it below
      await counter.charge(estimateBytes(plan.font));
      const font = sheet.getRange().format.font;
      font.name = plan.font.name;
      font.size = plan.font.size;
      for (const sr of ps.styles) await this.writeStyle(sheet, sr.range, sr.style, counter);
      await this.autofitRows(sheet, ps, counter);
      if (api >= 2) {
        for (const m of ps.merges) {
          await counter.charge(estimateBytes(m));
          sheet.getRange(m).merge(false);
        }
      }
      if (api >= 7) {
        if (ps.freeze.rows > 0 && ps.freeze.columns > 0) {
          sheet.freezePanes.freezeAt(
            boxAddress({ row: 0, col: 0, rows: ps.freeze.rows, cols: ps.freeze.columns }),
          );
        } else if (ps.freeze.rows > 0) sheet.freezePanes.freezeRows(ps.freeze.rows);
        else if (ps.freeze.columns > 0) sheet.freezePanes.freezeColumns(ps.freeze.columns);
        if (ps.tabColor) sheet.tabColor = colour(ps.tabColor);
      }
      if (api >= 8) {
        for (const v of ps.validations) await this.writeValidation(sheet, v, counter);
      }
      if (api >= 9 && ps.print) this.writePrint(sheet, ps.print);
    }

    // 3. names (replace ours), document properties.
    if (api >= 4) {
      for (const n of plan.names) {
        await counter.charge(estimateBytes(n));
        if (existingNames.indexOf(n.name) >= 0) wb.names.getItem(n.name).delete();
        wb.names.add(n.name, n.ref.charAt(0) === '=' ? n.ref : `=${n.ref}`);
      }
    }
    if (api >= 7) {
      wb.properties.title = plan.properties.title;
      wb.properties.author = plan.properties.creator;
    }

    // 4. activate the entry sheet before hiding any (the active sheet cannot be hidden), then
    //    visibility and protection last, so nothing above ran against a protected sheet.
    const front =
      planned.indexOf(SHEET_TARGETS) >= 0
        ? planned.indexOf(SHEET_TARGETS)
        : plan.sheets.findIndex((s) => s.state === 'visible');
    if (front >= 0) sheets[front].activate();
    for (let i = 0; i < plan.sheets.length; i++) {
      const ps = plan.sheets[i];
      // hiding needs ExcelApi 1.2; on 1.1 the sheets stay visible (the 1.2 note says so)
      if (ps.state !== 'visible' && api >= 2) sheets[i].visibility = VISIBILITY[ps.state];
      if (ps.protection && api >= 2) {
        const opts = protectionOptions(ps.protection, caps);
        if (ps.protection.password && api >= 7) sheets[i].protection.protect(opts, ps.protection.password);
        else sheets[i].protection.protect(opts);
      }
    }
    await counter.sync();
  }

  /** Values as 2D arrays, split into row chunks that each fit the payload budget. */
  private async writeBlock(
    sheet: ExcelWorksheet,
    origin: string,
    values: PlanValue[][],
    counter: SyncBudget,
  ): Promise<void> {
    if (values.length === 0) return;
    const start = parseRange(origin);
    const cols = values.reduce((m, r) => Math.max(m, r.length), 0);
    if (cols === 0) return;
    const rows = values.map((r) => {
      const line = r.map(toOfficeValue);
      while (line.length < cols) line.push('');
      return line;
    });
    const perRow = Math.max(1, estimateBytes(rows) / rows.length);
    const chunkRows = Math.max(1, Math.floor(this.budget / 2 / perRow));
    for (let r = 0; r < rows.length; r += chunkRows) {
      const part = rows.slice(r, r + chunkRows);
      await counter.charge(estimateBytes(part));
      sheet.getRange(boxAddress({ row: start.row + r, col: start.col, rows: part.length, cols })).values =
        part;
    }
  }

  private async writeColumns(sheet: ExcelWorksheet, ps: PlanSheet, counter: SyncBudget): Promise<void> {
    if (this.caps.excelApi < 2) return;
    await counter.charge(estimateBytes(ps.columns) + 100 * ps.rowHeights.length);
    ps.columns.forEach((c, i) => {
      const letter = columnLetter(i);
      const col = sheet.getRange(`${letter}:${letter}`);
      col.format.columnWidth = widthToPoints(c.width);
      if (c.hidden) col.format.columnHidden = true;
    });
    for (const rh of ps.rowHeights) sheet.getRange(`${rh.row}:${rh.row}`).format.rowHeight = rh.height;
  }

  /**
   * Rows whose planned height is an estimate of wrapped text: Excel measures them itself once the
   * values and wrap settings are in (ExcelApi 1.2); the estimate set in writeColumns stays below 1.2.
   */
  private async autofitRows(sheet: ExcelWorksheet, ps: PlanSheet, counter: SyncBudget): Promise<void> {
    if (this.caps.excelApi < 2) return;
    const auto = ps.rowHeights.filter((rh) => rh.auto);
    await counter.charge(100 * auto.length);
    for (const rh of auto) sheet.getRange(`${rh.row}:${rh.row}`).format.autofitRows();
  }

  private async writeStyle(
    sheet: ExcelWorksheet,
    address: string,
    style: PlanStyle,
    counter: SyncBudget,
  ): Promise<void> {
    const box = parseRange(address);
    if (style.numberFormat !== undefined) {
      // Number formats are 2D arrays too; chunk them like values.
      const perRow = utf8Length(style.numberFormat) * box.cols + 8 * box.cols;
      const chunkRows = Math.max(1, Math.floor(this.budget / 2 / Math.max(1, perRow)));
      for (let r = 0; r < box.rows; r += chunkRows) {
        const n = Math.min(chunkRows, box.rows - r);
        await counter.charge(perRow * n + 120);
        sheet.getRange(boxAddress({ row: box.row + r, col: box.col, rows: n, cols: box.cols })).numberFormat =
          fill2d(n, box.cols, style.numberFormat);
      }
    }
    await counter.charge(estimateBytes(style) + estimateBytes(address));
    const range = sheet.getRange(boxAddress(box));
    const f = range.format;
    if (style.font) {
      if (style.font.bold !== undefined) f.font.bold = style.font.bold;
      if (style.font.size !== undefined) f.font.size = style.font.size;
      if (style.font.color !== undefined) f.font.color = colour(style.font.color);
      if (style.font.name !== undefined) f.font.name = style.font.name;
    }
    if (style.fill !== undefined) f.fill.color = colour(style.fill);
    if (style.wrap !== undefined) f.wrapText = style.wrap;
    if (style.horizontal !== undefined) f.horizontalAlignment = H_ALIGN[style.horizontal];
    if (style.vertical !== undefined) f.verticalAlignment = V_ALIGN[style.vertical];
    if (style.locked !== undefined && this.caps.excelApi >= 2) f.protection.locked = style.locked;
    if (style.border !== undefined) {
      const edges: BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (box.cols > 1) edges.push('InsideVertical');
      if (box.rows > 1) edges.push('InsideHorizontal');
      for (const e of edges) {
        const b = f.borders.getItem(e);
        b.style = 'Continuous';
        b.weight = 'Thin';
        b.color = colour(style.border);
      }
    }
  }

  private async writeValidation(
    sheet: ExcelWorksheet,
    v: PlanValidation,
    counter: SyncBudget,
  ): Promise<void> {
    await counter.charge(estimateBytes(v));
    const dv = sheet.getRange(v.range).dataValidation;
    // The rule goes before the prompt: setting a rule after a prompt on an overlapping range
    // fails on Excel on the web (office-js #2594).
    dv.clear();
    dv.rule = validationRule(v);
    dv.ignoreBlanks = v.allowBlank;
    dv.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.error };
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt };
  }

  private writePrint(sheet: ExcelWorksheet, p: PlanPrint): void {
    const pl = sheet.pageLayout;
    pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4';
    if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (p.titleRows) {
      const [a, b] = p.titleRows.split(':');
      pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
    const hf = pl.headersFooters.defaultForAllPages;
    if (p.headerLeft !== undefined) hf.leftHeader = p.headerLeft;
    if (p.header !== undefined) hf.centerHeader = p.header;
    if (p.headerRight !== undefined) hf.rightHeader = p.headerRight;
    if (p.footer !== undefined) hf.centerFooter = p.footer;
    // only the columns an office fills in are printed; reference columns stay on screen
    if (p.area) pl.setPrintArea(p.area);
    if (p.margins) {
      pl.leftMargin = p.margins.left * 72;
      pl.rightMargin = p.margins.right * 72;
      pl.topMargin = p.margins.top * 72;
      pl.bottomMargin = p.margins.bottom * 72;
      pl.headerMargin = p.margins.header * 72;
      pl.footerMargin = p.margins.footer * 72;
    }
  }

  /** Activates `sheet` and selects `cell` (a problem's or a difference's cell). 1 sync. */
  async select(sheetName: string, cell: string): Promise<void> {
    await this.excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      await ctx.sync();
      this.lastSyncs = 1;
    });
  }

  /**
   * Highlights cells for 对比 by selecting them: several areas at once on ExcelApi 1.18 (as many
   * as fit HIGHLIGHT_ADDRESS_LIMIT), else the first cell. Selecting changes nothing in the
   * workbook and works on protected sheets, unlike fills. Returns how many cells were selected.
   */
  async highlight(sheetName: string, cells: string[]): Promise<number> {
    if (cells.length === 0) return 0;
    const chosen = this.caps.excelApi >= 18 ? addressesWithinLimit(cells) : cells.slice(0, 1);
    await this.excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      if (chosen.length > 1) sheet.getRanges(chosen.join(',')).select();
      else sheet.getRange(chosen[0] ?? cells[0]).select();
      await ctx.sync();
      this.lastSyncs = 1;
    });
    return Math.max(chosen.length, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up inside Office, host detection and remembered settings.

function officeGlobals(): { office: OfficeGlobal | null; excel: ExcelGlobal | null } {
  const g = globalThis as unknown as { Office?: OfficeGlobal; Excel?: ExcelGlobal };
  return { office: g.Office ?? null, excel: g.Excel ?? null };
}

export interface HostStart {
  /** The host to use, or null with a Chinese reason. */
  host: ExcelHost | null;
  reason: string;
  /** "EXCEL", "WEB", … as office-js-helpers reports it. */
  hostName: string;
  platform: string | null;
}

/** Waits for Office to initialise and connects to Excel; never throws (the pane shows `reason`). */
export async function startExcelHost(options: ExcelHostOptions = {}): Promise<HostStart> {
  const { office } = officeGlobals();
  if (!office) {
    return {
      host: null,
      // office.js did not load: a blocked Microsoft address in a closed network is the usual cause
      // (inside Excel), or the page was opened in a plain browser.
      reason:
        '未能加载 Office 脚本（office.js），加载项无法连接 Excel。如果您是在 Excel 中看到此窗格，通常是单位网络屏蔽了微软的 Office 脚本地址：请联系管理员改用随加载项部署的本地 Office 脚本（见使用说明“内网部署”）。如果您是在浏览器中直接打开本页，请改在 Excel 中通过“插入”→“我的加载项”（或“开始”选项卡的“目标任务填报”按钮）打开。',
      hostName: 'WEB',
      platform: null,
    };
  }
  // Office.onReady (present in every current office.js) also works when initialisation already
  // happened; office-js-helpers' initialize covers older hosts that only call Office.initialize.
  const ready =
    typeof office.onReady === 'function' ? office.onReady() : OfficeHelpers.Utilities.initialize();
  if (!(await settlesWithin(ready, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS))) {
    return {
      host: null,
      reason:
        'Office 初始化超时，加载项未能连接 Excel。请关闭此窗格后重新打开；若仍然如此，请重启 Excel，或联系管理员检查网络是否屏蔽了 Office 脚本。',
      hostName: 'WEB',
      platform: null,
    };
  }
  const hostName = String(OfficeHelpers.Utilities.host);
  const platform = OfficeHelpers.Utilities.platform ? String(OfficeHelpers.Utilities.platform) : null;
  const { excel } = officeGlobals();
  if (hostName !== OfficeHelpers.HostType.EXCEL || !excel) {
    return {
      host: null,
      reason: `本加载项只能在 Excel 中使用（当前宿主：${hostName}）。`,
      hostName,
      platform,
    };
  }
  const host = new ExcelHost(excel, office, options);
  if (host.caps.excelApi < 1)
    return { host: null, reason: degradationNotes(host.caps)[0], hostName, platform };
  return { host, reason: '', hostName, platform };
}

/** The pane's remembered choices (office, period, catalogue URL), kept in the browser's storage. */
export interface SettingsStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Settings in localStorage through office-js-helpers' Storage; in memory where storage is blocked. */
export function openSettings(): SettingsStore {
  try {
    const store = new OfficeHelpers.Storage<string>('luoshi-addin', OfficeHelpers.StorageType.LocalStorage);
    return {
      get: (k) => {
        const v = store.get(k);
        return typeof v === 'string' ? v : null;
      },
      set: (k, v) => {
        store.set(k, v);
      },
    };
  } catch {
    const mem = new Map<string, string>();
    return { get: (k) => mem.get(k) ?? null, set: (k, v) => void mem.set(k, v) };
  }
}
