/**
 * Forms of the genre that the five seeds do not contain (the examples): milestones with a
 * month, 百名, 用3年左右时间, “十四五”期间, baselines and formulas, per-10万 rates, 第一章 headings,
 * notes written as a line of their own. The texts are short passages written in the style of such documents.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTexts } from '../src/core/catalogue/index.js';
import { formatTargetValue } from '../src/core/catalogue/format.js';
import type { Target } from '../src/core/model/catalogue.js';
import { perTest } from './helpers/per-test.js';

function build(
  body: string,
  header = '某省人民政府办公厅关于推进某项工作的实施意见\n某政办发〔2021〕3号\n各市（州）人民政府：\n',
) {
  // built inside each test that reads it (helpers/per-test.ts)
  return perTest(
    () =>
      buildFromTexts([{ name: 'doc.txt', text: `${header}${body}\n某省人民政府办公厅\n2021年2月9日\n` }])
        .catalogue,
  );
}

function only(targets: Target[], snippet: string): Target {
  const hits = targets.filter((t) => t.quote.includes(snippet));
  expect(hits, `one target quoting ${snippet}`).toHaveLength(1);
  return hits[0];
}

describe('targets of the genre', () => {
  const c = build(
    [
      '一、主要目标',
      '（一）总体目标。到2025年，每千人口医疗卫生机构床位数控制在6张以内，其中公立医院床位数不超过3.3张。截至2020年底，全省共有中医类医院373所。',
      '（二）时间安排。2021年6月底前各省份要出台具体实施方案。用3年左右时间，遴选百名国医大师、培养千名中医优秀人才。',
      '（三）计算方法。床位使用率=实际占用床日数/实际开放床日数×100%。',
      '二、重点任务',
      '（一）加强人才培养。每年培训基层医生不少于5000人次（省中医药局负责，省发展改革委、省财政厅参与）。“十四五”期间，二级以上中医医院比例提高到90%以上，县级中医院覆盖率达到100%。',
      '（二）控制费用。个人卫生支出占卫生总费用的比重降至28%左右，孕产妇死亡率下降到18/10万以下，人均预期寿命达到77.3岁，每万人口全科医生数达到3.93名，比2020年提高15%。',
      '（三）壮大产业。力争到2025年，全省中医药产业规模突破5000亿元，新增3～5家上市企业，每个县（市、区）至少建成1个中医馆。',
      '（四）加强监管。完善监管制度。',
      '牵头单位：省卫生健康委',
      '配合单位：省市场监管局、省医保局',
    ].join('\n'),
  );

  it('reads comparators, values and units', () => {
    expect(only(c.targets, '控制在6张以内')).toMatchObject({
      comparator: '<=',
      value: 6,
      unit: '张',
      deadline: '2025',
    });
    expect(only(c.targets, '不超过3.3张')).toMatchObject({ comparator: '<=', value: 3.3, deadline: '2025' });
    expect(only(c.targets, '降至28%左右')).toMatchObject({ comparator: '≈', value: 28, unit: '%' });
    expect(only(c.targets, '18/10万以下')).toMatchObject({ comparator: '<=', value: 18, unit: '/10万' });
    expect(only(c.targets, '77.3岁')).toMatchObject({ comparator: '>=', value: 77.3, unit: '岁' });
    expect(only(c.targets, '3.93名')).toMatchObject({ comparator: '>=', value: 3.93, perUnit: '每万人口' });
    // a base year ("比2020年") is not a deadline
    expect(only(c.targets, '提高15%')).toMatchObject({ value: 15, deadline: null });
    expect(only(c.targets, '3～5家')).toMatchObject({
      comparator: 'range',
      value: 3,
      valueMax: 5,
      unit: '家',
      deadline: '2025',
    });
    expect(only(c.targets, '5000亿元')).toMatchObject({
      comparator: '>=',
      value: 5000,
      normalizedValue: 5e11,
      baseUnit: '元',
    });
    expect(only(c.targets, '至少建成1个中医馆')).toMatchObject({
      comparator: '>=',
      value: 1,
      perUnit: '每个县（市、区）',
    });
  });

  it('reads month milestones, relative and five-year-plan deadlines, Chinese numerals', () => {
    const m = only(c.targets, '2021年6月底前');
    expect(m).toMatchObject({ comparator: 'milestone', value: null, deadline: '2021-06' });
    expect(formatTargetValue(m)).toBe('2021年6月前完成');
    const hundred = c.targets.filter((t) => t.quote.includes('百名国医大师'));
    expect(hundred.map((t) => [t.value, t.unit, t.deadline])).toEqual([
      [100, '名', '2024'],
      [1000, '名', '2024'],
    ]);
    expect(only(c.targets, '提高到90%以上')).toMatchObject({ comparator: '>=', value: 90, deadline: '2025' });
    expect(only(c.targets, '覆盖率达到100%')).toMatchObject({
      comparator: '>=',
      value: 100,
      deadline: '2025',
    });
    expect(only(c.targets, '5000人次')).toMatchObject({
      perYear: true,
      comparator: '>=',
      lead: ['省中医药局'],
      participants: ['省发展改革委', '省财政厅'],
    });
  });

  it('leaves out baselines, formulas, years and the signature date', () => {
    expect(c.targets.some((t) => t.quote.includes('373所'))).toBe(false);
    expect(c.targets.some((t) => t.quote.includes('100%') && t.quote.includes('床日数'))).toBe(false);
    expect(c.targets.some((t) => t.quote.includes('2021年2月9日'))).toBe(false);
    expect(c.documents[0]).toMatchObject({
      docNumber: '某政办发〔2021〕3号',
      date: '2021-02-09',
      issuer: '某省人民政府办公厅',
    });
  });

  it('reads "牵头单位：…" lines written without brackets', () => {
    const t = c.tasks.find((k) => k.title === '加强监管')!;
    expect(t).toMatchObject({ lead: ['省卫生健康委'], participants: ['省市场监管局', '省医保局'] });
    expect(t.text).not.toContain('牵头单位');
  });
});

describe('structure variants', () => {
  it('reads 第一章 / 第一节 / 1、 / （1） headings and 全覆盖', () => {
    const c = build(
      [
        '第一章 发展基础',
        '第一节 发展成就',
        '1、医疗服务。到2025年实现紧密型县域医共体全覆盖。',
        '2、公共卫生。',
        '（1）疾病预防。到2025年，法定传染病报告率达到95%以上。',
        '（2）健康教育。居民健康素养水平达到25%。',
        '第二章 主要任务',
        '第一节 强化基层',
        '1、全面提升基层服务能力。每个乡镇卫生院至少配备1名全科医生（省卫生健康委牵头，省财政厅、省人社厅按职责分工负责）。',
      ].join('\n'),
      '某市卫生健康事业发展“十四五”规划纲要\n',
    );
    const labels = c.headings.map((h) => `${h.level}:${h.label}`);
    expect(labels).toEqual([
      '1:第一章',
      '2:第一节',
      '3:1、',
      '3:2、',
      '4:（1）',
      '4:（2）',
      '1:第二章',
      '2:第一节',
      '3:1、',
    ]);
    expect(only(c.targets, '全覆盖')).toMatchObject({
      comparator: '=',
      value: 100,
      unit: '%',
      deadline: '2025',
    });
    expect(formatTargetValue(only(c.targets, '全覆盖'))).toBe('全覆盖 (100%)');
    expect(only(c.targets, '95%以上')).toMatchObject({
      path: ['第一章', '第一节', '2、', '（1）'],
      deadline: '2025',
    });
    expect(only(c.targets, '1名全科医生')).toMatchObject({
      comparator: '>=',
      value: 1,
      unit: '名',
      perUnit: '每个乡镇卫生院',
      lead: ['省卫生健康委'],
      participants: ['省财政厅', '省人社厅'],
    });
    expect(c.documents[0].id).toMatch(/^doc-[0-9a-f]{8}$/);
    expect(c.documents[0].title).toBe('某市卫生健康事业发展“十四五”规划纲要');
  });

  it('a stray line break inside a sentence does not split it; a body line starting "二、三级" is not a heading', () => {
    const c = build(
      [
        '一、总体要求',
        '（一）目标。到2022年，全省二级以上医院预约诊疗率达到',
        '',
        '60%以上。',
        '二、三级医院要发挥带头作用，牵头组建医联体。',
        '二、保障措施',
        '（一）加强领导。',
      ].join('\n'),
    );
    expect(c.headings.map((h) => h.label)).toEqual(['一、', '（一）', '二、', '（一）']);
    expect(only(c.targets, '60%以上')).toMatchObject({ comparator: '>=', value: 60, deadline: '2022' });
  });
});

describe('tables of the genre', () => {
  it('reads a 主要指标 table: the latest year column is the target, the unit comes from the name', () => {
    const c = build(
      [
        '一、发展目标',
        '（一）主要指标。',
        '指标\t2020年（基期）\t2025年\t属性',
        '人均预期寿命（岁）\t77.3\t78.3\t预期性',
        '每千人口执业（助理）医师数（人）\t2.9\t≥3.2\t约束性',
        '孕产妇死亡率（/10万）\t12.0\t<10\t预期性',
        '二、主要任务',
        '（一）加强建设。新建床位1,200张。',
      ].join('\n'),
    );
    expect(only(c.targets, '人均预期寿命')).toMatchObject({
      comparator: '=',
      value: 78.3,
      unit: '岁',
      deadline: '2025',
      indicator: '人均预期寿命',
    });
    expect(only(c.targets, '执业（助理）医师数')).toMatchObject({
      comparator: '>=',
      value: 3.2,
      unit: '人',
      deadline: '2025',
    });
    expect(only(c.targets, '孕产妇死亡率')).toMatchObject({ comparator: '<', value: 10, unit: '/10万' });
    expect(c.targets.some((t) => t.value === 77.3 || t.value === 2.9)).toBe(false);
    expect(only(c.targets, '1,200张')).toMatchObject({ value: 1200, unit: '张' });
  });

  it('reads a task table with 牵头/责任 columns and a 完成时限 column', () => {
    const c = build(
      [
        '一、重点任务',
        '序号\t工作任务\t工作目标\t牵头单位\t责任单位\t完成时限',
        '1\t推进医共体建设\t县域就诊率达到90%\t县卫生健康局\t各乡镇人民政府\t2021年12月底前',
        '2\t推进项目建设\t完成主体结构封顶\t县卫生健康局\t县住建局、县医共体总院\t9月底前',
        '3\t加强人才\t引进医学类人才15名\t县委组织部\t县人力社保局\t长期坚持',
      ].join('\n'),
    );
    const rows = c.tasks.filter((t) => t.origin === 'table');
    expect(rows.map((r) => [r.lead, r.participants])).toEqual([
      [['县卫生健康局'], ['各乡镇人民政府']],
      [['县卫生健康局'], ['县住建局', '县医共体总院']],
      [['县委组织部'], ['县人力社保局']],
    ]);
    expect(only(c.targets, '90%')).toMatchObject({
      comparator: '>=',
      value: 90,
      deadline: '2021-12',
      lead: ['县卫生健康局'],
    });
    expect(only(c.targets, '主体结构封顶')).toMatchObject({ comparator: 'milestone', deadline: '2021-09' });
    expect(only(c.targets, '15名')).toMatchObject({ value: 15, deadline: null });
  });
});

describe('more note and date forms', () => {
  it('reads labelled lists with commas, "负责落实", Chinese-numeral dates and 今后N年', () => {
    const c = buildFromTexts([
      {
        name: 'cn-date.txt',
        text: [
          '某县人民政府关于加强基层卫生工作的意见',
          '一、重点工作',
          '（一）建强队伍。今后3年，每个村卫生室至少配备1名乡村医生（责任单位：县卫生健康局，县财政局；配合单位：各乡镇人民政府）。',
          '（二）完善设施。年内完成10个村卫生室改造（县卫生健康局牵头，各乡镇人民政府负责落实）。',
          '某县人民政府',
          '二〇二一年三月五日',
        ].join('\n'),
      },
    ]).catalogue;
    expect(c.documents[0].date).toBe('2021-03-05');
    expect(c.tasks[0]).toMatchObject({
      lead: ['县卫生健康局', '县财政局'],
      participants: ['各乡镇人民政府'],
    });
    expect(c.tasks[1]).toMatchObject({ lead: ['县卫生健康局'], participants: ['各乡镇人民政府'] });
    expect(only(c.targets, '1名乡村医生')).toMatchObject({ deadline: '2024', comparator: '>=' });
    expect(only(c.targets, '10个村卫生室')).toMatchObject({ deadline: '2021', value: 10 });
  });
});

describe('a notice with numbered points followed by the plan it issues', () => {
  it('reads the plan after the notice signature, and the signature closes the notice item', () => {
    const c = buildFromTexts([
      {
        name: 'notice.txt',
        text: [
          '某市人民政府办公室关于印发某市基层医疗能力提升行动方案的通知',
          '某政办发〔2022〕7号',
          '各区人民政府：',
          '一、充分认识重要意义。各区要高度重视。',
          '二、切实抓好落实。各区要结合实际制定方案。',
          '某市人民政府办公室',
          '2022年3月1日',
          '某市基层医疗能力提升行动方案',
          '一、工作目标',
          '到2024年，全市社区卫生服务中心达到国家推荐标准的比例达到50%以上。',
          '二、重点任务',
          '（一）加强能力建设。每个街道至少建成1个社区医院。',
        ].join('\n'),
      },
    ]).catalogue;
    expect(c.documents[0].date).toBe('2022-03-01');
    expect(only(c.targets, '50%以上')).toMatchObject({ deadline: '2024', path: ['一、'] });
    expect(only(c.targets, '1个社区医院')).toMatchObject({ comparator: '>=', path: ['二、', '（一）'] });
    const notice = c.tasks.find((t) => t.title === '切实抓好落实')!;
    expect(notice.text).not.toContain('某市人民政府办公室');
  });
});

describe('milestones whose date follows the commitment', () => {
  it('reads "…，2022年底前完成" and "（完成时限：2022年6月底前）"', () => {
    const c = build(
      [
        '一、重点任务',
        '（一）完善制度。制定家庭医生签约服务规范，2022年底前完成。',
        '（二）建设平台。建成全民健康信息平台（完成时限：2022年6月底前）。',
      ].join('\n'),
    );
    expect(only(c.targets, '签约服务规范')).toMatchObject({ comparator: 'milestone', deadline: '2022' });
    expect(only(c.targets, '全民健康信息平台')).toMatchObject({
      comparator: 'milestone',
      deadline: '2022-06',
    });
  });
});

describe('a national 意见 in the style of 健康中国行动', () => {
  const c = perTest(
    () =>
      buildFromTexts([
        {
          name: 'jkzg.txt',
          text: [
            '国务院关于实施健康中国行动的意见',
            '国发〔2019〕13号',
            '一、主要目标',
            '（一）健康水平。到2022年，居民健康素养水平不低于22%，到2030年不低于30%。婴儿死亡率、5岁以下儿童死亡率分别控制在7.5‰及以下和9.5‰及以下。',
            '（二）服务能力。每千常住人口执业（助理）医师数达到2.6人，力争实现80%以上的县级医院达到三级医院服务能力。',
            '（三）产业发展。健康服务业总规模于2030年超过16万亿元，年均增长10%以上。',
            '国务院',
            '2019年6月24日',
          ].join('\n'),
        },
      ]).catalogue,
  );

  it('gives each figure of a sentence its own deadline and reads 分别, 及以下, 于2030年, 万亿元', () => {
    const pick = (v: number) => c.targets.find((t) => t.value === v)!;
    expect(pick(22)).toMatchObject({ comparator: '>=', deadline: '2022' });
    expect(pick(30)).toMatchObject({ comparator: '>=', deadline: '2030' });
    expect(pick(7.5)).toMatchObject({ comparator: '<=', unit: '‰' });
    expect(pick(9.5)).toMatchObject({ comparator: '<=', unit: '‰' });
    expect(c.targets.some((t) => t.value === 5 && t.unit === '岁')).toBe(false);
    expect(pick(2.6)).toMatchObject({ comparator: '>=', unit: '人', perUnit: '每千常住人口' });
    expect(pick(80)).toMatchObject({ comparator: '>=', unit: '%' });
    expect(pick(16)).toMatchObject({
      comparator: '>',
      unit: '万亿元',
      normalizedValue: 1.6e13,
      baseUnit: '元',
      deadline: '2030',
    });
    expect(pick(10)).toMatchObject({ comparator: '>=', perYear: false, deadline: '2030' });
  });
});

describe('years before the document date', () => {
  it('a figure after a past year is a fact, not a target', () => {
    const c = build(
      [
        '一、发展基础',
        '（一）主要成就。2020年，全省卫生总费用达到1200亿元，每千人口床位数达到6.5张。',
        '二、主要目标',
        '（一）总体目标。到2025年，每千人口床位数达到7.2张。',
      ].join('\n'),
    );
    expect(c.targets.map((t) => [t.value, t.deadline])).toEqual([[7.2, '2025']]);
  });
});
