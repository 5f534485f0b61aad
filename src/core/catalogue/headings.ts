/**
 * Heading detection for Chinese official documents: 第一章 / 一、 / （一） / 1. / （1） / ①,
 * with half-width and full-width variants. Levels follow the order in which the styles
 * first appear, which is how these documents nest them; a numbering check rejects body
 * lines that merely start like a heading ("二、三级医院…").
 */
import { chineseNumber, halfWidth, type Line } from './text.js';

export type HeadingStyle = 'chapter' | 'section' | 'cn' | 'pcn' | 'num' | 'pnum' | 'rnum' | 'circled';

export interface HeadingMatch {
  style: HeadingStyle;
  number: number;
  /** Label as written (trimmed), e.g. "（一）". */
  label: string;
  /** Offset of the label in the text. */
  offset: number;
  /** Offset just past the label. */
  labelEnd: number;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: [HeadingStyle, RegExp][] = [
  // 部分 is one word: "第三部分" is part 3, not "第三部" followed by 分
  ['chapter', new RegExp(`^第\\s*(${CN}|\\d+)\\s*(?:章|篇|部分)\\s*`)],
  ['section', new RegExp(`^第\\s*(${CN}|\\d+)\\s*节\\s*`)],
  ['cn', new RegExp(`^(${CN})\\s*[、.．]\\s*`)],
  ['pcn', new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.]?\\s*`)],
  // "1.5%" is a figure, but "1．2023年底前…" is item 1 (a year is never a decimal's fraction)
  ['num', /^(\d{1,2})\s*(?:[.．](?!\d)|[.．](?=(?:19|20)\d{2}\s*年)|、)\s*/],
  ['pnum', /^[（(]\s*(\d{1,2})\s*[）)]\s*/],
  // "1）" / "1)": a half-bracketed number, used for the lowest items in some county plans
  ['rnum', /^(\d{1,2})\s*[）)]\s*/],
  ['circled', /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/],
];

function numberOf(style: HeadingStyle, s: string): number {
  if (style === 'circled') return s.charCodeAt(0) - 0x2460 + 1;
  const h = halfWidth(s);
  if (/^\d+$/.test(h)) return Number(h);
  return chineseNumber(s) ?? 0;
}

const HEADING_START = /[第一二三四五六七八九十百零〇两（(0-9０-９①-⑳]/;

/** Match a heading label at the start of a line's content. */
export function matchHeading(line: Line): HeadingMatch | null {
  const c = line.content;
  // a line with a tab is a table cell, never a heading
  if (!c || !HEADING_START.test(c[0]) || line.raw.includes('\t')) return null;
  const h = halfWidth(c);
  for (const [style, re] of PATTERNS) {
    const m = h.match(re);
    if (!m) continue;
    const rest = c.slice(m[0].length);
    // a label alone, or followed by a number ("1.5%") is not a heading
    if (!rest.trim()) return null;
    // …except a year opening the item ("（2）2023年底前完成…", "3．2024年…")
    if (/^[\d０-９.%％]/.test(rest) && !/^[12１２][0-9０-９]{3}\s*年/.test(rest)) return null;
    const label = c.slice(0, m[0].length).trim();
    return {
      style,
      number: numberOf(style, m[1]),
      label,
      offset: line.contentStart,
      labelEnd: line.contentStart + m[0].length,
    };
  }
  return null;
}

export interface RawHeading extends HeadingMatch {
  lineIndex: number;
  level: number;
  /** Heading text: up to the first full stop, or the whole line. */
  text: string;
  /** Offset where the heading's own body text (after the title sentence) starts, on the same line; or line end. */
  bodyStart: number;
  path: string[];
}

/** Title part of a heading line: up to the first 。 (or the whole line when short). */
function headingText(rest: string): { text: string; consumed: number } {
  const stop = rest.search(/[。:：]/);
  if (stop >= 0 && stop <= 40) {
    const head = rest.slice(0, stop);
    // "（1）每个县至少建成1所…，2023年底前…。（…负责）", "（2）新建村卫生室10家。": a sentence that is the
    // whole item, or that states a figure, is also the item's body (its figures and dates are read);
    // "（一）坚持以人为本，服务群众。要把…" keeps its title sentence out of the body
    const after = rest.slice(stop + 1).trim();
    const wholeItem = !after || /^[（(【][^）)】]*[）)】]。?$/.test(after);
    const figure = /[0-9０-９]/.test(head);
    if (
      rest[stop] === '。' &&
      ((wholeItem && (figure || /[，,；;]/.test(head))) || (figure && /[，,；;]/.test(head)))
    ) {
      return { text: head.trim(), consumed: 0 };
    }
    return { text: head.trim(), consumed: stop + 1 };
  }
  if (rest.length <= 40 && !/[，；]/.test(rest)) return { text: rest.trim(), consumed: rest.length };
  return { text: rest.slice(0, 30).trim(), consumed: 0 };
}

/**
 * Find the headings of the body. `from`/`to` bound the lines searched (header and trailer excluded).
 */
export function findHeadings(lines: Line[], from: number, to: number): RawHeading[] {
  const styleLevel = new Map<HeadingStyle, number>();
  const out: RawHeading[] = [];
  // last number seen per level under the current parent, and per style anywhere
  const lastAtLevel: number[] = [];
  const lastOfStyle = new Map<HeadingStyle, number>();
  const stack: RawHeading[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const m = matchHeading(line);
    if (!m) continue;
    let level = styleLevel.get(m.style);
    if (level === undefined) {
      // a new style nests below the deepest current heading; it must start at 1
      if (m.number !== 1) continue;
      level = (stack.length ? stack[stack.length - 1].level : 0) + 1;
      // styles are ranked once: never let a new style jump above a known one
      styleLevel.set(m.style, level);
    } else {
      const prevSame = lastAtLevel[level];
      const prevStyle = lastOfStyle.get(m.style);
      const ok =
        m.number === 1 ||
        (prevSame !== undefined && m.number === prevSame + 1) ||
        (prevStyle !== undefined && m.number === prevStyle + 1);
      if (!ok) continue;
    }
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    // a level can only be entered from its parent level; skip orphans deeper than the stack allows
    if (level > stack.length + 1) {
      level = stack.length + 1;
    }
    lastAtLevel[level] = m.number;
    lastAtLevel.length = level + 1;
    lastOfStyle.set(m.style, m.number);
    const rest = line.content.slice(m.labelEnd - line.contentStart);
    const { text, consumed } = headingText(rest);
    const path = [...stack.map((h) => h.label), m.label];
    const h: RawHeading = {
      ...m,
      lineIndex: i,
      level,
      text,
      bodyStart: m.labelEnd + consumed,
      path,
    };
    stack.push(h);
    out.push(h);
  }
  return out;
}
