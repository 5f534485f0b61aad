/**
 * readSubmission's per-row rules and workbook-level checks on grids made from the real plan of the
 * seeds (no .xlsx round trip, milliseconds): a figure without a status, 已完成 without a figure, a
 * fraction typed for a percentage, dates at the period's edges, rows left empty, stray rows, an
 * allocated share judged by the office's own target, a renamed _meta, the 任务 sheet gone. Expected
 * values come from what the test typed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import type { Problem } from '../src/core/model/submission.js';
import { a1 } from '../src/core/workbook/layout.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readRemovedTargets, readSubmission } from '../src/core/workbook/read.js';
import { gridSheet as sheet, headerColumn as column, planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

let catalogue: Catalogue;

beforeAll(() => {
  catalogue = seedCatalogue();
});

function freshGrid(period = '2025年度', cat: Catalogue = catalogue): WorkbookGrid {
  return planGrid(planWorkbook(cat, { office: '长春市', period, generatedAt: '2026-01-05T08:00:00.000Z' }));
}

function rowOf(s: GridSheet, id: string, idHeader = '指标编号'): number {
  const { col, headerRow } = column(s, idHeader);
  for (let r = headerRow + 1; r < s.rows.length; r++) if (s.rows[r]?.[col] === id) return r;
  throw new Error(`no row ${id}`);
}

function put(s: GridSheet, r: number, header: string, v: CellValue): void {
  (s.rows[r] ??= [])[column(s, header).col] = v;
}

function cellOf(s: GridSheet, r: number, header: string): string {
  return a1(column(s, header).col, r + 1);
}

function pick(pred: (t: Target) => boolean, what: string): Target {
  const t = catalogue.targets.find(pred);
  if (!t) throw new Error(`the seeds have no ${what}`);
  return t;
}

const numeric = () =>
  pick((t) => t.comparator === '>=' && t.value !== null && t.unit !== '%', 'numeric ≥ target');
const percent = () =>
  pick((t) => t.comparator === '>=' && t.unit === '%' && (t.value ?? 0) >= 1, '% target ≥ 1');
const milestone = () => pick((t) => t.comparator === 'milestone', 'milestone');

/** Read with the seeds' catalogue unless told otherwise (null: no catalogue). */
function read(grid: WorkbookGrid, cat: Catalogue | null = catalogue) {
  return readSubmission(grid, { source: '长春市.xlsx', ...(cat ? { catalogue: cat } : {}) });
}

function mine(problems: Problem[], id: string, code: string): Problem[] {
  return problems.filter((p) => p.targetId === id && p.code === code);
}

describe('a 指标 row’s status and figure', () => {
  it('asks for a status when a figure or 进展情况 is typed without one, naming the status cell', () => {
    const t = numeric();
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    const r = rowOf(s, t.id);
    put(s, r, '完成值', 1);
    const p = mine(read(grid).problems, t.id, 'status-missing');
    expect(p).toEqual([
      {
        severity: 'warning',
        code: 'status-missing',
        sheet: '指标',
        cell: cellOf(s, r, '进展状态'),
        targetId: t.id,
        message: `指标!${cellOf(s, r, '进展状态')}：已填写完成值或进展情况，但未选择进展状态`,
      },
    ]);
    put(s, r, '完成值', null);
    put(s, r, '进展情况', '正在推进');
    expect(mine(read(grid).problems, t.id, 'status-missing')).toHaveLength(1);
    // a status that is not in the list is a different problem
    put(s, r, '进展状态', '快完成了');
    expect(mine(read(grid).problems, t.id, 'status-missing')).toEqual([]);
    expect(mine(read(grid).problems, t.id, 'bad-status')).toHaveLength(1);
    // a status alone, or nothing at all, is fine
    const fresh = freshGrid();
    expect(mine(read(fresh).problems, t.id, 'status-missing')).toEqual([]);
  });

  it('asks for the figure of a numeric target said to be 已完成, not of a milestone or an unreadable figure', () => {
    const t = numeric();
    const m = milestone();
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    put(s, rowOf(s, t.id), '进展状态', '已完成');
    put(s, rowOf(s, m.id), '进展状态', '已完成');
    const problems = read(grid).problems;
    expect(mine(problems, t.id, 'actual-missing').map((p) => [p.severity, p.cell, p.message])).toEqual([
      [
        'warning',
        cellOf(s, rowOf(s, t.id), '完成值'),
        `指标!${cellOf(s, rowOf(s, t.id), '完成值')}：进展状态为“已完成”，但未填写完成值`,
      ],
    ]);
    expect(mine(problems, m.id, 'actual-missing')).toEqual([]);
    put(s, rowOf(s, t.id), '完成值', '约30');
    const again = read(grid).problems;
    expect(mine(again, t.id, 'actual-missing')).toEqual([]);
    expect(mine(again, t.id, 'not-a-number')).toHaveLength(1);
  });

  it('flags 未启动 or 滞后 on a figure that already meets the target, and 已完成 on one that does not', () => {
    const t = numeric();
    const value = t.value ?? 0;
    const check = (actual: number, status: string) => {
      const grid = freshGrid();
      const s = sheet(grid, '指标');
      const r = rowOf(s, t.id);
      put(s, r, '完成值', actual);
      put(s, r, '进展状态', status);
      put(s, r, '存在问题', '说明');
      return mine(read(grid).problems, t.id, 'status-inconsistent').map((p) => p.message);
    };
    expect(check(value, '未启动')).toHaveLength(1);
    expect(check(value, '未启动')[0]).toContain(`进展状态为“未启动”，但完成值 ${value} 已达到目标`);
    expect(check(value, '滞后')).toHaveLength(1);
    expect(check(value, '序时推进')).toEqual([]);
    expect(check(value, '已完成')).toEqual([]);
    expect(check(value / 2, '已完成')).toHaveLength(1);
    expect(check(value / 2, '未启动')).toEqual([]);
    expect(check(value / 2, '序时推进')).toEqual([]);
  });

  it('warns about a percentage typed as a fraction only for 0 < x < 1 on a target of 1 % or more', () => {
    const t = percent();
    const warned = (raw: CellValue, cat = catalogue, id = t.id) => {
      const grid = freshGrid('2025年度', cat);
      const s = sheet(grid, '指标');
      put(s, rowOf(s, id), '完成值', raw);
      return mine(read(grid, cat).problems, id, 'percent-as-fraction');
    };
    const w = warned(0.3);
    expect(w.map((p) => p.severity)).toEqual(['warning']);
    expect(w[0].message).toContain('完成值 0.3 看起来是小数形式的百分比；本指标单位为 %，30% 应填 30');
    expect(warned(0.999)).toHaveLength(1);
    expect(warned(1)).toEqual([]);
    expect(warned(0)).toEqual([]);
    expect(warned(30)).toEqual([]);
    // typed as text "0.3" it is a figure, but not the 0.3 Excel shows for 30 % formatted as a number
    expect(warned('0.3')).toEqual([]);
    // a target below 1 % may well be met by 0.3
    const small = structuredClone(catalogue);
    const own = small.targets.find((x) => x.id === t.id);
    if (!own) throw new Error('lost the target');
    Object.assign(own, { value: 0.5, valueMax: null });
    expect(warned(0.3, small)).toEqual([]);
  });

  it('accepts 截至日期 on the first and last day of the period and refuses the days just outside', () => {
    const t = numeric();
    const errors = (date: string) => {
      const grid = freshGrid('2025年上半年');
      const s = sheet(grid, '指标');
      put(s, rowOf(s, t.id), '截至日期', date);
      return mine(read(grid).problems, t.id, 'date-out-of-period').map((p) => p.message);
    };
    expect(errors('2025-01-01')).toEqual([]);
    expect(errors('2025-06-30')).toEqual([]);
    expect(errors('2024-12-31')).toHaveLength(1);
    expect(errors('2025-07-01')[0]).toContain(
      '截至日期 2025-07-01 不在填报期间 2025年上半年（2025-01-01 至 2025-06-30）内',
    );
  });

  it('reads the figures, date, status and texts of a filled row into its entry', () => {
    const t = numeric();
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    const r = rowOf(s, t.id);
    put(s, r, '基期值', '12');
    put(s, r, '完成值', 34.5);
    put(s, r, '截至日期', '2025-09-30');
    put(s, r, '进展状态', '序时推进');
    put(s, r, '进展情况', '进展');
    put(s, r, '存在问题', '问题');
    put(s, r, '下一步措施', '措施');
    put(s, r, '佐证材料', '材料');
    const sub = read(grid);
    expect(sub.entries.find((e) => e.targetId === t.id)).toEqual({
      targetId: t.id,
      baseline: 12,
      actual: 34.5,
      asOf: '2025-09-30',
      status: '序时推进',
      progress: '进展',
      problems: '问题',
      nextSteps: '措施',
      evidence: '材料',
    });
    const row = sub.rows.find((x) => x.targetId === t.id);
    expect(row).toMatchObject({ row: r + 1, comparator: '>=', value: t.value, valueMax: t.valueMax });
    expect([sub.office, sub.period, sub.catalogueVersion, sub.formatVersion, sub.generatedAt]).toEqual([
      '长春市',
      '2025年度',
      catalogue.version,
      1,
      '2026-01-05T08:00:00.000Z',
    ]);
  });
});

describe('rows of the 指标 sheet', () => {
  it('counts the rows left without any entry', () => {
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    const n = catalogue.targets.length;
    const unfilled = (g: WorkbookGrid) => read(g).problems.filter((p) => p.code === 'rows-unfilled');
    expect(unfilled(grid).map((p) => [p.severity, p.sheet, p.message])).toEqual([
      ['warning', '指标', `指标：有 ${n} 项指标没有填写任何内容`],
    ]);
    const [a, b] = catalogue.targets;
    put(s, rowOf(s, a.id), '佐证材料', '会议纪要');
    put(s, rowOf(s, b.id), '进展状态', '未启动');
    expect(unfilled(grid)[0].message).toBe(`指标：有 ${n - 2} 项指标没有填写任何内容`);
    for (const t of catalogue.targets) put(s, rowOf(s, t.id), '进展情况', '已推进');
    expect(unfilled(grid)).toEqual([]);
  });

  it('warns about a row without an id that holds only catalogue text, when _meta is there', () => {
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    s.rows.push([]);
    const r = s.rows.length - 1;
    put(s, r, '指标内容', '自己抄的一行');
    const stray = read(grid).problems.filter((p) => p.code === 'row-added');
    expect(stray.map((p) => [p.severity, p.cell, p.message])).toEqual([
      ['warning', a1(0, r + 1), `指标!${a1(0, r + 1)}：第 ${r + 1} 行不是目录中的指标（请勿自行增加行）`],
    ]);
    // the same row on the 任务 sheet is not reported (its notes rows are free text)
    const tasks = sheet(grid, '任务');
    tasks.rows.push([]);
    put(tasks, tasks.rows.length - 1, '任务内容', '自己抄的一行');
    expect(read(grid).problems.filter((p) => p.code === 'row-added' && p.sheet === '任务')).toEqual([]);
    // without _meta nothing tells catalogue rows from others
    grid.sheets = grid.sheets.filter((x) => x.name !== '_meta');
    expect(read(grid).problems.filter((p) => p.code === 'row-added')).toEqual([]);
  });

  it('reads a row with an id but no _meta entry as added, with an error naming the id cell', () => {
    const grid = freshGrid();
    const s = sheet(grid, '指标');
    s.rows.push([]);
    const r = s.rows.length - 1;
    put(s, r, '指标编号', 'my-own');
    put(s, r, '完成值', 5);
    const added = read(grid).problems.filter((p) => p.code === 'row-added');
    expect(added.map((p) => [p.severity, p.targetId, p.cell])).toEqual([
      ['error', 'my-own', cellOf(s, r, '指标编号')],
    ]);
    expect(added[0].message).toContain('指标编号 my-own 不在本表的指标目录中');
    expect(read(grid).entries.some((e) => e.targetId === 'my-own')).toBe(false);
  });

  it('warns about a target the given catalogue no longer has (same catalogue version)', () => {
    const [gone] = catalogue.targets;
    const smaller: Catalogue = { ...catalogue, targets: catalogue.targets.slice(1) };
    const grid = freshGrid();
    const p = read(grid, smaller).problems.filter((x) => x.code === 'target-not-in-catalogue');
    expect(
      p.map((x) => [x.severity, x.targetId, x.message.endsWith(`指标 ${gone.id} 不在所给目录中`)]),
    ).toEqual([['warning', gone.id, true]]);
    expect(read(grid, null).problems.some((x) => x.code === 'target-not-in-catalogue')).toBe(false);
  });
});

/** The _meta sheet's per-row table: the row of a target, and the column of a field by its header. */
function metaRow(grid: WorkbookGrid, id: string): { s: GridSheet; r: number } {
  const s = sheet(grid, '_meta');
  const r = s.rows.findIndex((row) => row[0] === 'target' && row[1] === id);
  if (r < 0) throw new Error(`no _meta row for ${id}`);
  return { s, r };
}

describe('the rule a row is judged by', () => {
  it('an allocated share in _meta (columns I–M hold the overall target) is judged by the office’s own value', () => {
    const t = numeric();
    const value = t.value ?? 0;
    const grid = freshGrid();
    const { s: meta, r: mr } = metaRow(grid, t.id);
    // the office's share: a tenth of the overall target; columns I–M: the overall target
    const share = value / 10;
    meta.rows[mr][5] = share;
    meta.rows[mr].splice(8, 5, '>=', value, null, `≥${value}`, '全省');
    const s = sheet(grid, '指标');
    const r = rowOf(s, t.id);
    put(s, r, '完成值', share);
    put(s, r, '进展状态', '已完成');
    const sub = read(grid);
    expect(mine(sub.problems, t.id, 'status-inconsistent')).toEqual([]);
    const row = sub.rows.find((x) => x.targetId === t.id);
    expect(row?.value).toBe(share);
    expect(row?.overall).toEqual({
      comparator: '>=',
      value,
      valueMax: null,
      targetText: `≥${value}`,
      scope: '全省',
    });
    // without the overall columns the catalogue's own target applies (same version): the share falls short
    meta.rows[mr].splice(8, 5);
    const plain = read(grid);
    expect(plain.rows.find((x) => x.targetId === t.id)?.overall).toBeUndefined();
    expect(plain.rows.find((x) => x.targetId === t.id)?.value).toBe(value);
    expect(mine(plain.problems, t.id, 'status-inconsistent')).toHaveLength(1);
  });

  it('an overall column that is no comparator is no allocation', () => {
    const t = numeric();
    const grid = freshGrid();
    const { s: meta, r: mr } = metaRow(grid, t.id);
    meta.rows[mr].splice(8, 5, '至少', 100, null, '≥100', '全省');
    expect(read(grid).rows.find((x) => x.targetId === t.id)?.overall).toBeUndefined();
  });

  it('without a catalogue, or with another version, _meta’s rule applies', () => {
    const t = numeric();
    const grid = freshGrid();
    const { s: meta, r: mr } = metaRow(grid, t.id);
    meta.rows[mr][5] = 7;
    const other: Catalogue = { ...catalogue, version: 'other' };
    expect(read(grid, null).rows.find((x) => x.targetId === t.id)?.value).toBe(7);
    const sub = read(grid, other);
    expect(sub.rows.find((x) => x.targetId === t.id)?.value).toBe(7);
    expect(sub.problems.filter((p) => p.code === 'catalogue-version').map((p) => p.message)).toEqual([
      `本表按目录版本 ${catalogue.version} 生成，与所给目录版本 other 不同；可用 luoshi workbook --upgrade 把已填内容转到新目录`,
    ]);
    expect(read(grid, catalogue).rows.find((x) => x.targetId === t.id)?.value).toBe(t.value);
  });

  it('names an unknown catalogue version as （未知）', () => {
    const grid = freshGrid();
    const meta = sheet(grid, '_meta');
    const r = meta.rows.findIndex((row) => row[1] === catalogue.version);
    meta.rows[r][1] = '';
    const other: Catalogue = { ...catalogue, version: 'v9' };
    const msg = read(grid, other).problems.find((p) => p.code === 'catalogue-version')?.message;
    expect(msg?.startsWith('本表按目录版本 （未知） 生成，与所给目录版本 v9 不同')).toBe(true);
  });
});

describe('sheets of the workbook', () => {
  it('finds a renamed _meta by its content and says so', () => {
    const grid = freshGrid();
    sheet(grid, '_meta').name = 'Sheet9';
    const sub = read(grid);
    expect(sub.problems.filter((p) => p.code === 'sheet-renamed')).toEqual([
      {
        severity: 'warning',
        code: 'sheet-renamed',
        sheet: 'Sheet9',
        cell: null,
        targetId: null,
        message: 'Sheet9：隐藏的信息表 _meta 被改名为“Sheet9”',
      },
    ]);
    expect(sub.office).toBe('长春市');
    expect(sub.problems.some((p) => p.code === 'meta-missing')).toBe(false);
  });

  it('warns when 填报说明 is gone, and wants the 任务 sheet only when the workbook had tasks', () => {
    const grid = freshGrid();
    grid.sheets = grid.sheets.filter((s) => s.name !== '填报说明' && s.name !== '任务');
    const problems = read(grid).problems;
    expect(problems.filter((p) => p.code === 'sheet-missing').map((p) => [p.severity, p.message])).toEqual([
      ['warning', '找不到“填报说明”工作表（被删除或改名）'],
      ['error', '找不到“任务”工作表（被删除，或表头被改动），无法读取任务填报内容'],
    ]);
    // a workbook of a catalogue without tasks has no 任务 sheet to miss
    const noTasks: Catalogue = { ...catalogue, tasks: [] };
    const g2 = freshGrid('2025年度', noTasks);
    g2.sheets = g2.sheets.filter((s) => s.name !== '任务');
    expect(read(g2, noTasks).problems.filter((p) => p.code === 'sheet-missing')).toEqual([]);
  });

  it('takes office and period from the subtitle when _meta is lost', () => {
    const grid = freshGrid('2025年1-9月');
    grid.sheets = grid.sheets.filter((s) => s.name !== '_meta');
    const sub = read(grid);
    expect([sub.office, sub.period, sub.catalogueVersion, sub.formatVersion, sub.generatedAt]).toEqual([
      '长春市',
      '2025年1-9月',
      '',
      0,
      null,
    ]);
    expect(sub.problems.filter((p) => p.code === 'meta-missing').map((p) => p.severity)).toEqual(['error']);
  });

  it('reads the 已移除指标 sheet under another name by its headers, not when very hidden', () => {
    const t = numeric();
    const grid = planGrid(
      planWorkbook(catalogue, {
        office: '长春市',
        period: '2025年度',
        generatedAt: '2026-01-05T08:00:00.000Z',
        removed: [
          {
            row: {
              targetId: 'old-1',
              row: 9,
              document: '旧文件',
              section: '一、',
              quote: '旧指标',
              targetText: '≥5个',
              unit: '个',
              deadline: '2025年',
              lead: '省发改委',
              comparator: '>=',
              value: 5,
              valueMax: null,
            },
            entry: {
              targetId: 'old-1',
              baseline: 1,
              actual: 3,
              asOf: '2025-06-30',
              status: '滞后',
              progress: '进展',
              problems: '问题',
              nextSteps: '措施',
              evidence: '材料',
            },
            reason: '新版目录中已无此指标',
          },
        ],
      }),
    );
    expect(t.id).not.toBe('old-1');
    const removed = sheet(grid, '已移除指标');
    removed.name = '旧的';
    const [r] = readRemovedTargets(grid);
    expect(r.reason).toBe('新版目录中已无此指标');
    expect(r.entry).toEqual({
      targetId: 'old-1',
      baseline: 1,
      actual: 3,
      asOf: '2025-06-30',
      status: '滞后',
      progress: '进展',
      problems: '问题',
      nextSteps: '措施',
      evidence: '材料',
    });
    expect(r.row).toMatchObject({
      targetId: 'old-1',
      quote: '旧指标',
      targetText: '≥5个',
      unit: '个',
      comparator: null,
      value: null,
      valueMax: null,
    });
    // the removed sheet is not mistaken for the 指标 sheet
    expect(read(grid).entries.some((e) => e.targetId === 'old-1')).toBe(false);
    removed.state = 'veryHidden';
    expect(readRemovedTargets(grid)).toEqual([]);
  });
});
