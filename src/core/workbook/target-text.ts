/**
 * Readable 目标值 for the 指标 sheet. Delegates to the catalogue's formatter so that the
 * workbook, reports and the add-in show a target the same way; an office's allocated share is shown
 * with the overall target it is part of ("≥12个（全省≥50个）", src/core/allocation).
 */
import type { Target } from '../model/catalogue.js';
import { allocatedTargetText } from '../allocation/apply.js';

export function targetText(t: Target): string {
  return allocatedTargetText(t);
}
