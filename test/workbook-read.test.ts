/**
 * readSubmission on grids made from the real plan (no .xlsx round trip): the 任务 sheet's row
 * alignment and locked-cell check, and the 指标 rules a status must satisfy. Expected values come
 * from what the test typed, never from the reader.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import { TARGET_COLUMNS, TASK_COLUMNS, a1 } from '../src/core/workbook/layout.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { gridSheet as sheet, headerColumn as column, planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

let catalogue: Catalogue;

beforeAll(() => {
  catalogue = seedCatalogue();
});

function freshGrid(period = '2025年度'): WorkbookGrid {
  return planGrid(
    planWorkbook(catalogue, { office: '长春市', period, generatedAt: '2026-01-05T08:00:00.000Z' }),
  );
}

/** 0-based rows of the sheet's catalogue rows, by id. */
function rowsById(s: GridSheet, idHeader: string): Map<string, number> {
  const { col, headerRow } = column(s, idHeader);
  const out = new Map<string, number>();
  for (let r = headerRow + 1; r < s.rows.length; r++) {
    const id = s.rows[r]?.[col];
    if (typeof id === 'string' && id) out.set(id, r);
  }
  return out;
}

function put(s: GridSheet, r: number, header: string, v: CellValue): void {
  const { col } = column(s, header);
  (s.rows[r] ??= [])[col] = v;
}

function read(grid: WorkbookGrid) {
  return readSubmission(grid, { source: '长春市.xlsx', catalogue });
}

describe('the 任务 sheet', () => {
  it('reads each task row into the entry of that very task (first and last rows included)', () => {
    const grid = freshGrid();
    const tasks = sheet(grid, '任务');
    const ids = rowsById(tasks, '任务编号');
    expect(ids.size).toBe(catalogue.tasks.length);
    for (const [id, r] of ids) {
      put(tasks, r, '进展状态', '序时推进');
      put(tasks, r, '进展情况', `进展-${id}`);
      put(tasks, r, '下一步措施', `措施-${id}`);
    }
    const sub = read(grid);
    expect(sub.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(sub.taskEntries.map((t) => t.taskId).sort()).toEqual([...ids.keys()].sort());
    for (const t of sub.taskEntries) {
      expect(t).toEqual({
        taskId: t.taskId,
        status: '序时推进',
        progress: `进展-${t.taskId}`,
        problems: '',
        nextSteps: `措施-${t.taskId}`,
      });
    }
  });

  it('names the task and the cell of an edited catalogue (locked) cell', () => {
    const grid = freshGrid();
    const tasks = sheet(grid, '任务');
    const [id, r] = [...rowsById(tasks, '任务编号')][1];
    put(tasks, r, '任务内容', '任务被改写了');
    const sub = read(grid);
    const locked = sub.problems.filter((p) => p.code === 'locked-cell-edited');
    const { col } = column(tasks, '任务内容');
    expect(locked).toEqual([
      expect.objectContaining({ severity: 'error', sheet: '任务', cell: a1(col, r + 1), targetId: id }),
    ]);
    expect(locked[0].message).toContain('“任务内容”被改动');
    expect(locked[0].message).toContain('任务被改写了');
  });

  it('reports a deleted task row, a duplicated one and a filled row without an id', () => {
    const grid = freshGrid();
    const tasks = sheet(grid, '任务');
    const entries = [...rowsById(tasks, '任务编号')];
    const [goneId, goneRow] = entries[0];
    const [dupId, dupRow] = entries[2];
    const copy = [...tasks.rows[dupRow]];
    tasks.rows.splice(goneRow, 1);
    tasks.rows.push(copy, []);
    put(tasks, tasks.rows.length - 1, '进展情况', '自己加的一行');
    const sub = read(grid);
    const byCode = (code: string) => sub.problems.filter((p) => p.code === code && p.sheet === '任务');
    expect(byCode('row-deleted').map((p) => p.targetId)).toEqual([goneId]);
    expect(byCode('row-duplicated').map((p) => p.targetId)).toEqual([dupId]);
    expect(byCode('row-added').map((p) => p.cell)).toEqual([a1(0, tasks.rows.length)]);
    expect(sub.taskEntries.some((t) => t.taskId === goneId)).toBe(false);
  });

  it('requires 存在问题 (not 下一步措施) for a task that is 滞后', () => {
    const grid = freshGrid();
    const tasks = sheet(grid, '任务');
    const [[idA, rA], [idB, rB]] = [...rowsById(tasks, '任务编号')];
    put(tasks, rA, '进展状态', '滞后');
    put(tasks, rA, '下一步措施', '加快进度');
    put(tasks, rB, '进展状态', '滞后');
    put(tasks, rB, '存在问题', '资金未到位');
    const sub = read(grid);
    const lagging = sub.problems.filter((p) => p.code === 'lagging-unexplained');
    expect(lagging.map((p) => [p.targetId, p.cell])).toEqual([
      [idA, a1(column(tasks, '存在问题').col, rA + 1)],
    ]);
    expect(lagging.some((p) => p.targetId === idB)).toBe(false);
  });
});

describe('the 指标 sheet', () => {
  it('requires 存在问题 for 滞后 (an error) and only asks for 下一步措施 (a warning)', () => {
    const grid = freshGrid();
    const targets = sheet(grid, '指标');
    const ids = rowsById(targets, '指标编号');
    const [[idA, rA], [idB, rB]] = [...ids];
    put(targets, rA, '进展状态', '滞后');
    put(targets, rA, '下一步措施', '加快进度');
    put(targets, rB, '进展状态', '滞后');
    put(targets, rB, '存在问题', '资金未到位');
    const sub = read(grid);
    const mine = (id: string) =>
      sub.problems.filter((p) => p.targetId === id).map((p) => [p.severity, p.code]);
    expect(mine(idA)).toContainEqual(['error', 'lagging-unexplained']);
    expect(mine(idA)).not.toContainEqual(['warning', 'lagging-no-next-steps']);
    expect(mine(idB)).toContainEqual(['warning', 'lagging-no-next-steps']);
    expect(mine(idB)).not.toContainEqual(['error', 'lagging-unexplained']);
  });

  it('judges a ceiling target (≤ 10): 12 is not 已完成, 8 is not 滞后', () => {
    // The seeds have no ceiling target: turn one ≥ target into "≤ 10" (a catalogue of our own).
    const own = structuredClone(catalogue);
    const t = own.targets.find((x) => x.comparator === '>=' && x.value !== null);
    if (!t) throw new Error('the seeds have no ≥ target');
    Object.assign(t, { comparator: '<=', value: 10, valueMax: null });
    const check = (actual: number, status: string) => {
      const grid = planGrid(
        planWorkbook(own, { office: '长春市', period: '2025年度', generatedAt: '2026-01-05T08:00:00.000Z' }),
      );
      const targets = sheet(grid, '指标');
      const r = rowsById(targets, '指标编号').get(t.id) ?? -1;
      put(targets, r, '完成值', actual);
      put(targets, r, '进展状态', status);
      put(targets, r, '存在问题', '说明');
      return readSubmission(grid, { source: 'x.xlsx', catalogue: own }).problems.filter(
        (p) => p.targetId === t.id && p.code === 'status-inconsistent',
      );
    };
    expect(check(12, '已完成')).toHaveLength(1); // over the ceiling: not done
    expect(check(8, '已完成')).toEqual([]); // under the ceiling: done
    expect(check(10, '已完成')).toEqual([]); // at the ceiling: done
    expect(check(8, '滞后')).toHaveLength(1); // under the ceiling yet "lagging"
    expect(check(12, '滞后')).toEqual([]);
  });

  it('warns about every row whose columns moved by one (a row shift shows as edited catalogue cells)', () => {
    const grid = freshGrid();
    const targets = sheet(grid, '指标');
    const { col } = column(targets, '指标内容');
    const ids = [...rowsById(targets, '指标编号').values()];
    // shift the 指标内容 column of the first two rows by one row
    const [r0, r1, r2] = ids;
    const shifted = targets.rows[r1][col];
    targets.rows[r1][col] = targets.rows[r2][col];
    targets.rows[r0][col] = shifted;
    const locked = read(grid).problems.filter((p) => p.code === 'locked-cell-edited');
    expect(locked.map((p) => p.cell)).toEqual([a1(col, r0 + 1), a1(col, r1 + 1)]);
  });
});

describe('the layout the tests rely on', () => {
  it('has the headers used above', () => {
    expect(TASK_COLUMNS.map((c) => c.header)).toEqual(
      expect.arrayContaining(['任务编号', '任务内容', '进展状态', '进展情况', '存在问题', '下一步措施']),
    );
    expect(TARGET_COLUMNS.map((c) => c.header)).toEqual(
      expect.arrayContaining(['指标编号', '指标内容', '完成值', '进展状态', '存在问题', '下一步措施']),
    );
  });
});
