/**
 * The consolidated (several offices) report model on hand-built submissions: how a target combines
 * over offices, the 备注 it gets, ranks and ties, the chart (bars or bands), key targets, the
 * attachment tables (completion matrix, laggard list) and the 版头. Expected values are worked out by
 * hand from the figures typed here.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { ProgressStatus, Submission, TargetRow } from '../src/core/model/submission.js';
import type { ReportConfig } from '../src/core/report/config.js';
import { handConfig, handSubmission } from './helpers/hand-submissions.js';
import { buildReportModel } from '../src/core/report/model.js';
import {
  RULE_AGGREGATE,
  RULE_ALLOCATION,
  RULE_RANKING,
  RULE_RATE,
  RULE_STATUS,
} from '../src/core/progress/rules.js';

interface Target {
  id: string;
  quote: string;
  comparator: TargetRow['comparator'];
  value: number | null;
  unit: string;
  kind: NonNullable<TargetRow['kind']>;
  document?: string;
  overall?: TargetRow['overall'];
}

const BASE: Target = { id: 'T1', quote: '新建基站', comparator: '>=', value: 100, unit: '个', kind: 'total' };
const SHARE: Target = { id: 'T2', quote: '宽带覆盖率', comparator: '>=', value: 80, unit: '%', kind: 'rate' };
const MILESTONE: Target = {
  id: 'T3',
  quote: '建成数据中心',
  comparator: 'milestone',
  value: null,
  unit: '',
  kind: 'milestone',
};

interface Typed {
  actual?: number | null;
  status?: ProgressStatus | null;
  problems?: string;
  evidence?: string;
}

function office(name: string, figures: [Target, Typed][]): Submission {
  return handSubmission(
    name,
    figures.map(([t, e]) => ({ ...t, ...e })),
  );
}

function config(over: Partial<ReportConfig> = {}): ReportConfig {
  return handConfig({ timeShare: 0.5, ...over });
}

function build(subs: Submission[], over: Partial<ReportConfig> = {}, expectedOffices?: string[]) {
  return buildReportModel(subs, {
    config: config(over),
    asOf: '2025-06-30',
    today: '2025-07-10',
    ...(expectedOffices ? { expectedOffices } : {}),
  });
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isLuoshiError(e) ? `${e.code}: ${e.message}` : 'not a LuoshiError';
  }
  return 'no error';
}

/** Three offices, 序时进度 50 %. */
function threeOffices(): Submission[] {
  return [
    // 甲: 60 % and 112.5 % (capped at 100 %) → 80 %
    office('甲市', [
      [BASE, { actual: 60 }],
      [SHARE, { actual: 90, problems: '资金不足' }],
      [MILESTONE, { status: '已完成' }],
    ]),
    // 乙: 30 % and 40 % → 35 %
    office('乙市', [
      [BASE, { actual: 30, problems: '【示例】资金不足。' }],
      [SHARE, { actual: 32, problems: '施工受阻' }],
      [MILESTONE, { status: '滞后' }],
    ]),
    // 丙: nothing for T1, 87.5 % → 87.5 %
    office('丙市', [
      [BASE, {}],
      [SHARE, { actual: 70 }],
      [MILESTONE, {}],
    ]),
  ];
}

describe('a target over several offices', () => {
  it('sums a total and judges the sum; takes the median of a rate; notes who is behind', () => {
    const m = build(threeOffices());
    expect(m.kind).toBe('multi');
    const [t1, t2, t3] = m.targets;
    // T1: 60 + 30 = 90 of 100 → 90 %, at 序时进度
    expect([t1.actual, t1.rate, t1.judged, t1.combined, t1.office]).toEqual([
      90,
      0.9,
      '达到序时进度',
      'sum',
      null,
    ]);
    expect(t1.note).toBe('2个单位有完成值；未达到序时进度：乙市');
    // T2: median of 32, 70, 90 = 70 → 87.5 %; only 甲 (90 ≥ 80) meets it
    expect([t2.actual, t2.rate, t2.judged, t2.combined]).toEqual([70, 0.875, '达到序时进度', 'median']);
    expect(t2.note).toBe('3个单位有完成值；1个达到目标；未达到序时进度：乙市');
    // a milestone has no combined figure
    expect([t3.actual, t3.rate, t3.judged, t3.combined]).toEqual([null, null, '无数据', null]);
    expect(t3.note).toBe('0个单位有完成值；未达到序时进度：乙市');
  });

  it('ranks the offices by 平均完成率 and lists each office’s lines', () => {
    const m = build(threeOffices());
    expect(m.offices.map((o) => [o.office, o.rank, o.averageRate])).toEqual([
      ['丙市', 1, 0.875],
      ['甲市', 2, 0.8],
      ['乙市', 3, 0.35],
    ]);
    expect(m.lines.map((l) => l.office)).toEqual([
      '甲市',
      '甲市',
      '甲市',
      '乙市',
      '乙市',
      '乙市',
      '丙市',
      '丙市',
      '丙市',
    ]);
    expect(m.tables['单位排名表'].rows).toEqual([
      ['1', '丙市', '3', '0', '1', '0', '0', '2', '87.5'],
      ['2', '甲市', '3', '2', '1', '0', '0', '0', '80.0'],
      ['3', '乙市', '3', '0', '0', '3', '0', '0', '35.0'],
    ]);
    expect(m.tables['滞后指标表'].rows).toEqual([['乙市', '3', '新建基站；宽带覆盖率；建成数据中心']]);
    expect(m.tables['指标完成情况表'].title).toBe('指标完成情况汇总表');
    expect(m.tables['指标完成情况表'].columns[4].header).toBe('完成值（合计或中位数）');
  });

  it('gives offices with the same 平均完成率 and share ahead the same rank, in the order they came', () => {
    const same = (name: string) => office(name, [[BASE, { actual: 50 }]]);
    const m = build([same('丁市'), office('戊市', [[BASE, { actual: 70 }]]), same('甲市')]);
    expect(m.offices.map((o) => [o.office, o.rank])).toEqual([
      ['戊市', 1],
      ['丁市', 2],
      ['甲市', 2],
    ]);
  });

  it('breaks a tie of 平均完成率 by the share at or ahead of 序时进度; offices without a rate share the last rank', () => {
    // each averages 50 %: 甲 45 % and 55 % (one of two ahead), 丙 40 % and 60 % (one of two), 庚 50 % and 50 % (both)
    const a = office('甲市', [
      [BASE, { actual: 45 }],
      [SHARE, { actual: 44 }],
    ]);
    const c = office('丙市', [
      [BASE, { actual: 40 }],
      [SHARE, { actual: 48 }],
    ]);
    const g = office('庚市', [
      [BASE, { actual: 50 }],
      [SHARE, { actual: 40 }],
    ]);
    const none = (name: string) => office(name, [[BASE, {}]]);
    const m = build([none('辛市'), a, c, none('壬市'), g]);
    expect(m.offices.map((o) => [o.office, o.rank])).toEqual([
      ['庚市', 1],
      ['甲市', 2],
      ['丙市', 2],
      ['辛市', 4],
      ['壬市', 4],
    ]);
    expect(m.tables['单位排名表'].rows.map((r) => r.at(-1))).toEqual(['50.0', '50.0', '50.0', '—', '—']);
  });

  it('lists more than three offices behind as the first three and a count', () => {
    const behind = ['一市', '二市', '三市', '四市'].map((n) => office(n, [[BASE, { actual: 20 }]]));
    const m = build([...behind, office('五市', [[BASE, { actual: 90 }]])]);
    expect(m.targets[0].note).toBe('5个单位有完成值；未达到序时进度：一市、二市、三市等4个');
  });

  it('leaves a held (implausible) figure out of the sum and says so', () => {
    const m = build([office('甲市', [[BASE, { actual: 60 }]]), office('乙市', [[BASE, { actual: 5000 }]])]);
    expect(m.targets[0].actual).toBe(60);
    expect(m.targets[0].note).toBe('1个单位有完成值；1个待核实未计入');
    expect(m.held.map((l) => l.office)).toEqual(['乙市']);
  });

  it('judges the offices’ sum against the overall target when each office has an allocated share', () => {
    const overall: TargetRow['overall'] = {
      comparator: '>=',
      value: 200,
      valueMax: null,
      targetText: '≥200个',
    };
    const shareOf = (v: number): Target => ({ ...BASE, value: v, overall });
    const m = build([
      office('甲市', [[shareOf(100), { actual: 80 }]]),
      office('乙市', [[shareOf(100), { actual: 40 }]]),
    ]);
    const t = m.targets[0];
    // 80 + 40 = 120 of 200 → 60 %
    expect([t.actual, t.rate, t.value, t.targetText]).toEqual([120, 0.6, 200, '≥200个']);
    expect(m.lines.map((l) => l.rate)).toEqual([0.8, 0.4]);
    expect(m.tables['指标完成情况表'].footnote?.endsWith(RULE_ALLOCATION)).toBe(true);
    expect(m.tables['单位排名表'].footnote).toBe(`注：${RULE_RANKING}${RULE_ALLOCATION}`);
    const plain = build(threeOffices());
    expect(plain.tables['指标完成情况表'].footnote).toBe(`注：${RULE_RATE}${RULE_STATUS}${RULE_AGGREGATE}`);
    expect(plain.tables['单位排名表'].footnote).toBe(`注：${RULE_RANKING}`);
  });
});

describe('the chart of a consolidated report', () => {
  it('has a bar per office with 序时进度 as reference, labelled up to 15 offices', () => {
    const m = build(threeOffices());
    expect(m.chart).toEqual({
      title: '各单位指标平均完成率',
      categories: ['丙市', '甲市', '乙市'],
      values: [87.5, 80, 35],
      unit: '%',
      reference: 50,
      labels: true,
    });
    const sixteen = Array.from({ length: 16 }, (_, i) =>
      office(`${i + 1}号市`, [[BASE, { actual: 50 + i }]]),
    );
    expect(build(sixteen).chart.labels).toBe(false);
    const fifteen = sixteen.slice(0, 15);
    expect(build(fifteen).chart.labels).toBe(true);
  });

  it('counts offices per band beyond 30 offices, the band edges included in the upper band', () => {
    // average rates: 59.9 %, 60 %, 79.9 %, 80 %, 99.9 %, 100 %; then 25 more at 20 %
    const rates = [59.9, 60, 79.9, 80, 99.9, 100, ...Array.from({ length: 25 }, () => 20)];
    const subs = rates.map((r, i) => office(`${i + 1}号市`, [[BASE, { actual: r }]]));
    const chart = build(subs).chart;
    expect(chart.title).toBe('各单位指标平均完成率分布');
    expect(chart.categories).toEqual(['60%以下', '60%—80%', '80%—100%', '100%及以上']);
    expect(chart.values).toEqual([26, 2, 2, 1]);
    expect(chart.unit).toBe('个');
    expect(chart.reference).toBeNull();
    // 30 offices still get a bar each
    expect(build(subs.slice(0, 30)).chart.categories).toHaveLength(30);
    // an office with no 完成率 at all shows as 无法计算
    const withNone = [...subs, office('无数市', [[BASE, {}]])];
    const banded = build(withNone).chart;
    expect(banded.categories.at(-1)).toBe('无法计算');
    expect(banded.values.at(-1)).toBe(1);
  });
});

describe('key targets and the office comparison', () => {
  it('take the first rated targets by default, each office’s own rate in rank order', () => {
    const m = build(threeOffices());
    expect(m.keyTargets.map((k) => k.targetId)).toEqual(['T1', 'T2']);
    expect(m.comparison).toEqual([
      { office: '丙市', rates: [null, 0.875] },
      { office: '甲市', rates: [0.6, 1.125] },
      { office: '乙市', rates: [0.3, 0.4] },
    ]);
    expect(m.tables['单位对比表'].rows).toEqual([
      ['丙市', '—', '87.5'],
      ['甲市', '60.0', '112.5'],
      ['乙市', '30.0', '40.0'],
    ]);
    expect(m.tables['单位对比表'].columns.map((c) => c.header)).toEqual(['单位', '新建基站', '宽带覆盖率']);
  });

  it('take the targets report.json names, by id or by indicator, and refuse an unknown one', () => {
    const m = build(threeOffices(), { keyTargets: ['宽带覆盖率', 'T3'] });
    expect(m.keyTargets.map((k) => k.targetId)).toEqual(['T2', 'T3']);
    expect(codeOf(() => build(threeOffices(), { keyTargets: ['T9'] }))).toBe(
      'report-config: report.json 中“重点指标”里的“T9”不在所填报的指标中',
    );
  });

  it('are not chosen for a single office', () => {
    const m = build([threeOffices()[0]], { keyTargets: ['T9'] });
    expect(m.keyTargets).toEqual([]);
  });
});

describe('the attachment tables', () => {
  it('show each office’s 完成率, “—” for no figure, “/” for no ratio, 0.0 for 未启动, laggards in bold', () => {
    const subs = threeOffices();
    subs[2].entries[2].status = '未启动';
    const t = build(subs).tables['完成率矩阵'];
    expect(t.columns.map((c) => c.header)).toEqual(['序号', '指标', '目标', '甲市', '乙市', '丙市']);
    expect(t.rows).toEqual([
      ['1', '新建基站', '≥100个', '60.0', '30.0', '—'],
      ['2', '宽带覆盖率', '≥80%', '112.5', '40.0', '87.5'],
      ['3', '建成数据中心', '年底前完成', '/', '/', '0.0'],
    ]);
    expect(t.emphasis).toEqual([
      [false, false, false, false, true, false],
      [false, false, false, false, true, false],
      [false, false, false, false, true, true],
    ]);
    expect(t.footnote).toBe(
      '注：加粗为未达到序时进度或未启动；“—”为未填报；“/”为节点性或上限类指标（不计算完成率）。',
    );
  });

  it('names the offices on the roster that sent nothing', () => {
    const m = build(threeOffices(), {}, ['甲市', '乙市', '丙市', '丁市', '戊市']);
    expect(m.missingOffices).toEqual(['丁市', '戊市']);
    expect(m.tables['完成率矩阵'].footnote).toMatch(/丁市、戊市未报送，未列入。$/);
  });

  it('counts offices per indicator instead of columns beyond 12 offices', () => {
    const subs = Array.from({ length: 13 }, (_, i) =>
      office(`${i + 1}号市`, [
        [BASE, i < 4 ? { actual: 20 } : i < 10 ? { actual: 60 } : {}],
        [MILESTONE, { status: i < 2 ? '未启动' : null }],
      ]),
    );
    const t = build(subs, {}, ['1号市', '99号市']).tables['完成率矩阵'];
    expect(t.title).toBe('各单位指标完成情况表');
    // T1: 10 with data; 6 at 60 % (ahead), 4 at 20 % (behind); sum 4×20 + 6×60 = 440 of 100 → 440 %
    // T3: 2 declared 未启动 (with data, behind), the rest without data
    expect(t.rows).toEqual([
      ['1', '新建基站', '≥100个', '10', '6', '4', '440.0'],
      ['2', '建成数据中心', '年底前完成', '2', '0', '2', '—'],
    ]);
    expect(t.footnote).toBe('注：99号市未报送，未列入。');
  });

  it('lists the indicators behind as a whole with the offices behind and their reasons, each said once', () => {
    // a rate: the median 20 of 80 % is 25 %, behind; every office is behind
    const subs = [
      office('长春市', [[SHARE, { actual: 30, problems: '资金不足。' }]]),
      office('吉林市', [[SHARE, { actual: 25, problems: '资金不足' }]]),
      office('四平市', [[SHARE, { actual: 20, problems: '【示例数据】用地紧张' }]]),
      office('延边朝鲜族自治州', [[SHARE, { actual: 15, problems: '审批慢' }]]),
      office('通化市', [[SHARE, { actual: 12 }]]),
    ];
    const t = build(subs).tables['滞后指标清单'];
    expect(t.rows).toEqual([
      ['1', '宽带覆盖率', '长春、吉林、四平等5个', '长春、吉林：资金不足；四平：用地紧张'],
    ]);
    // median (16 + 72) / 2 = 44 of 80 % = 55 %: the indicator as a whole is at 序时进度
    const ahead = build([
      office('长春市', [[SHARE, { actual: 72 }]]),
      office('吉林市', [[SHARE, { actual: 16 }]]),
    ]);
    expect(ahead.tables['滞后指标清单'].rows).toEqual([]);
  });
});

describe('title and 版头 of a consolidated report', () => {
  it('needs 发文机关 (or a 发文机关标志) for a 版头, and titles several documents by the first', () => {
    const docs = [
      '《甲规划》（吉政发〔2021〕1号）',
      '关于印发《乙方案》的通知（吉政办发〔2022〕2号）',
      '丙意见',
    ];
    const subs = docs.map((d, i) =>
      office(`${i + 1}号市`, [[{ ...BASE, id: `D${i}`, document: d }, { actual: 50 }]]),
    );
    const m = build(subs);
    expect(m.issuer).toBe('');
    expect(m.title).toBe('关于《甲规划》等3个文件落实情况的报告');
    expect(m.documents).toEqual([
      { title: '《甲规划》', docNumber: '吉政发〔2021〕1号' },
      { title: '关于印发《乙方案》的通知', docNumber: '吉政办发〔2022〕2号' },
      { title: '丙意见', docNumber: null },
    ]);
    const two = build(subs.slice(0, 2), { issuer: '吉林省发改委' });
    expect(two.title).toBe('吉林省发改委关于《甲规划》《乙方案》落实情况的报告');
    const head = { mark: null, copyNumber: null, secrecy: null, urgency: null };
    expect(codeOf(() => build(subs, { letterhead: head }))).toMatch(/^report-config: .*版头/);
    const withIssuer = build(subs, {
      letterhead: head,
      issuer: '吉林省发改委',
      docNumber: '吉发改〔2025〕3号',
      signer: '张三',
    });
    expect(withIssuer.letterhead).toEqual({
      mark: '吉林省发改委文件',
      copyNumber: null,
      secrecy: null,
      urgency: null,
      docNumber: '吉发改〔2025〕3号',
      signer: '张三',
    });
    const own = build(subs, { letterhead: { ...head, mark: '吉林省发展和改革委员会' } });
    expect(own.letterhead?.mark).toBe('吉林省发展和改革委员会');
  });

  it('takes the consolidated report’s own section of report.json', () => {
    const m = build(threeOffices(), {
      issuer: '通用',
      kinds: { multi: { ...config(), issuer: '吉林省发改委', recipient: '省政府' } },
    });
    expect(m.issuer).toBe('吉林省发改委');
    expect(m.recipient).toBe('省政府');
    const single = build([threeOffices()[0]], {
      issuer: '通用',
      kinds: { multi: { ...config(), issuer: '吉林省发改委' } },
    });
    expect(single.issuer).toBe('通用');
  });
});
