/**
 * How one figure of a policy sentence is read: its comparator from the words around it, what it
 * measures (comparator words and deadline phrases left out), the unit each figure applies to (每个县,
 * 每千人口), yearly figures, restatements, and the deadline it takes. Sentences are written for this
 * test in the style of 实施意见 / 实施方案; every expected field is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  const targets = readTargets(text, docYear);
  const keys = [
    'figure',
    'indicator',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'deadline',
    'perYear',
    'perUnit',
  ] as const;
  // the figure a restatement links to, as its first characters
  return fields(targets, keys).map((t, i) => {
    const at = targets[i].linkTo;
    return { ...t, linkTo: at === null ? null : text.slice(at, at + 4) };
  });
}
const row = (text: string) => read(text).map((t) => [t.figure, t.indicator, t.comparator, t.value]);

describe('the comparator and the indicator', () => {
  it('reads 超过…以上 as more than, 低于…以下 as less than, 上下 and 近 as about', () => {
    expect(
      row(
        '到2025年，县域内就诊率超过90%以上，孕产妇死亡率低于10/10万以下，住院率保持在95%上下，签约率近90%。',
      ),
    ).toEqual([
      ['90%以上', '县域内就诊率', '>', 90],
      ['10/10万以下', '孕产妇死亡率', '<', 10],
      ['95%上下', '住院率', '≈', 95],
      ['90%', '签约率', '≈', 90],
    ]);
  });

  it('reads 维持在 as a level to hold and 稳定在…以上 as a floor', () => {
    expect(row('到2025年，病床使用率维持在85%，政策范围内报销比例稳定在75%以上。')).toEqual([
      ['85%', '病床使用率', '=', 85],
      ['75%以上', '政策范围内报销比例', '>=', 75],
    ]);
  });

  it('leaves every comparator word out of the indicator', () => {
    expect(
      row(
        '到2025年，平均住院日缩短至8天，门诊人次突破500万人次，床位增至3000张，住院费用增长率压缩到5%，' +
          '新增医师超1000人，每千人口护士数力争达到3.5人。',
      ),
    ).toEqual([
      ['8天', '平均住院日', '<=', 8],
      ['500万人次', '门诊人次', '>=', 500],
      ['3000张', '床位', '>=', 3000],
      ['5%', '住院费用增长率', '<=', 5],
      ['1000人', '新增医师', '>', 1000],
      ['3.5人', '每千人口护士数', '>=', 3.5],
    ]);
  });

  it('gives every item of a 、-list the at-least of the first, but not an item after a comma', () => {
    expect(row('到2025年，建成不少于50个社区医院、50个中医馆、110个健康小屋。')).toEqual([
      ['50个', '建成社区医院', '>=', 50],
      ['50个', '中医馆', '>=', 50],
      ['110个', '健康小屋', '>=', 110],
    ]);
    expect(row('到2025年，建成不少于50个社区医院，50个中医馆。')).toEqual([
      ['50个', '建成社区医院', '>=', 50],
      ['50个', '中医馆', '=', 50],
    ]);
  });

  it('reads "至少开展巡回医疗2次" as at least, the verb and its object in between', () => {
    expect(read('到2025年，各县每年至少开展巡回医疗2次。')[0]).toMatchObject({
      indicator: '各县每年至少开展巡回医疗',
      comparator: '>=',
      value: 2,
      perYear: true,
    });
  });
});

describe('list items', () => {
  it('reads a figure in the middle of a long 、-list as its own item', () => {
    expect(
      read('到2025年，完善胸痛中心、卒中中心、每个县建成1个创伤中心、危重新生儿救治中心。').map((t) => [
        t.figure,
        t.indicator,
        t.perUnit,
      ]),
    ).toEqual([['1个', '每个县建成创伤中心', '每个县']]);
  });

  it('does not split an item at a 、 inside brackets', () => {
    expect(row('到2025年，培育5个省级重点专科（含中医、康复）、3个区域医疗中心。')).toEqual([
      ['5个', '培育省级重点专科（含中医、康复）', '=', 5],
      ['3个', '区域医疗中心', '=', 3],
    ]);
  });
});

describe('doubling, restatements and big numbers', () => {
  it('reads 实现翻一番 as twice, measuring what comes before it', () => {
    expect(read('到2025年，全省中医药产业规模实现翻一番。')).toMatchObject([
      { indicator: '全省中医药产业规模', comparator: '>=', value: 2, unit: '倍', deadline: '2025' },
    ]);
  });

  it('links a restatement (即…) to the figure it restates and gives it the same indicator', () => {
    expect(read('到2025年，全省人才密度达到人口总数的1.5‰，即达到41000人以上。')).toMatchObject([
      { figure: '1.5‰', comparator: '>=', value: 1.5, unit: '‰', linkTo: null },
      {
        figure: '41000人以上',
        indicator: '全省人才密度达到人口总数',
        comparator: '>=',
        value: 41000,
        unit: '人',
        linkTo: '1.5‰',
      },
    ]);
  });

  it('reads thousands separators, a per-year unit and a range in Chinese numerals', () => {
    expect(
      read('到2025年，县级医院年门诊量达到1,200,000人次，开展远程会诊4次/年，建设三至五个区域中心。').map(
        (t) => [t.figure, t.comparator, t.value, t.valueMax, t.unit, t.perYear],
      ),
    ).toEqual([
      ['1,200,000人次', '>=', 1200000, null, '人次', false],
      ['4次/年', '=', 4, null, '次/年', true],
      ['三至五个', 'range', 3, 5, '个', false],
    ]);
  });
});

describe('the unit each figure applies to and yearly figures', () => {
  it('reads 每个乡镇卫生院 and 每个县 up to the verb, 每千人口 as a rate base', () => {
    expect(
      read(
        '到2025年，每个乡镇卫生院配备2名公共卫生医师，每个县 至少建成1所中医医院，每千人口床位数达到6张。',
      ).map((t) => [t.figure, t.perUnit, t.comparator]),
    ).toEqual([
      ['2名', '每个乡镇卫生院', '='],
      ['1所', '每个县', '>='],
      ['6张', '每千人口', '>='],
    ]);
  });

  it('reads 每年 as yearly, not as a unit the figure applies to', () => {
    expect(read('每年培训乡村医生200人。')[0]).toMatchObject({ perYear: true, perUnit: null, value: 200 });
    expect(read('每年度，各县新增家庭医生200名。')[0]).toMatchObject({
      indicator: '各县新增家庭医生',
      perYear: true,
      perUnit: null,
    });
    expect(read('到2025年，各县新增家庭医生200名。')[0]).toMatchObject({ perYear: false });
  });
});

describe('the deadline a figure takes', () => {
  it('takes a date closing its clause, not one opening a commitment of its own', () => {
    expect(read('全省乡镇卫生院达标率达到90%，2025年底前完成。')[0]).toMatchObject({
      indicator: '全省乡镇卫生院达标率',
      deadline: '2025',
    });
    expect(
      read('每年培训乡村医生200人，2024年开展中期评估。').map((t) => [t.comparator, t.deadline]),
    ).toEqual([
      ['=', null],
      ['milestone', '2024'],
    ]);
  });
});
