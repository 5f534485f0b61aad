/**
 * The consolidated report's tables as the model lays them out: the rules the 指标完成情况表 cites (the
 * summing rule only when offices are combined), the 单位排名表's status columns (narrow, at most four
 * characters wide). Two hand-written submissions; expected values written by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../src/core/report/model.js';
import { handConfig, handSubmission, type HandLine } from './helpers/hand-submissions.js';

const line = (actual: number | null): HandLine => ({
  id: 'T1',
  quote: '新建基站',
  comparator: '>=',
  value: 100,
  unit: '个',
  kind: 'total',
  actual,
});

const build = (offices: string[]) =>
  buildReportModel(
    offices.map((o, i) => handSubmission(o, [line(i === 0 ? 60 : 20)])),
    { config: handConfig({ timeShare: 0.5 }), asOf: '2025-06-30' },
  );

describe('the rules a table cites', () => {
  it('a consolidated 指标完成情况表 adds how offices’ figures combine; an office’s own does not', () => {
    const multi = build(['长春市', '吉林市']).tables.指标完成情况表.footnote ?? '';
    expect(multi.startsWith('注：完成率＝完成值÷目标值')).toBe(true);
    expect(multi).toContain('进度判定按完成值核算');
    expect(multi).toContain('汇总：总量类指标（个、人、元等）各单位相加');
    const single = build(['长春市']).tables.指标完成情况表.footnote ?? '';
    expect(single).toContain('进度判定按完成值核算');
    expect(single).not.toContain('汇总：');
  });
});

describe('the 单位排名表', () => {
  it('has one narrow column per status, as wide as its name up to four characters', () => {
    const t = build(['长春市', '吉林市']).tables.单位排名表;
    expect(t.columns.map((c) => [c.header, c.min, c.max])).toEqual([
      ['名次', 2.2, 2.2],
      ['单位', 4, 10],
      ['指标数', 3, 3],
      ['已完成', 3, 3],
      ['达到序时进度', 4, 4],
      ['未达到序时进度', 4, 4],
      ['未启动', 3, 3],
      ['无数据', 3, 3],
      ['平均完成率（%）', 5, 5],
    ]);
    expect(t.rows).toEqual([
      ['1', '长春市', '1', '0', '1', '0', '0', '0', '60.0'],
      ['2', '吉林市', '1', '0', '0', '1', '0', '0', '20.0'],
    ]);
    expect(t.footnote).toContain('平均完成率＝本单位各项可计算完成率指标的完成率');
  });
});
