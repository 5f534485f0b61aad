/**
 * Small readers under the extractor: figures written in words rewritten in place (百分之三十, 翻一番,
 * 二〇二五年), a figure alone in a table cell (≥95, 90%以上, 5-8), a deadline cell, and sentence
 * splitting. Inputs are written for this test; every expected value is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { cellDeadline, figureText, sentences, tableFigure } from '../src/core/catalogue/targets.js';

describe('figures written in words', () => {
  it('become digits over the same length, padded with spaces', () => {
    expect(figureText('百分之三十')).toBe('30%  ');
    expect(figureText('千分之五')).toBe('5‰  ');
    expect(figureText('百分之九十五点五')).toBe('95.5%   ');
    expect(figureText('百分之100')).toBe('100%  ');
    expect(figureText('到二〇二五年')).toBe('到2025年');
    expect(figureText('一九九八年')).toBe('1998年');
  });

  it('read 翻一番 as reaching twice, 翻两番 four times, and a bare 翻番 twice', () => {
    expect(figureText('翻一番')).toBe('达2倍');
    expect(figureText('翻两番')).toBe('达4倍');
    expect(figureText('实现翻番')).toBe('实现2倍');
  });

  it('leave a numeral that is not a year alone', () => {
    expect(figureText('十二〇二五年')).toBe('十二〇二五年');
    expect(figureText('二〇二五')).toBe('二〇二五');
  });
});

describe('a figure alone in a table cell', () => {
  const cell = (v: string, unit: string | null = null) => {
    const hw = `名称${v}`;
    const d = tableFigure(hw, 0, 2, hw.length, unit, '2025', '床位数（张）');
    return d && [d.comparator, d.value, d.valueMax, d.unit];
  };

  it('reads the comparator from a sign, a word or a suffix', () => {
    expect(cell('≥95')).toEqual(['>=', 95, null, null]);
    expect(cell('不低于95')).toEqual(['>=', 95, null, null]);
    expect(cell('78.3')).toEqual(['=', 78.3, null, null]);
    expect(cell('<18')).toEqual(['<', 18, null, null]);
    expect(cell('＞3')).toEqual(['>', 3, null, null]);
    expect(cell('不超过10')).toEqual(['<=', 10, null, null]);
    expect(cell('3以下')).toEqual(['<=', 3, null, null]);
    expect(cell('约5')).toEqual(['≈', 5, null, null]);
    expect(cell('60左右')).toEqual(['≈', 60, null, null]);
    expect(cell('5-8')).toEqual(['range', 5, 8, null]);
  });

  it('takes the unit from the cell when it carries one, else from the row', () => {
    expect(cell('90%以上')).toEqual(['>=', 90, null, '%']);
    expect(cell('≤2‰', '%')).toEqual(['<=', 2, null, '‰']);
    expect(cell('3', '万人')).toEqual(['=', 3, null, '万人']);
  });

  it('is no figure when the cell holds words', () => {
    expect(cell('达标')).toBeNull();
    expect(cell('95（预期）')).toBeNull();
  });

  it('spans the row from the name, measures the name without its bracketed unit, and scales 万', () => {
    const hw = '床位数（张）\t3';
    expect(tableFigure(hw, 0, 7, 8, '万人', '2025', '床位数（张）')).toEqual({
      quoteStart: 0,
      quoteEnd: 8,
      figureStart: 7,
      figureEnd: 8,
      indicator: '床位数',
      comparator: '=',
      value: 3,
      valueMax: null,
      unit: '万人',
      normalizedValue: 30000,
      baseUnit: '人',
      deadline: '2025',
      perYear: false,
      perUnit: null,
      linkTo: null,
      sentence: 0,
    });
  });
});

describe('a deadline cell', () => {
  const due = (c: string, year: number | null) => cellDeadline(c, 0, c.length, year);

  it('is the last date written in it', () => {
    expect(due('2025年9月底前', 2022)).toBe('2025-09');
    expect(due('2025年底', null)).toBe('2025');
    expect(due('2024年启动，2025年6月完成', 2022)).toBe('2025-06');
  });

  it('puts a month alone in the document year, and needs that year', () => {
    expect(due('9月底前', 2023)).toBe('2023-09');
    expect(due('9月', 2023)).toBe('2023-09');
    expect(due('12月', 2023)).toBe('2023-12');
    expect(due('1月', 2023)).toBe('2023-01');
    expect(due('13月', 2023)).toBeNull();
    expect(due('0月', 2023)).toBeNull();
    expect(due('9月底前', null)).toBeNull();
    expect(due('长期坚持', 2022)).toBeNull();
  });
});

describe('sentences', () => {
  it('end at 。！？ and at a line break after punctuation, not at one breaking a sentence', () => {
    const t = '一是加强领导。二是完善机制！三是强化考核？\n培训乡村医生，\n建成社区医院20家\n落实责任';
    expect(sentences(t, 0, t.length).map(([a, b]) => t.slice(a, b))).toEqual([
      '一是加强领导。',
      '二是完善机制！',
      '三是强化考核？',
      '培训乡村医生，\n建成社区医院20家\n落实责任',
    ]);
  });

  it('end at a line break after a closing bracket, and drop the blanks around them', () => {
    const t = '  完善制度（市卫健委负责）\n\u3000\u3000健全机制。 ';
    expect(sentences(t, 0, t.length).map(([a, b]) => t.slice(a, b))).toEqual([
      '完善制度（市卫健委负责）',
      '健全机制。',
    ]);
    expect(sentences(t, 0, t.length)[0][0]).toBe(2);
  });
});
