/**
 * Figures far from the other offices' (robust z-score on the median and the median absolute deviation):
 * the spread when the offices' figures differ (MAD, figures and deviations sorted first), the cut-off
 * itself (above 3.5 only), offices with no figure, an implausible figure listed once, and a round where
 * everybody reports 0. The arithmetic is worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import { submission } from './helpers/submissions.js';

const OFFICES = ['长春市', '吉林市', '四平市', '辽源市', '通化市', '白山市', '松原市'];

/** One target (≥`value`个, a total), one figure per office in roster order. */
function round(figures: (number | null)[], value: number): ConsolidationResult {
  const c = createConsolidator({ roster: OFFICES, kinds: new Map([['T1', 'total']]) });
  figures.forEach((actual, i) => c.add(submission({ office: OFFICES[i], figures: [{ actual, value }] })));
  return c.finish();
}

describe('the spread of the offices’ figures', () => {
  it('is the median absolute deviation when the offices differ, computed on sorted figures', () => {
    // Figures 200, 40, 50, 55, 60, 70, 80 (as given; the middle one as given is 55). Sorted: 40 50 55 60 70
    // 80 200 → median 60. Deviations 20 10 5 0 10 20 140 → sorted 0 5 10 10 20 20 140 → MAD 10 (the middle
    // one unsorted would be 0). 10 is above the floor 10 % × 60 = 6. z(200) = 0.6745 × 140 / 10 = 9.443;
    // z(40) = −1.349. (The mean deviation, 205/7 × 0.6745/0.7979 ≈ 24.8, would give z(200) ≈ 3.82.)
    const r = round([200, 40, 50, 55, 60, 70, 80], 60);
    expect(r.outliers).toEqual([
      {
        targetId: 'T1',
        office: '长春市',
        value: 200,
        median: 60,
        score: 9.44,
        reason: '与各单位中位数 60 相差过大（稳健 z 值 9.44），请核实',
        held: false,
      },
    ]);
  });
});

describe('the cut-off', () => {
  // Five offices report 6745, one reports more. MAD is 0, so the spread is the mean deviation × 0.6745/0.7979
  // (3500/6 × 0.845 ≈ 493 for 10245), below the floor 10 % × 6745 = 674.5, so the floor is the spread.
  // z(10245) = 0.6745 × 3500 / 674.5 = 3.5 exactly; z(10246) = 0.6745 × 3501 / 674.5 = 3.501.
  it('does not list a figure exactly at a robust z of 3.5', () => {
    const r = round([6745, 6745, 6745, 6745, 6745, 10245], 6745);
    expect(r.outliers).toEqual([]);
  });

  it('lists a figure just above it', () => {
    const r = round([6745, 6745, 6745, 6745, 6745, 10246], 6745);
    expect(r.outliers.map((o) => [o.office, o.value, o.median, o.score])).toEqual([
      ['白山市', 10246, 6745, 3.5],
    ]);
  });
});

describe('offices with no figure', () => {
  it('do not count towards the six figures needed', () => {
    // Five figures (10, 10, 10, 10, 40) and an office with none: too few to say what is usual.
    const r = round([10, 10, 10, null, 10, 40], 10);
    expect(r.outliers).toEqual([]);
  });

  it('are never listed themselves', () => {
    // Six offices report 100 and one reports nothing: spread = floor 10; a blank is no figure at all.
    const r = round([100, 100, 100, null, 100, 100, 100], 100);
    expect(r.outliers).toEqual([]);
  });
});

describe('an implausible figure', () => {
  it('is listed once, as implausible and held back, not again as far from the others', () => {
    // 5000 against ≥100个 is 50× the target. Among 60 … 110 it is also far beyond a robust z of 3.5, but
    // the office is asked once, and the median shown is of all seven figures (60 70 80 90 100 110 5000 → 90).
    const r = round([60, 70, 80, 90, 100, 110, 5000], 100);
    expect(r.outliers).toHaveLength(1);
    expect(r.outliers[0]).toMatchObject({
      office: '松原市',
      value: 5000,
      median: 90,
      score: null,
      held: true,
    });
    expect(r.targets[0]).toMatchObject({ total: 510, held: 1, reported: 6 });
  });

  it('of one target keeps that target’s median when a later target also has one', () => {
    const c = createConsolidator({
      roster: OFFICES,
      kinds: new Map([
        ['T1', 'total'],
        ['T2', 'total'],
      ]),
    });
    const t1 = [60, 5000, 80];
    const t2 = [7, 8, 900];
    t1.forEach((a, i) =>
      c.add(
        submission({
          office: OFFICES[i],
          figures: [
            { targetId: 'T1', actual: a, value: 100 },
            { targetId: 'T2', actual: t2[i], value: 10 },
          ],
        }),
      ),
    );
    const r = c.finish();
    expect(r.outliers.map((o) => [o.targetId, o.office, o.value, o.median])).toEqual([
      ['T1', '吉林市', 5000, 80],
      ['T2', '四平市', 900, 8],
    ]);
  });
});

describe('a round where every office reports 0', () => {
  it('lists nobody (no spread at all is no reason to list anyone)', () => {
    const r = round([0, 0, 0, 0, 0, 0, 0], 10);
    expect(r.outliers).toEqual([]);
  });
});
