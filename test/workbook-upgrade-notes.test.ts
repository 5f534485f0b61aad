/**
 * What an upgrade tells the office, on the seeds' catalogue with grids made from the real plan: a value
 * the old workbook could not read (“约30”, “上半年”) kept in 进展情况 with the column it came from; a
 * changed unit named with its old and new spelling; targets outside the office's new scope removed with
 * that reason; earlier 变更提示 notes kept for targets still there. Notes written out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { emptyEntry } from '../src/core/model/submission.js';
import { selectForOffice } from '../src/core/workbook/build-plan.js';
import { planWorkbook, type PlanOptions } from '../src/core/workbook/plan.js';
import { upgradeWorkbook } from '../src/core/workbook/upgrade.js';
import { gridSheet, headerColumn, planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

const OFFICE = '长春市';
let cat: Catalogue;
let percent: Target[];

beforeAll(() => {
  cat = seedCatalogue();
  percent = selectForOffice(cat, {}).targets.filter((t) => t.unit === '%' && t.comparator === '>=');
});

function grid(over: Partial<PlanOptions> = {}) {
  return planGrid(
    planWorkbook(cat, {
      office: OFFICE,
      period: '2025年度',
      generatedAt: '2026-01-05T08:00:00Z',
      ...over,
    }),
  );
}

/** Set the cell of `header` in the row of `id` (on 指标 or 任务). */
function setCell(
  g: ReturnType<typeof grid>,
  sheet: string,
  idHeader: string,
  id: string,
  header: string,
  v: string,
) {
  const s = gridSheet(g, sheet);
  const idCol = headerColumn(s, idHeader).col;
  const { col } = headerColumn(s, header);
  const row = s.rows.find((r) => r[idCol] === id);
  if (!row) throw new Error(`no row ${id}`);
  row[col] = v;
}

describe('values the old workbook could not read', () => {
  it('are kept in 进展情况 with the column they came from', () => {
    const [a, b] = percent;
    const task = selectForOffice(cat, {}).tasks[0];
    const g = grid({ entries: [{ ...emptyEntry(a.id), progress: '已推进' }] });
    setCell(g, '指标', '指标编号', a.id, '完成值', '约30');
    setCell(g, '指标', '指标编号', b.id, '截至日期', '上半年');
    setCell(g, '任务', '任务编号', task.id, '进展状态', '快完成了');
    const up = upgradeWorkbook(g, `${OFFICE}.xlsx`, cat);
    const byId = new Map(up.entries.map((e) => [e.targetId, e]));
    expect(byId.get(a.id)!.progress).toBe(
      '已推进\n【升级保留】原“完成值”填写为：约30（无法识别，请改正后填入“完成值”）',
    );
    expect(byId.get(a.id)!.actual).toBeNull();
    expect(byId.get(b.id)!.progress).toBe(
      '【升级保留】原“截至日期”填写为：上半年（无法识别，请改正后填入“截至日期”）',
    );
    const t = up.taskEntries.find((x) => x.taskId === task.id)!;
    expect(t.progress).toBe('【升级保留】原“进展状态”填写为：快完成了（无法识别，请改正后填入“进展状态”）');
    expect(up.preservedInvalid).toEqual(
      expect.arrayContaining([
        { targetId: a.id, field: '完成值', raw: '约30' },
        { targetId: b.id, field: '截至日期', raw: '上半年' },
        { targetId: task.id, field: '进展状态', raw: '快完成了' },
      ]),
    );
    expect(up.preservedInvalid).toHaveLength(3);
    expect(up.changed).toEqual([]);
  });
});

describe('changes of the catalogue named in 变更提示', () => {
  it('a unit changed or dropped', () => {
    const [a, b] = percent;
    const g = grid();
    const newCat: Catalogue = {
      ...cat,
      targets: cat.targets.map((t) =>
        t.id === a.id ? { ...t, unit: '个' } : t.id === b.id ? { ...t, unit: null } : t,
      ),
    };
    const up = upgradeWorkbook(g, `${OFFICE}.xlsx`, newCat);
    const notes = new Map(up.changed.map((c) => [c.targetId, c.note]));
    expect(notes.get(a.id)).toMatch(
      /^目标值由 \S+% 改为 \S+个；单位由 % 改为 个，请核对已填数值。请核对已填内容$/,
    );
    expect(notes.get(b.id)).toMatch(/单位由 % 改为 （无），请核对已填数值。请核对已填内容$/);
    expect(up.changeNotes[a.id]).toBe(notes.get(a.id));
    expect(up.kept).toBe(selectForOffice(cat, {}).targets.length);
  });

  it('earlier notes stay for targets still there; none is invented', () => {
    const [a, b] = percent;
    const g = grid({ changeNotes: { [a.id]: '指标内容已修改，原为：旧文字。请核对已填内容' } });
    const same = upgradeWorkbook(g, `${OFFICE}.xlsx`, cat);
    expect(same.changed).toEqual([]);
    expect(same.changeNotes).toEqual({ [a.id]: '指标内容已修改，原为：旧文字。请核对已填内容' });
    // the noted target dropped from the catalogue: its note goes with it
    const without: Catalogue = { ...cat, targets: cat.targets.filter((t) => t.id !== a.id) };
    const dropped = upgradeWorkbook(g, `${OFFICE}.xlsx`, without);
    expect(dropped.changeNotes).toEqual({});
    expect(dropped.removed.map((r) => [r.row.targetId, r.reason])).toEqual([[a.id, '新版目录中已无此指标']]);
    expect(b.id in dropped.changeNotes).toBe(false);
  });
});

describe('targets outside the office’s new scope', () => {
  it('go to 已移除指标 as out of scope, with what was typed', () => {
    const docs = cat.documents.map((d) => d.id);
    expect(docs.length).toBeGreaterThan(1);
    const first = selectForOffice(cat, { documents: [docs[0]] }).targets;
    const rest = selectForOffice(cat, { documents: docs.slice(1) }).targets;
    const typed = { ...emptyEntry(first[0].id), actual: 12, evidence: '统计公报' };
    const g = grid({ entries: [typed] });
    const up = upgradeWorkbook(g, `${OFFICE}.xlsx`, cat, { documents: docs.slice(1) });
    expect(up.documents).toEqual(docs.slice(1));
    expect(up.kept).toBe(rest.length);
    expect(up.removed.map((r) => r.row.targetId)).toEqual(first.map((t) => t.id));
    expect(new Set(up.removed.map((r) => r.reason))).toEqual(
      new Set(['新版目录中此指标不在本单位填报范围内']),
    );
    expect(up.removed[0].entry).toMatchObject({ actual: 12, evidence: '统计公报' });
  });
});
