/**
 * The GB/T 9704 layout rules of `luoshi report --verify` on hand-made laid-out pages (no LibreOffice):
 * 22 lines a page, 28 characters a line, the 版心, page numbers (upright and turned), the signature
 * page, the 版记, characters lost, and the 版头 measured on a drawn first page. Page geometry is written
 * out in millimetres from the standard, never taken from the verifier.
 */
import { describe, expect, it } from 'vitest';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import { parseBboxLayout, pdfCharacters } from '../src/core/report/pdf-layout.js';
import { verifyLayout } from '../src/core/report/verify-layout.js';
import { verifyMasthead } from '../src/core/report/verify-masthead.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';
import { paintA4 } from './helpers/page-image.js';

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

  it('reads only the words of a line, not the layout whitespace between tags, page by page', () => {
    const html =
      '<doc>\n<page width="595" height="842">\n<flow>\n<block>\n<line xMin="1" yMin="2" xMax="3" yMax="4">\n' +
      '<word xMin="1" yMin="2" xMax="2" yMax="4">报</word>\n<word xMin="2" yMin="2" xMax="3" yMax="4">告</word>\n</line>\n' +
      '<line xMin="1" yMin="5" xMax="3" yMax="7">\n<word xMin="1" yMin="5" xMax="3" yMax="7">正文</word>\n</line>\n' +
      '</block>\n</flow>\n</page>\n<page width="842" height="595">\n</page>\n</doc>';
    const pages = parseBboxLayout(html);
    expect(pages).toEqual([
      {
        width: 595,
        height: 842,
        lines: [
          { x0: 1, y0: 2, x1: 3, y1: 4, text: '报告' },
          { x0: 1, y0: 5, x1: 3, y1: 7, text: '正文' },
        ],
      },
      { width: 842, height: 595, lines: [] },
    ]);
    expect(pdfCharacters(pages)).toBe('报告正文');
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
    const image = paintA4([
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
    const plain = paintA4([]);
    const none = verifyMasthead(page, plain, true).problems.join();
    expect(none).toContain('没有红色的发文机关标志');
    expect(none).toContain('没有与版心等宽的红色分隔线');
    expect(verifyMasthead(page, plain, false).ok).toBe(true);
  });
});

/** A text line given in millimetres from the paper's top left. */
function mmLine(x0: number, y0: number, x1: number, y1: number, text: string): PdfLine {
  return { x0: x0 * PT, y0: y0 * PT, x1: x1 * PT, y1: y1 * PT, text };
}

/** An upright A4 page of the given lines. */
function page(lines: PdfLine[]): PdfPage {
  return { width: A4.w, height: A4.h, lines };
}

/** `rows` lines `pitch` points apart from the top of the 版心, each `text`, with the page number. */
function pitchedPage(n: number, rows: number, pitch: number, text = BODY.slice(0, 28)): PdfPage {
  const lines = Array.from({ length: rows }, (_, i) => {
    const y0 = TOP + i * pitch;
    return { x0: LEFT, y0, x1: 184 * PT - 0.5, y1: y0 + 20.8, text };
  });
  return page([...lines, pageNumber(n)]);
}

describe('lines a page: the thresholds', () => {
  it('accepts 22 lines, refuses 23 even at a sound pitch, and names a pitch under 28.4 pt', () => {
    expect(
      byId(verifyLayout([pitchedPage(1, 22, 28.95), pitchedPage(2, 3, 28.95)], []), 'render.lines'),
    ).toEqual({
      id: 'render.lines',
      name: '每面22行',
      ok: true,
      problems: [],
      summary: '正文页行数：22、3',
    });
    const over = byId(
      verifyLayout([pitchedPage(1, 23, 28.45), pitchedPage(2, 3, 28.95)], []),
      'render.lines',
    );
    expect(over.problems).toEqual(['第1页排了23行，每面应为22行（GB/T 9704 5.2.3）']);
    const tight = byId(
      verifyLayout([pitchedPage(1, 22, 28.2), pitchedPage(2, 3, 28.95)], []),
      'render.lines',
    );
    expect(tight.problems).toEqual(['第1页第2行与上一行的行距只有28.2磅，应为约28.9磅（版心225毫米排22行）']);
  });

  it('judges “never fills 22 lines” on the pages before the last, and not for a single page', () => {
    // the last page may end short, and its lines do not stand for the pages before it
    const short = byId(
      verifyLayout([pitchedPage(1, 5, 28.95), pitchedPage(2, 21, 28.95)], []),
      'render.lines',
    );
    expect(short.problems).toEqual(['正文页最多只排了5行，每面应排满22行（GB/T 9704 5.2.3）']);
    const both = byId(
      verifyLayout([pitchedPage(1, 21, 28.95), pitchedPage(2, 5, 28.95)], []),
      'render.lines',
    );
    expect(both.problems).toEqual(['正文页最多只排了21行，每面应排满22行（GB/T 9704 5.2.3）']);
    const one = byId(verifyLayout([pitchedPage(1, 5, 28.95)], []), 'render.lines');
    expect(one.problems).toEqual([]);
  });

  it('leaves out table pages (rows under 17 pt high) and landscape pages, and shortens a long summary', () => {
    const table = page(
      Array.from({ length: 30 }, (_, i) => mmLine(28, 37 + i * 7, 180, 37 + i * 7 + 5, `序号${i}指标`)),
    );
    const turned: PdfPage = { ...pitchedPage(3, 30, 20), width: A4.h, height: A4.w };
    const r = byId(
      verifyLayout([pitchedPage(1, 22, 28.95), table, turned, pitchedPage(4, 4, 28.95)], []),
      'render.lines',
    );
    expect(r.problems).toEqual([]);
    expect(r.summary).toBe('正文页行数：22、4');
    const many = Array.from({ length: 13 }, (_, i) => pitchedPage(i + 1, 22, 28.95));
    expect(byId(verifyLayout(many, []), 'render.lines').summary).toBe(
      `正文页行数：${Array.from({ length: 12 }, () => '22').join('、')}…`,
    );
  });
});

describe('characters a line: the thresholds', () => {
  const DIGITS = '２０２５'.replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)); // "2025"
  const line = (text: string, x0 = 28, x1 = 183.5) => mmLine(x0, 37, x1, 44.3, text);

  it('counts a Latin letter or digit as half a character: 28 + one digit passes, 28 + two does not', () => {
    const chars = (text: string) =>
      byId(verifyLayout([page([line(text), pageNumber(1)])], []), 'render.chars');
    expect(chars(BODY.slice(0, 28) + DIGITS.slice(0, 1)).problems).toEqual([]);
    expect(chars(BODY.slice(0, 28) + DIGITS.slice(0, 1)).summary).toBe('最长的一行28.5字，全为汉字的满行0字');
    expect(chars(BODY.slice(0, 28) + DIGITS.slice(0, 2)).problems).toEqual([
      `第1页第1行排了29个字（应为28个）：“各地区各部门认真…推动各项任务20”`,
    ]);
  });

  it('wants a full line of Chinese to hold 28 characters', () => {
    const full = (n: number) =>
      byId(verifyLayout([page([line(BODY.slice(0, n)), pageNumber(1)])], []), 'render.chars');
    expect(full(27).problems).toEqual(['排满的一行只有27个字，每行应为28个（GB/T 9704 5.2.3）']);
    expect(full(28).problems).toEqual([]);
    expect(full(28).summary).toBe('最长的一行28字，全为汉字的满行28字');
    // a short last line of a paragraph (ending well before the right edge) is no full line
    const shortLine = byId(
      verifyLayout([page([line(BODY.slice(0, 27), 28, 150), pageNumber(1)])], []),
      'render.chars',
    );
    expect(shortLine.problems).toEqual([]);
  });

  it('does not count indented lines, table rows of cells, or lines without Chinese', () => {
    const long = BODY.slice(0, 30);
    const checks = (l: PdfLine[]) => byId(verifyLayout([page([...l, pageNumber(1)])], []), 'render.chars');
    // indented by two characters (a first line of a paragraph)
    expect(checks([line(long, 28 + 2 * 5.6, 183.5)]).problems).toEqual([]);
    // cells 10 mm apart on one baseline
    expect(
      checks([mmLine(28, 37, 90, 44.3, BODY.slice(0, 15)), mmLine(100, 37, 183.5, 44.3, BODY.slice(0, 15))])
        .problems,
    ).toEqual([]);
    // digits only
    expect(checks([line('1234567890'.repeat(6))]).problems).toEqual([]);
    // the same 30 characters at the margin are counted
    expect(checks([line(long)]).problems).toHaveLength(1);
  });
});

describe('the 版心: margins within 1 mm', () => {
  const edges = (x0: number, y0: number, x1: number, y1: number) =>
    byId(verifyLayout([page([mmLine(x0, y0, x1, y1, '文字'), pageNumber(1)])], []), 'render.margins')
      .problems;

  it('accepts text up to 1 mm past each edge of the 版心', () => {
    expect(edges(27.2, 36.2, 184.8, 262.8)).toEqual([]);
  });

  it('names text past the left, right, bottom or top edge', () => {
    expect(edges(26.5, 40, 100, 47)).toEqual(['第1页文字左起26.5毫米，超出版心（订口28毫米）']);
    expect(edges(28, 40, 185.5, 47)).toEqual(['第1页文字右至185.5毫米，超出版心（右白边26毫米）']);
    expect(edges(28, 250, 100, 263.5)).toEqual(['第1页文字下至263.5毫米，超出版心（下白边35毫米）']);
    expect(edges(28, 35.5, 100, 42)).toEqual(['第1页第一行上端在35.5毫米，进入了天头（应从37毫米处起排）']);
  });

  it('wants the highest first line of the pages after the first at the top of the 版心', () => {
    const low = (n: number, topMm: number) =>
      page([mmLine(28, topMm, 183.5, topMm + 7.3, BODY.slice(0, 28)), pageNumber(n)]);
    const checks = (tops: number[]) =>
      byId(
        verifyLayout(
          tops.map((t, i) => low(i + 1, t)),
          [],
        ),
        'render.margins',
      );
    expect(checks([37, 50, 41.5]).problems).toEqual([]);
    expect(checks([37, 50, 42.5]).problems).toEqual([
      '正文页第一行最高在42.5毫米处，应在天头37毫米处（版心上边缘）',
    ]);
    expect(checks([37, 50, 42.5]).summary).toBe('3页');
    // the first page may begin anywhere (a title, a 版头)
    expect(checks([80]).problems).toEqual([]);
  });
});

describe('page numbers: value and position', () => {
  /** "— n —" 4号, `sideMm` from its edge of the 版心 (odd right, even left), `belowMm` under the 版心. */
  const numberAt = (n: number, sideMm: number, belowMm: number, text = `— ${n} —`): PdfLine => {
    const width = 21;
    const x1 = n % 2 === 1 ? 184 - 14 / PT - sideMm : 28 + 14 / PT + sideMm + width;
    return mmLine(x1 - width, 262 + belowMm, x1, 262 + belowMm + 6.3, text);
  };
  const numbers = (...lines: PdfLine[]) =>
    byId(
      verifyLayout(
        lines.map((l) => page([mmLine(28, 37, 183.5, 44.3, BODY.slice(0, 28)), l])),
        [],
      ),
      'render.page-numbers',
    ).problems;

  it('accepts a number up to 3 mm off its place and 3 to 12 mm below the 版心', () => {
    expect(numbers(numberAt(1, 2.5, 7), numberAt(2, -2.5, 3.2), numberAt(3, 0, 11.8))).toEqual([]);
  });

  it('names a number too far from its side, too close to or too far below the 版心, or wrong', () => {
    expect(numbers(numberAt(1, 3.5, 7))).toEqual([
      '第1页页码应居右空一字，现偏差3.5毫米（单页码居右、双页码居左）',
    ]);
    expect(numbers(numberAt(1, 0, 7), numberAt(2, -3.5, 7))).toEqual([
      '第2页页码应居左空一字，现偏差-3.5毫米（单页码居右、双页码居左）',
    ]);
    expect(numbers(numberAt(1, 0, 2.5))).toEqual(['第1页页码在版心下2.5毫米，应约7毫米（GB/T 9704 7.5）']);
    expect(numbers(numberAt(1, 0, 12.5))).toEqual(['第1页页码在版心下12.5毫米，应约7毫米（GB/T 9704 7.5）']);
    expect(numbers(numberAt(1, 0, 7), numberAt(2, 0, 7, '— 3 —'))).toEqual(['第2页的页码是3，应为2']);
    expect(numbers(numberAt(1, 0, 7, '1'))).toEqual(['第1页没有页码“— 1 —”（GB/T 9704 7.5）']);
  });

  it('numbers a blank page unless it stands before a 版记 on the last page', () => {
    const imprintPage = page([mmLine(29, 254, 180, 261.5, '长春市人民政府办公厅2025年10月9日印发')]);
    const blank = page([]);
    const body = (n: number) => page([mmLine(28, 37, 183.5, 44.3, BODY.slice(0, 28)), numberAt(n, 0, 7)]);
    expect(byId(verifyLayout([body(1), blank, imprintPage], []), 'render.page-numbers').problems).toEqual([]);
    // a page with text before the 版记 page: both need their numbers
    const text = page([mmLine(28, 37, 183.5, 44.3, BODY.slice(0, 28))]);
    expect(byId(verifyLayout([body(1), text, imprintPage], []), 'render.page-numbers').problems).toEqual([
      '第2页没有页码“— 2 —”（GB/T 9704 7.5）',
      '第3页没有页码“— 3 —”（GB/T 9704 7.5）',
    ]);
    // a blank page not before a 版记 needs its number
    expect(byId(verifyLayout([body(1), blank, body(3)], []), 'render.page-numbers').problems).toEqual([
      '第2页没有页码“— 2 —”（GB/T 9704 7.5）',
    ]);
  });

  it('on a turned (landscape) page: at the bottom end on an even page, 3 to 12 mm beyond the 版心, right value', () => {
    // Turned A4: the upright foot is the right edge (x past 262 mm); the 版心's ends run from 26 mm
    // (top, the upright right margin) to 182 mm (bottom, 210 − 28), one 4号 character (4.9 mm) in.
    const turned = (n: number, x0: number, y0: number, y1: number, text = `—${n}—`): PdfPage => ({
      width: A4.h,
      height: A4.w,
      lines: [mmLine(37, 40, 200, 46, '序号指标目标'), mmLine(x0, y0, x0 + 6.5, y1, text)],
    });
    const at = (...pages: PdfPage[]) => byId(verifyLayout(pages, []), 'render.page-numbers').problems;
    const odd = (n: number) => page([mmLine(28, 37, 183.5, 44.3, BODY.slice(0, 28)), pageNumberMm(n)]);
    expect(at(odd(1), turned(2, 269, 163, 182 - 4.9))).toEqual([]);
    expect(at(odd(1), turned(2, 269, 150, 173))).toEqual([
      '第2页（横排表格页）页码应在版心下端空一字处，现偏差4.1毫米',
    ]);
    expect(at(odd(1), turned(2, 264.5, 163, 177.1))).toEqual([
      '第2页（横排表格页）页码在版心外2.5毫米，应约7毫米（与竖排页位置一致）',
    ]);
    expect(at(odd(1), turned(2, 274.5, 163, 177.1))).toEqual([
      '第2页（横排表格页）页码在版心外12.5毫米，应约7毫米（与竖排页位置一致）',
    ]);
    expect(at(odd(1), turned(2, 269, 163, 177.1, '—5—'))).toEqual(['第2页的页码是5，应为2']);
  });
});

/** "— n —" 7 mm below the 版心, one 4号 character in from the right (odd) or left (even) edge. */
function pageNumberMm(n: number): PdfLine {
  const width = 21;
  const x1 = n % 2 === 1 ? 184 - 14 / PT : 28 + 14 / PT + width;
  return mmLine(x1 - width, 269, x1, 275.3, `— ${n} —`);
}

describe('the signature page and the 版记', () => {
  const body = (n: number, rows = 3) =>
    page([
      ...Array.from({ length: rows }, (_, i) =>
        mmLine(28, 37 + i * 10.2, 183.5, 44.3 + i * 10.2, BODY.slice(0, 28)),
      ),
      pageNumberMm(n),
    ]);

  it('finds the 成文日期 right of 80 mm; a signature page needs a line of six characters above the 署名', () => {
    const signed = (above: string[]) =>
      page([
        ...above.map((t, i) => mmLine(28, 37 + i * 10.2, 28 + t.length * 5.6, 44.3 + i * 10.2, t)),
        mmLine(110, 37 + above.length * 10.2, 170, 44.3 + above.length * 10.2, '长春市人民政府'),
        mmLine(120, 37 + (above.length + 1) * 10.2, 160, 44.3 + (above.length + 1) * 10.2, '2025年10月9日'),
        pageNumberMm(2),
      ]);
    const sig = (p: PdfPage) => byId(verifyLayout([body(1), p], []), 'render.signature-page');
    expect(sig(signed(['特此报告。'])).problems).toEqual([
      '第2页：发文机关署名和成文日期单独成页，上面没有正文（GB/T 9704 7.3.5：应调整行距、字距使其与正文同页）',
    ]);
    expect(sig(signed(['各项任务均已完成。'])).ok).toBe(true);
    expect(sig(signed(['各项任务均已完成。'])).summary).toBe('成文日期在第2页');
    // a date at the left margin is not the 成文日期 (e.g. a date in the body)
    const left = page([mmLine(28, 37, 60, 44.3, '2025年10月9日'), pageNumberMm(2)]);
    expect(sig(left)).toEqual({
      id: 'render.signature-page',
      name: '署名、成文日期不单独成页',
      ok: true,
      problems: [],
      summary: '没有成文日期（不检查）',
    });
  });

  it('wants the 版记’s last line within 12 mm above the bottom of the 版心 on the last, even page', () => {
    const imprint = (y1: number) => mmLine(29, y1 - 7.3, 180, y1, '长春市人民政府办公厅2025年10月9日印发');
    const imprintCheck = (pages: PdfPage[]) => byId(verifyLayout(pages, []), 'render.imprint');
    const withImprint = (n: number, y1: number) => page([imprint(y1), pageNumberMm(n)]);
    expect(imprintCheck([body(1), withImprint(2, 261.5)]).problems).toEqual([]);
    expect(imprintCheck([body(1), withImprint(2, 250.5)]).problems).toEqual([]);
    expect(imprintCheck([body(1), withImprint(2, 249.5)]).problems).toEqual([
      '第2页第1行“印发”一行下端在249.5毫米，版记末条分隔线应与版心下边缘（262毫米）重合',
    ]);
    expect(imprintCheck([body(1), withImprint(2, 261.5), body(3)]).problems).toEqual([
      '版记在第2页，不是最后一页（共3页；GB/T 9704 7.4）',
    ]);
    expect(imprintCheck([body(1), body(2), withImprint(3, 261.5)]).problems).toEqual([
      '版记在第3页（单页）；双面印刷时应在偶数页，需要时加一空白页',
    ]);
    expect(imprintCheck([body(1), withImprint(2, 261.5)]).summary).toBe('版记在第2页');
    expect(imprintCheck([body(1)]).summary).toBe('没有版记（不检查）');
  });
});

describe('characters kept', () => {
  it('counts the .docx’s characters without spaces and reports none missing when all are there', () => {
    const p = page([mmLine(28, 37, 183.5, 44.3, '一二三四五 六七八'), pageNumberMm(1)]);
    const c = byId(verifyLayout([p], ['一二三四五六七八', ' ']), 'render.text-kept');
    expect(c.problems).toEqual([]);
    expect(c.summary).toBe('Word 文件共8个字符，排版后缺0个');
  });

  it('names each lost character and count, and the line after which it went', () => {
    const para = '各地区各部门认真贯彻落实党中央国务院决策部署';
    const laid = para.replace('落实', '');
    const p = page([mmLine(28, 37, 183.5, 44.3, laid), pageNumberMm(1)]);
    const c = byId(verifyLayout([p], [para]), 'render.text-kept');
    expect(c.problems).toEqual([
      'PDF 中少了2个字符（“落”1个、“实”1个）',
      '第1页第1行：“各地区各部门认真贯彻”之后缺“落”',
    ]);
    expect(c.summary).toBe(`Word 文件共${[...para].length}个字符，排版后缺2个`);
  });
});
