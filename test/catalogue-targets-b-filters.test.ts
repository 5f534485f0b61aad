/**
 * Which figures of a policy sentence become targets and what each measures: names in quotes, subsidy
 * amounts, list items and where one ends, recurring due dates, coverage, a part of the sentence
 * (between ；) that already has a figure, and a milestone drafted from a table cell. Sentences are
 * written for this test in the style of 实施意见 / 实施方案; every expected field is read off the
 * sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { milestoneDraft } from '../src/core/catalogue/targets.js';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(readTargets(text, docYear), [
    'figure',
    'quote',
    'indicator',
    'comparator',
    'value',
    'deadline',
    'perYear',
    'cycle',
  ]);
}
const figures = (text: string) => read(text).map((t) => t.figure);

describe('figures that are no target', () => {
  it('skips a count written in words inside the quoted name of a campaign', () => {
    expect(figures('深入开展“千名医生进万家”服务，到2025年，每个乡镇卫生院至少培养1名全科医生。')).toEqual([
      '1名',
    ]);
  });

  it('skips a one-off grant even when no subsidy word comes before the amount', () => {
    expect(read('对新获批的国家临床重点专科，省财政一次性安排50万元补助资金。')).toEqual([]);
    expect(read('对考核优秀的县，省级最高安排200万元奖补资金。')).toEqual([]);
    // the same amount as a level to reach is a target
    expect(read('到2025年，省财政对重点专科的投入达到50万元。')[0]).toMatchObject({
      figure: '50万元',
      comparator: '>=',
      value: 50,
    });
  });
});

describe('where a list item ends', () => {
  it('keeps 和 inside what a single figure counts', () => {
    expect(read('到2025年，在康复、护理领域培育10个中医药和养老融合发展示范基地。')).toEqual([
      {
        figure: '10个',
        quote: '在康复、护理领域培育10个中医药和养老融合发展示范基地',
        indicator: '在康复、护理领域培育中医药和养老融合发展示范基地',
        comparator: '=',
        value: 10,
        deadline: '2025',
        perYear: false,
        cycle: undefined,
      },
    ]);
  });

  it('ends the last item of a 、-list at its own clause, not at the next figure', () => {
    expect(
      read('到2025年，培育5个省级重点专科、3个区域医疗中心，床位数达到2000张。').map((t) => [
        t.figure,
        t.indicator,
        t.comparator,
      ]),
    ).toEqual([
      ['5个', '培育省级重点专科', '='],
      ['3个', '区域医疗中心', '='],
      ['2000张', '床位数', '>='],
    ]);
  });
});

describe('recurring due dates', () => {
  it('gives a figure due every year its cycle and first due date', () => {
    expect(read('每年6月底前，各县完成家庭医生签约服务不少于2000人。')).toEqual([
      {
        figure: '2000人',
        quote: '各县完成家庭医生签约服务不少于2000人',
        indicator: '各县完成家庭医生签约服务',
        comparator: '>=',
        value: 2000,
        deadline: '2022-06',
        perYear: true,
        cycle: 'year',
      },
    ]);
  });

  it('gives a figure due every quarter its cycle, not a yearly flag', () => {
    expect(read('每季度末前，各地开展督导检查不少于1次。')[0]).toMatchObject({
      figure: '1次',
      deadline: '2022-03',
      perYear: false,
      cycle: 'quarter',
    });
  });
});

describe('coverage and milestones', () => {
  it('drops the spaces a PDF leaves inside the indicator of 全覆盖', () => {
    expect(read('到2025年，乡镇卫生院 远程医疗全覆盖。')[0]).toMatchObject({
      figure: '全覆盖',
      indicator: '乡镇卫生院远程医疗覆盖率',
      value: 100,
      deadline: '2025',
    });
  });

  it('drops the spaces inside the indicator of a fraction', () => {
    expect(read('到2025年，基层 诊疗量占比达到三分之二。')[0]).toMatchObject({
      indicator: '基层诊疗量占比',
      value: 66.7,
    });
  });

  it('adds no milestone to a part of the sentence that opens with a figure', () => {
    expect(
      read('到2025年，建立分级诊疗制度；90%的县2024年底前建成医共体。').map((t) => [t.figure, t.comparator]),
    ).toEqual([
      ['2025年', 'milestone'],
      ['90%', '='],
    ]);
  });

  it('drafts a table milestone as a one-off task with its indicator in one line', () => {
    const long = '完成'.padEnd(90, '县');
    expect(milestoneDraft(3, 20, '2025-06', '建成 县域 医共体')).toEqual({
      quoteStart: 3,
      quoteEnd: 20,
      figureStart: 3,
      figureEnd: 20,
      indicator: '建成县域医共体',
      comparator: 'milestone',
      value: null,
      valueMax: null,
      unit: null,
      normalizedValue: null,
      baseUnit: null,
      deadline: '2025-06',
      perYear: false,
      perUnit: null,
      linkTo: null,
      sentence: 0,
    });
    expect(milestoneDraft(0, 90, '2025', long).indicator).toHaveLength(80);
  });
});
