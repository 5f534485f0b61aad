/**
 * The figures of a policy sentence read as targets (extractTargets): comparator words and suffixes,
 * units and their magnitudes, ranges, list items, rates per 千人口, yearly figures, base years, and the
 * figures that are no commitment (done already, subsidies, qualifiers, years, phases, durations).
 * Sentences are written for this test in the style of 实施意见 / 实施方案; every expected field is read
 * off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(readTargets(text, docYear), [
    'figure',
    'quote',
    'indicator',
    'comparator',
    'value',
    'valueMax',
    'unit',
    'normalizedValue',
    'baseUnit',
    'deadline',
    'perYear',
    'perUnit',
  ]);
}
const figures = (text: string) => read(text).map((t) => t.figure);

describe('the comparator', () => {
  // read inside each test (a mutation run activates its change per test, not while collecting)
  const sentence = () =>
    read(
      '到2025年，全省每千人口执业（助理）医师数不低于3.2人，二级以上医院床位使用率超过85%，' +
        '基层诊疗量占比达到65%左右，孕产妇死亡率低于10/10万，护理型床位占比达到55%—60%。',
    );

  it('reads at-least, more-than, about, less-than and a range, each with the plan year', () => {
    const t = sentence();
    expect(t.map((x) => [x.figure, x.comparator, x.value, x.valueMax, x.unit, x.deadline])).toEqual([
      ['3.2人', '>=', 3.2, null, '人', '2025'],
      ['85%', '>', 85, null, '%', '2025'],
      ['65%左右', '≈', 65, null, '%', '2025'],
      ['10/10万', '<', 10, null, '/10万', '2025'],
      ['55%—60%', 'range', 55, 60, '%', '2025'],
    ]);
  });

  it('names what is measured without the comparator word, and the rate’s base as its per-unit', () => {
    const t = sentence();
    expect(t.map((x) => x.indicator)).toEqual([
      '全省每千人口执业（助理）医师数',
      '二级以上医院床位使用率',
      '基层诊疗量占比',
      '孕产妇死亡率',
      '护理型床位占比',
    ]);
    expect(t.map((x) => x.perUnit)).toEqual(['每千人口', null, null, null, null]);
    expect(t[0].quote).toBe('全省每千人口执业（助理）医师数不低于3.2人');
  });

  it('reads a ceiling, a level held, and a floor written 以上 after 稳定在', () => {
    const s = read('力争全市公立医院平均住院日控制在9天以内，药占比保持在30%，门诊患者满意度稳定在90%以上。');
    expect(s.map((x) => [x.figure, x.comparator, x.indicator, x.deadline])).toEqual([
      ['9天以内', '<=', '全市公立医院平均住院日', null],
      ['30%', '=', '药占比', null],
      ['90%以上', '>=', '门诊患者满意度', null],
    ]);
  });

  it('reads a ceiling reached by lowering, and a base year that is not the deadline', () => {
    expect(read('到2025年，婴儿死亡率较2020年降低到5‰以下。')[0]).toMatchObject({
      comparator: '<=',
      value: 5,
      unit: '‰',
      deadline: '2025',
      indicator: '婴儿死亡率较2020年',
    });
    expect(read('到2025年，全市细颗粒物平均浓度比2020年下降10%。')[0]).toMatchObject({
      comparator: '=',
      value: 10,
      unit: '%',
      deadline: '2025',
    });
  });

  it('gives every item of a 、-list the comparator and deadline of the first', () => {
    const s = read('到2025年，新建社区养老服务设施不少于50个、日间照料中心30个、老年食堂110个。');
    expect(s.map((x) => [x.indicator, x.comparator, x.value, x.unit, x.deadline])).toEqual([
      ['新建社区养老服务设施', '>=', 50, '个', '2025'],
      ['日间照料中心', '>=', 30, '个', '2025'],
      ['老年食堂', '>=', 110, '个', '2025'],
    ]);
  });
});

describe('units', () => {
  it('turns 万人 and 亿元 into 人 and 元, and keeps 个百分点 and areas as written', () => {
    const s = read('累计新增就业1.5万人，完成投资10亿元，能耗下降3个百分点，人均体育场地面积达到2.6平方米。');
    expect(s.map((x) => [x.figure, x.value, x.unit, x.normalizedValue, x.baseUnit])).toEqual([
      ['1.5万人', 1.5, '万人', 15000, '人'],
      ['10亿元', 10, '亿元', 1e9, '元'],
      ['3个百分点', 3, '个百分点', 3, '个百分点'],
      ['2.6平方米', 2.6, '平方米', 2.6, '平方米'],
    ]);
    expect(s[2].indicator).toBe('能耗下降');
  });

  it('reads 万个 after 达到 as a count of ten thousands', () => {
    expect(read('对新建托育机构给予最高10万元补助，到2025年托位数达到2万个。')).toEqual([
      expect.objectContaining({
        figure: '2万个',
        comparator: '>=',
        value: 2,
        unit: '万个',
        normalizedValue: 20000,
        baseUnit: '个',
        indicator: '托位数',
        deadline: '2025',
      }),
    ]);
  });
});

describe('figures that are no commitment', () => {
  it('skips what is built already and keeps what is to be added', () => {
    expect(read('全省已建成区域医疗中心5个，到2025年新增3个。').map((x) => [x.figure, x.deadline])).toEqual([
      ['3个', '2025'],
    ]);
  });

  it('skips a qualifier with 的, an ordinal, a phase and the base of a rate', () => {
    expect(figures('对床位超过100张的养老机构，到2025年护理型床位占比达到60%。')).toEqual(['60%']);
    expect(figures('推进第3批试点，2025年实现二期工程竣工，每10万人口拥有全科医生3名。')).toEqual(['3名']);
  });

  it('counts a duration only after a comparator word', () => {
    expect(figures('落实《健康中国2030规划纲要》，培训时间不少于3天，每次培训2天。')).toEqual(['3天']);
  });

  it('counts a single Chinese numeral only after a verb of building', () => {
    const s = read('到2025年，每个县（市、区）至少建成1所县级医院，各乡镇建设一所中心卫生院。');
    expect(s.map((x) => [x.figure, x.comparator, x.value, x.perUnit])).toEqual([
      ['1所', '>=', 1, '每个县（市、区）'],
      ['一所', '=', 1, null],
    ]);
    expect(figures('推动一所医院牵头组建医联体。')).toEqual([]);
  });
});

describe('a restatement and figures written as words', () => {
  it('links the second figure of "…1.5‰，即达到41000人以上" to the first and measures the same thing', () => {
    const text = '全省社会体育指导员达到人口总数的1.5‰，即达到41000人以上。';
    const all = readTargets(text);
    expect(all.map((x) => [x.comparator, x.value, x.unit])).toEqual([
      ['>=', 1.5, '‰'],
      ['>=', 41000, '人'],
    ]);
    expect(all[0].linkTo).toBeNull();
    expect(all[1].linkTo).toBe(all[0].figureStart);
    expect(all[1].indicator).toBe(all[0].indicator);
  });

  it('reads 全覆盖 as 100 %, 三分之二以上 as at least 66.7 %, 一半以上 as at least 50 % and 零增长 as at most 0', () => {
    const s = read(
      '到2025年，实现乡镇卫生院远程医疗全覆盖，三分之二以上的县达到标准，一半以上的村卫生室纳入一体化管理，实现安全生产事故零增长。',
    );
    expect(s.map((x) => [x.figure, x.comparator, x.value, x.unit, x.deadline])).toEqual([
      ['全覆盖', '=', 100, '%', '2025'],
      ['三分之二', '>=', 66.7, '%', '2025'],
      ['一半以上', '>=', 50, '%', '2025'],
      ['零增长', '<=', 0, '%', '2025'],
    ]);
    expect(read('到2025年，空置率降到三分之一以下。')[0]).toMatchObject({ comparator: '<=', value: 33.3 });
  });
});

describe('codes, Chinese numerals and lists', () => {
  it('reads no figure inside a code (PM2.5, 5G) and reads the ceiling of a compound unit', () => {
    const s = read('到2025年，全市PM2.5年均浓度控制在35微克/立方米以下，建成5G基站3000个。');
    expect(s.map((x) => [x.figure, x.comparator, x.unit, x.indicator])).toEqual([
      ['35微克/立方米以下', '<=', '微克/立方米', '全市PM2.5年均浓度'],
      ['3000个', '=', '个', '建成5G基站'],
    ]);
  });

  it('counts 二十个 but not 一批, 两个, “三个一” or 十大工程', () => {
    const s = read('培育二十个特色小镇，建设一批示范项目，实现两个全覆盖，推进“三个一”工程，实施十大工程。');
    expect(s[0]).toMatchObject({ figure: '二十个', value: 20, unit: '个', indicator: '培育特色小镇' });
    expect(s.map((x) => x.figure).filter((f) => /一批|两个|三个|十大/.test(f))).toEqual([]);
  });

  it('names what each figure applies to after 每个, up to the verb', () => {
    const s = read('每个乡镇建有1所标准化卫生院，每个村配备2名以上乡村医生。');
    expect(s.map((x) => [x.perUnit, x.comparator, x.value, x.indicator])).toEqual([
      ['每个乡镇', '=', 1, '每个乡镇建有标准化卫生院'],
      ['每个村', '>=', 2, '每个村配备乡村医生'],
    ]);
  });

  it('splits a clause joined by 和 into its items, each with its own comparator', () => {
    const s = read('到2025年，农村自来水普及率达到90%，城市污水处理率达到95%和农村生活污水治理率达到40%。');
    expect(s.map((x) => [x.indicator, x.value, x.quote])).toEqual([
      ['农村自来水普及率', 90, '农村自来水普及率达到90%'],
      ['城市污水处理率', 95, '城市污水处理率达到95%和农村生活污水治理率达到40%'],
      ['农村生活污水治理率', 40, '城市污水处理率达到95%和农村生活污水治理率达到40%'],
    ]);
  });

  it('skips a share that names which hospitals are meant, and keeps the ceiling after it', () => {
    expect(read('到2025年，全市药占比超过30%的医院全部完成整改，二级医院药占比不高于30%。')).toEqual([
      expect.objectContaining({ quote: '二级医院药占比不高于30%', comparator: '<=', value: 30 }),
    ]);
  });

  it('marks a figure written 每年 as yearly and reads 万人次 as ten thousand 人次', () => {
    const s = read('新增城镇就业3.5万人以上，城镇登记失业率控制在4.5%以内，每年开展职业技能培训2万人次。');
    expect(s.map((x) => [x.comparator, x.normalizedValue, x.baseUnit, x.perYear])).toEqual([
      ['>=', 35000, '人', false],
      ['<=', 4.5, '%', false],
      ['=', 20000, '人次', true],
    ]);
  });
});

describe('subsidies, things done and reports since a year', () => {
  it('keeps a subsidy standard raised to a level, and skips one that only states the rate', () => {
    expect(
      read('城乡居民基本公共卫生服务补助标准提高到每人每年94元，家庭医生签约补贴标准为每人200元。').map(
        (x) => [x.figure, x.comparator, x.perYear],
      ),
    ).toEqual([['94元', '>=', true]]);
  });

  it('skips what was built (建成了), a figure of a past year, and what was done since a year', () => {
    expect(figures('全省建成了3所区域医疗中心，2020年全省共有执业医师2万人，到2025年新增5所。')).toEqual([
      '5所',
    ]);
    expect(figures('全市排名进入全省前列，2022年以来新增就业5万人。')).toEqual([]);
    expect(
      read('“十三五”以来，全省新增床位2万张，到2025年新增床位1万张。').map((x) => [x.figure, x.deadline]),
    ).toEqual([['1万张', '2025']]);
  });

  it('reads each count of a 、-list of levels', () => {
    expect(read('全市建成3个国家级、5个省级示范基地。').map((x) => [x.value, x.indicator])).toEqual([
      [3, '全市建成国家级'],
      [5, '省级示范基地'],
    ]);
  });
});
