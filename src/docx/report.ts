/**
 * Blocks + ReportModel → .docx bytes in GB/T 9704-2012 layout, with the `docx` library.
 * All text reaches Word as run text (never markup). Geometry and fonts come from layout.ts;
 * the choices behind them are in ../shared/research/gbt9704.md (beside the project).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Block, ChartName } from '../core/report/blocks.js';
import type { ReportModel, TableData } from '../core/report/model.js';
import { buildChartSvg, chartSize } from '../core/report/chart.js';
import {
  CHAR_3,
  CHAR_SPACING,
  FONT_PROFILES,
  FOOTER_DISTANCE,
  LANDSCAPE_TEXT_W,
  LINE_PITCH,
  MARGIN,
  PAGE_H,
  PAGE_W,
  SIZE_2,
  SIZE_3,
  SIZE_4,
  SIZE_5,
  TABLE_LINE,
  LANDSCAPE_TABLE_LINE,
  TEXT_W,
  type FontSet,
} from '../core/report/layout.js';
import { LABELLED, headingLabel } from '../core/report/numerals.js';
import { LuoshiError } from '../core/errors.js';
import { fullWidthPunctuation } from '../core/report/punctuation.js';
import { breakTitle } from '../core/report/title-lines.js';
import { finishPackage } from './package.js';
import { mastheadParagraphs } from './masthead.js';
import { landscapePageNumberFooter, pageNumberFooter } from './page-number.js';
import { IMPRINT_TAIL, imprintSpacer, imprintTable } from './imprint.js';
import { blank, charWidth, exactLine, exactly, run } from './runs.js';

export interface RenderOptions {
  /** SVG → PNG for charts; without it a ::chart block is refused. */
  chartPng?: (svg: string, width: number, height: number) => Promise<Uint8Array>;
  /**
   * A blank page before the 版记 page: set by the host when the text ends on a full even page
   * (GB/T 9704 7.4.1: the 版记 is on the last page, an even one). Neither page is numbered (7.5).
   */
  blankBeforeImprint?: boolean;
  /**
   * Twips left below the text on its last page when that page is even and the 版记 fits there (as the
   * host measured the laid-out document): the 版记 goes to the foot of that page.
   */
  imprintRoom?: number;
}

type Child = Paragraph | Table;

/**
 * Blocks kept on the page of the 署名 and 成文日期 (GB/T 9704 7.3.5: never alone on a page): from the
 * second-last body paragraph before the signature on, so that a page break comes earlier instead.
 */
function keptWithSignature(blocks: Block[]): Set<number> {
  const sig = blocks.findIndex((b) => b.kind === 'signature');
  const kept = new Set<number>();
  if (sig < 0) return kept;
  let paragraphs = 0;
  for (let i = sig - 1; i >= 0 && paragraphs < 2; i--) {
    const k = blocks[i].kind;
    if (k === 'heading' || k === 'table' || k === 'chart' || k === 'attachment') break;
    kept.add(i);
    if (k === 'paragraph') paragraphs++;
  }
  return kept;
}

/** Unsealed 署名/日期 (GB/T 9704 7.3.5.2): 署名 右空二字; the date starts two characters right of the 署名. */
function signatureIndents(name: string, date: string): { name: number; date: number } {
  const n = charWidth(name);
  const d = charWidth(date);
  let rName = 2;
  let rDate = n - d;
  if (rDate < 2) {
    rDate = 2;
    rName = rDate + d + 2 - n;
  }
  return { name: Math.round(rName * CHAR_3), date: Math.round(rDate * CHAR_3) };
}

interface TableLayout {
  widths: number[];
  size: number;
  landscape: boolean;
}

/** Small cell margins (about 0.5 mm) keep rows compact. */
const CELL_MARGIN = 30;
/** Twips a column needs beyond its text: both cell margins and the rules. */
const CELL_EXTRA = 2 * CELL_MARGIN + 30;
const SIZE_SMALL_5 = 18;

/** Twips a character of a font size (half-points) takes. */
const charTw = (size: number) => size * 10;

/** Width of the widest cell of a column, in characters. */
function naturalWidth(t: TableData, i: number): number {
  let w = 0;
  for (const r of t.rows) w = Math.max(w, charWidth(r[i] ?? ''));
  return w;
}

/** Whether a table is too wide for an upright page even at 小五 with every column at its minimum. */
function tooWideForPortrait(t: TableData): boolean {
  return t.columns.reduce((a, c) => a + c.min * charTw(SIZE_SMALL_5) + CELL_EXTRA, 0) > TEXT_W;
}

/**
 * Column widths (twips, summing exactly to the text width) and a font size. Each column gets its
 * widest cell within its [min, max]; when that is too much, the columns that may shrink give way
 * toward their minimum; spare width goes to the columns with weight (the long texts).
 */
function tableLayout(
  t: TableData,
  orientation: 'auto' | 'portrait' | 'landscape',
  inAttachment: boolean,
): TableLayout {
  const landscape =
    inAttachment && (orientation === 'landscape' || (orientation === 'auto' && tooWideForPortrait(t)));
  const total = landscape ? LANDSCAPE_TEXT_W : TEXT_W;
  // 5号 (or 小五 for many columns): compact rows, one line each where the texts allow (docs/gbt9704.md §6).
  const sizes = [SIZE_5, SIZE_SMALL_5];
  const minSum = (size: number) => t.columns.reduce((a, c) => a + c.min * charTw(size) + CELL_EXTRA, 0);
  const size = sizes.find((sz) => minSum(sz) <= total) ?? SIZE_SMALL_5;
  const avail = (total - t.columns.length * CELL_EXTRA) / charTw(size);
  const w = t.columns.map((c, i) => Math.min(c.max, Math.max(c.min, naturalWidth(t, i))));
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum > avail) {
    // Every column that may shrink gives way in proportion to what it has above its minimum.
    let deficit = sum - avail;
    const give = w.map((x, i) => x - t.columns[i].min);
    const room = give.reduce((a, b) => a + b, 0);
    const cut = Math.min(1, deficit / (room || 1));
    for (let i = 0; i < w.length; i++) w[i] = w[i] - give[i] * cut;
    deficit -= room * cut;
    if (deficit > 0)
      for (let i = 0; i < w.length; i++)
        w[i] = (t.columns[i].min * avail) / t.columns.reduce((a, c) => a + c.min, 0);
  } else if (sum < avail) {
    const weight = t.columns.reduce((a, c) => a + c.weight, 0);
    for (let i = 0; i < w.length; i++)
      w[i] = w[i] + (weight ? (t.columns[i].weight / weight) * (avail - sum) : (avail - sum) / w.length);
  }
  const widths = w.map((x) => Math.floor(x * charTw(size) + CELL_EXTRA));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return { widths, size, landscape };
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Paragraph style ids (styles are defined once in the document, so each paragraph only names one). */
const STYLE = {
  body: 'LuoshiBody',
  h: ['LuoshiH1', 'LuoshiH2', 'LuoshiH3', 'LuoshiH4'],
  cell: 'LuoshiCell',
  cellHead: 'LuoshiCellHead',
} as const;

function buildTable(t: TableData, layout: TableLayout): Table {
  const aligns = t.columns.map((col, i) =>
    // The first column is centred so that no table line starts at the text edge, where body lines are measured.
    i === 0 || col.align === 'center'
      ? AlignmentType.CENTER
      : col.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT,
  );
  const cell = (text: string, i: number, header: boolean, bold = false) =>
    new TableCell({
      width: { size: layout.widths[i], type: WidthType.DXA },
      children: [
        new Paragraph({
          style: header ? STYLE.cellHead : STYLE.cell,
          // 22 lines to the turned page's 版心, as to an upright one (GB/T 9704 5.2.3, clause 8).
          ...(layout.landscape ? { spacing: exactly(LANDSCAPE_TABLE_LINE) } : {}),
          alignment: header ? AlignmentType.CENTER : aligns[i],
          children: text ? [new TextRun({ text: fullWidthPunctuation(text), size: layout.size, bold })] : [],
        }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.columns.map((c, i) => cell(c.header, i, true)),
    }),
    // Rows may split across pages, so that no page is left half empty before a tall row.
    ...t.rows.map(
      (r, ri) =>
        new TableRow({
          children: r.map((v, i) => cell(v, i, false, t.emphasis?.[ri]?.[i] === true)),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: layout.widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: layout.widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
  });
}

/** The styles every paragraph refers to: body, the four heading levels, table text. */
function paragraphStyles(fonts: FontSet) {
  const font = (f: string) => ({
    ascii: fonts.latin,
    hAnsi: fonts.latin,
    cs: fonts.latin,
    eastAsia: f,
    hint: 'eastAsia',
  });
  // Table text: one face for Latin and Chinese alike keeps all cells of a row on one baseline.
  const single = (f: string) => ({ ascii: f, hAnsi: f, cs: f, eastAsia: f, hint: 'eastAsia' });
  // overflowPunct written out: without it LibreOffice squeezes a closing mark that would be a line's 29th
  // character out of sight; with it, it moves the character before the mark down (docs/gbt9704.md §3).
  const text = {
    alignment: AlignmentType.BOTH,
    indent: { firstLine: 2 * CHAR_3 },
    spacing: exactLine,
    overflowPunctuation: true,
  };
  const cell = { spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
  return [
    {
      id: STYLE.body,
      name: 'Luoshi Body',
      paragraph: text,
      run: { font: font(fonts.body), size: SIZE_3, characterSpacing: CHAR_SPACING },
    },
    ...[fonts.hei, fonts.kai, fonts.body, fonts.body].map((f, i) => ({
      id: STYLE.h[i],
      name: `Luoshi Heading ${i + 1}`,
      paragraph: { ...text, keepNext: true, outlineLevel: i },
      run: {
        font: font(f),
        size: SIZE_3,
        characterSpacing: CHAR_SPACING,
        bold: false,
        italics: false,
        color: '000000',
      },
    })),
    { id: STYLE.cell, name: 'Luoshi Table', paragraph: cell, run: { font: single(fonts.body) } },
    { id: STYLE.cellHead, name: 'Luoshi Table Header', paragraph: cell, run: { font: single(fonts.hei) } },
  ];
}

interface SectionDraft {
  landscape: boolean;
  /** The 版记 section: starts on an even page, its content at the foot of the 版心 (GB/T 9704 7.4.1). */
  imprint?: boolean;
  /** The blank page before the 版记 and the 版记 page after it (GB/T 9704 7.5). */
  unnumbered?: boolean;
  children: Child[];
}

/** Render the report. Blocks come from the template; tables and charts are filled from the model. */
export async function renderReportDocx(
  model: ReportModel,
  blocks: Block[],
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const fonts = FONT_PROFILES[model.config.fonts];
  const body = (text: string, keepNext = false) =>
    new Paragraph({
      style: STYLE.body,
      keepNext,
      children: [new TextRun(fullWidthPunctuation(text))],
    });
  const kept = keptWithSignature(blocks);

  const sections: SectionDraft[] = [{ landscape: false, children: [] }];
  const current = () => sections[sections.length - 1];
  const counters = [0, 0, 0, 0];
  const attachments = blocks.filter(
    (b): b is Extract<Block, { kind: 'attachment' }> => b.kind === 'attachment',
  );
  let attachmentNo = 0;
  let pendingBreak = false;
  let sawBody = false;

  const push = (c: Child) => current().children.push(c);
  if (model.letterhead) {
    // 红色分隔线下空二行: the title stands on the third line below the rule (GB/T 9704 7.3.1).
    for (const p of mastheadParagraphs(model.letterhead, fonts)) push(p);
    push(blank());
    push(blank());
  }

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    switch (b.kind) {
      case 'title': {
        const children: TextRun[] = [];
        const lines = b.lines.length === 1 ? breakTitle(b.lines[0]) : b.lines;
        lines.forEach((line, i) => {
          children.push(
            new TextRun({
              text: line,
              break: i > 0 ? 1 : 0,
              font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.title, hint: 'eastAsia' },
              size: SIZE_2,
              snapToGrid: false,
            }),
          );
        });
        // Off the grid: LibreOffice would give each 2号 line two grid lines despite the exact spacing.
        push(
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, keepNext: true, children }),
        );
        push(blank());
        break;
      }
      case 'to':
        push(
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: exactLine,
            children: [run(b.text, fonts, { font: fonts.body })],
          }),
        );
        break;
      case 'heading': {
        counters[b.level - 1]++;
        for (let l = b.level; l < 4; l++) counters[l] = 0;
        const text = LABELLED.test(b.text)
          ? b.text
          : `${headingLabel(b.level, counters[b.level - 1])}${b.text}`;
        push(
          new Paragraph({
            style: STYLE.h[b.level - 1],
            children: [new TextRun(fullWidthPunctuation(text))],
          }),
        );
        break;
      }
      case 'paragraph':
        sawBody = true;
        push(body(b.text, kept.has(bi)));
        break;
      case 'note':
        push(
          new Paragraph({
            spacing: exactLine,
            indent: { firstLine: 2 * CHAR_3 },
            children: [run(`（${b.text.replace(/^[（(]|[）)]$/g, '')}）`, fonts, { font: fonts.body })],
          }),
        );
        break;
      case 'attachments': {
        if (!attachments.length) break;
        const keep = kept.has(bi);
        push(blank(keep));
        const label = '附件：';
        const hang = charWidth(label) * CHAR_3;
        if (attachments.length === 1) {
          push(
            new Paragraph({
              spacing: exactLine,
              keepNext: keep,
              indent: { left: 2 * CHAR_3 + hang, hanging: hang },
              children: [run(`${label}${attachments[0].title}`, fonts, { font: fonts.body })],
            }),
          );
        } else {
          attachments.forEach((a, i) => {
            const item = `${i + 1}.${a.title}`;
            const itemHang = charWidth(`${i + 1}.`) * CHAR_3;
            push(
              new Paragraph({
                spacing: exactLine,
                keepNext: keep,
                indent:
                  i === 0
                    ? { left: 2 * CHAR_3 + hang + itemHang, hanging: hang + itemHang }
                    : { left: 2 * CHAR_3 + hang + itemHang, hanging: itemHang },
                children: [run(i === 0 ? `${label}${item}` : item, fonts, { font: fonts.body })],
              }),
            );
          });
        }
        break;
      }
      case 'signature': {
        const next = blocks[bi + 1];
        const dateText = next && next.kind === 'date' ? next.text : '';
        const ind = signatureIndents(b.text, dateText);
        push(blank(true));
        push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: ind.name },
            keepNext: true,
            children: [run(b.text, fonts, { font: fonts.body })],
          }),
        );
        if (next && next.kind === 'date') {
          push(
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: exactLine,
              indent: { right: ind.date },
              children: [run(next.text, fonts, { font: fonts.body })],
            }),
          );
          bi++;
        }
        break;
      }
      case 'date':
        push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: 4 * CHAR_3 },
            children: [run(b.text, fonts, { font: fonts.body })],
          }),
        );
        break;
      case 'attachment': {
        attachmentNo++;
        counters.fill(0);
        // Look ahead: a wide table turns this attachment's section to landscape.
        let landscape = false;
        for (let j = bi + 1; j < blocks.length && blocks[j].kind !== 'attachment'; j++) {
          const nb = blocks[j];
          if (nb.kind === 'table') {
            const t = model.tables[nb.name];
            if (t && tableLayout(t, model.config.attachmentOrientation, true).landscape) landscape = true;
          }
        }
        const label = attachments.length > 1 ? `附件${attachmentNo}` : '附件';
        const labelPara = (breakBefore: boolean) =>
          new Paragraph({
            spacing: exactLine,
            pageBreakBefore: breakBefore,
            keepNext: true,
            children: [run(label, fonts, { font: fonts.hei })],
          });
        if (landscape || current().landscape) {
          sections.push({ landscape, children: [labelPara(false)] });
        } else {
          push(labelPara(true));
        }
        push(blank());
        push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exactLine,
            keepNext: true,
            children: [
              new TextRun({
                text: b.title,
                font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.title, hint: 'eastAsia' },
                size: SIZE_2,
                snapToGrid: false,
              }),
            ],
          }),
        );
        pendingBreak = false;
        break;
      }
      case 'subtitle':
        push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exactLine,
            keepNext: true,
            children: [run(b.text, fonts, { font: fonts.kai })],
          }),
        );
        break;
      case 'table': {
        const t = model.tables[b.name];
        if (!t) throw new LuoshiError('report-table', `报告中没有“${b.name}”的数据`);
        if (t.rows.length === 0) {
          push(body('（无）'));
          break;
        }
        // The section's orientation was settled when the attachment began; size the table to it.
        const layout = tableLayout(t, current().landscape ? 'landscape' : 'portrait', current().landscape);
        if (t.note) {
          push(
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: exactLine,
              keepNext: true,
              children: [run(t.note, fonts, { font: fonts.body, size: SIZE_4, spacing: false })],
            }),
          );
        }
        push(buildTable(t, layout));
        if (t.footnote) push(body(t.footnote));
        break;
      }
      case 'chart':
        push(await chartParagraph(model, b.name, options));
        push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exactLine,
            children: [
              run(`图\u3000${model.chart.title}`, fonts, { font: fonts.body, size: SIZE_4, spacing: false }),
            ],
          }),
        );
        break;
      case 'colophon': {
        const table = imprintTable(model, fonts);
        if (!table) break;
        const tail = new Paragraph({ spacing: exactly(IMPRINT_TAIL), children: [] });
        if (options.imprintRoom !== undefined) {
          // Room at the foot of the last page, an even one: the 版记 goes there, no page of its own.
          for (const p of imprintSpacer(model, options.imprintRoom)) push(p);
          push(table);
          push(tail);
          break;
        }
        if (options.blankBeforeImprint) {
          // GB/T 9704 7.5: the blank page and the 版记 page after it carry no page number.
          sections.push({ landscape: false, unnumbered: true, children: [blank()] });
        }
        // A section of its own on an even page (Word inserts a blank page itself if its pages differ).
        sections.push({
          landscape: false,
          imprint: true,
          unnumbered: options.blankBeforeImprint === true,
          children: [...imprintSpacer(model), table, tail],
        });
        break;
      }
      case 'pagebreak':
        pendingBreak = true;
        push(new Paragraph({ pageBreakBefore: true, spacing: exactLine, children: [] }));
        break;
    }
  }
  void pendingBreak;
  void sawBody;

  const footers = { default: pageNumberFooter(fonts, true), even: pageNumberFooter(fonts, false) };
  const turnedFooters = {
    default: landscapePageNumberFooter(fonts, true),
    even: landscapePageNumberFooter(fonts, false),
  };
  // Empty footers written out: a section without its own would inherit the numbered ones.
  const noNumber = () => new Footer({ children: [new Paragraph({ children: [] })] });
  const unnumbered = { default: noNumber(), even: noNumber() };
  const docSections: ISectionOptions[] = sections.map((s) => ({
    properties: {
      page: {
        size: {
          width: PAGE_W,
          height: PAGE_H,
          orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        // A turned page keeps the 版心 size: the portrait margins rotate with it (GB/T 9704 §8).
        margin: s.landscape
          ? {
              top: MARGIN.right,
              bottom: MARGIN.left,
              left: MARGIN.top,
              right: MARGIN.bottom,
              footer: FOOTER_DISTANCE,
              header: 851,
            }
          : { ...MARGIN, footer: FOOTER_DISTANCE, header: 851 },
      },
      // 22 lines a page (docs/gbt9704.md §3): every paragraph has an exact 579-twip line as well, which is
      // what lays the text out; the grid makes Word's 页面设置 show 每页22行.
      ...(s.landscape ? {} : { grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH } }),
      ...(s.unnumbered ? { type: SectionType.NEXT_PAGE } : s.imprint ? { type: SectionType.EVEN_PAGE } : {}),
    },
    footers: s.unnumbered ? unnumbered : s.landscape ? turnedFooters : footers,
    children: s.children.length ? s.children : [blank()],
  }));

  const doc = new Document({
    creator: 'luoshi',
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: fonts.latin,
              hAnsi: fonts.latin,
              cs: fonts.latin,
              eastAsia: fonts.body,
              hint: 'eastAsia',
            },
            size: SIZE_3,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles: paragraphStyles(fonts),
    },
    sections: docSections,
  });
  const buf = await Packer.toArrayBuffer(doc);
  return finishPackage(new Uint8Array(buf), fonts);
}

async function chartParagraph(
  model: ReportModel,
  name: ChartName,
  options: RenderOptions,
): Promise<Paragraph> {
  if (!options.chartPng) {
    throw new LuoshiError('report-chart', `模板要求插入图表“${name}”，但当前环境无法生成图表图片`);
  }
  const { width, height } = chartSize(model.chart);
  const svg = buildChartSvg(model.chart, width, height);
  const png = await options.chartPng(svg, width, height);
  // Shown at the 版心 width less a little; PNG is rendered at 2× for print.
  const shownW = 560;
  const shownH = Math.round((height / width) * shownW);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // Auto line height: an exact line would clip the picture to one line.
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: shownW, height: shownH } })],
  });
}
