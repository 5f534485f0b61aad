/**
 * A Submission: one office's filled workbook, read back and validated.
 * Produced by src/core/workbook (WorkbookGrid → Submission); consumed by review and report.
 */
import type { Comparator, IndicatorKind } from './catalogue.js';

export const PROGRESS_STATUSES = ['已完成', '序时推进', '滞后', '未启动'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Sheet name as the user sees it, or null for whole-file problems. */
  sheet: string | null;
  /** A1 reference, or null. */
  cell: string | null;
  targetId: string | null;
  /** Chinese, for the user. */
  message: string;
  /** Stable machine code, e.g. "not-a-number", "locked-cell-edited". */
  code: string;
}

/** The catalogue columns of one 指标 row, as they stand in the workbook (locked, read-only for offices). */
export interface TargetRow {
  targetId: string;
  /** 1-based row number in the 指标 sheet. */
  row: number;
  document: string;
  section: string;
  quote: string;
  /** Readable target, e.g. "≥5%". */
  targetText: string;
  unit: string;
  deadline: string;
  lead: string;
  /**
   * How the row's figure is judged, as the workbook recorded it (_meta) or the catalogue states it;
   * null when unknown. Consumers use these, never a re-parse of targetText.
   */
  comparator: Comparator | null;
  value: number | null;
  valueMax: number | null;
  /** What the target measures (from _meta or the catalogue); absent when the workbook does not say. */
  kind?: IndicatorKind;
  /**
   * The overall target when the row's own target is the office's allocated share (分解下达): what the
   * offices' total is judged against. Absent when the office is judged by the overall target itself.
   */
  overall?: {
    comparator: Comparator | null;
    value: number | null;
    valueMax: number | null;
    targetText: string;
    /** Whose target it is ("全省", "全市"…), from the issuing level; absent in older workbooks. */
    scope?: string;
  };
}

export interface Entry {
  targetId: string;
  baseline: number | null;
  actual: number | null;
  /** ISO date "YYYY-MM-DD". */
  asOf: string | null;
  status: ProgressStatus | null;
  progress: string;
  problems: string;
  nextSteps: string;
  evidence: string;
}

export interface TaskEntry {
  taskId: string;
  status: ProgressStatus | null;
  progress: string;
  problems: string;
  nextSteps: string;
}

/** The 填报单位信息 block: who filled in, checked and signed off the return; "" when left blank. */
export interface FillerInfo {
  filler: string;
  phone: string;
  reviewer: string;
  head: string;
  /** ISO date "YYYY-MM-DD", or null when blank or unreadable. */
  reportDate: string | null;
}

export interface Submission {
  office: string;
  period: string;
  catalogueVersion: string;
  formatVersion: number;
  /** ISO timestamp the workbook was generated. */
  generatedAt: string | null;
  /** File name the submission was read from (base name), for messages. */
  source: string;
  /** When the office last saved the workbook (docProps/core.xml dcterms:modified), ISO; set by the host. */
  savedAt?: string | null;
  /** The file's modification time, ISO; set by the host. */
  fileTime?: string | null;
  rows: TargetRow[];
  entries: Entry[];
  taskEntries: TaskEntry[];
  /** The 填报单位信息 block of 填报说明; absent for workbooks made before it existed. */
  filler?: FillerInfo;
  problems: Problem[];
}

/** A target row with nothing typed in it. */
export function emptyEntry(targetId: string): Entry {
  return {
    targetId,
    baseline: null,
    actual: null,
    asOf: null,
    status: null,
    progress: '',
    problems: '',
    nextSteps: '',
    evidence: '',
  };
}
