/**
 * What an office types in a figure, date or status cell, and what luoshi reads it as: numbers with
 * full-width digits, separators, units and 万/亿; dates in the ways Chinese offices write them; the
 * statuses and their common variants. Each expected value is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/model/grid.js';
import { parseDateCell, parseFigure, parseStatus, textCell } from '../src/core/workbook/normalise.js';

const figure = (raw: CellValue | undefined, unit: string | null = '个') => {
  const r = parseFigure(raw, unit);
  return r.ok ? r.value : `error:${r.reason}`;
};
const date = (raw: CellValue | undefined) => {
  const r = parseDateCell(raw);
  return r.ok ? r.value : `error:${r.reason}`;
};
const status = (raw: CellValue | undefined) => {
  const r = parseStatus(raw);
  return r.ok ? r.value : `error:${r.reason}`;
};

describe('figures', () => {
  it('reads empty cells and the usual “nothing to report” marks as no figure', () => {
    for (const raw of [null, undefined, '', '  ', '-', '—', '——', '–', '/', '／', '－'])
      expect(figure(raw)).toBeNull();
  });

  it('reads numbers and numeric text, full-width digits and spaces included', () => {
    expect(figure(30)).toBe(30);
    expect(figure(-2.5)).toBe(-2.5);
    expect(figure(Number.NaN)).toBe('error:不是有效数字');
    expect(figure(Number.POSITIVE_INFINITY)).toBe('error:不是有效数字');
    expect(figure('３０')).toBe(30);
    expect(figure(' 1 2 ')).toBe(12);
    expect(figure('+7')).toBe(7);
    expect(figure('.5')).toBe(0.5);
    expect(figure('5.')).toBe(5);
    expect(figure(true)).toBe('error:不是数字');
    expect(figure(new Date(Date.UTC(2025, 0, 1)))).toBe('error:是日期，不是数字');
    expect(figure('约30')).toBe('error:不是数字');
    expect(figure('1e3')).toBe('error:不是数字');
  });

  it('takes thousands separators only in whole groups of three', () => {
    expect(figure('1,234')).toBe(1234);
    expect(figure('1,234,567.25')).toBe(1234567.25);
    expect(figure('-1,000')).toBe(-1000);
    expect(figure('1,2')).toBe('error:不是数字');
    expect(figure('12,34')).toBe('error:不是数字');
    expect(figure('1,234.')).toBe('error:不是数字');
  });

  it('drops a trailing unit equal to the target’s, and only that one', () => {
    expect(figure('30个')).toBe(30);
    expect(figure('30 个')).toBe(30);
    expect(figure('30人')).toBe('error:不是数字');
    expect(figure('3.5亿元', '亿元')).toBe(3.5);
    expect(figure('30', null)).toBe(30);
  });

  it('takes a % sign only on a percent target', () => {
    expect(figure('30%', '%')).toBe(30);
    expect(figure('３０％', '%')).toBe(30);
    expect(figure('30', '%')).toBe(30);
    expect(figure('30%', '个')).toBe('error:带有百分号，但本指标单位不是 %');
    expect(figure('30%', null)).toBe('error:带有百分号，但本指标单位不是 %');
    // no multiplier after a percentage
    expect(figure('3万%', '%')).toBe('error:不是数字');
  });

  it('multiplies 万, 亿, 千, 百万 and 千万 unless the unit already carries them', () => {
    expect(figure('1.2万', '人')).toBe(12000);
    expect(figure('3亿', '元')).toBe(300000000);
    expect(figure('2千', '个')).toBe(2000);
    expect(figure('1.5百万', '元')).toBe(1500000);
    expect(figure('2千万', '元')).toBe(20000000);
    // "1.2万" for a target in 万人 means 1.2 of its unit
    expect(figure('1.2万', '万人')).toBe(1.2);
    expect(figure('3.5亿元', '元')).toBe(350000000);
    // 0.1 × 3 in floating point is 0.30000000000000004; 0.3万 reads as 3000 exactly
    expect(figure('0.3万', '人')).toBe(3000);
  });
});

describe('dates', () => {
  it('reads no date from empty cells and marks', () => {
    for (const raw of [null, undefined, '', ' ', '-', '/']) expect(date(raw)).toBeNull();
  });

  it('reads Date values and Excel serials (1900 system)', () => {
    expect(date(new Date(Date.UTC(2025, 5, 30)))).toBe('2025-06-30');
    expect(date(new Date(Number.NaN))).toBe('error:不是有效日期');
    expect(date(45838)).toBe('2025-06-30');
    expect(date(61)).toBe('1900-03-01');
    expect(date(0)).toBe('error:不是日期');
    expect(date(120001)).toBe('error:不是日期');
    expect(date(true)).toBe('error:不是日期');
  });

  it('reads the ways offices write a day', () => {
    expect(date('2025-06-30')).toBe('2025-06-30');
    expect(date('2025/6/3')).toBe('2025-06-03');
    expect(date('2025.6.30')).toBe('2025-06-30');
    expect(date('2025年6月30日')).toBe('2025-06-30');
    expect(date('2025年6月30')).toBe('2025-06-30');
    expect(date('２０２５年６月３０日')).toBe('2025-06-30');
    expect(date('20250630')).toBe('2025-06-30');
    expect(date('2025 - 06 - 30')).toBe('2025-06-30');
  });

  it('reads a month as its last day', () => {
    expect(date('2025年6月')).toBe('2025-06-30');
    expect(date('2025年2月底')).toBe('2025-02-28');
    expect(date('2024年2月末')).toBe('2024-02-29');
    expect(date('2025-12')).toBe('2025-12-31');
    expect(date('2025/1')).toBe('2025-01-31');
    expect(date('2025年13月')).toBe('error:不是有效日期');
    expect(date('2025-0')).toBe('error:不是有效日期');
  });

  it('refuses days that do not exist and years out of range', () => {
    expect(date('2025-02-29')).toBe('error:不是有效日期');
    expect(date('2024-02-29')).toBe('2024-02-29');
    expect(date('2025-06-31')).toBe('error:不是有效日期');
    expect(date('2025-00-10')).toBe('error:不是有效日期');
    expect(date('2025-06-00')).toBe('error:不是有效日期');
    expect(date('1899-12-31')).toBe('error:不是有效日期');
    expect(date('1900-01-01')).toBe('1900-01-01');
    expect(date('2200-12-31')).toBe('2200-12-31');
    expect(date('2201-01-01')).toBe('error:不是有效日期');
    expect(date('6月30日')).toBe('error:不是日期（请写成 2025-06-30 的形式）');
    expect(date('x2025-06-30')).toBe('error:不是日期（请写成 2025-06-30 的形式）');
  });
});

describe('statuses', () => {
  it('reads the four statuses and the variants offices write', () => {
    expect(status('已完成')).toBe('已完成');
    expect(status(' 序时 推进 ')).toBe('序时推进');
    expect(status('滞后')).toBe('滞后');
    expect(status('未启动')).toBe('未启动');
    expect(status('完成')).toBe('已完成');
    expect(status('已经完成')).toBe('已完成');
    expect(status('正常推进')).toBe('序时推进');
    expect(status('按时序推进')).toBe('序时推进');
    expect(status('进度滞后')).toBe('滞后');
    expect(status('尚未启动')).toBe('未启动');
    expect(status('未开始')).toBe('未启动');
    expect(status(null)).toBeNull();
    expect(status('  ')).toBeNull();
    expect(status('快完成了')).toBe('error:不是有效的进展状态（应为 已完成、序时推进、滞后、未启动 之一）');
  });
});

describe('text cells', () => {
  it('trims, keeps line breaks as \\n and writes numbers and dates as text', () => {
    expect(textCell('  甲\r\n乙\r丙 ')).toBe('甲\n乙\n丙');
    expect(textCell(12.5)).toBe('12.5');
    expect(textCell(new Date(Date.UTC(2025, 5, 30, 12)))).toBe('2025-06-30');
    expect(textCell(null)).toBe('');
    expect(textCell(undefined)).toBe('');
  });
});
