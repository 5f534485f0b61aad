/**
 * WorkbookPlan: a library-neutral, declarative description of a whole entry workbook.
 *
 * The plan is built by pure code (planWorkbook in ./build-plan.ts) and realised twice:
 * by exceljs in Node (src/xlsx/write-workbook.ts) and by Office.js in the add-in. So everything
 * here maps onto both APIs: values are 2D arrays written at an A1 origin, styles/validations/
 * merges apply to A1 ranges, colours are "RRGGBB", dates are Excel serial numbers plus a number
 * format. No spreadsheet-library type appears here.
 *
 * Security: a cell value that is a string is ALWAYS text, even when it starts with = + - @.
 * Only `{ formula }` values are formulas, and those are produced by the plan builder itself,
 * never copied from catalogue or workbook text.
 */

export { WORKBOOK_FORMAT, WORKBOOK_FORMAT_VERSION } from './layout.js';
export { planWorkbook } from './build-plan.js';
export type { PlanOptions, RemovedTarget } from './build-plan.js';

/** A formula written by the plan builder, in English function names with A1 references, without a leading "=". */
export interface PlanFormula {
  formula: string;
  /** The value the formula evaluates to now, stored as the cached result for programs that do not recalculate on open. */
  result?: number | string;
}

/** One cell's content. Strings are literal text (never interpreted as formulas); null leaves the cell empty. */
export type PlanValue = string | number | null | PlanFormula;

/** A rectangular block of values whose top-left cell is `origin` ("A4"); rows may be ragged. */
export interface PlanBlock {
  origin: string;
  values: PlanValue[][];
}

export interface PlanFont {
  bold?: boolean;
  /** Points. */
  size?: number;
  /** "RRGGBB". */
  color?: string;
  /** Font family; omitted = the workbook's default font (WorkbookPlan.font). */
  name?: string;
}

/** Formatting of a range. Unset fields are left as the program's default. */
export interface PlanStyle {
  font?: PlanFont;
  /** Solid background fill, "RRGGBB". */
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Excel number format code, e.g. "0.00", "yyyy-mm-dd", "0.0%", "@". */
  numberFormat?: string;
  /** Cell protection: false for entry cells. Only takes effect while the sheet is protected. Default true. */
  locked?: boolean;
  /** Thin border on every edge of every cell of the range, "RRGGBB". */
  border?: string;
}

/** A style applied to an A1 range ("A4:R120", "C:C" is not used: ranges are always bounded). Later entries win. */
export interface PlanStyleRange {
  range: string;
  style: PlanStyle;
}

export interface PlanColumn {
  /** Width in characters of the default font (Excel's column width unit). */
  width: number;
  hidden?: boolean;
}

/** Where a list validation gets its choices. */
export type PlanListSource =
  /** A literal list; the builder only uses this when the comma-joined text is ≤ 255 characters (Excel's limit). */
  | { values: string[] }
  /** A range on another (hidden) sheet, e.g. "'_lists'!$A$1:$A$40", or a workbook name. */
  | { range: string };

interface PlanValidationBase {
  /** A1 range the rule applies to, on the sheet that holds the validation. */
  range: string;
  allowBlank: boolean;
  /** Input prompt shown when the cell is selected (Chinese), title ≤ 32 chars, text ≤ 255 chars. */
  promptTitle?: string;
  prompt?: string;
  /** Stop alert shown on invalid typing (Chinese), title ≤ 32 chars, text ≤ 255 chars. */
  errorTitle: string;
  error: string;
}

export interface PlanDecimalValidation extends PlanValidationBase {
  type: 'decimal';
  /** Inclusive bounds; the builder always sets both (Office.js "between" needs two). */
  min: number;
  max: number;
}

export interface PlanDateValidation extends PlanValidationBase {
  type: 'date';
  /** Inclusive ISO dates "YYYY-MM-DD". */
  min: string;
  max: string;
}

export interface PlanListValidation extends PlanValidationBase {
  type: 'list';
  source: PlanListSource;
}

/** A rule given as a formula (no leading "="), relative to the top-left cell of `range`; true = valid. */
export interface PlanCustomValidation extends PlanValidationBase {
  type: 'custom';
  formula: string;
}

export type PlanValidation =
  PlanDecimalValidation | PlanDateValidation | PlanListValidation | PlanCustomValidation;

export interface PlanPrint {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  /** Scale to one page wide, any number of pages tall. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "3:3" (1-based, inclusive). */
  titleRows?: string;
  /** Page header/footer in Excel header codes (&P page, &N pages, &A sheet name): centre section. */
  header?: string;
  footer?: string;
  /** Left and right sections of the page header (same codes). */
  headerLeft?: string;
  headerRight?: string;
  /** Print area ("A1:O70"): the columns to print; the reference columns right of it stay on screen only. */
  area?: string;
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** What users may still do on a protected sheet (everything else is blocked). */
export interface PlanProtectionAllow {
  selectLockedCells: boolean;
  selectUnlockedCells: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  formatCells: boolean;
  insertRows: boolean;
  deleteRows: boolean;
  sort: boolean;
  autoFilter: boolean;
}

export interface PlanProtection {
  /** null = protected without a password (an office can unprotect it; the fingerprints still catch edits). */
  password: string | null;
  allow: PlanProtectionAllow;
}

export interface PlanSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Columns from A, in order. */
  columns: PlanColumn[];
  /**
   * Row heights in points (1-based row numbers); other rows are left to auto-fit. `auto`: the height is an
   * estimate of the wrapped text, not a fixed height, so the program may grow the row when text is typed.
   */
  rowHeights: { row: number; height: number; auto?: boolean }[];
  /** Cell values; blocks do not overlap. */
  blocks: PlanBlock[];
  /** Formatting, applied in order (later wins on overlap). */
  styles: PlanStyleRange[];
  /** Merged ranges, e.g. "A1:R1". */
  merges: string[];
  validations: PlanValidation[];
  /** Rows/columns frozen at the top/left (0 = none). */
  freeze: { rows: number; columns: number };
  /** Print setup; null for sheets never printed. */
  print: PlanPrint | null;
  /** Sheet protection; null = unprotected. */
  protection: PlanProtection | null;
  /** Tab colour "RRGGBB". */
  tabColor?: string;
}

/** A workbook-scoped defined name, e.g. { name: "luoshi_entries", ref: "'指标'!$J$4:$R$120" }. */
export interface PlanName {
  name: string;
  ref: string;
}

/** Where things are in the 指标 and 任务 sheets, so hosts (the add-in) need not search for them. */
export interface PlanLayout {
  /** 1-based row of the column headers in 指标 / 任务. */
  headerRow: number;
  /** 1-based first data row. */
  firstDataRow: number;
  /** Number of target rows in 指标 and task rows in 任务. */
  targetRows: number;
  taskRows: number;
  /** Column letter per field key of the 指标 sheet (see TARGET_COLUMNS in ./layout.ts). */
  targetColumns: Record<string, string>;
  /** Column letter per field key of the 任务 sheet (see TASK_COLUMNS in ./layout.ts). */
  taskColumns: Record<string, string>;
}

/** The identifying facts also written to the _meta sheet. */
export interface PlanMeta {
  formatVersion: number;
  catalogueVersion: string;
  office: string;
  period: string;
  /** ISO timestamp given by the caller (the plan builder never reads the clock). */
  generatedAt: string;
  deadline: string | null;
}

/** The workbook's default font: every cell without its own font uses it (and column widths are measured in it). */
export interface PlanDefaultFont {
  name: string;
  size: number;
}

export interface WorkbookPlan {
  meta: PlanMeta;
  font: PlanDefaultFont;
  /** Document properties (title shown in Excel's file info). */
  properties: { title: string; creator: string };
  /** Sheets in tab order. */
  sheets: PlanSheet[];
  names: PlanName[];
  layout: PlanLayout;
}

/*
 * Realising a plan with Office.js (for the add-in), field by field:
 * - blocks → sheet.getRange(origin).getResizedRange(rows-1, cols-1).values (strings that start with
 *   = + - @ must be written with numberFormat "@" first, or prefixed by "'", so Excel keeps them as text);
 *   formulas → range.formulas = [["=" + formula]].
 * - styles → range.format.font.bold/size/color ("#RRGGBB"), format.fill.color, format.wrapText,
 *   horizontalAlignment/verticalAlignment, numberFormat (2D), format.protection.locked, format.borders.
 * - columns → getRange("A:A").format.columnWidth (points ≈ width × 5.25 at 10 pt), rowHeights → format.rowHeight
 *   (rows marked `auto` → range.format.autofitRows() after the values are written, so they grow with typed text).
 * - font → every written range's format.font.name/size unless the style sets its own.
 * - merges → range.merge(); freeze → sheet.freezePanes.freezeRows(n).
 * - validations → range.dataValidation.rule = { decimal | date: { formula1: min, formula2: max, operator: "Between" }
 *   | list: { inCellDropDown: true, source: "a,b" or "='_lists'!$A$1:$A$40" } }, plus prompt / errorAlert (ApiSet 1.8).
 * - print → sheet.pageLayout.orientation, paperSize "A4", zoom { horizontalFitToPages: 1, verticalFitToPages: 0 },
 *   setPrintTitleRows("$3:$3"), setPrintArea(area), headersFooters.defaultForAllPages.leftHeader/centerHeader/
 *   rightHeader/centerFooter.
 * - custom validations → range.dataValidation.rule = { custom: { formula: "=" + formula } }.
 * - protection → sheet.protection.protect({ allowFormatColumns, allowFormatRows, allowFormatCells, allowInsertRows,
 *   allowDeleteRows, allowSort, allowAutoFilter, selectionMode }, password?).
 * - state → sheet.visibility ("Visible" | "Hidden" | "VeryHidden"); names → workbook.names.add(name, ref).
 */
