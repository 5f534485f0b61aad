/** The fixed vocabulary of the allocation workbook (分解表): shared by its writer and its reader. */

export const SHEET_ALLOCATION = '分解';
export const SHEET_ALLOCATION_GUIDE = '填写说明';

/** 1-based row of the header in the sheet the template writes; the reader searches the first rows for it. */
export const ALLOCATION_HEADER_ROW = 1;
export const HEADER_SCAN_ROWS = 10;

/** The catalogue columns, in order, before one column per office. */
export const ALLOCATION_COLUMNS = [
  { key: 'targetId', header: '指标编号', aliases: ['编号'], width: 30 },
  { key: 'indicator', header: '指标', aliases: ['指标名称', '指标内容'], width: 28 },
  { key: 'unit', header: '单位', aliases: ['计量单位'], width: 6 },
  { key: 'target', header: '目标值', aliases: ['总目标', '总目标值'], width: 11 },
] as const;

export type AllocationColumnKey = (typeof ALLOCATION_COLUMNS)[number]['key'];

export const OFFICE_COLUMN_WIDTH = 9;
