/**
 * Page numbers (GB/T 9704 7.5): "— N —" in 4号 半角宋体, odd pages 居右空一字, even pages 居左空一字,
 * about 7 mm below the 版心. On a landscape table page (clause 8) the number stays where it is on the
 * upright pages: the turned page's right edge is the foot of the upright page (the margins turn the
 * same way, src/docx/report.ts), so the number stands there, reading from bottom to top, at the end
 * of the 版心 that is the upright page's right (odd pages) or left (even pages).
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  FOOTER_DISTANCE,
  MARGIN,
  PAGE_H,
  PAGE_NUMBER_INDENT,
  PAGE_W,
  SIZE_4,
  type FontSet,
} from '../core/report/layout.js';

function numberRuns(fonts: FontSet): TextRun[] {
  const font = { ascii: fonts.song, hAnsi: fonts.song, eastAsia: fonts.song, cs: fonts.song };
  return [
    new TextRun({ text: '— ', font, size: SIZE_4 }),
    new TextRun({ children: [PageNumber.CURRENT], font, size: SIZE_4 }),
    new TextRun({ text: ' —', font, size: SIZE_4 }),
  ];
}

/** The footer of an upright page. */
export function pageNumberFooter(fonts: FontSet, odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: numberRuns(fonts),
      }),
    ],
  });
}

/** Height of the number's box on the turned page (its length along the edge) and its width (one line). */
const BOX_LONG = 1700;
const BOX_SHORT = 400;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * The footer of a landscape page: the number in a one-cell floating table in the right margin, its
 * text turned (btLr). Upright, the dash sits 7 mm below the 版心 (FOOTER_DISTANCE above the paper
 * edge); turned, that is the same distance from the right edge. Odd pages: the number ends one 4号
 * character below the top of the 版心 (the upright right edge); even pages: it starts one character
 * above the bottom of the 版心 (the upright left edge).
 */
export function landscapePageNumberFooter(fonts: FontSet, odd: boolean): Footer {
  // Landscape: page width PAGE_H, height PAGE_W; margins top = upright right, bottom = upright left.
  const x = PAGE_H - FOOTER_DISTANCE - BOX_SHORT;
  const y = odd ? MARGIN.right + PAGE_NUMBER_INDENT : PAGE_W - MARGIN.left - PAGE_NUMBER_INDENT - BOX_LONG;
  const cell = new TableCell({
    width: { size: BOX_SHORT, type: WidthType.DXA },
    textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    children: [
      new Paragraph({
        // btLr: the paragraph runs up the cell; "right" is its top end, "left" its bottom end.
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: numberRuns(fonts),
      }),
    ],
  });
  const table = new Table({
    rows: [new TableRow({ height: { value: BOX_LONG, rule: HeightRule.EXACT }, children: [cell] })],
    width: { size: BOX_SHORT, type: WidthType.DXA },
    columnWidths: [BOX_SHORT],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: x,
      absoluteVerticalPosition: y,
    },
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
  });
  return new Footer({ children: [table, new Paragraph({ children: [] })] });
}
