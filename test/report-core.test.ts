/** Pure pieces of the report core: 序时进度, targets, titles, punctuation, block grammar. */
import { describe, expect, it } from 'vitest';
import { timeShareOf, withoutUnit } from '../src/core/report/model.js';
import { completionRate } from '../src/core/workbook/target-math.js';
import { breakTitle } from '../src/core/report/title-lines.js';
import { fullWidthPunctuation } from '../src/core/report/punctuation.js';
import { parseBlocks } from '../src/core/report/blocks.js';
import { targetPhrase } from '../src/core/report/template.js';
import { chineseNumber, headingLabel } from '../src/core/report/numerals.js';
import { formatChineseDate, parseDateText } from '../src/core/report/config.js';

describe('序时进度', () => {
  it('counts whole months for periods ending on a month end, else days', () => {
    expect(timeShareOf('2025年1-9月', null)).toBeCloseTo(0.75, 10);
    expect(timeShareOf('2025年上半年', null)).toBeCloseTo(0.5, 10);
    expect(timeShareOf('2025年第一季度', null)).toBeCloseTo(0.25, 10);
    expect(timeShareOf('2025年度', null)).toBe(1);
    expect(timeShareOf('', '2025-03-15')).toBeCloseTo((31 + 28 + 15) / 365, 10);
    expect(timeShareOf('', null)).toBeNull();
  });
});

describe('targets', () => {
  it('computes 完成率 only where a ratio means something', () => {
    expect(completionRate(5.2, '>=', 5)).toBeCloseTo(1.04, 10);
    expect(completionRate(3, '<=', 5)).toBeNull();
    expect(completionRate(null, '>=', 5)).toBeNull();
    expect(completionRate(1, '>=', 0)).toBeNull();
    expect(withoutUnit('≥5%', '%')).toBe('≥5');
    expect(withoutUnit('2020年前完成', '')).toBe('2020年前完成');
  });

  it('words targets for sentences', () => {
    expect(targetPhrase({ comparator: '>=', targetText: '≥5%' })).toBe('不低于5%');
    expect(targetPhrase({ comparator: '<=', targetText: '≤12%' })).toBe('不高于12%');
    expect(targetPhrase({ comparator: 'milestone', targetText: '2020 前完成' })).toBe('2020年前完成');
  });
});

describe('title lines', () => {
  it('keeps lines within 20 characters, without a lone last character', () => {
    const titles = [
      '长春市人民政府关于《吉林省人民政府关于促进健康服务业发展的实施意见》落实情况的报告',
      '关于《吉林省人民政府办公厅关于进一步完善医疗卫生服务体系的实施意见》等5个文件落实情况的报告',
      '长春市关于健康服务业落实情况的报告',
    ];
    for (const t of titles) {
      const lines = breakTitle(t);
      expect(lines.join('')).toBe(t);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
      expect([...lines[lines.length - 1]].length).toBeGreaterThan(2);
    }
    expect(breakTitle(titles[2])).toEqual([titles[2]]);
  });
});

describe('punctuation and numerals', () => {
  it('turns ASCII punctuation beside Chinese into full-width, leaving numbers alone', () => {
    expect(fullWidthPunctuation('完成3,000人,同比增长(初步统计)')).toBe('完成3,000人，同比增长（初步统计）');
    expect(fullWidthPunctuation('纲要(2019-2022年)')).toBe('纲要（2019-2022年）');
    expect(fullWidthPunctuation('ratio 3:2 (est)')).toBe('ratio 3:2 (est)');
  });

  it('labels headings and dates the GB/T 9704 way', () => {
    expect([1, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十一']);
    expect(headingLabel(1, 3)).toBe('三、');
    expect(headingLabel(2, 11)).toBe('（十一）');
    expect(headingLabel(3, 2)).toBe('2.');
    expect(headingLabel(4, 2)).toBe('（2）');
    expect(formatChineseDate('2025-03-05')).toBe('2025年3月5日');
    expect(parseDateText('2025年3月5日')).toBe('2025-03-05');
    expect(parseDateText('2025-02-30')).toBeNull();
  });
});

describe('block grammar', () => {
  it('joins lines into paragraphs, splits on blank lines and reads directives', () => {
    const blocks = parseBlocks(
      '::title 甲\n::title 乙\n::to 省政府：\n\n第一行\n第二行\n\n# 总体进展\n::table 指标完成情况表\n::colophon\n',
      {
        name: 't.hbs',
        text: '',
      },
    );
    expect(blocks).toEqual([
      { kind: 'title', lines: ['甲', '乙'] },
      { kind: 'to', text: '省政府：' },
      { kind: 'paragraph', text: '第一行第二行' },
      { kind: 'heading', level: 1, text: '总体进展' },
      { kind: 'table', name: '指标完成情况表' },
      { kind: 'colophon' },
    ]);
  });
});
