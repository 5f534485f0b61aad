/**
 * The fixed vocabulary of an entry workbook: sheet names, column headers and field keys.
 * Shared by the plan builder (writing) and the reader (which finds sheets and columns by
 * these texts, not by position, so moved columns still read).
 */

/** Version of the workbook layout (stored in _meta); bump when sheets/columns change incompatibly. */
export { a1, columnLetter } from './a1.js';
export const WORKBOOK_FORMAT = 'luoshi-workbook';
export const WORKBOOK_FORMAT_VERSION = 1;

export const SHEET_GUIDE = '填报说明';
export const SHEET_TARGETS = '指标';
export const SHEET_TASKS = '任务';
export const SHEET_REMOVED = '已移除指标';
export const SHEET_LISTS = '_lists';
export const SHEET_META = '_meta';

/** Row layout shared by 指标, 任务 and 已移除指标: title, subtitle, headers, data. */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

export interface ColumnDef {
  key: string;
  header: string;
  /** Other header texts accepted on reading (older layouts, hand edits). */
  aliases?: string[];
  width: number;
  /** true: an office types here (unlocked, validated); false: catalogue text (locked, fingerprinted). */
  entry: boolean;
  /** Wrap long text. */
  wrap?: boolean;
  /**
   * Position (1-based) of the cell in the locked-cell fingerprint. The fingerprint order is fixed
   * independently of the column order, so workbooks laid out before a column moved still verify.
   */
  fingerprint?: number;
  /**
   * Reference column: kept to the right of the printed columns and outside the print area (on screen
   * for lookups, not on paper), so the printed table stays legible on one A4 width.
   */
  reference?: boolean;
  /** A column added after the first layout: a workbook without it still reads (no "column missing" error). */
  optional?: boolean;
}

/*
 * Column order: identifying columns first (frozen on screen), then the target, then the entry
 * columns, then the reference columns (文件, 章节, 牵头单位, 编号) which are not printed. Widths are
 * chosen so that the printed columns (150 width units) fit an A4 landscape page at ≥ 80 % even where a
 * width unit renders wider than Excel's 7 px (LibreOffice without the declared font: 8.5 px; see the print test).
 */
export const TARGET_COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', width: 4.5, entry: false, fingerprint: 1 },
  { key: 'name', header: '指标名称', width: 10, entry: false, wrap: true, optional: true },
  { key: 'quote', header: '指标内容', width: 23, entry: false, wrap: true, fingerprint: 5 },
  { key: 'targetText', header: '目标值', width: 8, entry: false, wrap: true, fingerprint: 6 },
  { key: 'unit', header: '单位', width: 5, entry: false, wrap: true, fingerprint: 7 },
  { key: 'deadline', header: '目标年份', width: 5.5, entry: false, fingerprint: 8 },
  { key: 'baseline', header: '基期值', width: 7, entry: true },
  { key: 'actual', header: '完成值', width: 7, entry: true },
  { key: 'rate', header: '完成率', width: 7, entry: false },
  { key: 'asOf', header: '截至日期', aliases: ['截止日期', '数据截至日期'], width: 10.5, entry: true },
  { key: 'status', header: '进展状态', width: 8.5, entry: true },
  { key: 'progress', header: '进展情况', width: 22, entry: true, wrap: true },
  { key: 'problems', header: '存在问题', width: 12, entry: true, wrap: true },
  { key: 'nextSteps', header: '下一步措施', aliases: ['下步措施'], width: 12, entry: true, wrap: true },
  { key: 'evidence', header: '佐证材料', width: 8, entry: true, wrap: true },
  { key: 'document', header: '文件', width: 20, entry: false, wrap: true, fingerprint: 3, reference: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true, fingerprint: 4, reference: true },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true, fingerprint: 9, reference: true },
  { key: 'targetId', header: '指标编号', width: 34, entry: false, fingerprint: 2, reference: true },
];

export const TASK_COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', width: 4.5, entry: false, fingerprint: 1 },
  { key: 'text', header: '任务内容', width: 44, entry: false, wrap: true, fingerprint: 5 },
  { key: 'status', header: '进展状态', width: 8.5, entry: true },
  { key: 'progress', header: '进展情况', width: 38, entry: true, wrap: true },
  { key: 'problems', header: '存在问题', width: 27.5, entry: true, wrap: true },
  { key: 'nextSteps', header: '下一步措施', aliases: ['下步措施'], width: 27.5, entry: true, wrap: true },
  { key: 'document', header: '文件', width: 20, entry: false, wrap: true, fingerprint: 3, reference: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true, fingerprint: 4, reference: true },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true, fingerprint: 6, reference: true },
  { key: 'taskId', header: '任务编号', width: 34, entry: false, fingerprint: 2, reference: true },
];

/** The fingerprinted columns of a layout in fingerprint order (the order the _meta hashes were made in). */
export function fingerprintColumns(columns: readonly ColumnDef[]): ColumnDef[] {
  return columns
    .filter((c) => c.fingerprint !== undefined)
    .sort((a, b) => (a.fingerprint ?? 0) - (b.fingerprint ?? 0));
}

/** Number of columns printed (the leading, non-reference ones). */
export function printedColumnCount(columns: readonly ColumnDef[]): number {
  const i = columns.findIndex((c) => c.reference);
  return i < 0 ? columns.length : i;
}

/** The 已移除指标 sheet: the old row, what was typed, and why it is there. */
export const REMOVED_COLUMNS: readonly ColumnDef[] = [
  { key: 'quote', header: '指标内容', width: 24, entry: false, wrap: true },
  { key: 'targetText', header: '目标值', width: 9.5, entry: false, wrap: true },
  { key: 'unit', header: '单位', width: 6, entry: false, wrap: true },
  { key: 'baseline', header: '基期值', width: 8, entry: false },
  { key: 'actual', header: '完成值', width: 8, entry: false },
  { key: 'asOf', header: '截至日期', width: 10.5, entry: false },
  { key: 'status', header: '进展状态', width: 8.5, entry: false },
  { key: 'progress', header: '进展情况', width: 20, entry: false, wrap: true },
  { key: 'problems', header: '存在问题', width: 12, entry: false, wrap: true },
  { key: 'nextSteps', header: '下一步措施', width: 12, entry: false, wrap: true },
  { key: 'evidence', header: '佐证材料', width: 8, entry: false, wrap: true },
  { key: 'reason', header: '移除说明', width: 14, entry: false, wrap: true },
  { key: 'document', header: '文件', width: 20, entry: false, wrap: true, reference: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true, reference: true },
  { key: 'deadline', header: '目标年份', width: 8, entry: false, reference: true },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true, reference: true },
  { key: 'targetId', header: '指标编号', width: 34, entry: false, reference: true },
];

/**
 * The 填报单位信息 block of 填报说明 (who filled, checked and signed off the return, as on every 政府统计报表).
 * The reader finds each field by its label and reads the cell to its right, so the block may move.
 */
export const FILLER_FIELDS = [
  { key: 'filler', label: '填表人' },
  { key: 'phone', label: '联系电话' },
  { key: 'reviewer', label: '审核人' },
  { key: 'head', label: '单位负责人' },
  { key: 'reportDate', label: '报出日期' },
] as const;
export type FillerKey = (typeof FILLER_FIELDS)[number]['key'];

/** Header of the optional column flagging targets whose text changed in an upgrade (not fingerprinted). */
export const CHANGE_NOTE_HEADER = '变更提示';

/** Quote a sheet name for use in a reference: 指标 → '指标'. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Keys of the _meta sheet (column A), values in column B. Not user-facing, hence English. */
export const META_KEYS = {
  format: 'format',
  formatVersion: 'formatVersion',
  catalogueVersion: 'catalogueVersion',
  office: 'office',
  period: 'period',
  generatedAt: 'generatedAt',
  deadline: 'deadline',
  /** The roster's document / unit filter, joined by "|" (so an upgrade selects the same targets). */
  documents: 'documents',
  units: 'units',
  contact: 'contact',
  phone: 'phone',
} as const;

/** Header of the per-row table in _meta (after the key/value pairs). */
export const META_ROW_TABLE_MARK = 'rows';
export const META_ROW_HEADERS = [
  'kind',
  'id',
  'row',
  'fingerprint',
  'comparator',
  'value',
  'valueMax',
  'unit',
  // The overall target when the row's target is the office's allocated share (分解下达); empty otherwise.
  'overallComparator',
  'overallValue',
  'overallValueMax',
  'overallText',
  'overallScope',
] as const;
