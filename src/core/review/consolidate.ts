/**
 * Consolidate every office's submission into one view: a targets × offices matrix of 完成值 and
 * 完成率, totals where the unit adds up, a ranking, who has not reported (未报送), each office's
 * problems, duplicate files and outliers.
 *
 * Streaming: hosts feed submissions one at a time (`add`) and drop them; the consolidator keeps
 * only the numbers the result needs (figure and status per target per office), so memory stays
 * bounded by offices × targets, not by the size of the files. Pure: no I/O.
 */
import type { Comparator } from '../model/catalogue.js';
import type { Problem, Submission, Severity } from '../model/submission.js';
import { completionRate } from '../workbook/target-math.js';
import { isBoundedShare, isSummableUnit, shareLimit } from './measure.js';

/** A target's rule as the workbook recorded it; 'unknown' when a row carries none. */
type RateComparator = Comparator | 'unknown';

interface ParsedTarget {
  comparator: RateComparator;
  value: number | null;
  valueMax: number | null;
}

/** 完成率 in percent, by the workbook's own rule. */
function ratePercent(actual: number, target: ParsedTarget): number | null {
  if (target.comparator === 'unknown') return null;
  const r = completionRate(actual, target.comparator, target.value);
  return r === null ? null : Number.parseFloat((r * 100).toPrecision(10));
}

export interface ConsolidatorOptions {
  /** Office names that are expected to report (from the roster), in roster order. */
  roster?: readonly string[] | null;
  /** Problems kept per office (the count of all of them is always kept). */
  maxProblemsPerOffice?: number;
}

export interface ConsolidatedTarget {
  targetId: string;
  document: string;
  section: string;
  quote: string;
  targetText: string;
  unit: string;
  deadline: string;
  lead: string;
  comparator: RateComparator;
  value: number | null;
  /** Whether offices' figures can be added up (counts and amounts, not shares or ratios). */
  summable: boolean;
  /** Sum over offices when summable and at least one office reported, else null. */
  total: number | null;
  /** Offices that reported a figure. */
  reported: number;
  median: number | null;
}

export interface OfficeResult {
  office: string;
  source: string;
  period: string;
  catalogueVersion: string;
  generatedAt: string | null;
  /** Latest 截至日期 in the submission. */
  asOf: string | null;
  /** true/false when a roster was given, null without one. */
  inRoster: boolean | null;
  /** Targets in the office's workbook, and how many have a 完成值. */
  targets: number;
  filled: number;
  completed: number;
  onTrack: number;
  lagging: number;
  notStarted: number;
  errors: number;
  warnings: number;
  /** Mean 完成率 (each capped at 100 so one over-achievement cannot hide shortfalls), or null. */
  score: number | null;
  /** 1 = best; offices without any 完成率 share the last rank. */
  rank: number;
}

export interface DuplicateRecord {
  office: string;
  /** The file that counts. */
  kept: string;
  /** The file that was set aside. */
  dropped: string;
  /** Chinese: why `kept` won. */
  reason: string;
}

export interface FailureRecord {
  file: string;
  message: string;
}

export interface ProblemRecord {
  office: string;
  source: string;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  targetId: string | null;
  message: string;
  code: string;
}

export interface OutlierRecord {
  targetId: string;
  office: string;
  value: number;
  /** Median of all offices' figures for the target (null for impossible-value checks on few figures). */
  median: number | null;
  /** Robust z-score (0.6745·(x − median)/MAD), or null for impossible values. */
  score: number | null;
  reason: string;
}

export interface ConsolidationResult {
  /** The period most offices reported for (null if none). */
  period: string | null;
  targets: ConsolidatedTarget[];
  offices: OfficeResult[];
  /** actual[t][o]: 完成值 of targets[t] for offices[o]. */
  actual: (number | null)[][];
  /** rate[t][o]: 完成率 in percent, or null. */
  rate: (number | null)[][];
  /** Roster offices with no readable submission. */
  missing: string[];
  /** Offices that reported but are not on the roster. */
  unlisted: string[];
  duplicates: DuplicateRecord[];
  failures: FailureRecord[];
  problems: ProblemRecord[];
  outliers: OutlierRecord[];
}

export interface Consolidator {
  add(submission: Submission): void;
  addFailure(file: string, message: string): void;
  finish(): ConsolidationResult;
}

interface TargetState {
  info: Omit<ConsolidatedTarget, 'total' | 'reported' | 'median'>;
  parsed: ParsedTarget;
}

/** What is kept per submission while adding: the result's counts, plus the figures and problems. */
interface OfficeState extends Pick<
  OfficeResult,
  | 'office'
  | 'source'
  | 'period'
  | 'catalogueVersion'
  | 'generatedAt'
  | 'asOf'
  | 'targets'
  | 'completed'
  | 'onTrack'
  | 'lagging'
  | 'notStarted'
  | 'errors'
  | 'warnings'
> {
  order: number;
  /** Target index → 完成值. */
  actual: Map<number, number>;
  problems: Problem[];
}

/** Robust z above this is an outlier (Iglewicz & Hoaglin's customary cut-off). */
const OUTLIER_Z = 3.5;
/** Fewer figures than this say nothing about what is usual. */
const OUTLIER_MIN_FIGURES = 6;
/** Floor of the spread relative to the median (see the outlier test in finish()). */
const MIN_RELATIVE_SPREAD = 0.1;

function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Which of two submissions of one office counts: later 截至日期, then later generation, then later file. */
function laterWins(
  a: OfficeState,
  b: OfficeState,
): { winner: OfficeState; loser: OfficeState; reason: string } {
  const byAsOf = compareOptional(a.asOf, b.asOf);
  if (byAsOf !== 0) {
    const [w, l] = byAsOf > 0 ? [a, b] : [b, a];
    return { winner: w, loser: l, reason: `截至日期较新（${w.asOf ?? '无'} 晚于 ${l.asOf ?? '无'}）` };
  }
  const byGen = compareOptional(a.generatedAt, b.generatedAt);
  if (byGen !== 0) {
    const [w, l] = byGen > 0 ? [a, b] : [b, a];
    return { winner: w, loser: l, reason: `填报表生成时间较新（${w.generatedAt ?? '无'}）` };
  }
  const [w, l] = a.order > b.order ? [a, b] : [b, a];
  return { winner: w, loser: l, reason: '两份内容日期相同，按文件顺序取后一份' };
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(x: number, digits = 10): number {
  return Number.parseFloat(x.toPrecision(digits));
}

export function createConsolidator(options: ConsolidatorOptions = {}): Consolidator {
  const roster = options.roster ? [...new Set(options.roster.map((s) => s.trim()).filter(Boolean))] : null;
  const maxProblems = options.maxProblemsPerOffice ?? 200;
  const targets: TargetState[] = [];
  const targetIndex = new Map<string, number>();
  const offices = new Map<string, OfficeState>();
  const duplicates: DuplicateRecord[] = [];
  const failures: FailureRecord[] = [];
  let order = 0;
  let finished = false;

  function reduce(s: Submission): OfficeState {
    const state: OfficeState = {
      office: s.office.trim(),
      source: s.source,
      period: s.period,
      catalogueVersion: s.catalogueVersion,
      generatedAt: s.generatedAt,
      asOf: null,
      order: order++,
      actual: new Map(),
      targets: 0,
      completed: 0,
      onTrack: 0,
      lagging: 0,
      notStarted: 0,
      errors: 0,
      warnings: 0,
      problems: [],
    };
    for (const r of s.rows) {
      if (targetIndex.has(r.targetId)) continue;
      const parsed: ParsedTarget = {
        comparator: r.comparator ?? 'unknown',
        value: r.value,
        valueMax: r.valueMax,
      };
      targetIndex.set(r.targetId, targets.length);
      targets.push({
        info: {
          targetId: r.targetId,
          document: r.document,
          section: r.section,
          quote: r.quote,
          targetText: r.targetText,
          unit: r.unit,
          deadline: r.deadline,
          lead: r.lead,
          comparator: parsed.comparator,
          value: parsed.value,
          summable: isSummableUnit(r.unit),
        },
        parsed,
      });
    }
    const seen = new Set<string>();
    for (const e of s.entries) {
      if (seen.has(e.targetId)) continue;
      seen.add(e.targetId);
      state.targets++;
      const t = targetIndex.get(e.targetId);
      if (t !== undefined && e.actual !== null && Number.isFinite(e.actual)) state.actual.set(t, e.actual);
      if (e.asOf && (state.asOf === null || e.asOf > state.asOf)) state.asOf = e.asOf;
      if (e.status === '已完成') state.completed++;
      else if (e.status === '序时推进') state.onTrack++;
      else if (e.status === '滞后') state.lagging++;
      else if (e.status === '未启动') state.notStarted++;
    }
    for (const p of s.problems) {
      if (p.severity === 'error') state.errors++;
      else state.warnings++;
      if (state.problems.length < maxProblems) state.problems.push(p);
    }
    return state;
  }

  return {
    add(submission: Submission): void {
      if (finished) throw new Error('consolidator already finished');
      if (!submission.office.trim()) {
        // Not a luoshi workbook, or its identity is gone: nothing to attribute, list it like an unreadable file.
        const first = submission.problems.find((p) => p.severity === 'error');
        failures.push({
          file: submission.source,
          message: first?.message ?? `${submission.source} 未写明填报单位，无法汇总`,
        });
        return;
      }
      const state = reduce(submission);
      const existing = offices.get(state.office);
      if (!existing) {
        offices.set(state.office, state);
        return;
      }
      const { winner, loser, reason } = laterWins(existing, state);
      offices.set(state.office, winner);
      duplicates.push({ office: state.office, kept: winner.source, dropped: loser.source, reason });
    },

    addFailure(file: string, message: string): void {
      failures.push({ file, message });
    },

    finish(): ConsolidationResult {
      finished = true;
      const rosterSet = roster ? new Set(roster) : null;
      const reported = [...offices.values()];
      // Roster order first, then offices not on the roster, by name.
      const rosterPos = new Map((roster ?? []).map((name, i) => [name, i]));
      reported.sort((a, b) => {
        const pa = rosterPos.get(a.office) ?? Number.MAX_SAFE_INTEGER;
        const pb = rosterPos.get(b.office) ?? Number.MAX_SAFE_INTEGER;
        if (pa !== pb) return pa - pb;
        return a.office.localeCompare(b.office, 'zh-CN');
      });

      // Most common period and catalogue version: others are flagged, not dropped.
      const mode = (values: string[]) => {
        const counts = new Map<string, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        let best: string | null = null;
        for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
        return best;
      };
      const period = mode(reported.map((o) => o.period));
      const catalogueVersion = mode(reported.map((o) => o.catalogueVersion));

      const T = targets.length;
      const O = reported.length;
      const actual: (number | null)[][] = [];
      const rate: (number | null)[][] = [];
      const outliers: OutlierRecord[] = [];
      const consolidatedTargets: ConsolidatedTarget[] = [];
      const rateSums = new Float64Array(O);
      const rateCounts = new Uint32Array(O);

      for (let t = 0; t < T; t++) {
        const { info, parsed } = targets[t];
        const row = new Array<number | null>(O).fill(null);
        const rateRow = new Array<number | null>(O).fill(null);
        const figures: number[] = [];
        let sum = 0;
        for (let o = 0; o < O; o++) {
          const v = reported[o].actual.get(t);
          if (v === undefined) continue;
          row[o] = v;
          figures.push(v);
          sum += v;
          const r = ratePercent(v, parsed);
          rateRow[o] = r;
          if (r !== null) {
            rateSums[o] += Math.min(r, 100);
            rateCounts[o]++;
          }
        }
        actual.push(row);
        rate.push(rateRow);
        const sorted = [...figures].sort((a, b) => a - b);
        const med = sorted.length ? round(median(sorted), 12) : null;
        consolidatedTargets.push({
          ...info,
          total: info.summable && figures.length ? round(sum) : null,
          reported: figures.length,
          median: med,
        });

        // Impossible values first: a share above 100 %, a negative count.
        const bounded = isBoundedShare(info.unit, info.quote);
        const flagged = new Set<number>();
        for (let o = 0; o < O; o++) {
          const v = row[o];
          if (v === null) continue;
          if (bounded && v > shareLimit(info.unit)) {
            flagged.add(o);
            outliers.push({
              targetId: info.targetId,
              office: reported[o].office,
              value: v,
              median: med,
              score: null,
              reason: `比重类指标超过 ${shareLimit(info.unit)}${info.unit.trim()}，不可能出现`,
            });
          } else if (info.summable && v < 0) {
            flagged.add(o);
            outliers.push({
              targetId: info.targetId,
              office: reported[o].office,
              value: v,
              median: med,
              score: null,
              reason: '数量类指标为负数，不可能出现',
            });
          }
        }
        // Far from the other offices: robust z-score on median and MAD (one wild figure cannot mask itself).
        if (med !== null && sorted.length >= OUTLIER_MIN_FIGURES) {
          const deviations = sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
          // z = 0.6745·(x − median)/MAD. When more than half the offices report the same figure MAD is 0:
          // use the mean absolute deviation instead, in MAD-equivalent units (×0.6745/0.7979).
          let spread = median(deviations);
          if (spread === 0)
            spread = ((deviations.reduce((a, b) => a + b, 0) / deviations.length) * 0.6745) / 0.7979;
          // The spread is never taken below 10 % of the median, so a few offices agreeing closely by chance
          // cannot make an ordinary figure look far off (with the cut-off 3.5 a figure must then differ
          // from the median by more than about half of it).
          spread = Math.max(spread, MIN_RELATIVE_SPREAD * Math.abs(med));
          if (spread > 0) {
            for (let o = 0; o < O; o++) {
              const v = row[o];
              if (v === null || flagged.has(o)) continue;
              const z = (0.6745 * (v - med)) / spread;
              if (Math.abs(z) > OUTLIER_Z) {
                outliers.push({
                  targetId: info.targetId,
                  office: reported[o].office,
                  value: v,
                  median: med,
                  score: Math.round(z * 100) / 100,
                  reason: `与各单位中位数 ${round(med, 6)} 相差过大（稳健 z 值 ${round(z, 3)}）`,
                });
              }
            }
          }
        }
      }

      // Ranking: mean capped 完成率; ties share a rank; offices with no rate come last.
      const scores = reported.map((_, o) => (rateCounts[o] ? round(rateSums[o] / rateCounts[o], 6) : null));
      const orderIdx = reported
        .map((_, o) => o)
        .sort((a, b) => {
          const sa = scores[a];
          const sb = scores[b];
          if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
          return sb - sa;
        });
      const ranks = new Array<number>(O);
      let prevScore: number | null | undefined;
      let prevRank = 0;
      orderIdx.forEach((o, i) => {
        const s = scores[o];
        if (i > 0 && s === prevScore) ranks[o] = prevRank;
        else ranks[o] = prevRank = i + 1;
        prevScore = s;
      });

      const problems: ProblemRecord[] = [];
      const officeResults: OfficeResult[] = reported.map((s, o) => {
        for (const p of s.problems) {
          problems.push({
            office: s.office,
            source: s.source,
            severity: p.severity,
            sheet: p.sheet,
            cell: p.cell,
            targetId: p.targetId,
            message: p.message,
            code: p.code,
          });
        }
        const extra = s.errors + s.warnings - s.problems.length;
        if (extra > 0) {
          problems.push({
            office: s.office,
            source: s.source,
            severity: 'warning',
            sheet: null,
            cell: null,
            targetId: null,
            message: `另有 ${extra} 条问题未列出，请用 luoshi check 查看该文件`,
            code: 'more-problems',
          });
        }
        if (period !== null && s.period !== period) {
          problems.push({
            office: s.office,
            source: s.source,
            severity: 'warning',
            sheet: null,
            cell: null,
            targetId: null,
            message: `报送期间为“${s.period}”，与多数单位的“${period}”不同`,
            code: 'period-mismatch',
          });
        }
        if (catalogueVersion !== null && s.catalogueVersion !== catalogueVersion) {
          problems.push({
            office: s.office,
            source: s.source,
            severity: 'warning',
            sheet: null,
            cell: null,
            targetId: null,
            message: '所用指标目录版本与多数单位不同，部分指标可能无法对应',
            code: 'catalogue-mismatch',
          });
        }
        return {
          office: s.office,
          source: s.source,
          period: s.period,
          catalogueVersion: s.catalogueVersion,
          generatedAt: s.generatedAt,
          asOf: s.asOf,
          inRoster: rosterSet ? rosterSet.has(s.office) : null,
          targets: s.targets,
          filled: s.actual.size,
          completed: s.completed,
          onTrack: s.onTrack,
          lagging: s.lagging,
          notStarted: s.notStarted,
          errors: s.errors,
          warnings: s.warnings,
          score: scores[o],
          rank: ranks[o],
        };
      });

      return {
        period,
        targets: consolidatedTargets,
        offices: officeResults,
        actual,
        rate,
        missing: roster ? roster.filter((name) => !offices.has(name)) : [],
        unlisted: rosterSet ? reported.filter((s) => !rosterSet.has(s.office)).map((s) => s.office) : [],
        duplicates,
        failures,
        problems,
        outliers,
      };
    },
  };
}
