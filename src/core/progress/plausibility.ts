/**
 * Implausible figures: a total more than 10× or less than 1/10 of its target (with the likely slip named),
 * a share above 100 %, a negative count, a jump of more than 3× from the office's previous submission.
 * `check` warns about them (naming the cell); consolidation and the reports list them and leave them out of
 * totals and the ranking until the office confirms them.
 */
import type { IndicatorKind } from '../model/catalogue.js';
import type { Entry, Problem, Submission } from '../model/submission.js';
import { a1, SHEET_TARGETS, TARGET_COLUMNS } from '../workbook/layout.js';
import { isBoundedShare, shareLimit } from '../review/measure.js';
import { halfWidth } from '../text/width.js';

/** More than this many times the target (or less than its inverse) is implausible for a total. */
export const MAGNITUDE_FACTOR = 10;
/** A change by more than this factor from the previous submission is implausible. */
export const JUMP_FACTOR = 3;
/** Written in 进展情况 or 佐证材料, it confirms an implausible figure. */
export const VERIFIED_MARK = '数据已核实';

export interface PlausibilityTarget {
  kind: IndicatorKind;
  value: number | null;
  unit: string;
  quote: string;
}

export interface Implausible {
  code: 'too-large' | 'too-small' | 'share-over-100' | 'negative-count' | 'jump';
  /** Chinese, without the cell (the caller names it). */
  message: string;
}

function fmt(x: number): string {
  return String(Number.parseFloat(x.toPrecision(6)));
}

/** The slip that most likely explains a figure `ratio` times its target. */
function likelySlip(ratio: number, unit: string): string {
  const u = halfWidth(unit).trim();
  const scaled = /^(万|亿|千)/.test(u);
  if (ratio >= MAGNITUDE_FACTOR) {
    if (scaled) return `计量单位为“${u}”，可能按个位数填写了（如把3.5万写成35000）`;
    // past 1000× (a ratio near 10 000 included) the figure was most likely typed in 个 for a 万 unit
    if (ratio > 1000) return '可能把“万”换算成了个位数，或多写了几位';
    return '可能多写了一位数，或填写的是累计数而非本期数';
  }
  if (scaled) return `计量单位为“${u}”，可能按“${u.slice(1) || '个'}”换算错了`;
  if (ratio < 1 / 500) return `可能按“万”填写了（计量单位为“${u || '个'}”，应填个位数）`;
  return '可能少写了一位数，或填写的是本期新增数而非累计数';
}

/** Problems with one figure (empty when it is plausible). `previous` is the same office's previous figure. */
export function implausibilities(
  actual: number,
  t: PlausibilityTarget,
  previous: number | null = null,
): Implausible[] {
  const out: Implausible[] = [];
  if (isBoundedShare(t.unit, t.quote) && actual > shareLimit(t.unit)) {
    out.push({
      code: 'share-over-100',
      message: `完成值 ${fmt(actual)}${t.unit.trim()} 超过 ${shareLimit(t.unit)}${t.unit.trim()}，比重类指标不可能出现`,
    });
  }
  if (t.kind === 'total' && actual < 0) {
    out.push({ code: 'negative-count', message: `完成值 ${fmt(actual)} 为负数，数量类指标不可能出现` });
  }
  if (t.kind === 'total' && t.value !== null && t.value > 0 && actual > 0) {
    const ratio = actual / t.value;
    if (ratio > MAGNITUDE_FACTOR) {
      out.push({
        code: 'too-large',
        message: `完成值 ${fmt(actual)} 是目标值 ${fmt(t.value)} 的 ${fmt(Math.round(ratio * 10) / 10)} 倍，请核实：${likelySlip(ratio, t.unit)}`,
      });
    } else if (ratio < 1 / MAGNITUDE_FACTOR) {
      out.push({
        code: 'too-small',
        message: `完成值 ${fmt(actual)} 不足目标值 ${fmt(t.value)} 的十分之一，请核实：${likelySlip(ratio, t.unit)}`,
      });
    }
  }
  const jump = jumpFrom(previous, actual);
  if (jump) out.push(jump);
  return out;
}

/** A change by more than JUMP_FACTOR either way between two positive figures, or null (a blank is no figure). */
function jumpFrom(previous: number | null | undefined, actual: number | null): Implausible | null {
  const was = previous ?? 0;
  const now = actual ?? 0;
  if (!(was > 0 && now > 0)) return null;
  const ratio = now / was;
  if (ratio <= JUMP_FACTOR && ratio >= 1 / JUMP_FACTOR) return null;
  return {
    code: 'jump',
    message: `完成值 ${fmt(now)} 与上期 ${fmt(was)} 相比变化超过 ${JUMP_FACTOR} 倍，请核实`,
  };
}

/** Whether the office confirmed the figures of this row ("数据已核实" in 进展情况 or 佐证材料). */
export function isVerified(e: Pick<Entry, 'progress' | 'evidence'>): boolean {
  return e.progress.includes(VERIFIED_MARK) || e.evidence.includes(VERIFIED_MARK);
}

/**
 * Warnings for figures that changed by more than JUMP_FACTOR from the same office's previous submission
 * (`check --previous 上期.xlsx`), naming the 完成值 cell of the current workbook.
 */
export function jumpProblems(current: Submission, previous: Submission): Problem[] {
  const before = new Map(previous.entries.map((e) => [e.targetId, e.actual]));
  const rows = new Map(current.rows.map((r) => [r.targetId, r]));
  const column = TARGET_COLUMNS.findIndex((c) => c.key === 'actual');
  const out: Problem[] = [];
  for (const e of current.entries) {
    const row = rows.get(e.targetId);
    if (!row || isVerified(e)) continue;
    const f = jumpFrom(before.get(e.targetId), e.actual);
    if (f)
      out.push({
        severity: 'warning',
        sheet: SHEET_TARGETS,
        cell: a1(column, row.row),
        targetId: e.targetId,
        message: `${f.message}（上期：${previous.source}）；核实无误的，请在“进展情况”中注明“${VERIFIED_MARK}”`,
        code: 'implausible-jump',
      });
  }
  return out;
}
