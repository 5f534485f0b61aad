/**
 * The documented JSON shapes of `luoshi check --json` and `luoshi consolidate --json` (README; keep
 * stable), which the server answers with too.
 */
import type { Submission } from '../core/model/submission.js';
import type { ConsolidationResult } from '../core/review/consolidate.js';

/** The JSON shape printed by `check --json` (documented in the README; keep stable). */
export function submissionJson(s: Submission): unknown {
  return {
    office: s.office,
    period: s.period,
    catalogueVersion: s.catalogueVersion,
    entries: s.entries.map((e) => ({
      targetId: e.targetId,
      baseline: e.baseline,
      actual: e.actual,
      asOf: e.asOf,
      status: e.status,
      progress: e.progress,
      problems: e.problems,
      nextSteps: e.nextSteps,
      evidence: e.evidence,
    })),
    problems: s.problems.map((p) => ({
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      targetId: p.targetId,
      message: p.message,
    })),
  };
}

/** The --json shape: {offices, missing, duplicates, problems, outliers} plus failures and the period. */
export function consolidationJson(r: ConsolidationResult): unknown {
  return {
    period: r.period,
    offices: r.offices,
    missing: r.missing,
    unlisted: r.unlisted,
    duplicates: r.duplicates,
    problems: r.problems,
    failures: r.failures,
    outliers: r.outliers,
    contradictions: r.contradictions,
    targets: r.targets,
    timeShare: r.timeShare,
  };
}
