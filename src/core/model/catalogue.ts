/**
 * The catalogue: what a set of policy documents commits to.
 * Produced by src/core/catalogue (text → Catalogue), consumed by every later stage.
 * Serialised as catalogue.json; field names are part of the public format.
 */

export const CATALOGUE_FORMAT = 'luoshi-catalogue';
export const CATALOGUE_FORMAT_VERSION = 1;

/** How a target's figure is judged against its value. */
export type Comparator = '>=' | '>' | '<=' | '<' | '=' | '≈' | 'range' | 'milestone';

/**
 * What a target measures, which decides how offices' figures combine: totals add up across offices;
 * rates/shares and per-capita figures never do (median, range, how many meet the target instead).
 */
/** Period of a recurring commitment. */
export type TargetCycle = 'month' | 'quarter' | 'half-year' | 'year';

export type IndicatorKind = 'total' | 'rate' | 'per-capita' | 'duration' | 'milestone';

export interface PolicyDocument {
  /** Stable id: from the 发文字号 when present (e.g. "吉政发〔2014〕14号" → "jzf-2014-14"), else from the title. */
  id: string;
  title: string;
  /** 发文字号 as written, normalised to full-width 〔〕 (e.g. "吉政发〔2014〕14号"), or null. */
  docNumber: string | null;
  issuer: string | null;
  /** 成文日期 as ISO "YYYY-MM-DD" when stated. */
  date: string | null;
  /** Source file name (base name only). */
  source: string;
  /** Hash of the decoded source text, so a rebuild can tell which documents changed. */
  textHash: string;
}

export interface HeadingNode {
  id: string;
  documentId: string;
  /** Label as written, e.g. "一、", "（一）", "1.", "（1）", "第一章". */
  label: string;
  /** Depth in the tree, 1 = top. */
  level: number;
  /** Heading text after the label (first sentence or the whole heading line). */
  text: string;
  /** Labels from the root to this node, inclusive. */
  path: string[];
  /** Character offset of the label in the decoded source text. */
  offset: number;
}

export interface Task {
  id: string;
  documentId: string;
  /** Heading labels from the root to the item, e.g. ["二、", "（一）", "1."]. */
  path: string[];
  /** The item's heading text (short title), e.g. "切实推进社会办医". */
  title: string;
  /** Full text of the item (without the responsibility note). */
  text: string;
  lead: string[];
  participants: string[];
  /** "text" for a numbered item, "table" for a row of a table in the text. */
  origin: 'text' | 'table';
  /** Character offset of the item in the decoded source text. */
  offset: number;
}

export interface Target {
  id: string;
  documentId: string;
  /** The task the target belongs to (null if it sits outside any task, e.g. in a preamble). */
  taskId: string | null;
  path: string[];
  /** Exact substring of the decoded source text. */
  quote: string;
  /** What is measured, e.g. "商业健康保险支出占卫生总费用的比重". */
  indicator: string;
  /**
   * Short name fit for a report sentence and a table header (e.g. "社会体育指导员占人口比例"), derived from the
   * quote by the catalogue, correctable in 目录审核. Absent in catalogues written before it existed.
   */
  name?: string;
  /** What the target measures (see IndicatorKind); absent in older catalogues. */
  kind?: IndicatorKind;
  comparator: Comparator;
  /** Null for a milestone. For "range" the lower bound. */
  value: number | null;
  /** Upper bound for "range", else null. */
  valueMax: number | null;
  /** Unit as written ("%", "‰", "亿元", "个", "人"); null when unitless or a milestone. */
  unit: string | null;
  /** value in base units ("亿元" → 元 ×1e8, "万人" → 人 ×1e4, "%" stays percent points). */
  normalizedValue: number | null;
  /** Base unit of normalizedValue ("元", "人", "%"), or null. */
  baseUnit: string | null;
  /** "2020", "2019-06" or null. */
  deadline: string | null;
  /** True for "每年…" (an annual figure). */
  perYear: boolean;
  /** "每个市（州）、县（市）" style: the unit each figure applies to, or null. */
  perUnit: string | null;
  /**
   * Set for a recurring commitment (每月…, 每季度首月10日前…, 每年3月底前…): its period. The deadline is
   * then the first time it falls due after the document date. Absent when not recurring.
   */
  cycle?: TargetCycle;
  /** Ids of targets stated together in one sentence (e.g. 1.5‰ and 41000人). */
  linked: string[];
  lead: string[];
  participants: string[];
  /** Character offset of quote in the decoded source text. */
  offset: number;
  /** Set when the target came from, or was changed by, the office's corrections (目录审核). */
  corrected?: 'added' | 'edited' | 'confirmed';
  /**
   * Set only on one office's copy of a catalogue (src/core/allocation applyAllocation): comparator, value and
   * valueMax above are then that office's allocated share (分解下达), and this is the overall target it is part of.
   */
  overall?: OverallTarget;
}

/** The overall target an office's allocated share belongs to. */
export interface OverallTarget {
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  /** Whose target it is, from the issuing level: "全省", "全市", "全国"… */
  scope: string;
}

export interface Catalogue {
  format: typeof CATALOGUE_FORMAT;
  formatVersion: number;
  /** Content hash over documents, tasks and targets; changes when any of them changes. */
  version: string;
  documents: PolicyDocument[];
  headings: HeadingNode[];
  tasks: Task[];
  targets: Target[];
  /**
   * Targets the office deleted in the 目录审核 workbook (present only after corrections deleted some),
   * kept so that a new review workbook carries the deletions forward.
   */
  deletedTargets?: DeletedTarget[];
}

export interface DeletedTarget {
  id: string;
  documentId: string;
  quote: string;
  indicator: string;
}
