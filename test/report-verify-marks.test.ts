/**
 * The marks `luoshi report --verify` looks for on laid-out pages, on hand-made pages (GB/T 9704 7.3.5,
 * 7.4, 7.5, clause 8; docs/gbt9704.md §4): page numbers on upright and turned pages, the 成文日期 and
 * what stands above it, the 版记's place, and where a character of the .docx went missing. Positions
 * are millimetres from the paper's top left (A4 210 × 297; 版心 28–184 mm across, 37–262 mm down).
 */
import { describe, expect, it } from 'vitest';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import { verifyLayout } from '../src/core/report/verify-layout.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';

const PT = 72 / 25.4;
const BODY = '各地区各部门认真贯彻落实党中央国务院决策部署推动各项任务取得积极成效';

function mmLine(x0: number, y0: number, x1: number, y1: number, text: string): PdfLine {
  return { x0: x0 * PT, y0: y0 * PT, x1: x1 * PT, y1: y1 * PT, text };
}

const page = (lines: PdfLine[]): PdfPage => ({ width: 210 * PT, height: 297 * PT, lines });
/** A4 turned: 297 × 210 mm; the upright foot is now the right edge (the 版心 ends at 262 mm). */
const turned = (lines: PdfLine[]): PdfPage => ({ width: 297 * PT, height: 210 * PT, lines });

/** "— n —" 7 mm below the 版心, one 4号 character (14 pt) in from the right (odd) or left (even). */
function numberLine(n: number): PdfLine {
  const x1 = n % 2 === 1 ? 184 - 14 / PT : 28 + 14 / PT + 21;
  return mmLine(x1 - 21, 269, x1, 275.3, `— ${n} —`);
}

/** Text on line `row` of the page (10.2 mm apart), starting at the left edge of the 版心. */
const textAt = (row: number, text: string, x0 = 28) =>
  mmLine(x0, 37 + row * 10.2, x0 + [...text].length * 5.6, 44.3 + row * 10.2, text);
const bodyPage = (n: number) => page([textAt(0, BODY.slice(0, 28)), numberLine(n)]);

/** A table line on a turned page, and its number 7 mm beyond the 版心, reading upward. */
const TABLE_ROW = mmLine(37, 40, 200, 46, '序号指标目标');
/** On an odd page at the 版心's top end (26 mm) one 4号 character (4.9 mm) in. */
const oddTurnedNumber = (text: string) => mmLine(269, 26 + 14 / PT, 275.5, 40 + 14 / PT, text);

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

const check = (pages: PdfPage[], id: string, docx: string[] = []) => byId(verifyLayout(pages, docx), id);

describe('page numbers', () => {
  const imprint = (y1: number) => mmLine(29, y1 - 7.3, 180, y1, '长春市人民政府办公厅2025年10月9日印发');

  it('wants a number on a one-page report, 版记 and all', () => {
    expect(check([page([textAt(0, BODY.slice(0, 28)), imprint(261.5)])], 'render.page-numbers')).toEqual({
      id: 'render.page-numbers',
      name: '页码（— N —，单右双左）',
      ok: false,
      problems: ['第1页没有页码“— 1 —”（GB/T 9704 7.5）'],
      summary: '1页',
    });
  });

  it('keeps the first 20 problems', () => {
    const bare = Array.from({ length: 21 }, () => page([textAt(0, BODY.slice(0, 28))]));
    const c = check(bare, 'render.page-numbers');
    expect(c.problems).toHaveLength(20);
    expect(c.problems[19]).toBe('第20页没有页码“— 20 —”（GB/T 9704 7.5）');
    expect(c.summary).toBe('21页');
  });

  it('on a turned first page (odd) wants the number at the 版心’s top end', () => {
    expect(check([turned([TABLE_ROW, oddTurnedNumber('—1—')])], 'render.page-numbers').problems).toEqual([]);
  });

  it('names the number a turned page lacks, and does not take a “—3—” in a table cell for it', () => {
    const missing = '第3页（横排表格页）没有页码“— 3 —”，应在版心右侧（GB/T 9704 第8章）';
    const bare = turned([TABLE_ROW]);
    expect(check([bodyPage(1), bodyPage(2), bare], 'render.page-numbers').problems).toEqual([missing]);
    const inCell = turned([TABLE_ROW, mmLine(100, 60, 106.5, 74, '—3—')]);
    expect(check([bodyPage(1), bodyPage(2), inCell], 'render.page-numbers').problems).toEqual([missing]);
  });

  it('on a turned page, passes over other text beyond the 版心 to the number', () => {
    const noted = turned([mmLine(265, 8, 271, 20, '续表'), TABLE_ROW, oddTurnedNumber('—3—')]);
    expect(check([bodyPage(1), bodyPage(2), noted], 'render.page-numbers').problems).toEqual([]);
  });

  it('reads a turned page’s number written with layout spaces around it', () => {
    const spaced = turned([TABLE_ROW, oddTurnedNumber('  — 3 —\n')]);
    expect(check([bodyPage(1), bodyPage(2), spaced], 'render.page-numbers').problems).toEqual([]);
  });
});

describe('the 成文日期 and the 版记', () => {
  it('refuses a 成文日期 standing first on its page', () => {
    const alone = page([mmLine(120, 37, 165, 44.3, '2025年10月9日'), numberLine(2)]);
    expect(check([bodyPage(1), alone], 'render.signature-page').problems).toEqual([
      '第2页：发文机关署名和成文日期单独成页，上面没有正文（GB/T 9704 7.3.5：应调整行距、字距使其与正文同页）',
    ]);
  });

  it('takes a line of six characters above the 署名 for body text', () => {
    const signed = page([
      textAt(0, '特此报告如下'),
      mmLine(123, 47.2, 162, 54.5, '长春市人民政府'),
      mmLine(120, 57.4, 165, 64.7, '2025年10月9日'),
      numberLine(2),
    ]);
    expect(check([bodyPage(1), signed], 'render.signature-page').ok).toBe(true);
  });

  it('names the 版记 check, found or not', () => {
    const last = page([
      mmLine(29, 254.2, 180, 261.5, '长春市人民政府办公厅2025年10月9日印发'),
      numberLine(2),
    ]);
    expect(check([bodyPage(1), last], 'render.imprint')).toEqual({
      id: 'render.imprint',
      name: '版记在最后一面（偶数页）版心下端',
      ok: true,
      problems: [],
      summary: '版记在第2页',
    });
    expect(check([bodyPage(1)], 'render.imprint')).toEqual({
      id: 'render.imprint',
      name: '版记在最后一面',
      ok: true,
      problems: [],
      summary: '没有版记（不检查）',
    });
  });

  it('refuses a 版记 reaching below the 版心', () => {
    const low = page([mmLine(29, 257.7, 180, 265, '长春市人民政府办公厅2025年10月9日印发'), numberLine(2)]);
    expect(check([bodyPage(1), low], 'render.imprint').problems).toEqual([
      '第2页第1行“印发”一行下端在265.0毫米，版记末条分隔线应与版心下边缘（262毫米）重合',
    ]);
  });
});

describe('characters kept and where one went', () => {
  const laid = (...rows: string[]) => page([...rows.map((t, i) => textAt(i, t)), numberLine(1)]);

  it('names the check and counts the characters', () => {
    expect(check([laid('报告正文')], 'render.text-kept', ['报告正文'])).toEqual({
      id: 'render.text-kept',
      name: 'Word 文件的文字全部排出',
      ok: true,
      problems: [],
      summary: 'Word 文件共4个字符，排版后缺0个',
    });
  });

  it('does not place a loss in a paragraph laid out whole, or in one under 8 characters', () => {
    const c = check([laid('各地区各部门认真贯彻落实')], 'render.text-kept', [
      '各地区各部门认真贯彻落实',
      '认真贯彻党',
    ]);
    expect(c.problems).toEqual(['PDF 中少了5个字符（“认”1个、“真”1个、“贯”1个、“彻”1个、“党”1个）']);
  });

  it('places a loss in a paragraph of 8 characters, on the line that holds the words before it', () => {
    const c = check([laid('特此通知各单位', '各地区各部门认真')], 'render.text-kept', ['各地区各部门认党']);
    expect(c.problems).toEqual(['PDF 中少了1个字符（“党”1个）', '第1页第2行：“各地区各部门认”之后缺“党”']);
  });

  it('names the line of the last character before the gap when it starts a line', () => {
    const c = check([laid('各地区各部门认真贯彻', '落党中央国务院')], 'render.text-kept', [
      '各地区各部门认真贯彻落实党中央国务院',
    ]);
    expect(c.problems).toEqual([
      'PDF 中少了1个字符（“实”1个）',
      '第1页第2行：“地区各部门认真贯彻落”之后缺“实”',
    ]);
  });

  it('does not place a loss when the paragraph’s start is not on the page, or the words are only reordered', () => {
    const start = check([laid('中央国院决策')], 'render.text-kept', ['党中央国务院决策']);
    expect(start.problems).toEqual(['PDF 中少了2个字符（“党”1个、“务”1个）']);
    const reordered = check([laid('各地区各部门贯彻认真')], 'render.text-kept', [
      '各地区各部门认真贯彻',
      '党',
    ]);
    expect(reordered.problems).toEqual(['PDF 中少了1个字符（“党”1个）']);
  });

  it('lists eight lost characters and places ten losses at most', () => {
    const lost = [...'甲乙丙丁戊己庚辛壬癸子'];
    const paras = lost.map((c) => `各地区各部门认真${c}`);
    const p = page([...lost.map((_, i) => textAt(i, '各地区各部门认真')), numberLine(1)]);
    const c = check([p], 'render.text-kept', paras);
    expect(c.problems).toEqual([
      'PDF 中少了11个字符（“甲”1个、“乙”1个、“丙”1个、“丁”1个、“戊”1个、“己”1个、“庚”1个、“辛”1个）',
      ...lost.slice(0, 10).map((x) => `第1页第1行：“各地区各部门认真”之后缺“${x}”`),
    ]);
  });

  it('counts what the pages hold, line by line and page by page, nothing more', () => {
    const two = () => page([textAt(0, '报告'), textAt(1, '正文')]);
    const c = check([two(), two()], 'render.text-kept', ['报告正文报告正文', 'ask']);
    expect(c.problems).toEqual(['PDF 中少了3个字符（“a”1个、“s”1个、“k”1个）']);
  });
});
