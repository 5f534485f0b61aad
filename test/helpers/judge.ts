/**
 * An independent statement of the status rule the reports and 汇总.xlsx follow (README, "进度判定"), written
 * from the rule text, not from src/core/progress, so tests can compute what the outputs must say.
 */
import type { Entry, TargetRow } from '../../src/core/model/submission.js';

export type Status = '已完成' | '达到序时进度' | '未达到序时进度' | '未启动' | '无数据';

const DECLARED: Record<string, Status> = {
  已完成: '已完成',
  序时推进: '达到序时进度',
  滞后: '未达到序时进度',
  未启动: '未启动',
};

/** The status of one row, with 序时进度 `share` (fraction). */
export function expectedStatus(row: TargetRow, e: Entry | undefined, share: number): Status {
  const c = row.comparator;
  const v = row.value;
  if (c === null || c === 'milestone' || v === null) return e?.status ? DECLARED[e.status] : '无数据';
  const a = e?.actual ?? null;
  if (a === null) return e?.status === '未启动' ? '未启动' : '无数据';
  const ceiling = c === '<=' || c === '<';
  const met =
    c === '<='
      ? a <= v
      : c === '<'
        ? a < v
        : c === '>'
          ? a > v
          : c === '≈'
            ? a >= v * 0.95
            : a >= v && (c !== 'range' || row.valueMax === null || a <= row.valueMax);
  if (met) return ceiling && share < 1 ? '达到序时进度' : '已完成';
  if (ceiling || !(v > 0)) return '未达到序时进度';
  if (a <= 0) return '未启动';
  return a / v >= share ? '达到序时进度' : '未达到序时进度';
}

export function expectedCounts(rows: TargetRow[], entries: Entry[], share: number): Record<Status, number> {
  const byId = new Map(entries.map((e) => [e.targetId, e]));
  const out: Record<Status, number> = { 已完成: 0, 达到序时进度: 0, 未达到序时进度: 0, 未启动: 0, 无数据: 0 };
  for (const r of rows) out[expectedStatus(r, byId.get(r.targetId), share)]++;
  return out;
}
