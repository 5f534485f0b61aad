/**
 * GB/T 9704 rules that only the laid-out page shows (docs/gbt9704.md §4): 22 lines a page, 28
 * characters a line, the 版心, page numbers, the signature page, the 版记 and that no character of the
 * .docx is lost on the way. Input: the pages as pdftotext measured them; output: checks with Chinese
 * messages naming page and line. Pure.
 */
import { MARGIN, PAGE_H, PAGE_W, TWIPS_PER_MM } from './layout.js';
import { PT_PER_MM, type PdfLine, type PdfPage } from './pdf-layout.js';
import { check, type VerifyCheck } from './verify-types.js';

const mm = (twips: number) => twips / TWIPS_PER_MM;
/** The 版心 of an upright page, in mm from the paper's top left (docs/gbt9704.md §1). */
const BOX = {
  top: mm(MARGIN.top),
  bottom: mm(PAGE_H - MARGIN.bottom),
  left: mm(MARGIN.left),
  right: mm(PAGE_W - MARGIN.right),
};
/** One 3号 character, and one 4号 character (the 空一字 beside a page number), in mm. */
const CHAR_MM = 16 / PT_PER_MM;
const CHAR4_MM = 14 / PT_PER_MM;
/** A line of 3号 text (box height in pt as poppler measures it) and the pitch of 22 lines. */
const BODY_ROW = { min: 17, max: 26 };
const MIN_PITCH_PT = 28.4;
const FULL_WIDTH = /[\u2e80-\uffef]/;
const CJK = /[\u4e00-\u9fff]/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const IMPRINT_LINE = /\d{4}年\d{1,2}月\d{1,2}日印发$/;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

/** Text lines that share a baseline (the cells of a table row, words split by poppler). */
interface Row {
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  height: number;
  text: string;
  parts: PdfLine[];
}

function toMm(l: PdfLine): PdfLine {
  return {
    x0: l.x0 / PT_PER_MM,
    y0: l.y0 / PT_PER_MM,
    x1: l.x1 / PT_PER_MM,
    y1: l.y1 / PT_PER_MM,
    text: l.text,
  };
}

function rowsOf(lines: PdfLine[]): Row[] {
  const sorted = [...lines].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const rows: Row[] = [];
  for (const l of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.y1 - l.y1) < 1.5 / PT_PER_MM) last.parts.push(l);
    else rows.push({ y0: 0, y1: l.y1, x0: 0, x1: 0, height: 0, text: '', parts: [l] });
  }
  for (const r of rows) {
    r.parts.sort((a, b) => a.x0 - b.x0);
    r.y0 = Math.min(...r.parts.map((p) => p.y0));
    r.x0 = Math.min(...r.parts.map((p) => p.x0));
    r.x1 = Math.max(...r.parts.map((p) => p.x1));
    r.height = Math.max(...r.parts.map((p) => p.y1 - p.y0)) * PT_PER_MM;
    r.text = r.parts
      .map((p) => p.text)
      .join('')
      .replace(/\s+/g, '');
  }
  return rows;
}

interface LaidPage {
  index: number;
  upright: boolean;
  /** Rows inside the 版心 (in mm), top to bottom. */
  rows: Row[];
  /** Rows below the 版心: the page number. */
  foot: Row[];
}

function laidPages(pages: PdfPage[]): LaidPage[] {
  return pages.map((p, index) => {
    const upright = p.height >= p.width;
    const bottom = upright ? BOX.bottom : mm(PAGE_W - MARGIN.left);
    const rows = rowsOf(p.lines.map(toMm));
    return {
      index,
      upright,
      rows: rows.filter((r) => r.y0 < bottom - 1),
      foot: rows.filter((r) => r.y0 >= bottom - 1),
    };
  });
}

const isBodyRow = (r: Row) => r.height >= BODY_ROW.min && r.height <= BODY_ROW.max;
const isTableRow = (r: Row) => r.height < BODY_ROW.min;
const at = (p: LaidPage, r?: Row) => `第${p.index + 1}页${r ? `第${p.rows.indexOf(r) + 1}行` : ''}`;
const excerpt = (s: string) => (s.length > 16 ? `${s.slice(0, 8)}…${s.slice(-8)}` : s);

/** A row with gaps between its parts is a table row or a run of cells, not a line of running text. */
function gapped(r: Row): boolean {
  return r.parts.some((p, i) => i > 0 && p.x0 - r.parts[i - 1].x1 > 4);
}

/** Character widths of a text line: a Latin letter or digit counts half (GB/T 9704 3.1: 字 = 汉字宽度). */
function widths(text: string): number {
  let n = 0;
  for (const c of text) n += FULL_WIDTH.test(c) ? 1 : 0.5;
  return n;
}

function checkLines(pages: LaidPage[]): VerifyCheck {
  const problems: string[] = [];
  let most = 0;
  const counts: number[] = [];
  for (const p of pages) {
    if (!p.upright || p.rows.some(isTableRow)) continue;
    const body = p.rows.filter((r) => r.height >= BODY_ROW.min);
    counts.push(body.length);
    if (p.index < pages.length - 1) most = Math.max(most, body.length);
    if (body.length > 22) problems.push(`${at(p)}排了${body.length}行，每面应为22行（GB/T 9704 5.2.3）`);
    for (let i = 1; i < body.length; i++) {
      const pitch = (body[i].y1 - body[i - 1].y1) * PT_PER_MM;
      if (pitch < MIN_PITCH_PT) {
        problems.push(
          `${at(p, body[i])}与上一行的行距只有${pitch.toFixed(1)}磅，应为约28.9磅（版心225毫米排22行）`,
        );
        break;
      }
    }
  }
  if (counts.length > 1 && most > 0 && most < 22)
    problems.push(`正文页最多只排了${most}行，每面应排满22行（GB/T 9704 5.2.3）`);
  return check(
    'render.lines',
    '每面22行',
    problems,
    `正文页行数：${counts.slice(0, 12).join('、')}${counts.length > 12 ? '…' : ''}`,
  );
}

function checkChars(pages: LaidPage[]): VerifyCheck {
  const problems: string[] = [];
  let widest = 0;
  let fullWidthMax = 0;
  for (const p of pages) {
    if (!p.upright) continue;
    for (const r of p.rows) {
      if (!isBodyRow(r) || Math.abs(r.x0 - BOX.left) > 2 || gapped(r) || !CJK.test(r.text)) continue;
      const w = widths(r.text);
      widest = Math.max(widest, w);
      const onlyFull = [...r.text].every((c) => FULL_WIDTH.test(c));
      if (onlyFull && r.x1 > BOX.right - CHAR_MM) fullWidthMax = Math.max(fullWidthMax, w);
      if (w > 28.5) problems.push(`${at(p, r)}排了${w}个字（应为28个）：“${excerpt(r.text)}”`);
    }
  }
  if (fullWidthMax > 0 && fullWidthMax < 28)
    problems.push(`排满的一行只有${fullWidthMax}个字，每行应为28个（GB/T 9704 5.2.3）`);
  return check(
    'render.chars',
    '每行28字',
    problems,
    `最长的一行${widest}字，全为汉字的满行${fullWidthMax}字`,
  );
}

function checkBox(pages: LaidPage[]): VerifyCheck {
  const problems: string[] = [];
  const firstTops: number[] = [];
  for (const p of pages) {
    if (!p.upright || p.rows.length === 0) continue;
    const left = Math.min(...p.rows.map((r) => r.x0));
    const right = Math.max(...p.rows.map((r) => r.x1));
    const bottom = Math.max(...p.rows.map((r) => r.y1));
    const top = p.rows[0].y0;
    if (left < BOX.left - 1) problems.push(`${at(p)}文字左起${left.toFixed(1)}毫米，超出版心（订口28毫米）`);
    if (right > BOX.right + 1)
      problems.push(`${at(p)}文字右至${right.toFixed(1)}毫米，超出版心（右白边26毫米）`);
    if (bottom > BOX.bottom + 1)
      problems.push(`${at(p)}文字下至${bottom.toFixed(1)}毫米，超出版心（下白边35毫米）`);
    if (top < BOX.top - 1)
      problems.push(`${at(p)}第一行上端在${top.toFixed(1)}毫米，进入了天头（应从37毫米处起排）`);
    if (p.index > 0 && isBodyRow(p.rows[0])) firstTops.push(top);
  }
  // A page may begin lower (a chart, a blank line); the highest first line shows where the 版心 starts.
  const highest = Math.min(...firstTops);
  if (firstTops.length && highest > BOX.top + 5)
    problems.push(`正文页第一行最高在${highest.toFixed(1)}毫米处，应在天头37毫米处（版心上边缘）`);
  return check(
    'render.margins',
    '版心（天头37、订口28毫米，156×225毫米）',
    problems.slice(0, 20),
    `${pages.length}页`,
  );
}

function isBlank(p: LaidPage): boolean {
  return p.rows.length === 0;
}

function checkPageNumbers(pages: LaidPage[], imprintPage: number | null): VerifyCheck {
  const problems: string[] = [];
  const last = pages.length - 1;
  // 7.5: a blank page before the 版记 page, and that 版记 page, carry no number.
  const exempt = new Set<number>();
  if (imprintPage === last && last > 0 && isBlank(pages[last - 1])) exempt.add(last).add(last - 1);
  for (const p of pages) {
    if (exempt.has(p.index)) continue;
    if (!p.upright) {
      problems.push(...turnedPageNumber(p));
      continue;
    }
    const numbered = p.foot.find((r) => PAGE_NUMBER.test(r.text));
    if (!numbered) {
      problems.push(`${at(p)}没有页码“— ${p.index + 1} —”（GB/T 9704 7.5）`);
      continue;
    }
    const n = Number(PAGE_NUMBER.exec(numbered.text)?.[1]);
    if (n !== p.index + 1) problems.push(`${at(p)}的页码是${n}，应为${p.index + 1}`);
    const odd = (p.index + 1) % 2 === 1;
    const side = odd ? BOX.right - CHAR4_MM - numbered.x1 : numbered.x0 - BOX.left - CHAR4_MM;
    if (Math.abs(side) > 3)
      problems.push(
        `${at(p)}页码应${odd ? '居右' : '居左'}空一字，现偏差${side.toFixed(1)}毫米（单页码居右、双页码居左）`,
      );
    const below = numbered.y0 - BOX.bottom;
    if (below < 3 || below > 12)
      problems.push(`${at(p)}页码在版心下${below.toFixed(1)}毫米，应约7毫米（GB/T 9704 7.5）`);
  }
  return check('render.page-numbers', '页码（— N —，单右双左）', problems.slice(0, 20), `${pages.length}页`);
}

/**
 * A landscape page (clause 8): the number stays where it is on the upright pages, i.e. at the turned
 * page's right edge, 7 mm beyond the 版心 (its foot, upright), reading upward; at the top end of the
 * 版心 on odd pages (the upright right), at the bottom end on even pages, one 4号 character in.
 */
function turnedPageNumber(p: LaidPage): string[] {
  const foot = mm(PAGE_H - MARGIN.bottom);
  const top = mm(MARGIN.right);
  const bottom = mm(PAGE_W - MARGIN.left);
  // Lines, not rows: the number's line may share a baseline with a table row.
  const numbered = [...p.rows, ...p.foot]
    .flatMap((r) => r.parts)
    .find((l) => l.x0 > foot && PAGE_NUMBER.test(l.text.trim()));
  if (!numbered)
    return [`${at(p)}（横排表格页）没有页码“— ${p.index + 1} —”，应在版心右侧（GB/T 9704 第8章）`];
  const out: string[] = [];
  // Read the number from the same trimmed text that was matched (a word may carry layout spaces).
  const n = Number(PAGE_NUMBER.exec(numbered.text.trim())?.[1]);
  if (n !== p.index + 1) out.push(`${at(p)}的页码是${n}，应为${p.index + 1}`);
  const odd = (p.index + 1) % 2 === 1;
  const side = odd ? numbered.y0 - top - CHAR4_MM : bottom - CHAR4_MM - numbered.y1;
  if (Math.abs(side) > 3)
    out.push(
      `${at(p)}（横排表格页）页码应在版心${odd ? '上' : '下'}端空一字处，现偏差${side.toFixed(1)}毫米`,
    );
  const beyond = numbered.x0 - foot;
  if (beyond < 3 || beyond > 12)
    out.push(`${at(p)}（横排表格页）页码在版心外${beyond.toFixed(1)}毫米，应约7毫米（与竖排页位置一致）`);
  return out;
}

function checkSignaturePage(pages: LaidPage[]): VerifyCheck {
  for (const p of pages) {
    const i = p.rows.findIndex((r) => DATE_LINE.test(r.text) && r.x0 > 80);
    if (i < 0) continue;
    // The line just above the date is the 署名; body text must stand above it on the same page.
    const above = p.rows.slice(0, Math.max(0, i - 1)).filter((r) => r.text.length >= 6);
    const problems = above.length
      ? []
      : [
          `${at(p)}：发文机关署名和成文日期单独成页，上面没有正文（GB/T 9704 7.3.5：应调整行距、字距使其与正文同页）`,
        ];
    return check(
      'render.signature-page',
      '署名、成文日期不单独成页',
      problems,
      `成文日期在第${p.index + 1}页`,
    );
  }
  return check('render.signature-page', '署名、成文日期不单独成页', [], '没有成文日期（不检查）');
}

function imprintOf(pages: LaidPage[]): { page: LaidPage; row: Row } | null {
  let found: { page: LaidPage; row: Row } | null = null;
  for (const p of pages) for (const r of p.rows) if (IMPRINT_LINE.test(r.text)) found = { page: p, row: r };
  return found;
}

function checkImprint(pages: LaidPage[]): VerifyCheck {
  const found = imprintOf(pages);
  if (!found) return check('render.imprint', '版记在最后一面', [], '没有版记（不检查）');
  const { page, row } = found;
  const problems: string[] = [];
  if (page.index !== pages.length - 1)
    problems.push(`版记在第${page.index + 1}页，不是最后一页（共${pages.length}页；GB/T 9704 7.4）`);
  if ((page.index + 1) % 2 !== 0)
    problems.push(`版记在第${page.index + 1}页（单页）；双面印刷时应在偶数页，需要时加一空白页`);
  if (row.y1 < BOX.bottom - 12 || row.y1 > BOX.bottom + 1)
    problems.push(
      `${at(page, row)}“印发”一行下端在${row.y1.toFixed(1)}毫米，版记末条分隔线应与版心下边缘（${BOX.bottom.toFixed(0)}毫米）重合`,
    );
  return check('render.imprint', '版记在最后一面（偶数页）版心下端', problems, `版记在第${page.index + 1}页`);
}

/** Counts of each visible character. */
function tally(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of text) if (!/\s/.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** Where a paragraph of the .docx stops matching the laid-out text: the page, line and the words before. */
function locateLoss(paragraphs: string[], pages: LaidPage[], lost: Set<string>): string[] {
  const flat: { ch: string; page: LaidPage; row: Row }[] = [];
  for (const p of pages) for (const r of p.rows) for (const ch of r.text) flat.push({ ch, page: p, row: r });
  const text = flat.map((f) => f.ch).join('');
  const out: string[] = [];
  for (const para of paragraphs) {
    const t = para.replace(/\s+/g, '');
    if (t.length < 8 || text.includes(t)) continue;
    let lo = 4;
    let hi = t.length - 1;
    if (!text.includes(t.slice(0, lo))) continue;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi + 1) / 2);
      if (text.includes(t.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    if (!lost.has(t[lo])) continue;
    const pos = text.indexOf(t.slice(0, lo)) + lo;
    // The line that holds the last character before the gap.
    const where = flat[Math.min(pos - 1, flat.length - 1)];
    out.push(`${at(where.page, where.row)}：“${t.slice(Math.max(0, lo - 10), lo)}”之后缺“${t[lo]}”`);
    if (out.length >= 10) break;
  }
  return out;
}

function checkTextKept(docxParagraphs: string[], pdf: PdfPage[], pages: LaidPage[]): VerifyCheck {
  const want = tally(docxParagraphs.join(''));
  const got = tally(pdf.map((p) => p.lines.map((l) => l.text).join('')).join(''));
  const lost: string[] = [];
  const lostChars = new Set<string>();
  let n = 0;
  let total = 0;
  for (const [c, k] of want) {
    total += k;
    const missing = k - (got.get(c) ?? 0);
    if (missing > 0) {
      n += missing;
      lost.push(`“${c}”${missing}个`);
      lostChars.add(c);
    }
  }
  const problems = n
    ? [
        `PDF 中少了${n}个字符（${lost.slice(0, 8).join('、')}）`,
        ...locateLoss(docxParagraphs, pages, lostChars),
      ]
    : [];
  return check(
    'render.text-kept',
    'Word 文件的文字全部排出',
    problems,
    `Word 文件共${total}个字符，排版后缺${n}个`,
  );
}

/** Every layout check on the pages LibreOffice laid out; `docxParagraphs` is the text of the .docx body. */
export function verifyLayout(pdf: PdfPage[], docxParagraphs: string[]): VerifyCheck[] {
  const pages = laidPages(pdf);
  const imprint = imprintOf(pages);
  return [
    checkLines(pages),
    checkChars(pages),
    checkBox(pages),
    checkPageNumbers(pages, imprint ? imprint.page.index : null),
    checkSignaturePage(pages),
    checkImprint(pages),
    checkTextKept(docxParagraphs, pdf, pages),
  ];
}
