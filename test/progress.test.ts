/** The rules of the one measure of progress, on hand-worked cases (README “进度的计算规则”). */
import { describe, expect, it } from 'vitest';
import { deriveKind } from '../src/core/catalogue/kind.js';
import type { Submission } from '../src/core/model/submission.js';
import {
  aggregateTarget,
  chooseVersion,
  implausibilities,
  jumpProblems,
  judgeFigure,
  officeScore,
  overallJudgement,
  rankOffices,
  reportDate,
  type VersionFacts,
} from '../src/core/progress/index.js';
import { submission } from './helpers/submissions.js';

describe('progress', () => {
  it('judges a figure against 序时进度, apart from the office’s own status', () => {
    const rule = { comparator: '>=' as const, value: 100, valueMax: null };
    expect(judgeFigure({ ...rule, actual: 80, declared: '滞后' }, 0.75)).toMatchObject({
      status: '达到序时进度',
      contradiction: '自报“滞后”，按完成值核算为“达到序时进度”',
    });
    expect(judgeFigure({ ...rule, actual: 70, declared: '序时推进' }, 0.75).status).toBe('未达到序时进度');
    expect(judgeFigure({ ...rule, actual: 100, declared: null }, 0.75).status).toBe('已完成');
    expect(judgeFigure({ ...rule, actual: 0, declared: null }, 0.75).status).toBe('未启动');
    expect(judgeFigure({ ...rule, actual: null, declared: null }, 0.75).status).toBe('无数据');
  });

  it('caps each 完成率 at 100 %, ranks ties by the share ahead, then shares the rank', () => {
    expect(officeScore([1.5, 0.5])).toBe(0.75);
    expect(
      rankOffices([
        { score: 0.8, ahead: 0.5 },
        { score: 0.8, ahead: 0.6 },
        { score: 0.9, ahead: 0.1 },
        { score: 0.8, ahead: 0.5 },
        { score: null, ahead: null },
      ]),
    ).toEqual([3, 2, 1, 3, 5]);
  });

  it('sums totals against the overall target and never sums rates', () => {
    const total = aggregateTarget(
      'total',
      { comparator: '>=', value: 50, valueMax: null },
      [
        { actual: 20, met: null },
        { actual: 25, met: null },
      ],
      1,
    );
    expect(total).toMatchObject({ total: 45, rate: 0.9, status: '未达到序时进度' });
    const rate = aggregateTarget(
      'rate',
      { comparator: '>=', value: 80, valueMax: null },
      [
        { actual: 70, met: false },
        { actual: 90, met: true },
        { actual: 85, met: true },
      ],
      1,
    );
    expect(rate).toMatchObject({ total: null, median: 85, min: 70, max: 90, meeting: 2 });
  });

  it('derives the kind from words and unit', () => {
    const k = (indicator: string, unit: string | null) =>
      deriveKind({ indicator, unit, comparator: '>=', value: 1 });
    expect(k('人均体育场地面积', '平方米')).toBe('per-capita');
    expect(k('每千人口床位', '张')).toBe('per-capita');
    expect(k('商业健康保险支出占卫生总费用的比重', '%')).toBe('rate');
    expect(k('建设国家临床重点专科', '个')).toBe('total');
    expect(k('人均预期寿命', '岁')).toBe('duration');
  });

  it('names the likely slip of an implausible figure', () => {
    const t = { kind: 'total' as const, value: 3000, unit: '人', quote: '' };
    expect(implausibilities(35000, t)[0].code).toBe('too-large');
    expect(implausibilities(3.5, t)[0].message).toMatch(/万/);
    expect(implausibilities(-1, t).map((x) => x.code)).toContain('negative-count');
    expect(implausibilities(120, { kind: 'rate', value: 80, unit: '%', quote: '覆盖率' })[0].code).toBe(
      'share-over-100',
    );
    expect(implausibilities(2000, t, 500)[0].code).toBe('jump');
  });

  it('takes the copy saved last, never the typed 截至日期', () => {
    const a: VersionFacts = {
      source: 'a.xlsx',
      savedAt: '2025-12-01T00:00:00Z',
      fileTime: '2026-01-02T00:00:00Z',
      order: 1,
    };
    const b: VersionFacts = {
      source: 'b.xlsx',
      savedAt: '2025-11-01T00:00:00Z',
      fileTime: '2026-01-03T00:00:00Z',
      order: 2,
    };
    expect(chooseVersion(a, b).winner.source).toBe('a.xlsx');
    expect(chooseVersion({ ...a, savedAt: null }, b).winner.source).toBe('b.xlsx');
  });

  it('chooses the overall judgement by the stated shares, and refuses a 成文日期 before the data', () => {
    const t = (ahead: number, behind: number) => ({
      total: ahead + behind,
      已完成: 0,
      达到序时进度: ahead,
      未达到序时进度: behind,
      未启动: 0,
      无数据: 0,
    });
    expect(overallJudgement(t(8, 2)).phrase).toBe('总体进展顺利');
    expect(overallJudgement(t(6, 4)).phrase).toBe('总体基本符合序时进度');
    expect(overallJudgement(t(2, 8)).phrase).toBe('总体滞后于序时进度');
    expect(reportDate(null, '2026-01-15', '2025-12-31')).toBe('2026-01-15');
    expect(() => reportDate('2025-10-09', '2026-01-15', '2025-12-31')).toThrow(
      /成文日期 2025-10-09 早于数据截至日期 2025-12-31/,
    );
  });

  it('warns about a jump of more than 3× from the previous submission, naming the 完成值 cell', () => {
    const sub = (actual: number, source: string): Submission =>
      submission({ source, figures: [{ actual, value: 100, row: 5 }] });
    const [p] = jumpProblems(sub(90, '本期.xlsx'), sub(20, '上期.xlsx'));
    expect(p).toMatchObject({ severity: 'warning', sheet: '指标', code: 'implausible-jump' });
    expect(p.cell).toMatch(/^[A-Z]+5$/);
    expect(p.message).toContain('上期：上期.xlsx');
    expect(jumpProblems(sub(50, '本期.xlsx'), sub(20, '上期.xlsx'))).toEqual([]);
  });
});
