/**
 * The reader's row routine on a workbook planned from a small hand-made catalogue (two 指标, two
 * 任务): rows without an id, added, duplicated and deleted rows on both sheets, a locked column that
 * moved away, 截至日期 in a period the reader cannot date, the 任务 rows' own entries and the 已移除指标
 * rows with cells that cannot be read. Each finding is checked for its code, severity, message and
 * cell; expected values are the ones the test typed.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import { emptyEntry, type Problem } from '../src/core/model/submission.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readRemovedTargets, readSubmission } from '../src/core/workbook/read.js';
import { gridSheet, headerColumn, planGrid } from './helpers/plan-grid.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';

const catalogue = () =>
  handCatalogue(
    [
      handTarget('t1', { value: 90, unit: '%', offset: 1 }),
      handTarget('t2', { value: 500, unit: '人', offset: 2 }),
    ],
    [handTask('k1', '加强队伍建设', 3), handTask('k2', '完善考核机制', 4)],
  );

function grid(period = '2025年1-9月', over: Partial<Parameters<typeof planWorkbook>[1]> = {}): WorkbookGrid {
  return planGrid(
    planWorkbook(catalogue(), { office: '长春市', period, generatedAt: '2026-01-05T08:00:00.000Z', ...over }),
  );
}

const read = (g: WorkbookGrid) => readSubmission(g, { source: '长春市.xlsx', catalogue: catalogue() });
const ofCode = (ps: Problem[], code: string) => ps.filter((p) => p.code === code);

function rowOf(s: GridSheet, id: string, idHeader: string): number {
  const idCol = headerColumn(s, idHeader).col;
  return s.rows.findIndex((row) => row[idCol] === id);
}

function put(s: GridSheet, id: string, header: string, v: CellValue, idHeader = '指标编号'): string {
  const r = rowOf(s, id, idHeader);
  const c = headerColumn(s, header).col;
  (s.rows[r] ??= [])[c] = v;
  return `${String.fromCharCode(65 + c)}${r + 1}`;
}

describe('rows of the 任务 sheet', () => {
  it('reads each task’s status and texts, trimmed as typed', () => {
    const g = grid();
    const s = gridSheet(g, '任务');
    put(s, 'k2', '进展状态', '已完成', '任务编号');
    put(s, 'k2', '进展情况', '已建立考核办法', '任务编号');
    put(s, 'k1', '进展状态', '序时推进', '任务编号');
    put(s, 'k1', '下一步措施', '继续推进', '任务编号');
    expect(read(g).taskEntries).toEqual([
      { taskId: 'k1', status: '序时推进', progress: '', problems: '', nextSteps: '继续推进' },
      { taskId: 'k2', status: '已完成', progress: '已建立考核办法', problems: '', nextSteps: '' },
    ]);
  });

  it('names a status outside the list in the cell it was typed in', () => {
    const g = grid();
    const cell = put(gridSheet(g, '任务'), 'k1', '进展状态', '差不多', '任务编号');
    const [p] = ofCode(read(g).problems, 'bad-status');
    expect([p.severity, p.sheet, p.cell, p.targetId]).toEqual(['error', '任务', cell, 'k1']);
    expect(p.message.startsWith(`任务!${cell}："差不多" `)).toBe(true);
  });

  it('does not warn about a stray note below the tasks, but refuses a filled row without an id', () => {
    const g = grid();
    const s = gridSheet(g, '任务');
    const last = s.rows.length;
    s.rows[last] = [null, '备注：以上为全部任务'];
    expect(ofCode(read(g).problems, 'row-added')).toEqual([]);
    const status = headerColumn(s, '进展状态').col;
    s.rows[last + 1] = [];
    s.rows[last + 1][status] = '已完成';
    expect(ofCode(read(g).problems, 'row-added')).toEqual([
      {
        severity: 'error',
        code: 'row-added',
        message: `任务!A${last + 2}：第 ${last + 2} 行没有任务编号，不是目录中的任务（请勿自行增加行）`,
        sheet: '任务',
        cell: `A${last + 2}`,
        targetId: null,
      },
    ]);
  });
});

describe('rows added, copied or deleted on the 指标 sheet', () => {
  it('warns about a stray note below the targets, and refuses a filled row without an id', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    const last = s.rows.length;
    s.rows[last] = [null, '备注：数据来源于统计年报'];
    expect(ofCode(read(g).problems, 'row-added')).toEqual([
      {
        severity: 'warning',
        code: 'row-added',
        message: `指标!A${last + 1}：第 ${last + 1} 行不是目录中的指标（请勿自行增加行）`,
        sheet: '指标',
        cell: `A${last + 1}`,
        targetId: null,
      },
    ]);
    s.rows[last] = [];
    s.rows[last][headerColumn(s, '完成值').col] = 12;
    expect(ofCode(read(g).problems, 'row-added').map((p) => [p.severity, p.message])).toEqual([
      [
        'error',
        `指标!A${last + 1}：第 ${last + 1} 行没有指标编号，不是目录中的指标（请勿自行增加行，补充情况写在“进展情况”中）`,
      ],
    ]);
  });

  it('reads a copied row once and names the copy; names a deleted row by its original row', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    const r1 = rowOf(s, 't1', '指标编号');
    const r2 = rowOf(s, 't2', '指标编号');
    put(s, 't1', '完成值', 95);
    s.rows[r2] = [...s.rows[r1]];
    const idCell = `${String.fromCharCode(65 + headerColumn(s, '指标编号').col)}${r2 + 1}`;
    const sub = read(g);
    expect(sub.entries.map((e) => [e.targetId, e.actual])).toEqual([['t1', 95]]);
    expect(ofCode(sub.problems, 'row-duplicated')).toEqual([
      {
        severity: 'error',
        code: 'row-duplicated',
        message: `指标!${idCell}：指标编号 t1 出现了不止一次（请勿复制行）`,
        sheet: '指标',
        cell: idCell,
        targetId: 't1',
      },
    ]);
    expect(ofCode(sub.problems, 'row-deleted')).toEqual([
      {
        severity: 'error',
        code: 'row-deleted',
        message: `指标!A${r2 + 1}：指标 t2（原第 ${r2 + 1} 行）被删除，请使用原始填报表，不要删除行`,
        sheet: '指标',
        cell: `A${r2 + 1}`,
        targetId: 't2',
      },
    ]);
  });

  it('without _meta reads every row with an id and reports none as added or deleted', () => {
    const g = grid();
    g.sheets = g.sheets.filter((x) => x.name !== '_meta');
    const s = gridSheet(g, '指标');
    const last = s.rows.length;
    s.rows[last] = [...s.rows[rowOf(s, 't2', '指标编号')]];
    s.rows[last][headerColumn(s, '指标编号').col] = 't3';
    s.rows[last + 1] = [null, '备注'];
    const sub = read(g);
    expect(sub.rows.map((r) => r.targetId)).toEqual(['t1', 't2', 't3']);
    expect(ofCode(sub.problems, 'row-added')).toEqual([]);
    expect(ofCode(sub.problems, 'row-deleted')).toEqual([]);
  });
});

describe('locked columns', () => {
  it('a locked column deleted is reported once as missing, not as every row’s edited cell', () => {
    const g = grid();
    const s = gridSheet(g, '指标');
    const { col, headerRow } = headerColumn(s, '目标年份');
    for (let r = headerRow; r < s.rows.length; r++) s.rows[r].splice(col, 1);
    const sub = read(g);
    expect(ofCode(sub.problems, 'locked-cell-edited')).toEqual([]);
    expect(ofCode(sub.problems, 'column-missing').map((p) => p.message)).toEqual([
      `指标!A${headerRow + 1}：找不到“目标年份”列（被删除或表头被改动）`,
    ]);
  });

  it('an edited locked cell is named with what it holds now', () => {
    const g = grid();
    const cell = put(gridSheet(g, '指标'), 't2', '单位', '万人');
    expect(ofCode(read(g).problems, 'locked-cell-edited')).toEqual([
      {
        severity: 'error',
        code: 'locked-cell-edited',
        message: `指标!${cell}：目录内容“单位”被改动（灰色单元格是指标目录，请勿修改；现为 "万人"）`,
        sheet: '指标',
        cell,
        targetId: 't2',
      },
    ]);
  });
});

describe('截至日期', () => {
  it('is not checked against a period the reader cannot date', () => {
    const g = grid('专项督查');
    put(gridSheet(g, '指标'), 't1', '截至日期', '2019-03-31');
    const sub = read(g);
    expect(sub.entries[0].asOf).toBe('2019-03-31');
    expect(ofCode(sub.problems, 'date-out-of-period')).toEqual([]);
  });

  it('outside a dated period names the period and its days', () => {
    const g = grid();
    const cell = put(gridSheet(g, '指标'), 't1', '截至日期', '2025-10-01');
    expect(ofCode(read(g).problems, 'date-out-of-period').map((p) => p.message)).toEqual([
      `指标!${cell}：截至日期 2025-10-01 不在填报期间 2025年1-9月（2025-01-01 至 2025-09-30）内`,
    ]);
  });
});

describe('the 已移除指标 sheet', () => {
  it('reads what it can of each removed row: an unreadable figure, date or status as empty; a row without an id skipped', () => {
    const row = {
      targetId: 'old-1',
      row: 9,
      document: '吉政发〔2020〕1号',
      section: '三、',
      quote: '旧指标达到5个',
      targetText: '≥5个',
      unit: '%',
      deadline: '2020',
      lead: '省卫健委',
      comparator: '>=' as const,
      value: 5,
      valueMax: null,
    };
    const g = grid('2025年1-9月', {
      removed: [
        {
          row,
          entry: { ...emptyEntry('old-1'), baseline: 2, actual: 4.5, asOf: '2025-06-30', status: '滞后' },
          reason: '新版目录中已无此指标',
        },
      ],
    });
    const s = gridSheet(g, '已移除指标');
    const r = rowOf(s, 'old-1', '指标编号');
    s.rows[r][headerColumn(s, '基期值').col] = '约两成';
    s.rows[r][headerColumn(s, '截至日期').col] = '上月底';
    s.rows[r][headerColumn(s, '进展状态').col] = '差不多';
    s.rows[r + 1] = [null, '说明'];
    const [only, ...rest] = readRemovedTargets(g);
    expect(rest).toEqual([]);
    expect(only.entry).toEqual({ ...emptyEntry('old-1'), baseline: null, actual: 4.5 });
    expect(only.row.row).toBe(r + 1);
    expect(only.row.document).toBe('吉政发〔2020〕1号');
  });
});

describe('cells that cannot be read', () => {
  it('names a 截至日期 that is no date in its cell', () => {
    const g = grid();
    const cell = put(gridSheet(g, '指标'), 't2', '截至日期', '上月底');
    const sub = read(g);
    const [p] = ofCode(sub.problems, 'not-a-date');
    expect([p.severity, p.sheet, p.cell, p.targetId]).toEqual(['error', '指标', cell, 't2']);
    expect(p.message.startsWith(`指标!${cell}："上月底" `)).toBe(true);
    expect(sub.entries[1].asOf).toBeNull();
  });

  it('says the unit when a figure is no number', () => {
    const g = grid();
    const cell = put(gridSheet(g, '指标'), 't2', '完成值', '三百');
    const [p] = ofCode(read(g).problems, 'not-a-number');
    expect(p.cell).toBe(cell);
    expect(p.message.endsWith('（完成值只填数字，单位：人）')).toBe(true);
  });

  it('takes 0.5 on a 1 % target for a fraction typed as a percentage', () => {
    const cat = handCatalogue([handTarget('t1', { value: 1, unit: '%', offset: 1 })]);
    const g = planGrid(
      planWorkbook(cat, { office: '长春市', period: '2025年1-9月', generatedAt: '2026-01-05T08:00:00.000Z' }),
    );
    const cell = put(gridSheet(g, '指标'), 't1', '完成值', 0.5);
    const ps = readSubmission(g, { source: '长春市.xlsx', catalogue: cat }).problems;
    expect(ofCode(ps, 'percent-as-fraction').map((p) => p.cell)).toEqual([cell]);
  });
});
