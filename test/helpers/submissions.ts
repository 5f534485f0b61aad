/**
 * Submissions built in memory, for tests of the core rules (progress, consolidation) that need no
 * workbook: one target row per figure, everything else blank unless a test says otherwise.
 */
import type { Comparator } from '../../src/core/model/catalogue.js';
import { emptyEntry, type Entry, type Submission, type TargetRow } from '../../src/core/model/submission.js';

export interface FigureSpec {
  targetId?: string;
  actual: number | null;
  /** The target's value (default 10) and rule (default ≥). */
  value?: number;
  comparator?: Comparator;
  unit?: string;
  /** Worksheet row of the target (default 4). */
  row?: number;
  entry?: Partial<Entry>;
}

export interface SubmissionSpec {
  office?: string;
  source?: string;
  period?: string;
  catalogueVersion?: string;
  savedAt?: string | null;
  fileTime?: string | null;
  figures: FigureSpec[];
}

function targetRow(f: FigureSpec, i: number): TargetRow {
  const value = f.value ?? 10;
  const comparator = f.comparator ?? '>=';
  const unit = f.unit ?? '个';
  return {
    targetId: f.targetId ?? `T${i + 1}`,
    row: f.row ?? 4 + i,
    document: '',
    section: '',
    quote: '',
    targetText: `${comparator === '<=' ? '≤' : '≥'}${value}${unit}`,
    unit,
    deadline: '',
    lead: '',
    comparator,
    value,
    valueMax: null,
  };
}

function entryOf(f: FigureSpec, i: number): Entry {
  return { ...emptyEntry(f.targetId ?? `T${i + 1}`), actual: f.actual, ...f.entry };
}

export function submission(spec: SubmissionSpec): Submission {
  return {
    office: spec.office ?? '长春市',
    period: spec.period ?? '2025年度',
    catalogueVersion: spec.catalogueVersion ?? 'v',
    formatVersion: 1,
    generatedAt: null,
    source: spec.source ?? `${spec.office ?? '长春市'}.xlsx`,
    savedAt: spec.savedAt ?? null,
    fileTime: spec.fileTime ?? null,
    rows: spec.figures.map(targetRow),
    entries: spec.figures.map(entryOf),
    taskEntries: [],
    problems: [],
  };
}
