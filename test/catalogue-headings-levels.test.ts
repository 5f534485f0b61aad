/**
 * Headings of a policy body (headings.ts): which lines are headings, their level, title and where their
 * own text starts. The outlines are written for this test; expected labels, levels and titles by hand.
 */
import { describe, expect, it } from 'vitest';
import { findHeadings, matchHeading } from '../src/core/catalogue/headings.js';
import { splitLines } from '../src/core/catalogue/text.js';

function match(line: string) {
  const m = matchHeading(splitLines(line)[0]);
  return m && [m.style, m.number, m.label];
}

function outline(lines: string[]) {
  const text = lines.join('\n');
  const ls = splitLines(text);
  return findHeadings(ls, 0, ls.length).map((h) => [h.label, h.level, h.text, h.path.join('')]);
}

/** Each heading's title and the text of its own line that is its body. */
function bodies(lines: string[]) {
  const text = lines.join('\n');
  const ls = splitLines(text);
  return findHeadings(ls, 0, ls.length).map((h) => [h.text, text.slice(h.bodyStart, ls[h.lineIndex].end)]);
}

describe('a heading label at the start of a line', () => {
  it('reads chapters, parts and sections with their number', () => {
    expect(match('第一章 总体要求')).toEqual(['chapter', 1, '第一章']);
    expect(match('第二篇 发展目标')).toEqual(['chapter', 2, '第二篇']);
    expect(match('第三部分 保障措施')).toEqual(['chapter', 3, '第三部分']);
    expect(match('第 12 章 附则')).toEqual(['chapter', 12, '第 12 章']);
    expect(match('第二节 重点任务')).toEqual(['section', 2, '第二节']);
  });

  it('reads list labels written with half- or full-width marks', () => {
    expect(match('十二、加强组织领导')).toEqual(['cn', 12, '十二、']);
    expect(match('二．完善服务体系')).toEqual(['cn', 2, '二．']);
    expect(match('（三）健全信息系统')).toEqual(['pcn', 3, '（三）']);
    expect(match('(四)、强化保障')).toEqual(['pcn', 4, '(四)、']);
    expect(match('１．加强人才培养')).toEqual(['num', 1, '１．']);
    expect(match('2、完善制度')).toEqual(['num', 2, '2、']);
    expect(match('（10）推进医养结合')).toEqual(['pnum', 10, '（10）']);
    expect(match('3）建立台账')).toEqual(['rnum', 3, '3）']);
    expect(match('③开展培训')).toEqual(['circled', 3, '③']);
    expect(match('⑩完成验收')).toEqual(['circled', 10, '⑩']);
  });

  it('takes a year after the label as the start of the item', () => {
    expect(match('1．2023年底前完成改造')).toEqual(['num', 1, '1．']);
    expect(match('（2）2024 年建成平台')).toEqual(['pnum', 2, '（2）']);
  });

  it('rejects a figure, a bare label, a table row and ordinary text', () => {
    expect(match('1.5%的乡镇卫生院达标')).toBeNull();
    expect(match('（2）30%以上的村卫生室达标')).toBeNull();
    expect(match('3、500张床位')).toBeNull();
    expect(match('二、')).toBeNull();
    expect(match('1\t市中心医院扩建\t新增床位500张')).toBeNull();
    expect(match('全市建成示范点20个')).toBeNull();
    expect(match('')).toBeNull();
  });
});

describe('the outline of a body', () => {
  it('ranks styles in the order they first appear', () => {
    expect(
      outline([
        '一、总体要求',
        '（一）指导思想',
        '1.坚持人民至上',
        '2.坚持预防为主',
        '（二）基本原则',
        '二、重点任务',
      ]),
    ).toEqual([
      ['一、', 1, '总体要求', '一、'],
      ['（一）', 2, '指导思想', '一、（一）'],
      ['1.', 3, '坚持人民至上', '一、（一）1.'],
      ['2.', 3, '坚持预防为主', '一、（一）2.'],
      ['（二）', 2, '基本原则', '一、（二）'],
      ['二、', 1, '重点任务', '二、'],
    ]);
  });

  it('restarts numbering under each parent, and accepts numbering that runs on across parents', () => {
    expect(
      outline(['一、目标', '（一）甲', '（二）乙', '二、任务', '（一）丙', '三、保障', '（二）丁']),
    ).toEqual([
      ['一、', 1, '目标', '一、'],
      ['（一）', 2, '甲', '一、（一）'],
      ['（二）', 2, '乙', '一、（二）'],
      ['二、', 1, '任务', '二、'],
      ['（一）', 2, '丙', '二、（一）'],
      ['三、', 1, '保障', '三、'],
      ['（二）', 2, '丁', '三、（二）'],
    ]);
  });

  it('skips a line whose number breaks the sequence, and a new style that does not start at 1', () => {
    expect(outline(['（二）不是标题', '一、目标', '三、不是标题', '二、任务', '（3）不是标题'])).toEqual([
      ['一、', 1, '目标', '一、'],
      ['二、', 1, '任务', '二、'],
    ]);
  });

  it('puts a deeper style met right under a top heading one level below it', () => {
    expect(outline(['一、目标', '（一）甲', '1.子项', '二、任务', '1.直接子项'])).toEqual([
      ['一、', 1, '目标', '一、'],
      ['（一）', 2, '甲', '一、（一）'],
      ['1.', 3, '子项', '一、（一）1.'],
      ['二、', 1, '任务', '二、'],
      ['1.', 2, '直接子项', '二、1.'],
    ]);
  });

  it('searches only the lines it is given', () => {
    const ls = splitLines(['一、目标', '二、任务', '三、保障'].join('\n'));
    expect(findHeadings(ls, 1, 2).map((h) => h.label)).toEqual([]);
    expect(findHeadings(ls, 0, 2).map((h) => h.label)).toEqual(['一、', '二、']);
  });
});

describe('a heading’s title and its own text', () => {
  it('ends the title at the first full stop or colon and starts the body after it', () => {
    expect(
      bodies([
        '（一）加强机构建设。到2024年底，社区卫生服务中心达标率达到90%。',
        '（二）主要目标：到2025年，签约覆盖率提高到45%。',
      ]),
    ).toEqual([
      ['加强机构建设', '到2024年底，社区卫生服务中心达标率达到90%。'],
      ['主要目标', '到2025年，签约覆盖率提高到45%。'],
    ]);
  });

  it('keeps a title sentence that is the whole item with a figure, or states a figure in a clause, in the body', () => {
    expect(
      bodies([
        '（1）新建村卫生室10家。',
        '（2）每个县建成1所医养结合机构，2023年底前完成。（市民政局负责）',
        '（3）建成示范点5个，覆盖所有乡镇。此后逐年扩大。',
      ]),
    ).toEqual([
      ['新建村卫生室10家', '新建村卫生室10家。'],
      [
        '每个县建成1所医养结合机构，2023年底前完成',
        '每个县建成1所医养结合机构，2023年底前完成。（市民政局负责）',
      ],
      ['建成示范点5个，覆盖所有乡镇', '建成示范点5个，覆盖所有乡镇。此后逐年扩大。'],
    ]);
  });

  it('keeps a one-clause title, or a title followed by more text, out of the body', () => {
    expect(
      bodies([
        '（一）坚持以人为本，服务群众。要把群众满意作为标准。',
        '（二）完善服务模式。',
        '（三）强化监管，严格执法。',
      ]),
    ).toEqual([
      ['坚持以人为本，服务群众', '要把群众满意作为标准。'],
      ['完善服务模式', ''],
      // a whole item of more than one clause is a sentence its targets may be read from
      ['强化监管，严格执法', '强化监管，严格执法。'],
    ]);
  });

  it('takes a short line without a stop as the title, and a long sentence as its own body', () => {
    const long =
      '统筹推进城乡医疗卫生服务体系建设，优化资源配置，提高基层医疗卫生机构服务能力和水平，满足群众需求';
    expect(bodies(['一、总体要求', `二、${long}`])).toEqual([
      ['总体要求', ''],
      [long.slice(0, 30), long],
    ]);
  });

  it('takes a title of 40 characters up to its stop', () => {
    const title = '全面推进县域医共体建设并持续完善分级诊疗制度和现代医院管理制度以及基层运行新机制';
    expect(title).toHaveLength(40);
    expect(bodies([`一、${title}。要把群众满意作为标准。`])).toEqual([[title, '要把群众满意作为标准。']]);
  });

  it('reads a stop that comes after the first 40 characters as body, not title', () => {
    const title =
      '全面推进县域医共体建设并持续完善分级诊疗制度和现代医院管理制度以及基层运行新机制等各项改革任务';
    expect(title.length).toBeGreaterThan(40);
    expect(bodies([`一、${title}。`])).toEqual([[`${title}。`.slice(0, 30), `${title}。`]]);
  });
});
