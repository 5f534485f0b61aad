/**
 * The 版头 (GB/T 9704 7.2): 份号, 密级, 紧急程度 at the top left; the red 发文机关标志 with its top edge
 * 35 mm below the 版心's; two lines below it the 发文字号 (left, 空一字) and the 签发人 (right, 空一字)
 * of a report sent upward; a red rule as wide as the 版心 4 mm below the 发文字号. The title follows
 * two lines below the rule. Heights are exact, so every position is known without laying the page out;
 * docs/gbt9704.md §9 gives the arithmetic and `luoshi report --verify` measures the result.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import type { ReportLetterhead } from '../core/report/model.js';
import {
  CHAR_3,
  LINE_PITCH,
  MASTHEAD_MARK_TOP,
  MASTHEAD_RULE_GAP,
  SIZE_3,
  TEXT_W,
  TWIPS_PER_MM,
  type FontSet,
} from '../core/report/layout.js';
import { fullWidthPunctuation } from '../core/report/punctuation.js';

/** The red of the 标志 and the rule (GB/T 9704 5.2.4: red only there). */
export const MASTHEAD_RED = 'FF0000';

/** Largest 标志 size (half-points): 36 pt, a common choice for a one-line 标志. */
const MARK_MAX = 72;
const MARK_MIN = 44;

/** Width in full-width characters (ASCII counts half). */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** The 标志's size: as large as fits on one line of the 版心 with a little room, at most 36 pt. */
export function markSize(mark: string): number {
  const fit = Math.floor((TEXT_W * 0.94) / widthOf(mark) / 10);
  return Math.max(MARK_MIN, Math.min(MARK_MAX, fit - (fit % 2)));
}

/**
 * Line height of the 标志 (twips). LibreOffice and Word put an exact line's extra height above the
 * glyphs, so the glyph box sits at the foot of the line: its top is the line's bottom less the size.
 */
function markLine(size: number): number {
  return Math.round(size * 10 * 1.25);
}

/**
 * Measured with LibreOffice (docs/gbt9704.md §9): the 标志's ink stands about 0.9 mm higher than a glyph
 * box at the foot of its line would, and the ink of 3号 text in an exact 579-twip line ends about 1.7 mm
 * above the line’s foot. The spacers allow for both, so the measured edges land where GB/T 9704 puts them.
 */
const MARK_RISE_MM = 0.9;
const TEXT_FOOT_MM = 1.7;

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function line(children: TextRun[], opts: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) {
  return new Paragraph({ spacing: exact(LINE_PITCH), ...opts, children });
}

function text(s: string, font: string, fonts: FontSet, extra: { size?: number; color?: string } = {}) {
  return new TextRun({
    // Off the grid: a large 标志 would otherwise take two grid lines (as the 2号 title would).
    ...(extra.size ? { snapToGrid: false } : {}),
    text: fullWidthPunctuation(s),
    font: { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, eastAsia: font, hint: 'eastAsia' },
    size: extra.size ?? SIZE_3,
    ...(extra.color ? { color: extra.color } : {}),
  });
}

/** The paragraphs of the 版头, ending with the rule; the caller leaves two blank lines before the title. */
export function mastheadParagraphs(head: ReportLetterhead, fonts: FontSet): Paragraph[] {
  const out: Paragraph[] = [];
  if (head.copyNumber) out.push(line([text(head.copyNumber, fonts.body, fonts)]));
  if (head.secrecy) out.push(line([text(head.secrecy, fonts.hei, fonts)]));
  if (head.urgency) out.push(line([text(head.urgency, fonts.hei, fonts)]));
  const size = markSize(head.mark);
  const markH = markLine(size);
  // The 标志's glyph top (line top + line height − size, less the rise) 35 mm below the 版心 top.
  const above = out.length * LINE_PITCH;
  const gap = Math.round((MASTHEAD_MARK_TOP + MARK_RISE_MM) * TWIPS_PER_MM) - above - (markH - size * 10);
  if (gap > 0) out.push(new Paragraph({ spacing: exact(gap), children: [] }));
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(markH),
      children: [text(head.mark, fonts.title, fonts, { size, color: MASTHEAD_RED })],
    }),
  );
  // 标志下空二行: the 发文字号 line is the third line below the 标志.
  out.push(line([]), line([]));
  const runs: TextRun[] = [];
  if (head.docNumber) runs.push(text(head.docNumber, fonts.body, fonts));
  if (head.signer) {
    runs.push(text('\t签发人：', fonts.body, fonts), text(head.signer, fonts.kai, fonts));
  }
  out.push(
    head.signer
      ? line(runs, {
          indent: { left: CHAR_3, right: CHAR_3 },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - CHAR_3 }],
        })
      : line(runs, { alignment: AlignmentType.CENTER }),
  );
  // The rule: the bottom border of an empty paragraph whose height puts it 4 mm below the 发文字号.
  out.push(
    new Paragraph({
      spacing: exact(Math.round((MASTHEAD_RULE_GAP - TEXT_FOOT_MM) * TWIPS_PER_MM)),
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: MASTHEAD_RED, space: 0 } },
      children: [],
    }),
  );
  return out;
}
