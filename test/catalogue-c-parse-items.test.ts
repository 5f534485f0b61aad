/**
 * parseDocument on short 工作方案 written for this test: an item's note and the time limit it states
 * (dating the figures before it, or making the item a milestone), an item's own text, the preamble's
 * bounds, a 主要指标 table under its heading, and task-table rows with and without a 完成时限.
 * Every expected value is read off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';

const HEAD = ['某县卫生健康工作方案', '某县卫生健康局', '2023年3月1日'];
const parse = (...lines: string[]) => parseDocument([...HEAD, ...lines].join('\n'), '方案.txt');
const brief = (doc: ReturnType<typeof parse>) =>
  doc.targets.map((t) => ({ quote: t.quote, comparator: t.comparator, deadline: t.deadline, lead: t.lead }));

describe('an item’s note with a time limit', () => {
  it('dates the figures before it that have no date, not those after it', () => {
    const doc = parse(
      '一、重点任务',
      '（一）加强基层。建成社区医院10家，乡镇卫生院达标率达到90%（县卫健委负责，2023年底前完成）。培训医生100人。',
    );
    expect(brief(doc)).toEqual([
      { quote: '建成社区医院10家', comparator: '=', deadline: '2023', lead: ['县卫健委'] },
      { quote: '乡镇卫生院达标率达到90%', comparator: '>=', deadline: '2023', lead: ['县卫健委'] },
      { quote: '培训医生100人', comparator: '=', deadline: null, lead: ['县卫健委'] },
    ]);
  });

  it('makes an item with no figure a milestone: its last sentence before the note', () => {
    const doc = parse(
      '一、重点任务',
      '（一）完善制度。加强组织领导。建立健全绩效考核制度，推动工作落实。（县卫健委负责，2023年6月底前完成）',
    );
    expect(doc.targets.map((t) => [t.quote, t.indicator, t.comparator, t.deadline, t.lead])).toEqual([
      [
        '建立健全绩效考核制度，推动工作落实。',
        '建立健全绩效考核制度，推动工作落实',
        'milestone',
        '2023-06',
        ['县卫健委'],
      ],
    ]);
  });

  it('makes no milestone when the note states no date', () => {
    const doc = parse('一、重点任务', '（一）做好宣传。加强政策宣传解读。（县委宣传部负责，长期坚持）');
    expect(doc.targets).toEqual([]);
    expect(doc.tasks.map((t) => [t.title, t.text, t.lead])).toEqual([
      ['做好宣传', '加强政策宣传解读。', ['县委宣传部']],
    ]);
  });
});

describe('an item’s own text', () => {
  it('drops a dash before its title, the indent of its lines and blank lines', () => {
    const doc = parse('一、重点任务', '（一）——强化保障。', '　　各乡镇要落实经费。', '', '　　加强督导。');
    expect(doc.tasks.map((t) => [t.title, t.text])).toEqual([['强化保障', '各乡镇要落实经费。\n加强督导。']]);
  });
});

describe('the preamble', () => {
  it('is read after the date line, never in the header lines above it', () => {
    const doc = parseDocument(
      [
        '某县卫生健康工作方案',
        '全县新建卫生院100所文件',
        '某县卫生健康局',
        '2023年3月1日',
        '为做好工作，到2025年全县家庭医生签约率达到75%。',
        '一、重点任务',
        '（一）加强基层。完善基层服务。',
      ].join('\n'),
      '方案.txt',
    );
    expect(doc.targets.map((t) => [t.quote, t.path, t.taskId])).toEqual([
      ['到2025年全县家庭医生签约率达到75%', [], null],
    ]);
  });
});

describe('tables inside the body', () => {
  const doc = () =>
    parse(
      '一、主要指标',
      '指标\t2022年\t2025年',
      '孕产妇死亡率（/10万）\t12\t≤10',
      '二、项目清单',
      '项目\t建设内容\t责任单位\t完成时限',
      '村卫生室\t改造村卫生室20个\t县卫健委\t2024年底前',
      '信息化\t建设信息平台\t县卫健委\t2024年6月',
      '制度\t完善制度\t县医保局\t',
    );

  it('reads a 主要指标 row under its heading, in the task of that heading', () => {
    const d = doc();
    const [t] = d.targets;
    expect([t.indicator, t.comparator, t.value, t.deadline, t.path]).toEqual([
      '孕产妇死亡率',
      '<=',
      10,
      '2025',
      ['一、'],
    ]);
    const task = d.tasks.find((x) => x.id === t.taskId);
    expect(task?.title).toBe('主要指标');
  });

  it('reads a row’s figure with the row’s date, a dated row without one as a milestone, an undated one as neither', () => {
    const rows = doc().targets.filter((t) => t.path[0] === '二、');
    expect(rows.map((t) => [t.quote, t.comparator, t.value, t.deadline, t.lead])).toEqual([
      ['改造村卫生室20个', '=', 20, '2024', ['县卫健委']],
      ['建设信息平台', 'milestone', null, '2024-06', ['县卫健委']],
    ]);
  });
});
