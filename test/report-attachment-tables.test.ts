/**
 * The consolidated report's attachment tables laid out from hand-made lines: the 完成率 matrix (one
 * column per office, “—” for no data, “0.0” for not started, “/” where no ratio exists, laggards in
 * bold), the count table for more than 12 offices, and the 滞后指标清单 with the offices' own reasons
 * said once each. Every expected cell is written out here.
 */
import { describe, expect, it } from 'vitest';
import { targetLine as line } from './helpers/target-line.js';
import { completionMatrix, laggardList, shortOffice } from '../src/core/report/tables.js';

describe('office names for column headers', () => {
  it('drop the level or 自治 suffix, keeping at least two characters', () => {
    expect(shortOffice('长春市')).toBe('长春');
    expect(shortOffice('延边朝鲜族自治州')).toBe('延边');
    expect(shortOffice('长白朝鲜族自治县')).toBe('长白朝鲜族');
    expect(shortOffice('某自治州')).toBe('某自治州');
    expect(shortOffice('梅河口市人民政府')).toBe('梅河口市');
    expect(shortOffice('长白山管委会')).toBe('长白山');
    expect(shortOffice('中韩示范区管理委员会')).toBe('中韩示范区');
    expect(shortOffice('农安县')).toBe('农安');
    expect(shortOffice('朝阳区')).toBe('朝阳');
    expect(shortOffice('兴安盟')).toBe('兴安');
    expect(shortOffice('吉林省')).toBe('吉林省');
    expect(shortOffice('辽源市')).toBe('辽源');
    // one character left would be no name: keep the whole
    expect(shortOffice('集市')).toBe('集市');
    expect(shortOffice('市')).toBe('市');
  });
});

describe('the 完成率 matrix', () => {
  const targets = [
    line({
      targetId: 'T1',
      indicator: '地区生产总值增速',
      targetText: '≥6%',
      judged: '达到序时进度',
      rate: 0.9,
    }),
    line({
      targetId: 'T2',
      indicator: '单位GDP能耗下降',
      targetText: '',
      comparator: '<=',
      judged: '未启动',
    }),
    line({
      targetId: 'T3',
      indicator: '建成示范园区',
      targetText: '2026年前完成',
      comparator: 'milestone',
      judged: '已完成',
    }),
  ];
  const lines = [
    line({ targetId: 'T1', office: '长春市', judged: '已完成', rate: 1.125 }),
    line({ targetId: 'T1', office: '吉林市', judged: '未达到序时进度', rate: 0.4 }),
    line({ targetId: 'T2', office: '长春市', judged: '未启动' }),
    line({ targetId: 'T2', office: '吉林市', judged: '无数据' }),
    line({ targetId: 'T3', office: '长春市', judged: '已完成', comparator: 'milestone' }),
    // a consolidated line has no office and no column
    line({ targetId: 'T3', office: null, judged: '未启动' }),
  ];

  it('one row per indicator, one column per office', () => {
    const m = completionMatrix(targets, lines, ['长春市', '吉林市', '延边朝鲜族自治州'], []);
    expect(m.title).toBe('各单位指标完成率表');
    expect(m.note).toBe('单位：%');
    expect(m.columns.map((c) => c.header)).toEqual(['序号', '指标', '目标', '长春', '吉林', '延边']);
    expect(m.columns.slice(3).every((c) => c.min === 2.8 && c.max === 2.8 && c.align === 'right')).toBe(true);
    expect(m.rows).toEqual([
      ['1', '地区生产总值增速', '≥6%', '112.5', '40.0', '—'],
      ['2', '单位GDP能耗下降', '—', '0.0', '—', '—'],
      ['3', '建成示范园区', '2026年前完成', '/', '—', '—'],
    ]);
    expect(m.emphasis).toEqual([
      [false, false, false, false, true, false],
      [false, false, false, true, false, false],
      [false, false, false, false, false, false],
    ]);
    expect(m.footnote).toBe(
      '注：加粗为未达到序时进度或未启动；“—”为未填报；“/”为节点性或上限类指标（不计算完成率）。',
    );
  });

  it('names the offices that did not report', () => {
    const m = completionMatrix(targets, lines, ['长春市', '吉林市'], ['四平市', '通化市']);
    expect(m.footnote).toBe(
      '注：加粗为未达到序时进度或未启动；“—”为未填报；“/”为节点性或上限类指标（不计算完成率）；四平市、通化市未报送，未列入。',
    );
  });

  it('12 offices still get columns; 13 get counts per indicator instead', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `第${i + 1}市`);
    expect(completionMatrix(targets, lines, twelve, []).columns).toHaveLength(15);
    const thirteen = [...twelve, '长春市', '吉林市'].slice(0, 13);
    const many = [...lines, line({ targetId: 'T1', office: '第1市', judged: '达到序时进度', rate: 0.8 })];
    const c = completionMatrix(targets, many, thirteen, []);
    expect(c.title).toBe('各单位指标完成情况表');
    expect(c.footnote).toBeUndefined();
    expect(c.emphasis).toBeUndefined();
    expect(c.columns.map((x) => x.header)).toEqual([
      '序号',
      '指标',
      '目标',
      '有数据单位数',
      '达到序时进度单位数',
      '滞后单位数',
      '总体完成率（%）',
    ]);
    // T1: 长春 已完成, 吉林 滞后, 第1市 on schedule; T2: 长春 未启动 (counts as data and behind), 吉林 no data;
    // T3: 长春 已完成 and the consolidated 未启动 line
    expect(c.rows).toEqual([
      ['1', '地区生产总值增速', '≥6%', '3', '2', '1', '90.0'],
      ['2', '单位GDP能耗下降', '—', '1', '0', '1', '0.0'],
      ['3', '建成示范园区', '2026年前完成', '2', '1', '1', '/'],
    ]);
    const withMissing = completionMatrix(targets, many, thirteen, ['四平市', '通化市']);
    expect(withMissing.footnote).toBe('注：四平市、通化市未报送，未列入。');
    // an indicator no office reported
    const lonely = completionMatrix([line({ targetId: 'T9', indicator: '新指标' })], many, thirteen, []);
    expect(lonely.rows).toEqual([['1', '新指标', '≥5%', '0', '0', '0', '—']]);
  });
});

describe('the 滞后指标清单', () => {
  it('lists indicators behind or not started, with the offices behind and their reasons, each once', () => {
    const targets = [
      line({ targetId: 'T1', indicator: '增速', judged: '未达到序时进度' }),
      line({ targetId: 'T2', indicator: '能耗', judged: '已完成' }),
      line({ targetId: 'T3', indicator: '园区', judged: '未启动' }),
      line({ targetId: 'T4', indicator: '投资', judged: '未达到序时进度' }),
      line({ targetId: 'T5', indicator: '消费', judged: '未启动' }),
    ];
    const behind = (office: string, targetId: string, problems: string) =>
      line({ targetId, office, judged: '未达到序时进度', problems });
    const lines = [
      behind('长春市', 'T1', '【示例数据】资金到位慢。'),
      behind('吉林市', 'T1', '  资金到位慢；。'),
      behind('四平市', 'T1', '项目审批滞后，用地不足'),
      behind('辽源市', 'T1', '用地指标不足'),
      line({ targetId: 'T1', office: '通化市', judged: '已完成', problems: '无' }),
      line({ targetId: 'T3', office: '白山市', judged: '未启动', problems: '  ' }),
      behind('长春市', 'T4', '资金到位慢'),
      behind('吉林市', 'T4', '资金到位慢'),
      behind('四平市', 'T4', '资金到位慢'),
      behind('辽源市', 'T4', '资金到位慢'),
      behind('松原市', 'T4', '资金到位慢'),
      ...['长春市', '吉林市', '四平市'].map((o) => line({ targetId: 'T5', office: o, judged: '未启动' })),
    ];
    const l = laggardList(targets, lines);
    expect(l.title).toBe('滞后指标清单');
    expect(l.columns.map((c) => c.header)).toEqual(['序号', '指标', '滞后单位', '主要原因（单位反映）']);
    expect(l.rows).toEqual([
      ['1', '增速', '长春、吉林、四平等4个', '长春、吉林：资金到位慢；四平：项目审批滞后，用地不足'],
      ['2', '园区', '白山', '—'],
      ['3', '投资', '长春、吉林、四平等5个', '长春、吉林、四平等5个：资金到位慢'],
      ['4', '消费', '长春、吉林、四平', '—'],
    ]);
  });

  it('an indicator behind as a whole with no office behind lists none', () => {
    const l = laggardList([line({ targetId: 'T1', indicator: '增速', judged: '未达到序时进度' })], []);
    expect(l.rows).toEqual([['1', '增速', '—', '—']]);
  });
});
