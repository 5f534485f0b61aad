/**
 * What the report template is given to word (templateView over a model of hand-written submissions):
 * shares as the sentences print them, how the issuer speaks of itself, the offices named first and
 * last, the numbered problem paragraphs (一是/二是), data gaps, causes grouped by kind, and the body's
 * fields. Expected texts are written out from the figures typed here.
 */
import { describe, expect, it } from 'vitest';
import type { Submission } from '../src/core/model/submission.js';
import type { ReportConfig } from '../src/core/report/config.js';
import { buildReportModel } from '../src/core/report/model.js';
import { fieldOfPolicy } from '../src/core/report/body.js';
import { selfReference, templateView } from '../src/core/report/template.js';
import { handConfig, handSubmission, handLine as target } from './helpers/hand-submissions.js';

function view(subs: Submission[], over: Partial<ReportConfig> = {}, expectedOffices: string[] = []) {
  const model = buildReportModel(subs, {
    config: handConfig({ timeShare: 0.5, ...over }),
    asOf: '2025-06-30',
    today: '2025-07-10',
    expectedOffices,
  });
  return templateView(model);
}

describe('how the issuer speaks of itself', () => {
  it('a government by its level, an organ by its kind, else 我们', () => {
    expect(selfReference('长春市人民政府')).toBe('我市');
    expect(selfReference('延边朝鲜族自治州人民政府')).toBe('我州');
    expect(selfReference('吉林省人民政府办公厅')).toBe('我省');
    expect(selfReference('吉林省发展和改革委员会')).toBe('我委');
    expect(selfReference('吉林省卫生健康委')).toBe('我委');
    expect(selfReference('吉林省教育厅')).toBe('我厅');
    expect(selfReference('长春市统计局')).toBe('我局');
    expect(selfReference('吉林省政务服务中心')).toBe('我中心');
    expect(selfReference('吉林省社会科学院')).toBe('我院');
    expect(selfReference(' 四平市 ')).toBe('我市');
    expect(selfReference('项目组')).toBe('我们');
  });

  it('falls back to the first office when report.json names no issuer', () => {
    const subs = [handSubmission('长春市', [target('T1', '新建基站', { actual: 60 })])];
    expect(view(subs).自称).toBe('我市');
    expect(view(subs, { issuer: '吉林省发展和改革委员会' }).自称).toBe('我委');
  });
});

describe('figures as the sentences print them', () => {
  it('counts and shares of the computed statuses, 进度达标占比 and 平均完成率', () => {
    // 60 % (ahead), 20 % (behind), 150 % (done), nothing (no data)
    const subs = [
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 60, status: '序时推进' }),
        target('T2', '新建园区', { actual: 20 }),
        target('T3', '新建机房', { actual: 150, status: '滞后' }),
        target('T4', '新建平台'),
      ]),
    ];
    const v = view(subs);
    expect([v.指标数, v.已完成, v.达到序时进度, v.未达到序时进度, v.未启动, v.无数据]).toEqual([
      4, 1, 1, 1, 0, 1,
    ]);
    expect([v.已完成占比, v.达到序时进度占比, v.未达到序时进度占比, v.未启动占比, v.无数据占比]).toEqual([
      '25.0%',
      '25.0%',
      '25.0%',
      '0.0%',
      '25.0%',
    ]);
    // 2 of the 3 judged at or ahead of 序时进度
    expect([v.有数据指标数, v.进度达标数, v.进度达标占比]).toEqual([3, 2, '66.7%']);
    expect(v.总体判断).toBe('总体基本符合序时进度');
    // (60 + 20 + 100) / 3 = 60.0 %
    expect([v.有完成率指标数, v.平均完成率, v.序时进度]).toEqual([3, '60.0%', '50.0%']);
    expect([v.状态不一致数, v.待核实数]).toEqual([1, 0]);
    expect([v.成文日期, v.截至日期, v.报告期]).toEqual(['2025年7月10日', '2025年6月30日', '2025年度']);
    expect(v.多单位).toBe(false);
    expect(v.单位数).toBe(1);
  });

  it('an empty report states 0.0% shares and leaves unknown figures blank', () => {
    const v = view([handSubmission('长春市', [target('T1', '新建基站')])], { timeShare: null });
    expect(v.已完成占比).toBe('0.0%');
    expect(v.无数据占比).toBe('100.0%');
    expect([v.进度达标占比, v.平均完成率]).toEqual(['', '']);
    expect(v.总体判断).toBe('暂无可据以判断进度的数据');
  });

  it('one target line: figure with its decimals, rate, own status or 未填报, how offices combine', () => {
    const subs = [
      handSubmission('长春市', [target('T1', '新建基站', { actual: 60.5 }), target('T2', '新建园区')]),
      handSubmission('吉林市', [
        target('T1', '新建基站', { actual: 20, status: '滞后' }),
        target('T2', '新建园区'),
      ]),
    ];
    const v = view(subs);
    const [item] = (v.主要进展 as { 分组: { 指标: Record<string, unknown>[] }[] }[])[0].分组[0].指标;
    expect(item).toMatchObject({
      编号: 'T1',
      单位: '',
      指标: '新建基站',
      目标值: '≥100个',
      目标表述: '不低于100个',
      完成值: '80.5',
      完成率: '80.5%',
      进度状态: '达到序时进度',
      汇总方式: '合计',
      达到序时进度: true,
      填报单位数: 2,
      已完成单位数: 0,
      达到序时进度单位数: 1,
      滞后单位: '吉林市',
    });
    const [cc, jl] = item.各单位 as Record<string, unknown>[];
    expect([cc.单位, cc.完成值, cc.自报状态, cc.汇总方式]).toEqual(['长春市', '60.5', '未填报', '']);
    expect([jl.单位, jl.完成值, jl.自报状态, jl.达到序时进度]).toEqual(['吉林市', '20', '滞后', false]);
  });
});

describe('offices named in a consolidated report', () => {
  const offices = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      handSubmission(`${i + 1}号市`, [target('T1', '新建基站', { actual: 90 - i * 5 })]),
    );

  it('names up to three first and three last, never more than half of them each', () => {
    const edges = (n: number) => {
      const v = view(offices(n));
      return [v.居前单位, v.靠后单位];
    };
    expect(edges(2)).toEqual(['1号市', '2号市']);
    expect(edges(5)).toEqual(['1号市、2号市', '4号市、5号市']);
    expect(edges(8)).toEqual(['1号市、2号市、3号市', '6号市、7号市、8号市']);
  });

  it('lists each office’s rank, own figures, laggards and first three problems', () => {
    const subs = [
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 20, problems: '资金不足。' }),
        target('T2', '新建园区', { actual: 30, problems: '用地紧张' }),
        target('T3', '新建机房', { actual: 10, problems: '人员不够' }),
        target('T4', '新建平台', { actual: 40, problems: '审批慢' }),
      ]),
      handSubmission('吉林市', [
        target('T1', '新建基站', { actual: 80 }),
        target('T2', '新建园区', { actual: 90 }),
        target('T3', '新建机房', { actual: 70 }),
        target('T4', '新建平台', { actual: 60 }),
      ]),
    ];
    const v = view(subs, {}, ['长春市', '吉林市', '四平市']);
    const [first, second] = v.单位 as Record<string, unknown>[];
    expect([first.名称, first.名次, first.平均完成率, first.滞后指标名称, first.主要问题]).toEqual([
      '吉林市',
      1,
      '75.0%',
      '',
      '',
    ]);
    expect([
      second.名称,
      second.名次,
      second.平均完成率,
      second.未达到序时进度,
      second.未达到序时进度占比,
    ]).toEqual(['长春市', 2, '25.0%', 4, '100.0%']);
    expect(second.滞后指标名称).toBe('新建基站、新建园区、新建机房、新建平台');
    expect(second.主要问题).toBe('资金不足；用地紧张；人员不够');
    expect(v.有滞后单位).toBe(true);
    expect([v.未报送单位, v.未报送单位数]).toEqual(['四平市', 1]);
    expect(v.多单位).toBe(true);
  });
});

describe('the problems paragraph', () => {
  it('numbers only the kinds of problem present: behind, data gaps, causes', () => {
    const behindOnly = view([handSubmission('长春市', [target('T1', '新建基站', { actual: 10 })])]);
    expect(behindOnly.问题序).toEqual({ 滞后: '一是', 数据: '', 原因: '' });
    const all = view([
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 10, problems: '资金不足' }),
        target('T2', '新建园区'),
      ]),
    ]);
    expect(all.问题序).toEqual({ 滞后: '一是', 数据: '二是', 原因: '三是' });
    const gapsAndCauses = view([
      handSubmission('长春市', [
        target('T1', '新建基站', { actual: 90, problems: '资金不足' }),
        target('T2', '新建园区'),
      ]),
    ]);
    expect(gapsAndCauses.问题序).toEqual({ 滞后: '', 数据: '一是', 原因: '二是' });
    // an office that sent nothing is a data gap too
    const missing = view([handSubmission('长春市', [target('T1', '新建基站', { actual: 90 })])], {}, [
      '长春市',
      '吉林市',
    ]);
    expect(missing.问题序).toEqual({ 滞后: '', 数据: '一是', 原因: '' });
  });

  it('names up to four unfilled targets, else three and a count; 、 inside a name switches to ；', () => {
    const unfilled = (names: string[]) =>
      view([
        handSubmission(
          '长春市',
          names.map((n, i) => target(`T${i}`, n)),
        ),
      ]);
    const four = unfilled(['甲', '乙', '丙', '丁']);
    expect([four.未填报项数, four.未填报指标名称]).toEqual([4, '甲、乙、丙、丁']);
    expect(four.未填报).toEqual([]);
    expect(unfilled(['甲', '乙', '丙', '丁', '戊']).未填报指标名称).toBe('甲、乙、丙等5项');
    expect(unfilled(['养老、托育机构', '乙']).未填报指标名称).toBe('养老、托育机构；乙');
    const multi = view([
      handSubmission('长春市', [target('T1', '甲'), target('T2', '乙', { actual: 50 })]),
      handSubmission('吉林市', [target('T1', '甲', { actual: 50 }), target('T2', '乙', { actual: 50 })]),
    ]);
    expect(multi.未填报).toEqual([{ 单位: '长春市', 项数: 1 }]);
  });

  it('groups the offices’ 存在问题 by cause, in a fixed order, naming up to four offices', () => {
    const names = ['长春市', '吉林市', '四平市', '辽源市', '通化市'];
    const subs = names.map((n, i) =>
      handSubmission(n, [
        target('T1', '新建基站', {
          actual: 40,
          problems: i === 0 ? '【示例】用地手续未办结。' : '资金缺口较大',
        }),
        target('T2', '新建园区', { actual: 40, problems: i === 1 ? '部门协调不畅' : '' }),
        target('T3', '新建机房', { actual: 40, problems: i === 2 ? '天气原因' : '' }),
      ]),
    );
    const causes = view(subs).问题原因 as { 原因: string; 单位: string; 举例: string }[];
    expect(causes).toEqual([
      { 原因: '资金保障不足', 单位: '吉林市、四平市、辽源市、通化市', 举例: '资金缺口较大' },
      { 原因: '项目审批和建设进度偏慢', 单位: '长春市', 举例: '用地手续未办结' },
      { 原因: '部门协同和推进机制不够顺畅', 单位: '吉林市', 举例: '部门协调不畅' },
      { 原因: '其他困难', 单位: '四平市', 举例: '天气原因' },
    ]);
    const six = [...names, '白山市'].map((n) =>
      handSubmission(n, [target('T1', '新建基站', { actual: 40, problems: `${n}资金不足` })]),
    );
    const [money] = view(six).问题原因 as { 单位: string }[];
    expect(money.单位).toBe('长春市、吉林市、四平市、辽源市等6个单位');
  });
});

describe('the body’s fields', () => {
  it('names a policy’s field without 关于, place, or the kind of document', () => {
    expect(fieldOfPolicy('吉林省人民政府关于促进健康服务业发展的实施意见')).toBe('促进健康服务业发展');
    expect(fieldOfPolicy('关于印发《吉林省数字经济发展规划》的通知')).toBe('数字经济发展');
    expect(fieldOfPolicy('长春市养老服务体系建设行动方案（2023—2025年）')).toBe('养老服务体系建设');
  });

  it('keeps the largest headings (three targets or more) as fields, the rest read as 其他', () => {
    // headings 一 to 六 with 4, 4, 3, 3, 3 and 1 targets
    const sizes = [4, 4, 3, 3, 3, 1];
    const heads = ['一、', '二、', '三、', '四、', '五、', '六、'];
    const lines = sizes.flatMap((n, h) =>
      Array.from({ length: n }, (_, i) =>
        target(`H${h}-${i}`, `指标${h}${i}`, { section: heads[h], actual: h === 0 ? 80 : 20 }),
      ),
    );
    const v = view([handSubmission('长春市', lines)]);
    const fields = v.领域 as { 名称: string; 指标数: number; 滞后数: number; 进度达标数: number }[];
    expect(fields.map((f) => [f.名称, f.指标数])).toEqual([
      ['原文件一、部分', 4],
      ['原文件二、部分', 4],
      ['原文件三、部分', 3],
      ['原文件四、部分', 3],
      ['其他', 4],
    ]);
    expect(v.领域数).toBe(5);
    expect(fields.map((f) => [f.进度达标数, f.滞后数])).toEqual([
      [4, 0],
      [0, 4],
      [0, 3],
      [0, 3],
      [0, 4],
    ]);
    // fields behind, most first, 其他 left out, at most four
    expect((v.滞后领域 as { 名称: string }[]).map((f) => f.名称)).toEqual([
      '原文件二、部分',
      '原文件三、部分',
      '原文件四、部分',
    ]);
    expect(v.滞后项数).toBe(14);
  });

  it('names a field per policy when there are several, 其他 for rows without a 文件', () => {
    const lines = [0, 1, 2].flatMap((i) => [
      target(`A${i}`, `甲${i}`, { actual: 60 }),
      target(`B${i}`, `乙${i}`, { actual: 60, document: '' }),
    ]);
    const v = view([handSubmission('长春市', lines)]);
    expect((v.领域 as { 名称: string }[]).map((f) => f.名称)).toEqual(['数字经济发展', '其他']);
  });

  it('names the best two targets of a field and the two furthest behind', () => {
    const lines = [
      target('A', '甲', { section: '一、', actual: 70 }),
      target('B', '乙', { section: '一、', actual: 90 }),
      target('C', '丙', { section: '一、', actual: 10 }),
      target('D', '丁', { section: '一、', actual: 30 }),
      target('E', '戊', { section: '一、', actual: 20 }),
      target('F', '己', { section: '一、', actual: 5000, status: '序时推进' }),
    ];
    const v = view([handSubmission('长春市', lines)]);
    const [field] = v.领域 as {
      突出指标: { 编号: string }[];
      滞后指标: { 编号: string }[];
      滞后指标名称: string;
    }[];
    // 己 (5000 of 100) is held back as implausible: not a stand-out
    expect(field.突出指标.map((l) => l.编号)).toEqual(['B', 'A']);
    expect(field.滞后指标.map((l) => l.编号)).toEqual(['C', 'E']);
    expect(field.滞后指标名称).toBe('丙、戊');
    expect((v.突出指标 as { 编号: string }[]).map((l) => l.编号)).toEqual(['B', 'A']);
  });
});
