/**
 * 全覆盖 read as a 100 % coverage target: what is covered, the deadline before or after it, the words
 * that are no coverage (健全覆盖…, 全面覆盖), a 全覆盖 restating a 100 % figure; and ranges with
 * thousands separators and the suffix 内. Sentences are written for this test in the style of
 * 实施意见 / 实施方案; every expected field is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(readTargets(text, docYear), [
    'figure',
    'indicator',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'deadline',
  ]);
}

describe('全覆盖', () => {
  it('is 100 % of what comes before it, due by the date after it when none comes before', () => {
    expect(read('家庭医生签约服务基本实现全覆盖，2024年底前完成。')).toEqual([
      {
        figure: '全覆盖',
        indicator: '家庭医生签约服务覆盖率',
        comparator: '=',
        value: 100,
        valueMax: null,
        unit: '%',
        deadline: '2024',
      },
    ]);
  });

  it('is called 覆盖率 alone when nothing names what is covered', () => {
    expect(read('到2025年，实现全覆盖。')).toMatchObject([
      { indicator: '覆盖率', value: 100, deadline: '2025' },
    ]);
  });

  it('is no target in 健全覆盖城乡的… or 全面覆盖', () => {
    expect(
      read('到2025年，健全覆盖城乡的医疗保障体系，远程医疗全面覆盖乡镇。').filter((t) => t.unit === '%'),
    ).toEqual([]);
  });

  it('adds nothing when it only restates a 100 % figure, and a target of its own otherwise', () => {
    expect(
      read('到2025年，电子健康档案覆盖率达到100%，实现全覆盖。').map((t) => [t.figure, t.indicator]),
    ).toEqual([['100%', '电子健康档案覆盖率']]);
    expect(
      read('到2025年，电子健康档案建档率达到100%，居民健康卡全覆盖。').map((t) => [t.figure, t.indicator]),
    ).toEqual([
      ['100%', '电子健康档案建档率'],
      ['全覆盖', '居民健康卡覆盖率'],
    ]);
  });
});

describe('ranges and suffixes', () => {
  it('reads a range written with thousands separators', () => {
    expect(read('到2025年，县级医院床位规模控制在1,000—1,500张。')).toEqual([
      {
        figure: '1,000—1,500张',
        indicator: '县级医院床位规模',
        comparator: 'range',
        value: 1000,
        valueMax: 1500,
        unit: '张',
        deadline: '2025',
      },
    ]);
  });

  it('reads …天内 as at most', () => {
    expect(read('到2025年，平均住院日控制在8天内。')).toMatchObject([
      { figure: '8天内', indicator: '平均住院日', comparator: '<=', value: 8, unit: '天' },
    ]);
  });

  it('reads 万多 as more than, keeping the count unit after the 多', () => {
    expect(read('到2025年，培训基层卫生人员10万多人次。')).toMatchObject([
      { figure: '10万多人次', comparator: '>', value: 10, unit: '万人次' },
    ]);
  });

  it('links nothing when a clause opens with 折合 and no figure came before', () => {
    const text = '到2025年，折合每千人口床位6张。';
    expect(readTargets(text)).toMatchObject([
      { value: 6, unit: '张', linkTo: null, perUnit: '每千人口', deadline: '2025' },
    ]);
  });
});
