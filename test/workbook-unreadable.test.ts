/**
 * A workbook that cannot be read at all: any spreadsheet that is not a luoshi workbook, and one written
 * by a newer luoshi. The reader names the file; hosts stop on it through refuseUnreadable.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { WorkbookGrid } from '../src/core/model/grid.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { refuseUnreadable, unreadableProblem } from '../src/core/workbook/unreadable.js';
import { planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
}

describe('an unreadable workbook', () => {
  it('a spreadsheet of the office’s own is not a luoshi workbook', () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: 'Sheet1',
          state: 'visible',
          rows: [
            ['序号', '项目'],
            [1, '道路'],
          ],
        },
      ],
    };
    const s = readSubmission(grid, { source: '台账.xlsx' });
    expect(unreadableProblem(s)).toMatchObject({ severity: 'error', code: 'not-a-luoshi-workbook' });
    const e = thrown(() => refuseUnreadable([s], '/data/台账.xlsx'));
    expect(isLuoshiError(e) && e.code).toBe('not-a-luoshi-workbook');
    expect(isLuoshiError(e) && e.message).toMatch(/^台账\.xlsx 不是 luoshi 生成的填报表/);
    expect(isLuoshiError(e) && e.where).toEqual({ file: '/data/台账.xlsx' });
  });

  it('a workbook of a newer format asks for a newer luoshi', () => {
    const grid = planGrid(
      planWorkbook(seedCatalogue(), {
        office: '长春市',
        period: '2025年度',
        generatedAt: '2026-01-05T08:00:00Z',
      }),
    );
    const meta = grid.sheets.find((x) => x.name === '_meta')!;
    const row = meta.rows.find((r) => r[0] === 'formatVersion')!;
    row[1] = 99;
    const s = readSubmission(grid, { source: '新版.xlsx' });
    expect(unreadableProblem(s)?.code).toBe('format-too-new');
    expect(unreadableProblem(s)?.message).toMatch(/格式版本 99/);
  });

  it('a readable workbook passes, however many other errors it has', () => {
    const grid = planGrid(
      planWorkbook(seedCatalogue(), {
        office: '长春市',
        period: '2025年度',
        generatedAt: '2026-01-05T08:00:00Z',
      }),
    );
    const s = readSubmission(grid, { source: '长春市.xlsx' });
    const withErrors = {
      problems: [
        ...s.problems,
        {
          severity: 'error' as const,
          sheet: '指标',
          cell: 'H5',
          targetId: null,
          message: 'x',
          code: 'not-a-number',
        },
      ],
    };
    expect(unreadableProblem(withErrors)).toBeUndefined();
    expect(() => refuseUnreadable([s, withErrors])).not.toThrow();
  });
});
