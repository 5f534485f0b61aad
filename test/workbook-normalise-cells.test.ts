/**
 * What offices type into a workbook's figure, date, status and text cells, and what the reader makes
 * of it: every accepted form with the value it means, and every refusal with its Chinese reason.
 * Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDateCell, parseFigure, parseStatus, textCell } from '../src/core/workbook/normalise.js';

const value = (v: number | string | null) => ({ ok: true, value: v });
const refused = (reason: string) => ({ ok: false, reason });

describe('figure cells', () => {
  it('blank cells and the marks for "nothing to report" are no figure', () => {
    for (const raw of [null, undefined, '', '  ', '-', '—', '——', '–', '/', '／', '－', ' - '])
      expect(parseFigure(raw, '个')).toEqual(value(null));
  });

  it('numbers pass through; NaN, infinity, booleans and dates are refused', () => {
    expect(parseFigure(0, '%')).toEqual(value(0));
    expect(parseFigure(-3.5, '亿元')).toEqual(value(-3.5));
    expect(parseFigure(Number.NaN, '个')).toEqual(refused('不是有效数字'));
    expect(parseFigure(Infinity, '个')).toEqual(refused('不是有效数字'));
    expect(parseFigure(true, '个')).toEqual(refused('不是数字'));
    expect(parseFigure(new Date(Date.UTC(2025, 5, 30)), '个')).toEqual(refused('是日期，不是数字'));
  });

  it('numeric text: full width, spaces, signs, decimals without a leading digit', () => {
    expect(parseFigure('３０', '%')).toEqual(value(30));
    expect(parseFigure(' 1 2 ', '个')).toEqual(value(12));
    expect(parseFigure('+7', '个')).toEqual(value(7));
    expect(parseFigure('-0.5', '个')).toEqual(value(-0.5));
    expect(parseFigure('.25', '个')).toEqual(value(0.25));
    expect(parseFigure('3.', '个')).toEqual(value(3));
    for (const raw of ['abc', '1.2.3', '1e5', '5个以上', '约5', '.', '+'])
      expect(parseFigure(raw, '个')).toEqual(refused('不是数字'));
  });

  it('thousands separators only in whole groups of three', () => {
    expect(parseFigure('1,234', '个')).toEqual(value(1234));
    expect(parseFigure('1,234,567.5', '万元')).toEqual(value(1234567.5));
    expect(parseFigure('-12,345', '个')).toEqual(value(-12345));
    for (const raw of ['1,2', '1234,567', '1,2345', ',123', '1,234,56'])
      expect(parseFigure(raw, '个')).toEqual(refused('不是数字'));
  });

  it('a trailing unit equal to the target’s is dropped; another unit is refused', () => {
    expect(parseFigure('35个', '个')).toEqual(value(35));
    expect(parseFigure('3.5亿元', '亿元')).toEqual(value(3.5));
    expect(parseFigure('12 万人', '万人')).toEqual(value(12));
    expect(parseFigure('35家', '个')).toEqual(refused('不是数字'));
    // with no unit nothing is dropped
    expect(parseFigure('35个', '')).toEqual(refused('不是数字'));
    expect(parseFigure('35个', null)).toEqual(refused('不是数字'));
  });

  it('a percent sign only for a percent target', () => {
    expect(parseFigure('30%', '%')).toEqual(value(30));
    expect(parseFigure('３０％', '％')).toEqual(value(30));
    expect(parseFigure('30%', '个')).toEqual(refused('带有百分号，但本指标单位不是 %'));
    expect(parseFigure('30%', undefined)).toEqual(refused('带有百分号，但本指标单位不是 %'));
  });

  it('万, 亿, 千, 百万, 千万 multiply, exactly, unless the unit already carries them', () => {
    expect(parseFigure('1.2万', '人')).toEqual(value(12000));
    expect(parseFigure('3.5亿', '元')).toEqual(value(350000000));
    expect(parseFigure('3.5亿元', '元')).toEqual(value(350000000));
    expect(parseFigure('2千', '个')).toEqual(value(2000));
    expect(parseFigure('1.5百万', '人')).toEqual(value(1500000));
    expect(parseFigure('0.3千万', '元')).toEqual(value(3000000));
    expect(parseFigure('1.2万', '万人')).toEqual(value(1.2));
    expect(parseFigure('0.7亿', '亿元')).toEqual(value(0.7));
    // 0.1 × 3 is 0.30000000000000004 in floating point; the figure is what was typed
    expect(parseFigure('0.3万', '元')).toEqual(value(3000));
    expect(parseFigure('1.1万', '元')).toEqual(value(11000));
    // a percent figure takes no multiplier: "5万%" is not a number
    expect(parseFigure('5万%', '%')).toEqual(refused('不是数字'));
    // without a multiplier the figure keeps every digit
    expect(parseFigure('0.30000000000000004', '元')).toEqual(value(0.30000000000000004));
  });

  it('a figure too large for a number is refused', () => {
    expect(parseFigure(`1${'0'.repeat(400)}`, '个')).toEqual(refused('不是有效数字'));
  });
});

describe('date cells', () => {
  it('blank and 未填 marks are no date', () => {
    for (const raw of [null, undefined, '', ' ', '-', '／']) expect(parseDateCell(raw)).toEqual(value(null));
  });

  it('Date objects and Excel serials', () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 30)))).toEqual(value('2025-06-30'));
    expect(parseDateCell(new Date(Number.NaN))).toEqual(refused('不是有效日期'));
    expect(parseDateCell(45838)).toEqual(value('2025-06-30'));
    // serial 1 is the first accepted (Excel's own day 1, read as exceljs reads it); 61 is 1900-03-01
    expect(parseDateCell(1).ok).toBe(true);
    expect(parseDateCell(61)).toEqual(value('1900-03-01'));
    expect(parseDateCell(120000)).toEqual(value('2228-07-18'));
    for (const raw of [0, 0.5, 120001, -3, Number.NaN, Infinity])
      expect(parseDateCell(raw)).toEqual(refused('不是日期'));
    expect(parseDateCell(false)).toEqual(refused('不是日期'));
  });

  it('written dates in every usual form', () => {
    for (const raw of [
      '2025-06-30',
      '2025/6/30',
      '2025.6.30',
      '2025年6月30日',
      '2025年6月30',
      '20250630',
      '２０２５－０６－３０',
      '2025 - 6 - 30',
    ])
      expect(parseDateCell(raw)).toEqual(value('2025-06-30'));
    expect(parseDateCell('2024-2-29')).toEqual(value('2024-02-29'));
    expect(parseDateCell('1900-1-1')).toEqual(value('1900-01-01'));
    expect(parseDateCell('2200-12-31')).toEqual(value('2200-12-31'));
  });

  it('impossible dates are refused', () => {
    for (const raw of [
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-06-00',
      '2025-04-31',
      '1899-12-31',
      '2201-01-01',
      '20251301',
    ])
      expect(parseDateCell(raw)).toEqual(refused('不是有效日期'));
  });

  it('a month alone means its last day', () => {
    expect(parseDateCell('2025年6月')).toEqual(value('2025-06-30'));
    expect(parseDateCell('2025年2月底')).toEqual(value('2025-02-28'));
    expect(parseDateCell('2024年2月末')).toEqual(value('2024-02-29'));
    expect(parseDateCell('2025-12')).toEqual(value('2025-12-31'));
    expect(parseDateCell('2025/1')).toEqual(value('2025-01-31'));
    expect(parseDateCell('2025.11')).toEqual(value('2025-11-30'));
    for (const raw of ['2025年13月', '2025-0', '2025年0月'])
      expect(parseDateCell(raw)).toEqual(refused('不是有效日期'));
  });

  it('anything else is refused with the form to use', () => {
    for (const raw of ['上半年', '6月30日', '2025', '2025-06-30 12:00', 'x2025-06-30', '2025-06-30x'])
      expect(parseDateCell(raw)).toEqual(refused('不是日期（请写成 2025-06-30 的形式）'));
  });
});

describe('status cells', () => {
  it('the four statuses and their usual other spellings', () => {
    expect(parseStatus(' 已完成 ')).toEqual(value('已完成'));
    expect(parseStatus('序时推进')).toEqual(value('序时推进'));
    expect(parseStatus('滞后')).toEqual(value('滞后'));
    expect(parseStatus('未启动')).toEqual(value('未启动'));
    const aliases: [string, string][] = [
      ['完成', '已完成'],
      ['已经完成', '已完成'],
      ['按序时推进', '序时推进'],
      ['按时序推进', '序时推进'],
      ['正常推进', '序时推进'],
      ['序时进度', '序时推进'],
      ['进度滞后', '滞后'],
      ['滞后推进', '滞后'],
      ['尚未启动', '未启动'],
      ['未开始', '未启动'],
    ];
    for (const [raw, status] of aliases) expect(parseStatus(raw)).toEqual(value(status));
  });

  it('blank is no status; anything else is refused naming the four', () => {
    for (const raw of [null, undefined, '', '  ']) expect(parseStatus(raw)).toEqual(value(null));
    for (const raw of ['进行中', 'toString', 'constructor', '1'])
      expect(parseStatus(raw)).toEqual(
        refused('不是有效的进展状态（应为 已完成、序时推进、滞后、未启动 之一）'),
      );
  });
});

describe('text cells', () => {
  it('trims, keeps inner line breaks as \\n, and writes numbers and dates as text', () => {
    expect(textCell(null)).toBe('');
    expect(textCell(undefined)).toBe('');
    expect(textCell('  推进项目建设\r\n完成投资\r下一步  ')).toBe('推进项目建设\n完成投资\n下一步');
    expect(textCell(12.5)).toBe('12.5');
    expect(textCell(false)).toBe('false');
    expect(textCell(new Date(Date.UTC(2025, 8, 30)))).toBe('2025-09-30');
  });
});
