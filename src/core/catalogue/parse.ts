/**
 * One policy text → its document record, heading tree, tasks and targets.
 * Pure: takes decoded text, returns data; bad input raises LuoshiError (Chinese message).
 */
import type { HeadingNode, PolicyDocument, Target, Task } from '../model/catalogue.js';
import { LuoshiError } from '../errors.js';
import { hashHex, shortHash, splitLines, squeeze, type Line } from './text.js';
import { documentIdFrom, extractMeta, type DocumentMeta } from './meta.js';
import { findHeadings, type RawHeading } from './headings.js';
import {
  sentenceDoer,
  splitUnits,
  notesIn,
  parseResponsibility,
  timePart,
  type NoteRule,
  type Responsibility,
} from './responsibility.js';
import { findTables, type ParsedTable, type TableRowTask } from './table.js';
import { closingBlocks, flatBody, segmentsOf, type Segment } from './segments.js';
import {
  cellDeadline,
  extractTargets,
  figureText,
  milestoneDraft,
  sentences,
  tableFigure,
  type DraftTarget,
  type ExtractContext,
} from './targets.js';
import { contentHash, IdAllocator, pathKey } from './ids.js';
import { shortName } from './name.js';

export interface ParsedDocument {
  document: PolicyDocument;
  headings: HeadingNode[];
  tasks: Task[];
  targets: Target[];
  text: string;
  /** Chinese notes on how the document was read (e.g. no heading structure). */
  warnings: string[];
}

/** Responsibility said in a sentence of its own: "由县农业农村局负责，县财政局、县水利局配合。" */
const SENTENCE_RESPONSIBILITY =
  /(?:^|[。；\n])\s*由([^，。；\n]{2,40}?)(?:牵头)?负责(?:[，,]\s*([^。；\n]{2,80}?)(?:配合|参与|协助|协同))?\s*[。；]/;

const ITEM_LABEL =
  /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]+、)\s*/;

/** Start of the stretch of text before `at` back to the last of `stops` (or `from`). */
function stretchStart(text: string, from: number, at: number, stops: RegExp): number {
  let k = at;
  while (k > from && !stops.test(text[k - 1])) k--;
  return k;
}

/**
 * Who does what a figure commits to when its sentence (or its part after a ；) opens with a doer:
 * "市生态环境局要确保…" names the body for that sentence even under an item's note; "各省份要…"
 * only where no note names one.
 */
function figureDoer(
  text: string,
  from: number,
  d: DraftTarget,
  note: Responsibility | null,
): Responsibility | null {
  const noted = note ? [...note.lead, ...note.participants] : [];
  for (const stops of [/[。！？；;\n]/, /[。！？\n]/]) {
    const start = stretchStart(text, from, d.figureStart, stops);
    const doer = sentenceDoer(text.slice(start, Math.max(d.figureEnd, d.quoteEnd)).replace(ITEM_LABEL, ''));
    if (!doer || (noted.length && !doer.named)) continue;
    // a subject the note already names keeps the note's fuller account (its other units)
    if (doer.lead.every((u) => noted.includes(u))) return null;
    return { lead: doer.lead, participants: doer.participants };
  }
  return null;
}

function sentenceResponsibility(s: string): Responsibility | null {
  const m = SENTENCE_RESPONSIBILITY.exec(s);
  if (!m) return null;
  const lead = splitUnits(m[1]);
  const participants = m[2] ? splitUnits(m[2]).filter((u) => !lead.includes(u)) : [];
  return lead.length ? { lead, participants } : null;
}

/**
 * End date of a stage written in brackets in a heading: "（2022年3月底前）", "（2022年4月—9月）",
 * "（2022年10月至2023年6月）", "（2022年4月中旬至6月底）" (the range is tried first, so words between the
 * first month and the dash do not hide the end).
 */
function stageDeadline(title: string, docYear: number | null): string | null {
  const m = title.match(
    /[（(]\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月(?:[^）)]*?[—\-~～至到]\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月)?[^）)]*[）)]\s*$/,
  );
  if (!m || !(m[1] || docYear)) return null;
  const year = m[3] ?? m[1] ?? String(docYear);
  const month = Number(m[4] ?? m[2]);
  if (month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * A target's id: document, heading path and its normalised quote with the figure marked, never an
 * offset, so a reflowed or re-sourced text keeps the id and an edit elsewhere cannot change it.
 */
function targetIdBase(documentId: string, path: string[], text: string, d: DraftTarget): string {
  const a = Math.max(d.quoteStart, Math.min(d.figureStart, d.quoteEnd));
  const b = Math.max(a, Math.min(d.figureEnd, d.quoteEnd));
  const before = text.slice(d.quoteStart, a);
  const figure = text.slice(a, b);
  const after = text.slice(b, d.quoteEnd);
  return `${documentId}/${pathKey(path)}/M${contentHash(`${before}[${figure}]${after}|${d.comparator}`)}`;
}

/** What the layout of a text gives: its lines, the body's headings and tables, where the body begins and ends. */
interface Layout {
  /** The half-width copy the extractor reads (same offsets). */
  hw: string;
  lines: Line[];
  /** Headings of the body (none from the trailer). */
  raw: RawHeading[];
  tables: ParsedTable[];
  /** The body of a text with no heading structure, read sentence by sentence. */
  flat: { start: number; end: number } | null;
  firstHeadingLine: number;
  /** Lines where closing blocks (signature, 附件, 抄送) start. */
  blocks: number[];
  /** Line where the body ends (the trailer's first line), or the line count. */
  tail: number;
}

/** Lines, headings, tables and the body's bounds; a Chinese error for an empty text or one with no structure. */
function readLayout(text: string, source: string): Layout {
  if (!text.trim()) {
    throw new LuoshiError('empty-file', `${source} 是空文件（没有任何文字），无法生成目录`, { file: source });
  }
  const hw = figureText(text);
  const lines = splitLines(text);
  const all = findHeadings(lines, 0, lines.length);
  const tables = findTables(text, lines, 0);
  const hasTable = tables.some((t) => t.rows.length || t.indicators.length);
  const flat = !all.length && !hasTable ? flatBody(lines) : null;
  if (!all.length && !flat && !hasTable) {
    throw new LuoshiError(
      'no-headings',
      `${source} 中没有找到任何标题层级（如“一、”“（一）”“1.”“第一章”），看起来不是政策文件正文，无法拆分任务`,
      { file: source },
    );
  }
  // a work plan may be only a preamble and a table; a flat text is all preamble, up to its signature
  const firstHeadingLine = all.length ? all[0].lineIndex : flat ? flat.end : tables[0].fromLine;
  const blocks = closingBlocks(lines, firstHeadingLine);
  const tail = blocks.find((b) => !all.some((h) => h.lineIndex > b)) ?? lines.length;
  // the trailer (signature, 附件, 抄送) has no headings of the body
  const raw = all.filter((h) => h.lineIndex < tail);
  return { hw, lines, raw, tables, flat, firstHeadingLine, blocks, tail };
}

/** The document's metadata record, with its id from the 发文字号 (else the title). */
function documentOf(text: string, source: string, meta: DocumentMeta): PolicyDocument {
  const title = meta.title ?? source.replace(/\.[^.]+$/, '');
  return {
    id: documentIdFrom(meta.docNumber, `doc-${shortHash(squeeze(title))}`),
    title,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    date: meta.date,
    source,
    textHash: hashHex(text),
  };
}

function headingNodes(raw: RawHeading[], documentId: string): HeadingNode[] {
  const ids = new IdAllocator();
  return raw.map((h) => ({
    id: ids.allocate(`${documentId}/${pathKey(h.path)}/H${contentHash(h.text)}`),
    documentId,
    label: h.label,
    level: h.level,
    text: h.text,
    path: h.path,
    offset: h.offset,
  }));
}

/** Tasks and targets of one document, their ids allocated in reading order (so equal texts get distinct ids). */
class DocumentParts {
  readonly tasks: Task[] = [];
  readonly targets: Target[] = [];
  private readonly taskIds = new IdAllocator();
  private readonly targetIds = new IdAllocator();

  constructor(
    private readonly text: string,
    readonly documentId: string,
  ) {}

  addTask(base: string, task: Omit<Task, 'id' | 'documentId'>): Task {
    const t: Task = { id: this.taskIds.allocate(base), documentId: this.documentId, ...task };
    this.tasks.push(t);
    return t;
  }

  /** Drafts → targets under `path` and `task`; a doer named in a figure's sentence (from `from` on) overrides the task's. */
  addTargets(drafts: DraftTarget[], path: string[], task: Task | null, from = 0): void {
    const byFigure = new Map<number, Target>();
    const made: [DraftTarget, Target][] = [];
    for (const d of drafts) {
      const t = this.target(d, path, task, from);
      byFigure.set(d.figureStart, t);
      made.push([d, t]);
    }
    for (const [d, t] of made) {
      const other = d.linkTo === null ? undefined : byFigure.get(d.linkTo);
      if (other) {
        t.linked.push(other.id);
        other.linked.push(t.id);
      }
    }
    this.targets.push(...made.map(([, t]) => t));
  }

  private target(d: DraftTarget, path: string[], task: Task | null, from: number): Target {
    const quote = this.text.slice(d.quoteStart, d.quoteEnd);
    const doer = task?.origin === 'table' ? null : figureDoer(this.text, from, d, task);
    return {
      id: this.targetIds.allocate(targetIdBase(this.documentId, path, this.text, d)),
      documentId: this.documentId,
      taskId: task?.id ?? null,
      path,
      quote,
      indicator: d.indicator,
      name: shortName({ indicator: d.indicator, quote, unit: d.unit, comparator: d.comparator }),
      comparator: d.comparator,
      value: d.value,
      valueMax: d.valueMax,
      unit: d.unit,
      normalizedValue: d.normalizedValue,
      baseUnit: d.baseUnit,
      deadline: d.deadline,
      perYear: d.perYear,
      perUnit: d.perUnit,
      ...(d.cycle ? { cycle: d.cycle } : {}),
      linked: [],
      lead: doer ? doer.lead : task ? [...task.lead] : [],
      participants: doer ? doer.participants : task ? [...task.participants] : [],
      offset: d.quoteStart,
    };
  }
}

/** An item's responsibility notes: who leads and takes part, where the notes are, and a time limit they state. */
interface ItemNotes {
  resp: Responsibility;
  spans: [number, number][];
  /** "（牵头单位：A；完成时限：2023年底前）": the note's date is the item's deadline. */
  deadline: { value: string; at: number } | null;
  /** The rule in force after the item (a note may say the first named leads from then on). */
  rule: NoteRule;
}

function itemNotes(
  text: string,
  hw: string,
  seg: Segment,
  rule: NoteRule,
  docYear: number | null,
): ItemNotes {
  const out: ItemNotes = { resp: { lead: [], participants: [] }, spans: [], deadline: null, rule };
  for (const note of notesIn(text, seg.from, seg.to)) {
    const parsed = parseResponsibility(note.inner, out.rule);
    if (!parsed) continue;
    if (timePart(note.inner)) {
      const value = cellDeadline(hw, note.start, note.end, docYear);
      if (value) out.deadline = { value, at: note.start };
    }
    if (parsed.persistent) out.rule = { firstLeads: true };
    for (const u of parsed.resp.lead) if (!out.resp.lead.includes(u)) out.resp.lead.push(u);
    for (const u of parsed.resp.participants)
      if (!out.resp.participants.includes(u) && !out.resp.lead.includes(u)) out.resp.participants.push(u);
    out.spans.push([note.start, note.end]);
  }
  if (!out.resp.lead.length) {
    const said = sentenceResponsibility(text.slice(seg.from, seg.to));
    if (said) {
      out.resp.lead.push(...said.lead);
      out.resp.participants.push(...said.participants);
    }
  }
  return out;
}

/** The item's own text: without its notes and the tables inside it (read row by row), one line per paragraph. */
function itemText(text: string, seg: Segment, cut: [number, number][]): string {
  let body = '';
  let pos = seg.from;
  for (const [a0, b] of cut) {
    const a = Math.max(a0, pos);
    body += text.slice(pos, a);
    pos = Math.max(pos, b);
  }
  body += text.slice(pos, seg.to);
  return body
    .split('\n')
    .map((l) => l.trim().replace(/^[\u3000\s]+/, ''))
    .filter(Boolean)
    .join('\n');
}

/** Targets of a segment's text, never read inside `skip` (notes, tables). */
function segmentDrafts(
  text: string,
  hw: string,
  seg: Segment,
  skip: [number, number][],
  ctx: ExtractContext,
): DraftTarget[] {
  const drafts: DraftTarget[] = [];
  let pos = seg.from;
  for (const [a, b] of [...skip, [seg.to, seg.to] as [number, number]]) {
    if (a > pos) drafts.push(...extractTargets(text, hw, pos, a, ctx));
    pos = Math.max(pos, b);
  }
  return drafts;
}

/**
 * A note's time limit dates the figures before it; an item with a dated note and no figure is a
 * milestone, its last sentence before the note.
 */
function applyNoteDeadline(
  text: string,
  seg: Segment,
  drafts: DraftTarget[],
  due: { value: string; at: number },
): void {
  for (const d of drafts) if (!d.deadline && d.quoteStart < due.at) d.deadline = due.value;
  if (drafts.some((d) => d.quoteStart < due.at) || !seg.task) return;
  const sents = sentences(text, seg.from, due.at).filter(([a, b]) =>
    /[\u4e00-\u9fa5]/.test(text.slice(a, b)),
  );
  const last = sents[sents.length - 1];
  if (last)
    drafts.push(
      milestoneDraft(last[0], last[1], due.value, text.slice(last[0], last[1]).replace(/[。；;]$/, '')),
    );
}

/** A stage of a work plan dated in its heading ("（二）集中整治阶段（2022年4月—9月）"): a milestone for its end. */
function stageMilestone(text: string, hw: string, seg: Segment, docYear: number | null): DraftTarget | null {
  const at = text.indexOf(seg.title, seg.offset);
  const due = at >= 0 ? stageDeadline(hw.slice(at, at + seg.title.length), docYear) : null;
  return due ? milestoneDraft(at, at + seg.title.length, due, seg.title) : null;
}

/** Spans of `spans` that overlap the segment, in text order. */
function within(spans: [number, number][], seg: Segment): [number, number][] {
  return spans.filter(([a, b]) => b > seg.from && a < seg.to).sort((x, y) => x[0] - y[0]);
}

/** The text of a document → its catalogue entries (document, headings, tasks, targets). */
export function parseDocument(text: string, source: string): ParsedDocument {
  const layout = readLayout(text, source);
  const { hw, lines, raw, tables, flat, firstHeadingLine, blocks, tail } = layout;
  const warnings = flat
    ? [`${source} 没有“一、”“（一）”等标题层级，已按句子逐句提取指标（未拆分任务），请在目录审核中重点核对`]
    : [];
  const meta = extractMeta(lines, firstHeadingLine);
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : null;
  const document = documentOf(text, source, meta);
  const headings = headingNodes(raw, document.id);
  const bodyEnd = tail < lines.length ? lines[tail].start : text.length;
  const firstHeadingAt = firstHeadingLine < lines.length ? lines[firstHeadingLine].start : text.length;
  const segments = segmentsOf(text, lines, raw, blocks, bodyEnd, firstHeadingAt);
  const parts = new DocumentParts(text, document.id);
  const ctx: ExtractContext = { docYear, docDate: meta.date };

  // text before the first heading (notice, preamble) may state goals too, but not its header lines
  const preStart = flat
    ? lines[flat.start].start
    : meta.dateLine >= 0 && meta.dateLine < firstHeadingLine
      ? lines[meta.dateLine].end
      : 0;
  const preamble = extractTargets(text, hw, preStart, firstHeadingAt, ctx);
  parts.addTargets(
    preamble.filter((d) => !text.slice(d.quoteStart, d.quoteEnd).includes('\t')),
    [],
    null,
    preStart,
  );

  const tableSpans = tables.map((t) => [t.start, t.end] as [number, number]);
  let rule: NoteRule = { firstLeads: false };
  for (const seg of segments.slice(1)) {
    const notes = itemNotes(text, hw, seg, rule, docYear);
    rule = notes.rule;
    // notes and tables inside the item (tables are read row by row below) are neither its text nor its figures
    const skip = within([...notes.spans, ...tableSpans], seg);
    let task: Task | null = null;
    if (seg.task) {
      const clean = itemText(text, seg, skip);
      task = parts.addTask(`${document.id}/${pathKey(seg.path)}/T${contentHash(`${seg.title}|${clean}`)}`, {
        path: seg.path,
        title: seg.title.replace(/^(——|──|—)/, '').trim(),
        text: clean,
        lead: notes.resp.lead,
        participants: notes.resp.participants,
        origin: 'text',
        offset: seg.offset,
      });
    }
    const drafts = segmentDrafts(text, hw, seg, skip, ctx);
    if (notes.deadline) applyNoteDeadline(text, seg, drafts, notes.deadline);
    // a stage dated in its heading is a milestone when its text states no target of its own
    const stage = task && !drafts.length && seg.title ? stageMilestone(text, hw, seg, docYear) : null;
    if (stage) drafts.push(stage);
    parts.addTargets(drafts, seg.path, task, seg.from);
  }

  // tables (in the body or in an annex) become tasks of origin "table"
  for (const table of tables) {
    if (table.indicators.length) addIndicatorTable(parts, hw, raw, table);
    for (const row of table.rows) addTableRow(parts, text, hw, raw, table, row, bodyEnd, ctx);
  }
  return { document, headings, tasks: parts.tasks, targets: parts.targets, text, warnings };
}

/** A 主要指标 table: its figures belong to the heading above it (and to its task when that is the item there). */
function addIndicatorTable(parts: DocumentParts, hw: string, raw: RawHeading[], table: ParsedTable): void {
  const above = raw.filter((h) => h.offset < table.start).pop();
  const path = above?.path ?? [];
  const task = parts.tasks.filter((t) => t.offset <= table.start && t.origin === 'text').pop() ?? null;
  const drafts: DraftTarget[] = [];
  for (const ind of table.indicators) {
    const end = ind.value.offset + ind.value.text.length;
    const d = tableFigure(hw, ind.name.offset, ind.value.offset, end, ind.unit, ind.year, ind.name.text);
    if (d) drafts.push(d);
  }
  parts.addTargets(drafts, path, task && task.path.join() === path.join() ? task : null, table.start);
}

/** A row of a task table: a task of origin "table" with its units, figures and 完成时限 (a milestone when it has no figure). */
function addTableRow(
  parts: DocumentParts,
  text: string,
  hw: string,
  raw: RawHeading[],
  table: ParsedTable,
  row: TableRowTask,
  bodyEnd: number,
  ctx: ExtractContext,
): void {
  const label = (s: string) => s.match(/^[一二三四五六七八九十]+、|^\d+[.．、]/)?.[0] ?? s;
  // a table inside a numbered item belongs to that item; one after the body is an annex
  const inBody = table.start < bodyEnd && raw.some((h) => h.offset < table.start);
  const base = inBody ? raw.filter((h) => h.offset < table.start).pop()!.path : ['附件'];
  const path = [...base, label(row.group), label(row.category)].filter(Boolean);
  const title = row.category.replace(/^[一二三四五六七八九十]+、|^\d+[.．、]/, '') || row.group;
  const task = parts.addTask(
    `${parts.documentId}/${pathKey(path)}/T${contentHash(`${row.group}|${row.category}|${row.text}`)}`,
    {
      path,
      title,
      text: row.text,
      lead: row.lead,
      participants: row.participants,
      origin: 'table',
      offset: row.offset,
    },
  );
  const dc = row.deadlineCell;
  const rowDeadline = dc ? cellDeadline(hw, dc.offset, dc.offset + dc.text.length, ctx.docYear) : null;
  const drafts: DraftTarget[] = [];
  for (const cell of row.textCells)
    drafts.push(...extractTargets(text, hw, cell.offset, cell.offset + cell.text.length, ctx));
  for (const d of drafts) if (!d.deadline && rowDeadline) d.deadline = rowDeadline;
  // a row with a 完成时限 and no figure is a dated commitment: a milestone
  if (!drafts.length && rowDeadline && row.goalCell) {
    const g = row.goalCell;
    drafts.push(milestoneDraft(g.offset, g.offset + g.text.length, rowDeadline, g.text));
  }
  parts.addTargets(drafts, path, task);
}
