/**
 * The project's own GB/T 9704 verifier (`luoshi report --verify`): each rule on laid-out pages built
 * here by hand (positions from the standard's millimetres, not from the verifier's code), then on a
 * real report of the seeds laid out by LibreOffice, with faults put into its .docx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import { parseBboxLayout } from '../src/core/report/pdf-layout.js';
import { verifyLayout } from '../src/core/report/verify-layout.js';
import { verifyDocx } from '../src/core/report/verify-docx.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';
import { verifyMasthead } from '../src/core/report/verify-masthead.js';
import type { Raster } from '../src/core/report/raster.js';
import { docxPartsOf, verifyReport } from '../src/host/verify-report.js';
import { buildReport } from '../src/host/report.js';
import { parseReportConfig } from '../src/core/report/config.js';
import { seedCatalogue } from './helpers/seeds.js';
import { filledWorkbook, readBack } from './helpers/report-fixtures.js';

const PT = 72 / 25.4;
/** A4 in points; the 版心 starts 37 mm down and 28 mm in; a 3号 character is 16 pt, a line 28.95 pt. */
const A4 = { w: 210 * PT, h: 297 * PT };
const TOP = 37 * PT;
const LEFT = 28 * PT;
const PITCH = 28.95;
const CHAR = 15.79;

function textLine(row: number, text: string, indentChars = 0, x1?: number): PdfLine {
  const y0 = TOP + row * PITCH;
  const x0 = LEFT + indentChars * CHAR;
  return { x0, y0, x1: x1 ?? x0 + [...text].length * CHAR, y1: y0 + 20.8, text };
}

function pageNumber(n: number): PdfLine {
  // 7 mm below the 版心 (262 mm), one 4号 character (14 pt) in from the 版心's right or left edge.
  const y0 = 269 * PT;
  const width = 60;
  const x1 = n % 2 === 1 ? 184 * PT - 14 : LEFT + 14 + width;
  return { x0: x1 - width, y0, x1, y1: y0 + 18, text: `— ${n} —` };
}

const BODY = '各地区各部门认真贯彻落实党中央国务院决策部署推动各项任务取得积极成效'; // 34 characters

/** A body page of 22 lines of 28 characters. */
function fullPage(n: number, text = BODY.slice(0, 28)): PdfPage {
  const lines = Array.from({ length: 22 }, (_, i) => textLine(i, text, 0, 184 * PT - 0.5));
  return { width: A4.w, height: A4.h, lines: [...lines, pageNumber(n)] };
}

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

describe('layout rules on hand-made pages', () => {
  it('accepts pages of 22 lines × 28 characters with numbers in place', () => {
    const pages = [fullPage(1), fullPage(2)];
    const checks = verifyLayout(pages, [BODY.slice(0, 28)]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('names page and line of a 29-character line', () => {
    const page = fullPage(1);
    page.lines[4] = textLine(4, BODY.slice(0, 29), 0, 184 * PT + 15);
    const c = byId(verifyLayout([page, fullPage(2)], []), 'render.chars');
    expect(c.ok).toBe(false);
    expect(c.problems.join()).toContain('第1页第5行排了29个字');
    const box = byId(verifyLayout([page, fullPage(2)], []), 'render.margins');
    expect(box.problems.join()).toContain('第1页');
  });

  it('finds a 23rd line and a page that never fills 22 lines', () => {
    const p = fullPage(1);
    p.lines.splice(5, 0, { ...textLine(5, '多出的一行'), y0: TOP + 5 * PITCH - 12, y1: TOP + 5 * PITCH + 8 });
    const c = byId(verifyLayout([p, fullPage(2)], []), 'render.lines');
    expect(c.ok).toBe(false);
    expect(c.problems.join()).toMatch(/第1页排了23行|行距只有/);
    const short = (n: number) => ({
      ...fullPage(n),
      lines: [...fullPage(n).lines.slice(0, 18), pageNumber(n)],
    });
    const s = byId(verifyLayout([short(1), short(2), short(3)], []), 'render.lines');
    expect(s.problems.join()).toContain('最多只排了18行');
  });

  it('says which page has a misplaced or missing number', () => {
    const p2 = fullPage(2);
    p2.lines[22] = { ...pageNumber(1), text: '— 2 —' }; // an even page numbered on the right
    const p3 = { ...fullPage(3), lines: fullPage(3).lines.slice(0, 22) };
    const c = byId(verifyLayout([fullPage(1), p2, p3], []), 'render.page-numbers');
    expect(c.problems.join('\n')).toMatch(/第2页页码应居左空一字/);
    expect(c.problems.join('\n')).toContain('第3页没有页码');
  });

  it('finds the number of a landscape table page where the upright pages have it (clause 8)', () => {
    // Turned A4: 297 × 210 mm. The upright foot is the right edge: the number 7 mm beyond the 版心
    // (262 mm), reading upward, one 4号 character from the 版心's top end (26 mm) on an odd page.
    const turned = (y0mm: number): PdfPage => ({
      width: A4.h,
      height: A4.w,
      lines: [
        { x0: 37 * PT, y0: 40 * PT, x1: 200 * PT, y1: 46 * PT, text: '序号指标目标' },
        { x0: 267 * PT, y0: y0mm * PT, x1: 273.5 * PT, y1: (y0mm + 14) * PT, text: '—3—' },
      ],
    });
    const good = byId(verifyLayout([fullPage(1), fullPage(2), turned(26 + 4.9)], []), 'render.page-numbers');
    expect(good.problems).toEqual([]);
    const off = byId(verifyLayout([fullPage(1), fullPage(2), turned(90)], []), 'render.page-numbers');
    expect(off.problems.join()).toContain('第3页（横排表格页）页码应在版心上端空一字处');
    const none: PdfPage = { ...turned(30), lines: turned(30).lines.slice(0, 1) };
    expect(
      byId(verifyLayout([fullPage(1), fullPage(2), none], []), 'render.page-numbers').problems.join(),
    ).toContain('没有页码');
  });

  it('refuses a signature and date alone on a page', () => {
    const last: PdfPage = {
      width: A4.w,
      height: A4.h,
      lines: [textLine(0, '吉林省发展和改革委员会', 12), textLine(1, '2025年10月9日', 18), pageNumber(2)],
    };
    const c = byId(verifyLayout([fullPage(1), last], []), 'render.signature-page');
    expect(c.ok).toBe(false);
    expect(c.problems[0]).toContain('第2页');
    const withText: PdfPage = {
      ...last,
      lines: [
        textLine(0, BODY.slice(0, 20)),
        ...last.lines.map((l) => ({ ...l, y0: l.y0 + 2 * PITCH, y1: l.y1 + 2 * PITCH })),
      ],
    };
    expect(byId(verifyLayout([fullPage(1), withText], []), 'render.signature-page').ok).toBe(true);
  });

  it('wants the 版记 on the last, even page at the bottom of the 版心', () => {
    const imprint = (row: number) => textLine(row, '吉林省发展和改革委员会办公室2025年10月9日印发', 1);
    const mid: PdfPage = {
      width: A4.w,
      height: A4.h,
      lines: [textLine(0, BODY.slice(0, 28)), imprint(3), pageNumber(3)],
    };
    const c = byId(verifyLayout([fullPage(1), fullPage(2), mid], []), 'render.imprint');
    expect(c.problems.join('\n')).toContain('第3页（单页）');
    expect(c.problems.join('\n')).toContain('版心下边缘');
    const bottom: PdfPage = { width: A4.w, height: A4.h, lines: [imprint(21)] };
    const blank: PdfPage = { width: A4.w, height: A4.h, lines: [] };
    const ok = verifyLayout(
      [
        fullPage(1),
        fullPage(2),
        fullPage(3),
        { ...mid, lines: mid.lines.slice(0, 1).concat(pageNumber(4)) },
        blank,
        bottom,
      ],
      [],
    );
    expect(byId(ok, 'render.imprint').problems).toEqual([]);
    // A blank page before the 版记 page: neither is numbered (7.5).
    expect(byId(ok, 'render.page-numbers').problems).toEqual([]);
  });

  it('counts every character of the .docx on the pages and says where one went', () => {
    const sentence = `${BODY.slice(0, 27)}。${BODY.slice(0, 10)}`;
    const p = fullPage(1);
    p.lines[0] = textLine(0, sentence.slice(0, 27));
    p.lines[1] = textLine(1, sentence.slice(28));
    const c = byId(verifyLayout([p, fullPage(2)], [sentence]), 'render.text-kept');
    expect(c.ok).toBe(false);
    expect(c.problems[0]).toContain('“。”1个');
    expect(c.problems[1]).toContain('第1页第1行');
  });

  it('reads poppler bbox output, entities included', () => {
    const html =
      '<doc><page width="595.3" height="841.9"><flow><block><line xMin="79.5" yMin="107.2" xMax="509.6" yMax="135.8">' +
      '<word xMin="79.5" yMin="107.2" xMax="100" yMax="135.8">A&amp;B</word><word xMin="101" yMin="107.2" xMax="120" yMax="135.8">报告</word>' +
      '</line></block></flow></page></doc>';
    const pages = parseBboxLayout(html);
    expect(pages).toHaveLength(1);
    expect(pages[0].lines[0]).toMatchObject({ x0: 79.5, y1: 135.8, text: 'A&B报告' });
  });
});

/** A white A4 page at 4 pixels a millimetre with rectangles of ink (mm from the paper's top left). */
function page1Image(
  inks: { x0: number; y0: number; x1: number; y1: number; rgb: [number, number, number] }[],
): Raster {
  const perMm = 4;
  const width = 210 * perMm;
  const height = 297 * perMm;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (const k of inks)
    for (let y = Math.round(k.y0 * perMm); y < Math.round(k.y1 * perMm); y++)
      for (let x = Math.round(k.x0 * perMm); x < Math.round(k.x1 * perMm); x++)
        data.set(k.rgb, (y * width + x) * 3);
  return { width, height, data, perMm };
}

describe('the 版头 measured on the first page', () => {
  const RED: [number, number, number] = [255, 0, 0];
  const BLACK: [number, number, number] = [0, 0, 0];
  const line = 225 / 22; // mm, 22 lines to the 225 mm 版心
  // GB/T 9704 7.2: the 标志's top 35 mm below the 版心's (37 + 35 = 72 mm from the paper top); the 发文字号
  // two lines below it, 空一字 from the left, 签发人 空一字 from the right; the rule 4 mm below the
  // 发文字号; the title two lines below the rule.
  const markBottom = 83;
  const numberTop = markBottom + 2 * line + 1.5;
  const numberBottom = numberTop + 5.5;
  const layout = (ruleY: number) => {
    const titleTop = ruleY + 2 * line + 1.5;
    const image = page1Image([
      { x0: 40, y0: 72, x1: 172, y1: markBottom, rgb: RED },
      { x0: 28 + 5.6, y0: numberTop, x1: 80, y1: numberBottom, rgb: BLACK },
      { x0: 140, y0: numberTop, x1: 184 - 5.6, y1: numberBottom, rgb: BLACK },
      { x0: 28, y0: ruleY, x1: 184, y1: ruleY + 0.4, rgb: RED },
      { x0: 50, y0: titleTop, x1: 160, y1: titleTop + 7, rgb: BLACK },
    ]);
    const box = (x0: number, y0: number, x1: number, y1: number, text: string): PdfLine => ({
      x0: x0 * PT,
      y0: y0 * PT,
      x1: x1 * PT,
      y1: y1 * PT,
      text,
    });
    const page: PdfPage = {
      width: A4.w,
      height: A4.h,
      lines: [
        box(40, 70, 172, 84, '吉林省发展和改革委员会文件'),
        box(28 + 5.6, numberTop - 1, 80, numberBottom + 1.5, '吉发改报〔2025〕12号'),
        box(140, numberTop - 1, 184 - 5.6, numberBottom + 1.5, '签发人：王大明'),
        box(50, titleTop - 1, 160, titleTop + 8, '吉林省发展和改革委员会关于'),
      ],
    };
    return { image, page };
  };

  it('accepts a 版头 laid out as GB/T 9704 7.2 says', () => {
    const { image, page } = layout(numberBottom + 4);
    const c = verifyMasthead(page, image, true);
    expect(c.problems).toEqual([]);
    expect(c.summary).toContain('标志上边缘距版心上边缘35.0毫米');
  });

  it('finds a rule 3 mm too low, a missing 标志 and passes a report without a 版头', () => {
    const { image, page } = layout(numberBottom + 7);
    expect(verifyMasthead(page, image, true).problems.join()).toMatch(
      /红色分隔线在发文字号之下(6\.[89]|7\.[01])毫米，应为4毫米/,
    );
    const plain = page1Image([]);
    const none = verifyMasthead(page, plain, true).problems.join();
    expect(none).toContain('没有红色的发文机关标志');
    expect(none).toContain('没有与版心等宽的红色分隔线');
    expect(verifyMasthead(page, plain, false).ok).toBe(true);
  });
});

describe('a real report laid out by LibreOffice', () => {
  let dir: string;
  let docx: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-verify-'));
    const catalogue = seedCatalogue();
    const file = path.join(dir, '长春市.xlsx');
    writeFileSync(file, await filledWorkbook(catalogue, '长春市', 1));
    const sub = await readBack(file, catalogue);
    const config = parseReportConfig(
      JSON.stringify({
        发文机关: '长春市人民政府',
        主送机关: '省人民政府',
        成文日期: '2025-10-09',
        文号: '长府报〔2025〕7号',
        签发人: '李明',
        版头: { 份号: 12, 紧急程度: '加急' },
      }),
    );
    docx = (await buildReport([sub], { config, catalogue })).docx;
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('measures as many pages as poppler counts and runs every rule', async () => {
    const r = await verifyReport(docx, { file: 'report.docx' });
    const pdfFile = path.join(dir, 'r.docx');
    writeFileSync(pdfFile, docx);
    const ids = r.checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'docx.page',
        'docx.grid',
        'docx.fonts',
        'render.lines',
        'render.chars',
        'render.margins',
        'render.page-numbers',
        'render.signature-page',
        'render.imprint',
        'render.text-kept',
        'render.masthead',
      ]),
    );
    // The 版头 asked for in report.json is there and in place (GB/T 9704 7.2).
    expect(byId(r.checks, 'render.masthead').problems).toEqual([]);
    expect(byId(r.checks, 'render.masthead').summary).toMatch(/标志上边缘距版心上边缘3[45]\.\d毫米/);
    const text = strFromU8(unzipSync(docx)['word/document.xml']);
    expect(text).toContain('长春市人民政府文件');
    expect(text).toContain('000012');
    const conv = spawnSync('soffice', [
      '--headless',
      `-env:UserInstallation=file://${dir}/p`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      pdfFile,
    ]);
    expect(conv.status).toBe(0);
    const info = spawnSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout;
    expect(r.pages).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
  }, 200_000);

  it('finds faults put into the .docx: margins, grid, font table', () => {
    const files = unzipSync(docx);
    const doc = strFromU8(files['word/document.xml'])
      .replace(
        /<w:pgMar [^>]*\/>/g,
        '<w:pgMar w:top="1440" w:bottom="1440" w:left="1800" w:right="1800" w:header="851" w:footer="992" w:gutter="0"/>',
      )
      .replace(/<w:docGrid [^>]*\/>/g, '');
    files['word/document.xml'] = strToU8(doc);
    files['word/fontTable.xml'] = strToU8(
      '<?xml version="1.0"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    );
    const parts = docxPartsOf(zipSync(files));
    const checks = verifyDocx(parts);
    expect(byId(checks, 'docx.page').problems.join()).toContain('页边距应为上37、下35、左28、右26毫米');
    expect(byId(checks, 'docx.grid').problems.join()).toContain('没有文档网格');
    expect(byId(checks, 'docx.fonts').problems.join()).toMatch(/字体表.*没有“仿宋/);
  });
});
