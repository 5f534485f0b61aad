/**
 * Figures written in words and the small readers under the extractor: a year written digit by
 * digit ("二〇二五年"), percentages and per-mille written "百分之…" / "千分之…" with decimals,
 * magnitudes folded into units ("万人" → 10,000 人), the parts of a sentence between semicolons,
 * and the document month a recurring duty counts from. Sentences are written for this test in the
 * style of 实施意见 / 实施方案; every expected value is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { figureText, normaliseUnit } from '../src/core/catalogue/targets.js';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docDate: string | null = null, docYear = 2022) {
  return fields(readTargets(text, docYear, docDate), [
    'figure',
    'quote',
    'comparator',
    'value',
    'unit',
    'deadline',
  ]);
}

describe('a year written in numerals digit by digit', () => {
  it('is read as a year before 年, with 〇 or ○ for zero', () => {
    expect(read('到二〇二五年，全省二级以上综合医院设置老年医学科的比例达到60%以上。')).toEqual([
      {
        figure: '60%以上',
        quote: '全省二级以上综合医院设置老年医学科的比例达到60%以上',
        comparator: '>=',
        value: 60,
        unit: '%',
        deadline: '2025',
      },
    ]);
    expect(read('到二○三○年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。').map((t) => t.deadline)).toEqual([
      '2030',
    ]);
  });

  it('stays as written when no 年 follows it, as in the name of a plan', () => {
    const text = '贯彻落实《“健康中国二〇三〇”规划纲要》，到2025年，人均预期寿命达到79岁以上。';
    // same length, same place: only the full-width comma and quote marks are made half-width
    expect(figureText(text)).toBe(
      '贯彻落实《“健康中国二〇三〇”规划纲要》,到2025年,人均预期寿命达到79岁以上。',
    );
  });
});

describe('a percentage or per-mille written in words', () => {
  it('keeps every decimal place written after 点', () => {
    expect(read('到2025年，孕产妇系统管理率达到百分之九十二点五五以上。')).toEqual([
      {
        figure: '百分之九十二点五五以上',
        quote: '孕产妇系统管理率达到百分之九十二点五五以上',
        comparator: '>=',
        value: 92.55,
        unit: '%',
        deadline: '2025',
      },
    ]);
  });

  it('reads Arabic digits after 百分之 / 千分之 with their decimals', () => {
    expect(read('全社会研发经费投入强度达到百分之2.5。')).toEqual([
      {
        figure: '百分之2.5',
        quote: '全社会研发经费投入强度达到百分之2.5',
        comparator: '>=',
        value: 2.5,
        unit: '%',
        deadline: null,
      },
    ]);
    expect(read('到2025年，婴儿死亡率控制在千分之4.25以下。')).toEqual([
      {
        figure: '千分之4.25以下',
        quote: '婴儿死亡率控制在千分之4.25以下',
        comparator: '<=',
        value: 4.25,
        unit: '‰',
        deadline: '2025',
      },
    ]);
  });

  it('reads 百分之百 as 100 %', () => {
    expect(read('到2025年，行政村通硬化路比例达到百分之百。')).toEqual([
      {
        figure: '百分之百',
        quote: '行政村通硬化路比例达到百分之百',
        comparator: '>=',
        value: 100,
        unit: '%',
        deadline: '2025',
      },
    ]);
  });
});

describe('a unit with a magnitude', () => {
  it('is counted in its base unit', () => {
    expect(normaliseUnit('万人次', 3.5)).toEqual({ normalizedValue: 35000, baseUnit: '人次' });
    expect(normaliseUnit('亿元', 1.2)).toEqual({ normalizedValue: 120000000, baseUnit: '元' });
    expect(normaliseUnit('万', 12)).toEqual({ normalizedValue: 120000, baseUnit: null });
    expect(normaliseUnit('百分点', 2)).toEqual({ normalizedValue: 2, baseUnit: '个百分点' });
  });

  it('is left as it is when there is no figure, no unit, or no magnitude in it', () => {
    expect(normaliseUnit('万人', null)).toEqual({ normalizedValue: null, baseUnit: '万人' });
    expect(normaliseUnit(null, 85)).toEqual({ normalizedValue: 85, baseUnit: null });
    expect(normaliseUnit(null, null)).toEqual({ normalizedValue: null, baseUnit: null });
    expect(normaliseUnit('张', 4000)).toEqual({ normalizedValue: 4000, baseUnit: '张' });
  });
});

describe('the parts of a sentence between semicolons', () => {
  it('give a dated task its own milestone beside a figure in the next part', () => {
    const text = '全面推进县级医院提标改造，2023年底前完成；县域内就诊率不低于90%。';
    const t = read(text);
    expect(t.map((x) => [x.figure, x.comparator, x.deadline])).toEqual([
      ['2023年底前', 'milestone', '2023'],
      ['90%', '>=', '2023'],
    ]);
  });
});

describe('the month a recurring duty counts from', () => {
  it('is January when only the year of the document is known', () => {
    expect(read('每季度末，各地医疗机构传染病报告及时率达到95%以上。', '2022')).toEqual([
      {
        figure: '95%以上',
        quote: '各地医疗机构传染病报告及时率达到95%以上',
        comparator: '>=',
        value: 95,
        unit: '%',
        deadline: '2022-03',
      },
    ]);
  });

  it('is the month of the document date', () => {
    const t = read('每季度末，各地医疗机构传染病报告及时率达到95%以上。', '2022-08-15');
    expect(t.map((x) => x.deadline)).toEqual(['2022-09']);
  });
});
