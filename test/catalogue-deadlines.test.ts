/**
 * The dates a policy sentence writes and what deadline each one gives (findDeadlines): target years
 * against base years ("比2020年下降"), reports of the past ("截至2021年底"), five-year plans, "用3年时间",
 * "印发后3个月内", months without a year ("6月底前"), and recurring due dates ("每年3月底前", "每季度",
 * "每半年", "每月10日前") counted from the document month. The sentences are written for this test in
 * the style of 实施意见 / 实施方案; the expected dates are worked out by hand from the document date.
 */
import { describe, expect, it } from 'vitest';
import { type ExtractContext, figureText, findDeadlines } from '../src/core/catalogue/targets.js';

const MARCH_2022: ExtractContext = { docYear: 2022, docDate: '2022-03-09' };

function hits(text: string, ctx: ExtractContext = MARCH_2022) {
  return findDeadlines(figureText(text), 0, text.length, ctx);
}
const values = (text: string, ctx: ExtractContext = MARCH_2022) => hits(text, ctx).map((d) => d.value);
const dated = (date: string): ExtractContext => ({ docYear: Number(date.slice(0, 4)), docDate: date });

describe('a year written in the sentence', () => {
  it('is a deadline when it is the year to reach, with its month when one is written', () => {
    expect(hits('到2025年底，全省二级以上公立医院全部达标。')).toEqual([
      { at: 1, end: 7, value: '2025', explicit: true, past: false },
    ]);
    expect(values('2023年6月底前，完成全市养老机构消防改造。')).toEqual(['2023-06']);
    expect(values('力争于2030年前实现县域医共体全覆盖。')).toEqual(['2030']);
    expect(hits('力争于2030年前实现县域医共体全覆盖。')[0].explicit).toBe(true);
  });

  it('is no deadline when it is the base of a comparison', () => {
    expect(values('全市细颗粒物平均浓度比2020年下降10%。')).toEqual([]);
    expect(values('万元生产总值能耗较2020年降低13.5%。')).toEqual([]);
    expect(values('与2020年相比，婴儿死亡率下降1个百分点。')).toEqual([]);
    expect(values('人均预期寿命同2020年持平。')).toEqual([]);
    expect(values('医疗费用增幅相对2021年有所回落。')).toEqual([]);
    expect(values('在2020年基础上，新增托位2000个。')).toEqual([]);
    expect(values('2025年的重点工作另行部署。')).toEqual([]);
  });

  it('still reads a target year after a word that only contains a comparison character', () => {
    // "同时在2025年…": 同 opens the word 同时, it does not compare with 2025
    expect(values('完善服务网络，同时在2025年底前建成区域医疗中心。')).toEqual(['2025']);
    expect(hits('完善服务网络，同时在2025年底前建成区域医疗中心。')[0].explicit).toBe(true);
  });

  it('is no deadline when it starts a period, dates a founding or opens a range', () => {
    expect(values('自2023年起，每年开展一次评估。')).toEqual([]);
    expect(values('从2023年1月开始，逐步推开。')).toEqual([]);
    expect(values('该中心成立于2019年，承担全省培训任务。')).toEqual([]);
    expect(values('2015年以来，全省累计投入资金50亿元。')).toEqual([]);
    expect(values('2021年—2025年，每年新增床位500张。')).toEqual(['2025']);
  });

  it('reports the past at 截至 a year before the document, and sets a date at 截至 a later year', () => {
    expect(values('截至2021年底，全省共有养老机构1200家。')).toEqual([]);
    expect(values('截至2025年底，全省养老机构达到1500家。')).toEqual(['2025']);
    expect(hits('截至2025年底，全省养老机构达到1500家。')[0].explicit).toBe(true);
  });

  it('marks a year before the document as the past unless the sentence aims at it', () => {
    expect(hits('2020年，全省共有村卫生室8000个。')[0]).toMatchObject({ explicit: false, past: true });
    expect(hits('到2020年，基本建立分级诊疗制度。')[0]).toMatchObject({ explicit: true, past: false });
    expect(hits('2022年，全省新增托位1万个。')[0]).toMatchObject({ explicit: true, past: false });
    // without a document year nothing is the past, and a clause opening with a year sets it
    expect(hits('2021年全面完成改造任务。', { docYear: null })[0]).toMatchObject({
      explicit: true,
      past: false,
    });
    expect(hits('2021年全面完成改造任务。')[0]).toMatchObject({ explicit: false, past: true });
  });

  it('is only a year mentioned when nothing makes it a target date', () => {
    expect(hits('统筹推进2025年重点项目建设。')[0]).toMatchObject({ value: '2025', explicit: false });
    expect(hits('统筹推进，2025年完成重点项目建设。')[0]).toMatchObject({ value: '2025', explicit: true });
  });
});

describe('a five-year plan', () => {
  it('ends in the plan’s last year', () => {
    expect(hits('“十四五”期间，新增护理床位1万张。')).toEqual([
      { at: 0, end: 7, value: '2025', explicit: true },
    ]);
    expect(values('十五五时期，全面建成健康城市。')).toEqual(['2030']);
    expect(values('“十四五”开局前，完成规划编制。')).toEqual(['2020']);
    expect(hits('落实十四五规划要求。')).toEqual([{ at: 2, end: 5, value: '2025', explicit: false }]);
    expect(values('“十三五”以来，全省卫生投入持续增长。')).toEqual([]);
  });
});

describe('a span of years from the document year', () => {
  it('adds the years written after 用/经过/力争', () => {
    expect(hits('用3年左右时间，建成覆盖城乡的服务体系。')).toEqual([
      { at: 0, end: 7, value: '2025', explicit: true },
    ]);
    expect(hits('力争三年内实现全覆盖。')).toEqual([{ at: 0, end: 5, value: '2025', explicit: true }]);
    expect(hits('在5年内完成改造。')).toEqual([{ at: 0, end: 4, value: '2027', explicit: false }]);
  });

  it('needs a verb or 时间, and at most 29 years', () => {
    expect(values('3年内完成改造。')).toEqual([]);
    expect(values('用30年时间完成生态修复。')).toEqual([]);
    expect(values('用29年时间完成生态修复。')).toEqual(['2051']);
    expect(values('用3年时间完成改造。', { docYear: null })).toEqual([]);
  });

  it('reads 今年, 年内, 年底前, 今后 N 年 and 明年 against the document year', () => {
    expect(hits('年底前完成全部摸底工作。')).toEqual([{ at: 0, end: 3, value: '2022', explicit: true }]);
    expect(values('今年启动试点，本年度完成评估。')).toEqual(['2022', '2022']);
    expect(values('年内建成信息平台。')).toEqual(['2022']);
    expect(values('2025年底前建成信息平台。')).toEqual(['2025']);
    expect(values('今后5年，未来三年。')).toEqual(['2027', '2025']);
    expect(values('今后30年持续推进。')).toEqual([]);
    expect(hits('明年全面推开。')).toEqual([{ at: 0, end: 2, value: '2023', explicit: false }]);
    expect(values('明年3月全面推开。')).toEqual([]);
  });
});

describe('a time counted from the document date', () => {
  it('adds months, years, days and working days to the date of issue', () => {
    expect(hits('本方案印发后3个月内，各地制定细则。')).toEqual([
      { at: 0, end: 10, value: '2022-06', explicit: true },
    ]);
    expect(values('自本意见印发之日起6个月内完成清理。')).toEqual(['2022-09']);
    expect(values('印发后2年内完成。')).toEqual(['2024-03']);
    // the 9th plus 30 days falls in April; plus 10 working days (14 calendar days) stays in March
    expect(values('印发后30日内报送方案。')).toEqual(['2022-04']);
    expect(values('印发后10个工作日内报送方案。')).toEqual(['2022-03']);
    expect(values('印发后3个月内完成。', dated('2022-12-20'))).toEqual(['2023-03']);
  });

  it('gives a year when only the document year is known', () => {
    expect(values('印发后18个月内完成。', { docYear: 2022 })).toEqual(['2023']);
    expect(values('印发后6个月内完成。', { docYear: 2022 })).toEqual(['2022']);
  });
});

describe('a month without a year', () => {
  it('is in the document year, or the next after 明年/次年', () => {
    expect(hits('各地于6月底前报送方案。')).toEqual([{ at: 3, end: 7, value: '2022-06', explicit: true }]);
    // the deadline starts at the month, not at the space before it
    expect(hits('各地于  6月底前报送。')[0]).toMatchObject({ at: 5, value: '2022-06' });
    expect(values('明年3月底前完成验收，次年6月前全面推开。')).toEqual(['2023-03', '2023-06']);
    expect(values('今年9月底前完成。')).toEqual(['2022-09']);
    expect(values('十二月底前完成年度考核。')).toEqual(['2022-12']);
    expect(values('12月底前完成年度考核。')).toEqual(['2022-12']);
  });

  it('needs 底/末/前, a real month, and no year before it', () => {
    expect(values('9月份开展宣传活动。')).toEqual([]);
    expect(values('13月底前完成。')).toEqual([]);
    expect(values('2025年6月底前完成。')).toEqual(['2025-06']);
  });
});

describe('a recurring due date', () => {
  it('falls yearly in the written month, this year while the month has not passed', () => {
    expect(hits('每年3月底前报送上一年度工作总结。')).toEqual([
      { at: 0, end: 6, value: '2022-03', explicit: true, cycle: 'year' },
    ]);
    expect(values('每年3月底前报送总结。', dated('2022-04-15'))).toEqual(['2023-03']);
    expect(values('每年十二月底前报送总结。', dated('2022-04-15'))).toEqual(['2022-12']);
    // a month alone ("每年3月") is a season, not a due date
    expect(values('每年3月开展爱耳日宣传。')).toEqual([]);
    expect(values('每年3月底报送总结。', { docYear: 2022 })).toEqual(['2022-03']);
  });

  it('falls quarterly at the end of the document’s quarter, or in the month after it', () => {
    expect(hits('每季度末通报进展。')).toEqual([
      { at: 0, end: 4, value: '2022-03', explicit: true, cycle: 'quarter' },
    ]);
    expect(values('每季度首月10日前报送数据。')).toEqual(['2022-04']);
    expect(values('每个季度结束后报送数据。', dated('2022-11-20'))).toEqual(['2023-01']);
    expect(values('每季度开展一次督导。', dated('2022-11-20'))).toEqual(['2022-12']);
  });

  it('falls half-yearly in June for a document of the first half, else in December', () => {
    expect(hits('每半年开展一次评估。', dated('2022-06-30'))).toEqual([
      { at: 0, end: 3, value: '2022-06', explicit: true, cycle: 'half-year' },
    ]);
    expect(values('每半年开展一次评估。', dated('2022-07-01'))).toEqual(['2022-12']);
  });

  it('falls monthly at the document month’s end, or on the day in the next month', () => {
    expect(hits('每月10日前报送进展。', dated('2022-12-05'))).toEqual([
      { at: 0, end: 6, value: '2023-01', explicit: true, cycle: 'month' },
    ]);
    expect(values('每月底前报送进展。', dated('2022-12-05'))).toEqual(['2022-12']);
    expect(values('每月10日前报送进展。')).toEqual(['2022-04']);
  });

  it('needs the document year', () => {
    expect(values('每季度末通报进展。', { docYear: null })).toEqual([]);
  });
});

describe('今年 before a month', () => {
  it('gives the month when a due month follows, and the year otherwise', () => {
    expect(hits('今年9月底前完成。')).toEqual([{ at: 0, end: 6, value: '2022-09', explicit: true }]);
    expect(values('今年6月启动试点。')).toEqual(['2022']);
  });
});

/** Hits of `text` read in place after a preamble, so offsets count from the sentence's place in the text. */
function inPlace(text: string, ctx: ExtractContext = MARCH_2022) {
  const lead = '前言。';
  return findDeadlines(figureText(lead + text), lead.length, lead.length + text.length, ctx).map((d) => ({
    ...d,
    at: d.at - lead.length,
    end: d.end - lead.length,
  }));
}
const span = (text: string, ctx?: ExtractContext) =>
  inPlace(text, ctx).map((d) => [d.at, d.end, d.value, d.explicit]);

describe('where each deadline sits in the text', () => {
  it('is counted from the sentence’s place, for every kind of date', () => {
    // offsets below are character positions in each sentence, counted by hand
    expect(span('各地每年3月底前报送总结。')).toEqual([[2, 8, '2022-03', true]]);
    expect(span('全省用3年左右时间建成体系。')).toEqual([[2, 9, '2025', true]]);
    expect(span('启动试点，本年度完成评估。')).toEqual([[5, 8, '2022', true]]);
    expect(span('全市今后10年，未来十五年。')).toEqual([
      [2, 7, '2032', true],
      [8, 13, '2037', true],
    ]);
    expect(span('各地在本方案印发后3个月内制定细则。')).toEqual([[3, 13, '2022-06', true]]);
    expect(span('力争明年全面推开。')).toEqual([[2, 4, '2023', false]]);
    expect(span('各地于6月底前报送。')).toEqual([[3, 7, '2022-06', true]]);
  });

  it('lists the dates in the order written, whatever rule found them', () => {
    expect(values('每年3月底前报送总结，2025年底前全面完成，今年启动。')).toEqual([
      '2022-03',
      '2025',
      '2022',
    ]);
  });
});

describe('boundaries of the year rules', () => {
  it('reads 截至 the document’s own year, and 截止到, as a report of the state', () => {
    expect(values('截至2022年底，全市共有托位5000个。')).toEqual([]);
    expect(values('截止到2021年底，全省共有养老机构1200家。')).toEqual([]);
  });

  it('skips a founding year even at the start of the sentence', () => {
    expect(values('始建于1958年的市人民医院，2025年前完成改扩建。')).toEqual(['2025']);
  });

  it('keeps a year followed by 的 further on, and skips the start of a spaced range', () => {
    expect(values('到2025年建成的社区医院达到100家。')).toEqual(['2025']);
    expect(values('2021年 — 2025年，每年新增床位500张。')).toEqual(['2025']);
    expect(values('2023年6 月底前完成。')).toEqual(['2023-06']);
  });

  it('makes a year explicit by 底, by opening a clause of the document year, not by words further back', () => {
    expect(hits('全市2025年底实现全覆盖。')[0].explicit).toBe(true);
    expect(hits('2022年全面完成改造任务。')[0].explicit).toBe(true);
    expect(hits('统筹推进，加快推进2025年重点项目建设。')[0].explicit).toBe(false);
    expect(hits('做好在校2025年毕业生就业工作。')[0].explicit).toBe(false);
    expect(hits('统筹推进2025年项目，加快建设。')[0].explicit).toBe(false);
  });
});

describe('boundaries of the other rules', () => {
  it('reads two-digit and Chinese spans after 今后/未来', () => {
    expect(values('今后10年持续推进。')).toEqual(['2032']);
    expect(values('未来十五年持续推进。')).toEqual(['2037']);
  });

  it('reads a yearly due date only for a real month', () => {
    expect(values('每年13月底前报送。')).toEqual([]);
    expect(values('每年0月底前报送。')).toEqual([]);
  });

  it('reads months, days and spaces after 今年/明年 as the due month, not as the year', () => {
    expect(values('今年12月底前完成。')).toEqual(['2022-12']);
    expect(values('今年十二月底前完成。')).toEqual(['2022-12']);
    expect(values('今年9月15日前完成。')).toEqual(['2022-09']);
    expect(values('今年9月份前完成。')).toEqual(['2022-09']);
    expect(values('今年 9 月份 15 日 前完成。')).toEqual(['2022-09']);
    expect(values('明年12月启动。')).toEqual([]);
    expect(values('明年十二月启动。')).toEqual([]);
    expect(values('明年 3 月启动。')).toEqual([]);
    expect(values('请于明年 3 月 15 日 前报送。')).toEqual(['2023-03']);
    expect(values('各地 6 月 底 前完成。')).toEqual(['2022-06']);
  });

  it('reads a monthly due date written with spaces', () => {
    expect(values('每月 10 日 前报送进展。')).toEqual(['2022-04']);
  });

  it('counts days from the document’s day, and working days as 1.4 calendar days', () => {
    expect(values('印发后20个工作日内报送方案。')).toEqual(['2022-04']);
    expect(values('印发后10日内报送方案。', dated('2022-03-25'))).toEqual(['2022-04']);
    expect(values('印发后30日内报送方案。', { docYear: 2022 })).toEqual(['2022']);
  });
});

describe('a five-year plan’s name against a count of fifteen', () => {
  it('reads 十五 in 十五年, 二十五年 and 十五个 as a number, not as the 十五 plan', () => {
    expect(values('未来十五年持续推进。')).toEqual(['2037']);
    expect(values('用二十五年时间完成。')).toEqual(['2047']);
    expect(values('建设十五个示范点。')).toEqual([]);
    expect(values('“十五”期间，全省累计投入资金。')).toEqual(['2005']);
  });
});

describe('more boundaries found by mutation runs', () => {
  it('reads 年内 and 年底前 after a count earlier in the sentence as this year', () => {
    expect(values('建成3个中心，年内完成验收。')).toEqual(['2022']);
    expect(values('新建3个中心，年底前完成验收。')).toEqual(['2022']);
  });

  it('reads a month with 底 and no 前', () => {
    expect(values('各地6月底完成摸底。')).toEqual(['2022-06']);
  });

  it('counts plain days one to one', () => {
    // the 9th plus 20 days is still March
    expect(values('印发后20日内报送方案。')).toEqual(['2022-03']);
  });

  it('skips a year after 自/从 and a founding year followed by a comma', () => {
    expect(values('从2023年全面推开分级诊疗。')).toEqual([]);
    expect(values('始建于1958年，是全省首家三甲医院，2025年前完成改扩建。')).toEqual(['2025']);
  });

  it('reads no one-off due date in 每6月底前 (a recurring month)', () => {
    expect(values('每6月底前报送一次。')).toEqual([]);
  });
});
