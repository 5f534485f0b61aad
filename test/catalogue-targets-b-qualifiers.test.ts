/**
 * The words around a figure that decide whether it is a target: a closed quotation before it, a
 * programme name after it, a 的 further on in its clause, 已 with a target year, 前列 in the next
 * clause, a duration with a ceiling. Sentences are written for this test in the style of 实施意见 /
 * 实施方案; every expected field is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(
    readTargets(text, docYear).filter((t) => t.comparator !== 'milestone'),
    ['figure', 'indicator', 'comparator', 'value', 'unit'],
  );
}
const counted = (text: string) => read(text).map((t) => t.figure);

describe('Chinese numerals', () => {
  it('counts a numeral after a quotation that has closed', () => {
    expect(read('开展“优质服务基层行”活动，到2025年，培养百名全科医生。')).toEqual([
      { figure: '百名', indicator: '培养全科医生', comparator: '=', value: 100, unit: '名' },
    ]);
  });

  it('skips a programme named by what follows the numeral, not a word merely containing 计划', () => {
    expect(counted('到2025年，推进千名医师下乡工程建设，遴选百名计划生育专干。')).toEqual(['百名']);
  });

  it('reads a duration in numerals with a ceiling as a target', () => {
    expect(read('到2025年，项目建设周期不超过十年。')).toEqual([
      { figure: '十年', indicator: '项目建设周期', comparator: '<=', value: 10, unit: '年' },
    ]);
  });
});

describe('qualifiers and reports', () => {
  it('keeps a count whose object carries a 的 further on', () => {
    expect(read('到2025年，建成10个具有示范作用的社区医院。')).toEqual([
      { figure: '10个', indicator: '建成具有示范作用的社区医院', comparator: '=', value: 10, unit: '个' },
    ]);
  });

  it('keeps a share after 超过 closed by 以上, measured on what follows 的', () => {
    expect(read('到2025年，超过80%以上的村卫生室达到标准。')).toEqual([
      { figure: '80%以上', indicator: '村卫生室达到标准', comparator: '>', value: 80, unit: '%' },
    ]);
  });

  it('keeps a figure after 已建成 when the sentence aims at a year', () => {
    expect(read('到2025年，已建成的医共体中达标的比例达到90%。')).toEqual([
      { figure: '90%', indicator: '已建成的医共体中达标的比例', comparator: '>=', value: 90, unit: '%' },
    ]);
    expect(counted('全省已建成的医共体中达标的比例达到90%。')).toEqual([]);
  });

  it('skips a figure naming what the next counts, even when the sentence lists other things', () => {
    expect(counted('到2025年，产值10亿元以上企业集团20个，培育龙头企业、专精特新企业。')).toEqual(['20个']);
  });

  it('reads 前列 in the next clause as no reason to drop a figure', () => {
    expect(counted('到2025年，全省培养全科医生3000人，总量位居全国前列。')).toEqual(['3000人']);
  });
});
