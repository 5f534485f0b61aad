/**
 * Figures in a policy sentence that are no target: an ordinal (第3批), the base of a rate (每10万人口), a
 * figure inside a title, Chinese numerals in names and idioms, phases, durations without a commitment
 * word, policy parameters, baselines, qualifiers, things done already, subsidies, the past, and a
 * figure that only names what the next one counts. Sentences are written for this test in the style
 * of 实施意见 / 实施方案; every expected figure is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { readTargets } from './helpers/read-targets.js';

/** The figures read as targets (milestones left out), each as written. */
function counted(text: string, docYear: number | null = 2022): string[] {
  return readTargets(text, docYear)
    .filter((t) => t.comparator !== 'milestone')
    .map((t) => t.figure);
}

describe('numbers that are no figure', () => {
  it('skips an ordinal, the base of a rate and a number inside a title', () => {
    expect(counted('到2025年，第3批试点县全部达标。')).toEqual([]);
    expect(counted('到2025年，每10万人口拥有精神科医生4名。')).toEqual(['4名']);
    expect(counted('到2025年，落实《关于建设100个县域医疗中心的通知》。')).toEqual([]);
  });

  it('counts a Latin word after a classifier as what is counted, not as a code', () => {
    expect(counted('到2025年，每个县医院至少配备1台CT、2台DR。')).toEqual(['1台', '2台']);
    expect(counted('到2025年，全市新增风电装机500万kW。')).toEqual([]);
  });

  it('reads a single Chinese numeral only after a verb of building, with a concrete classifier', () => {
    expect(counted('到2025年，建设一所康复医院，开展三项行动，推进一个标杆项目。')).toEqual(['一所']);
  });

  it('skips a bare 千 or 百 before a measure, a numeral before a non-count unit, and a programme name', () => {
    expect(counted('到2025年，建设千亩中药材基地，种植二十亩药园，实施百名医师下乡工程。')).toEqual([]);
    expect(counted('到2025年，培养百名国医大师，建成二十个社区医院。')).toEqual(['百名', '二十个']);
  });

  it('skips the phase of a project, and reads a 万 closed by a suffix as a figure', () => {
    expect(counted('到2025年，3期项目完成验收，覆盖100万以上人口。')).toEqual(['100万以上']);
    expect(counted('到2025年，推进二期工程建设，新增床位2万张。')).toEqual(['2万张']);
  });

  it('reads a duration only after a comparator word, never after 用 or 经过', () => {
    expect(counted('到2025年，平均住院日不超过8天，住院等候时间10天。')).toEqual(['8天']);
    expect(counted('到2025年，用3年时间完成改造，经过2年努力建成示范区。')).toEqual([]);
  });
});

describe('figures that are no commitment', () => {
  it('skips a subsidy rate unless it is raised to a level', () => {
    expect(counted('城乡居民医保财政补助标准为每人每年580元。')).toEqual([]);
    expect(counted('城乡居民医保财政补助标准提高到每人每年610元。')).toEqual(['610元']);
  });

  it('skips a baseline before 力争 and the figure a qualifier names', () => {
    expect(counted('截至2021年底，全省共有医共体60个，力争到2025年达到100个。')).toEqual(['100个']);
    expect(counted('超过60个的乡镇卫生院要建成胸痛救治单元。')).toEqual([]);
    expect(counted('到2025年，达到60个以上的乡镇卫生院建成胸痛救治单元。')).toEqual(['60个以上']);
  });

  it('skips what is done already and a figure of a past year', () => {
    expect(counted('全省已建成5个区域医疗中心，到2025年，建成10个。')).toEqual(['10个']);
    expect(counted('2020年，全省共有执业医师15万人。')).toEqual([]);
  });

  it('skips a grant and a figure that only names what the next one counts', () => {
    expect(counted('到2025年，省财政给予最高10万元补助。')).toEqual([]);
    expect(counted('到2025年，产值10亿元以上企业集团20个。')).toEqual(['20个']);
    expect(counted('到2025年，全省共建成5个区域医疗中心和3个区域中医医疗中心。')).toEqual(['5个', '3个']);
  });
});
