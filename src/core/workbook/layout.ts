/**
 * The fixed vocabulary of an entry workbook: sheet names, column headers and field keys.
 * Shared by the plan builder (writing) and the reader (which finds sheets and columns by
 * these texts, not by position, so moved columns still read).
 */

/** Version of the workbook layout (stored in _meta); bump when sheets/columns change incompatibly. */
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
  /** Part of the locked-cell fingerprint. */
  fingerprint?: boolean;
}

export const TARGET_COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', width: 6, entry: false, fingerprint: true },
  { key: 'targetId', header: '指标编号', width: 27, entry: false, fingerprint: true },
  { key: 'document', header: '文件', width: 16, entry: false, wrap: true, fingerprint: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true, fingerprint: true },
  { key: 'quote', header: '指标内容', width: 46, entry: false, wrap: true, fingerprint: true },
  { key: 'targetText', header: '目标值', width: 12, entry: false, wrap: true, fingerprint: true },
  { key: 'unit', header: '单位', width: 8, entry: false, fingerprint: true },
  { key: 'deadline', header: '目标年份', width: 10, entry: false, fingerprint: true },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true, fingerprint: true },
  { key: 'baseline', header: '基期值', width: 11, entry: true },
  { key: 'actual', header: '完成值', width: 11, entry: true },
  { key: 'rate', header: '完成率', width: 9, entry: false },
  { key: 'asOf', header: '截至日期', aliases: ['截止日期', '数据截至日期'], width: 12, entry: true },
  { key: 'status', header: '进展状态', width: 11, entry: true },
  { key: 'progress', header: '进展情况', width: 36, entry: true, wrap: true },
  { key: 'problems', header: '存在问题', width: 28, entry: true, wrap: true },
  { key: 'nextSteps', header: '下一步措施', aliases: ['下步措施'], width: 28, entry: true, wrap: true },
  { key: 'evidence', header: '佐证材料', width: 20, entry: true, wrap: true },
];

export const TASK_COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', width: 6, entry: false, fingerprint: true },
  { key: 'taskId', header: '任务编号', width: 28, entry: false, fingerprint: true },
  { key: 'document', header: '文件', width: 16, entry: false, wrap: true, fingerprint: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true, fingerprint: true },
  { key: 'text', header: '任务内容', width: 56, entry: false, wrap: true, fingerprint: true },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true, fingerprint: true },
  { key: 'status', header: '进展状态', width: 11, entry: true },
  { key: 'progress', header: '进展情况', width: 40, entry: true, wrap: true },
  { key: 'problems', header: '存在问题', width: 30, entry: true, wrap: true },
  { key: 'nextSteps', header: '下一步措施', aliases: ['下步措施'], width: 30, entry: true, wrap: true },
];

/** The 已移除指标 sheet: the old row, what was typed, and why it is there. */
export const REMOVED_COLUMNS: readonly ColumnDef[] = [
  { key: 'targetId', header: '指标编号', width: 27, entry: false },
  { key: 'document', header: '文件', width: 18, entry: false, wrap: true },
  { key: 'section', header: '章节', width: 12, entry: false, wrap: true },
  { key: 'quote', header: '指标内容', width: 46, entry: false, wrap: true },
  { key: 'targetText', header: '目标值', width: 12, entry: false },
  { key: 'unit', header: '单位', width: 8, entry: false },
  { key: 'deadline', header: '目标年份', width: 10, entry: false },
  { key: 'lead', header: '牵头单位', width: 16, entry: false, wrap: true },
  { key: 'baseline', header: '基期值', width: 11, entry: false },
  { key: 'actual', header: '完成值', width: 11, entry: false },
  { key: 'asOf', header: '截至日期', width: 12, entry: false },
  { key: 'status', header: '进展状态', width: 11, entry: false },
  { key: 'progress', header: '进展情况', width: 36, entry: false, wrap: true },
  { key: 'problems', header: '存在问题', width: 28, entry: false, wrap: true },
  { key: 'nextSteps', header: '下一步措施', width: 28, entry: false, wrap: true },
  { key: 'evidence', header: '佐证材料', width: 20, entry: false, wrap: true },
  { key: 'reason', header: '移除说明', width: 30, entry: false, wrap: true },
];

/** Header of the optional column flagging targets whose text changed in an upgrade (not fingerprinted). */
export const CHANGE_NOTE_HEADER = '变更提示';

/** Column letter(s) for a 0-based column index: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 0-based column and 1-based row. */
export function a1(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}

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
] as const;
