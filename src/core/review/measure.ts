/**
 * What can be computed from a target row's readable text: its comparator and value (for 完成率),
 * whether its unit can be summed across offices, and whether a figure is impossible for it.
 * Pure helpers shared by consolidation and reports.
 */

export type RateComparator = '>=' | '>' | '<=' | '<' | '=' | '≈' | 'range' | 'milestone' | 'unknown';

export interface ParsedTarget {
  comparator: RateComparator;
  value: number | null;
  valueMax: number | null;
}

const NUMBER = String.raw`[-+]?\d+(?:,\d{3})*(?:\.\d+)?`;
const RANGE_RE = new RegExp(`(${NUMBER})\\s*(?:[-–—~～至到]|——)\\s*(${NUMBER})`);
const NUMBER_RE = new RegExp(NUMBER);

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** Full-width digits and signs → ASCII, so "≥５％" parses like "≥5%". */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parse a readable target such as "≥5%", "≤1.5‰", "41000人", "5–10%", "不低于90%", "90%以上",
 * "完成" (milestone). Unknown shapes give comparator 'unknown'.
 */
export function parseTargetText(text: string): ParsedTarget {
  const t = halfWidth(text ?? '').trim();
  if (!t) return { comparator: 'unknown', value: null, valueMax: null };
  // Milestones read "2020 前完成" / "按期完成" (see workbook/target-text.ts): the year is not a value.
  if (/前完成$|按期完成|^完成$/.test(t)) return { comparator: 'milestone', value: null, valueMax: null };
  const range = RANGE_RE.exec(t);
  if (range && !/^[≥≤<>]/.test(t)) return { comparator: 'range', value: num(range[1]), valueMax: num(range[2]) };
  const m = NUMBER_RE.exec(t);
  if (!m) return { comparator: 'milestone', value: null, valueMax: null };
  const value = num(m[0]);
  let comparator: RateComparator = '=';
  if (/^(≥|>=|不低于|不少于|至少|达到|超过)/.test(t) || /以上|及以上|以上$/.test(t)) comparator = '>=';
  else if (/^>/.test(t)) comparator = '>';
  else if (/^(≤|<=|不高于|不超过|控制在|低于)/.test(t) || /以下|以内/.test(t)) comparator = '<=';
  else if (/^</.test(t)) comparator = '<';
  else if (/^(≈|约|左右)/.test(t) || /左右$/.test(t)) comparator = '≈';
  if (/^低于/.test(t)) comparator = '<';
  if (/^超过/.test(t)) comparator = '>';
  return { comparator, value, valueMax: null };
}

/**
 * 完成率 in percent: figure ÷ target (lower bound of a range) for "at least / about / exactly / range"
 * targets with a positive value — the same rule as the workbook's own 完成率 column (rateFormula in
 * workbook/target-math.ts); null where a ratio means nothing (ceilings, milestones).
 */
export function completionRate(actual: number | null, target: ParsedTarget): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  if (target.value === null || !(target.value > 0)) return null;
  const c = target.comparator;
  if (c === '>=' || c === '>' || c === '=' || c === '≈' || c === 'range') {
    return Number.parseFloat(((actual / target.value) * 100).toPrecision(10));
  }
  return null;
}

/** Units that count or measure things, so offices' figures add up (with 万/亿/千 magnitudes). */
const SUMMABLE = new Set([
  '个', '人', '所', '张', '家', '名', '项', '次', '件', '户', '台', '辆', '套', '座', '间', '床', '处', '条', '部',
  '支', '只', '头', '册', '场', '批', '栋', '幢', '元', '吨', '米', '公里', '千米', '亩', '公顷', '平方米', '平方公里',
  '人次', '床位', '张床', '个村', '村', '镇', '乡', '所学校', '辆次', '千瓦', '千瓦时', '立方米', '标准箱', '篇', '本',
]);

/**
 * Whether figures in this unit can be summed across offices: counts and amounts (个 人 所 张 家 名 项 元 吨 …)
 * yes; shares and rates (% ‰), per-something ratios (元/人, 张/千人, 每…) and levels (岁 倍 分) no.
 */
export function isSummableUnit(unit: string | null | undefined): boolean {
  const u = halfWidth(unit ?? '').replace(/\s/g, '');
  if (!u) return false;
  if (/[%‰％/／每]/.test(u)) return false;
  const base = u.replace(/^(十万|百万|千万|万亿|万|亿|千|百)/, '');
  return SUMMABLE.has(base) || SUMMABLE.has(u);
}

/** A share (占比, 覆盖率 …) above 100 % cannot happen; a growth or increase can. */
export function isBoundedShare(unit: string | null | undefined, quote: string): boolean {
  const u = halfWidth(unit ?? '').trim();
  if (u !== '%' && u !== '‰') return false;
  return !/增长|增速|增幅|提高|提升|下降|降低|减少|增加|年均/.test(quote ?? '');
}

/** Upper bound of a bounded share in its own unit. */
export function shareLimit(unit: string): number {
  return halfWidth(unit).trim() === '‰' ? 1000 : 100;
}
