/**
 * The status a figure is judged to have against 序时进度 (src/core/progress/status.ts), the contradiction
 * with what the office declared, and the ranking's tie rules — each case worked by hand from the rules in
 * the README (“进度的计算规则”).
 */
import { describe, expect, it } from 'vitest';
import type { ProgressStatus } from '../src/core/model/submission.js';
import {
  aheadShare,
  contradictionOf,
  emptyTally,
  addToTally,
  judgeFigure,
  type JudgedStatus,
} from '../src/core/progress/status.js';
import { officeScore, rankOffices } from '../src/core/progress/score.js';
import { chooseVersion } from '../src/core/progress/version.js';
import { aggregateTarget, medianOf } from '../src/core/progress/aggregate.js';
import { overallJudgement, reportDate } from '../src/core/progress/judgement.js';
import { timeShareOf } from '../src/core/progress/time-share.js';

const atLeast = { comparator: '>=' as const, value: 100, valueMax: null };
const atMost = { comparator: '<=' as const, value: 10, valueMax: null };

describe('judging a figure', () => {
  it('a ceiling kept is on schedule during the year and done only at its end', () => {
    expect(judgeFigure({ ...atMost, actual: 8, declared: null }, 0.5).status).toBe('达到序时进度');
    expect(judgeFigure({ ...atMost, comparator: '<', actual: 8, declared: null }, 0.5).status).toBe(
      '达到序时进度',
    );
    expect(judgeFigure({ ...atMost, actual: 8, declared: null }, 1).status).toBe('已完成');
    // an unknown period is judged as at year end
    expect(judgeFigure({ ...atMost, actual: 8, declared: null }, null).status).toBe('已完成');
  });

  it('a ceiling broken is behind schedule, even on the first day', () => {
    expect(judgeFigure({ ...atMost, actual: 12, declared: null }, 0)).toMatchObject({
      rate: null,
      met: false,
      status: '未达到序时进度',
      basis: 'figure',
    });
  });

  it('a floor reached exactly at 序时进度 is on schedule; zero is 未启动', () => {
    expect(judgeFigure({ ...atLeast, actual: 50, declared: null }, 0.5)).toEqual({
      rate: 0.5,
      met: false,
      status: '达到序时进度',
      basis: 'figure',
      contradiction: null,
    });
    expect(judgeFigure({ ...atLeast, actual: 49, declared: null }, 0.5).status).toBe('未达到序时进度');
    expect(judgeFigure({ ...atLeast, actual: 0, declared: '序时推进' }, 0.5)).toMatchObject({
      status: '未启动',
      contradiction: '自报“序时推进”，按完成值核算为“未启动”',
    });
  });

  it('a target without a numeric test is judged by what the office declared', () => {
    const declared = {
      rate: null,
      met: null,
      status: '未达到序时进度',
      basis: 'declared',
      contradiction: null,
    };
    expect(
      judgeFigure({ comparator: 'milestone', value: 1, valueMax: null, actual: 5, declared: '滞后' }, 0.5),
    ).toEqual(declared);
    expect(
      judgeFigure({ comparator: null, value: 10, valueMax: null, actual: 5, declared: '滞后' }, 0.5),
    ).toEqual(declared);
    expect(judgeFigure({ ...atLeast, value: null, actual: 5, declared: '滞后' }, 0.5)).toEqual(declared);
    expect(
      judgeFigure(
        { comparator: 'milestone', value: null, valueMax: null, actual: null, declared: null },
        0.5,
      ),
    ).toEqual({
      rate: null,
      met: null,
      status: '无数据',
      basis: 'none',
      contradiction: null,
    });
  });

  it('no usable figure: 未启动 when the office says so, else 无数据', () => {
    expect(judgeFigure({ ...atLeast, actual: null, declared: '未启动' }, 0.5)).toEqual({
      rate: null,
      met: null,
      status: '未启动',
      basis: 'none',
      contradiction: null,
    });
    expect(judgeFigure({ ...atLeast, actual: null, declared: '滞后' }, 0.5).status).toBe('无数据');
    expect(judgeFigure({ ...atLeast, actual: Number.NaN, declared: null }, 0.5).status).toBe('无数据');
  });
});

describe('the office’s own status against the computed one', () => {
  const DECLARED: ProgressStatus[] = ['已完成', '序时推进', '滞后', '未启动'];
  const JUDGED: JudgedStatus[] = ['已完成', '达到序时进度', '未达到序时进度', '未启动', '无数据'];
  // rows: declared; columns: computed; '' = no contradiction
  const TABLE: Record<ProgressStatus, string[]> = {
    已完成: [
      '',
      '按完成值核算为“达到序时进度”',
      '按完成值核算为“未达到序时进度”',
      '按完成值核算为“未启动”',
      '按完成值核算为“无数据”',
    ],
    序时推进: ['', '', '按完成值核算为“未达到序时进度”', '按完成值核算为“未启动”', ''],
    滞后: ['按完成值核算为“已完成”', '按完成值核算为“达到序时进度”', '', '', ''],
    未启动: [
      '但已填报完成值（核算为“已完成”）',
      '但已填报完成值（核算为“达到序时进度”）',
      '但已填报完成值（核算为“未达到序时进度”）',
      '',
      '',
    ],
  };

  it('contradicts exactly where the table says', () => {
    for (const d of DECLARED)
      JUDGED.forEach((s, i) => {
        const expected = TABLE[d][i] ? `自报“${d}”，${TABLE[d][i]}` : null;
        expect(contradictionOf(d, s), `${d} / ${s}`).toBe(expected);
      });
    for (const s of JUDGED) expect(contradictionOf(null, s)).toBeNull();
  });
});

describe('tallies and the ranking', () => {
  it('the share ahead counts only judged targets (无数据 left out)', () => {
    const t = emptyTally();
    for (const s of ['已完成', '达到序时进度', '未达到序时进度', '无数据'] as const) addToTally(t, s);
    expect(t).toEqual({ total: 4, 已完成: 1, 达到序时进度: 1, 未达到序时进度: 1, 未启动: 0, 无数据: 1 });
    expect(aheadShare(t)).toBeCloseTo(2 / 3, 12);
    expect(aheadShare(emptyTally())).toBeNull();
  });

  it('an office score skips targets without a finite 完成率', () => {
    expect(officeScore([null, Number.NaN, Number.POSITIVE_INFINITY, 0.5])).toBe(0.5);
    expect(officeScore([null])).toBeNull();
    expect(officeScore([-0.2, 0.4])).toBe(0.2);
  });

  it('offices without a score share the last rank; ties at the top share rank 1', () => {
    expect(
      rankOffices([
        { score: null, ahead: null },
        { score: 0.5, ahead: null },
        { score: null, ahead: 0.9 },
      ]),
    ).toEqual([2, 1, 2]);
    expect(
      rankOffices([
        { score: 0.8, ahead: 0.5 },
        { score: 0.8, ahead: 0.5 },
        { score: 0.7, ahead: 1 },
      ]),
    ).toEqual([1, 1, 3]);
  });

  it('at the same score an office with no share ahead ranks after one with any', () => {
    expect(
      rankOffices([
        { score: 0.8, ahead: null },
        { score: 0.8, ahead: 0 },
      ]),
    ).toEqual([2, 1]);
    expect(
      rankOffices([
        { score: 0.8, ahead: 0.2 },
        { score: 0.8, ahead: null },
        { score: 0.8, ahead: null },
      ]),
    ).toEqual([1, 2, 2]);
  });
});

describe('which of two files of one office counts (chooseVersion)', () => {
  const facts = (source: string, savedAt: string | null, fileTime: string | null, order: number) => ({
    source,
    savedAt,
    fileTime,
    order,
  });

  it('shows the times as date and clock, without fractions or zone, whichever way they were written', () => {
    const a = facts('a', '2025-12-20T08:00:00Z', null, 0);
    const b = facts('b', '2025-10-01T08:00:00.123Z', null, 1);
    expect(chooseVersion(a, b)).toEqual({
      winner: a,
      loser: b,
      reason:
        '采用单位最后保存的一份：工作簿保存时间 2025-12-20 08:00:00 晚于 2025-10-01 08:00:00（不按截至日期判断）',
    });
    expect(chooseVersion(b, a).winner).toBe(a);
    const c = facts('c', null, '2025-12-03T09:30:00.250+08:00', 0);
    const d = facts('d', null, '2025-12-02T09:30:00-05:00', 1);
    expect(chooseVersion(d, c)).toEqual({
      winner: c,
      loser: d,
      reason:
        '采用单位最后保存的一份：文件修改时间 2025-12-03 09:30:00 晚于 2025-12-02 09:30:00（工作簿未记录保存时间或保存时间相同）',
    });
  });

  it('an unreadable time decides nothing; then the later in the order given counts', () => {
    const a = facts('a', 'gestern', '2025-12-01T00:00:00Z', 1);
    const b = facts('b', '2025-12-05T00:00:00Z', 'heute', 0);
    expect(chooseVersion(a, b)).toEqual({
      winner: a,
      loser: b,
      reason: '两份的保存时间相同，按文件顺序采用后一份',
    });
    expect(chooseVersion(b, a).winner).toBe(a);
  });
});

describe('combining the offices’ figures of one target', () => {
  it('a milestone has no rate and no status of its own, whatever the figures', () => {
    const a = aggregateTarget(
      'milestone',
      { comparator: '>=', value: 1, valueMax: null },
      [
        { actual: 1, met: true },
        { actual: 3, met: true },
      ],
      0.5,
    );
    expect(a).toMatchObject({
      rate: null,
      status: '无数据',
      total: null,
      median: 2,
      meeting: 2,
      reported: 2,
    });
  });

  it('the median of an odd and an even number of figures; none of none', () => {
    expect(medianOf([1, 5, 9])).toBe(5);
    expect(medianOf([1, 5, 9, 10])).toBe(7);
    expect(medianOf([0.1, 0.2])).toBe(0.15);
    expect(medianOf([])).toBeNull();
  });
});

describe('the overall judgement and the 成文日期', () => {
  it('no judged target gives no judgement', () => {
    const t = emptyTally();
    addToTally(t, '无数据');
    expect(overallJudgement(t)).toEqual({
      level: 'unknown',
      phrase: '暂无可据以判断进度的数据',
      share: null,
      judged: 0,
    });
  });

  it('the 成文日期 may be the day of the data, not before it', () => {
    expect(reportDate(null, '2025-12-31', '2025-12-31')).toBe('2025-12-31');
    expect(reportDate('', '2026-01-05', '2025-12-31')).toBe('2026-01-05');
    const e = (() => {
      try {
        reportDate('2025-12-30', '2026-01-05', '2025-12-31');
      } catch (x) {
        return x as { code?: string };
      }
      return null;
    })();
    expect(e?.code).toBe('report-date-before-data');
  });
});

describe('序时进度', () => {
  it('a period ending on a month’s last day counts in months; otherwise in days, to the end day', () => {
    expect(timeShareOf('2025年1-9月', null)).toBe(0.75);
    expect(timeShareOf('十四五期间', '2025-07-01')).toBeCloseTo(182 / 365, 12);
    expect(timeShareOf('十四五期间', null)).toBeNull();
  });
});
