/**
 * Heading labels of the four GB/T 9704 levels (一、 （一） 1. （1）) with their Chinese numerals, the
 * test for a heading that already carries a label, and ASCII punctuation beside Chinese text made
 * full-width (GB/T 15834) while figures such as "1,000" and "3:2" stay as typed. Expected text by hand.
 */
import { describe, expect, it } from 'vitest';
import { chineseNumber, headingLabel, LABELLED } from '../src/core/report/numerals.js';
import { fullWidthPunctuation } from '../src/core/report/punctuation.js';

describe('Chinese numerals and heading labels', () => {
  it('writes 1–99 the way headings count', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [19, '十九'],
      [20, '二十'],
      [21, '二十一'],
      [30, '三十'],
      [47, '四十七'],
      [90, '九十'],
      [99, '九十九'],
    ];
    for (const [n, text] of cases) expect(chineseNumber(n)).toBe(text);
  });

  it('leaves what no heading needs as digits', () => {
    expect(chineseNumber(0)).toBe('0');
    expect(chineseNumber(100)).toBe('100');
    expect(chineseNumber(-3)).toBe('-3');
    expect(chineseNumber(2.5)).toBe('2.5');
  });

  it('labels the four levels', () => {
    expect(headingLabel(1, 3)).toBe('三、');
    expect(headingLabel(2, 12)).toBe('（十二）');
    expect(headingLabel(3, 4)).toBe('4.');
    expect(headingLabel(4, 10)).toBe('（10）');
  });

  it('knows a heading that carries its own label', () => {
    for (const h of ['一、总体情况', '十二、其他', '（三）主要问题', '2.工作进展', '3．措施', '（4）资金'])
      expect(LABELLED.test(h), h).toBe(true);
    for (const h of ['总体情况', '一是加强领导', '（甲）方案', '2025年工作', '(1)资金', 'a、说明'])
      expect(LABELLED.test(h), h).toBe(false);
  });
});

describe('full-width punctuation beside Chinese text', () => {
  it('turns each ASCII mark after or before Chinese into its full-width form', () => {
    expect(fullWidthPunctuation('资金,人员;场地:落实?是!')).toBe('资金，人员；场地：落实？是！');
    expect(fullWidthPunctuation('完成 ,推进')).toBe('完成，推进');
    expect(fullWidthPunctuation('2025年,完成')).toBe('2025年，完成');
    expect(fullWidthPunctuation('达到30%,超过')).toBe('达到30%，超过');
  });

  it('turns a bracket pair around or beside Chinese text into a full-width pair', () => {
    expect(fullWidthPunctuation('项目(一期)建设')).toBe('项目（一期）建设');
    expect(fullWidthPunctuation('完成(A)')).toBe('完成（A）');
    expect(fullWidthPunctuation('(A)完成')).toBe('（A）完成');
    expect(fullWidthPunctuation('(AB)完成')).toBe('（AB）完成');
    expect(fullWidthPunctuation('完成(AB)')).toBe('完成（AB）');
    expect(fullWidthPunctuation('GDP(2025)')).toBe('GDP(2025)');
    expect(fullWidthPunctuation('(a)(b)')).toBe('(a)(b)');
  });

  it('leaves figures and Latin text as typed', () => {
    expect(fullWidthPunctuation('1,000')).toBe('1,000');
    expect(fullWidthPunctuation('比例3:2')).toBe('比例3:2');
    expect(fullWidthPunctuation('Hello, world!')).toBe('Hello, world!');
    expect(fullWidthPunctuation('')).toBe('');
  });

  it('settles runs of marks next to each other', () => {
    expect(fullWidthPunctuation('完成(一期),推进')).toBe('完成（一期），推进');
    expect(fullWidthPunctuation('是否?!')).toBe('是否？！');
  });
});
