/**
 * Figures written as words (三分之二, 一半以上, 零增长) read as targets: the value as a share, the
 * comparator from the words around the fraction (as a figure's is read), what is measured, and the
 * deadline. Sentences are written for this test in the style of 实施意见 / 实施方案; every expected
 * field is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(readTargets(text, docYear), [
    'figure',
    'indicator',
    'comparator',
    'value',
    'unit',
    'deadline',
  ]);
}

describe('the comparator of a fraction', () => {
  it('reads 超过 as more than and 低于 as less than', () => {
    expect(read('到2025年，县域内就诊率超过三分之二，基层首诊率低于四分之一。')).toEqual([
      {
        figure: '三分之二',
        indicator: '县域内就诊率',
        comparator: '>',
        value: 66.7,
        unit: '%',
        deadline: '2025',
      },
      {
        figure: '四分之一',
        indicator: '基层首诊率',
        comparator: '<',
        value: 25,
        unit: '%',
        deadline: '2025',
      },
    ]);
  });

  it('skips a fraction that only names whom a measure is for ("低于四分之一的县")', () => {
    expect(read('基层首诊率低于四分之一的县要制定整改方案。')).toEqual([]);
    expect(read('药占比超过三分之一的医院要限期整改。')).toEqual([]);
    // with a suffix it bounds a share of what follows, a target
    expect(read('到2025年，三分之二以上的县要建成医共体。')[0]).toMatchObject({
      comparator: '>=',
      value: 66.7,
    });
  });

  it('reads 以内 and 控制在 as at most, 左右 and 约 as about, 不低于 as at least', () => {
    expect(read('各地要将药占比控制在三分之一以内。')[0]).toMatchObject({
      indicator: '各地要将药占比',
      comparator: '<=',
      value: 33.3,
    });
    expect(read('各地要将检查检验费用占比控制在五分之一。')[0]).toMatchObject({
      indicator: '各地要将检查检验费用占比',
      comparator: '<=',
      value: 20,
    });
    expect(read('到2025年，住院费用报销比例保持在四分之三左右。')[0]).toMatchObject({
      indicator: '住院费用报销比例',
      comparator: '≈',
      value: 75,
    });
    expect(read('到2025年，家庭医生签约率约三分之二。')[0]).toMatchObject({
      indicator: '家庭医生签约率',
      comparator: '≈',
      value: 66.7,
    });
    expect(read('到2025年，二级医院参与医联体的比例不低于五分之四。')[0]).toMatchObject({
      indicator: '二级医院参与医联体的比例',
      comparator: '>=',
      value: 80,
    });
  });

  it('reads a plain fraction as equal, 以下 as at most and 以上 after 超过 as more than', () => {
    expect(read('到2024年，中医馆覆盖面为五分之三。')[0]).toMatchObject({ comparator: '=', value: 60 });
    expect(read('到2024年，空床率降至十分之一以下。')[0]).toMatchObject({ comparator: '<=', value: 10 });
    expect(read('到2024年，签约覆盖率超过三分之一以上。')[0]).toMatchObject({ comparator: '>', value: 33.3 });
    expect(read('到2024年，签约覆盖率不超过三分之一以上。')[0]).toMatchObject({ comparator: '>=' });
  });
});

describe('what a fraction measures', () => {
  it('reads "三分之一以上的县…" and "一半以上的乡镇卫生院…" on what follows 的', () => {
    expect(read('力争三分之一以上的县建成紧密型县域医共体，2024年底前完成。')).toEqual([
      {
        figure: '三分之一',
        indicator: '县建成紧密型县域医共体',
        comparator: '>=',
        value: 33.3,
        unit: '%',
        deadline: '2024',
      },
    ]);
    expect(read('到2025年，一半以上的乡镇卫生院达到服务能力推荐标准。')[0]).toMatchObject({
      figure: '一半以上',
      indicator: '乡镇卫生院达到服务能力推荐标准',
      comparator: '>=',
      value: 50,
    });
  });

  it('drops 实现 before a zero outcome and keeps the subject', () => {
    expect(read('到2023年，全市新发尘肺病实现零增长。')).toEqual([
      {
        figure: '零增长',
        indicator: '全市新发尘肺病',
        comparator: '<=',
        value: 0,
        unit: '%',
        deadline: '2023',
      },
    ]);
    expect(read('2024年底前，全省孕产妇死亡零发生。')[0]).toMatchObject({
      indicator: '全省孕产妇死亡',
      comparator: '<=',
      value: 0,
      deadline: '2024',
    });
  });
});

describe('which fractions are targets and when they are due', () => {
  it('skips a fraction that is a rule of a subsidy scheme', () => {
    expect(read('县级财政补助标准为三分之二。')).toEqual([]);
    expect(read('对建档立卡贫困人口给予三分之一的参保补贴。')).toEqual([]);
  });

  it('takes the date written before the fraction, else the one after it, else none', () => {
    expect(
      read('到2023年，门诊量占比达到三分之一，到2025年，住院量占比达到二分之一。').map((t) => t.deadline),
    ).toEqual(['2023', '2025']);
    expect(read('门诊量占比达到三分之一，2024年底前完成。')[0]).toMatchObject({
      deadline: '2024',
      value: 33.3,
    });
    expect(read('门诊量占比达到三分之一。')[0]).toMatchObject({ deadline: null, value: 33.3 });
  });

  it('reads several fractions in one sentence, each with its own indicator', () => {
    expect(
      read('到2025年，三级医院预约诊疗率达到三分之二，基层医疗卫生机构诊疗量占比达到五分之三。').map((t) => [
        t.figure,
        t.indicator,
        t.value,
      ]),
    ).toEqual([
      ['三分之二', '三级医院预约诊疗率', 66.7],
      ['五分之三', '基层医疗卫生机构诊疗量占比', 60],
    ]);
  });
});
