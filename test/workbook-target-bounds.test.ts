/**
 * The edges of `meetsTarget`: a figure exactly at the tolerance (one part in a billion of the target)
 * still meets a floor, ceiling, 左右 or range target, a hair beyond it does not; strict > and < refuse
 * the value itself. Inputs are built from the documented tolerance; the verdicts are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { completionRate, meetsTarget } from '../src/core/workbook/target-math.js';

/** The documented tolerance for a target value. */
const tol = (value: number) => 1e-9 * Math.max(1, Math.abs(value));

describe('meetsTarget at the tolerance', () => {
  it('a floor (≥ and =) is met exactly at value − tolerance, not below', () => {
    for (const cmp of ['>=', '=']) {
      expect(meetsTarget(300 - tol(300), cmp, 300, null)).toBe(true);
      expect(meetsTarget(300 - 3 * tol(300), cmp, 300, null)).toBe(false);
      expect(meetsTarget(0.5 - tol(0.5), cmp, 0.5, null)).toBe(true);
      expect(meetsTarget(0.5 - 3 * tol(0.5), cmp, 0.5, null)).toBe(false);
    }
  });

  it('a ceiling (≤) is met exactly at value + tolerance, not above', () => {
    expect(meetsTarget(12 + tol(12), '<=', 12, null)).toBe(true);
    expect(meetsTarget(12 + 3 * tol(12), '<=', 12, null)).toBe(false);
    expect(meetsTarget(-2 + tol(-2), '<=', -2, null)).toBe(true);
  });

  it('strict targets refuse the value itself', () => {
    expect(meetsTarget(8, '>', 8, null)).toBe(false);
    expect(meetsTarget(8.001, '>', 8, null)).toBe(true);
    expect(meetsTarget(1, '<', 1, null)).toBe(false);
    expect(meetsTarget(0.999, '<', 1, null)).toBe(true);
  });

  it('左右 (≈) is met from 95 % of the value, less the tolerance', () => {
    expect(meetsTarget(285 - tol(300), '≈', 300, null)).toBe(true);
    expect(meetsTarget(285 - 3 * tol(300), '≈', 300, null)).toBe(false);
    expect(meetsTarget(400, '≈', 300, null)).toBe(true);
  });

  it('a range is met at both ends within the tolerance', () => {
    expect(meetsTarget(5 - tol(5), 'range', 5, 8)).toBe(true);
    expect(meetsTarget(8 + tol(5), 'range', 5, 8)).toBe(true);
    expect(meetsTarget(8 + 3 * tol(5), 'range', 5, 8)).toBe(false);
    expect(meetsTarget(5 - 3 * tol(5), 'range', 5, 8)).toBe(false);
    expect(meetsTarget(1e6, 'range', 5, null)).toBe(true);
  });

  it('no numeric test for a milestone, an unknown comparator or no value', () => {
    expect(meetsTarget(1, 'milestone', 1, null)).toBeNull();
    expect(meetsTarget(1, '≠', 1, null)).toBeNull();
    expect(meetsTarget(1, '>=', null, null)).toBeNull();
  });
});

describe('completionRate', () => {
  it('figure ÷ target for floors, 左右 and ranges; nothing for ceilings, milestones, zero targets or no figure', () => {
    expect(completionRate(45, '>=', 60)).toBe(0.75);
    expect(completionRate(12, '>', 8)).toBe(1.5);
    expect(completionRate(20, '=', 20)).toBe(1);
    expect(completionRate(150, '≈', 300)).toBe(0.5);
    expect(completionRate(6, 'range', 5)).toBe(1.2);
    expect(completionRate(5, '<=', 10)).toBeNull();
    expect(completionRate(5, '<', 10)).toBeNull();
    expect(completionRate(1, 'milestone', 1)).toBeNull();
    expect(completionRate(5, '>=', 0)).toBeNull();
    expect(completionRate(5, '>=', -3)).toBeNull();
    expect(completionRate(5, '>=', null)).toBeNull();
    expect(completionRate(null, '>=', 10)).toBeNull();
    expect(completionRate(Number.NaN, '>=', 10)).toBeNull();
    expect(completionRate(Infinity, '>=', 10)).toBeNull();
    expect(completionRate(5, null, 10)).toBeNull();
  });
});
