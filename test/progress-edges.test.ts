/**
 * Edges of the progress rules (src/core/progress): a jump from the previous submission at exactly 3× or
 * 1/3 (not a jump) and just past it, blanks and zeros (never a jump), a row the current workbook lost;
 * the ranking of an office scoring 0 against one with no figure; 序时进度 of a period that ends mid-month;
 * and the contradiction check of an office that declared nothing. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { implausibilities, jumpProblems } from '../src/core/progress/plausibility.js';
import { officeScore, rankOffices } from '../src/core/progress/score.js';
import { contradictionOf, JUDGED_STATUSES } from '../src/core/progress/status.js';
import { timeShareOf } from '../src/core/progress/time-share.js';
import { submission } from './helpers/submissions.js';

const rate = { kind: 'rate' as const, value: null, unit: '个', quote: '' };
const jumps = (actual: number, previous: number | null) =>
  implausibilities(actual, rate, previous).map((f) => f.code);

describe('a jump from the previous submission', () => {
  it('is more than 3× either way: exactly 3× or a third is not one, just past it is', () => {
    expect(jumps(90, 30)).toEqual([]);
    expect(jumps(91, 30)).toEqual(['jump']);
    expect(jumps(30, 90)).toEqual([]);
    expect(jumps(29, 90)).toEqual(['jump']);
  });

  it('needs two positive figures: from or to 0, or without a previous figure, it is none', () => {
    expect(jumps(50, 0)).toEqual([]);
    expect(jumps(0, 50)).toEqual([]);
    expect(jumps(50, null)).toEqual([]);
    expect(jumps(-200, 50)).toEqual([]);
  });

  it('names both figures in its message', () => {
    expect(implausibilities(91, rate, 30)).toEqual([
      { code: 'jump', message: '完成值 91 与上期 30 相比变化超过 3 倍，请核实' },
    ]);
  });

  it('is checked per target of the current workbook: blanks, zeros, lost rows and confirmed figures are skipped', () => {
    const current = submission({
      figures: [
        { targetId: 'A', actual: 91, row: 4 },
        { targetId: 'B', actual: null, row: 5 },
        { targetId: 'C', actual: 90, row: 6 },
        { targetId: 'D', actual: 100, row: 7 },
        { targetId: 'E', actual: 29, row: 8 },
        { targetId: 'F', actual: 500, row: 9, entry: { progress: '经复核，数据已核实' } },
      ],
    });
    // The current workbook lost the row of D (its entry is still there).
    current.rows = current.rows.filter((r) => r.targetId !== 'D');
    const previous = submission({
      source: '上期.xlsx',
      figures: [
        { targetId: 'A', actual: 30 },
        { targetId: 'B', actual: 30 },
        { targetId: 'C', actual: 0 },
        { targetId: 'D', actual: 10 },
        { targetId: 'E', actual: 90 },
        { targetId: 'F', actual: 50 },
      ],
    });
    expect(jumpProblems(current, previous).map((p) => [p.targetId, p.cell, p.message])).toEqual([
      [
        'A',
        'H4',
        '完成值 91 与上期 30 相比变化超过 3 倍，请核实（上期：上期.xlsx）；核实无误的，请在“进展情况”中注明“数据已核实”',
      ],
      [
        'E',
        'H8',
        '完成值 29 与上期 90 相比变化超过 3 倍，请核实（上期：上期.xlsx）；核实无误的，请在“进展情况”中注明“数据已核实”',
      ],
    ]);
  });
});

describe('the ranking', () => {
  it('puts an office scoring 0 % ahead of one with no 完成率 at all, in either order', () => {
    const zero = { score: officeScore([0, 0]), ahead: 0 };
    const none = { score: officeScore([null]), ahead: null };
    expect(zero.score).toBe(0);
    expect(none.score).toBeNull();
    expect(rankOffices([zero, none])).toEqual([1, 2]);
    expect(rankOffices([none, zero])).toEqual([2, 1]);
    expect(rankOffices([none, zero, none])).toEqual([2, 1, 2]);
  });

  it('gives the first office its own rank 1 even when the next ties with it', () => {
    const a = { score: 0.5, ahead: 0.5 };
    expect(rankOffices([a, { ...a }, { score: 0.4, ahead: 1 }])).toEqual([1, 1, 3]);
    expect(rankOffices([a])).toEqual([1]);
  });
});

describe('序时进度 of a period ending mid-month', () => {
  it('counts days, not months: to 15 June is 166 of 365 days', () => {
    // 31 + 28 + 31 + 30 + 31 + 15 = 166 days, the end day included
    expect(timeShareOf('专项行动期间', '2025-06-15')).toBeCloseTo(166 / 365, 12);
  });

  it('counts months when it ends on a month’s last day, 29 February of a leap year included', () => {
    expect(timeShareOf('专项行动期间', '2025-06-30')).toBe(0.5);
    expect(timeShareOf('专项行动期间', '2024-02-29')).toBe(2 / 12);
    // 28 February 2024 is not the month's end: 31 + 28 = 59 of 366 days
    expect(timeShareOf('专项行动期间', '2024-02-28')).toBeCloseTo(59 / 366, 12);
  });
});

describe('an office that declared no 进展状态', () => {
  it('contradicts nothing, whatever the computed status', () => {
    for (const s of JUDGED_STATUSES) expect(contradictionOf(null, s), s).toBeNull();
  });
});
