/**
 * Positioned text of a PDF → the policy text, one line per paragraph and per table row. Pure
 * geometry, no pdfjs: runs on one baseline make a line (wide gaps become tabs, so a row of a ruled
 * table stays a row), running headers, footers and page numbers are dropped, and lines are joined
 * into paragraphs. The text a PDF loses is rebuilt from positions where the layout shows it:
 * - a line that reaches the right margin runs on into the next one at the left margin, also when it
 *   is a row whose last cell wraps to the margin ("标题:\t…的通" / "知");
 * - a title set in a larger font over several centred lines is one line;
 * - a table typed with leading tabs (one cell per paragraph, each cell's first line at a tab stop,
 *   its wrapped lines back at the margin) keeps its tabs, and its empty cells, which print as
 *   nothing, come back from the blank space between the rows.
 */

export interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
  /** Vertical position within the page, 0 = top, 1 = bottom. */
  place: number;
}

const ASCII_WORD = /[A-Za-z0-9]/;

/** Runs of one page → lines, top to bottom; runs half a character apart or more are table cells (Chinese text has no spaces). */
export function linesOfRuns(runs: Run[], page: number, height: number): PdfLine[] {
  const sorted = runs.filter((r) => r.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - r.y) < Math.max(g[0].size, r.size) * 0.5) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => lineOfRuns(g, page, height));
}

function lineOfRuns(g: Run[], page: number, height: number): PdfLine {
  g.sort((a, b) => a.x - b.x);
  let text = '';
  let right = g[0].x;
  for (const r of g) {
    const gap = r.x - right;
    if (text && gap > 0.5 * r.size) text += '\t';
    else if (text && gap > 0.2 * r.size && ASCII_WORD.test(text.slice(-1)) && ASCII_WORD.test(r.str[0]))
      text += ' ';
    text += r.str;
    right = Math.max(right, r.x + r.width);
  }
  return {
    text: withoutAutoSpace(text).trim(),
    x: g[0].x,
    right,
    y: g[0].y,
    size: Math.max(...g.map((r) => r.size)),
    page,
    place: 1 - g[0].y / height,
  };
}

/** Word processors space Chinese from digits and Latin letters ("2018 年 04 月"); the text has no such spaces. */
function withoutAutoSpace(s: string): string {
  return s.replace(
    /(?<=[\u4e00-\u9fa5，。、；：（）“”])[ \u00a0]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \u00a0]+(?=[\u4e00-\u9fa5，。、；：（）“”])/g,
    '',
  );
}

const PAGE_NUMBER =
  /^[-—–－\s]*(?:第\s*)?[0-9０-９]+(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]+\s*页?)?[-—–－\s]*$|^[-—–－\s]*[ivxlcIVXLC]+[-—–－\s]*$/;

/** Running headers and footers: lines in the top or bottom tenth that repeat (digits aside) on half the pages. */
export function dropFurniture(lines: PdfLine[], pages: number): PdfLine[] {
  const edge = (l: PdfLine) => l.place < 0.1 || l.place > 0.9;
  const key = (l: PdfLine) => l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  for (const l of lines.filter(edge)) {
    const k = key(l);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(l.page);
  }
  return lines.filter((l) => {
    if (!edge(l)) return true;
    if (PAGE_NUMBER.test(l.text)) return false;
    return !(pages >= 3 && (seen.get(key(l))?.size ?? 0) >= pages / 2);
  });
}

/** The most common value to 2 pt, refined to the mean of the values in that bucket. */
function typical(values: number[]): number {
  const bucket = (v: number) => Math.round(v / 2);
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucket(v), (counts.get(bucket(v)) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [b, c] of counts) if (c > n || (c === n && b > best)) [best, n] = [b, c];
  const near = values.filter((v) => bucket(v) === best);
  return near.length ? near.reduce((s, v) => s + v, 0) / near.length : 0;
}

/** The page geometry the text was set in, measured from the lines themselves. */
interface Layout {
  left: number;
  right: number;
  /** Body font size. */
  size: number;
  /** Baseline to baseline within a paragraph. */
  pitch: number;
  /** Height an empty paragraph takes. */
  blank: number;
  /** Highest first baseline and lowest last baseline of the pages. */
  top: number;
  bottom: number;
}

function measure(lines: PdfLine[]): Layout {
  const body = lines.filter((l) => !l.text.includes('\t') && l.text.length >= 8);
  const some = body.length ? body : lines;
  const steps = lines
    .slice(1)
    .map((l, i) => (l.page === lines[i].page ? lines[i].y - l.y : 0))
    .filter((p) => p > 0);
  const pitch = steps.length ? typical(steps) : 0;
  const gaps = steps.filter((s) => s > 1.5 * pitch);
  const firsts = lines.filter((l, i) => i === 0 || lines[i - 1].page !== l.page);
  const lasts = lines.filter((l, i) => i === lines.length - 1 || lines[i + 1].page !== l.page);
  return {
    left: typical(some.map((l) => l.x)),
    right: typical(some.map((l) => l.right)),
    size: typical(some.map((l) => l.size)),
    pitch,
    blank: gaps.length ? typical(gaps) - pitch : pitch,
    top: Math.max(...firsts.map((l) => l.y)),
    bottom: Math.min(...lasts.map((l) => l.y)),
  };
}

/** A line opening with a heading or list label, or a dash item, always starts a paragraph. */
const OPENS_PARAGRAPH =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节条篇部]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[.．、](?!\d)|[)）])|[①-⑳]|——|──|--|附件|专栏)/;

/**
 * Line-breaking rules (禁则) keep an opening bracket off the end of a line and a closing mark off the
 * start, so a full line may end a character short when the next begins "（…" or "X。".
 */
const KINSOKU_PULL = /^(?:[（《“‘〔【［(]|.[，。、；：？！）》”’〕】］)])/;

const reachesRight = (l: PdfLine, g: Layout, next?: PdfLine) =>
  l.right >= g.right - (next && KINSOKU_PULL.test(next.text) ? 2.2 : 1.2) * l.size;
const atLeft = (l: PdfLine, g: Layout) => l.x <= g.left + 0.5 * l.size;
const centred = (l: PdfLine, g: Layout) =>
  l.x > g.left + 0.5 * l.size && Math.abs(l.x + l.right - g.left - g.right) < l.size;

/** A full line runs on into the next at the margin; a row whose last cell wraps runs on the same way. */
function wrapsInto(prev: PdfLine, l: PdfLine, g: Layout): boolean {
  return (
    !l.text.includes('\t') &&
    reachesRight(prev, g, l) &&
    atLeft(l, g) &&
    !OPENS_PARAGRAPH.test(l.text) &&
    Math.abs(prev.size - l.size) < 0.5
  );
}

/** Consecutive centred lines in a font larger than the body's are one title. */
function titleGoesOn(prev: PdfLine, l: PdfLine, g: Layout): boolean {
  return (
    prev.page === l.page &&
    prev.size > 1.15 * g.size &&
    Math.abs(prev.size - l.size) < 0.5 &&
    centred(prev, g) &&
    centred(l, g) &&
    prev.y - l.y < 2 * l.size &&
    !/[。；]$/.test(prev.text) &&
    !OPENS_PARAGRAPH.test(l.text)
  );
}

interface Paragraph {
  lines: PdfLine[];
  text: string;
  /** Empty paragraphs between this one and the one before (0 for the first). */
  blanksBefore: number;
  /** Set at a tab stop: the first cell of a table typed with leading tabs. */
  tabbed: boolean;
}

/** Empty paragraphs that fit between two lines: the space left beyond one line's pitch, across a page break too. */
function blanksBetween(prev: PdfLine, l: PdfLine, g: Layout): number {
  if (!g.blank) return 0;
  if (prev.page === l.page) {
    const gap = prev.y - l.y;
    return gap > 1.5 * g.pitch ? Math.max(1, Math.round((gap - g.pitch) / g.blank)) : 0;
  }
  const room = (prev.y - g.bottom) / g.blank + (g.top - l.y) / g.blank;
  return Math.max(0, Math.floor(room + 0.1));
}

function paragraphsOf(lines: PdfLine[], g: Layout): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = lines[i - 1];
    const cur = out[out.length - 1];
    if (prev && cur && (wrapsInto(prev, l, g) || titleGoesOn(prev, l, g))) {
      // a word broken at the margin in Latin text keeps a space; Chinese runs on
      cur.text += ASCII_WORD.test(prev.text.slice(-1)) && ASCII_WORD.test(l.text[0]) ? ` ${l.text}` : l.text;
      cur.lines.push(l);
      continue;
    }
    out.push({ lines: [l], text: l.text, blanksBefore: prev ? blanksBetween(prev, l, g) : 0, tabbed: false });
  }
  markLeadingTabs(out, g);
  return out;
}

/**
 * Cells of a table typed with leading tabs: paragraphs whose first line stands at a tab stop (three
 * characters in or more, not centred or flush right) and whose wrapped lines come back to the
 * margin, in a column of at least three such paragraphs close together (a signature block is not).
 */
function markLeadingTabs(paras: Paragraph[], g: Layout): void {
  const stop = (p: Paragraph): number | null => {
    const [first, ...rest] = p.lines;
    if (first.x < g.left + 3 * first.size || centred(first, g)) return null;
    if (!rest.length && first.right >= g.right - 0.5 * first.size) return null;
    if (rest.some((l) => !atLeft(l, g))) return null;
    return first.x;
  };
  const stops = paras.map(stop);
  stops.forEach((x, i) => {
    if (x === null) return;
    const near = stops.slice(Math.max(0, i - 4), i + 5).filter((o) => o !== null && Math.abs(o - x) < 1);
    paras[i].tabbed = near.length >= 3;
  });
}

/** A table typed with leading tabs being written out: its width (the first row's cells) and the current row's cells. */
interface TabTable {
  width: number | null;
  cells: number;
}

/** Is some paragraph among the next few set at a tab stop (the table goes on)? */
const tableGoesOn = (paras: Paragraph[], i: number) => paras.slice(i, i + 6).some((p) => p.tabbed);

/**
 * The empty lines standing for `n` empty paragraphs before a cell of a leading-tab table. A blank
 * line ends a row; the other empty paragraphs are empty cells, which print as nothing: first those
 * the row lacks at its end (the first row gives the width), then those the next row starts with
 * (cells merged with the row above).
 */
function rowBreak(t: TabTable, n: number): string[] {
  t.width ??= t.cells;
  const trailing = Math.max(0, Math.min(n - 1, t.width - t.cells));
  t.cells = n - 1 - trailing;
  return [...Array<string>(trailing).fill('\t'), '', ...Array<string>(t.cells).fill('\t')];
}

/** Paragraphs → text: a blank space becomes one empty line; leading-tab tables get their tabs and empty cells back. */
function textOf(paras: Paragraph[]): string {
  const out: string[] = [];
  let table: TabTable | null = null;
  paras.forEach((p, i) => {
    const prev = paras[i - 1];
    const n = p.blanksBefore;
    if (table && !tableGoesOn(paras, i)) table = null;
    if (table && p.tabbed && n) out.push(...rowBreak(table, n));
    else if (prev && n && prev.lines[prev.lines.length - 1].page === p.lines[0].page) out.push('');
    if (p.tabbed) {
      table ??= { width: null, cells: 0 };
      table.cells++;
    }
    out.push(p.tabbed ? `\t${p.text}` : p.text);
  });
  return out.join('\n');
}

/** Lines → paragraphs: a full line runs on into the next unless that one is indented or a table row. */
export function reflow(lines: PdfLine[]): string {
  if (!lines.length) return '';
  const layout = measure(lines);
  return textOf(paragraphsOf(lines, layout));
}
