/**
 * Reporting periods as offices write them ("2025年度", "2025年上半年", "2025年第三季度",
 * "2025年1-9月", "2025年6月") → an inclusive ISO date range, used for the 截至日期 rule.
 */
import { toHalfWidth } from './normalise.js';

export interface PeriodRange {
  /** Inclusive ISO dates. */
  start: string;
  end: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function months(y: number, m1: number, m2: number): PeriodRange | null {
  if (m1 < 1 || m2 > 12 || m1 > m2) return null;
  return { start: iso(y, m1, 1), end: iso(y, m2, lastDay(y, m2)) };
}

/** Parse a period label; null when it is not recognised (callers then skip the date-range rule). */
export function parsePeriod(label: string): PeriodRange | null {
  const t = toHalfWidth(label).replace(/\s+/g, '');
  const ym = t.match(/^(\d{4})年?/);
  if (!ym) return null;
  const y = Number(ym[1]);
  const rest = t.slice(ym[0].length);
  if (rest === '' || rest === '度' || rest === '全年' || rest === '年度') return months(y, 1, 12);
  if (/^上半年度?$/.test(rest)) return months(y, 1, 6);
  if (/^下半年度?$/.test(rest)) return months(y, 7, 12);
  const q = rest.match(/^(?:第)?([一二三四1-4])季度$/) ?? rest.match(/^Q([1-4])$/i);
  if (q) {
    const n = CN_DIGITS[q[1]];
    return months(y, n * 3 - 2, n * 3);
  }
  const span = rest.match(/^(\d{1,2})月?(?:-|—|–|~|～|至|到)(\d{1,2})月(?:份)?$/);
  if (span) return months(y, Number(span[1]), Number(span[2]));
  const one = rest.match(/^(\d{1,2})月(?:份)?$/);
  if (one) return months(y, Number(one[1]), Number(one[1]));
  return null;
}
