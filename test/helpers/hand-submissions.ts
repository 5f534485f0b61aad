/**
 * Submissions written by hand for report tests: each line gives a target's rule and what the office
 * typed, so a test can work out every expected figure from the lines themselves.
 */
import type {
  Entry,
  ProgressStatus,
  Submission,
  TargetRow,
  TaskEntry,
} from '../../src/core/model/submission.js';
import { DEFAULT_REPORT_CONFIG, type ReportConfig } from '../../src/core/report/config.js';

export const HAND_DOC = '关于印发《吉林省数字经济发展规划》的通知（吉政发〔2023〕5号）';

/** One 指标 row and its entry. */
export interface HandLine {
  id: string;
  quote: string;
  comparator: TargetRow['comparator'];
  value: number | null;
  unit: string;
  kind?: TargetRow['kind'];
  /** Default: "≥{value}{unit}", or "年底前完成" without a value. */
  targetText?: string;
  section?: string;
  document?: string;
  lead?: string;
  overall?: TargetRow['overall'];
  actual?: number | null;
  status?: ProgressStatus | null;
  asOf?: string | null;
  progress?: string;
  problems?: string;
  nextSteps?: string;
  evidence?: string;
}

/** A "≥100个" total target row, with whatever a test changes. */
export const handLine = (id: string, quote: string, extra: Partial<HandLine> = {}): HandLine => ({
  id,
  quote,
  comparator: '>=',
  value: 100,
  unit: '个',
  kind: 'total',
  ...extra,
});

export function handSubmission(
  office: string,
  lines: HandLine[],
  tasks: TaskEntry[] = [],
  period = '2025年度',
): Submission {
  const rows: TargetRow[] = lines.map((l, i) => ({
    targetId: l.id,
    row: i + 5,
    document: l.document ?? HAND_DOC,
    section: l.section ?? '',
    quote: l.quote,
    targetText: l.targetText ?? (l.value === null ? '年底前完成' : `≥${l.value}${l.unit}`),
    unit: l.unit,
    deadline: '2025年',
    lead: l.lead ?? '',
    comparator: l.comparator,
    value: l.value,
    valueMax: null,
    ...(l.kind ? { kind: l.kind } : {}),
    ...(l.overall ? { overall: l.overall } : {}),
  }));
  const entries: Entry[] = lines.map((l) => ({
    targetId: l.id,
    baseline: null,
    actual: l.actual ?? null,
    asOf: l.asOf ?? null,
    status: l.status ?? null,
    progress: l.progress ?? '',
    problems: l.problems ?? '',
    nextSteps: l.nextSteps ?? '',
    evidence: l.evidence ?? '',
  }));
  return {
    office,
    period,
    catalogueVersion: 'v1',
    formatVersion: 1,
    generatedAt: null,
    source: `${office}.xlsx`,
    rows,
    entries,
    taskEntries: tasks,
    problems: [],
  };
}

/** report.json's defaults with some fields set. */
export function handConfig(over: Partial<ReportConfig> = {}): ReportConfig {
  return { ...DEFAULT_REPORT_CONFIG, ...over };
}
