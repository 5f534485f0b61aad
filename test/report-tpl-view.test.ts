/**
 * What templateView hands a report template, field by field, on small hand-written submissions: blanks
 * where a figure is missing (never "—" or "null" in a sentence), the documents named in the title, the
 * offices counted per target, the laggards listed, 版记 on or off. Expected values are worked out by
 * hand from the figures typed here (target ≥100个, 序时进度 50 %: 150 is 已完成, 60 达到序时进度,
 * 20 未达到序时进度, nothing 无数据).
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../src/core/model/submission.js';
import type { ReportConfig } from '../src/core/report/config.js';
import { buildReportModel } from '../src/core/report/model.js';
import { templateView } from '../src/core/report/template.js';
import { handConfig, handSubmission, handLine as target } from './helpers/hand-submissions.js';

type Row = Record<string, unknown>;

function model(subs: Submission[], over: Partial<ReportConfig> = {}) {
  return buildReportModel(subs, {
    config: handConfig({ timeShare: 0.5, ...over }),
    asOf: '2025-06-30',
    today: '2025-07-10',
  });
}

const view = (subs: Submission[], over: Partial<ReportConfig> = {}) => templateView(model(subs, over));

/** The 指标 items of the first section's first group. */
function items(v: Row): Row[] {
  return (v.主要进展 as { 分组: { 指标: Row[] }[] }[])[0].分组[0].指标;
}

describe('a line with figures missing', () => {
  it('leaves 完成值, 完成率, 状态不一致 and 单位 blank, not “—”', () => {
    const v = view([
      handSubmission('长春市', [
        target('T1', '新建基站'),
        target('T2', '建成平台', { comparator: 'milestone', value: null, unit: '', actual: null }),
      ]),
    ]);
    const [t1, t2] = (v.主要进展 as { 分组: { 指标: Row[] }[] }[]).flatMap((s) =>
      s.分组.flatMap((g) => g.指标),
    );
    expect([t1.完成值, t1.完成率, t1.状态不一致, t1.单位, t1.汇总方式]).toEqual(['', '', '', '', '']);
    expect([t2.完成值, t2.完成率, t2.目标表述]).toEqual(['', '', '年底前完成']);
    expect(t1.进度状态).toBe('无数据');
    expect(t1.自报状态).toBe('未填报');
  });

  it('states the contradiction between an office’s own status and its figure', () => {
    const v = view([handSubmission('长春市', [target('T1', '新建基站', { actual: 20, status: '已完成' })])]);
    const [t1] = items(v);
    expect(t1.进度状态).toBe('未达到序时进度');
    expect(t1.自报状态).toBe('已完成');
    expect(String(t1.状态不一致)).toContain('已完成');
    expect(v.状态不一致数).toBe(1);
  });

  it('a report without 序时进度 or any office average leaves both blank', () => {
    const m = model([handSubmission('长春市', [target('T1', '新建基站')])]);
    const v = templateView({ ...m, timeShare: null });
    expect(v.序时进度).toBe('');
    expect((v.单位 as Row[])[0].平均完成率).toBe('');
    expect(v.平均完成率).toBe('');
  });

  it('a submission without rows gives 0.0% shares, not blanks or NaN', () => {
    const v = view([handSubmission('长春市', [])]);
    expect(v.指标数).toBe(0);
    expect([v.已完成占比, v.未达到序时进度占比, v.无数据占比]).toEqual(['0.0%', '0.0%', '0.0%']);
  });
});

describe('the documents a report covers', () => {
  const doc = (name: string, number?: string) => `关于印发《${name}》的通知${number ? `（${number}）` : ''}`;
  const fromDocs = (names: string[]) =>
    view([
      handSubmission(
        '长春市',
        names.map((n, i) =>
          target(`T${i}`, `指标${i}`, { document: doc(n, i === 0 ? '吉政发〔2023〕5号' : undefined) }),
        ),
      ),
    ]);

  it('names up to three documents in full, each in 书名号', () => {
    expect(fromDocs(['甲规划', '乙方案', '丙意见']).文件名称).toBe('《甲规划》《乙方案》《丙意见》');
    expect(fromDocs(['甲规划']).文件名称).toBe('《甲规划》');
  });

  it('names the first two of four documents and counts them all', () => {
    expect(fromDocs(['甲规划', '乙方案', '丙意见', '丁办法']).文件名称).toBe('《甲规划》《乙方案》等4个文件');
  });

  it('lists each document with its 文号, blank when the label has none', () => {
    expect(fromDocs(['甲规划', '乙方案']).文件).toEqual([
      { 标题: '关于印发《甲规划》的通知', 文号: '吉政发〔2023〕5号' },
      { 标题: '关于印发《乙方案》的通知', 文号: '' },
    ]);
  });

  it('文号 of the report itself is blank unless report.json gives one', () => {
    const subs = [handSubmission('长春市', [target('T1', '新建基站', { actual: 60 })])];
    expect(view(subs).文号).toBe('');
    expect(view(subs, { docNumber: '长政报〔2025〕3号' }).文号).toBe('长政报〔2025〕3号');
  });
});

describe('per target, the offices behind it', () => {
  // 长春 已完成; 吉林, 白山, 松原 达到序时进度; 四平, 辽源 未达到序时进度; 通化 nothing.
  const figures: [string, number | null][] = [
    ['长春市', 150],
    ['吉林市', 60],
    ['白山市', 70],
    ['松原市', 80],
    ['四平市', 20],
    ['辽源市', 10],
    ['通化市', null],
  ];
  const subs = () =>
    figures.map(([office, actual]) =>
      handSubmission(office, [
        target('T1', '新建基站', { actual }),
        target('T2', '宽带覆盖率', { kind: 'rate', unit: '%', value: 90, actual: 80 }),
      ]),
    );

  it('counts offices reporting, done, at or ahead of 序时进度, and names those behind', () => {
    const [t1] = items(view(subs()));
    expect(t1.填报单位数).toBe(7);
    expect(t1.已完成单位数).toBe(1);
    expect(t1.达到序时进度单位数).toBe(4);
    expect(t1.滞后单位).toBe('四平市、辽源市');
    expect(t1.汇总方式).toBe('合计');
  });

  it('a share combines as the median (中位数), a count as the sum (合计)', () => {
    const [, t2] = items(view(subs()));
    expect(t2.汇总方式).toBe('中位数');
    expect(t2.完成值).toBe('80');
  });

  it('a single office’s line behind has no office to name', () => {
    const v = view([handSubmission('长春市', [target('T1', '新建基站', { actual: 20 })])]);
    const [t1] = items(v);
    expect(t1.滞后单位).toBe('');
    expect(t1.填报单位数).toBe(1);
  });
});

describe('groups, laggards, key targets and 版记', () => {
  it('a top-level heading has one group without a title', () => {
    const v = view([handSubmission('长春市', [target('T1', '新建基站', { actual: 60, section: '一、' })])]);
    const sections = v.主要进展 as { 标题: string; 分组: Row[] }[];
    expect(sections.map((s) => s.标题)).toEqual(['原文件一、部分']);
    expect(sections[0].分组.map((g) => g.标题)).toEqual(['']);
  });

  it('滞后指标 lists only the targets 未达到序时进度, in order', () => {
    const v = view([
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 20 }),
        target('T2', '新建园区', { actual: 60 }),
        target('T3', '新建机房', { actual: 10 }),
        target('T4', '新建平台', { actual: 150 }),
        target('T5', '新建仓库'),
      ]),
    ]);
    expect((v.滞后指标 as Row[]).map((l) => [l.编号, l.指标, l.完成值])).toEqual([
      ['T1', '新建基站', '20'],
      ['T3', '新建机房', '10'],
    ]);
  });

  it('has no office behind when every office is at or ahead of 序时进度', () => {
    const ahead = view([
      handSubmission('长春市', [target('T1', '新建基站', { actual: 60 })]),
      handSubmission('吉林市', [target('T1', '新建基站', { actual: 150 })]),
    ]);
    expect(ahead.有滞后单位).toBe(false);
  });

  it('重点指标 names each key target by id, indicator and target', () => {
    const v = view(
      [
        handSubmission('长春市', [
          target('T1', '新建基站', { actual: 60 }),
          target('T2', '新建园区', { actual: 20 }),
        ]),
        handSubmission('吉林市', [
          target('T1', '新建基站', { actual: 80 }),
          target('T2', '新建园区', { actual: 30 }),
        ]),
      ],
      { keyTargets: ['T2'] },
    );
    expect(v.重点指标).toEqual([{ 编号: 'T2', 指标: '新建园区', 目标值: '≥100个' }]);
  });

  it('有版记 follows report.json’s 版记', () => {
    const subs = [handSubmission('长春市', [target('T1', '新建基站', { actual: 60 })])];
    expect(view(subs).有版记).toBe(false);
    expect(view(subs, { colophon: { copyTo: ['省发改委'], printer: null, printDate: null } }).有版记).toBe(
      true,
    );
  });
});

describe('存在问题 and 下一步工作 as notes', () => {
  it('drop only the closing punctuation; a single report names no office', () => {
    const v = view([
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 20, problems: '资金不足，人员短缺；。', nextSteps: '加快审批。' }),
      ]),
    ]);
    expect(v.存在问题).toEqual([{ 单位: '', 指标: '新建基站', 内容: '资金不足，人员短缺' }]);
    expect(v.下一步工作).toEqual([{ 单位: '', 指标: '新建基站', 内容: '加快审批' }]);
  });

  it('a consolidated report names the office of each note, and at most three problems per office', () => {
    const v = view([
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 20, problems: '资金不足，缺口大。' }),
        target('T2', '新建园区', { actual: 20, problems: '用地紧张；。' }),
        target('T3', '新建机房', { actual: 20, problems: '人员不够' }),
        target('T4', '新建平台', { actual: 20, problems: '审批慢' }),
      ]),
      handSubmission('吉林市', [target('T1', '新建基站', { actual: 60 })]),
    ]);
    expect((v.存在问题 as Row[]).map((n) => n.单位)).toEqual(['长春市', '长春市', '长春市', '长春市']);
    const cc = (v.单位 as Row[]).find((o) => o.名称 === '长春市');
    expect(cc?.主要问题).toBe('资金不足，缺口大；用地紧张；人员不够');
  });
});
