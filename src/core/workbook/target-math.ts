/**
 * How a figure is judged against a target, shared by the 完成率 formula (plan) and the
 * status-consistency rule (reader).
 */
import type { Comparator } from '../model/catalogue.js';

/** Whether `actual` meets a numeric target; null when the target has no numeric test (milestone, no value). */
export function meetsTarget(
  actual: number,
  comparator: Comparator | string,
  value: number | null,
  valueMax: number | null,
): boolean | null {
  if (value === null) return null;
  const eps = 1e-9 * Math.max(1, Math.abs(value));
  switch (comparator) {
    case '>=':
      return actual >= value - eps;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value + eps;
    case '<':
      return actual < value;
    case '=':
      // "建成20个" is parsed as "= 20"; building 21 is not a shortfall.
      return actual >= value - eps;
    case '≈':
      // "左右": within 5 %, or at or above the value (more than "about 300亿元" is not a shortfall).
      return actual >= value * 0.95 - eps;
    case 'range':
      return actual >= value - eps && (valueMax === null || actual <= valueMax + eps);
    default:
      return null;
  }
}

/**
 * The Excel formula (without "=") for 完成率 given the A1 address of the 完成值 cell, or null when the
 * comparator has no meaningful ratio (≤ / < targets, milestones, zero targets). Uses only IF/ISNUMBER and
 * division, which Excel, WPS and LibreOffice all evaluate the same way.
 */
export function rateFormula(actualCell: string, comparator: Comparator | string, value: number | null): string | null {
  if (value === null || !(value > 0)) return null;
  if (comparator === '>=' || comparator === '>' || comparator === '=' || comparator === '≈' || comparator === 'range') {
    return `IF(ISNUMBER(${actualCell}),${actualCell}/${String(value)},"")`;
  }
  return null;
}
