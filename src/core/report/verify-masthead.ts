/**
 * The 版头 as laid out (GB/T 9704 7.2, docs/gbt9704.md §9): the red 发文机关标志 with its top edge 35 mm
 * below the 版心's, centred; the 发文字号 two lines below it (居左空一字 with the 签发人 居右空一字 on the
 * same line for a report sent upward, else centred); a red rule as wide as the 版心 4 mm below the
 * 发文字号; the title two lines below the rule. Measured on the first page: text boxes from pdftotext,
 * glyph edges and the red ink from the page's pixels. Pure.
 */
import { MARGIN, MASTHEAD_MARK_TOP, MASTHEAD_RULE_GAP, PAGE_W, TWIPS_PER_MM } from './layout.js';
import { PT_PER_MM, type PdfPage } from './pdf-layout.js';
import { inkRows, type Raster } from './raster.js';
import { check, type VerifyCheck } from './verify-types.js';

const mm = (twips: number) => twips / TWIPS_PER_MM;
const BOX = { top: mm(MARGIN.top), left: mm(MARGIN.left), right: mm(PAGE_W - MARGIN.right) };
const CENTRE = (BOX.left + BOX.right) / 2;
const CHAR_MM = 16 / PT_PER_MM;
/** One line of 3号 text at 22 lines a page. */
const LINE_MM = mm(579);
const TOLERANCE = 1.5;
const DOC_NUMBER = /〔\d{4}〕[1-9]\d*号/;

const fmt = (n: number) => n.toFixed(1);

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

function boxes(page: PdfPage): Box[] {
  return page.lines.map((l) => ({
    x0: l.x0 / PT_PER_MM,
    y0: l.y0 / PT_PER_MM,
    x1: l.x1 / PT_PER_MM,
    y1: l.y1 / PT_PER_MM,
    text: l.text.replace(/\s+/g, ''),
  }));
}

/** The dark glyph edges inside a text box: top, bottom (mm). */
function glyphEdges(r: Raster, b: Box): { top: number; bottom: number } | null {
  const rows = inkRows(r, 'dark', { x0: b.x0, x1: b.x1, y0: b.y0 - 1, y1: b.y1 + 1 });
  // A row's y is its top; the ink reaches the row's foot.
  return rows.length ? { top: rows[0].y, bottom: rows[rows.length - 1].y + 1 / r.perMm } : null;
}

/**
 * Check the 版头 of the first page; `expected` says whether the .docx has one (red text in it).
 * Without one there is nothing to measure.
 */
export function verifyMasthead(
  page: PdfPage | undefined,
  raster: Raster | null,
  expected: boolean,
): VerifyCheck {
  const name = '版头（发文机关标志、发文字号、签发人、红色分隔线）';
  if (!expected) return check('render.masthead', name, [], '没有版头（不检查）');
  if (!page || !raster) return check('render.masthead', name, ['没有排出第1页，无法检查版头'], '');
  const problems: string[] = [];
  const red = inkRows(raster, 'red');
  const ruleRows = red.filter((r) => r.length > 150);
  const markRows = red.filter((r) => r.length <= 150 && (!ruleRows.length || r.y < ruleRows[0].y));
  if (!markRows.length) problems.push('第1页没有红色的发文机关标志（GB/T 9704 7.2.4：推荐红色小标宋体字）');
  if (!ruleRows.length) problems.push('第1页没有与版心等宽的红色分隔线（GB/T 9704 7.2.7）');
  const summary: string[] = [];
  const wantMark = BOX.top + MASTHEAD_MARK_TOP;
  if (markRows.length) {
    const top = markRows[0].y;
    const x0 = Math.min(...markRows.map((r) => r.x0));
    const x1 = Math.max(...markRows.map((r) => r.x1));
    summary.push(`标志上边缘距版心上边缘${fmt(top - BOX.top)}毫米`);
    if (Math.abs(top - wantMark) > TOLERANCE)
      problems.push(
        `发文机关标志上边缘距版心上边缘${fmt(top - BOX.top)}毫米，应为${MASTHEAD_MARK_TOP}毫米（GB/T 9704 7.2.4）`,
      );
    if (Math.abs((x0 + x1) / 2 - CENTRE) > 2) problems.push('发文机关标志没有居中（GB/T 9704 7.2.4）');
  }
  const all = boxes(page);
  const numberBox = all.find((b) => DOC_NUMBER.test(b.text));
  const signerBox = all.find((b) => b.text.startsWith('签发人'));
  const anchor = numberBox ?? signerBox;
  if (!anchor) problems.push('版头中没有发文字号（如“吉发改报〔2025〕12号”）或签发人');
  const ruleY = ruleRows.length ? ruleRows[0].y : null;
  if (ruleRows.length) {
    const r = ruleRows[0];
    if (Math.abs(r.x0 - BOX.left) > 1 || Math.abs(r.x1 - BOX.right) > 1)
      problems.push(
        `红色分隔线从${fmt(r.x0)}毫米到${fmt(r.x1)}毫米，应与版心等宽（${fmt(BOX.left)}—${fmt(BOX.right)}毫米）`,
      );
  }
  if (anchor) {
    const glyph = glyphEdges(raster, anchor);
    if (glyph && markRows.length) {
      // 标志下空二行: the 发文字号 is on the third line below the 标志, two empty lines between.
      const gap = glyph.top - markRows[markRows.length - 1].y;
      if (gap < 1.5 * LINE_MM || gap > 3.2 * LINE_MM)
        problems.push(`发文字号与发文机关标志相距${fmt(gap)}毫米，应在标志下空二行（GB/T 9704 7.2.5）`);
    }
    if (glyph && ruleY !== null) {
      const below = ruleY - glyph.bottom;
      summary.push(`分隔线在发文字号下${fmt(below)}毫米`);
      if (Math.abs(below - MASTHEAD_RULE_GAP) > TOLERANCE)
        problems.push(
          `红色分隔线在发文字号之下${fmt(below)}毫米，应为${MASTHEAD_RULE_GAP}毫米（GB/T 9704 7.2.7）`,
        );
    }
    if (signerBox) {
      if (numberBox && Math.abs(numberBox.x0 - BOX.left - CHAR_MM) > TOLERANCE)
        problems.push('上行文的发文字号应居左空一字（GB/T 9704 7.2.5）');
      if (Math.abs(BOX.right - CHAR_MM - signerBox.x1) > TOLERANCE)
        problems.push('签发人应居右空一字（GB/T 9704 7.2.6）');
      if (numberBox && Math.abs(numberBox.y1 - signerBox.y1) > 1)
        problems.push('发文字号应与签发人姓名处在同一行（GB/T 9704 7.2.5）');
    } else if (numberBox && Math.abs((numberBox.x0 + numberBox.x1) / 2 - CENTRE) > 2) {
      problems.push('发文字号应居中（GB/T 9704 7.2.5）');
    }
  }
  if (ruleY !== null) {
    const title = all.filter((b) => b.y0 > ruleY).sort((a, b) => a.y0 - b.y0)[0];
    const glyph = title ? glyphEdges(raster, title) : null;
    if (glyph) {
      // 红色分隔线下空二行: the title's line is the third below the rule.
      const gap = glyph.top - ruleY;
      if (gap < 1.5 * LINE_MM || gap > 3.2 * LINE_MM)
        problems.push(`标题与红色分隔线相距${fmt(gap)}毫米，应在分隔线下空二行（GB/T 9704 7.3.1）`);
    }
  }
  return check('render.masthead', name, problems, summary.join('，') || '版头');
}
