/**
 * Judging a figure against its target (src/core/workbook/target-math.ts): each comparator at, just
 * inside and just outside its boundary, the 完成率 formula written into the workbook, and where a
 * ratio means nothing. Boundaries are the rules of README “进度的计算规则”, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { completionRate, meetsTarget, rateFormula } from '../src/core/workbook/target-math.js';

describe('meetsTarget', () => {
  it.each([
    // comparator, value, valueMax, actual, met
    ['>=', 100, null, 100, true],
    ['>=', 100, null, 99.9999999999, true], // float noise below the value still meets it
    ['>=', 100, null, 99.99, false],
    ['>', 100, null, 100, false],
    ['>', 100, null, 100.01, true],
    ['<=', 10, null, 10, true],
    ['<=', 10, null, 10.00000000001, true],
    ['<=', 10, null, 10.01, false],
    ['<', 10, null, 10, false],
    ['<', 10, null, 9.99, true],
    ['=', 20, null, 20, true],
    ['=', 20, null, 21, true], // building 21 of 20 is no shortfall
    ['=', 20, null, 19, false],
    ['≈', 300, null, 285, true], // within 5 %
    ['≈', 300, null, 284, false],
    ['≈', 300, null, 400, true],
    ['range', 10, 20, 10, true],
    ['range', 10, 20, 20, true],
    ['range', 10, 20, 9.9, false],
    ['range', 10, 20, 20.1, false],
    ['range', 10, null, 1e6, true],
  ] as const)('%s %d (max %s): %d → %s', (comparator, value, valueMax, actual, met) => {
    expect(meetsTarget(actual, comparator, value, valueMax)).toBe(met);
  });

  it('the tolerance grows with the value, never below 1e-9', () => {
    // 1e9 × 1e-9 = 1: a figure 0.5 under a billion still meets it; 2 under does not
    expect(meetsTarget(1e9 - 0.5, '>=', 1e9, null)).toBe(true);
    expect(meetsTarget(1e9 - 2, '>=', 1e9, null)).toBe(false);
    expect(meetsTarget(0.5 + 1e-10, '<=', 0.5, null)).toBe(true);
    expect(meetsTarget(0.5 + 1e-8, '<=', 0.5, null)).toBe(false);
  });

  it('no numeric test without a value or with another comparator', () => {
    expect(meetsTarget(5, '>=', null, null)).toBeNull();
    expect(meetsTarget(5, 'milestone', 1, null)).toBeNull();
    expect(meetsTarget(5, '大于', 1, null)).toBeNull();
  });
});

describe('完成率', () => {
  it('the workbook formula divides the 完成值 cell by the target, text cells without the percent sign', () => {
    expect(rateFormula('H5', '>=', 80)).toBe('IF(ISNUMBER(H5),H5/80,"")');
    expect(rateFormula('H5', 'range', 0.5)).toBe('IF(ISNUMBER(H5),H5/0.5,"")');
    expect(rateFormula('H5', '>=', 80, { text: true })).toBe(
      'IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(H5,"%",""),"％",""))/80,"")',
    );
  });

  it('a ratio for floors, exact counts, “左右” and ranges; none for ceilings, milestones or a target of 0', () => {
    for (const c of ['>=', '>', '=', '≈', 'range']) {
      expect(completionRate(45, c, 60), c).toBe(0.75);
      expect(rateFormula('H5', c, 60), c).not.toBeNull();
    }
    for (const c of ['<=', '<', 'milestone', '']) {
      expect(completionRate(45, c, 60), c).toBeNull();
      expect(rateFormula('H5', c, 60), c).toBeNull();
    }
    expect(completionRate(45, '>=', 0)).toBeNull();
    expect(completionRate(45, '>=', -5)).toBeNull();
    expect(completionRate(45, '>=', null)).toBeNull();
    expect(rateFormula('H5', '>=', 0)).toBeNull();
    expect(rateFormula('H5', '>=', null)).toBeNull();
    expect(completionRate(45, null, 60)).toBeNull();
    expect(completionRate(Number.NaN, '>=', 60)).toBeNull();
    expect(completionRate(Number.POSITIVE_INFINITY, '>=', 60)).toBeNull();
    expect(completionRate(null, '>=', 60)).toBeNull();
  });
});
