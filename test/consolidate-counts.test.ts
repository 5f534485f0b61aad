/**
 * Consolidation, what is counted for each office: targets and filled 完成值 (a row repeated or a
 * figure that is not a number counts once or not at all), the office's own 进展状态 word by word, the
 * latest 截至日期, errors and warnings with the cell they name, contradictions, and what an office that
 * lacks a target or has no figure gets. Submissions built in memory; expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import type { Problem, ProgressStatus, Submission } from '../src/core/model/submission.js';
import { submission } from './helpers/submissions.js';

function consolidate(subs: Submission[], roster?: string[]): ConsolidationResult {
  const c = createConsolidator(roster ? { roster } : {});
  for (const s of subs) c.add(s);
  return c.finish();
}

describe('an office’s own 进展状态', () => {
  it('is counted word by word: 已完成, 序时推进, 滞后, 未启动, and a blank counts as none of them', () => {
    const declared: (ProgressStatus | null)[] = ['已完成', '序时推进', '滞后', '未启动', '未启动', null];
    const r = consolidate([
      submission({
        figures: declared.map((status) => ({ actual: null, entry: { status } })),
      }),
    ]);
    expect(r.offices[0]).toMatchObject({ targets: 6, completed: 1, onTrack: 1, lagging: 1, notStarted: 2 });
  });
});

describe('targets and filled 完成值', () => {
  it('counts a target whose row appears twice once, with the first row’s figure', () => {
    const r = consolidate([
      submission({
        figures: [
          { targetId: 'T1', actual: 5 },
          { targetId: 'T1', actual: 9 },
          { targetId: 'T2', actual: 1 },
        ],
      }),
    ]);
    expect(r.offices[0]).toMatchObject({ targets: 2, filled: 2 });
    expect(r.actual).toEqual([[5], [1]]);
  });

  it('counts a blank or non-numeric 完成值 as not filled, and shows it as blank', () => {
    const r = consolidate([
      submission({ figures: [{ actual: 5 }, { actual: null }, { actual: Number.NaN }] }),
    ]);
    expect(r.offices[0]).toMatchObject({ targets: 3, filled: 1 });
    expect(r.actual).toEqual([[5], [null], [null]]);
    expect(r.status).toEqual([['未达到序时进度'], ['无数据'], ['无数据']]); // 5 of ≥10 at year end
  });

  it('counts an entry whose target row is missing from the workbook, but gives it no figure', () => {
    // 吉林市's workbook lost the row of T2 (its entry is still there); 长春市's has it.
    const damaged = submission({ office: '吉林市', figures: [{ targetId: 'T1', actual: 4 }] });
    damaged.entries.push({ ...damaged.entries[0], targetId: 'T2', actual: 7 });
    damaged.entries.push({ ...damaged.entries[0], targetId: 'T3', actual: 8 });
    const r = consolidate(
      [
        submission({
          office: '长春市',
          figures: [
            { targetId: 'T1', actual: 1 },
            { targetId: 'T2', actual: 2 },
          ],
        }),
        damaged,
      ],
      ['长春市', '吉林市'],
    );
    expect(r.targets.map((t) => t.targetId)).toEqual(['T1', 'T2']);
    expect(r.actual).toEqual([
      [1, 4],
      [2, null],
    ]);
    expect(r.offices[1]).toMatchObject({ office: '吉林市', targets: 3, filled: 1 });
  });

  it('takes the latest 截至日期 of the office’s rows, whatever their order', () => {
    const r = consolidate([
      submission({
        figures: [
          { actual: 1, entry: { asOf: '2025-06-30' } },
          { actual: 2, entry: { asOf: '2025-05-31' } },
          { actual: 3, entry: { asOf: null } },
        ],
      }),
    ]);
    expect(r.offices[0].asOf).toBe('2025-06-30');
    const later = consolidate([
      submission({
        figures: [
          { actual: 1, entry: { asOf: '2025-05-31' } },
          { actual: 2, entry: { asOf: '2025-06-30' } },
        ],
      }),
    ]);
    expect(later.offices[0].asOf).toBe('2025-06-30');
  });

  it('has no 截至日期 when no row gives one', () => {
    const r = consolidate([submission({ figures: [{ actual: 1 }, { actual: 2 }] })]);
    expect(r.offices[0].asOf).toBeNull();
  });
});

describe('an office’s problems', () => {
  const problem = (severity: Problem['severity'], cell: string, targetId: string): Problem => ({
    severity,
    sheet: '指标',
    cell,
    targetId,
    message: `${cell} 有误`,
    code: 'not-a-number',
  });

  it('counts errors and warnings apart and keeps the sheet, cell and target of each', () => {
    const s = submission({ figures: [{ actual: 1 }, { actual: 2 }] });
    s.problems = [problem('error', 'H4', 'T1'), problem('warning', 'H5', 'T2'), problem('error', 'I5', 'T2')];
    const r = consolidate([s]);
    expect(r.offices[0]).toMatchObject({ errors: 2, warnings: 1 });
    expect(r.problems.map((p) => [p.severity, p.sheet, p.cell, p.targetId, p.message])).toEqual([
      ['error', '指标', 'H4', 'T1', 'H4 有误'],
      ['warning', '指标', 'H5', 'T2', 'H5 有误'],
      ['error', '指标', 'I5', 'T2', 'I5 有误'],
    ]);
  });

  it('says how many were left out, as a warning naming no cell', () => {
    const c = createConsolidator({ maxProblemsPerOffice: 1 });
    const s = submission({ figures: [{ actual: 1 }] });
    s.problems = [problem('error', 'H4', 'T1'), problem('error', 'H5', 'T1'), problem('warning', 'H6', 'T1')];
    c.add(s);
    const r = c.finish();
    expect(r.offices[0]).toMatchObject({ errors: 2, warnings: 1 });
    expect(r.problems.map((p) => [p.severity, p.cell, p.targetId, p.code, p.message])).toEqual([
      ['error', 'H4', 'T1', 'not-a-number', 'H4 有误'],
      ['warning', null, null, 'more-problems', '另有 2 条问题未列出，请用 luoshi check 查看该文件'],
    ]);
  });
});

describe('contradictions between the declared and the computed status', () => {
  it('are counted for the office that made them only', () => {
    // Year end, ≥10: 长春市 reports 4 and says 已完成 (computed: 未达到序时进度); 吉林市 reports 12, says 已完成.
    const r = consolidate(
      [
        submission({ office: '长春市', figures: [{ actual: 4, entry: { status: '已完成' } }] }),
        submission({ office: '吉林市', figures: [{ actual: 12, entry: { status: '已完成' } }] }),
      ],
      ['长春市', '吉林市'],
    );
    expect(r.offices.map((o) => [o.office, o.contradictions])).toEqual([
      ['长春市', 1],
      ['吉林市', 0],
    ]);
    expect(r.contradictions.map((c) => [c.office, c.declared, c.status])).toEqual([
      ['长春市', '已完成', '未达到序时进度'],
    ]);
  });
});

describe('an office that lacks a target or has no figure', () => {
  it('shows blanks for a target its workbook does not have, and is judged on its own targets only', () => {
    // Year end. 长春市: T1 12 of ≥10 (已完成), T2 3 of ≥10 (未达到, 完成率 30 %). 吉林市 has only T1: 5 of ≥10.
    const r = consolidate(
      [
        submission({
          office: '长春市',
          figures: [
            { targetId: 'T1', actual: 12 },
            { targetId: 'T2', actual: 3 },
          ],
        }),
        submission({ office: '吉林市', figures: [{ targetId: 'T1', actual: 5 }] }),
      ],
      ['长春市', '吉林市'],
    );
    expect(r.actual).toEqual([
      [12, 5],
      [3, null],
    ]);
    expect(r.rate).toEqual([
      [120, 50],
      [30, null],
    ]);
    expect(r.status).toEqual([
      ['已完成', '未达到序时进度'],
      ['未达到序时进度', null],
    ]);
    const jilin = r.offices[1];
    expect(jilin.tally).toEqual({
      total: 1,
      已完成: 0,
      达到序时进度: 0,
      未达到序时进度: 1,
      未启动: 0,
      无数据: 0,
    });
    // 平均完成率 (each capped at 100): 长春市 (100 + 30) / 2 = 65; 吉林市 50.
    expect(r.offices.map((o) => [o.office, o.score, o.ahead, o.rank])).toEqual([
      ['长春市', 65, 50, 1],
      ['吉林市', 50, 0, 2],
    ]);
  });

  it('has no score and no share ahead when it filled in no figure, and ranks last', () => {
    const r = consolidate(
      [
        submission({ office: '长春市', figures: [{ actual: null }] }),
        submission({ office: '吉林市', figures: [{ actual: 2 }] }),
      ],
      ['长春市', '吉林市'],
    );
    expect(r.offices.map((o) => [o.office, o.score, o.ahead, o.rank, o.filled])).toEqual([
      ['长春市', null, null, 2, 0],
      ['吉林市', 20, 0, 1, 1],
    ]);
  });
});
