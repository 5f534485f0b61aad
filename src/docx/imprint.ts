/**
 * The 版记 (GB/T 9704 7.4): 抄送 and 印发 between a thick first and last rule, 4号仿宋, 左右各空一字, its
 * last rule on the bottom edge of the 版心 of the last page, an even one.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  type TextRun,
  WidthType,
} from 'docx';
import type { ReportModel } from '../core/report/model.js';
import { LINE_PITCH, SIZE_4, TEXT_H, TEXT_W, type FontSet } from '../core/report/layout.js';
import { blank, charWidth, run } from './runs.js';

/** The 版记 (GB/T 9704 7.4): 抄送 and 印发 rows between a thick first and last rule, 4号仿宋, 左右各空一字. */
export function imprintTable(model: ReportModel, fonts: FontSet): Table | null {
  const c = model.config.colophon;
  if (!c) return null;
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const para = (children: TextRun[], opts: { right?: boolean; hanging?: number } = {}) =>
    new Paragraph({
      alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: opts.hanging
        ? { left: 280 + opts.hanging, hanging: opts.hanging, right: 280 }
        : { left: 280, right: 280 },
      children,
    });
  const r = (text: string) => run(text, fonts, { font: fonts.body, size: SIZE_4, spacing: false });
  const rows: TableRow[] = [];
  const cellOpts = {
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    width: { size: TEXT_W, type: WidthType.DXA },
  };
  const n = (c.copyTo.length ? 1 : 0) + (c.printer || c.printDate ? 1 : 0);
  let i = 0;
  const border = (idx: number) => ({
    top: idx === 0 ? thick : thin,
    bottom: idx === n - 1 ? thick : none,
    left: none,
    right: none,
  });
  if (c.copyTo.length) {
    const text = `${c.copyTo.join('，')}。`.replace(/。。$/, '。');
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          new TableCell({
            ...cellOpts,
            borders: border(i++),
            children: [para([r('抄送：'), r(text)], { hanging: 3 * 280 })],
          }),
        ],
      }),
    );
  }
  if (c.printer || c.printDate) {
    const left = c.printer ?? '';
    const right = c.printDate ? `${formatDate(c.printDate)}印发` : '';
    rows.push(
      new TableRow({
        tableHeader: rows.length === 0,
        cantSplit: true,
        children: [
          new TableCell({
            ...cellOpts,
            borders: border(i),
            children: [
              new Paragraph({
                spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                indent: { left: 280, right: 280 },
                tabStops: [{ type: 'right', position: TEXT_W - 280 }],
                children: [r(left), r(`\t${right}`)],
              }),
            ],
          }),
        ],
      }),
    );
  }
  if (!rows.length) return null;
  return new Table({
    rows,
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: [TEXT_W],
    layout: TableLayoutType.FIXED,
  });
}

/** Lines the 版记 takes: the 抄送 wrapped at its 4号 width between the indents, and the 印发 line. */
function imprintLines(model: ReportModel): number {
  const c = model.config.colophon;
  if (!c) return 0;
  const perLine = Math.floor((TEXT_W - 2 * 280 - 3 * 280) / 280);
  const copyText = c.copyTo.length ? `${c.copyTo.join('，')}。` : '';
  return (copyText ? Math.ceil(charWidth(copyText) / perLine) : 0) + (c.printer || c.printDate ? 1 : 0);
}

/** Rules of the 版记 (0.35 + 0.25 + 0.35 mm) and the closing paragraph, in twips; and a little slack. */
const IMPRINT_RULES = 55;
export const IMPRINT_TAIL = 20;
const IMPRINT_SLACK = 230;

/** Height (twips) the 版记 needs at the foot of a page, slack included. */
export function imprintHeight(model: ReportModel): number {
  return imprintLines(model) * LINE_PITCH + IMPRINT_RULES + IMPRINT_TAIL + IMPRINT_SLACK;
}

/**
 * Empty lines above the 版记, so that its last rule lies on the bottom edge of the 版心 (GB/T 9704
 * 7.4.1): `room` is the height left on the page (the whole 版心 when the 版记 has a page of its own;
 * what the host measured below the last text otherwise).
 */
export function imprintSpacer(model: ReportModel, room: number = TEXT_H): Paragraph[] {
  const free = room - imprintHeight(model);
  const full = Math.max(0, Math.floor(free / LINE_PITCH));
  const rest = free - full * LINE_PITCH;
  const out = Array.from({ length: full }, () => blank());
  if (rest >= 20)
    out.push(
      new Paragraph({
        spacing: { line: rest, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [],
      }),
    );
  return out;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
