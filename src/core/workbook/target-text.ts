/**
 * Readable 目标值 for the 指标 sheet. Delegates to the catalogue's formatter so that the
 * workbook, reports and the add-in show a target the same way.
 */
import type { Target } from '../model/catalogue.js';
import { formatTargetValue } from '../catalogue/format.js';

export function targetText(t: Target): string {
  return formatTargetValue(t);
}
