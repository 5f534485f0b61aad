/**
 * Consolidation rules on submissions built in memory (no workbook): which of two files of one office
 * counts, the period and catalogue-version warnings, and the robust outlier cut-off — expected values
 * worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import type { Submission } from '../src/core/model/submission.js';
import { submission } from './helpers/submissions.js';

const OFFICES = ['长春市', '吉林市', '四平市', '辽源市', '通化市', '白山市', '松原市'];

function consolidate(subs: Submission[]): ConsolidationResult {
  const c = createConsolidator({ roster: OFFICES });
  for (const s of subs) c.add(s);
  return c.finish();
}

describe('which of two submissions of one office counts', () => {
  it('the one saved last, even when it is given first, whatever the file times say', () => {
    const r = consolidate([
      submission({
        source: '二稿.xlsx',
        savedAt: '2025-12-20T08:00:00.000Z',
        fileTime: '2025-01-01T00:00:00Z',
        figures: [{ actual: 7 }],
      }),
      submission({
        source: '一稿.xlsx',
        savedAt: '2025-10-01T08:00:00.000Z',
        fileTime: '2026-01-01T00:00:00Z',
        figures: [{ actual: 3 }],
      }),
    ]);
    expect(r.duplicates).toEqual([
      {
        office: '长春市',
        kept: '二稿.xlsx',
        dropped: '一稿.xlsx',
        reason:
          '采用单位最后保存的一份：工作簿保存时间 2025-12-20 08:00:00 晚于 2025-10-01 08:00:00（不按截至日期判断）',
      },
    ]);
    expect(r.actual[0][0]).toBe(7);
  });

  it('the file modified last when the workbooks record the same save time', () => {
    const saved = '2025-12-01T00:00:00Z';
    const r = consolidate([
      submission({
        source: 'b.xlsx',
        savedAt: saved,
        fileTime: '2025-12-03T09:30:00+08:00',
        figures: [{ actual: 5 }],
      }),
      submission({
        source: 'a.xlsx',
        savedAt: saved,
        fileTime: '2025-12-02T09:30:00+08:00',
        figures: [{ actual: 4 }],
      }),
    ]);
    expect(r.duplicates).toMatchObject([{ kept: 'b.xlsx', dropped: 'a.xlsx' }]);
    expect(r.duplicates[0].reason).toBe(
      '采用单位最后保存的一份：文件修改时间 2025-12-03 09:30:00 晚于 2025-12-02 09:30:00（工作簿未记录保存时间或保存时间相同）',
    );
    expect(r.actual[0][0]).toBe(5);
  });

  it('the later file in the order given when nothing else tells them apart', () => {
    const r = consolidate([
      submission({ source: 'a.xlsx', figures: [{ actual: 1 }] }),
      submission({ source: 'b.xlsx', figures: [{ actual: 2 }] }),
    ]);
    expect(r.duplicates).toMatchObject([
      { kept: 'b.xlsx', dropped: 'a.xlsx', reason: '两份的保存时间相同，按文件顺序采用后一份' },
    ]);
    expect(r.actual[0][0]).toBe(2);
  });
});

describe('an office that differs from the others', () => {
  it('is warned about a period or catalogue version that is not the majority’s, the others are not', () => {
    const r = consolidate([
      submission({ office: '长春市', figures: [{ actual: 10 }] }),
      submission({ office: '吉林市', figures: [{ actual: 10 }] }),
      submission({ office: '四平市', period: '2025年上半年', figures: [{ actual: 10 }] }),
      submission({ office: '辽源市', catalogueVersion: 'old', figures: [{ actual: 10 }] }),
    ]);
    expect(r.period).toBe('2025年度');
    const codes = r.problems.map((p) => `${p.office} ${p.code} ${p.severity}`);
    expect(codes.sort()).toEqual(['四平市 period-mismatch warning', '辽源市 catalogue-mismatch warning']);
    expect(r.problems.find((p) => p.office === '四平市')?.message).toBe(
      '报送期间为“2025年上半年”，与多数单位的“2025年度”不同',
    );
  });
});

describe('figures far from the other offices', () => {
  // Figures 9, 10, 10, 10, 10, 11, 16: median 10; absolute deviations 1, 0, 0, 0, 0, 1, 6 have median 0,
  // so the spread is the mean deviation 8/7 × 0.6745/0.7979 ≈ 0.966, raised to the floor 10 % × 10 = 1.
  // z(16) = 0.6745 × 6 / 1 ≈ 4.05 > 3.5: listed; z(11) ≈ 0.67 and z(9) ≈ −0.67: not.
  const figures = [9, 10, 10, 10, 10, 11, 16];

  it('lists a figure whose robust z is above 3.5, with the median and the score, and keeps it in the total', () => {
    const r = consolidate(
      figures.map((actual, i) => submission({ office: OFFICES[i], figures: [{ actual }] })),
    );
    expect(r.outliers).toEqual([
      {
        targetId: 'T1',
        office: '松原市',
        value: 16,
        median: 10,
        score: 4.05,
        reason: '与各单位中位数 10 相差过大（稳健 z 值 4.05），请核实',
        held: false,
      },
    ]);
    expect(r.targets[0].total).toBe(76);
  });

  it('says nothing with fewer than six figures', () => {
    const r = consolidate(
      [9, 10, 10, 10, 16].map((actual, i) => submission({ office: OFFICES[i], figures: [{ actual }] })),
    );
    expect(r.outliers).toEqual([]);
  });
});
