/**
 * Consolidate every office's submission into one view: a targets × offices matrix of 完成值, 完成率 and the
 * status judged against 序时进度, each target combined by what it measures (totals summed against the
 * overall target; rates: median, range, offices meeting it), a ranking, who has not reported (未报送), each
 * office's problems, contradictions between the office's own 进展状态 and the computed one, duplicate
 * files and implausible figures. Every figure comes from src/core/progress, as in the reports.
 *
 * Streaming: hosts feed submissions one at a time (`add`) and drop them; the consolidator keeps only the
 * numbers the result needs, so memory stays bounded by offices × targets, not by the size of the files.
 * Pure: no I/O.
 */
import type { Comparator, IndicatorKind } from '../model/catalogue.js';
import type { Problem, ProgressStatus, Submission, Severity, TargetRow } from '../model/submission.js';
import { deriveKind } from '../catalogue/kind.js';
import { aggregateTarget, medianOf, type OfficeFigure } from '../progress/aggregate.js';
import { implausibilities, isVerified } from '../progress/plausibility.js';
import { officeScore, rankOffices } from '../progress/score.js';
import {
  addToTally,
  aheadShare,
  emptyTally,
  judgeFigure,
  type JudgedStatus,
  type ProgressTally,
  type TargetRule,
} from '../progress/status.js';
import { timeShareOf } from '../progress/time-share.js';
import { chooseVersion, type VersionFacts } from '../progress/version.js';

/** A target's rule as the workbook recorded it; 'unknown' when a row carries none. */
type RateComparator = Comparator | 'unknown';

export interface ConsolidatorOptions {
  /** Office names that are expected to report (from the roster), in roster order. */
  roster?: readonly string[] | null;
  /** Problems kept per office (the count of all of them is always kept). */
  maxProblemsPerOffice?: number;
  /** Indicator kinds by target id (from the catalogue); targets not listed get the derived kind. */
  kinds?: ReadonlyMap<string, IndicatorKind>;
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
  /** The overall target's value (what the offices' total is compared with). */
  value: number | null;
  /** What the indicator measures; decides how the offices' figures combine. */
  kind: IndicatorKind;
  /** Whether offices' figures add up (kind 'total'). */
  summable: boolean;
  /** Sum over offices for totals (held-back figures left out), else null. */
  total: number | null;
  /** 完成率 of the total against the overall target, in percent, or null. */
  totalRate: number | null;
  /** Offices whose figure counts (reported, not held back). */
  reported: number;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Offices whose figure meets their own target. */
  meeting: number;
  /** The whole judged against 序时进度 (the total for totals, the median for the others). */
  status: JudgedStatus;
  /** Figures held back as implausible until the office confirms them. */
  held: number;
}

export interface OfficeResult {
  office: string;
  source: string;
  period: string;
  catalogueVersion: string;
  generatedAt: string | null;
  /** When the office last saved the workbook (docProps/core.xml), or null. */
  savedAt: string | null;
  /** Latest 截至日期 in the submission. */
  asOf: string | null;
  /** true/false when a roster was given, null without one. */
  inRoster: boolean | null;
  /** Targets in the office's workbook, and how many have a 完成值. */
  targets: number;
  filled: number;
  /** The office's own 进展状态 (自报), counted as typed. */
  completed: number;
  onTrack: number;
  lagging: number;
  notStarted: number;
  /** Computed statuses (judged against 序时进度). */
  tally: ProgressTally;
  /** Targets whose own 进展状态 contradicts the computed status. */
  contradictions: number;
  errors: number;
  warnings: number;
  /** 平均完成率 in percent, to one decimal (each 完成率 capped at 100), or null. */
  score: number | null;
  /** Share of judged targets at or ahead of 序时进度, in percent, or null. */
  ahead: number | null;
  /** 1 = best; ties share a rank; offices without any 完成率 share the last rank. */
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
  /** Median of all offices' figures for the target. */
  median: number | null;
  /** Robust z-score (0.6745·(x − median)/MAD), or null for implausible values. */
  score: number | null;
  reason: string;
  /** Left out of totals and the ranking until the office confirms it. */
  held: boolean;
}

export interface ContradictionRecord {
  office: string;
  targetId: string;
  declared: ProgressStatus;
  status: JudgedStatus;
  message: string;
}

export interface ConsolidationResult {
  /** The period most offices reported for (null if none). */
  period: string | null;
  /** 序时进度 of that period as a fraction, or null. */
  timeShare: number | null;
  targets: ConsolidatedTarget[];
  offices: OfficeResult[];
  /** actual[t][o]: 完成值 of targets[t] for offices[o]. */
  actual: (number | null)[][];
  /** rate[t][o]: 完成率 in percent, or null. */
  rate: (number | null)[][];
  /** status[t][o]: the computed status, or null when the office's workbook lacks the target. */
  status: (JudgedStatus | null)[][];
  /** Roster offices with no readable submission. */
  missing: string[];
  /** Offices that reported but are not on the roster. */
  unlisted: string[];
  duplicates: DuplicateRecord[];
  failures: FailureRecord[];
  problems: ProblemRecord[];
  outliers: OutlierRecord[];
  contradictions: ContradictionRecord[];
}

export interface Consolidator {
  add(submission: Submission): void;
  addFailure(file: string, message: string): void;
  finish(): ConsolidationResult;
}

type TargetInfo = Omit<
  ConsolidatedTarget,
  'total' | 'totalRate' | 'reported' | 'median' | 'min' | 'max' | 'meeting' | 'status' | 'held'
>;

interface TargetState {
  info: TargetInfo;
  /** The overall target, which the offices' total is judged against. */
  overall: TargetRule;
}

/** One office's row for one target: its own rule (allocated share or the overall target) and its figure. */
interface Cell {
  rule: TargetRule;
  actual: number | null;
  declared: ProgressStatus | null;
  verified: boolean;
}

/** What is kept per submission while adding. */
interface OfficeState
  extends
    Pick<
      OfficeResult,
      | 'office'
      | 'source'
      | 'period'
      | 'catalogueVersion'
      | 'generatedAt'
      | 'savedAt'
      | 'asOf'
      | 'targets'
      | 'completed'
      | 'onTrack'
      | 'lagging'
      | 'notStarted'
      | 'errors'
      | 'warnings'
    >,
    VersionFacts {
  /** Target index → the office's row. */
  cells: Map<number, Cell>;
  problems: Problem[];
}

/** Robust z above this is an outlier (Iglewicz & Hoaglin's customary cut-off). */
const OUTLIER_Z = 3.5;
/** Fewer figures than this say nothing about what is usual. */
const OUTLIER_MIN_FIGURES = 6;
/** Floor of the spread relative to the median (see robustOutliers). */
const MIN_RELATIVE_SPREAD = 0.1;

function round(x: number, digits = 10): number {
  return Number.parseFloat(x.toPrecision(digits));
}

function percent(fraction: number | null): number | null {
  return fraction === null ? null : round(fraction * 100);
}

function ruleOf(r: Pick<TargetRow, 'comparator' | 'value' | 'valueMax'>): TargetRule {
  return { comparator: r.comparator, value: r.value, valueMax: r.valueMax };
}

/** The most common value (first seen wins a tie), or null. */
function mode(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

// ---- step 1: register targets and reduce a submission to the numbers the result needs

function targetInfo(r: TargetRow, kinds: ReadonlyMap<string, IndicatorKind> | undefined): TargetState {
  const overallRow = r.overall ?? r;
  const kind =
    kinds?.get(r.targetId) ??
    r.kind ??
    deriveKind({
      indicator: r.quote,
      unit: r.unit,
      comparator: overallRow.comparator ?? 'milestone',
      value: overallRow.value,
    });
  return {
    info: {
      targetId: r.targetId,
      document: r.document,
      section: r.section,
      quote: r.quote,
      targetText: r.overall?.targetText ?? r.targetText,
      unit: r.unit,
      deadline: r.deadline,
      lead: r.lead,
      comparator: overallRow.comparator ?? 'unknown',
      value: overallRow.value,
      kind,
      summable: kind === 'total',
    },
    overall: ruleOf(overallRow),
  };
}

function countDeclared(state: OfficeState, s: ProgressStatus | null): void {
  if (s === '已完成') state.completed++;
  else if (s === '序时推进') state.onTrack++;
  else if (s === '滞后') state.lagging++;
  else if (s === '未启动') state.notStarted++;
}

function reduceSubmission(
  s: Submission,
  order: number,
  targetIndex: ReadonlyMap<string, number>,
  maxProblems: number,
): OfficeState {
  const state: OfficeState = {
    office: s.office.trim(),
    source: s.source,
    period: s.period,
    catalogueVersion: s.catalogueVersion,
    generatedAt: s.generatedAt,
    savedAt: s.savedAt ?? null,
    fileTime: s.fileTime ?? null,
    asOf: null,
    order,
    cells: new Map(),
    targets: 0,
    completed: 0,
    onTrack: 0,
    lagging: 0,
    notStarted: 0,
    errors: 0,
    warnings: 0,
    problems: [],
  };
  const rows = new Map(s.rows.map((r) => [r.targetId, r]));
  const seen = new Set<string>();
  for (const e of s.entries) {
    if (seen.has(e.targetId)) continue;
    seen.add(e.targetId);
    state.targets++;
    const t = targetIndex.get(e.targetId);
    const row = rows.get(e.targetId);
    if (t !== undefined && row) {
      const actual = Number.isFinite(e.actual) ? e.actual : null;
      state.cells.set(t, { rule: ruleOf(row), actual, declared: e.status, verified: isVerified(e) });
    }
    if (e.asOf && (state.asOf === null || e.asOf > state.asOf)) state.asOf = e.asOf;
    countDeclared(state, e.status);
  }
  for (const p of s.problems) {
    if (p.severity === 'error') state.errors++;
    else state.warnings++;
    if (state.problems.length < maxProblems) state.problems.push(p);
  }
  return state;
}

/** A resubmission that repeats an implausible figure confirms it: mark those cells verified. */
function confirmRepeated(winner: OfficeState, loser: OfficeState): void {
  for (const [t, cell] of winner.cells) {
    const before = loser.cells.get(t);
    if (cell.actual !== null && before?.actual === cell.actual) cell.verified = true;
  }
}

// ---- step 2: order the offices

function orderOffices(offices: Iterable<OfficeState>, roster: readonly string[] | null): OfficeState[] {
  const rosterPos = new Map((roster ?? []).map((name, i) => [name, i]));
  return [...offices].sort((a, b) => {
    const pa = rosterPos.get(a.office) ?? Number.MAX_SAFE_INTEGER;
    const pb = rosterPos.get(b.office) ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    return a.office.localeCompare(b.office, 'zh-CN');
  });
}

// ---- step 3: judge every figure, hold back implausible ones, combine each target

interface Matrices {
  actual: (number | null)[][];
  rate: (number | null)[][];
  status: (JudgedStatus | null)[][];
  /** held[t][o]: the figure is implausible and not confirmed, so it stays out of totals and ranking. */
  held: boolean[][];
  outliers: OutlierRecord[];
  contradictions: ContradictionRecord[];
  targets: ConsolidatedTarget[];
}

/**
 * Targets in the order they first appear going through the offices in roster order (as the reports list
 * them), so a target's row number is the same in 汇总.xlsx and in the reports' tables.
 */
function targetOrder(count: number, offices: OfficeState[]): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const o of offices)
    for (const t of o.cells.keys())
      if (!seen.has(t)) {
        seen.add(t);
        order.push(t);
      }
  for (let t = 0; t < count; t++) if (!seen.has(t)) order.push(t);
  return order;
}

function judgeTargets(targets: TargetState[], offices: OfficeState[], timeShare: number | null): Matrices {
  const m: Matrices = {
    actual: [],
    rate: [],
    status: [],
    held: [],
    outliers: [],
    contradictions: [],
    targets: [],
  };
  for (const t of targetOrder(targets.length, offices)) {
    const ts = targets[t];
    const { info } = ts;
    const row: (number | null)[] = [];
    const rateRow: (number | null)[] = [];
    const statusRow: (JudgedStatus | null)[] = [];
    const heldRow: boolean[] = [];
    const figures: OfficeFigure[] = [];
    const allFigures: number[] = [];
    const implausibleOffices = new Set<number>();
    const implausible: OutlierRecord[] = [];
    offices.forEach((office, o) => {
      const cell = office.cells.get(t);
      const judged = cell
        ? judgeFigure({ ...cell.rule, actual: cell.actual, declared: cell.declared }, timeShare)
        : null;
      row.push(cell?.actual ?? null);
      rateRow.push(percent(judged?.rate ?? null));
      statusRow.push(judged?.status ?? null);
      let held = false;
      if (cell && judged?.contradiction && cell.declared)
        m.contradictions.push({
          office: office.office,
          targetId: info.targetId,
          declared: cell.declared,
          status: judged.status,
          message: judged.contradiction,
        });
      if (cell && cell.actual !== null && judged) {
        allFigures.push(cell.actual);
        const found = implausibilities(cell.actual, {
          kind: info.kind,
          value: cell.rule.value,
          unit: info.unit,
          quote: info.quote,
        });
        if (found.length) {
          implausibleOffices.add(o);
          held = !cell.verified;
          for (const f of found)
            implausible.push({
              targetId: info.targetId,
              office: office.office,
              value: cell.actual,
              median: null,
              score: null,
              reason: held ? `${f.message}（待单位核实，暂不计入合计和排名）` : `${f.message}（单位已核实）`,
              held,
            });
        }
        if (!held) figures.push({ actual: cell.actual, met: judged.met });
      }
      heldRow.push(held);
    });
    const agg = aggregateTarget(info.kind, ts.overall, figures, timeShare);
    const med = medianOf([...allFigures].sort((a, b) => a - b));
    for (const rec of implausible) rec.median = med;
    m.outliers.push(...implausible, ...robustOutliers(info.targetId, offices, row, implausibleOffices));
    m.actual.push(row);
    m.rate.push(rateRow);
    m.status.push(statusRow);
    m.held.push(heldRow);
    m.targets.push({
      ...info,
      total: agg.total,
      totalRate: percent(agg.totalRate),
      reported: agg.reported,
      median: agg.median,
      min: agg.min,
      max: agg.max,
      meeting: agg.meeting,
      status: agg.status,
      held: heldRow.filter(Boolean).length,
    });
  }
  return m;
}

/**
 * Figures far from the other offices': robust z-score on median and MAD (one wild figure cannot mask
 * itself). Listed for review only; they stay in totals and the ranking.
 */
function robustOutliers(
  targetId: string,
  offices: OfficeState[],
  row: (number | null)[],
  skip: ReadonlySet<number>,
): OutlierRecord[] {
  const sorted = row.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const med = medianOf(sorted);
  if (med === null || sorted.length < OUTLIER_MIN_FIGURES) return [];
  const deviations = sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  // z = 0.6745·(x − median)/MAD. When more than half the offices report the same figure MAD is 0:
  // use the mean absolute deviation instead, in MAD-equivalent units (×0.6745/0.7979).
  let spread = medianOf(deviations) ?? 0;
  if (spread === 0) spread = ((deviations.reduce((a, b) => a + b, 0) / deviations.length) * 0.6745) / 0.7979;
  // Never below 10 % of the median, so a few offices agreeing closely by chance cannot make an ordinary
  // figure look far off (with the cut-off 3.5 a figure must then differ from the median by about half of it).
  // The spread is 0 only when every figure is 0: each z is then 0/0 (NaN), and nobody is listed.
  spread = Math.max(spread, MIN_RELATIVE_SPREAD * Math.abs(med));
  const out: OutlierRecord[] = [];
  row.forEach((v, o) => {
    if (v === null || skip.has(o)) return;
    const z = (0.6745 * (v - med)) / spread;
    if (Math.abs(z) > OUTLIER_Z)
      out.push({
        targetId,
        office: offices[o].office,
        value: v,
        median: med,
        score: Math.round(z * 100) / 100,
        reason: `与各单位中位数 ${round(med, 6)} 相差过大（稳健 z 值 ${round(z, 3)}），请核实`,
        held: false,
      });
  });
  return out;
}

// ---- step 4: score and rank the offices

interface OfficeMeasure {
  tally: ProgressTally;
  score: number | null;
  ahead: number | null;
}

function measureOffices(offices: OfficeState[], m: Matrices): OfficeMeasure[] {
  return offices.map((_, o) => {
    const tally = emptyTally();
    const rates: (number | null)[] = [];
    m.status.forEach((statusRow, t) => {
      const s = statusRow[o];
      if (s === null) return;
      addToTally(tally, s);
      if (!m.held[t][o]) rates.push(m.rate[t][o] === null ? null : m.rate[t][o] / 100);
    });
    return { tally, score: officeScore(rates), ahead: aheadShare(tally) };
  });
}

// ---- step 5: each office's problems, and the result rows

function officeProblems(
  s: OfficeState,
  period: string | null,
  catalogueVersion: string | null,
): ProblemRecord[] {
  const record = (severity: Severity, message: string, code: string, p?: Problem): ProblemRecord => ({
    office: s.office,
    source: s.source,
    severity,
    sheet: p?.sheet ?? null,
    cell: p?.cell ?? null,
    targetId: p?.targetId ?? null,
    message,
    code,
  });
  const out = s.problems.map((p) => record(p.severity, p.message, p.code, p));
  const extra = s.errors + s.warnings - s.problems.length;
  if (extra > 0)
    out.push(record('warning', `另有 ${extra} 条问题未列出，请用 luoshi check 查看该文件`, 'more-problems'));
  if (period !== null && s.period !== period)
    out.push(record('warning', `报送期间为“${s.period}”，与多数单位的“${period}”不同`, 'period-mismatch'));
  if (catalogueVersion !== null && s.catalogueVersion !== catalogueVersion)
    out.push(record('warning', '所用指标目录版本与多数单位不同，部分指标可能无法对应', 'catalogue-mismatch'));
  return out;
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

  function register(rows: readonly TargetRow[]): void {
    for (const r of rows) {
      if (targetIndex.has(r.targetId)) continue;
      targetIndex.set(r.targetId, targets.length);
      targets.push(targetInfo(r, options.kinds));
    }
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
      register(submission.rows);
      const state = reduceSubmission(submission, order++, targetIndex, maxProblems);
      const existing = offices.get(state.office);
      if (!existing) {
        offices.set(state.office, state);
        return;
      }
      const { winner, loser, reason } = chooseVersion(existing, state);
      confirmRepeated(winner, loser);
      offices.set(state.office, winner);
      duplicates.push({ office: state.office, kept: winner.source, dropped: loser.source, reason });
    },

    addFailure(file: string, message: string): void {
      failures.push({ file, message });
    },

    finish(): ConsolidationResult {
      finished = true;
      const rosterSet = roster ? new Set(roster) : null;
      const reported = orderOffices(offices.values(), roster);
      // Most common period and catalogue version: others are flagged, not dropped.
      const period = mode(reported.map((o) => o.period));
      const catalogueVersion = mode(reported.map((o) => o.catalogueVersion));
      const timeShare = period === null ? null : timeShareOf(period, null);
      const m = judgeTargets(targets, reported, timeShare);
      const measures = measureOffices(reported, m);
      const ranks = rankOffices(measures);
      const problems: ProblemRecord[] = [];
      const officeResults: OfficeResult[] = reported.map((s, o) => {
        problems.push(...officeProblems(s, period, catalogueVersion));
        return {
          office: s.office,
          source: s.source,
          period: s.period,
          catalogueVersion: s.catalogueVersion,
          generatedAt: s.generatedAt,
          savedAt: s.savedAt,
          asOf: s.asOf,
          inRoster: rosterSet ? rosterSet.has(s.office) : null,
          targets: s.targets,
          filled: [...s.cells.values()].filter((c) => c.actual !== null).length,
          completed: s.completed,
          onTrack: s.onTrack,
          lagging: s.lagging,
          notStarted: s.notStarted,
          tally: measures[o].tally,
          contradictions: m.contradictions.filter((c) => c.office === s.office).length,
          errors: s.errors,
          warnings: s.warnings,
          score: measures[o].score === null ? null : round(measures[o].score * 100, 6),
          ahead: percent(measures[o].ahead),
          rank: ranks[o],
        };
      });

      return {
        period,
        timeShare,
        targets: m.targets,
        offices: officeResults,
        actual: m.actual,
        rate: m.rate,
        status: m.status,
        missing: roster ? roster.filter((name) => !offices.has(name)) : [],
        unlisted: rosterSet ? reported.filter((s) => !rosterSet.has(s.office)).map((s) => s.office) : [],
        duplicates,
        failures,
        problems,
        outliers: m.outliers,
        contradictions: m.contradictions,
      };
    },
  };
}
