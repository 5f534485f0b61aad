/**
 * Consolidation rules on submissions built in memory (no workbook): which of two files of one office
 * counts, the period and catalogue-version warnings, and the robust outlier cut-off — expected values
 * worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import type { ProgressStatus, Submission } from '../src/core/model/submission.js';
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
  const figures = [16, 10, 9, 10, 11, 10, 10]; // not in order: the median must sort them

  it('lists a figure whose robust z is above 3.5, with the median and the score, and keeps it in the total', () => {
    const r = consolidate(
      figures.map((actual, i) => submission({ office: OFFICES[i], figures: [{ actual }] })),
    );
    expect(r.outliers).toEqual([
      {
        targetId: 'T1',
        office: '长春市',
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
      [10, 10, 10, 10, 40].map((actual, i) => submission({ office: OFFICES[i], figures: [{ actual }] })),
    );
    expect(r.outliers).toEqual([]);
  });

  it('from six figures on: with most figures alike the spread is the mean deviation', () => {
    // 10 ×5 and 40: MAD 0, mean deviation 30/6 = 5 → spread 5 × 0.6745/0.7979; z = 6 × 0.7979 ≈ 4.79
    const r = consolidate(
      [10, 10, 10, 10, 10, 40].map((actual, i) => submission({ office: OFFICES[i], figures: [{ actual }] })),
    );
    expect(r.outliers.map((o) => [o.office, o.value, o.median, o.score, o.reason])).toEqual([
      ['白山市', 40, 10, 4.79, '与各单位中位数 10 相差过大（稳健 z 值 4.79），请核实'],
    ]);
  });
});

describe('a round with a roster, an unlisted office, a held figure and unreadable files', () => {
  // Period 2025年1-6月: 序时进度 50 %. T1 a total (≥100个 per office), T2 a rate (≥80%).
  const PERIOD = '2025年1-6月';
  const warning = (message: string) => ({
    severity: 'warning' as const,
    sheet: '指标',
    cell: 'H4',
    targetId: 'T1',
    message,
    code: 'w',
  });
  function round(): ConsolidationResult {
    const c = createConsolidator({
      roster: ['长春市', '吉林市', '四平市', '辽源市'],
      maxProblemsPerOffice: 1,
      kinds: new Map([
        ['T1', 'total'],
        ['T2', 'rate'],
      ]),
    });
    const figures = (
      t1: number | null,
      t2: number | null,
      s1: ProgressStatus | null,
      s2: ProgressStatus | null,
    ) => [
      { targetId: 'T1', actual: t1, value: 100, entry: { status: s1 } },
      { targetId: 'T2', actual: t2, value: 80, unit: '%', entry: { status: s2 } },
    ];
    c.add({
      ...submission({ office: '长春市', period: PERIOD, figures: figures(5000, 60, null, '已完成') }),
      problems: [warning('一'), warning('二')],
    });
    c.add(submission({ office: '吉林市', period: PERIOD, figures: figures(40, 85, '滞后', '序时推进') }));
    c.add(submission({ office: '松原市', period: PERIOD, figures: figures(60, null, null, null) }));
    c.add({
      ...submission({ office: ' ', source: '空白.xlsx', figures: [] }),
      problems: [{ ...warning('不是 luoshi 生成的填报表'), severity: 'error' }],
    });
    c.addFailure('坏.xlsx', '坏.xlsx 已损坏');
    return c.finish();
  }

  it('lists who is missing, who is not on the roster, and the files it could not use', () => {
    const r = round();
    expect(r.timeShare).toBe(0.5);
    expect(r.offices.map((o) => [o.office, o.inRoster])).toEqual([
      ['长春市', true],
      ['吉林市', true],
      ['松原市', false],
    ]);
    expect(r.missing).toEqual(['四平市', '辽源市']);
    expect(r.unlisted).toEqual(['松原市']);
    expect(r.failures).toEqual([
      { file: '空白.xlsx', message: '不是 luoshi 生成的填报表' },
      { file: '坏.xlsx', message: '坏.xlsx 已损坏' },
    ]);
  });

  it('holds a 50× figure out of the total until confirmed, and combines totals and rates each their way', () => {
    const r = round();
    expect(r.outliers).toEqual([
      {
        targetId: 'T1',
        office: '长春市',
        value: 5000,
        median: 60,
        score: null,
        reason:
          '完成值 5000 是目标值 100 的 50 倍，请核实：可能多写了一位数，或填写的是累计数而非本期数（待单位核实，暂不计入合计和排名）',
        held: true,
      },
    ]);
    expect(r.actual).toEqual([
      [5000, 40, 60],
      [60, 85, null],
    ]);
    expect(r.targets[0]).toMatchObject({
      kind: 'total',
      summable: true,
      total: 100,
      totalRate: 100,
      reported: 2,
      held: 1,
      status: '已完成',
    });
    expect(r.targets[1]).toMatchObject({
      kind: 'rate',
      total: null,
      median: 72.5,
      min: 60,
      max: 85,
      meeting: 1,
      reported: 2,
      held: 0,
      status: '达到序时进度',
    });
  });

  it('scores and ranks the offices without the held figure, and counts what each declared', () => {
    const r = round();
    expect(r.offices.map((o) => [o.office, o.score, o.rank, o.ahead])).toEqual([
      ['长春市', 75, 1, 100],
      ['吉林市', 70, 2, 50],
      ['松原市', 60, 3, 100],
    ]);
    expect(r.offices[1]).toMatchObject({ lagging: 1, onTrack: 1, completed: 0, notStarted: 0, filled: 2 });
    expect(r.offices[0]).toMatchObject({ completed: 1, contradictions: 1, warnings: 2, errors: 0 });
    expect(r.contradictions).toEqual([
      {
        office: '长春市',
        targetId: 'T2',
        declared: '已完成',
        status: '达到序时进度',
        message: '自报“已完成”，按完成值核算为“达到序时进度”',
      },
    ]);
    expect(r.problems.filter((p) => p.office === '长春市').map((p) => [p.message, p.code])).toEqual([
      ['一', 'w'],
      ['另有 1 条问题未列出，请用 luoshi check 查看该文件', 'more-problems'],
    ]);
  });
});

describe('a resubmission that repeats an implausible figure', () => {
  const total = new Map([['T1', 'total' as const]]);
  function resubmit(second: number): ConsolidationResult {
    const c = createConsolidator({ kinds: total });
    c.add(submission({ source: '一稿.xlsx', figures: [{ actual: 5000, value: 100 }] }));
    c.add(submission({ source: '二稿.xlsx', figures: [{ actual: second, value: 100 }] }));
    return c.finish();
  }

  it('confirms it: counted, and listed as confirmed', () => {
    const r = resubmit(5000);
    expect(r.outliers.map((o) => [o.held, o.reason.endsWith('（单位已核实）')])).toEqual([[false, true]]);
    expect(r.targets[0]).toMatchObject({ total: 5000, held: 0 });
  });

  it('a different figure confirms nothing', () => {
    const r = resubmit(4000);
    expect(r.outliers.map((o) => o.held)).toEqual([true]);
    expect(r.targets[0]).toMatchObject({ total: null, held: 1 });
  });
});
