/**
 * What the reader takes from a workbook's sheets, on a workbook planned from a small hand-made
 * catalogue (two 指标, one 任务) as the grid a reader sees: the hidden _meta field by field (also when
 * renamed, or when a copy sits beside it), tables found by their headers under another name but never
 * in a very hidden sheet or the 已移除指标 sheet, headers typed with spaces or stars, a copied column,
 * the quoted cell in a message (shortened after 30 characters, a date as a date), a workbook it must
 * refuse, and office and period from the subtitle when _meta is lost. Expected values are the ones the
 * test planned or typed.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import type { Problem } from '../src/core/model/submission.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { findMeta, readSubmission } from '../src/core/workbook/read.js';
import { gridSheet, headerColumn, planGrid } from './helpers/plan-grid.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';

const catalogue = () =>
  handCatalogue(
    [
      handTarget('t1', { value: 90, unit: '%', offset: 1 }),
      handTarget('t2', { value: 500, unit: '人', offset: 2 }),
    ],
    [handTask('k1', '加强队伍建设', 3)],
  );

function grid(over: Partial<Parameters<typeof planWorkbook>[1]> = {}): WorkbookGrid {
  return planGrid(
    planWorkbook(catalogue(), {
      office: '长春市',
      period: '2025年1-9月',
      generatedAt: '2026-01-05T08:00:00.000Z',
      ...over,
    }),
  );
}

const read = (g: WorkbookGrid) => readSubmission(g, { source: '长春市.xlsx', catalogue: catalogue() });

/** Put a value in the row of `id` under `header` (found by its header text). */
function put(s: GridSheet, id: string, header: string, v: CellValue, idHeader = '指标编号'): string {
  const idCol = headerColumn(s, idHeader).col;
  const r = s.rows.findIndex((row) => row[idCol] === id);
  const c = headerColumn(s, header).col;
  (s.rows[r] ??= [])[c] = v;
  return `${String.fromCharCode(65 + c)}${r + 1}`;
}

const codes = (ps: Problem[]) => ps.map((p) => p.code);

function copySheet(s: GridSheet, name: string, state: GridSheet['state'] = 'visible'): GridSheet {
  return { name, state, rows: s.rows.map((r) => [...r]) };
}

describe('the hidden _meta', () => {
  it('records office, period, catalogue, deadline, contact, the documents and units chosen, and each row', () => {
    const m = findMeta(
      grid({
        deadline: '2026-01-15',
        contact: '张三',
        phone: '0431-88880000',
        documents: ['吉政发〔2023〕5号'],
        units: ['省卫健委'],
      }),
    );
    expect(m).toMatchObject({
      format: 'luoshi-workbook',
      formatVersion: 1,
      catalogueVersion: 'hand-v1',
      office: '长春市',
      period: '2025年1-9月',
      generatedAt: '2026-01-05T08:00:00.000Z',
      deadline: '2026-01-15',
      documents: ['吉政发〔2023〕5号'],
      units: ['省卫健委'],
      contact: '张三',
      phone: '0431-88880000',
    });
    expect(m!.rows.map((r) => [r.kind, r.id, r.row, r.comparator, r.value, r.valueMax, r.unit])).toEqual([
      ['target', 't1', 4, '>=', 90, null, '%'],
      ['target', 't2', 5, '>=', 500, null, '人'],
      ['task', 'k1', 4, '', null, null, ''],
    ]);
  });

  it('leaves what was not given empty', () => {
    const m = findMeta(grid());
    expect(m).toMatchObject({ deadline: null, contact: null, phone: null, documents: [], units: [] });
  });

  it('reads a figure typed as text, and a blank text cell as no figure', () => {
    const g = grid();
    const meta = gridSheet(g, '_meta');
    const r1 = meta.rows.findIndex((row) => row[0] === 'target' && row[1] === 't1');
    const r2 = meta.rows.findIndex((row) => row[0] === 'target' && row[1] === 't2');
    meta.rows[r1][5] = ' 85 ';
    meta.rows[r2][5] = '   ';
    const rows = findMeta(g)!.rows;
    expect(rows[0].value).toBe(85);
    expect(rows[1].value).toBeNull();
  });

  it('is found under another name, and the one named _meta wins over a copy', () => {
    const g = grid();
    const meta = gridSheet(g, '_meta');
    const copy = copySheet(meta, 'Sheet9', 'hidden');
    copy.rows[copy.rows.findIndex((r) => r[0] === 'office')][1] = '吉林市';
    g.sheets.unshift(copy);
    expect(findMeta(g)!.office).toBe('长春市');
    const sub = read(g);
    expect(sub.office).toBe('长春市');
    expect(codes(sub.problems)).not.toContain('sheet-renamed');

    const renamed = grid();
    gridSheet(renamed, '_meta').name = 'Sheet2';
    expect(findMeta(renamed)!.office).toBe('长春市');
    expect(read(renamed).problems).toContainEqual({
      severity: 'warning',
      code: 'sheet-renamed',
      message: 'Sheet2：隐藏的信息表 _meta 被改名为“Sheet2”',
      sheet: 'Sheet2',
      cell: null,
      targetId: null,
    });
  });

  it('is none when no sheet holds it', () => {
    const g = grid();
    g.sheets = g.sheets.filter((s) => s.name !== '_meta');
    expect(findMeta(g)).toBeNull();
  });
});

describe('finding the 指标 table', () => {
  it('reads it from a sheet under another name, by its headers, and says so', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    put(s, 't2', '完成值', 320);
    s.name = '指标(2)';
    const sub = read(g);
    expect(sub.entries.map((e) => e.actual)).toEqual([null, 320]);
    expect(sub.problems).toContainEqual({
      severity: 'warning',
      code: 'sheet-renamed',
      message: '指标(2)：工作表“指标”被改名为“指标(2)”，已按表头识别；请勿更改工作表名称',
      sheet: '指标(2)',
      cell: null,
      targetId: null,
    });
  });

  it('takes a copy under another name when the 指标 sheet lost its headers', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    put(s, 't1', '完成值', 88);
    const copy = copySheet(s, 'Sheet1');
    s.rows = s.rows.map((r) => r.map(() => null));
    g.sheets.push(copy);
    const sub = read(g);
    expect(sub.entries.map((e) => e.actual)).toEqual([88, null]);
    expect(sub.problems.filter((p) => p.code === 'sheet-renamed').map((p) => p.sheet)).toEqual(['Sheet1']);
  });

  it('never reads a very hidden sheet or the 已移除指标 sheet as the 指标 table', () => {
    for (const [name, state] of [
      ['备份', 'veryHidden'],
      ['已移除指标', 'visible'],
    ] as const) {
      const g = grid();
      const s = gridSheet(g, '指标');
      g.sheets = g.sheets.filter((x) => x !== s);
      g.sheets.push(copySheet(s, name, state));
      const sub = read(g);
      expect(sub.rows).toEqual([]);
      expect(sub.problems.filter((p) => p.code === 'sheet-missing').map((p) => p.message)).toContain(
        '找不到“指标”工作表（被删除，或表头被改动），无法读取指标填报内容',
      );
    }
  });

  it('knows a header typed with spaces or a star, and reads the first of two columns with one header', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    const { col, headerRow } = headerColumn(s, '完成值');
    put(s, 't1', '完成值', 77);
    s.rows[headerRow][col] = ' 完 成 值＊';
    // a copied 完成值 column at the right holds something else
    const extra = s.rows[headerRow].length;
    s.rows[headerRow][extra] = '完成值';
    for (let r = headerRow + 1; r < s.rows.length; r++) (s.rows[r] ??= [])[extra] = 1;
    expect(read(g).entries.map((e) => e.actual)).toEqual([77, null]);
  });
});

describe('what a row holds', () => {
  it('reads the catalogue columns of a row as they stand', () => {
    expect(read(grid()).rows[1]).toEqual({
      targetId: 't2',
      row: 5,
      document: '吉政发〔2023〕5号',
      section: '一、',
      quote: '到2025年，指标t2达到500人',
      targetText: '≥500人',
      unit: '人',
      deadline: '2025',
      lead: '省卫健委',
      comparator: '>=',
      value: 500,
      valueMax: null,
    });
  });

  it('quotes what was typed, cut after 30 characters, a date as its day', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    const thirty = '一二三四五六七八九十'.repeat(3);
    const c1 = put(s, 't1', '完成值', `${thirty}多`);
    const c2 = put(s, 't2', '完成值', thirty);
    const c3 = put(s, 't1', '基期值', new Date(Date.UTC(2025, 8, 30)));
    const bad = read(g).problems.filter((p) => p.code === 'not-a-number');
    const msg = (cell: string) => bad.find((p) => p.cell === cell)?.message ?? '';
    expect(msg(c1)).toContain(`"${thirty}…"`);
    expect(msg(c2)).toContain(`"${thirty}"`);
    expect(msg(c2)).not.toContain('…');
    expect(msg(c3)).toContain('"2025-09-30"');
  });

  it('states the target by its rule when the 目标值 cell was emptied', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    put(s, 't1', '目标值', null);
    const cell = put(s, 't1', '进展状态', '已完成');
    put(s, 't1', '完成值', 50);
    expect(read(g).problems.find((p) => p.code === 'status-inconsistent')).toEqual({
      severity: 'warning',
      code: 'status-inconsistent',
      message: `指标!${cell}：进展状态为“已完成”，但完成值 50 未达到目标 >=90%`,
      sheet: '指标',
      cell,
      targetId: 't1',
    });
  });
});

describe('workbooks read in part or not at all', () => {
  const empty = {
    office: '',
    period: '',
    catalogueVersion: '',
    formatVersion: 0,
    generatedAt: null,
    source: '长春市.xlsx',
    rows: [],
    entries: [],
    taskEntries: [],
  };

  it('refuses a workbook that is no luoshi workbook, reading nothing', () => {
    const sub = read({ sheets: [{ name: 'Sheet1', state: 'visible', rows: [['姓名', '电话']] }] });
    expect(sub).toEqual({
      ...empty,
      problems: [expect.objectContaining({ severity: 'error', code: 'not-a-luoshi-workbook' }) as Problem],
    });
  });

  it('refuses a workbook of a newer format, reading nothing', () => {
    const g = grid();
    const meta = gridSheet(g, '_meta');
    meta.rows[meta.rows.findIndex((r) => r[0] === 'formatVersion')][1] = 99;
    const sub = read(g);
    expect(sub.rows).toEqual([]);
    expect(sub.entries).toEqual([]);
    expect(sub.problems).toHaveLength(1);
    expect(sub.problems[0].message).toBe(
      '长春市.xlsx 由更新版本的 luoshi 生成（格式版本 99，本程序支持到 1），请升级 luoshi',
    );
  });

  it('without _meta says why it cannot check the locked cells, and takes office and period from the subtitle', () => {
    const g = grid();
    g.sheets = g.sheets.filter((s) => s.name !== '_meta');
    const sub = read(g);
    expect([sub.office, sub.period]).toEqual(['长春市', '2025年1-9月']);
    expect(sub.problems.find((p) => p.code === 'meta-missing')?.message).toBe(
      '长春市.xlsx 缺少隐藏的 _meta 信息（可能把内容复制到了新文件中），无法核对目录内容是否被改动；请使用下发的原始填报表',
    );
  });

  it('takes only what the subtitle names: an office without a period, a period without an office, or nothing', () => {
    const g = grid();
    g.sheets = g.sheets.filter((s) => s.name !== '_meta');
    const s = gridSheet(g, '指标');
    s.rows[1] = ['填报单位：四平市'];
    expect([read(g).office, read(g).period]).toEqual(['四平市', '']);
    s.rows[1] = ['填报期间：2025年度'];
    expect([read(g).office, read(g).period]).toEqual(['', '2025年度']);
    s.rows[1] = ['浅黄色单元格为填报区'];
    expect([read(g).office, read(g).period]).toEqual(['', '']);
  });

  it('raises no catalogue-version warning when the workbook was made from the catalogue given', () => {
    expect(codes(read(grid()).problems)).not.toContain('catalogue-version');
  });
});
