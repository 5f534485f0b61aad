/**
 * What a target's unit allows across offices: whether figures can be summed, and whether a figure
 * is impossible for it (a share above 100 %). Pure helpers for the consolidation.
 */

import { halfWidth } from '../text/width.js';

/** Units that count or measure things, so offices' figures add up (with 万/亿/千 magnitudes). */
const SUMMABLE = new Set([
  '个',
  '人',
  '所',
  '张',
  '家',
  '名',
  '项',
  '次',
  '件',
  '户',
  '台',
  '辆',
  '套',
  '座',
  '间',
  '床',
  '处',
  '条',
  '部',
  '支',
  '只',
  '头',
  '册',
  '场',
  '批',
  '栋',
  '幢',
  '元',
  '吨',
  '米',
  '公里',
  '千米',
  '亩',
  '公顷',
  '平方米',
  '平方公里',
  '人次',
  '床位',
  '张床',
  '个村',
  '村',
  '镇',
  '乡',
  '所学校',
  '辆次',
  '千瓦',
  '千瓦时',
  '立方米',
  '标准箱',
  '篇',
  '本',
  '种',
  '款',
]);

/**
 * Whether figures in this unit can be summed across offices: counts and amounts (个 人 所 张 家 名 项 元 吨 …)
 * yes; shares and rates (% ‰), per-something ratios (元/人, 张/千人, 每…) and levels (岁 倍 分) no.
 */
export function isSummableUnit(unit: string | null | undefined): boolean {
  // Only the units listed count: a share, a ratio or a level (%, 元/人, 每千人, 岁) is simply not among them.
  if (!unit) return false;
  const u = halfWidth(unit).replace(/\s/g, '');
  const base = u.replace(/^(十万|百万|千万|万亿|万|亿|千|百)/, '');
  return SUMMABLE.has(base) || SUMMABLE.has(u);
}

/** A share (占比, 覆盖率 …) above 100 % cannot happen; a growth or increase can. */
export function isBoundedShare(unit: string | null | undefined, quote: string): boolean {
  if (!unit) return false;
  const u = halfWidth(unit).trim();
  if (u !== '%' && u !== '‰') return false;
  return !/增长|增速|增幅|提高|提升|下降|降低|减少|增加|年均/.test(quote);
}

/** Upper bound of a bounded share in its own unit. */
export function shareLimit(unit: string): number {
  return halfWidth(unit).trim() === '‰' ? 1000 : 100;
}
