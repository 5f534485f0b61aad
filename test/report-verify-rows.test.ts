/**
 * How `luoshi report --verify` reads the lines poppler measured before judging them (GB/T 9704 5.2.3,
 * 7.5, docs/gbt9704.md §4): words sharing a baseline make one line, read left to right, lines top to
 * bottom whatever order poppler lists them in; a line's box is the union of its words; the page number
 * lies below the 版心; what counts as a line of 3号 body text (17–26 pt high) and what as a table row.
 * Pages are written by hand in millimetres from the paper's top left (A4: 210 × 297 mm; 版心 from 28
 * to 184 mm across and from 37 to 262 mm down).
 */
import { describe, expect, it } from 'vitest';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import { verifyLayout } from '../src/core/report/verify-layout.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';

const PT = 72 / 25.4;
const BODY = '各地区各部门认真贯彻落实党中央国务院决策部署推动各项任务取得积极成效'; // 34 characters

function mmLine(x0: number, y0: number, x1: number, y1: number, text: string): PdfLine {
  return { x0: x0 * PT, y0: y0 * PT, x1: x1 * PT, y1: y1 * PT, text };
}

/** A line given in points (for heights that must be exact). */
function ptLine(x0mm: number, y0: number, x1mm: number, y1: number, text: string): PdfLine {
  return { x0: x0mm * PT, y0, x1: x1mm * PT, y1, text };
}

const page = (lines: PdfLine[]): PdfPage => ({ width: 210 * PT, height: 297 * PT, lines });
const turned = (lines: PdfLine[]): PdfPage => ({ width: 297 * PT, height: 210 * PT, lines });

/** "— n —" 4号, 7 mm below the 版心, one 4号 character (14 pt) in from the right (odd) or left (even). */
function numberLine(n: number): PdfLine {
  const x1 = n % 2 === 1 ? 184 - 14 / PT : 28 + 14 / PT + 21;
  return mmLine(x1 - 21, 269, x1, 275.3, `— ${n} —`);
}

/** A body line of 3号 text on row `row` (10.2 mm apart), full width, 28 characters. */
const bodyLine = (row: number, text = BODY.slice(0, 28)) =>
  mmLine(28, 37 + row * 10.2, 183.5, 44.3 + row * 10.2, text);

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

const check = (pages: PdfPage[], id: string) => byId(verifyLayout(pages, []), id);

describe('words and lines as poppler lists them', () => {
  // 7.3.5: the 署名 centred over the 成文日期, the date 右空四字; body text above them.
  const sig = mmLine(123, 57.4, 162, 64.7, '长春市人民政府');
  const dateA = mmLine(120, 67.6, 150, 74.9, '2025年10月');
  const dateB = mmLine(150.3, 67.6, 165, 74.9, '9日');

  it('puts lines top to bottom and words left to right, whatever order they come in', () => {
    // listed bottom first, the date's second word before its first
    const p = page([numberLine(2), dateB, dateA, sig, bodyLine(1, '各项任务均已完成。'), bodyLine(0)]);
    expect(check([page([bodyLine(0), numberLine(1)]), p], 'render.signature-page')).toEqual({
      id: 'render.signature-page',
      name: '署名、成文日期不单独成页',
      ok: true,
      problems: [],
      summary: '成文日期在第2页',
    });
    // the same page with nothing above the 署名 but a short line: found, and refused
    const alone = page([numberLine(2), dateB, sig, dateA, bodyLine(0, '特此报告。')]);
    expect(check([page([bodyLine(0), numberLine(1)]), alone], 'render.signature-page').problems).toEqual([
      '第2页：发文机关署名和成文日期单独成页，上面没有正文（GB/T 9704 7.3.5：应调整行距、字距使其与正文同页）',
    ]);
  });

  it('names the line by its place on the page, not by its place in the list', () => {
    const long = mmLine(28, 47.2, 183.5, 54.5, BODY.slice(0, 30));
    const p = page([long, bodyLine(2), numberLine(1), bodyLine(0)]);
    expect(check([p], 'render.chars').problems).toEqual([
      '第1页第2行排了30个字（应为28个）：“各地区各部门认真…推动各项任务取得”',
    ]);
  });

  it('joins words whose baselines differ by up to 1.5 pt, and not by 2 pt', () => {
    const shifted = (dy: number) =>
      page([
        bodyLine(0, '各项任务均已完成。'),
        sig,
        dateA,
        { ...dateB, y0: dateB.y0 + dy, y1: dateB.y1 + dy },
        numberLine(1),
      ]);
    expect(check([shifted(1.2)], 'render.signature-page').summary).toBe('成文日期在第1页');
    // the second word's baseline 1.2 pt higher: listed first, still read after the first word
    expect(check([shifted(-1.2)], 'render.signature-page').summary).toBe('成文日期在第1页');
    expect(check([shifted(2)], 'render.signature-page').summary).toBe('没有成文日期（不检查）');
  });

  it('spans a line’s box over all its words: left, right, top and height', () => {
    // one line of two words on one baseline: the first starts 1.5 mm left of the 版心 and 1.5 mm
    // into the 天头, 24 pt high; the second ends 1.5 mm right of the 版心 and is 12 pt high
    const p = page([
      mmLine(26.5, 35.5, 60, 44, '各地区各部门'),
      ptLine(70, 44 * PT - 12, 185.5, 44 * PT, '认真贯彻落实'),
      numberLine(1),
    ]);
    expect(check([p], 'render.margins').problems).toEqual([
      '第1页文字左起26.5毫米，超出版心（订口28毫米）',
      '第1页文字右至185.5毫米，超出版心（右白边26毫米）',
      '第1页第一行上端在35.5毫米，进入了天头（应从37毫米处起排）',
    ]);
    // 24 pt high as a whole: a line of body text, so the page is counted as a body page
    expect(check([p], 'render.lines').summary).toBe('正文页行数：1');
  });

  it('takes the page’s extent over all its lines, not the first', () => {
    const p = page([bodyLine(0), mmLine(26.5, 47.2, 100, 54.5, '各地区各部门'), numberLine(1)]);
    expect(check([p], 'render.margins').problems).toEqual(['第1页文字左起26.5毫米，超出版心（订口28毫米）']);
    const low = page([bodyLine(0), mmLine(28, 256, 100, 263.5, '各地区各部门'), numberLine(1)]);
    expect(check([low], 'render.margins').problems).toEqual([
      '第1页文字下至263.5毫米，超出版心（下白边35毫米）',
    ]);
  });
});

describe('the page number below the 版心', () => {
  it('reads a line starting at the 版心’s bottom edge as the foot, not as text', () => {
    const p = page([bodyLine(0), mmLine(184 - 14 / PT - 21, 262.5, 184 - 14 / PT, 268.8, '— 1 —')]);
    expect(check([p], 'render.margins').problems).toEqual([]);
    expect(check([p], 'render.page-numbers').problems).toEqual([
      '第1页页码在版心下0.5毫米，应约7毫米（GB/T 9704 7.5）',
    ]);
  });

  it('does not take a “— 1 —” inside the 版心 for the page number', () => {
    const p = page([bodyLine(0), mmLine(150, 100, 170, 106.3, '— 1 —')]);
    expect(check([p], 'render.page-numbers').problems).toEqual(['第1页没有页码“— 1 —”（GB/T 9704 7.5）']);
  });
});

describe('body lines (17–26 pt high) and table rows', () => {
  const thirty = BODY.slice(0, 30);
  /** A line at the left edge of the 版心, `h` points high, at the top of the paper. */
  const high = (h: number, text = thirty) => page([ptLine(28, 0, 183.5, h, text)]);
  const chars = (p: PdfPage) => check([p], 'render.chars').problems;
  const over = ['第1页第1行排了30个字（应为28个）：“各地区各部门认真…推动各项任务取得”'];

  it('counts characters on lines 17 to 26 pt high only', () => {
    expect(chars(high(17))).toEqual(over);
    expect(chars(high(26))).toEqual(over);
    expect(chars(high(16.9))).toEqual([]); // a table row
    expect(chars(high(31))).toEqual([]); // a 2号 title line
  });

  it('takes a 17 pt line for body text when counting lines a page', () => {
    expect(check([high(17)], 'render.lines').summary).toBe('正文页行数：1');
    expect(check([high(16.9)], 'render.lines').summary).toBe('正文页行数：');
  });

  it('counts a line of words that touch as one line, cells apart as a table row', () => {
    const words = page([
      mmLine(28, 37, 100, 44.3, BODY.slice(0, 13)),
      mmLine(100.3, 37, 183.5, 44.3, BODY.slice(13, 30)),
      numberLine(1),
    ]);
    expect(chars(words)).toEqual(over);
  });

  it('leaves a page holding one table row out of the count, and counts the others', () => {
    const rows = Array.from({ length: 5 }, (_, i) => bodyLine(i));
    const mixed = page([...rows, mmLine(28, 100, 183.5, 104, '序号指标名称目标值'), numberLine(1)]);
    const full = page([
      ...Array.from({ length: 22 }, (_, i) =>
        ptLine(28, 37 * PT + i * 28.95, 183.5, 37 * PT + i * 28.95 + 20.8, BODY.slice(0, 28)),
      ),
      numberLine(2),
    ]);
    expect(check([mixed, full], 'render.lines')).toEqual({
      id: 'render.lines',
      name: '每面22行',
      ok: true,
      problems: [],
      summary: '正文页行数：22',
    });
  });

  it('judges “never fills 22 lines” only when two body pages are counted', () => {
    // a short body page followed by a landscape table page: the body ends there, nothing to judge
    const short = page([...Array.from({ length: 5 }, (_, i) => bodyLine(i)), numberLine(1)]);
    const table = turned([mmLine(37, 40, 200, 46, '序号指标目标')]);
    expect(check([short, table], 'render.lines')).toMatchObject({ ok: true, summary: '正文页行数：5' });
    // a blank page before the last holds no body text to judge
    expect(check([page([]), short], 'render.lines')).toMatchObject({
      ok: true,
      summary: '正文页行数：0、5',
    });
  });

  it('lists twelve pages’ counts in full', () => {
    const one = (n: number) => page([bodyLine(0), numberLine(n)]);
    const twelve = Array.from({ length: 12 }, (_, i) => one(i + 1));
    expect(check(twelve, 'render.lines').summary).toBe(`正文页行数：${Array(12).fill('1').join('、')}`);
  });
});

describe('landscape pages and long lists', () => {
  it('does not count characters on a turned page (its lines are 225 mm long)', () => {
    const t = turned([mmLine(28, 40, 250, 47.3, BODY + BODY.slice(0, 6))]);
    expect(check([t], 'render.chars')).toEqual({
      id: 'render.chars',
      name: '每行28字',
      ok: true,
      problems: [],
      summary: '最长的一行0字，全为汉字的满行0字',
    });
  });

  it('names the 版心 check and keeps its first 20 problems', () => {
    const out = (n: number) => page([mmLine(26.5, 37, 100, 44.3, '各地区各部门'), numberLine(n)]);
    const c = check(
      Array.from({ length: 21 }, (_, i) => out(i + 1)),
      'render.margins',
    );
    expect(c.name).toBe('版心（天头37、订口28毫米，156×225毫米）');
    expect(c.problems).toHaveLength(20);
    expect(c.problems[19]).toBe('第20页文字左起26.5毫米，超出版心（订口28毫米）');
    expect(c.summary).toBe('21页');
  });
});
