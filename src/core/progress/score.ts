/**
 * The ranking measure: each office's 平均完成率 (each target's 完成率 capped at 100 %, so one
 * over-achievement cannot hide shortfalls), compared at the precision it is shown with (0.1 %), and the
 * tie rule. Every ranking luoshi prints (汇总.xlsx, both reports, the consolidate printout) comes from here.
 */

/** Scores and shares are compared as shown: to 0.1 % (three decimals of a fraction). */
export const SCORE_DECIMALS = 3;

function roundShown(x: number): number {
  const f = 10 ** SCORE_DECIMALS;
  return Math.round(x * f) / f;
}

/** 平均完成率 as a fraction, rounded as shown; null when no target of the office has a 完成率. */
export function officeScore(rates: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const r of rates) {
    if (r === null || !Number.isFinite(r)) continue;
    sum += Math.min(Math.max(r, 0), 1);
    n++;
  }
  return n ? roundShown(sum / n) : null;
}

export interface Rankable {
  /** 平均完成率 (fraction, as officeScore returns it) or null. */
  score: number | null;
  /** Share of judged targets at or ahead of 序时进度, or null. */
  ahead: number | null;
}

function compareRankable(a: Rankable, b: Rankable): number {
  if (a.score === null || b.score === null) return a.score === b.score ? 0 : a.score === null ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  const sa = a.ahead === null ? -1 : roundShown(a.ahead);
  const sb = b.ahead === null ? -1 : roundShown(b.ahead);
  return sb - sa;
}

/**
 * Rank per item (1 = best): higher 平均完成率 first; equal → higher share at or ahead of 序时进度;
 * still equal → the same rank (并列). Offices with no 完成率 share the last rank.
 */
export function rankOffices(items: readonly Rankable[]): number[] {
  const order = items.map((_, i) => i).sort((a, b) => compareRankable(items[a], items[b]));
  const ranks = new Array<number>(items.length);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    ranks[idx] = prev !== undefined && compareRankable(items[prev], items[idx]) === 0 ? ranks[prev] : pos + 1;
  });
  return ranks;
}

/**
 * A percentage as every output shows it: half-up to `decimals`, after dropping binary noise (39.25, stored as
 * 39.2499999…, shows as 39.3 in the report, in 汇总.xlsx and in the printouts alike).
 */
export function roundShownPercent(percent: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(Number.parseFloat((percent * f).toPrecision(12))) / f;
}
