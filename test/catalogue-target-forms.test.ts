/**
 * How a target reads in a workbook, a report and the CLI (format.ts): the comparator a user types in a
 * 比较 cell, the deadline and the target value. Expected strings are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { formatDeadline, formatTargetValue, parseComparator } from '../src/core/catalogue/format.js';
import type { Comparator } from '../src/core/model/catalogue.js';

describe('reading a comparator a user typed', () => {
  it('reads symbols, full-width symbols, codes and Chinese words', () => {
    expect(parseComparator('≥')).toBe('>=');
    expect(parseComparator('＞＝')).toBe('>=');
    expect(parseComparator('不少于')).toBe('>=');
    expect(parseComparator('＞')).toBe('>');
    expect(parseComparator('超过')).toBe('>');
    expect(parseComparator('不超过')).toBe('<=');
    expect(parseComparator('以内')).toBe('<=');
    expect(parseComparator('低于')).toBe('<');
    expect(parseComparator('＝')).toBe('=');
    expect(parseComparator('左右')).toBe('≈');
    expect(parseComparator('区间')).toBe('range');
    expect(parseComparator('时间节点')).toBe('milestone');
  });

  it('knows every way of writing each comparator', () => {
    const ways: Record<string, string[]> = {
      '>=': ['>=', '≥', '＞＝', '不低于', '不少于', '以上', '至少', '达到'],
      '>': ['>', '＞', '超过', '高于'],
      '<=': ['<=', '≤', '＜＝', '不高于', '不超过', '以下', '以内'],
      '<': ['<', '＜', '低于'],
      '=': ['=', '＝', '等于', '为'],
      '≈': ['≈', '约', '左右', '约等于', '~'],
      range: ['range', '区间', '范围', '—'],
      milestone: ['milestone', '节点', '时间节点', '完成'],
    };
    for (const [comparator, words] of Object.entries(ways)) {
      for (const w of words) expect({ [w]: parseComparator(w) }).toEqual({ [w]: comparator });
    }
  });

  it('ignores spaces around and inside the word', () => {
    expect(parseComparator('  不 低于 ')).toBe('>=');
    expect(parseComparator('\t≤\n')).toBe('<=');
  });

  it('rejects what it does not know, including names every object has', () => {
    expect(parseComparator('大约')).toBeNull();
    expect(parseComparator('')).toBeNull();
    expect(parseComparator('toString')).toBeNull();
    expect(parseComparator('constructor')).toBeNull();
    expect(parseComparator('__proto__')).toBeNull();
  });
});

describe('a deadline as a user reads it', () => {
  it('writes a month or a year in Chinese', () => {
    expect(formatDeadline('2019-06')).toBe('2019年6月');
    expect(formatDeadline('2020-12-31')).toBe('2020年12月');
    expect(formatDeadline('2020')).toBe('2020年');
  });

  it('gives nothing for no deadline and leaves a text it cannot read as it is', () => {
    expect(formatDeadline(null)).toBe('');
    expect(formatDeadline('')).toBe('');
    expect(formatDeadline('长期')).toBe('长期');
  });
});

describe('a target value as a user reads it', () => {
  const target = (
    comparator: Comparator,
    value: number | null,
    unit: string | null,
    over: { valueMax?: number | null; deadline?: string | null; quote?: string } = {},
  ) => ({
    comparator,
    value,
    unit,
    valueMax: over.valueMax ?? null,
    deadline: over.deadline ?? null,
    quote: over.quote ?? '',
  });

  it('puts the comparator sign before the figure and the unit after it', () => {
    expect(formatTargetValue(target('>=', 5, '%'))).toBe('≥5%');
    expect(formatTargetValue(target('>', 90, '%'))).toBe('>90%');
    expect(formatTargetValue(target('<=', 10, '%'))).toBe('≤10%');
    expect(formatTargetValue(target('<', 3, '‰'))).toBe('<3‰');
    expect(formatTargetValue(target('≈', 300, '亿元'))).toBe('≈300亿元');
    expect(formatTargetValue(target('=', 12, '个'))).toBe('12个');
    expect(formatTargetValue(target('>=', 41000, null))).toBe('≥41000');
  });

  it('writes a decimal without floating-point noise', () => {
    expect(formatTargetValue(target('>=', 0.1 + 0.2, '%'))).toBe('≥0.3%');
    expect(formatTargetValue(target('>=', 1.5, '‰'))).toBe('≥1.5‰');
  });

  it('writes a range with a dash, or its lower end alone when the upper end is missing', () => {
    expect(formatTargetValue(target('range', 30, '个', { valueMax: 50 }))).toBe('30—50个');
    expect(formatTargetValue(target('range', 30, '个'))).toBe('30个');
  });

  it('says 全覆盖 only for 100 % of a target that speaks of coverage', () => {
    expect(formatTargetValue(target('>=', 100, '%', { quote: '乡镇卫生院远程医疗全覆盖' }))).toBe(
      '全覆盖 (100%)',
    );
    expect(formatTargetValue(target('>=', 100, '%', { quote: '实现全面覆盖' }))).toBe('全覆盖 (100%)');
    expect(formatTargetValue(target('>=', 100, '%', { quote: '达标率达到100%' }))).toBe('≥100%');
    expect(formatTargetValue(target('>=', 90, '%', { quote: '覆盖率达到90%，力争全覆盖' }))).toBe('≥90%');
    expect(formatTargetValue(target('>=', 100, '个', { quote: '全覆盖' }))).toBe('≥100个');
  });

  it('gives a milestone, or a target without a figure, its deadline', () => {
    expect(formatTargetValue(target('milestone', null, null, { deadline: '2019-06' }))).toBe(
      '2019年6月前完成',
    );
    expect(formatTargetValue(target('milestone', 3, '项', { deadline: '2025' }))).toBe('2025年前完成');
    expect(formatTargetValue(target('>=', null, '%', { deadline: '2025-12' }))).toBe('2025年12月前完成');
    expect(formatTargetValue(target('milestone', null, null))).toBe('按期完成');
  });
});
