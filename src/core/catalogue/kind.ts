/**
 * What a target measures (IndicatorKind), from the indicator's words and its unit. It decides how offices'
 * figures combine: totals add up across offices; rates, per-capita figures and durations never do.
 * Set when the catalogue is built; the office can correct it in the 目录审核 workbook.
 */
import type { Comparator, IndicatorKind } from '../model/catalogue.js';
import { halfWidth } from '../text/width.js';
import { isSummableUnit } from '../review/measure.js';

export interface KindInput {
  /** Indicator text or the quote: the words that say what is measured. */
  indicator: string;
  unit: string | null;
  comparator: Comparator;
  value: number | null;
}

/** The kinds with their Chinese names, as the 目录审核 workbook shows and accepts them. */
export const KIND_NAMES: Record<IndicatorKind, string> = {
  total: '总量',
  rate: '比率',
  'per-capita': '人均',
  duration: '时长',
  milestone: '节点',
};

const PER_CAPITA_WORDS =
  /人均|每(?:十万|百万|千|万|百)?(?:人|人口|常住人口|户|名|居民)|[/／](?:十万|千|万|百)?(?:人|人口|户)/;
const RATE_WORDS = /率|比重|占比|比例|比率|覆盖面|百分比|达标面|增长|增速|增幅|下降|降低/;
const DURATION_UNITS = /^(?:岁|年|个月|月|周|天|日|小时|分钟|秒|工作日)$/;
const DURATION_WORDS = /寿命|年龄|时间|时长|天数|周期|时限|工作日|分钟内|小时内/;

/** Derive the kind; the order of the tests matters (a per-capita figure in % is still per capita). */
export function deriveKind(t: KindInput): IndicatorKind {
  if (t.comparator === 'milestone' || t.value === null) return 'milestone';
  const unit = halfWidth(t.unit ?? '').replace(/\s/g, '');
  const words = halfWidth(t.indicator);
  if (DURATION_UNITS.test(unit) || (DURATION_WORDS.test(words) && !/[%‰]/.test(unit))) return 'duration';
  if (PER_CAPITA_WORDS.test(words) || PER_CAPITA_WORDS.test(unit)) return 'per-capita';
  if (/[%‰]/.test(unit) || RATE_WORDS.test(words)) return 'rate';
  if (isSummableUnit(unit)) return 'total';
  return 'rate';
}

/** The kind by its Chinese name (目录审核 input), or null when the text names none. */
export function kindFromName(name: string): IndicatorKind | null {
  const t = halfWidth(name).trim();
  for (const [k, v] of Object.entries(KIND_NAMES)) if (t === v || t === k) return k as IndicatorKind;
  return null;
}
