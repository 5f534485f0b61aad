/**
 * The status of one figure judged against 序时进度 (computed from the figure, never taken from the office's
 * own 进展状态), and where the office's own 进展状态 contradicts it.
 */
import type { Comparator } from '../model/catalogue.js';
import type { ProgressStatus } from '../model/submission.js';
import { completionRate, meetsTarget } from '../workbook/target-math.js';

/** Status words of the computed judgement, in the order they are counted and shown. */
export const JUDGED_STATUSES = ['已完成', '达到序时进度', '未达到序时进度', '未启动', '无数据'] as const;
export type JudgedStatus = (typeof JUDGED_STATUSES)[number];

/** A target's rule as one office is judged by it (its allocated share when there is one). */
export interface TargetRule {
  comparator: Comparator | null;
  value: number | null;
  valueMax: number | null;
}

export interface Figure extends TargetRule {
  actual: number | null;
  /** The office's own 进展状态 (自报), kept apart from the computed status. */
  declared: ProgressStatus | null;
}

export interface Judged {
  /** 完成率 as a fraction (1 = 100 %), uncapped, as the workbook's own 完成率 column shows it. */
  rate: number | null;
  met: boolean | null;
  status: JudgedStatus;
  /** 'figure': judged from the 完成值; 'declared': a milestone, judged from the office's own status. */
  basis: 'figure' | 'declared' | 'none';
  /** Chinese: how the office's own 进展状态 contradicts the computed status, or null. */
  contradiction: string | null;
}

/** The fraction compared with 序时进度; an unknown period is judged as at year end. */
function yardstick(timeShare: number | null): number {
  return timeShare ?? 1;
}

function isCeiling(c: Comparator | null): boolean {
  return c === '<=' || c === '<';
}

/** Whether the target has a numeric test at all (milestones and targets without a value have none). */
export function isNumericRule(r: TargetRule): boolean {
  return r.comparator !== null && r.comparator !== 'milestone' && r.value !== null;
}

const FROM_DECLARED: Record<ProgressStatus, JudgedStatus> = {
  已完成: '已完成',
  序时推进: '达到序时进度',
  滞后: '未达到序时进度',
  未启动: '未启动',
};

/** Judge one figure; `timeShare` is 序时进度 as a fraction. */
export function judgeFigure(f: Figure, timeShare: number | null): Judged {
  if (!isNumericRule(f)) {
    const status = f.declared ? FROM_DECLARED[f.declared] : '无数据';
    return { rate: null, met: null, status, basis: f.declared ? 'declared' : 'none', contradiction: null };
  }
  if (f.actual === null || !Number.isFinite(f.actual)) {
    const status = f.declared === '未启动' ? '未启动' : '无数据';
    return { rate: null, met: null, status, basis: 'none', contradiction: null };
  }
  const rate = completionRate(f.actual, f.comparator, f.value);
  const met = meetsTarget(f.actual, f.comparator!, f.value, f.valueMax);
  const status = statusOf(f.comparator, f.actual, rate, met, yardstick(timeShare));
  return { rate, met, status, basis: 'figure', contradiction: contradictionOf(f.declared, status) };
}

function statusOf(
  comparator: Comparator | null,
  actual: number,
  rate: number | null,
  met: boolean | null,
  share: number,
): JudgedStatus {
  // A ceiling (≤, <) is only "done" at the end of the year; before that, keeping under it is on schedule.
  if (met === true) return isCeiling(comparator) && share < 1 ? '达到序时进度' : '已完成';
  if (rate === null) return '未达到序时进度';
  if (actual <= 0) return '未启动';
  return rate >= share - 1e-9 ? '达到序时进度' : '未达到序时进度';
}

/** Chinese: the contradiction between the office's own status and the computed one, or null. */
export function contradictionOf(declared: ProgressStatus | null, status: JudgedStatus): string | null {
  if (declared === '已完成' && status !== '已完成') return `自报“已完成”，按完成值核算为“${status}”`;
  if (declared === '序时推进' && (status === '未达到序时进度' || status === '未启动'))
    return `自报“序时推进”，按完成值核算为“${status}”`;
  if (declared === '滞后' && (status === '已完成' || status === '达到序时进度'))
    return `自报“滞后”，按完成值核算为“${status}”`;
  if (declared === '未启动' && status !== '未启动' && status !== '无数据')
    return `自报“未启动”，但已填报完成值（核算为“${status}”）`;
  return null;
}

/** How many targets have each computed status. */
export type ProgressTally = Record<JudgedStatus, number> & { total: number };

export function emptyTally(): ProgressTally {
  return { total: 0, 已完成: 0, 达到序时进度: 0, 未达到序时进度: 0, 未启动: 0, 无数据: 0 };
}

export function addToTally(t: ProgressTally, s: JudgedStatus): void {
  t.total++;
  t[s]++;
}

/** Targets with a judgement (all but 无数据). */
export function judgedCount(t: ProgressTally): number {
  return t.total - t.无数据;
}

/** Share of judged targets at or ahead of 序时进度 (已完成 included), or null when none is judged. */
export function aheadShare(t: ProgressTally): number | null {
  const n = judgedCount(t);
  return n ? (t.已完成 + t.达到序时进度) / n : null;
}
