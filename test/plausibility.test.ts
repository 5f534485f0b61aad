/**
 * Implausible figures (src/core/progress/plausibility.ts), each rule at and just past its boundary, with
 * the exact Chinese message an office sees: the slip it names depends on the ratio and the unit.
 */
import { describe, expect, it } from 'vitest';
import {
  implausibilities,
  isVerified,
  jumpProblems,
  type PlausibilityTarget,
} from '../src/core/progress/plausibility.js';
import { submission } from './helpers/submissions.js';

const total = (value: number | null, unit = '个'): PlausibilityTarget => ({
  kind: 'total',
  value,
  unit,
  quote: '',
});
const rate = (unit = '次'): PlausibilityTarget => ({ kind: 'rate', value: null, unit, quote: '' });

describe('a total far from its target', () => {
  it('more than 10× names the likely slip by how far off and in which unit', () => {
    expect(implausibilities(101, total(10))).toEqual([
      {
        code: 'too-large',
        message: '完成值 101 是目标值 10 的 10.1 倍，请核实：可能多写了一位数，或填写的是累计数而非本期数',
      },
    ]);
    expect(implausibilities(1000, total(1))[0].message).toBe(
      '完成值 1000 是目标值 1 的 1000 倍，请核实：可能多写了一位数，或填写的是累计数而非本期数',
    );
    expect(implausibilities(1001, total(1))[0].message).toBe(
      '完成值 1001 是目标值 1 的 1001 倍，请核实：可能把“万”换算成了个位数，或多写了几位',
    );
    expect(implausibilities(200, total(10, ' 万人 '))[0].message).toBe(
      '完成值 200 是目标值 10 的 20 倍，请核实：计量单位为“万人”，可能按个位数填写了（如把3.5万写成35000）',
    );
    // 千 inside the unit, not a scale in front of it
    expect(implausibilities(200, total(10, '平方千米'))[0].message).toMatch(/可能多写了一位数/);
  });

  it('exactly 10× or 1/10 is still plausible', () => {
    expect(implausibilities(100, total(10))).toEqual([]);
    expect(implausibilities(10, total(100))).toEqual([]);
  });

  it('less than 1/10 names a figure typed in 万 or a missing digit', () => {
    expect(implausibilities(9, total(100))).toEqual([
      {
        code: 'too-small',
        message:
          '完成值 9 不足目标值 100 的十分之一，请核实：可能少写了一位数，或填写的是本期新增数而非累计数',
      },
    ]);
    expect(implausibilities(5, total(100, '万元'))[0].message).toBe(
      '完成值 5 不足目标值 100 的十分之一，请核实：计量单位为“万元”，可能按“元”换算错了',
    );
    expect(implausibilities(5, total(100, '万'))[0].message).toMatch(/可能按“个”换算错了$/);
    expect(implausibilities(10, total(10000, '人'))[0].message).toMatch(
      /请核实：可能按“万”填写了（计量单位为“人”，应填个位数）$/,
    );
    expect(implausibilities(10, total(10000, ''))[0].message).toMatch(/（计量单位为“个”，应填个位数）$/);
    // exactly 1/500 is not yet the 万 slip
    expect(implausibilities(2, total(1000))[0].message).toMatch(/可能少写了一位数/);
  });

  it('says nothing without a positive target or figure, or for what is not a total', () => {
    expect(implausibilities(5, total(0))).toEqual([]);
    expect(implausibilities(5, total(null))).toEqual([]);
    expect(implausibilities(0, total(10))).toEqual([]);
    expect(implausibilities(500, { kind: 'rate', value: 10, unit: '个', quote: '' })).toEqual([]);
  });

  it('a negative count is impossible; zero is not, and a negative rate is no count', () => {
    expect(implausibilities(-1, total(null))).toEqual([
      { code: 'negative-count', message: '完成值 -1 为负数，数量类指标不可能出现' },
    ]);
    expect(implausibilities(-1, rate())).toEqual([]);
  });
});

describe('a share above its limit', () => {
  it('is impossible above 100 % or 1000 ‰, not at it, and not for a growth', () => {
    expect(implausibilities(100.5, { kind: 'rate', value: null, unit: ' % ', quote: '覆盖率' })).toEqual([
      { code: 'share-over-100', message: '完成值 100.5% 超过 100%，比重类指标不可能出现' },
    ]);
    expect(implausibilities(100, { kind: 'rate', value: null, unit: '%', quote: '' })).toEqual([]);
    expect(implausibilities(1000, { kind: 'rate', value: null, unit: '‰', quote: '' })).toEqual([]);
    expect(implausibilities(120, { kind: 'rate', value: null, unit: '%', quote: '增长' })).toEqual([]);
  });
});

describe('a jump from the previous submission', () => {
  it('more than 3× up or down, not exactly 3×, and only when both figures are positive', () => {
    expect(implausibilities(31, rate(), 10)).toEqual([
      { code: 'jump', message: '完成值 31 与上期 10 相比变化超过 3 倍，请核实' },
    ]);
    expect(implausibilities(3, rate(), 10).map((f) => f.code)).toEqual(['jump']);
    expect(implausibilities(30, rate(), 10)).toEqual([]);
    expect(implausibilities(3, rate(), 9)).toEqual([]);
    expect(implausibilities(31, rate())).toEqual([]);
    expect(implausibilities(31, rate(), 0)).toEqual([]);
    expect(implausibilities(0, rate(), 10)).toEqual([]);
  });

  it('is confirmed by “数据已核实” in 进展情况 or in 佐证材料', () => {
    expect(isVerified({ progress: '经复核，数据已核实', evidence: '' })).toBe(true);
    expect(isVerified({ progress: '', evidence: '数据已核实' })).toBe(true);
    expect(isVerified({ progress: '已核实', evidence: '数据' })).toBe(false);
  });

  it('is a warning on the 完成值 cell (column H) of the current workbook, naming the previous file', () => {
    const current = submission({
      figures: [
        { targetId: 'A', actual: 150, unit: '%', row: 6 },
        { targetId: 'B', actual: 90, row: 7 },
        { targetId: 'C', actual: 90, row: 8, entry: { evidence: '数据已核实' } },
        { targetId: 'D', actual: null, row: 9 },
        { targetId: 'E', actual: 90, row: 10 },
      ],
    });
    const previous = submission({
      source: '上期.xlsx',
      figures: [
        { targetId: 'A', actual: 30 },
        { targetId: 'B', actual: 20 },
        { targetId: 'C', actual: 20 },
        { targetId: 'D', actual: 20 },
        { targetId: 'E', actual: 50 },
      ],
    });
    expect(jumpProblems(current, previous)).toEqual([
      {
        severity: 'warning',
        sheet: '指标',
        cell: 'H6',
        targetId: 'A',
        message:
          '完成值 150 与上期 30 相比变化超过 3 倍，请核实（上期：上期.xlsx）；核实无误的，请在“进展情况”中注明“数据已核实”',
        code: 'implausible-jump',
      },
      {
        severity: 'warning',
        sheet: '指标',
        cell: 'H7',
        targetId: 'B',
        message:
          '完成值 90 与上期 20 相比变化超过 3 倍，请核实（上期：上期.xlsx）；核实无误的，请在“进展情况”中注明“数据已核实”',
        code: 'implausible-jump',
      },
    ]);
  });

  it('compares only targets the previous workbook had a figure for', () => {
    const current = submission({ figures: [{ targetId: 'A', actual: 90 }] });
    const previous = submission({ figures: [{ targetId: 'Z', actual: 20 }] });
    expect(jumpProblems(current, previous)).toEqual([]);
  });
});
