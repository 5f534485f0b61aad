/**
 * buildReportModel on small hand-built submissions: every figure the report states (counts as typed,
 * computed statuses, 平均完成率, ranks, the chart, the tables' cells) is worked out by hand in the test
 * from the figures typed below, never by calling the model's own helpers.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { Submission, TaskEntry } from '../src/core/model/submission.js';
import type { ReportConfig } from '../src/core/report/config.js';
import { buildReportModel, type BuildOptions } from '../src/core/report/model.js';
import { handConfig, handSubmission, type HandLine } from './helpers/hand-submissions.js';

const submission = handSubmission;
const config = handConfig;
type Line = HandLine;

function build(subs: Submission[], over: Partial<ReportConfig> = {}, options: Partial<BuildOptions> = {}) {
  return buildReportModel(subs, {
    config: config(over),
    asOf: '2025-06-30',
    today: '2025-07-10',
    ...options,
  });
}

/** One office, 序时进度 50 %: six targets, one of each situation. */
const SIX: Line[] = [
  // 60 of 100: 60 % ≥ 50 % → 达到序时进度, not yet met; the office says 序时推进 (agrees)
  {
    id: 'T1',
    quote: '到2025年底，新建５G基站达',
    comparator: '>=',
    value: 100,
    unit: '个',
    kind: 'total',
    actual: 60,
    status: '序时推进',
    section: '二、（一）',
    lead: '省工信厅',
    evidence: '【示例数据】统计局年报2025年第一季度汇总表',
    problems: '资金不足。',
  },
  // 20 of 80 %: 25 % < 50 % → 未达到序时进度; the office says 已完成 (a contradiction)
  {
    id: 'T2',
    quote: '数字经济核心产业增加值占比达到',
    comparator: '>=',
    value: 80,
    unit: '%',
    kind: 'rate',
    actual: 20,
    status: '已完成',
    section: '二、（二）',
    problems: '资金不足',
    nextSteps: '争取专项资金',
  },
  // a ceiling kept before year end: 达到序时进度, no ratio; the office says 滞后 (a contradiction)
  {
    id: 'T3',
    quote: '单位产值能耗下降率不高于',
    comparator: '<=',
    value: 10,
    unit: '%',
    kind: 'rate',
    targetText: '≤10%',
    actual: 8,
    status: '滞后',
    section: '三、',
    problems: '统计口径调整',
  },
  // a milestone not started, as declared
  {
    id: 'T4',
    quote: '建成省级数据中心',
    comparator: 'milestone',
    value: null,
    unit: '',
    targetText: '2025年底前建成',
    status: '未启动',
  },
  // nothing typed: 无数据
  { id: 'T5', quote: '培育数字化转型标杆企业', comparator: '>=', value: 50, unit: '家', kind: 'total' },
  // 500 of 10: fifty times the target, not confirmed → held back, though it counts as 已完成
  {
    id: 'T6',
    quote: '建设工业互联网平台',
    comparator: '>=',
    value: 10,
    unit: '个',
    kind: 'total',
    actual: 500,
    status: '序时推进',
  },
];

describe('one office’s report', () => {
  const model = () => build([submission('长春市', SIX)], { timeShare: 0.5 });

  it('counts the statuses as typed (自报) and as computed against 序时进度', () => {
    const m = model();
    expect(m.kind).toBe('single');
    expect(m.counts).toEqual({ total: 6, done: 1, onTrack: 2, lagging: 1, notStarted: 1, unreported: 1 });
    expect(m.tally).toEqual({
      total: 6,
      已完成: 1,
      达到序时进度: 2,
      未达到序时进度: 1,
      未启动: 1,
      无数据: 1,
    });
    expect(m.lines.map((l) => l.judged)).toEqual([
      '达到序时进度',
      '未达到序时进度',
      '达到序时进度',
      '未启动',
      '无数据',
      '已完成',
    ]);
    expect(m.lines.map((l) => l.onSchedule)).toEqual([true, false, true, false, null, true]);
    // (1 + 2) of the 5 judged = 60 %: exactly the lower bound of 总体基本符合序时进度
    expect(m.judgement.phrase).toBe('总体基本符合序时进度');
    expect(m.judgement.judged).toBe(5);
  });

  it('names the lines whose own status contradicts the figure, and holds back the implausible one', () => {
    const m = model();
    expect(m.contradictions.map((l) => [l.targetId, l.contradiction])).toEqual([
      ['T2', '自报“已完成”，按完成值核算为“未达到序时进度”'],
      ['T3', '自报“滞后”，按完成值核算为“达到序时进度”'],
    ]);
    expect(m.held.map((l) => l.targetId)).toEqual(['T6']);
    expect(m.lines.filter((l) => l.held).length).toBe(1);
  });

  it('averages 完成率 over rated, not held lines: (60 % + 25 %) / 2', () => {
    const m = model();
    expect(m.averageRate).toBeCloseTo(0.425, 9);
    expect(m.rated).toBe(2);
    expect(m.ratedOnSchedule).toBe(1);
    const office = m.offices[0];
    expect(office.averageRate).toBeCloseTo(0.425, 9);
    expect(office.ahead).toBeCloseTo(0.6, 9);
    expect(office.doneShare).toBeCloseTo(1 / 6, 9);
    expect(office.rank).toBe(1);
    expect(office.lagging.map((l) => l.targetId)).toEqual(['T2']);
    expect(m.lines.map((l) => l.rate)).toEqual([0.6, 0.25, null, null, null, 50]);
    expect(m.lines.map((l) => l.met)).toEqual([false, false, true, null, null, true]);
  });

  it('titles the report after the office and the policy, dated the day it is made', () => {
    const m = model();
    expect(m.issuer).toBe('长春市');
    expect(m.signature).toBe('长春市');
    expect(m.recipient).toBe('');
    expect(m.title).toBe('长春市关于《吉林省数字经济发展规划》落实情况的报告');
    expect(m.documents).toEqual([
      { title: '关于印发《吉林省数字经济发展规划》的通知', docNumber: '吉政发〔2023〕5号' },
    ]);
    expect(m.date).toBe('2025-07-10');
    expect(m.asOf).toBe('2025-06-30');
    expect(m.timeShare).toBe(0.5);
    expect(m.period).toBe('2025年度');
    expect(m.letterhead).toBeNull();
    expect(m.missingOffices).toEqual([]);
  });

  it('writes the indicator table’s cells: indicator cut from the quote, unit, target, figure, rate, status, 备注', () => {
    const t = model().tables['指标完成情况表'];
    expect(t.title).toBe('指标完成情况表');
    expect(t.columns.map((c) => c.header)[4]).toBe('完成值');
    expect(t.rows).toEqual([
      ['1', '新建5G基站', '个', '≥100', '60', '60.0', '达到序时进度', '省工信厅', '统计局年报2025年第…'],
      ['2', '数字经济核心产业增加值占比', '%', '≥80', '20', '25.0', '未达到序时进度', '—', ''],
      ['3', '单位产值能耗下降率', '%', '≤10', '8', '—', '达到序时进度', '—', ''],
      ['4', '建成省级数据中心', '—', '2025年底前建成', '—', '—', '未启动', '—', ''],
      ['5', '培育数字化转型标杆企业', '家', '≥50', '—', '—', '无数据', '—', ''],
      ['6', '建设工业互联网平台', '个', '≥10', '500', '5000.0', '已完成', '—', ''],
    ]);
    expect(t.footnote?.startsWith('注：')).toBe(true);
  });

  it('draws the computed statuses as shares of all lines', () => {
    const chart = model().chart;
    expect(chart.title).toBe('指标进度状态分布');
    expect(chart.categories).toEqual(['已完成', '达到序时进度', '未达到序时进度', '未启动', '无数据']);
    // 1, 2, 1, 1, 1 of 6 lines, in percent to one decimal
    expect(chart.values).toEqual([16.7, 33.3, 16.7, 16.7, 16.7]);
    expect(chart.unit).toBe('%');
  });

  it('groups the lines under the headings their 章节 cell names', () => {
    const sections = model().sections;
    expect(
      sections.map((s) => [s.title, s.groups.map((g) => [g.title, g.items.map((i) => i.target.targetId)])]),
    ).toEqual([
      [
        '原文件二、部分',
        [
          ['原文件二、（一）部分', ['T1']],
          ['原文件二、（二）部分', ['T2']],
        ],
      ],
      ['原文件三、部分', [[null, ['T3']]]],
      ['其他指标', [[null, ['T4', 'T5', 'T6']]]],
    ]);
  });

  it('states each problem once (a trailing 。 does not make it another) and adds the tasks’ own', () => {
    const tasks: TaskEntry[] = [
      { taskId: 'R1', status: '滞后', progress: '', problems: '  用地指标紧张 ', nextSteps: '协调用地' },
      { taskId: 'R2', status: null, progress: '', problems: '', nextSteps: '  ' },
    ];
    const m = build([submission('长春市', SIX, tasks)], { timeShare: 0.5 });
    expect(m.problems.map((p) => p.text)).toEqual(['资金不足。', '统计口径调整', '用地指标紧张']);
    expect(m.problems[0]).toEqual({ office: null, indicator: '新建5G基站', text: '资金不足。' });
    expect(m.nextSteps.map((p) => p.text)).toEqual(['争取专项资金', '协调用地']);
  });
});

describe('dates and 序时进度', () => {
  const lines: Line[] = [
    {
      id: 'A',
      quote: '新建基站',
      comparator: '>=',
      value: 100,
      unit: '个',
      kind: 'total',
      actual: 40,
      asOf: '2025-03-31',
    },
    {
      id: 'B',
      quote: '新建园区',
      comparator: '>=',
      value: 10,
      unit: '个',
      kind: 'total',
      actual: 5,
      asOf: '2025-05-15',
    },
    { id: 'C', quote: '新建机房', comparator: '>=', value: 10, unit: '个', kind: 'total', actual: null },
  ];

  it('speaks as of the latest 截至日期 typed and takes 序时进度 from the period (1-6月: 6 of 12 months)', () => {
    const m = buildReportModel([submission('长春市', lines, [], '2025年1-6月')], { config: config() });
    expect(m.asOf).toBe('2025-05-15');
    expect(m.date).toBe('2025-05-15');
    expect(m.timeShare).toBe(0.5);
    // 40 % < 50 % behind; 50 % = 50 % at 序时进度
    expect(m.lines.map((l) => l.judged)).toEqual(['未达到序时进度', '达到序时进度', '无数据']);
  });

  it('without any 截至日期 speaks as of the end of the period', () => {
    const undated = lines.map((l) => ({ ...l, asOf: null }));
    const m = buildReportModel([submission('长春市', undated, [], '2025年第三季度')], { config: config() });
    expect(m.asOf).toBe('2025-09-30');
    expect(m.timeShare).toBe(0.75);
  });

  it('takes report.json’s 报告期 and 成文日期 over the data’s', () => {
    const m = build([submission('长春市', lines)], { period: '2025年1-9月', date: '2025-10-08' });
    expect(m.period).toBe('2025年1-9月');
    expect(m.date).toBe('2025-10-08');
    // 序时进度 comes from 报告期 when report.json does not set it: 9 of 12 months
    expect(m.timeShare).toBe(0.75);
  });

  it('refuses a report with no submission, or with no date to speak as of', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isLuoshiError(e) ? e.code : 'not a LuoshiError';
      }
      return 'no error';
    };
    expect(fail(() => buildReportModel([], { config: config() }))).toBe('report-empty');
    expect(() => buildReportModel([], { config: config() })).toThrow('没有可用于生成报告的填报表');
    const undated = lines.map((l) => ({ ...l, asOf: null }));
    expect(
      fail(() => buildReportModel([submission('长春市', undated, [], '今年')], { config: config() })),
    ).toBe('report-no-date');
    // an unknown period is fine when report.json gives 成文日期
    const m = buildReportModel([submission('长春市', undated, [], '今年')], {
      config: config({ date: '2025-12-31' }),
    });
    expect(m.asOf).toBe('2025-12-31');
    expect(m.timeShare).toBe(1);
  });
});

describe('documents a report names', () => {
  it('takes a document’s 文号 from the first office that lists the target', () => {
    const line = (document: string): Line => ({
      id: 'T1',
      quote: '新建基站',
      comparator: '>=',
      value: 100,
      unit: '个',
      kind: 'total',
      actual: 50,
      document,
    });
    const m = build([
      submission('长春市', [line('《甲规划》（吉政发〔2021〕1号）')]),
      submission('吉林市', [line('《甲规划》')]),
    ]);
    expect(m.documents).toEqual([{ title: '《甲规划》', docNumber: '吉政发〔2021〕1号' }]);
  });

  it('keeps the title of a document label with a space before its 文号, and speaks of 有关政策文件 without any', () => {
    const one = (document: string) =>
      build([
        submission('长春市', [
          { id: 'T1', quote: '新建基站', comparator: '>=', value: 100, unit: '个', document },
        ]),
      ]);
    expect(one('《甲规划》 （吉政发〔2021〕1号）').documents).toEqual([
      { title: '《甲规划》', docNumber: '吉政发〔2021〕1号' },
    ]);
    expect(one('').title).toBe('长春市关于有关政策文件落实情况的报告');
  });
});
