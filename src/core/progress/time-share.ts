/**
 * 序时进度: how much of the year has passed at the end of the reporting period, the yardstick every
 * 完成率 is judged against.
 */
import { parsePeriod } from '../workbook/period.js';

/** 序时进度 as a fraction: the share of the year elapsed at the end of the reporting period (or at asOf). */
export function timeShareOf(period: string, asOf: string | null): number | null {
  const range = parsePeriod(period);
  const end = range?.end ?? asOf;
  if (!end) return null;
  const y = Number(end.slice(0, 4));
  const [, m, d] = end.split('-').map(Number);
  // A period ending on a month's last day counts in months (1-9月 → 9/12 = 75%), as 序时进度 usually is.
  if (m && d && new Date(Date.UTC(y, m, 0)).getUTCDate() === d) return m / 12;
  const start = Date.UTC(y, 0, 1);
  const stop = Date.UTC(y + 1, 0, 1);
  const at = Date.parse(`${end}T00:00:00Z`) + 86_400_000; // inclusive of the end day
  return Math.min(1, Math.max(0, (at - start) / (stop - start)));
}
