/**
 * The parts of the workbook plan that decide what an office sees: which targets and tasks its workbook
 * lists (by document — id, 发文字号 however bracketed, title or part of it, source file — and by unit,
 * either name holding the other), in document then text order; the 文件 column's label; the printed
 * page's header (Excel's "&" doubled); and the row heights that keep wrapped text visible. A small
 * hand-made catalogue; expected values counted by hand from the documented measures (10 pt 宋体: a CJK
 * glyph 13⅓ px, a column unit 7 px, a line 14.5 pt).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, PolicyDocument, Target, Task } from '../src/core/model/catalogue.js';
import {
  estimateRowHeight,
  landscapePrint,
  linesHeight,
  selectForOffice,
  targetRowCells,
  wrappedLines,
} from '../src/core/workbook/build-plan.js';
import type { ColumnDef } from '../src/core/workbook/layout.js';

const doc = (id: string, title: string, docNumber: string | null, source: string): PolicyDocument => ({
  id,
  title,
  docNumber,
  source,
  issuer: null,
  date: null,
  textHash: '',
});

const D1 = doc('D1', '吉林省人民政府关于促进健康服务业发展的实施意见', '吉政发〔2024〕3号', 'health.txt');
const D2 = doc('D2', '长春市数字经济发展规划', null, 'digital.txt');

function target(
  id: string,
  documentId: string,
  offset: number,
  lead: string[],
  participants: string[] = [],
): Target {
  return {
    id,
    documentId,
    offset,
    lead,
    participants,
    taskId: null,
    path: ['一、总体要求', '（二）主要目标'],
    quote: `到2025年，${id}达到60%以上`,
    indicator: `${id}指标`,
    comparator: '>=',
    value: 60,
    valueMax: null,
    unit: '%',
    normalizedValue: 60,
    baseUnit: '%',
    deadline: '2025',
    perYear: false,
    perUnit: null,
    linked: [],
  } as unknown as Target;
}

function task(id: string, documentId: string, offset: number, lead: string[]): Task {
  return {
    id,
    documentId,
    offset,
    lead,
    participants: [],
    path: [],
    title: '',
    text: `${id}任务`,
    origin: 'text',
  };
}

const catalogue = {
  documents: [D1, D2],
  targets: [
    target('t1', 'D2', 50, ['长春市发展改革委']),
    target('t2', 'D1', 100, ['省卫生健康委'], ['长春市']),
    target('t3', 'D1', 10, ['各市州政府']),
    target('t4', 'D2', 10, [], ['吉林市人民政府']),
  ],
  tasks: [task('k1', 'D2', 5, ['长春市政府']), task('k2', 'D1', 7, ['吉林市政府'])],
} as unknown as Catalogue;

const ids = (f: { documents?: string[]; units?: string[] }) => {
  const s = selectForOffice(catalogue, f);
  return [...s.targets.map((t) => t.id), ...s.tasks.map((t) => t.id)];
};

describe('what an office’s workbook lists', () => {
  it('without a filter, everything in document order, then text order', () => {
    expect(ids({})).toEqual(['t3', 't2', 't4', 't1', 'k2', 'k1']);
    expect(ids({ documents: [' ', ''], units: ['  '] })).toEqual(['t3', 't2', 't4', 't1', 'k2', 'k1']);
  });

  it('a document by id, 发文字号 in any brackets, title, part of the title or source file', () => {
    expect(ids({ documents: ['D2'] })).toEqual(['t4', 't1', 'k1']);
    expect(ids({ documents: ['吉政发[2024]3号'] })).toEqual(['t3', 't2', 'k2']);
    expect(ids({ documents: ['吉政发（2024）3号'] })).toEqual(['t3', 't2', 'k2']);
    expect(ids({ documents: ['吉政发〔2024〕 3号'] })).toEqual(['t3', 't2', 'k2']);
    expect(ids({ documents: ['长春市数字经济发展规划'] })).toEqual(['t4', 't1', 'k1']);
    expect(ids({ documents: ['健康服务业'] })).toEqual(['t3', 't2', 'k2']);
    expect(ids({ documents: ['digital.txt'] })).toEqual(['t4', 't1', 'k1']);
    expect(ids({ documents: ['D1', 'D2'] })).toEqual(['t3', 't2', 't4', 't1', 'k2', 'k1']);
  });

  it('nothing for a document named only by brackets, or not in the catalogue', () => {
    expect(ids({ documents: ['（）'] })).toEqual([]);
    expect(ids({ documents: ['吉政发〔2024〕4号'] })).toEqual([]);
    expect(ids({ documents: ['d2'] })).toEqual([]);
  });

  it('a unit when a lead or participant holds its name, or its name holds theirs', () => {
    expect(ids({ units: ['长春市'] })).toEqual(['t2', 't1', 'k1']);
    expect(ids({ units: ['吉林市人民政府办公厅'] })).toEqual(['t4']);
    expect(ids({ units: ['长春市', '省卫生健康委'] })).toEqual(['t2', 't1', 'k1']);
    expect(ids({ units: ['四平市'] })).toEqual([]);
    expect(ids({ documents: ['D1'], units: ['长春市'] })).toEqual(['t2']);
  });
});

describe('the locked cells of a 指标 row', () => {
  it('name, quote, target, unit, deadline, the document’s 发文字号 or title, the heading path, leads', () => {
    const t = { ...target('t9', 'D1', 1, ['省卫生健康委', '省财政厅']), name: '健康指标' } as Target;
    expect(targetRowCells(3, t, D1)).toEqual({
      seq: 3,
      name: '健康指标',
      quote: '到2025年，t9达到60%以上',
      targetText: '≥60%',
      unit: '%',
      deadline: '2025',
      document: '吉政发〔2024〕3号',
      section: '一、总体要求（二）主要目标',
      lead: '省卫生健康委、省财政厅',
      targetId: 't9',
    });
    const bare = { ...target('t8', 'D2', 1, []), unit: null, deadline: null } as Target;
    expect(targetRowCells(1, bare, D2)).toMatchObject({
      name: 't8指标',
      unit: '',
      deadline: '',
      document: '长春市数字经济发展规划',
      lead: '',
    });
    expect(targetRowCells(1, bare, undefined).document).toBe('');
  });
});

describe('the printed page', () => {
  it('puts office and title in the header, doubling Excel’s “&”', () => {
    expect(landscapePrint('A&B办', '标题&说明', '$1:$4')).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: '$1:$4',
      headerLeft: 'A&&B办',
      header: '标题&&说明',
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      margins: { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 },
    });
    expect(landscapePrint('长春市', '表', '$1:$4', 'A1:K20').area).toBe('A1:K20');
  });
});

describe('row heights for wrapped text', () => {
  it('counts the lines a text takes in a column (10 % spare for word breaks)', () => {
    // width 30 → 202 px usable; a CJK glyph 13⅓ px: 13 glyphs (190.7 px) fit, 14 (205.3 px) do not
    expect(wrappedLines('甲'.repeat(13), 30)).toBe(1);
    expect(wrappedLines('甲'.repeat(14), 30)).toBe(2);
    expect(wrappedLines('甲'.repeat(28), 30)).toBe(3);
    // Latin letters are 0.6 of a glyph: 22 letters (193.6 px) fit, 23 do not
    expect(wrappedLines('a'.repeat(22), 30)).toBe(1);
    expect(wrappedLines('a'.repeat(23), 30)).toBe(2);
    // each line break starts a line; an empty text still takes one
    expect(wrappedLines('甲\n乙\n', 30)).toBe(3);
    expect(wrappedLines('', 30)).toBe(1);
    // a column narrower than a glyph counts as one glyph wide: two glyphs and 10 % take three lines
    expect(wrappedLines('甲乙', 1)).toBe(3);
    expect(wrappedLines('a', 1)).toBe(1);
    // CJK starts at U+2E80
    expect(wrappedLines('\u2e80', 1)).toBe(2);
    expect(wrappedLines('\u2e7f', 1)).toBe(1);
  });

  it('gives 14.5 pt a line plus 4 pt, at most Excel’s 409 pt', () => {
    expect(linesHeight(1)).toBe(18.5);
    expect(linesHeight(2)).toBe(33);
    expect(linesHeight(3)).toBe(47.5);
    expect(linesHeight(27)).toBe(395.5);
    expect(linesHeight(28)).toBe(409);
  });

  it('takes the tallest wrapped text cell of a row; numbers, empty and unwrapped cells count as one line', () => {
    const cols = [
      { key: 'a', header: 'a', width: 30, entry: true, wrap: true },
      { key: 'b', header: 'b', width: 5, entry: false },
      { key: 'c', header: 'c', width: 30, entry: true, wrap: true },
    ] as ColumnDef[];
    expect(estimateRowHeight(['甲'.repeat(14), '乙'.repeat(200), 12345], cols)).toBe(33);
    expect(estimateRowHeight(['甲', '乙'.repeat(200), '丙'.repeat(28)], cols)).toBe(47.5);
    expect(estimateRowHeight(['', '乙'.repeat(200), null], cols)).toBe(18.5);
    // more cells than columns: the extra cell has no column and counts for nothing
    expect(estimateRowHeight(['甲', '乙', '丙', '丁'.repeat(100)], cols)).toBe(18.5);
  });
});
