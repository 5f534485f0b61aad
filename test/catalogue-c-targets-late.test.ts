/**
 * The later steps of reading a figure (targets.ts from notACommitment on): values with thousands
 * separators and ranges, per-year figures, the unit a figure applies to, restatements, 全覆盖,
 * fractions in words, and 的 after a count. Short texts written for this test; expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

const read = (text: string) =>
  fields(readTargets(text), [
    'figure',
    'indicator',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'deadline',
    'perYear',
    'perUnit',
  ] as const);

describe('values', () => {
  it('reads thousands separators', () => {
    expect(read('到2025年，全省培训医生1,200人。')).toMatchObject([{ figure: '1,200人', value: 1200 }]);
  });

  it('reads a range in digits or in words, and the unit each county is counted per', () => {
    const expected = { comparator: 'range', value: 3, valueMax: 5, unit: '个', perUnit: '每个县' };
    expect(read('到2025年，每个县建设3至5个服务站。')).toMatchObject([{ figure: '3至5个', ...expected }]);
    expect(read('到2025年，每个县建设三至五个服务站。')).toMatchObject([{ figure: '三至五个', ...expected }]);
    expect(read('到2025年，每个乡镇新建1所卫生院。')).toMatchObject([{ value: 1, perUnit: '每个乡镇' }]);
  });
});

describe('per year', () => {
  it('is a unit per year, or 每年 before the figure, even in the clause before', () => {
    expect(read('到2025年，开展巡诊4次/年。')).toMatchObject([{ unit: '次/年', perYear: true }]);
    expect(read('今后每年，全省培训医生100人。')).toMatchObject([
      { value: 100, perYear: true, deadline: null },
    ]);
    expect(read('到2025年，全省培训医生100人。')).toMatchObject([{ value: 100, perYear: false }]);
  });
});

describe('a restatement', () => {
  it('links to the figure it restates and measures the same thing', () => {
    const [a, b] = readTargets('到2025年，全省每千人口执业医师达到3.2人，即达到41000人以上。');
    expect([a.figure, a.linkTo, a.perUnit]).toEqual(['3.2人', null, '每千人口']);
    expect([b.figure, b.comparator, b.indicator, b.linkTo]).toEqual([
      '41000人以上',
      '>=',
      '全省每千人口执业医师',
      a.figureStart,
    ]);
  });
});

describe('全覆盖', () => {
  it('is 100 % of what is covered, without the verb', () => {
    expect(read('到2025年，实现家庭医生签约服务全覆盖。')).toEqual([
      {
        figure: '全覆盖',
        indicator: '家庭医生签约服务覆盖率',
        comparator: '=',
        value: 100,
        valueMax: null,
        unit: '%',
        deadline: '2025',
        perYear: false,
        perUnit: null,
      },
    ]);
  });

  it('takes a date closing its clause', () => {
    expect(read('基层医疗卫生机构全覆盖，2024年底前完成。')).toMatchObject([
      { figure: '全覆盖', indicator: '基层医疗卫生机构覆盖率', deadline: '2024' },
    ]);
  });

  it('is no figure when written 全面覆盖', () => {
    expect(read('到2025年，基本实现乡村医疗卫生机构全面覆盖。')).toMatchObject([{ comparator: 'milestone' }]);
  });

  it('restates a 100 % written before it', () => {
    expect(read('到2025年，村卫生室覆盖率达到100%，实现全覆盖。')).toMatchObject([
      { figure: '100%', value: 100, comparator: '>=' },
    ]);
  });
});

describe('fractions in words', () => {
  it('reads 三分之二以上 as at least 66.7 %', () => {
    expect(read('到2025年，县域就诊率达到三分之二以上。')).toMatchObject([
      {
        figure: '三分之二',
        indicator: '县域就诊率',
        comparator: '>=',
        value: 66.7,
        unit: '%',
        deadline: '2025',
      },
    ]);
  });

  it('reads 一半以上 with a date closing its clause, measured on what follows 的', () => {
    expect(read('力争一半以上的县达标，2024年完成。')).toMatchObject([
      { figure: '一半以上', indicator: '县达标', comparator: '>=', value: 50, deadline: '2024' },
    ]);
  });
});

describe('a share before 的', () => {
  it('is measured on what follows it, with or without 以上', () => {
    expect(read('到2025年，80%以上的村卫生室达到服务能力标准。')).toMatchObject([
      { figure: '80%以上', indicator: '村卫生室达到服务能力标准', comparator: '>=', value: 80 },
    ]);
    expect(read('到2025年，90%的乡镇卫生院达到服务能力标准。')).toMatchObject([
      { figure: '90%', indicator: '乡镇卫生院达到服务能力标准', comparator: '=', value: 90 },
    ]);
  });
});

describe('的 after a count', () => {
  it('is no qualifier when a word stands between the count and 的', () => {
    expect(read('到2025年，建成20个标准化的村卫生室。')).toMatchObject([{ figure: '20个', value: 20 }]);
    expect(read('到2025年，新建5个医疗机构的医疗废物处置中心。')).toMatchObject([
      { figure: '5个', value: 5 },
    ]);
  });

  it('is a qualifier right after the count ("超过60个的乡镇卫生院")', () => {
    expect(read('到2025年，超过60个的乡镇卫生院要达标。')).toMatchObject([{ comparator: 'milestone' }]);
  });
});
