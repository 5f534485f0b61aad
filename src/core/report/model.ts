/**
 * Submissions → ReportModel: the numbers and texts a 落实情况报告 states, computed once, with no
 * wording and no layout. Pure: no I/O, no clock (the as-of date comes from the data or the caller).
 */
import type { Catalogue, Comparator, HeadingNode, IndicatorKind, Target } from '../model/catalogue.js';
import type { Entry, ProgressStatus, Submission, TargetRow } from '../model/submission.js';
import { parsePeriod } from '../workbook/period.js';
import { deriveKind } from '../catalogue/kind.js';
import {
  addToTally,
  aggregateTarget,
  aheadShare,
  emptyTally,
  implausibilities,
  isVerified,
  judgeFigure,
  officeScore,
  overallJudgement,
  rankOffices,
  roundShownPercent,
  reportDate,
  timeShareOf,
  JUDGED_STATUSES,
  type JudgedStatus,
  type OverallJudgement,
  type ProgressTally,
} from '../progress/index.js';
import { LuoshiError } from '../errors.js';
import { RULE_AGGREGATE, RULE_ALLOCATION, RULE_RANKING, RULE_RATE, RULE_STATUS } from '../progress/rules.js';
import { configFor, type ReportConfig } from './config.js';
import { completionMatrix, laggardList } from './tables.js';
import { formatChineseDate } from './config.js';

export interface StatusCounts {
  total: number;
  done: number;
  onTrack: number;
  lagging: number;
  notStarted: number;
  /** No status given. */
  unreported: number;
}

/** One target as one office reported it (or, in `targets` of a multi-office model, consolidated). */
export interface TargetLine {
  targetId: string;
  office: string | null;
  document: string;
  /** Heading path titles (from the catalogue when given, else from the 章节 column). */
  section: string[];
  indicator: string;
  unit: string;
  targetText: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  actual: number | null;
  /** 完成率 as a fraction (1 = 100 %), where the comparator allows a ratio. */
  rate: number | null;
  /** Whether the figure already meets the target (null when it cannot be judged). */
  met: boolean | null;
  /** The office's own 进展状态 (自报), as typed; null when not given (and for a consolidated line). */
  status: ProgressStatus | null;
  /** The status computed from the figure against 序时进度 (src/core/progress): what the report states. */
  judged: JudgedStatus;
  /** Chinese: how the office's own 进展状态 contradicts `judged`, or null. */
  contradiction: string | null;
  /** Implausible and not confirmed by the office: left out of 平均完成率, totals and the ranking. */
  held: boolean;
  /** What the indicator measures (decides how offices' figures combine). */
  kind: IndicatorKind;
  /** Consolidated line: how `actual` combines the offices' figures ('sum' for totals, 'median' otherwise). */
  combined: 'sum' | 'median' | null;
  /** Rate compared with 序时进度: true at or ahead, false behind, null when it cannot be judged. */
  onSchedule: boolean | null;
  lead: string;
  progress: string;
  problems: string;
  nextSteps: string;
  /** 备注 for the attachment table. */
  note: string;
  /** Decimals to show the figures with (from the target value and the figure as typed). */
  decimals: number;
}

export interface ProgressItem {
  /** The target (consolidated for several offices). */
  target: TargetLine;
  /** Each office's own line for it (one for a single-office report). */
  reports: TargetLine[];
}

export interface ProgressGroup {
  title: string | null;
  items: ProgressItem[];
}

export interface ProgressSection {
  title: string;
  groups: ProgressGroup[];
}

export interface OfficeSummary {
  office: string;
  source: string;
  /** The office's own 进展状态, counted as typed. */
  counts: StatusCounts;
  /** Computed statuses (judged against 序时进度). */
  tally: ProgressTally;
  /** 平均完成率 (fraction, each 完成率 capped at 100 %, held figures left out; src/core/progress/score.ts), or null. */
  averageRate: number | null;
  /** Share of judged targets at or ahead of 序时进度 (the tie rule), or null. */
  ahead: number | null;
  /** Share of targets 已完成 (fraction of total). */
  doneShare: number;
  rank: number;
  lagging: TargetLine[];
}

export interface KeyTarget {
  targetId: string;
  indicator: string;
  unit: string;
  targetText: string;
}

export interface NoteItem {
  office: string | null;
  indicator: string;
  text: string;
}

export interface TableColumn {
  header: string;
  /** Share of the spare width this column gets once every column has its widest cell (0: none). */
  weight: number;
  /** Width limits in characters of the table font: the column never gets less than min, nor more than max before spare width is shared. */
  min: number;
  max: number;
  align: 'left' | 'center' | 'right';
}

export interface TableData {
  title: string;
  /** A line below the table (注：…). */
  footnote?: string;
  /** Cells set in bold (same shape as rows): laggards, marked without colour. */
  emphasis?: boolean[][];
  /** A line above the table, right-aligned (e.g. "单位：%"). */
  note?: string;
  columns: TableColumn[];
  rows: string[][];
}

export interface ChartData {
  title: string;
  categories: string[];
  values: number[];
  /** What a value is: a percentage (87.5 → "87.5%") or a count of offices ("12个"). */
  unit: '%' | '个';
  /** 序时进度 in percent, drawn as a reference line, or null. */
  reference: number | null;
  /** Draw a value label on each bar. */
  labels: boolean;
}

/** Up to this many offices the chart has a bar each; beyond, it shows how many offices fall in each band. */
export const CHART_MAX_BARS = 30;

function bandChart(rates: (number | null)[]): ChartData {
  const bands = ['60%以下', '60%—80%', '80%—100%', '100%及以上', '无法计算'];
  const n = [0, 0, 0, 0, 0];
  for (const r of rates) {
    if (r === null) n[4]++;
    else if (r < 0.6) n[0]++;
    else if (r < 0.8) n[1]++;
    else if (r < 1) n[2]++;
    else n[3]++;
  }
  const keep = n.map((v, i) => i < 4 || v > 0);
  return {
    title: '各单位指标平均完成率分布',
    categories: bands.filter((_, i) => keep[i]),
    values: n.filter((_, i) => keep[i]),
    unit: '个',
    reference: null,
    labels: true,
  };
}

/** The 版头 to print (GB/T 9704 7.2), with the 发文机关标志 settled. */
export interface ReportLetterhead {
  mark: string;
  copyNumber: string | null;
  secrecy: string | null;
  urgency: string | null;
  /** 发文字号, 〔YYYY〕N号. */
  docNumber: string | null;
  /** 签发人: a report goes upward, so 发文字号 stands left and 签发人 right on one line (7.2.5–7.2.6). */
  signer: string | null;
}

export interface ReportModel {
  kind: 'single' | 'multi';
  /** The 版头, when report.json asks for one. */
  letterhead: ReportLetterhead | null;
  /** Offices of the roster that sent nothing (未报送). */
  missingOffices: string[];
  config: ReportConfig;
  title: string;
  issuer: string;
  recipient: string;
  signature: string;
  /** 成文日期, ISO. */
  date: string;
  period: string;
  /** Latest 截至日期 in the data (or the caller's), ISO. */
  asOf: string;
  /** 序时进度 as a fraction, or null when the period is not known. */
  timeShare: number | null;
  documents: { title: string; docNumber: string | null }[];
  offices: OfficeSummary[];
  /** The offices' own 进展状态, counted as typed (自报). */
  counts: StatusCounts;
  /** Computed statuses over every line (each office × target). */
  tally: ProgressTally;
  /** The overall judgement, chosen by the stated rule (src/core/progress/judgement.ts) from `tally`. */
  judgement: OverallJudgement;
  /** Lines whose own 进展状态 contradicts the computed status. */
  contradictions: TargetLine[];
  /** Lines held back as implausible (listed, not counted). */
  held: TargetLine[];
  averageRate: number | null;
  /** Targets with a rate, and how many of those are at or ahead of 序时进度. */
  rated: number;
  ratedOnSchedule: number;
  /** One line per target (consolidated over offices for a multi-office report). */
  targets: TargetLine[];
  /** Every office's lines (same as targets for one office). */
  lines: TargetLine[];
  sections: ProgressSection[];
  problems: NoteItem[];
  nextSteps: NoteItem[];
  keyTargets: KeyTarget[];
  comparison: { office: string; rates: (number | null)[] }[];
  chart: ChartData;
  tables: Record<string, TableData>;
}

export interface BuildOptions {
  config: ReportConfig;
  catalogue?: Catalogue;
  /** ISO date the report speaks as of; defaults to the latest 截至日期 in the submissions. */
  asOf?: string;
  /** ISO date the report is generated (the host's clock): the default 成文日期. Defaults to asOf. */
  today?: string;
  /** Offices that should have reported (the roster), to name those that did not (未报送). */
  expectedOffices?: string[];
}

function decimalsOf(n: number | null): number {
  if (n === null || Number.isInteger(n)) return 0;
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(2, s.length - i - 1);
}

function emptyCounts(): StatusCounts {
  return { total: 0, done: 0, onTrack: 0, lagging: 0, notStarted: 0, unreported: 0 };
}

function addStatus(c: StatusCounts, s: ProgressStatus | null): void {
  c.total++;
  if (s === '已完成') c.done++;
  else if (s === '序时推进') c.onTrack++;
  else if (s === '滞后') c.lagging++;
  else if (s === '未启动') c.notStarted++;
  else c.unreported++;
}

/** Latest ISO date among the entries' 截至日期. */
function latestAsOf(subs: Submission[]): string | null {
  let best: string | null = null;
  for (const s of subs) for (const e of s.entries) if (e.asOf && (!best || e.asOf > best)) best = e.asOf;
  return best;
}

export { timeShareOf };

interface Lookup {
  targets: Map<string, Target>;
  headings: Map<string, HeadingNode>;
  documents: Map<string, { title: string; docNumber: string | null }>;
}

function lookup(catalogue: Catalogue | undefined): Lookup {
  const targets = new Map<string, Target>();
  const headings = new Map<string, HeadingNode>();
  const documents = new Map<string, { title: string; docNumber: string | null }>();
  if (catalogue) {
    for (const t of catalogue.targets) targets.set(t.id, t);
    for (const h of catalogue.headings) headings.set(`${h.documentId}\u0000${h.path.join('\u0000')}`, h);
    for (const d of catalogue.documents) documents.set(d.id, { title: d.title, docNumber: d.docNumber });
  }
  return { targets, headings, documents };
}

/** "X（吉政发〔2014〕14号）" as the workbook writes a document → title and 文号. */
export function splitDocumentLabel(label: string): { title: string; docNumber: string | null } {
  const m = label.trim().match(/^(.*?)[（(]([^（）()]*〔\d{4}〕[^（）()]*)[）)]$/);
  return m ? { title: m[1].trim(), docNumber: m[2].trim() } : { title: label.trim(), docNumber: null };
}

/** "《X》" → "X": drops the 书名号 only when one pair wraps the whole text ("贯彻《条例》" keeps both). */
export function unwrapBookTitle(s: string): string {
  return s.replace(/^《([^《》]*)》$/, '$1');
}

/** The policy itself for "关于印发《X》的通知" titles; without 书名号. */
export function policyName(title: string): string {
  const t = unwrapBookTitle(title.trim());
  const m = t.match(/关于印发《?(.+?)》?的通知$/);
  return m ? m[1].trim() : t;
}

/** Heading titles along a target's path (catalogue), or null when the catalogue is not at hand. */
function headingTitles(target: Target | undefined, lk: Lookup): string[] | null {
  if (!target) return null;
  const out: string[] = [];
  for (let i = 1; i <= target.path.length; i++) {
    const h = lk.headings.get(`${target.documentId}\u0000${target.path.slice(0, i).join('\u0000')}`);
    if (h) out.push(stripLabel(h.text || h.label));
  }
  return out;
}

/** Labels in a 章节 cell such as "二、（一）1." → ["二、", "（一）", "1."]. */
function sectionLabels(section: string): string[] {
  return (
    section.match(
      /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d０-９]+[）)]|[\d０-９]+[.．、]|第[一二三四五六七八九十]+(?:章|节|部分)/g,
    ) ?? []
  );
}

/** "二、（一）" → "原文件二、（一）部分"; a label that already names its unit ("第三部分", "第二章") takes no 部分. */
function sectionPartName(labels: string): string {
  return /(?:章|节|部分)$/.test(labels) ? `原文件${labels}` : `原文件${labels}部分`;
}

function sectionPath(row: TargetRow, target: Target | undefined, lk: Lookup): string[] {
  const titles = headingTitles(target, lk);
  if (titles && titles.length) return titles;
  const labels = sectionLabels(row.section);
  if (labels.length) return labels.map((_, i) => sectionPartName(labels.slice(0, i + 1).join('')));
  const plain = row.section.trim();
  return plain ? [plain] : [];
}

/** Drop a leading 一、/（一）/1./第一章 label and end punctuation so the report can number headings itself. */
export function stripLabel(s: string): string {
  return s
    .replace(
      /^(?:第[一二三四五六七八九十百]+(?:章|节|部分|条)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*/,
      '',
    )
    .replace(/[。；;，,：:]+$/, '')
    .trim();
}

/** Whether a computed status is at or ahead of 序时进度 (null: cannot be judged). */
function onScheduleOf(s: JudgedStatus): boolean | null {
  if (s === '已完成' || s === '达到序时进度') return true;
  if (s === '未达到序时进度' || s === '未启动') return false;
  return null;
}

function lineFor(
  office: string | null,
  row: TargetRow,
  entry: Entry | undefined,
  lk: Lookup,
  timeShare: number | null,
): TargetLine {
  const target = lk.targets.get(row.targetId);
  // The row's own rule: the office's allocated share when there is one, else the catalogue's target.
  const parsed =
    row.comparator !== null
      ? { comparator: row.comparator, value: row.value, valueMax: row.valueMax }
      : target
        ? { comparator: target.comparator, value: target.value, valueMax: target.valueMax }
        : { comparator: 'milestone' as const, value: row.value, valueMax: row.valueMax };
  const actual = entry?.actual ?? null;
  const status = entry?.status ?? null;
  const judged = judgeFigure({ ...parsed, actual, declared: status }, timeShare);
  const unit = row.unit || target?.unit || '';
  const kind =
    target?.kind ??
    row.kind ??
    deriveKind({ indicator: row.quote, unit, comparator: parsed.comparator, value: parsed.value });
  const held =
    actual !== null &&
    !!entry &&
    !isVerified(entry) &&
    implausibilities(actual, { kind, value: parsed.value, unit, quote: row.quote }).length > 0;
  // The short name the catalogue gives (Target.name), else the indicator cut from the quote.
  const indicator = target?.name?.trim()
    ? halfWidthAlnum(target.name.trim())
    : cleanIndicator(halfWidthAlnum(target?.indicator?.trim() || row.quote.trim()));
  return {
    targetId: row.targetId,
    office,
    document: target
      ? (lk.documents.get(target.documentId)?.title ?? splitDocumentLabel(row.document).title)
      : splitDocumentLabel(row.document).title,
    section: sectionPath(row, target, lk),
    indicator,
    unit,
    targetText: row.targetText,
    comparator: parsed.comparator,
    value: parsed.value,
    valueMax: parsed.valueMax,
    actual,
    rate: judged.rate,
    met: judged.met,
    status,
    judged: judged.status,
    contradiction: judged.contradiction,
    held,
    kind,
    combined: null,
    onSchedule: onScheduleOf(judged.status),
    lead: row.lead,
    progress: (entry?.progress ?? '').trim(),
    problems: (entry?.problems ?? '').trim(),
    nextSteps: (entry?.nextSteps ?? '').trim(),
    note: '',
    decimals: Math.max(decimalsOf(parsed.value), decimalsOf(actual)),
  };
}

/**
 * An indicator cut from a policy sentence, without the verb that tied it to its figure ("…讲座培训达",
 * "…人数达到"), until the catalogue gives every target a short name (Target.name).
 */
export function cleanIndicator(s: string): string {
  const t = s
    .replace(/^(到|至)?\d{4}年(底|末)?[，,]?/, '')
    .replace(/(力争|达到|达|超过|不低于|不少于|不高于|低于|保持在|控制在|实现|为|占|在)$/, '')
    .replace(/[，,、；;：:]+$/, '')
    .trim();
  return t || s;
}

/** Full-width digits and Latin letters (２０２０) as half-width, as GB/T 15835 writes numbers. */
export function halfWidthAlnum(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Fixed-decimal number for tables and sentences ("5.20"), with thousands left as typed. */
export function formatNumber(n: number, decimals: number): string {
  return n.toFixed(decimals);
}

export function formatPercent(fraction: number | null, decimals = 1): string {
  return fraction === null ? '—' : `${percentText(fraction, decimals)}%`;
}

/** 完成率 (a fraction) as the number every output shows, e.g. "39.3" (src/core/progress/score.ts). */
export function percentText(fraction: number, decimals = 1): string {
  return roundShownPercent(fraction * 100, decimals).toFixed(decimals);
}

function groupSections(lines: TargetLine[], byTarget: Map<string, TargetLine[]>): ProgressSection[] {
  const sections: ProgressSection[] = [];
  const byTitle = new Map<string, ProgressSection>();
  const multiDoc = new Set(lines.map((l) => l.document)).size > 1;
  for (const l of lines) {
    const top = multiDoc ? `《${policyName(l.document)}》落实情况` : (l.section[0] ?? '其他指标');
    const deepest = l.section.length ? l.section[l.section.length - 1] : null;
    const sub = multiDoc ? deepest : l.section.length > 1 ? deepest : null;
    let sec = byTitle.get(top);
    if (!sec) {
      sec = { title: top, groups: [] };
      byTitle.set(top, sec);
      sections.push(sec);
    }
    let g = sec.groups.find((x) => x.title === sub);
    if (!g) {
      g = { title: sub, items: [] };
      sec.groups.push(g);
    }
    g.items.push({ target: l, reports: byTarget.get(l.targetId) ?? [l] });
  }
  return sections;
}

/** One target over all offices, combined by its kind (src/core/progress/aggregate.ts). */
function consolidate(perTarget: TargetLine[], timeShare: number | null, overall: TargetRow): TargetLine {
  const first = perTarget[0];
  const counted = perTarget.filter((l) => l.actual !== null && !l.held);
  const rule = overall.overall ?? {
    comparator: first.comparator,
    value: first.value,
    valueMax: first.valueMax,
  };
  const agg = aggregateTarget(
    first.kind,
    { comparator: rule.comparator, value: rule.value, valueMax: rule.valueMax },
    counted.map((l) => ({ actual: l.actual!, met: l.met })),
    timeShare,
  );
  const behind = perTarget.filter((l) => l.judged === '未达到序时进度' || l.judged === '未启动');
  const noteParts = [`${agg.reported}个单位有完成值`];
  if (first.kind !== 'total' && agg.reported) noteParts.push(`${agg.meeting}个达到目标`);
  const heldCount = perTarget.filter((l) => l.held).length;
  if (heldCount) noteParts.push(`${heldCount}个待核实未计入`);
  if (behind.length)
    noteParts.push(
      `未达到序时进度：${behind
        .slice(0, 3)
        .map((l) => l.office ?? '')
        .join('、')}${behind.length > 3 ? `等${behind.length}个` : ''}`,
    );
  const isTotal = first.kind === 'total';
  return {
    ...first,
    office: null,
    targetText: overall.overall?.targetText ?? first.targetText,
    comparator: rule.comparator ?? first.comparator,
    value: rule.value,
    valueMax: rule.valueMax,
    actual: isTotal ? agg.total : agg.median,
    rate: agg.rate,
    met: null,
    status: null,
    judged: agg.status,
    contradiction: null,
    held: false,
    combined: first.kind === 'milestone' ? null : isTotal ? 'sum' : 'median',
    onSchedule: onScheduleOf(agg.status),
    progress: '',
    problems: '',
    nextSteps: '',
    note: noteParts.join('；'),
    decimals: Math.max(...perTarget.map((l) => l.decimals)),
  };
}

function indicatorTable(lines: TargetLine[], multi: boolean, title: string): TableData {
  return {
    title,
    columns: [
      { header: '序号', weight: 0, min: 2.2, max: 2.2, align: 'center' },
      { header: '指标', weight: 4, min: 9, max: 30, align: 'left' },
      { header: '单位', weight: 0, min: 2, max: 4, align: 'center' },
      { header: '目标值', weight: 0, min: 3, max: 6, align: 'right' },
      { header: multi ? '完成值（合计或中位数）' : '完成值', weight: 0, min: 3, max: 6, align: 'right' },
      { header: '完成率（%）', weight: 0, min: 3, max: 3, align: 'right' },
      { header: '进度状态', weight: 0, min: 4, max: 4, align: 'center' },
      { header: '牵头单位', weight: 1, min: 4, max: 6, align: 'left' },
      { header: '备注', weight: 1, min: 3, max: multi ? 10 : 6, align: 'left' },
    ],
    rows: lines.map((l, i) => [
      String(i + 1),
      l.indicator,
      l.unit || '—',
      withoutUnit(l.targetText, l.unit) || '—',
      l.actual === null ? '—' : formatNumber(l.actual, l.decimals),
      l.rate === null ? '—' : percentText(l.rate),
      l.judged,
      l.lead || '—',
      l.note,
    ]),
  };
}

/** The 注 under a table: the rules it was computed by, in the words of src/core/progress/rules.ts. */
function rulesNote(allocated: boolean, rules: string[]): string {
  return `注：${[...rules, ...(allocated ? [RULE_ALLOCATION] : [])].join('')}`;
}

/** "≥5%" with unit "%" → "≥5": the 单位 column already says it. */
export function withoutUnit(targetText: string, unit: string): string {
  const t = targetText.trim();
  return unit && t.endsWith(unit) && t.length > unit.length ? t.slice(0, -unit.length) : t;
}

function pickKeyTargets(targets: TargetLine[], wanted: string[], max = 6): KeyTarget[] {
  let chosen: TargetLine[];
  if (wanted.length) {
    chosen = [];
    for (const w of wanted) {
      const t = targets.find((x) => x.targetId === w) ?? targets.find((x) => x.indicator === w);
      if (!t) throw new LuoshiError('report-config', `report.json 中“重点指标”里的“${w}”不在所填报的指标中`);
      chosen.push(t);
    }
  } else {
    chosen = targets.filter((t) => t.rate !== null).slice(0, max);
  }
  return chosen.map((t) => ({
    targetId: t.targetId,
    indicator: t.indicator,
    unit: t.unit,
    targetText: t.targetText,
  }));
}

/** Build the report model from one or more submissions. */
export function buildReportModel(submissions: Submission[], options: BuildOptions): ReportModel {
  if (submissions.length === 0) throw new LuoshiError('report-empty', '没有可用于生成报告的填报表');
  const config = configFor(options.config, submissions.length > 1 ? 'multi' : 'single');
  const lk = lookup(options.catalogue);
  const multi = submissions.length > 1;
  const period = config.period ?? submissions.find((s) => s.period)?.period ?? '';
  const asOf = options.asOf ?? latestAsOf(submissions) ?? parsePeriod(period)?.end ?? config.date;
  if (!asOf) {
    throw new LuoshiError(
      'report-no-date',
      '无法确定报告的截至日期：填报表没有“截至日期”，也无法从报告期推算；请在 report.json 中填写“成文日期”',
    );
  }
  const timeShare = config.timeShare ?? timeShareOf(period, asOf);

  const lines: TargetLine[] = [];
  const offices: OfficeSummary[] = [];
  const byTarget = new Map<string, TargetLine[]>();
  const order: string[] = [];
  for (const sub of submissions) {
    const entries = new Map(sub.entries.map((e) => [e.targetId, e]));
    const counts = emptyCounts();
    const tally = emptyTally();
    const own: TargetLine[] = [];
    for (const row of sub.rows) {
      const line = lineFor(multi ? sub.office : null, row, entries.get(row.targetId), lk, timeShare);
      if (!multi) line.note = truncate(cleanNote(entries.get(row.targetId)?.evidence ?? ''), 12);
      own.push(line);
      lines.push(line);
      addStatus(counts, line.status);
      addToTally(tally, line.judged);
      let list = byTarget.get(row.targetId);
      if (!list) {
        list = [];
        byTarget.set(row.targetId, list);
        order.push(row.targetId);
      }
      list.push(line);
    }
    offices.push({
      office: sub.office,
      source: sub.source,
      counts,
      tally,
      averageRate: officeScore(own.map((l) => (l.held ? null : l.rate))),
      ahead: aheadShare(tally),
      doneShare: counts.total ? counts.done / counts.total : 0,
      rank: 0,
      lagging: own.filter((l) => l.judged === '未达到序时进度'),
    });
  }
  const ranks = rankOffices(offices.map((o) => ({ score: o.averageRate, ahead: o.ahead })));
  offices.forEach((o, i) => (o.rank = ranks[i]));
  // By rank; offices sharing a rank keep the order they came in (the roster's).
  const ranked = offices
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.rank - b.o.rank || a.i - b.i)
    .map((x) => x.o);

  const firstRows = new Map<string, TargetRow>();
  for (const s of submissions)
    for (const r of s.rows) if (!firstRows.has(r.targetId)) firstRows.set(r.targetId, r);
  const rowOf = (id: string) => firstRows.get(id)!;
  const targets = multi ? order.map((id) => consolidate(byTarget.get(id)!, timeShare, rowOf(id))) : lines;
  const counts = emptyCounts();
  for (const l of lines) addStatus(counts, l.status);
  const tally = emptyTally();
  for (const l of lines) addToTally(tally, l.judged);
  const rated = lines.filter((l) => l.rate !== null && !l.held);

  const docs = new Map<string, { title: string; docNumber: string | null }>();
  for (const t of targets) {
    const target = lk.targets.get(t.targetId);
    const d = target ? lk.documents.get(target.documentId) : undefined;
    const key = d?.title ?? t.document;
    // The row's label carries the 文号; any office's row will do (offices may hold different targets).
    if (key && !docs.has(key)) docs.set(key, d ?? splitDocumentLabel(rowOf(t.targetId).document));
  }
  const documents = [...docs.values()];

  const issuer = config.issuer ?? (multi ? '' : submissions[0].office);
  const names = documents.map((d) => `《${policyName(d.title)}》`);
  const docTitles = names.length <= 2 ? names.join('') : `${names[0]}等${names.length}个文件`;
  const title = config.title ?? `${issuer}关于${docTitles || '有关政策文件'}落实情况的报告`;
  const date = reportDate(config.date, options.today ?? asOf, asOf);

  const problems: NoteItem[] = [];
  const nextSteps: NoteItem[] = [];
  // The same sentence from many rows (a common phrasing, or sample data) is said once per office.
  const seen = new Set<string>();
  const add = (list: NoteItem[], kind: string, item: NoteItem) => {
    const key = `${kind}\u0000${item.office ?? ''}\u0000${item.text.replace(/[。；;，,\s]+$/, '')}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(item);
  };
  for (const l of lines) {
    if (l.problems) add(problems, 'p', { office: l.office, indicator: l.indicator, text: l.problems });
    if (l.nextSteps) add(nextSteps, 'n', { office: l.office, indicator: l.indicator, text: l.nextSteps });
  }
  const taskTitles = new Map((options.catalogue?.tasks ?? []).map((t) => [t.id, t.title]));
  for (const sub of submissions) {
    for (const t of sub.taskEntries) {
      const office = multi ? sub.office : null;
      const indicator = taskTitles.get(t.taskId) ?? '';
      if (t.problems.trim()) add(problems, 'p', { office, indicator, text: t.problems.trim() });
      if (t.nextSteps.trim()) add(nextSteps, 'n', { office, indicator, text: t.nextSteps.trim() });
    }
  }

  const keyTargets = multi ? pickKeyTargets(targets, config.keyTargets) : [];
  const comparison = ranked.map((o) => ({
    office: o.office,
    rates: keyTargets.map((k) => byTarget.get(k.targetId)?.find((l) => l.office === o.office)?.rate ?? null),
  }));

  // Each text label costs the PNG renderer tens of milliseconds, so many offices get a banded chart.
  const chart: ChartData = !multi
    ? {
        title: '指标进度状态分布',
        categories: [...JUDGED_STATUSES],
        values: JUDGED_STATUSES.map((s) => (tally.total ? round1((tally[s] / tally.total) * 100) : 0)),
        unit: '%',
        reference: null,
        labels: true,
      }
    : ranked.length <= CHART_MAX_BARS
      ? {
          title: '各单位指标平均完成率',
          categories: ranked.map((o) => o.office),
          values: ranked.map((o) => round1((o.averageRate ?? 0) * 100)),
          unit: '%',
          reference: timeShare === null ? null : round1(timeShare * 100),
          labels: ranked.length <= 15,
        }
      : bandChart(ranked.map((o) => o.averageRate));

  // Judged by allocated shares (分解下达): the tables' 注 then say so.
  const allocated = submissions.some((s) => s.rows.some((r) => r.overall));
  const tables: Record<string, TableData> = {
    指标完成情况表: {
      ...indicatorTable(targets, multi, multi ? '指标完成情况汇总表' : '指标完成情况表'),
      footnote: rulesNote(
        allocated,
        multi ? [RULE_RATE, RULE_STATUS, RULE_AGGREGATE] : [RULE_RATE, RULE_STATUS],
      ),
    },
    单位对比表: {
      title: '各单位重点指标完成率对比表',
      note: '单位：%',
      columns: [
        { header: '单位', weight: 1, min: 4, max: 8, align: 'left' },
        ...keyTargets.map((k) => ({
          header: truncate(k.indicator, 14),
          weight: 1,
          min: 4,
          max: 6,
          align: 'right' as const,
        })),
      ],
      rows: comparison.map((c) => [c.office, ...c.rates.map((r) => (r === null ? '—' : percentText(r)))]),
    },
    单位排名表: {
      title: '各单位指标完成情况排名表',
      columns: [
        { header: '名次', weight: 0, min: 2.2, max: 2.2, align: 'center' },
        { header: '单位', weight: 2, min: 4, max: 10, align: 'left' },
        { header: '指标数', weight: 1, min: 3, max: 3, align: 'right' },
        ...JUDGED_STATUSES.map((s) => ({
          header: s,
          weight: 1,
          min: Math.min(s.length, 4),
          max: Math.min(s.length, 4),
          align: 'right' as const,
        })),
        { header: '平均完成率（%）', weight: 1, min: 5, max: 5, align: 'right' },
      ],
      rows: ranked.map((o) => [
        String(o.rank),
        o.office,
        String(o.tally.total),
        ...JUDGED_STATUSES.map((s) => String(o.tally[s])),
        o.averageRate === null ? '—' : percentText(o.averageRate),
      ]),
      footnote: rulesNote(allocated, [RULE_RANKING]),
    },
    完成率矩阵: completionMatrix(
      targets,
      lines,
      submissions.map((s) => s.office),
      (options.expectedOffices ?? []).filter((o) => !submissions.some((s) => s.office === o)),
    ),
    滞后指标清单: laggardList(targets, lines),
    滞后指标表: {
      title: '各单位未达到序时进度指标表',
      columns: [
        { header: '单位', weight: 0, min: 4, max: 8, align: 'center' },
        { header: '个数', weight: 0, min: 2, max: 2, align: 'right' },
        { header: '未达到序时进度或未启动的指标', weight: 1, min: 10, max: 40, align: 'left' },
      ],
      rows: ranked
        .filter((o) => o.lagging.length > 0)
        .map((o) => [o.office, String(o.lagging.length), o.lagging.map((l) => l.indicator).join('；')]),
    },
  };

  const reported = new Set(submissions.map((s) => s.office));
  return {
    kind: multi ? 'multi' : 'single',
    letterhead: letterheadOf(config, issuer),
    missingOffices: (options.expectedOffices ?? []).filter((o) => !reported.has(o)),
    config,
    title,
    issuer,
    recipient: config.recipient ?? '',
    signature: config.signature ?? issuer,
    date,
    period,
    asOf,
    timeShare,
    documents,
    offices: ranked,
    counts,
    tally,
    judgement: overallJudgement(tally),
    contradictions: lines.filter((l) => l.contradiction !== null),
    held: lines.filter((l) => l.held),
    averageRate: officeScore(rated.map((l) => l.rate)),
    rated: rated.length,
    ratedOnSchedule: rated.filter((l) => l.onSchedule === true).length,
    targets,
    lines,
    sections: groupSections(targets, byTarget),
    problems,
    nextSteps,
    keyTargets,
    comparison,
    chart,
    tables,
  };
}

function letterheadOf(config: ReportConfig, issuer: string): ReportLetterhead | null {
  const head = config.letterhead;
  if (!head) return null;
  const mark = head.mark ?? (issuer ? `${issuer}文件` : '');
  if (!mark) {
    throw new LuoshiError(
      'report-config',
      'report.json 中设置了“版头”，但没有“发文机关”，也没有“版头”中的“发文机关标志”',
    );
  }
  return { ...head, mark, docNumber: config.docNumber, signer: config.signer };
}

/** 备注 from the 佐证材料 cell, without the sample-data mark. */
function cleanNote(s: string): string {
  return s.replace(/【[^】]*】/g, '').trim();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export { formatChineseDate };
