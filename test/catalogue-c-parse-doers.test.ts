/**
 * parseDocument on short 工作方案 written for this test: who does what a figure commits to (a doer
 * named in the figure's sentence against the item's note), "由…负责，…配合" sentences, stages dated in
 * their headings, a text that is only a task table, the two refusals, and how a target's id is made.
 * Every expected value is read off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';
import { contentHash } from '../src/core/catalogue/ids.js';
import { LuoshiError } from '../src/core/errors.js';

const lines = (...l: string[]) => l.join('\n');
const targetsOf = (text: string) => parseDocument(text, '方案.txt').targets;
const quoted = (text: string, part: string) => {
  const t = targetsOf(text).find((x) => x.quote.includes(part));
  if (!t) throw new Error(`no target quoting ${part}`);
  return t;
};

const DATED = ['某县卫生健康工作方案', '某县卫生健康局', '2023年3月1日'];

describe('the doer of a figure', () => {
  it('is a group of places named before a preamble goal (no item, no note)', () => {
    const text = lines(
      ...DATED,
      '为做好工作，制定本方案。各县（市、区）要确保到2025年家庭医生签约率达到75%。',
      '一、重点任务',
      '（一）加强基层。到2025年村卫生室覆盖率达到100%。',
    );
    expect(quoted(text, '签约率')).toMatchObject({ path: [], lead: ['各县（市、区）'], participants: [] });
  });

  it('is the bodies named in the sentence when the note names only one of them', () => {
    const text = lines(
      ...DATED,
      '一、重点任务',
      '（一）加强基层。县卫健委、县医保局要确保到2025年村卫生室覆盖率达到100%。（县卫健委负责）',
    );
    const [task] = parseDocument(text, '方案.txt').tasks;
    expect(task.lead).toEqual(['县卫健委']);
    expect(quoted(text, '覆盖率')).toMatchObject({ lead: ['县卫健委', '县医保局'], participants: [] });
  });

  it('is read after an inline list label "（1）"', () => {
    const text = lines(
      ...DATED,
      '一、重点任务',
      '（一）加强基层。全县新建5所乡镇卫生院。（1）县医保局要确保到2025年参保率达到95%。（县卫健委负责）',
    );
    expect(quoted(text, '参保率').lead).toEqual(['县医保局']);
    // the figure with no doer of its own keeps the note's lead
    expect(quoted(text, '乡镇卫生院').lead).toEqual(['县卫健委']);
  });

  it('of a task table row is the row’s 牵头单位, whatever the cell’s sentence names', () => {
    const text = lines(
      '某县卫生健康工作方案',
      '为做好工作，制定本方案。',
      '任务\t牵头单位\t完成时限',
      '县医保局要新建服务站5个\t县卫健委\t2023年底前',
    );
    const doc = parseDocument(text, '方案.txt');
    expect(doc.tasks.map((t) => [t.origin, t.text, t.lead])).toEqual([
      ['table', '县医保局要新建服务站5个', ['县卫健委']],
    ]);
    expect(doc.targets.map((t) => [t.value, t.unit, t.lead])).toEqual([[5, '个', ['县卫健委']]]);
    expect(doc.warnings).toEqual([]);
  });
});

describe('"由…负责，…配合" in an item', () => {
  const text = lines(
    ...DATED,
    '一、重点任务',
    '（一）做好保障。由县医保局负责，县医保局、县财政局配合。到2025年参保率达到95%。',
    '（二）做好监测。由县疾控中心负责。到2025年监测率达到90%。',
  );

  it('makes the lead no partner too', () => {
    const [first] = parseDocument(text, '方案.txt').tasks;
    expect([first.lead, first.participants]).toEqual([['县医保局'], ['县财政局']]);
    expect(quoted(text, '参保率')).toMatchObject({ lead: ['县医保局'], participants: ['县财政局'] });
  });

  it('names no partner when the sentence names none', () => {
    const [, second] = parseDocument(text, '方案.txt').tasks;
    expect([second.lead, second.participants]).toEqual([['县疾控中心'], []]);
  });
});

describe('a stage dated in its heading', () => {
  const stages = (docLines: string[], ...heads: string[]) =>
    targetsOf(lines(...docLines, '一、实施步骤', ...heads)).map((t) => [t.quote, t.comparator, t.deadline]);

  it('ends at the range’s last month, whatever stands between the first month and the dash', () => {
    expect(stages(DATED, '（一）动员阶段（2023年4月中旬至6月底）')).toEqual([
      ['动员阶段（2023年4月中旬至6月底）', 'milestone', '2023-06'],
    ]);
  });

  it('reads a year and a month written with a space before 年 or 月', () => {
    expect(
      stages(DATED, '（一）推进阶段（2023年7月至2024 年6月）', '（二）深化阶段（2024年7月至12 月）'),
    ).toEqual([
      ['推进阶段（2023年7月至2024 年6月）', 'milestone', '2024-06'],
      ['深化阶段（2024年7月至12 月）', 'milestone', '2024-12'],
    ]);
  });

  it('takes January, and no month 0', () => {
    expect(stages(DATED, '（一）总结阶段（2024年1月底前）', '（二）收尾阶段（2024年0月）')).toEqual([
      ['总结阶段（2024年1月底前）', 'milestone', '2024-01'],
    ]);
  });

  it('is dated only by a bracket closing the heading', () => {
    expect(stages(DATED, '（一）巩固（2024年9月）提升阶段')).toEqual([]);
  });

  it('has no date without a year, in a document with no date', () => {
    expect(stages(['某县卫生健康工作方案'], '（一）推进阶段（7月底前）')).toEqual([]);
    expect(stages(DATED, '（一）推进阶段（7月底前）')).toEqual([
      ['推进阶段（7月底前）', 'milestone', '2023-07'],
    ]);
  });
});

describe('a text that is only a task table', () => {
  it('is read row by row, with no warning', () => {
    const text = lines(
      '某县卫生健康工作方案',
      '为做好工作，制定本方案。',
      '任务\t牵头单位\t完成时限',
      '建立考核制度\t县卫健委\t2023年6月',
    );
    const doc = parseDocument(text, '方案.txt');
    expect(doc.targets.map((t) => [t.quote, t.comparator, t.deadline, t.lead])).toEqual([
      ['建立考核制度', 'milestone', '2023-06', ['县卫健委']],
    ]);
  });
});

describe('refusals', () => {
  const refusal = (text: string) => {
    try {
      parseDocument(text, '通知.txt');
    } catch (e) {
      if (e instanceof LuoshiError) return { code: e.code, where: e.where, message: e.message };
      throw e;
    }
    throw new Error('no refusal');
  };

  it('names an empty file', () => {
    expect(refusal('  \n \n')).toEqual({
      code: 'empty-file',
      where: { file: '通知.txt' },
      message: '通知.txt 是空文件（没有任何文字），无法生成目录',
    });
  });

  it('names a text with no headings, no table and no sentence of a body', () => {
    expect(refusal('某县\n好的。')).toMatchObject({ code: 'no-headings', where: { file: '通知.txt' } });
  });
});

describe('a target’s id', () => {
  it('is the document, the heading path and a hash of the quote with its figure marked and its comparator', () => {
    const text = lines('某县卫生健康工作方案', '一、重点任务', '（一）加强基层。全县新建5所乡镇卫生院。');
    const doc = parseDocument(text, '方案.txt');
    expect(doc.targets.map((t) => t.id)).toEqual([
      `${doc.document.id}/1.1/M${contentHash('全县新建[5所]乡镇卫生院|=')}`,
    ]);
  });
});
