/**
 * Every way offices write a reporting period, and the inclusive date range it means (the 截至日期 rule
 * checks against it); labels that are not a period give null. Ranges written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/core/workbook/period.js';

const range = (start: string, end: string) => ({ start, end });

describe('reporting periods', () => {
  it('a whole year, however written', () => {
    for (const label of [
      '2025',
      '2025年',
      '2025年度',
      '2025度',
      '2025年全年',
      '2025全年',
      '２０２５年度',
      ' 2025 年 度 ',
    ])
      expect(parsePeriod(label), label).toEqual(range('2025-01-01', '2025-12-31'));
  });

  it('halves of a year', () => {
    expect(parsePeriod('2025年上半年')).toEqual(range('2025-01-01', '2025-06-30'));
    expect(parsePeriod('2025上半年度')).toEqual(range('2025-01-01', '2025-06-30'));
    expect(parsePeriod('2025年下半年')).toEqual(range('2025-07-01', '2025-12-31'));
    expect(parsePeriod('2025年下半年度')).toEqual(range('2025-07-01', '2025-12-31'));
  });

  it('quarters in Chinese or Arabic numerals, or Q1–Q4', () => {
    expect(parsePeriod('2025年第一季度')).toEqual(range('2025-01-01', '2025-03-31'));
    expect(parsePeriod('2025年二季度')).toEqual(range('2025-04-01', '2025-06-30'));
    expect(parsePeriod('2025年第3季度')).toEqual(range('2025-07-01', '2025-09-30'));
    expect(parsePeriod('2025年第四季度')).toEqual(range('2025-10-01', '2025-12-31'));
    expect(parsePeriod('2024Q1')).toEqual(range('2024-01-01', '2024-03-31'));
    expect(parsePeriod('2024年q4')).toEqual(range('2024-10-01', '2024-12-31'));
    expect(parsePeriod('2025年第五季度')).toBeNull();
    expect(parsePeriod('2025Q5')).toBeNull();
  });

  it('month spans with any dash or 至/到, and single months', () => {
    expect(parsePeriod('2025年1-9月')).toEqual(range('2025-01-01', '2025-09-30'));
    expect(parsePeriod('2025年1月—6月')).toEqual(range('2025-01-01', '2025-06-30'));
    expect(parsePeriod('2025年3–5月份')).toEqual(range('2025-03-01', '2025-05-31'));
    expect(parsePeriod('2025年1~2月')).toEqual(range('2025-01-01', '2025-02-28'));
    expect(parsePeriod('2024年1～2月')).toEqual(range('2024-01-01', '2024-02-29'));
    expect(parsePeriod('2025年7至12月')).toEqual(range('2025-07-01', '2025-12-31'));
    expect(parsePeriod('2025年10到11月')).toEqual(range('2025-10-01', '2025-11-30'));
    expect(parsePeriod('2025年6月')).toEqual(range('2025-06-01', '2025-06-30'));
    expect(parsePeriod('2025年12月份')).toEqual(range('2025-12-01', '2025-12-31'));
  });

  it('impossible months and other words are no period', () => {
    for (const label of [
      '2025年0-3月',
      '2025年1-13月',
      '2025年9-3月',
      '2025年13月',
      '2025年0月',
      '2025年春季',
      '年2025年度',
      '上年度',
      '',
      '25年度',
    ])
      expect(parsePeriod(label), label).toBeNull();
  });

  it('writes a year before 1000 with four digits', () => {
    expect(parsePeriod('0999年度')).toEqual(range('0999-01-01', '0999-12-31'));
  });
});
