/**
 * General patterns of the genre (实施意见 / 实施方案 / 工作方案 / 规划纲要) that the seeds do not show, each with
 * counter-examples. The passages are short texts written for these tests in the style of such documents; none is
 * taken from the genre test set.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTexts } from '../src/core/catalogue/index.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { perTest } from './helpers/per-test.js';

const HEADER = '某省人民政府办公厅关于推进某项工作的实施意见\n某政办发〔2022〕3号\n各市（州）人民政府：\n';

/** The catalogue of one document, built inside each test that reads it (helpers/per-test.ts). */
function build(body: string, date = '2022年3月9日'): Catalogue {
  return perTest(
    () =>
      buildFromTexts([{ name: 'doc.txt', text: `${HEADER}${body}\n某省人民政府办公厅\n${date}\n` }])
        .catalogue,
  );
}

function only(targets: Target[], snippet: string): Target {
  const hits = targets.filter((t) => t.quote.includes(snippet));
  expect(hits, `one target quoting ${snippet}`).toHaveLength(1);
  return hits[0];
}

function none(targets: Target[], snippet: string): void {
  expect(targets.filter((t) => t.quote.includes(snippet)).map((t) => t.quote)).toEqual([]);
}

describe('sub-items （1）（2） under an item whose line holds only its title', () => {
  const c = build(
    [
      '一、重点任务',
      '（一）健全服务网络。',
      '1．推进医养结合机构建设。',
      '（1）每个县（市、区）至少建成1所医养结合机构，2024年底前实现乡镇全覆盖。（省卫生健康委负责，省民政厅参与）',
      '（2）支持社会力量举办护理院，至少举办1期管理人员培训班。（省民政厅负责）',
      '（3）规范服务管理。建立健全服务规范。（省民政厅负责）',
      '2．加强队伍建设。完善培训制度。',
    ].join('\n'),
  );

  it('keeps the sub-item sentence as the task body and reads its figures and dates', () => {
    const t1 = c.tasks.find((t) => t.path.join('/') === '一、/（一）/1．/（1）')!;
    expect(t1.title).toBe('每个县（市、区）至少建成1所医养结合机构，2024年底前实现乡镇全覆盖');
    expect(t1.text).toContain('2024年底前实现乡镇全覆盖');
    expect(only(c.targets, '至少建成1所')).toMatchObject({
      comparator: '>=',
      value: 1,
      unit: '所',
      lead: ['省卫生健康委'],
      participants: ['省民政厅'],
    });
    expect(only(c.targets, '2024年底前实现乡镇全覆盖')).toMatchObject({
      comparator: '=',
      value: 100,
      unit: '%',
      deadline: '2024',
    });
    expect(only(c.targets, '至少举办1期')).toMatchObject({
      comparator: '>=',
      value: 1,
      unit: '期',
      lead: ['省民政厅'],
    });
  });

  it('a short title sentence of a sub-item stays its title', () => {
    const t3 = c.tasks.find((t) => t.path.join('/') === '一、/（一）/1．/（3）')!;
    expect(t3).toMatchObject({ title: '规范服务管理', text: '建立健全服务规范。', lead: ['省民政厅'] });
  });
});

describe('one-sentence items and items opening with a year', () => {
  const c = build(
    [
      '一、重点任务',
      '1．推进村卫生室建设。',
      '（1）新建村卫生室10家。（县卫生健康局负责）',
      '（2）2023年底前完成村卫生室标准化改造。（县卫生健康局负责，各乡镇人民政府配合）',
      '2．2024年6月底前完成县域医共体信息平台建设。（县卫生健康局负责）',
      '3．全县每千人口床位数达到6张。',
      '4．加强监管。床位使用率不低于1.5%的机构纳入监测。',
    ].join('\n'),
  );

  it('a sub-item written as one sentence with a figure keeps the figure', () => {
    expect(only(c.targets, '新建村卫生室10家')).toMatchObject({
      value: 10,
      unit: '家',
      lead: ['县卫生健康局'],
    });
    expect(only(c.targets, '每千人口床位数达到6张')).toMatchObject({
      comparator: '>=',
      value: 6,
      perUnit: '每千人口',
    });
  });

  it('"（2）2023年…" and "2．2024年…" are items, not figures', () => {
    expect(c.tasks.map((t) => t.path.join('/'))).toEqual([
      '一、/1．/（1）',
      '一、/1．/（2）',
      '一、/2．',
      '一、/3．',
      '一、/4．',
    ]);
    expect(only(c.targets, '2023年底前完成村卫生室标准化改造')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023',
      lead: ['县卫生健康局'],
      participants: ['各乡镇人民政府'],
    });
    expect(only(c.targets, '2024年6月底前完成')).toMatchObject({
      comparator: 'milestone',
      deadline: '2024-06',
      lead: ['县卫生健康局'],
    });
  });
});

describe('dates of the genre', () => {
  const c = build(
    [
      '一、重点任务',
      '1．完善配套政策。本方案印发后3个月内，各市州出台配套文件。（省医保局负责）',
      '2．推进支付改革。自本意见印发之日起6个月内完成按病种付费改革，印发后30日内各地报送实施细则。（省医保局负责）',
      '3．开展评估。每年培训基层骨干医生200人，2024年开展中期评估，2025年开展总结评估。（省卫生健康委负责）',
      '4．加快项目建设。年内完成3家乡镇卫生院改造，明年6月底前建成胸痛中心。',
      '5．推进信息化。2023年完成县域健康信息平台升级，2024年实现电子健康档案开放率不低于60%。',
      '6．提升能力。县级医院服务能力达标率达到90%，2025年底前完成。',
      '7．推进改革。每年3月底前报送上年度工作总结。',
    ].join('\n'),
  );

  it('resolves "印发后N个月内" and "印发之日起N个月内" against the 成文日期, never as a count', () => {
    expect(only(c.targets, '印发后3个月内')).toMatchObject({
      comparator: 'milestone',
      deadline: '2022-06',
      lead: ['省医保局'],
    });
    expect(only(c.targets, '印发之日起6个月内')).toMatchObject({
      comparator: 'milestone',
      deadline: '2022-09',
    });
    expect(only(c.targets, '印发后30日内')).toMatchObject({ comparator: 'milestone', deadline: '2022-04' });
    expect(c.targets.filter((t) => t.unit === '个月' || t.unit === '日')).toEqual([]);
  });

  it('a year opening a later clause is a milestone of its own and is not the deadline of the figure before it', () => {
    expect(only(c.targets, '200人')).toMatchObject({ value: 200, perYear: true, deadline: null });
    expect(only(c.targets, '2024年开展中期评估')).toMatchObject({
      comparator: 'milestone',
      deadline: '2024',
    });
    expect(only(c.targets, '2025年开展总结评估')).toMatchObject({
      comparator: 'milestone',
      deadline: '2025',
    });
    expect(only(c.targets, '2023年完成县域健康信息平台升级')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023',
    });
    expect(only(c.targets, '开放率不低于60%')).toMatchObject({
      comparator: '>=',
      value: 60,
      deadline: '2024',
    });
  });

  it('months without a year: 明年6月底前, 年内; a date closing a clause governs the figure before it', () => {
    expect(only(c.targets, '明年6月底前建成胸痛中心')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023-06',
    });
    expect(only(c.targets, '年内完成3家')).toMatchObject({ value: 3, unit: '家', deadline: '2022' });
    expect(only(c.targets, '达标率达到90%')).toMatchObject({ comparator: '>=', value: 90, deadline: '2025' });
    expect(c.targets.filter((t) => t.quote.includes('2025年底前完成'))).toHaveLength(0);
    // a yearly routine ("每年3月底前报送") is not a dated commitment of the document's year
    none(c.targets, '每年3月底前');
  });
});

describe('figures of the genre', () => {
  const c = build(
    [
      '一、主要目标',
      '到2025年，全省每千人口执业（助理）医师数达到3.2人，居民健康素养水平提高到百分之三十，健康服务业总规模达到1.2万亿元，县域就诊率较2020年提高5个百分点，个人卫生支出占卫生总费用比重降低到26%以下，婴儿死亡率控制在5‰以内，人均预期寿命达到79岁，护理院分级评价达到4级，标准化建设达标率保持在100%，全省卫生总费用翻一番。',
      '二、重点任务',
      '1．做好妇幼健康。0—36个月儿童健康管理率达到85%以上，基本公共卫生服务经费提高到每人每年94元，孕产妇系统管理率达到90%。（省卫生健康委负责）',
      '2．推进项目建设。推进县人民医院二期工程建设，3期项目同步规划。（省发展改革委负责）',
    ].join('\n'),
  );

  it('reads 百分之X, 万亿元, 个百分点 with a base year, 降低到, 控制在, 级, 保持在, 翻一番', () => {
    expect(only(c.targets, '百分之三十')).toMatchObject({
      comparator: '>=',
      value: 30,
      unit: '%',
      deadline: '2025',
    });
    expect(only(c.targets, '1.2万亿元')).toMatchObject({
      comparator: '>=',
      value: 1.2,
      unit: '万亿元',
      normalizedValue: 1.2e12,
      baseUnit: '元',
    });
    // the base year of a comparison ("较2020年") is not the deadline; the paragraph's 到2025年 is
    expect(only(c.targets, '提高5个百分点')).toMatchObject({ value: 5, unit: '个百分点', deadline: '2025' });
    expect(only(c.targets, '26%以下')).toMatchObject({ comparator: '<=', value: 26 });
    expect(only(c.targets, '5‰以内')).toMatchObject({ comparator: '<=', value: 5, unit: '‰' });
    expect(only(c.targets, '79岁')).toMatchObject({ comparator: '>=', value: 79, unit: '岁' });
    expect(only(c.targets, '4级')).toMatchObject({ comparator: '>=', value: 4, unit: '级' });
    expect(only(c.targets, '保持在100%')).toMatchObject({ comparator: '=', value: 100, unit: '%' });
    expect(only(c.targets, '翻一番')).toMatchObject({
      comparator: '>=',
      value: 2,
      unit: '倍',
      deadline: '2025',
    });
  });

  it('an age qualifier is not a range, and 每人每年 does not make the next clause annual', () => {
    expect(only(c.targets, '0—36个月儿童')).toMatchObject({
      comparator: '>=',
      value: 85,
      unit: '%',
      valueMax: null,
    });
    expect(c.targets.filter((t) => t.comparator === 'range')).toEqual([]);
    expect(only(c.targets, '每人每年94元')).toMatchObject({ value: 94, unit: '元', perYear: true });
    expect(only(c.targets, '孕产妇系统管理率')).toMatchObject({ value: 90, perYear: false });
  });

  it('a phase of a project (二期工程, 3期项目) is not a count', () => {
    none(c.targets, '二期工程');
    none(c.targets, '3期项目');
  });
});

describe('baselines, coverage and stray line breaks', () => {
  const c = build(
    [
      '一、总体要求',
      '到2025年，全省养老服务体系基本建成，医养结合服务全面覆盖城乡。',
      '截至2021年底，全省共有养老机构2100家。95.2%的乡镇卫生院、90.1%的社区卫生服务中心能够提供医养结合服务。到2025年，护理型床位占比达到55%。',
      '二、重点任务',
      '1．建设社区医院。到2024年，',
      '新改扩建社区卫生服务中心12所，',
      '建成社区医院20家。（牵头单位：市卫生健康委；配合单位：各区政府）',
      '2．推进紧密型医共体建设。到2024年实现紧密型县域医共体全覆盖。',
    ].join('\n'),
  );

  it('a baseline paragraph reports facts until a sentence commits to something', () => {
    none(c.targets, '2100家');
    none(c.targets, '95.2%');
    expect(only(c.targets, '55%')).toMatchObject({ comparator: '>=', value: 55, deadline: '2025' });
  });

  it('全面覆盖 is a direction (a milestone when dated), only 全覆盖 is 100 %', () => {
    const goal = c.targets.filter(
      (t) => t.quote.includes('养老服务体系基本建成') || t.quote.includes('全面覆盖城乡'),
    );
    expect(goal.map((t) => [t.comparator, t.deadline])).toEqual([['milestone', '2025']]);
    expect(only(c.targets, '医共体全覆盖')).toMatchObject({
      comparator: '=',
      value: 100,
      unit: '%',
      deadline: '2024',
    });
  });

  it('a sentence broken over lines stays one task, with its note and its deadline', () => {
    const items = c.tasks.filter((t) => t.path.join('/') === '二、/1．');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ lead: ['市卫生健康委'], participants: ['各区政府'] });
    expect(only(c.targets, '12所')).toMatchObject({ value: 12, deadline: '2024', lead: ['市卫生健康委'] });
    expect(only(c.targets, '20家')).toMatchObject({ value: 20, deadline: '2024', lead: ['市卫生健康委'] });
    expect(only(c.targets, '12所').quote.startsWith('新改扩建')).toBe(true);
  });
});

describe('a tab table inside a numbered item', () => {
  const table = [
    '序号\t项目类别\t项目名称\t建设内容\t完成时限\t责任单位\t配合单位',
    '1\t医疗服务\t县人民医院迁建\t新建业务用房5万平方米\t2024年12月底前\t县卫生健康局\t县发改局',
    '2\t\t县中医院改造\t通过三级中医医院评审\t2025年6月底前\t\t',
    '3\t公共卫生\t疾控中心建设\t完成主体结构封顶\t2024年9月底前\t县疾控中心\t县住建局',
    '4\t\t急救站点\t新建急救站点3个\t2023年底前\t县卫生健康局\t',
  ];
  const c = build(
    [
      '一、重点任务',
      '1．推进县域医共体建设。完善医共体管理制度。（县卫生健康局负责）',
      '2．实施重点项目建设。具体项目安排如下：',
      '重点项目安排表',
      ...table,
      '3．加强人才队伍建设。每年招引医学类人才不少于30名。（县委组织部负责，县人力社保局配合）',
    ].join('\n'),
  );

  it('reads each row once, with the 完成时限 as deadline, never again as prose of the item', () => {
    expect(only(c.targets, '5万平方米')).toMatchObject({
      value: 5,
      unit: '万平方米',
      deadline: '2024-12',
      lead: ['县卫生健康局'],
    });
    expect(only(c.targets, '新建急救站点3个')).toMatchObject({ value: 3, unit: '个', deadline: '2023' });
    for (const t of c.targets) expect(t.quote).not.toContain('\t');
    const item = c.tasks.find((t) => t.path.join('/') === '一、/2．' && t.origin === 'text')!;
    expect(item.text).not.toContain('\t');
  });

  it('a dated row with no figure is a milestone', () => {
    expect(only(c.targets, '通过三级中医医院评审')).toMatchObject({
      comparator: 'milestone',
      deadline: '2025-06',
    });
    expect(only(c.targets, '完成主体结构封顶')).toMatchObject({
      comparator: 'milestone',
      deadline: '2024-09',
      lead: ['县疾控中心'],
    });
  });

  it('empty category and unit cells continue the row above; rows sit under the item', () => {
    const rows = c.tasks.filter((t) => t.origin === 'table');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ title: '医疗服务', lead: ['县卫生健康局'], participants: ['县发改局'] });
    expect(rows[1].path.slice(0, 2)).toEqual(['一、', '2．']);
    expect(rows[3]).toMatchObject({ title: '公共卫生', lead: ['县卫生健康局'] });
  });
});

describe('headers and future 截至 dates', () => {
  it('a title split after the issuing body keeps the body; 发文字号 with round brackets gives the id', () => {
    const text = [
      '湖南省人民政府办公厅',
      '关于推进医养结合发展的',
      '实施意见',
      '湘政办发（2023）5号',
      '各市州人民政府：',
      '一、总体要求',
      '到2025年，建成医养结合服务体系。',
      '湖南省人民政府办公厅',
      '2023年4月2日',
    ].join('\n');
    const d = buildFromTexts([{ name: 'x.txt', text }]).catalogue.documents[0];
    expect(d).toMatchObject({
      id: '湘政办发-2023-5',
      title: '湖南省人民政府办公厅关于推进医养结合发展的实施意见',
      issuer: '湖南省人民政府办公厅',
      date: '2023-04-02',
    });
  });

  it('"截至" a year after the document sets a deadline; "截至" a past year stays a baseline', () => {
    const c = build(
      [
        '一、主要目标',
        '截至2025年底，全省二级以上公立医院电子病历应用水平达到4级以上。',
        '截至2021年底，全省电子病历应用水平达到3级的医院有120家。',
        '到2025年，孕产妇死亡率和婴儿死亡率分别控制在10/10万和5‰以下，高血压、糖尿病患者规范管理率分别达到65%、60%。',
        '于2023年12月31日前完成全部改造任务。',
      ].join('\n'),
    );
    expect(only(c.targets, '4级以上')).toMatchObject({
      comparator: '>=',
      value: 4,
      unit: '级',
      deadline: '2025',
    });
    none(c.targets, '截至2021年底');
    expect(
      c.targets.filter((t) => t.quote.includes('分别控制在')).map((t) => [t.comparator, t.value, t.unit]),
    ).toEqual([
      ['<=', 10, '/10万'],
      ['<=', 5, '‰'],
    ]);
    expect(c.targets.filter((t) => t.quote.includes('分别达到')).map((t) => [t.comparator, t.value])).toEqual(
      [
        ['>=', 65],
        ['>=', 60],
      ],
    );
    expect(only(c.targets, '2023年12月31日前')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023-12',
    });
  });
});

describe('notes that also state a time limit', () => {
  const c = build(
    [
      '一、重点任务',
      '1．建设胸痛中心。推动县级医院建成胸痛中心、卒中中心。（牵头单位：县卫生健康局；配合单位：县医保局；完成时限：2023年12月底前）',
      '2．完善双向转诊。建立双向转诊制度。（市卫生健康委牵头，市财政局配合，2022年底前完成）',
      '3．加强质控。建设质控中心10个。（责任单位：县卫生健康局，完成时间：2024年底）',
      '4．持续改善服务。优化就医流程。（县卫生健康局负责，持续推进）',
    ].join('\n'),
  );

  it('the time part is not a unit', () => {
    expect(c.tasks.map((t) => [t.lead, t.participants])).toEqual([
      [['县卫生健康局'], ['县医保局']],
      [['市卫生健康委'], ['市财政局']],
      [['县卫生健康局'], []],
      [['县卫生健康局'], []],
    ]);
  });

  it('the time part dates the item: a milestone without a figure, the deadline of a figure', () => {
    expect(only(c.targets, '推动县级医院建成胸痛中心')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023-12',
      lead: ['县卫生健康局'],
    });
    expect(only(c.targets, '建立双向转诊制度')).toMatchObject({ comparator: 'milestone', deadline: '2022' });
    expect(only(c.targets, '建设质控中心10个')).toMatchObject({ value: 10, unit: '个', deadline: '2024' });
    none(c.targets, '优化就医流程');
  });
});

describe('"1）" items, 力争N年内, 翻番, 百分之百', () => {
  const c = build(
    [
      '一、重点任务',
      '1．强化基层。',
      '1）力争3年内实现村卫生室全覆盖。',
      '2）城乡居民医保人均财政补助标准提高到每人每年610元。',
      '2．促进产业。到2025年，中医药产业产值实现翻番，居民健康素养水平达到百分之百。',
      '3．加强队伍。在岗3年内的医生全部参加规范化培训。',
    ].join('\n'),
  );

  it('reads "1）" as the lowest item level', () => {
    expect(c.tasks.map((t) => t.path.join('/'))).toEqual([
      '一、/1．/1）',
      '一、/1．/2）',
      '一、/2．',
      '一、/3．',
    ]);
  });

  it('resolves 力争N年内 against the document year; 在岗N年内 is a qualifier, not a date', () => {
    expect(only(c.targets, '力争3年内')).toMatchObject({
      comparator: '=',
      value: 100,
      unit: '%',
      deadline: '2025',
    });
    none(c.targets, '在岗3年内');
  });

  it('reads 翻番 as twice and 百分之百 as 100 %', () => {
    expect(only(c.targets, '实现翻番')).toMatchObject({ value: 2, unit: '倍', deadline: '2025' });
    expect(only(c.targets, '百分之百')).toMatchObject({
      comparator: '>=',
      value: 100,
      unit: '%',
      deadline: '2025',
    });
  });
});

describe('【】 notes, at-least over a verb phrase, N次/年', () => {
  const c = build(
    [
      '一、重点任务',
      '1．开展巡回医疗。县级医院每年至少开展巡回医疗2次，乡镇卫生院随访不少于4次/年。【牵头单位：县卫生健康局；配合单位：县财政局】',
      '2．加强监测。监测点覆盖率达到95%以上。',
      '（责任单位：县疾控中心）',
      '3．规范诊疗。门诊处方抽查2次以上的机构纳入考核，全年组织培训3期。',
    ].join('\n'),
  );

  it('a 【】 note is a responsibility note; a note on its own line closes the item above', () => {
    expect(c.tasks.map((t) => [t.lead, t.participants])).toEqual([
      [['县卫生健康局'], ['县财政局']],
      [['县疾控中心'], []],
      [[], []],
    ]);
    expect(c.tasks[0].text).not.toContain('【');
  });

  it('reads 至少 over a verb phrase and N次/年 as annual', () => {
    expect(only(c.targets, '巡回医疗2次')).toMatchObject({
      comparator: '>=',
      value: 2,
      unit: '次',
      perYear: true,
      lead: ['县卫生健康局'],
    });
    expect(only(c.targets, '4次/年')).toMatchObject({ comparator: '>=', value: 4, perYear: true });
    expect(only(c.targets, '培训3期')).toMatchObject({
      comparator: '=',
      value: 3,
      unit: '期',
      perYear: false,
    });
    // a qualifier ("抽查2次以上的机构") names who is meant
    none(c.targets, '抽查2次以上');
  });
});

describe('a 规划纲要 with chapters, sections and a 专栏 box', () => {
  const c = build(
    [
      '第一章 发展基础',
      '“十三五”以来，全省健康服务业快速发展。2020年，全省健康服务业增加值达到1500亿元。',
      '第二章 总体要求',
      '第一节 发展目标',
      '到2025年，健康服务业增加值达到3000亿元左右，每千人口执业（助理）医师数达到3.4人。',
      '第三章 主要任务',
      '第一节 完善医疗服务体系',
      '1．建设区域医疗中心。建设3—5个省级区域医疗中心。',
      '2．提升县级医院能力。90%以上的县级医院达到二级甲等水平。',
      '专栏1 医疗服务能力提升工程',
      '01 区域医疗中心建设：建设5个省级区域医疗中心。',
      '02 县医院提标扩能：支持50个县级医院提标扩能。',
      '第二节 发展健康产业',
      '3．发展健康旅游。打造10个健康旅游示范基地。',
    ].join('\n'),
  );

  it('a past year reports a fact; the goals carry their year', () => {
    none(c.targets, '1500亿元');
    expect(only(c.targets, '3000亿元左右')).toMatchObject({
      comparator: '≈',
      value: 3000,
      normalizedValue: 3e11,
      deadline: '2025',
    });
  });

  it('a 专栏 box is a task of its own under the item above, with its figures', () => {
    const box = c.tasks.find((t) => t.title.startsWith('专栏1'))!;
    expect(box.path).toEqual(['第三章', '第一节', '2．']);
    const inBox = c.targets.filter((t) => t.taskId === box.id);
    expect(inBox.map((t) => [t.value, t.unit])).toEqual([
      [5, '个'],
      [50, '个'],
    ]);
    expect(c.tasks.find((t) => t.path.join('/') === '第三章/第二节/3．')).toBeDefined();
  });
});

describe('a goal paragraph followed by a list of targets', () => {
  const c = build(
    [
      '一、工作目标',
      '到2023年底，全县基本建成县域医疗卫生服务体系。具体目标：',
      '——县域就诊率达到90%以上；',
      '——基层就诊率达到65%以上；',
      '——每个乡镇卫生院至少有1名中医类别医师。',
      '群众满意度稳步提升。',
      '县级医院床位使用率达到85%。',
    ].join('\n'),
  );

  it('list lines after "具体目标：" share the paragraph deadline; a later paragraph does not', () => {
    expect(only(c.targets, '县域就诊率达到90%以上')).toMatchObject({
      comparator: '>=',
      value: 90,
      deadline: '2023',
    });
    expect(only(c.targets, '基层就诊率')).toMatchObject({ value: 65, deadline: '2023' });
    expect(only(c.targets, '至少有1名')).toMatchObject({ comparator: '>=', value: 1, deadline: '2023' });
    expect(only(c.targets, '县域就诊率').quote.startsWith('县域')).toBe(true);
    expect(only(c.targets, '床位使用率达到85%')).toMatchObject({ value: 85, deadline: null });
  });
});

describe('numbers written in characters', () => {
  it('reads 二〇二五年 as a year, 千分之五 as 5 ‰ and 二十所 as 20', () => {
    const c = build(
      ['一、主要目标', '到二〇二五年，婴儿死亡率降至千分之五以下，全省建成二级以上中医医院二十所。'].join(
        '\n',
      ),
    );
    expect(only(c.targets, '千分之五')).toMatchObject({
      comparator: '<=',
      value: 5,
      unit: '‰',
      deadline: '2025',
    });
    expect(only(c.targets, '二十所')).toMatchObject({ value: 20, unit: '所', deadline: '2025' });
    expect(c.targets).toHaveLength(2);
  });
});

describe('stages of a 工作方案 dated in their headings', () => {
  it('each dated stage is a milestone for its end; an undated heading is not', () => {
    const c = build(
      [
        '一、工作目标',
        '通过专项整治，规范医疗服务行为。',
        '二、实施步骤',
        '（一）动员部署阶段（2022年3月底前）。各地制定具体方案，开展宣传动员。',
        '（二）集中整治阶段（2022年4月—9月）。各地全面开展自查自纠，对发现的问题立行立改。',
        '（三）总结提升阶段（2022年10月至2023年6月）。各地总结经验，建立长效机制。',
        '（四）巩固成果（长期坚持）。各地持续开展监督检查。',
      ].join('\n'),
    );
    expect(c.targets.map((t) => [t.quote, t.comparator, t.deadline])).toEqual([
      ['动员部署阶段（2022年3月底前）', 'milestone', '2022-03'],
      ['集中整治阶段（2022年4月—9月）', 'milestone', '2022-09'],
      ['总结提升阶段（2022年10月至2023年6月）', 'milestone', '2023-06'],
    ]);
  });
});

describe('compound units', () => {
  it('keep what the figure is counted per: 微克/立方米, 万吨/日, 张/千人, 元/人, 万人次/年', () => {
    const c = build(
      [
        '一、主要目标',
        '到2025年，细颗粒物年均浓度控制在28微克/立方米以下，污水日处理能力达到12万吨/日，每千人口医疗机构床位达到7.2张/千人。',
        '二、重点任务',
        '（一）提高补助水平。基本公共卫生服务经费补助标准不低于95元/人，体育场馆年接待能力达到80万人次/年。（省财政厅负责）',
        '（二）落实奖补政策。对新建项目给予每个50万元奖补，补助标准为每人每月300元。（省财政厅负责）',
      ].join('\n'),
    );
    expect(only(c.targets, '28微克')).toMatchObject({ comparator: '<=', value: 28, unit: '微克/立方米' });
    expect(only(c.targets, '12万吨')).toMatchObject({ value: 12, unit: '万吨/日', normalizedValue: 12 });
    expect(only(c.targets, '7.2张')).toMatchObject({ comparator: '>=', value: 7.2, unit: '张/千人' });
    // a standard no lower than a level commits to it; a rate of a scheme ("标准为每人每月300元") does not
    expect(only(c.targets, '95元')).toMatchObject({ comparator: '>=', value: 95, unit: '元/人' });
    none(c.targets, '300元');
    none(c.targets, '50万元');
    // a figure per year is an annual figure
    expect(only(c.targets, '80万人次')).toMatchObject({ unit: '万人次/年', perYear: true });
  });
});

describe('recurring due dates and plan-period deadlines', () => {
  const c = build(
    [
      '一、工作目标',
      '“十五五”开局前，全省县域医共体实现紧密型运行。到“十四五”末，二级以上医院远程医疗覆盖率达到100%。',
      '二、工作要求',
      '（一）定期公布名单。每年6月底前公布年度示范机构名单，每季度末完成一次质量抽检。（省卫生健康委负责）',
      '（二）加强调度。每季度首月10日前报送上季度进展，每月5日前将工作情况报省卫生健康委汇总。（省卫生健康委负责）',
    ].join('\n'),
    '2022年7月15日',
  );

  it('"十五五"开局前 is the end of the plan before it; "十四五"末 the end of that plan', () => {
    expect(only(c.targets, '开局前')).toMatchObject({ comparator: 'milestone', deadline: '2025' });
    expect(only(c.targets, '远程医疗')).toMatchObject({ value: 100, deadline: '2025' });
  });

  it('a cycle is the period, and the deadline its first due date after the document date', () => {
    // dated 2022-07-15: June has passed, so the first 6月底 is in 2023; the quarter ends in September
    expect(only(c.targets, '每年6月底前')).toMatchObject({
      comparator: 'milestone',
      deadline: '2023-06',
      perYear: true,
      cycle: 'year',
    });
    expect(only(c.targets, '每季度末')).toMatchObject({ deadline: '2022-09', cycle: 'quarter' });
    expect(c.targets.filter((t) => !t.cycle).every((t) => t.cycle === undefined)).toBe(true);
  });

  it('recurring reports and returns organise the work: no milestone', () => {
    none(c.targets, '报送上季度进展');
    none(c.targets, '汇总');
  });
});

describe('the subject of the sentence as the doer', () => {
  const c = build(
    [
      '一、重点任务',
      '（一）改善环境。省生态环境厅要确保2025年地表水优良比例达到85%以上。',
      '（二）发展文化。省文化和旅游厅牵头，2025年建成乡镇综合文化站120个。',
      '（三）统筹医疗。省卫生健康委会同省医保局，到2025年实现检查结果互认率达到90%。',
      '（四）保障供水。各市（州）要在2024年底前完成农村供水改造300处。',
      '（五）推进改造。各市（州）要在2024年底前完成老旧小区改造200个。（省住房城乡建设厅负责）',
      '（六）完善设施。省交通运输厅要在2024年底前新建充电桩500个。（省发展改革委负责，省交通运输厅参与）',
      '（七）完善机制。2025年建成信息平台1个。',
    ].join('\n'),
  );

  it('a named body opening the sentence does it, with a 会同 partner taking part', () => {
    expect(only(c.targets, '85%').lead).toEqual(['省生态环境厅']);
    expect(only(c.targets, '120个').lead).toEqual(['省文化和旅游厅']);
    expect(only(c.targets, '90%')).toMatchObject({ lead: ['省卫生健康委'], participants: ['省医保局'] });
  });

  it('places addressed as a group do it only where no note names who does', () => {
    expect(only(c.targets, '300处').lead).toEqual(['各市（州）']);
    expect(only(c.targets, '200个').lead).toEqual(['省住房城乡建设厅']);
  });

  it('a subject the note already names keeps the note; a sentence without a subject has no doer', () => {
    expect(only(c.targets, '500个')).toMatchObject({
      lead: ['省发展改革委'],
      participants: ['省交通运输厅'],
    });
    expect(only(c.targets, '信息平台').lead).toEqual([]);
  });
});
