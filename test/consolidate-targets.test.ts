/**
 * Consolidation, target by target: what a target is taken to measure (the catalogue's kind first, then
 * the workbook's, then one derived from its words and unit), which target text and value the offices'
 * total is judged against (the overall target, not an office's share), a row whose rule is unknown, and
 * the order of the targets (as they first appear going through the offices in roster order; a target only
 * a dropped file had comes last). Submissions built in memory; expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidatorOptions } from '../src/core/review/consolidate.js';
import type { Submission, TargetRow } from '../src/core/model/submission.js';
import { submission } from './helpers/submissions.js';

function consolidate(subs: Submission[], options: ConsolidatorOptions = {}) {
  const c = createConsolidator(options);
  for (const s of subs) c.add(s);
  return c.finish();
}

/** One office's submission whose only row is changed by `edit`. */
function withRow(office: string, actual: number | null, edit: Partial<TargetRow>): Submission {
  const s = submission({ office, figures: [{ actual, value: 100 }] });
  s.rows[0] = { ...s.rows[0], ...edit };
  return s;
}

describe('what a target measures', () => {
  it('is the catalogue’s kind when given, over the workbook’s and over what its unit suggests', () => {
    // Unit 个 alone would make it a total; the catalogue says it is a rate: never summed.
    const r = consolidate(
      [withRow('长春市', 40, { kind: 'total' }), withRow('吉林市', 60, { kind: 'total' })],
      {
        kinds: new Map([['T1', 'rate']]),
      },
    );
    expect(r.targets[0]).toMatchObject({ kind: 'rate', summable: false, total: null, median: 50 });
  });

  it('is the workbook’s kind when the catalogue does not list the target', () => {
    const r = consolidate(
      [withRow('长春市', 40, { kind: 'rate' }), withRow('吉林市', 60, { kind: 'rate' })],
      {
        kinds: new Map([['T9', 'total']]),
      },
    );
    expect(r.targets[0]).toMatchObject({ kind: 'rate', summable: false, total: null });
  });

  it('is the workbook’s kind without a catalogue', () => {
    const r = consolidate([withRow('长春市', 40, { kind: 'rate' }), withRow('吉林市', 60, { kind: 'rate' })]);
    expect(r.targets[0]).toMatchObject({ kind: 'rate', summable: false, total: null, median: 50 });
  });

  it('is derived from the unit when nobody says: 个 adds up across offices', () => {
    const r = consolidate([withRow('长春市', 40, {}), withRow('吉林市', 60, {})]);
    expect(r.targets[0]).toMatchObject({ kind: 'total', summable: true, total: 100, totalRate: 100 });
  });

  it('is a milestone, with comparator “unknown”, when the workbook recorded no rule for the row', () => {
    // A value is still there (100), but without a comparator nothing can be judged or summed.
    const r = consolidate([
      withRow('长春市', 40, { comparator: null }),
      withRow('吉林市', 60, { comparator: null }),
    ]);
    expect(r.targets[0]).toMatchObject({
      comparator: 'unknown',
      kind: 'milestone',
      summable: false,
      total: null,
      status: '无数据',
    });
  });
});

describe('the target the offices’ total is judged against', () => {
  it('is the overall target (text, rule and value), not the office’s allocated share', () => {
    // Each office was allocated ≥100个 of a provincial ≥1000个: 400 + 300 = 700 is 70 % of it.
    const overall = { comparator: '>=' as const, value: 1000, valueMax: null, targetText: '≥1000个' };
    const r = consolidate([
      withRow('长春市', 400, { overall, targetText: '≥100个' }),
      withRow('吉林市', 300, { overall, targetText: '≥100个' }),
    ]);
    expect(r.targets[0]).toMatchObject({
      targetText: '≥1000个',
      comparator: '>=',
      value: 1000,
      kind: 'total',
      total: 700,
      totalRate: 70,
      meeting: 2,
    });
  });

  it('is the row’s own target when there is no allocation', () => {
    const r = consolidate([withRow('长春市', 40, {})]);
    expect(r.targets[0]).toMatchObject({ targetText: '≥100个', comparator: '>=', value: 100, totalRate: 40 });
  });
});

describe('the order of the targets', () => {
  it('follows the offices in roster order, not the order the files arrived in', () => {
    // 吉林市's file (T1 only) arrives first; 长春市, first on the roster, lists T2 before T1.
    const r = consolidate(
      [
        submission({ office: '吉林市', figures: [{ targetId: 'T1', actual: 1 }] }),
        submission({
          office: '长春市',
          figures: [
            { targetId: 'T2', actual: 2 },
            { targetId: 'T1', actual: 3 },
          ],
        }),
      ],
      { roster: ['长春市', '吉林市'] },
    );
    expect(r.targets.map((t) => t.targetId)).toEqual(['T2', 'T1']);
    expect(r.actual).toEqual([
      [2, null],
      [3, 1],
    ]);
  });

  it('counts a target that only the office’s later file has', () => {
    const r = consolidate([
      submission({ source: '一稿.xlsx', figures: [{ targetId: 'T1', actual: 1 }] }),
      submission({
        source: '二稿.xlsx',
        figures: [
          { targetId: 'T1', actual: 2 },
          { targetId: 'T2', actual: 5 },
        ],
      }),
    ]);
    expect(r.duplicates.map((d) => [d.kept, d.dropped])).toEqual([['二稿.xlsx', '一稿.xlsx']]);
    expect(r.targets.map((t) => t.targetId)).toEqual(['T1', 'T2']);
    expect(r.actual).toEqual([[2], [5]]);
  });

  it('lists last, with no figures, a target only a set-aside earlier file of an office had', () => {
    const r = consolidate([
      submission({
        source: '一稿.xlsx',
        figures: [
          { targetId: 'T9', actual: 5 },
          { targetId: 'T1', actual: 1 },
        ],
      }),
      submission({ source: '二稿.xlsx', figures: [{ targetId: 'T1', actual: 2 }] }),
    ]);
    expect(r.targets.map((t) => [t.targetId, t.reported, t.total])).toEqual([
      ['T1', 1, 2],
      ['T9', 0, null],
    ]);
    expect(r.actual).toEqual([[2], [null]]);
    expect(r.status).toEqual([['未达到序时进度'], [null]]);
  });
});
