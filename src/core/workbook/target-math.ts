/**
 * How a figure is judged against a target: the one place for it, shared by the 完成率 formula (plan),
 * the status-consistency rule (reader), the reports and the consolidation.
 */
/*
 * Comparators are typed `string`: besides the catalogue's Comparator values they arrive as text
 * read back from a workbook's _meta, and an unknown one simply has no numeric test.
 */

/** Whether `actual` meets a numeric target; null when the target has no numeric test (milestone, no value). */
export function meetsTarget(
  actual: number,
  comparator: string,
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
export function rateFormula(
  actualCell: string,
  comparator: string,
  value: number | null,
  options: { text?: boolean } = {},
): string | null {
  if (value === null || !(value > 0) || !hasRatio(comparator)) return null;
  if (options.text) {
    // A percent target's 完成值 is a text cell holding "30" or "30%": drop the sign, then divide.
    const n = `VALUE(SUBSTITUTE(SUBSTITUTE(${actualCell},"%",""),"％",""))`;
    return `IFERROR(${n}/${String(value)},"")`;
  }
  return `IF(ISNUMBER(${actualCell}),${actualCell}/${String(value)},"")`;
}

/** Comparators for which figure ÷ target is a meaningful 完成率 (not ceilings, not milestones). */
function hasRatio(comparator: string): boolean {
  return (
    comparator === '>=' ||
    comparator === '>' ||
    comparator === '=' ||
    comparator === '≈' ||
    comparator === 'range'
  );
}

/**
 * 完成率 as a fraction (1 = 100 %): the same rule as the workbook's own 完成率 column (rateFormula),
 * so a figure shows the same rate in Excel, in reports and in the consolidation; null where a ratio
 * means nothing.
 */
export function completionRate(
  actual: number | null,
  comparator: string | null,
  value: number | null,
): number | null {
  if (actual === null || !Number.isFinite(actual) || comparator === null) return null;
  if (value === null || !(value > 0) || !hasRatio(comparator)) return null;
  return actual / value;
}
