/**
 * One target across offices, by what it measures (IndicatorKind): totals are summed and the sum is judged
 * against the overall target; rates, per-capita figures and durations are never summed or averaged —
 * their median, range and the number of offices that meet their target are given instead.
 */
import type { IndicatorKind } from '../model/catalogue.js';
import { judgeFigure, type JudgedStatus, type TargetRule } from './status.js';

export interface OfficeFigure {
  actual: number;
  /** Whether the figure meets the office's own target (its allocated share, or the overall target). */
  met: boolean | null;
}

export interface TargetAggregate {
  kind: IndicatorKind;
  /** Offices whose figure counts (reported and not held back as implausible). */
  reported: number;
  /** Sum over offices, for totals only. */
  total: number | null;
  /** 完成率 of the sum against the overall target (fraction), for totals only. */
  totalRate: number | null;
  /** 完成率 of the whole (the sum for totals, the median for the others) against the overall target. */
  rate: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Offices whose figure meets their target. */
  meeting: number;
  /** The whole judged against 序时进度: the sum for totals, the median for the others. */
  status: JudgedStatus;
}

function round(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

export function medianOf(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  const mid = n >> 1;
  return round(n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

export function aggregateTarget(
  kind: IndicatorKind,
  overall: TargetRule,
  figures: readonly OfficeFigure[],
  timeShare: number | null,
): TargetAggregate {
  const values = figures.map((f) => f.actual).sort((a, b) => a - b);
  const median = medianOf(values);
  const isTotal = kind === 'total';
  const total = isTotal && values.length ? round(values.reduce((a, b) => a + b, 0)) : null;
  const whole = isTotal ? total : median;
  const judged = judgeFigure({ ...overall, actual: whole, declared: null }, timeShare);
  return {
    kind,
    reported: values.length,
    total,
    totalRate: isTotal ? judged.rate : null,
    rate: kind === 'milestone' ? null : judged.rate,
    median,
    min: values.length ? values[0] : null,
    max: values.length ? values[values.length - 1] : null,
    meeting: figures.filter((f) => f.met === true).length,
    status: kind === 'milestone' ? '无数据' : judged.status,
  };
}
