/**
 * How the extractor cuts policy text before it reads a figure: sentences (at 。！？ and at line
 * breaks that end one), clauses (a break inside brackets is no clause break), what is measured
 * (without list markers, dates, plan names and 力争-style words), list lines sharing the deadline of
 * the line that opened them with a colon, paragraphs opening with a report of the past, and titles
 * of documents in 《》. Sentences are written for this test in the style of 实施意见 / 实施方案; every
 * expected value is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { sentences } from '../src/core/catalogue/targets.js';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string) {
  return fields(readTargets(text), ['figure', 'quote', 'indicator', 'deadline']);
}
const cut = (text: string, from = 0, to = text.length) =>
  sentences(text, from, to).map(([a, b]) => text.slice(a, b));

describe('sentences', () => {
  it('end at a full stop, an exclamation or a question mark, full-width or not', () => {
    expect(cut('建成10个中心！培养人才？完善机制!健全制度?落实责任。')).toEqual([
      '建成10个中心！',
      '培养人才？',
      '完善机制!',
      '健全制度?',
      '落实责任。',
    ]);
  });

  it('leave out the spaces around them', () => {
    const text = '　　到2025年建成10个中心  ';
    expect(sentences(text, 0, text.length)).toEqual([[2, 15]]);
    expect(sentences('\n\n建成10个中心。\n', 0, 11)).toEqual([[2, 10]]);
  });

  it('stop at the end of the range read, even before a full stop', () => {
    expect(sentences('建成10个中心。培养人才。', 0, 6)).toEqual([[0, 6]]);
    expect(sentences('建成10个中心。培养人才。', 8, 13)).toEqual([[8, 13]]);
  });

  it('run on over a stray line break after a character, a digit or a comma', () => {
    expect(cut('到2025年，全省建成\n10个区域医疗中心，\n培养全科医生2000名。')).toEqual([
      '到2025年，全省建成\n10个区域医疗中心，\n培养全科医生2000名。',
    ]);
    expect(cut('一、主要目标。\n全\n省建成10个区域医疗中心。')).toEqual([
      '一、主要目标。',
      '全\n省建成10个区域医疗中心。',
    ]);
  });

  it('end at a line break after a colon or a bracket, spaces before the break or not', () => {
    expect(cut('到2025年，主要目标：  \n全省建成10个区域医疗中心。')).toEqual([
      '到2025年，主要目标：',
      '全省建成10个区域医疗中心。',
    ]);
    expect(cut('（一）主要目标\n到2025年，全省建成10个区域医疗中心。')).toEqual([
      '（一）主要目标\n到2025年，全省建成10个区域医疗中心。',
    ]);
    expect(cut('（牵头单位：省卫生健康委）\n到2025年，全省建成10个区域医疗中心。')).toEqual([
      '（牵头单位：省卫生健康委）',
      '到2025年，全省建成10个区域医疗中心。',
    ]);
  });
});

describe('a clause', () => {
  it('does not end at a colon or comma inside brackets', () => {
    const t = read(
      '到2025年，全省婴儿死亡率控制在5‰以下（牵头单位：省卫生健康委），孕产妇死亡率控制在10/10万以下。',
    );
    expect(t.map((x) => [x.figure, x.quote, x.deadline])).toEqual([
      ['5‰以下', '全省婴儿死亡率控制在5‰以下（牵头单位：省卫生健康委）', '2025'],
      ['10/10万以下', '孕产妇死亡率控制在10/10万以下', '2025'],
    ]);
    expect(read('到2025年，全省建成区域医疗中心（含中医、专科，不含民营）5个。')).toEqual([
      {
        figure: '5个',
        quote: '全省建成区域医疗中心（含中医、专科，不含民营）5个',
        indicator: '全省建成区域医疗中心（含中医、专科，不含民营）',
        deadline: '2025',
      },
    ]);
  });

  it('does not end at a thousands separator', () => {
    expect(read('到2025年，全省新增养老床位1,200张，全省建成10个区域医疗中心。').map((x) => x.quote)).toEqual(
      ['全省新增养老床位1,200张', '全省建成10个区域医疗中心'],
    );
  });
});

describe('what is measured', () => {
  it('leaves out the marker of a list item', () => {
    const t = read(
      '到2025年，主要目标：\n（一）全省孕产妇死亡率控制在10/10万以下；\n1. 婴儿死亡率控制在5‰以下；\n' +
        '一是5岁以下儿童死亡率控制在6‰以下；\n——二级以上医院预约诊疗率达到70%；\n（2）每千人口床位数达到6张。',
    );
    expect(t.map((x) => [x.indicator, x.deadline])).toEqual([
      ['全省孕产妇死亡率', '2025'],
      ['婴儿死亡率', '2025'],
      ['5岁以下儿童死亡率', '2025'],
      ['二级以上医院预约诊疗率', '2025'],
      ['每千人口床位数', '2025'],
    ]);
  });

  it('leaves out a date or a plan period written before it without a comma', () => {
    expect(read('2025年全省65岁及以上老年人城乡社区规范健康管理服务率达到65%以上。')[0].indicator).toBe(
      '全省65岁及以上老年人城乡社区规范健康管理服务率',
    );
    expect(read('2025年10月底前全省二级以上公立医院电子病历应用水平达到4级以上。')[0]).toEqual({
      figure: '4级以上',
      quote: '2025年10月底前全省二级以上公立医院电子病历应用水平达到4级以上',
      indicator: '全省二级以上公立医院电子病历应用水平',
      deadline: '2025-10',
    });
    expect(read('“十四五”期间全省新增养老床位2万张。')[0]).toEqual({
      figure: '2万张',
      quote: '“十四五”期间全省新增养老床位2万张',
      indicator: '全省新增养老床位',
      deadline: '2025',
    });
    expect(read('十四五期间全省新增普惠托位1万个。')[0].indicator).toBe('全省新增普惠托位');
  });

  it('leaves out 确保, 全面 and the like at its start, and keeps them inside it', () => {
    expect(read('到2025年，确保全面完成村卫生室标准化建设。')[0].indicator).toBe('完成村卫生室标准化建设');
    expect(read('到2025年，城乡居民基本医疗保险参保率稳定在95%以上。')[0].indicator).toBe(
      '城乡居民基本医疗保险参保率',
    );
    expect(read('到2025年，糖尿病并发症筛查率达到60%。')[0].indicator).toBe('糖尿病并发症筛查率');
    expect(read('到2023年底，建立健全分级诊疗制度、现代医院管理制度。')[0].indicator).toBe(
      '建立健全分级诊疗制度、现代医院管理制度',
    );
  });
  it('leaves out 力争 after a date, and the comma and space before a closing date', () => {
    expect(read('2025年力争全省县域内就诊率达到90%以上。')[0].indicator).toBe('全省县域内就诊率');
    expect(read('建立分级诊疗制度， 2023年底前完成。')[0]).toEqual({
      figure: '2023年底前',
      quote: '建立分级诊疗制度， 2023年底前完成。',
      indicator: '建立分级诊疗制度',
      deadline: '2023',
    });
  });
});

describe('list lines', () => {
  it('share the deadline of a line ending with a colon, whatever their marker', () => {
    const t = read(
      '到2025年，主要目标：\n（一）全省孕产妇死亡率控制在10/10万以下；\n1. 婴儿死亡率控制在5‰以下；\n一是5岁以下儿童死亡率控制在6‰以下。',
    );
    expect(t.map((x) => [x.figure, x.deadline])).toEqual([
      ['10/10万以下', '2025'],
      ['5‰以下', '2025'],
      ['6‰以下', '2025'],
    ]);
  });

  it('do not share the deadline of a sentence that opened no list', () => {
    expect(read('到2025年，全省婴儿死亡率控制在5‰以下。\n（1）5岁以下儿童死亡率控制在6‰以下。')).toEqual([
      {
        figure: '5‰以下',
        quote: '全省婴儿死亡率控制在5‰以下',
        indicator: '全省婴儿死亡率',
        deadline: '2025',
      },
      {
        figure: '6‰以下',
        quote: '（1）5岁以下儿童死亡率控制在6‰以下',
        indicator: '5岁以下儿童死亡率',
        deadline: null,
      },
    ]);
    // the colon inside the brackets opens no list
    const t = read(
      '到2025年，全省婴儿死亡率控制在5‰以下（牵头单位：省卫生健康委）。\n（1）5岁以下儿童死亡率控制在6‰以下。',
    );
    expect(t.map((x) => [x.figure, x.deadline])).toEqual([
      ['5‰以下', '2025'],
      ['6‰以下', null],
    ]);
  });

  it('do not carry a year of the past into the next sentence', () => {
    expect(read('我省2020年孕产妇死亡率为12.5/10万。孕产妇死亡率控制在10/10万以下。')).toEqual([
      {
        figure: '10/10万以下',
        quote: '孕产妇死亡率控制在10/10万以下',
        indicator: '孕产妇死亡率',
        deadline: null,
      },
    ]);
  });
});

describe('a paragraph opening with a report of the past', () => {
  it('reports facts until a sentence commits to something', () => {
    expect(
      read('截至2021年底，全省达到二级以上标准的医疗机构共有1200家。85%的乡镇卫生院能够提供中医药服务。'),
    ).toEqual([]);
    expect(
      read('截至2021年底，全省家庭医生签约服务覆盖率为65%。85%的乡镇卫生院能够提供中医药服务。'),
    ).toEqual([]);
    // "达到65%" reports the level reached; it is no "到2025年"
    expect(
      read('截至2021年底，全省家庭医生签约服务覆盖率达到65%。85%的乡镇卫生院能够提供中医药服务。'),
    ).toEqual([]);
  });

  it('commits again at a sentence with a target date', () => {
    expect(read('截至2021年底，全省共有养老机构1200家。2025年，养老床位总数超过5万张。')).toEqual([
      { figure: '5万张', quote: '养老床位总数超过5万张', indicator: '养老床位总数', deadline: '2025' },
    ]);
  });

  it('is no report when its date lies ahead', () => {
    const t = read(
      '截至2025年底，全省每千名老年人拥有养老床位数不少于35张。85%的乡镇卫生院能够提供中医药服务。',
    );
    expect(t.map((x) => [x.figure, x.deadline])).toEqual([
      ['35张', '2025'],
      ['85%', '2025'],
    ]);
  });
});

describe('a title in 《》', () => {
  it('holds no target, wherever it stands in the sentence', () => {
    expect(read('《100个县级医院综合能力全面提升工作方案》明确，到2025年全省建成10个区域医疗中心。')).toEqual(
      [
        {
          figure: '10个',
          quote: '到2025年全省建成10个区域医疗中心',
          indicator: '全省建成区域医疗中心',
          deadline: '2025',
        },
      ],
    );
    expect(
      read('贯彻落实《关于推进500家县级医院（含中医医院）能力提升的通知》，全省建成10个区域医疗中心。').map(
        (x) => x.figure,
      ),
    ).toEqual(['10个']);
  });

  it('closed before the figure leaves the figure a target', () => {
    expect(
      read('按照《健康中国行动（2019—2030年）》要求，全省建成10个区域医疗中心。').map((x) => x.figure),
    ).toEqual(['10个']);
  });
});
