/**
 * Dated commitments without a figure (milestones): the date before or after what is to be done, one
 * per dated clause, none for a clause that has a figure, a report of the past or a recurring report.
 * Sentences are written for this test in the style of 实施方案; expected fields are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets, figureText } from '../src/core/catalogue/targets.js';

function read(text: string) {
  return extractTargets(text, figureText(text), 0, text.length, { docYear: 2022, docDate: null }).map(
    (t) => ({
      quote: text.slice(t.quoteStart, t.quoteEnd),
      indicator: t.indicator,
      comparator: t.comparator,
      deadline: t.deadline,
      perYear: t.perYear,
      cycle: t.cycle ?? null,
    }),
  );
}

describe('a milestone', () => {
  it('is what follows the date that opens its clause', () => {
    expect(read('到2023年底，建立健全分级诊疗制度。')).toEqual([
      {
        quote: '2023年底，建立健全分级诊疗制度',
        indicator: '建立健全分级诊疗制度',
        comparator: 'milestone',
        deadline: '2023',
        perYear: false,
        cycle: null,
      },
    ]);
  });

  it('is what precedes a date that closes the sentence with a bare verb', () => {
    expect(read('建立分级诊疗制度，2023年底前完成。')).toEqual([
      {
        quote: '建立分级诊疗制度，2023年底前完成。',
        indicator: '建立分级诊疗制度',
        comparator: 'milestone',
        deadline: '2023',
        perYear: false,
        cycle: null,
      },
    ]);
  });

  it('is one per dated part of a sentence, without the 力争/全面 that open it', () => {
    const m = read('力争到2025年，全面建成覆盖城乡的公共卫生服务体系；2023年，完成县级疾控中心标准化建设。');
    expect(m.map((x) => [x.indicator, x.deadline])).toEqual([
      ['建成覆盖城乡的公共卫生服务体系', '2025'],
      ['完成县级疾控中心标准化建设', '2023'],
    ]);
  });

  it('is not made for the clause of a figure, only for the dated clause before it', () => {
    expect(
      read('2023年完成A县试点，2024年全市推广覆盖率不低于60%。').map((x) => [
        x.quote,
        x.comparator,
        x.deadline,
      ]),
    ).toEqual([
      ['2023年完成A县试点', 'milestone', '2023'],
      ['2024年全市推广覆盖率不低于60%', '>=', '2024'],
    ]);
  });

  it('recurs yearly from the first due date', () => {
    expect(read('每年3月底前完成上年度绩效评价工作。')).toEqual([
      {
        quote: '每年3月底前完成上年度绩效评价工作',
        indicator: '完成上年度绩效评价工作',
        comparator: 'milestone',
        deadline: '2022-03',
        perYear: true,
        cycle: 'year',
      },
    ]);
  });
});

describe('no milestone', () => {
  it('for a date with nothing to do, a report of what is done, or a recurring report', () => {
    expect(read('到2024年，')).toEqual([]);
    expect(read('截至目前，2023年6月底前已完成摸底。')).toEqual([]);
    expect(read('每季度首月10日前报送上季度工作进展。')).toEqual([]);
    expect(read('每月5日前将统计数据报市卫健委汇总。')).toEqual([]);
  });
});
