/**
 * One policy text → its document record, heading tree, tasks and targets.
 * Pure: takes decoded text, returns data; bad input raises LuoshiError (Chinese message).
 */
import type { HeadingNode, PolicyDocument, Target, Task } from '../model/catalogue.js';
import { LuoshiError } from '../errors.js';
import { halfWidth, hashHex, shortHash, splitLines, squeeze, type Line } from './text.js';
import { documentIdFrom, extractMeta } from './meta.js';
import { findHeadings, matchHeading, type RawHeading } from './headings.js';
import {
  sentenceDoer,
  splitUnits,
  notesIn,
  parseResponsibility,
  timePart,
  type NoteRule,
  type Responsibility,
} from './responsibility.js';
import { findTables } from './table.js';
import {
  cellDeadline,
  extractTargets,
  figureText,
  milestoneDraft,
  sentences,
  tableFigure,
  type DraftTarget,
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

/** A stretch of text that becomes one task (or, with task null, text outside any task). */
interface Segment {
  from: number;
  to: number;
  path: string[];
  title: string;
  task: boolean;
  /** Offset where the item begins (its label or title). */
  offset: number;
}

/** Opening of a document's closing paragraph, addressed to all implementers. */
const CLOSING =
  /^(各地|各有关部门|各级|各部门|各单位|各县|各市|各区|各乡镇|全市各|全省各|全县各)[^，。]{0,12}(要|应|务必)/;
const TRAILER = /^(附件|附表|抄送|主题词|印发|（此件|\(此件)/;
const DATE_LINE =
  /^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;

/**
 * Lines where a closing block starts (signature + date, 附件, 抄送…) after the first heading.
 * A notice with numbered points may be followed by the plan it issues, so a block is the end
 * of the body only when no heading follows it; earlier blocks just end the item before them.
 */
function closingBlocks(lines: Line[], firstHeading: number): number[] {
  const out: number[] = [];
  for (let i = firstHeading + 1; i < lines.length; i++) {
    const c = halfWidth(lines[i].content);
    if (!c) continue;
    if (TRAILER.test(c)) {
      out.push(i);
      continue;
    }
    if (DATE_LINE.test(c.replace(/\s+/g, ''))) {
      // walk back over the signature (short lines with no punctuation)
      let j = i;
      for (let k = i - 1; k > firstHeading; k--) {
        const p = lines[k].content;
        if (!p) continue;
        if (p.length > 25 || /[，。、；：:,]/.test(p) || matchHeading(lines[k])) break;
        j = k;
      }
      out.push(j);
    }
  }
  return out;
}

/**
 * A text with no heading and no table (a 工作要点 written as plain paragraphs): its body runs from the
 * first line that is a sentence to the signature block (short lines and the date at the end).
 */
function flatBody(lines: Line[]): { start: number; end: number } | null {
  const isSentence = (l: Line) => /[，。；]/.test(l.content) && l.content.length >= 20;
  const start = lines.findIndex(isSentence);
  if (start < 0) return null;
  let end = lines.length;
  while (end > start + 1) {
    const c = lines[end - 1].content;
    if (c && (isSentence(lines[end - 1]) || c.length > 30)) break;
    end--;
  }
  return { start, end };
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

/** A paragraph opening with a short title sentence ("促进社会办医多元化。…", "——医疗服务能力全面提高。") starts its own task. */
function paragraphTitle(content: string): string | null {
  const dash = content.match(/^(?:——|──|—|－－|--)\s*(.+?)[。：:]/);
  if (dash && dash[1].length <= 30) return dash[1];
  const m = content.match(/^([^，,；;。：:（(]{2,20})。/);
  if (!m) return null;
  if (/^\d|^(到|至|在|对|为|以|按|经|凡|各|要|其|将|把|同时|此外)/.test(m[1])) return null;
  if (content.length <= m[0].length + 4) return null;
  return m[1];
}

/** End date of a stage written in brackets in a heading: "（2022年3月底前）", "（2022年4月—9月）", "（2022年10月至2023年6月）". */
function stageDeadline(title: string, docYear: number | null): string | null {
  const m = title.match(
    /[（(]\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月[^）)]*?(?:[—\-~～至到]\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月)?[^）)]*[）)]\s*$/,
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

export function parseDocument(text: string, source: string): ParsedDocument {
  if (!text.trim()) {
    throw new LuoshiError('empty-file', `${source} 是空文件（没有任何文字），无法生成目录`, { file: source });
  }
  const hw = figureText(text);
  const lines = splitLines(text);
  const all = findHeadings(lines, 0, lines.length);
  const tables = findTables(text, lines, 0);
  const flat =
    !all.length && !tables.some((t) => t.rows.length || t.indicators.length) ? flatBody(lines) : null;
  if (!all.length && !flat && !tables.some((t) => t.rows.length || t.indicators.length)) {
    throw new LuoshiError(
      'no-headings',
      `${source} 中没有找到任何标题层级（如“一、”“（一）”“1.”“第一章”），看起来不是政策文件正文，无法拆分任务`,
      { file: source },
    );
  }
  const warnings = flat
    ? [`${source} 没有“一、”“（一）”等标题层级，已按句子逐句提取指标（未拆分任务），请在目录审核中重点核对`]
    : [];
  // a work plan may be only a preamble and a table; a flat text is all preamble, up to its signature
  const firstHeadingLine = all.length ? all[0].lineIndex : flat ? flat.end : tables[0].fromLine;
  const blocks = closingBlocks(lines, firstHeadingLine);
  const tail = blocks.find((b) => !all.some((h) => h.lineIndex > b)) ?? lines.length;
  // the trailer (signature, 附件, 抄送) has no headings of the body
  const raw = all.filter((h) => h.lineIndex < tail);

  const meta = extractMeta(lines, firstHeadingLine);
  const docYear = meta.date ? Number(meta.date.slice(0, 4)) : null;
  const title = meta.title ?? source.replace(/\.[^.]+$/, '');
  const documentId = documentIdFrom(meta.docNumber, `doc-${shortHash(squeeze(title))}`);
  const document: PolicyDocument = {
    id: documentId,
    title,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    date: meta.date,
    source,
    textHash: hashHex(text),
  };

  const headings: HeadingNode[] = [];
  const headingIds = new IdAllocator();
  for (const h of raw) {
    headings.push({
      id: headingIds.allocate(`${documentId}/${pathKey(h.path)}/H${contentHash(h.text)}`),
      documentId,
      label: h.label,
      level: h.level,
      text: h.text,
      path: h.path,
      offset: h.offset,
    });
  }

  // Segments: the preamble, each heading's own text, split into tasks for leaf headings
  const bodyEnd = tail < lines.length ? lines[tail].start : text.length;
  const segments: Segment[] = [];
  const headingStart = (h: RawHeading) => lines[h.lineIndex].start;
  const firstHeadingAt = firstHeadingLine < lines.length ? lines[firstHeadingLine].start : text.length;
  segments.push({
    from: firstHeadingAt,
    to: firstHeadingAt,
    path: [],
    title: '',
    task: false,
    offset: 0,
  });
  for (let k = 0; k < raw.length; k++) {
    const h = raw[k];
    const next = raw[k + 1];
    const nextStart = next ? headingStart(next) : bodyEnd;
    // a signature/date block between this heading and the next closes the item
    const block = blocks.find((b) => b > h.lineIndex && lines[b].start < nextStart);
    let end = block !== undefined ? lines[block].start : nextStart;
    // the closing paragraph of a document ("各地、各有关部门要…") follows the last item but is not part of it
    if (!next || (block !== undefined && !raw.some((x) => x.lineIndex > block))) {
      let seenBody =
        h.bodyStart < lines[h.lineIndex].end && text.slice(h.bodyStart, lines[h.lineIndex].end).trim() !== '';
      for (let li = h.lineIndex + 1; li < lines.length && lines[li].start < end; li++) {
        const c = lines[li].content;
        if (!c) continue;
        if (seenBody && CLOSING.test(c)) {
          segments.push({
            from: lines[li].start,
            to: end,
            path: [],
            title: '',
            task: false,
            offset: lines[li].contentStart,
          });
          end = lines[li].start;
          break;
        }
        seenBody = true;
      }
    }
    const isLeaf = !next || next.level <= h.level;
    if (!isLeaf) {
      segments.push({
        from: h.bodyStart,
        to: end,
        path: h.path,
        title: h.text,
        task: false,
        offset: h.offset,
      });
      continue;
    }
    // split the leaf's text at paragraphs that open with their own title
    let cur: Segment = {
      from: h.bodyStart,
      to: end,
      path: h.path,
      title: h.text,
      task: true,
      offset: h.offset,
    };
    const parts: Segment[] = [];
    // the heading's title alone is not a sentence a next line could continue; a blank line ends a paragraph
    let prevContent = text.slice(Math.max(h.bodyStart, h.labelEnd), lines[h.lineIndex].end).trim();
    if (h.bodyStart >= lines[h.lineIndex].end) prevContent = '';
    for (let li = h.lineIndex + 1; li < lines.length && lines[li].start < end; li++) {
      const line = lines[li];
      if (!line.content) {
        prevContent = '';
        continue;
      }
      // a line continuing a sentence broken by a stray line break ("…，\n建成社区医院20家。") is not a new paragraph
      const continues =
        /[，,、；;：:（(\u4e00-\u9fa5A-Za-z0-9０-９]$/.test(prevContent) && !/[。！？]$/.test(prevContent);
      prevContent = line.content;
      // "专栏1 医疗服务能力提升工程": a box of projects in a 规划纲要 is a task of its own
      const box = line.content.match(/^专栏\s*[0-9０-９一二三四五六七八九十]+\s*[：:]?\s*(.{2,40})$/);
      const t = box ? box[0].replace(/\s+/g, ' ') : continues ? null : paragraphTitle(line.content);
      if (t) {
        cur.to = line.start;
        parts.push(cur);
        cur = {
          from: line.contentStart,
          to: end,
          path: h.path,
          title: t,
          task: true,
          offset: line.contentStart,
        };
      }
    }
    parts.push(cur);
    for (const p of parts) {
      // the heading's own part is kept only when it has text
      if (text.slice(p.from, p.to).trim() || (p === parts[0] && parts.length === 1)) segments.push(p);
    }
  }

  // Tasks with their responsibility notes; targets in every segment
  const tasks: Task[] = [];
  const targets: Target[] = [];
  const taskIds = new IdAllocator();
  const targetIds = new IdAllocator();
  let rule: NoteRule = { firstLeads: false };
  const preambleEnd = firstHeadingAt;
  const ctx = { docYear, docDate: meta.date };

  const addTargets = (drafts: DraftTarget[], path: string[], task: Task | null, from = 0) => {
    const byFigure = new Map<number, Target>();
    const made: [DraftTarget, Target][] = [];
    for (const d of drafts) {
      const quote = text.slice(d.quoteStart, d.quoteEnd);
      const doer = task?.origin === 'table' ? null : figureDoer(text, from, d, task);
      const id = targetIds.allocate(targetIdBase(documentId, path, text, d));
      const t: Target = {
        id,
        documentId,
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
      byFigure.set(d.figureStart, t);
      made.push([d, t]);
    }
    for (const [d, t] of made) {
      if (d.linkTo === null) continue;
      const other = byFigure.get(d.linkTo);
      if (other) {
        t.linked.push(other.id);
        other.linked.push(t.id);
      }
    }
    targets.push(...made.map(([, t]) => t));
  };

  // text before the first heading (notice, preamble) may state goals too, but not its header lines
  const preStart = flat
    ? lines[flat.start].start
    : meta.dateLine >= 0 && meta.dateLine < firstHeadingLine
      ? lines[meta.dateLine].end
      : 0;
  addTargets(
    extractTargets(text, hw, preStart, preambleEnd, ctx).filter(
      (d) => !text.slice(d.quoteStart, d.quoteEnd).includes('\t'),
    ),
    [],
    null,
    preStart,
  );

  for (const seg of segments.slice(1)) {
    // notes closing lines of this segment
    const resp: Responsibility = { lead: [], participants: [] };
    const noteSpans: [number, number][] = [];
    // "（牵头单位：A；完成时限：2023年底前）": the note's date is the item's deadline
    let noteDeadline: { value: string; at: number } | null = null;
    for (const note of notesIn(text, seg.from, seg.to)) {
      const parsed = parseResponsibility(note.inner, rule);
      if (!parsed) continue;
      if (timePart(note.inner)) {
        const value = cellDeadline(hw, note.start, note.end, docYear);
        if (value) noteDeadline = { value, at: note.start };
      }
      if (parsed.persistent) rule = { firstLeads: true };
      for (const u of parsed.resp.lead) if (!resp.lead.includes(u)) resp.lead.push(u);
      for (const u of parsed.resp.participants)
        if (!resp.participants.includes(u) && !resp.lead.includes(u)) resp.participants.push(u);
      noteSpans.push([note.start, note.end]);
    }
    if (!resp.lead.length) {
      const said = sentenceResponsibility(text.slice(seg.from, seg.to));
      if (said) {
        resp.lead.push(...said.lead);
        resp.participants.push(...said.participants);
      }
    }
    let task: Task | null = null;
    if (seg.task) {
      let body = '';
      let pos = seg.from;
      // a table inside the item is read row by row below; the item's own text leaves it out
      const cut = [...noteSpans, ...tables.map((t) => [t.start, t.end] as [number, number])]
        .filter(([a, b]) => b > seg.from && a < seg.to)
        .sort((x, y) => x[0] - y[0]);
      for (const [a0, b] of cut) {
        const a = Math.max(a0, pos);
        body += text.slice(pos, a);
        pos = Math.max(pos, b);
      }
      body += text.slice(pos, seg.to);
      const clean = body
        .split('\n')
        .map((l) => l.trim().replace(/^[\u3000\s]+/, ''))
        .filter(Boolean)
        .join('\n');
      task = {
        id: taskIds.allocate(`${documentId}/${pathKey(seg.path)}/T${contentHash(`${seg.title}|${clean}`)}`),
        documentId,
        path: seg.path,
        title: seg.title.replace(/^(——|──|—)/, '').trim(),
        text: clean,
        lead: resp.lead,
        participants: resp.participants,
        origin: 'text',
        offset: seg.offset,
      };
      tasks.push(task);
    }
    // targets never read figures inside the notes
    const drafts: DraftTarget[] = [];
    let pos = seg.from;
    // figures inside notes and inside tables (read row by row below) are not read here
    const skip: [number, number][] = [
      ...noteSpans,
      ...tables.map((t) => [t.start, t.end] as [number, number]),
    ]
      .filter(([a, b]) => b > seg.from && a < seg.to)
      .sort((x, y) => x[0] - y[0]);
    for (const [a, b] of [...skip, [seg.to, seg.to] as [number, number]]) {
      if (a > pos) drafts.push(...extractTargets(text, hw, pos, a, ctx));
      pos = Math.max(pos, b);
    }
    if (noteDeadline) {
      const nd = noteDeadline;
      for (const d of drafts) if (!d.deadline && d.quoteStart < nd.at) d.deadline = nd.value;
      if (!drafts.some((d) => d.quoteStart < nd.at) && seg.task) {
        // an item with a dated note and no figure is a milestone: its last sentence before the note
        const sents = sentences(text, seg.from, nd.at).filter(([a, b]) =>
          /[\u4e00-\u9fa5]/.test(text.slice(a, b)),
        );
        const last = sents[sents.length - 1];
        if (last)
          drafts.push(
            milestoneDraft(last[0], last[1], nd.value, text.slice(last[0], last[1]).replace(/[。；;]$/, '')),
          );
      }
    }
    // a stage of a work plan dated in its heading ("（二）集中整治阶段（2022年4月—9月）") is a milestone
    // for its end, when its text states no target of its own
    if (task && !drafts.length && seg.title) {
      const at = text.indexOf(seg.title, seg.offset);
      const due = at >= 0 ? stageDeadline(hw.slice(at, at + seg.title.length), docYear) : null;
      if (due) drafts.push(milestoneDraft(at, at + seg.title.length, due, seg.title));
    }
    addTargets(drafts, seg.path, task, seg.from);
  }

  // tables (in the body or in an annex) become tasks of origin "table"
  for (const table of tables) {
    if (table.indicators.length) {
      // a 主要指标 table belongs to the heading above it
      const above = raw.filter((h) => h.offset < table.start).pop();
      const path = above?.path ?? [];
      const task = tasks.filter((t) => t.offset <= table.start && t.origin === 'text').pop() ?? null;
      const drafts: DraftTarget[] = [];
      for (const ind of table.indicators) {
        const d = tableFigure(
          hw,
          ind.name.offset,
          ind.value.offset,
          ind.value.offset + ind.value.text.length,
          ind.unit,
          ind.year,
          ind.name.text,
        );
        if (d) drafts.push(d);
      }
      addTargets(drafts, path, task && task.path.join() === path.join() ? task : null, table.start);
    }
    for (const row of table.rows) {
      const groupLabel = row.group.match(/^[一二三四五六七八九十]+、|^\d+[.．、]/)?.[0] ?? row.group;
      const catLabel = row.category.match(/^[一二三四五六七八九十]+、|^\d+[.．、]/)?.[0] ?? row.category;
      // a table inside a numbered item belongs to that item; one after the body is an annex
      const inBody = table.start < bodyEnd && raw.some((h) => h.offset < table.start);
      const base = inBody ? raw.filter((h) => h.offset < table.start).pop()!.path : ['附件'];
      const path = [...base, groupLabel, catLabel].filter(Boolean);
      const title = row.category.replace(/^[一二三四五六七八九十]+、|^\d+[.．、]/, '') || row.group;
      const task: Task = {
        id: taskIds.allocate(
          `${documentId}/${pathKey(path)}/T${contentHash(`${row.group}|${row.category}|${row.text}`)}`,
        ),
        documentId,
        path,
        title,
        text: row.text,
        lead: row.lead,
        participants: row.participants,
        origin: 'table',
        offset: row.offset,
      };
      tasks.push(task);
      const rowDeadline = row.deadlineCell
        ? cellDeadline(
            hw,
            row.deadlineCell.offset,
            row.deadlineCell.offset + row.deadlineCell.text.length,
            docYear,
          )
        : null;
      const drafts: DraftTarget[] = [];
      for (const cell of row.textCells) {
        drafts.push(...extractTargets(text, hw, cell.offset, cell.offset + cell.text.length, ctx));
      }
      for (const d of drafts) if (!d.deadline && rowDeadline) d.deadline = rowDeadline;
      // a row with a 完成时限 and no figure is a dated commitment: a milestone
      if (!drafts.length && rowDeadline && row.goalCell) {
        const g = row.goalCell;
        drafts.push(milestoneDraft(g.offset, g.offset + g.text.length, rowDeadline, g.text));
      }
      addTargets(drafts, path, task);
    }
  }
  return { document, headings, tasks, targets, text, warnings };
}
