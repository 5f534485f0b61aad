/**
 * Two wording rules of the report body: how a target reads in a sentence (≥5% → 不低于5%, ≈300亿元 →
 * 300亿元左右, 2027前完成 → 2027年前完成) and how the issuer speaks of itself (长春市人民政府 → 我市,
 * 吉林省发展改革委 → 我委, …中心 → 我中心). Expected phrases written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Comparator } from '../src/core/model/catalogue.js';
import { selfReference, targetPhrase } from '../src/core/report/template.js';

const phrase = (comparator: Comparator, targetText: string) => targetPhrase({ comparator, targetText });

describe('a target as a sentence states it', () => {
  it('floors: ≥, >=, 不低于, with or without a space; >', () => {
    expect(phrase('>=', '≥ 5%')).toBe('不低于5%');
    expect(phrase('>=', '>=60万人')).toBe('不低于60万人');
    expect(phrase('>=', '不低于 90%')).toBe('不低于90%');
    expect(phrase('>=', '  ≥3000亿元  ')).toBe('不低于3000亿元');
    expect(phrase('>=', '达到5%（≥）')).toBe('达到5%（≥）');
    expect(phrase('>', '> 8%')).toBe('高于8%');
    expect(phrase('>', '>8%')).toBe('高于8%');
    expect(phrase('>', '8%>')).toBe('8%>');
  });

  it('ceilings: ≤, <=, 不高于; <', () => {
    expect(phrase('<=', '≤ 12%')).toBe('不高于12%');
    expect(phrase('<=', '<=0.5吨')).toBe('不高于0.5吨');
    expect(phrase('<=', '不高于3%')).toBe('不高于3%');
    expect(phrase('<=', '控制在12%（≤）')).toBe('控制在12%（≤）');
    expect(phrase('<', '< 1%')).toBe('低于1%');
    expect(phrase('<', '1%<')).toBe('1%<');
  });

  it('an approximate figure reads “…左右”', () => {
    expect(phrase('≈', '≈300亿元')).toBe('300亿元左右');
    expect(phrase('≈', '约 50万人')).toBe('50万人左右');
    expect(phrase('≈', '300亿元')).toBe('300亿元');
  });

  it('a deadline reads with 年 and 月', () => {
    expect(phrase('milestone', '2027前完成')).toBe('2027年前完成');
    expect(phrase('milestone', '2026-06 前完成')).toBe('2026年6月前完成');
    expect(phrase('milestone', '2026-11前完成')).toBe('2026年11月前完成');
    expect(phrase('milestone', '建成示范区')).toBe('建成示范区');
    expect(phrase('milestone', '力争2027前完成')).toBe('力争2027前完成');
  });

  it('ranges and exact values stay as written', () => {
    expect(phrase('range', '≥5%')).toBe('≥5%');
    expect(phrase('=', ' 100个 ')).toBe('100个');
  });
});

describe('how the issuer speaks of itself', () => {
  it('a government by its level', () => {
    expect(selfReference('长春市人民政府')).toBe('我市');
    expect(selfReference('吉林省人民政府办公厅')).toBe('我省');
    expect(selfReference('延边朝鲜族自治州政府')).toBe('我州');
    expect(selfReference('农安县人民政府办公室')).toBe('我县');
    expect(selfReference(' 朝阳区人民政府 ')).toBe('我区');
  });

  it('an office by its kind', () => {
    expect(selfReference('吉林省发展和改革委员会')).toBe('我委');
    expect(selfReference('吉林省发展改革委')).toBe('我委');
    expect(selfReference('吉林省卫生健康委')).toBe('我委');
    expect(selfReference('吉林省财政厅')).toBe('我厅');
    expect(selfReference('长春市统计局')).toBe('我局');
    expect(selfReference('省政府研究室办')).toBe('我办');
    expect(selfReference('吉林省社会科学院')).toBe('我院');
    expect(selfReference('长春市大数据中心')).toBe('我中心');
    expect(selfReference('吉林省工商业联合会')).toBe('我会');
  });

  it('a place alone by its level, anything else 我们', () => {
    expect(selfReference('吉林市')).toBe('我市');
    expect(selfReference('吉林省')).toBe('我省');
    expect(selfReference('长春新区')).toBe('我区');
    expect(selfReference('某工作专班')).toBe('我们');
    expect(selfReference('')).toBe('我们');
  });
});
