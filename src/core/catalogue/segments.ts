/**
 * The body of a policy document cut into segments: the preamble, the text of each heading, and the
 * leaf headings' text split further at paragraphs that open with their own title (each a task). A
 * signature block or a closing paragraph ("各地、各有关部门要…") ends the item before it.
 */
import { halfWidth, type Line } from './text.js';
import { matchHeading, type RawHeading } from './headings.js';

/** A stretch of text that becomes one task (or, with task null, text outside any task). */
export interface Segment {
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
export function closingBlocks(lines: Line[], firstHeading: number): number[] {
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
export function flatBody(lines: Line[]): { start: number; end: number } | null {
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

/**
 * Where the last item (or the item before a signature block) is followed by the document's closing
 * paragraph: that paragraph as a segment outside any task, or null.
 */
function closingParagraph(text: string, lines: Line[], h: RawHeading, end: number): Segment | null {
  let seenBody =
    h.bodyStart < lines[h.lineIndex].end && text.slice(h.bodyStart, lines[h.lineIndex].end).trim() !== '';
  for (let li = h.lineIndex + 1; li < lines.length && lines[li].start < end; li++) {
    const c = lines[li].content;
    if (!c) continue;
    if (seenBody && CLOSING.test(c))
      return {
        from: lines[li].start,
        to: end,
        path: [],
        title: '',
        task: false,
        offset: lines[li].contentStart,
      };
    seenBody = true;
  }
  return null;
}

/** A leaf heading's text up to `end`, split at paragraphs that open with their own title; empty parts dropped. */
function leafParts(text: string, lines: Line[], h: RawHeading, end: number): Segment[] {
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
  // (bodyStart is past the label and past the title when the title is all the line holds)
  let prevContent = text.slice(h.bodyStart, lines[h.lineIndex].end).trim();
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
  // the heading's own part is kept only when it has text
  return parts.filter((p) => text.slice(p.from, p.to).trim() || (p === parts[0] && parts.length === 1));
}

/**
 * Segments of the body: first the preamble's place (empty, at the first heading), then for each
 * heading its closing paragraph if any, and its own text (a task for a leaf, none for a parent).
 */
export function segmentsOf(
  text: string,
  lines: Line[],
  raw: RawHeading[],
  blocks: number[],
  bodyEnd: number,
  firstHeadingAt: number,
): Segment[] {
  const segments: Segment[] = [
    { from: firstHeadingAt, to: firstHeadingAt, path: [], title: '', task: false, offset: 0 },
  ];
  for (let k = 0; k < raw.length; k++) {
    const h = raw[k];
    const next = raw[k + 1];
    const nextStart = next ? lines[next.lineIndex].start : bodyEnd;
    // a signature/date block between this heading and the next closes the item
    const block = blocks.find((b) => b > h.lineIndex && lines[b].start < nextStart);
    let end = block !== undefined ? lines[block].start : nextStart;
    // the closing paragraph of a document ("各地、各有关部门要…") follows the last item but is not part of it
    if (!next || (block !== undefined && !raw.some((x) => x.lineIndex > block))) {
      const closing = closingParagraph(text, lines, h, end);
      if (closing) {
        segments.push(closing);
        end = closing.from;
      }
    }
    if (next && next.level > h.level)
      segments.push({
        from: h.bodyStart,
        to: end,
        path: h.path,
        title: h.text,
        task: false,
        offset: h.offset,
      });
    else segments.push(...leafParts(text, lines, h, end));
  }
  return segments;
}
