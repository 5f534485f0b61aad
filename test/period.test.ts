/** Reporting periods as offices write them → date ranges (calendar facts, written out by hand). */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/core/workbook/period.js';

describe('parsePeriod', () => {
  it.each([
    ['2025年度', '2025-01-01', '2025-12-31'],
    ['2025年上半年', '2025-01-01', '2025-06-30'],
    ['2025年下半年', '2025-07-01', '2025-12-31'],
    ['2025年第一季度', '2025-01-01', '2025-03-31'],
    ['2025年第二季度', '2025-04-01', '2025-06-30'],
    ['2025年第三季度', '2025-07-01', '2025-09-30'],
    ['2025年第四季度', '2025-10-01', '2025-12-31'],
    ['2024年1-2月', '2024-01-01', '2024-02-29'],
    ['2025年1-2月', '2025-01-01', '2025-02-28'],
    ['2025年9月', '2025-09-01', '2025-09-30'],
  ])('%s runs from %s to %s', (label, start, end) => {
    expect(parsePeriod(label)).toEqual({ start, end });
  });

  it('gives no range for a label without dates', () => {
    expect(parsePeriod('十四五期间')).toBeNull();
  });
});
