/**
 * A second 工作方案 read end to end (parseDocument), for the parts of the reading the first one leaves
 * open: a document with no 文号 named after its title, stages dated without a year or across two
 * years, a responsibility sentence with 牵头负责, a note's time limit dating only the figures that have
 * none, a doer named inside an item, a 主要指标 table and a task table inside the body, and a table in
 * the preamble whose figures are read row by row rather than as preamble goals.
 * The text is written for this test; every expected value is read off it by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';

const TEXT = [
  '某市医疗保障服务提升工作方案',
  '某市医疗保障局',
  '2023年3月1日',
  '为提升医疗保障服务水平，制定本方案。',
  '一、主要目标',
  '到2025年，全市基本医疗保险参保率稳定在95%以上。',
  '指标\t2022年\t2025年',
  '异地就医直接结算率（%）\t60\t80',
  '二、重点任务',
  '（一）提升经办服务。　医保经办大厅全部实现“一窗通办”，线上办理率达到80%。到2024年底，医保服务站覆盖率达到100%。（市医保局负责，2023年底前完成）',
  '（二）加强基金监管。由市医保局牵头负责，市卫健委、市公安局协助。每年开展专项检查2次。',
  '（三）推进支付方式改革。市卫健委要指导医疗机构在年底前接入平台率达到90%。（市医保局负责）',
  '（四）完善项目清单。',
  '序号\t项目名称\t建设内容\t责任单位\t完成时限',
  '1\t1.经办大厅改造\t改造大厅5个\t市医保局\t2023年',
  '三、实施步骤',
  '（一）准备阶段（7月底前）',
  '（二）推进阶段（2023年10月至2024年6月）',
  '（三）总结阶段（2024年13月）',
  '',
].join('\n');

const parsed = () => parseDocument(TEXT, '医保工作方案.txt');
const targetOf = (quote: string) => {
  const t = parsed().targets.find((x) => x.quote.includes(quote));
  if (!t) throw new Error(`no target quoting ${quote}`);
  return t;
};

describe('a 工作方案 without 文号', () => {
  it('is named after its title, its id made from the title', () => {
    const { document, warnings } = parsed();
    expect(document).toMatchObject({
      title: '某市医疗保障服务提升工作方案',
      docNumber: null,
      source: '医保工作方案.txt',
    });
    expect(document.id).toMatch(/^doc-[0-9a-f]{8}$/);
    expect(warnings).toEqual([]);
  });

  it('reads the 主要目标 sentence and the indicator table under that heading', () => {
    expect(targetOf('参保率')).toMatchObject({
      path: ['一、'],
      comparator: '>=',
      value: 95,
      unit: '%',
      deadline: '2025',
    });
    expect(targetOf('异地就医')).toMatchObject({
      path: ['一、'],
      indicator: '异地就医直接结算率',
      comparator: '=',
      value: 80,
      unit: '%',
      deadline: '2025',
    });
  });
});

describe('items', () => {
  it('keep their text without the title, the note or the indent, and date only the figures without a date of their own', () => {
    const task = parsed().tasks.find((t) => t.path.join() === '二、,（一）');
    expect(task).toMatchObject({
      title: '提升经办服务',
      lead: ['市医保局'],
      participants: [],
      origin: 'text',
    });
    expect(task?.text).toBe(
      '医保经办大厅全部实现“一窗通办”，线上办理率达到80%。到2024年底，医保服务站覆盖率达到100%。',
    );
    expect(targetOf('线上办理率')).toMatchObject({ value: 80, deadline: '2023', lead: ['市医保局'] });
    expect(targetOf('覆盖率达到100%')).toMatchObject({ value: 100, deadline: '2024' });
  });

  it('take a responsibility said as 由…牵头负责, …协助', () => {
    const task = parsed().tasks.find((t) => t.path.join() === '二、,（二）');
    expect([task?.lead, task?.participants]).toEqual([['市医保局'], ['市卫健委', '市公安局']]);
    expect(targetOf('专项检查')).toMatchObject({ value: 2, perYear: true, lead: ['市医保局'] });
  });

  it('give a figure to the body its sentence names, over the item’s note', () => {
    expect(targetOf('接入平台率')).toMatchObject({ value: 90, lead: ['市卫健委'], participants: [] });
    const task = parsed().tasks.find((t) => t.path.join() === '二、,（三）');
    expect(task?.lead).toEqual(['市医保局']);
  });
});

describe('a task table inside an item', () => {
  it('belongs to the item, each row a task under its 序号, titled by its project without the numbering', () => {
    const rows = parsed().tasks.filter((t) => t.origin === 'table');
    expect(rows.map((t) => [t.path, t.title, t.text, t.lead])).toEqual([
      [['二、', '（四）', '1', '1.'], '经办大厅改造', '改造大厅5个', ['市医保局']],
    ]);
    expect(targetOf('改造大厅5个')).toMatchObject({ value: 5, deadline: '2023', lead: ['市医保局'] });
  });
});

describe('stages dated in their headings', () => {
  it('end in the document year without a year, in the later year across two, and not at all in month 13', () => {
    const stages = parsed().targets.filter((t) => t.path[0] === '三、');
    expect(stages.map((t) => [t.quote, t.comparator, t.deadline])).toEqual([
      ['准备阶段（7月底前）', 'milestone', '2023-07'],
      ['推进阶段（2023年10月至2024年6月）', 'milestone', '2024-06'],
    ]);
  });
});

describe('smaller texts', () => {
  it('take the file name, without its extension, as the title of a text with no title line', () => {
    const { document } = parseDocument('一、主要目标\n到2025年，参保率达到95%。\n', '医保方案.2023.txt');
    expect(document.title).toBe('医保方案.2023');
  });

  it('date by a note only the figures before it', () => {
    const text = [
      '某市医保服务方案',
      '一、重点任务',
      '（一）提升经办服务。线上办理率达到80%（市医保局负责，2023年底前完成）。另有医保服务站覆盖率达到90%。',
      '',
    ].join('\n');
    const { targets } = parseDocument(text, '方案.txt');
    expect(targets.map((t) => [t.value, t.deadline])).toEqual([
      [80, '2023'],
      [90, null],
    ]);
  });

  it('link a figure restated after 即 with the figure it restates', () => {
    const text = [
      '某市人口发展方案',
      '一、主要目标',
      '到2025年，全市出生缺陷发生率控制在1.5‰，即不超过410人。',
      '',
    ].join('\n');
    const { targets } = parseDocument(text, '方案.txt');
    expect(targets.map((t) => t.value)).toEqual([1.5, 410]);
    expect(targets[0].linked).toEqual([targets[1].id]);
    expect(targets[1].linked).toEqual([targets[0].id]);
  });
});

describe('who does an item', () => {
  it('follows a 下同 rule into later items: the first named leads', () => {
    const text = [
      '某市教育发展方案',
      '一、重点任务',
      '（一）扩大学前教育资源。新建幼儿园10所。（市教育局、市财政局负责，排第一位为牵头部门，下同）',
      '（二）加强教师队伍建设。培训教师500人次。（市人社局、市教育局负责）',
      '',
    ].join('\n');
    const { tasks } = parseDocument(text, '方案.txt');
    expect(tasks.map((t) => [t.title, t.lead, t.participants])).toEqual([
      ['扩大学前教育资源', ['市教育局'], ['市财政局']],
      ['加强教师队伍建设', ['市人社局'], ['市教育局']],
    ]);
  });

  it('gives a figure to a body named at the start of its sentence, across a semicolon', () => {
    const text = [
      '某市卫生方案',
      '一、重点任务',
      '（一）加强疾病防控。市卫生健康局要完善监测网络；确保报告及时率达到95%。（市卫健委负责）',
      '',
    ].join('\n');
    const { targets } = parseDocument(text, '方案.txt');
    expect(targets.map((t) => [t.value, t.lead])).toEqual([[95, ['市卫生健康局']]]);
  });
});
