/**
 * The layout helpers the workbook plan and the reader share: a sheet name quoted for a reference
 * (an apostrophe doubled, as Excel writes it), how many leading columns print (all of them when none
 * is a reference column), and the fixed order of the fingerprinted cells, whatever the column order.
 */
import { describe, expect, it } from 'vitest';
import {
  TARGET_COLUMNS,
  TASK_COLUMNS,
  fingerprintColumns,
  printedColumnCount,
  sheetRef,
  type ColumnDef,
} from '../src/core/workbook/layout.js';

const col = (key: string, over: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  header: key,
  width: 8,
  entry: false,
  ...over,
});

describe('workbook layout helpers', () => {
  it('quote a sheet name for a reference, doubling an apostrophe', () => {
    expect(sheetRef('指标')).toBe("'指标'");
    expect(sheetRef("O'Neil's")).toBe("'O''Neil''s'");
  });

  it('print the columns before the first reference column, or all of them', () => {
    expect(printedColumnCount(TARGET_COLUMNS)).toBe(15);
    expect(printedColumnCount(TASK_COLUMNS)).toBe(6);
    expect(printedColumnCount([col('a'), col('b'), col('c')])).toBe(3);
    expect(printedColumnCount([col('a', { reference: true }), col('b')])).toBe(0);
  });

  it('put the fingerprinted columns in fingerprint order and leave the others out', () => {
    const cols = [
      col('c', { fingerprint: 3 }),
      col('x'),
      col('a', { fingerprint: 1 }),
      col('b', { fingerprint: 2 }),
    ];
    expect(fingerprintColumns(cols).map((c) => c.key)).toEqual(['a', 'b', 'c']);
    expect(fingerprintColumns(TASK_COLUMNS).map((c) => c.header)).toEqual([
      '序号',
      '任务编号',
      '文件',
      '章节',
      '任务内容',
      '牵头单位',
    ]);
  });
});
