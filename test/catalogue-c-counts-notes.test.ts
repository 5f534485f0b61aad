/**
 * Counts written "1000多人", "500余名", "1万余名" (more than the figure, 多/余 before the count unit),
 * a bare 万 before the people it counts ("惠及100万居民"), and a bracketed note of who does the work
 * closing a clause, which is not part of what is measured. Short texts written for this test; every
 * expected value is read off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

const KEYS = ['figure', 'indicator', 'comparator', 'value', 'unit', 'normalizedValue', 'baseUnit'] as const;
const read = (text: string) => fields(readTargets(text), KEYS);

describe('多 and 余 between a figure and its count unit', () => {
  it('reads "1000多人" as more than 1000 people', () => {
    expect(read('到2025年，培训乡村医生1000多人。')).toEqual([
      {
        figure: '1000多人',
        indicator: '培训乡村医生',
        comparator: '>',
        value: 1000,
        unit: '人',
        normalizedValue: 1000,
        baseUnit: '人',
      },
    ]);
  });

  it('reads 余 as 多', () => {
    expect(read('到2025年，培训全科医生500余名。')).toMatchObject([
      { figure: '500余名', comparator: '>', value: 500, unit: '名' },
    ]);
  });

  it('keeps 万 with the unit after 余: "1万余名" is more than 10000 people', () => {
    expect(read('到2025年，培训乡村医生1万余名。')).toEqual([
      {
        figure: '1万余名',
        indicator: '培训乡村医生',
        comparator: '>',
        value: 1,
        unit: '万名',
        normalizedValue: 10000,
        baseUnit: '名',
      },
    ]);
  });

  it('reads 多 before a unit of events and before a building count', () => {
    expect(read('到2025年，开展义诊300多场次，建成示范村20多个。')).toMatchObject([
      { figure: '300多场次', comparator: '>', value: 300, unit: '场次' },
      { figure: '20多个', comparator: '>', value: 20, unit: '个' },
    ]);
  });

  it('leaves "100多年来" alone: 年 is no count unit, and a span of the past is no target', () => {
    expect(read('近100多年来，全省培训医生3人。')).toMatchObject([{ figure: '3人', value: 3 }]);
  });
});

describe('a bare 万 before the people it counts', () => {
  it('reads "惠及100万居民" as 100 万, a million', () => {
    expect(read('到2025年，家庭医生服务惠及100万居民。')).toEqual([
      {
        figure: '100万',
        indicator: '家庭医生服务惠及居民',
        comparator: '=',
        value: 100,
        unit: '万',
        normalizedValue: 1000000,
        baseUnit: null,
      },
    ]);
  });

  it('reads 群众 and 农户 the same way', () => {
    expect(read('到2025年，项目惠及50万群众，带动2万农户增收。')).toMatchObject([
      { figure: '50万', value: 50, unit: '万' },
      { figure: '2万', value: 2, unit: '万' },
    ]);
  });

  it('still takes no 万 opening another word for a figure', () => {
    // the dated clause stays a milestone; "3万" is not read as a figure
    expect(read('到2025年，推进3万众创新空间建设。')).toMatchObject([
      { figure: '2025年', comparator: 'milestone', value: null },
    ]);
  });
});

describe('a note of who does the work closing a clause', () => {
  it('is no part of the indicator, though the quote keeps it', () => {
    const [t] = readTargets(
      '到2025年，全省婴儿死亡率降至5‰以下（省卫生健康委负责），孕产妇死亡率降至10/10万以下。',
    );
    expect(t.indicator).toBe('全省婴儿死亡率');
    expect(t.quote).toBe('全省婴儿死亡率降至5‰以下（省卫生健康委负责）');
  });

  it('drops a 牵头单位 note with its colon and semicolon', () => {
    expect(
      read('到2025年，基层就诊率达到65%（牵头单位：省卫生健康委；配合单位：省医保局）。').map(
        (t) => t.indicator,
      ),
    ).toEqual(['基层就诊率']);
  });

  it('drops a closing bracket giving a base year’s value', () => {
    expect(read('到2025年，全省建成10个区域医疗中心（2020年为5个）。')).toMatchObject([
      { figure: '10个', indicator: '全省建成区域医疗中心', value: 10 },
    ]);
  });

  it('keeps a bracket that qualifies what is measured', () => {
    expect(read('到2025年，预约诊疗率达到80%（含民营医院）。').map((t) => t.indicator)).toEqual([
      '预约诊疗率（含民营医院）',
    ]);
  });
});

describe('the base a rate is counted per', () => {
  it('keeps the people after 每万名: "每万名居民", "每千名老年人"', () => {
    const per = readTargets(
      '到2025年，每万名居民拥有全科医生3名，每千名老年人拥有养老床位40张，每千人口床位6张。',
    ).map((t) => t.perUnit);
    expect(per).toEqual(['每万名居民', '每千名老年人', '每千人口']);
  });
});

describe('a duration bounded by 低于', () => {
  it('is a target: "低于30分钟以内" and "低于15分钟"', () => {
    expect(read('到2025年，急救平均反应时间低于30分钟以内，院前急救呼叫满足率低于15分钟。')).toMatchObject([
      { figure: '30分钟以内', indicator: '急救平均反应时间', comparator: '<', value: 30, unit: '分钟' },
      { figure: '15分钟', comparator: '<', value: 15, unit: '分钟' },
    ]);
  });

  it('is no target when it names whom a measure is for ("低于60岁的人群")', () => {
    expect(read('对年龄低于60岁的人群，每年培训3人。')).toMatchObject([{ figure: '3人', value: 3 }]);
  });
});

describe('a year after a figure in the same clause', () => {
  it('counts nothing: the figure before a dated note stays a target', () => {
    expect(
      read('到2024年建成社区医院10家（县卫健委负责，2023年底前完成），乡镇卫生院达标率达到90%。'),
    ).toMatchObject([
      { figure: '10家', indicator: '建成社区医院', value: 10, unit: '家' },
      { figure: '90%', indicator: '乡镇卫生院达标率', value: 90, unit: '%' },
    ]);
  });

  it('while a count before another figure still only names what that one counts', () => {
    expect(read('到2025年，培育产值10亿元以上企业集团20个。')).toMatchObject([
      { figure: '20个', value: 20, unit: '个' },
    ]);
  });
});

describe('a validity clause opening a sentence', () => {
  it('dates the document; the rest of the sentence is read', () => {
    expect(read('本方案自印发之日起实施，2023年底前各地完成自查。')).toMatchObject([
      { figure: '2023年底前', indicator: '各地完成自查', comparator: 'milestone' },
    ]);
    expect(read('本方案自印发之日起实施，到2025年全县建成10个服务站。')).toMatchObject([
      { figure: '10个', indicator: '全县建成服务站', value: 10 },
    ]);
  });

  it('leaves nothing to read when the rest is validity too, or when it closes the sentence', () => {
    expect(read('本方案自2025年3月1日起施行，有效期至2027年12月31日止。')).toEqual([]);
    expect(read('本方案自印发之日起实施，有效期5年。')).toEqual([]);
    expect(read('到2025年，全县建成10个服务站，本方案自印发之日起实施。')).toEqual([]);
  });
});

describe('a date in the figure’s own clause after a ；', () => {
  it('beats the date that opened the sentence', () => {
    expect(
      readTargets('到2025年，全省建成县域医共体；90%的县2024年底前建成医共体。').map((t) => [
        t.figure,
        t.deadline,
      ]),
    ).toEqual([
      ['2025年', '2025'],
      ['90%', '2024'],
    ]);
  });

  it('while a part with no date of its own keeps the sentence’s', () => {
    expect(
      readTargets('到2025年，基层诊疗量占比达到65%；县域就诊率达到90%。').map((t) => [t.figure, t.deadline]),
    ).toEqual([
      ['65%', '2025'],
      ['90%', '2025'],
    ]);
  });
});
