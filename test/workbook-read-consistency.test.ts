/**
 * The reader's consistency rules on one 指标 row each, on the seeds' catalogue with a grid made from the
 * real plan: a status of 已完成 with a figure short of the target, 滞后 or 未启动 with a figure that meets
 * it, 滞后 without a reason or next step, 已完成 without a figure, a figure or text without a status.
 * Each finding is checked for its code, severity, exact message and the cell it names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { WorkbookGrid } from '../src/core/model/grid.js';
import { emptyEntry, type Entry, type Problem } from '../src/core/model/submission.js';
import { selectForOffice } from '../src/core/workbook/build-plan.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { columnLetter } from '../src/core/workbook/a1.js';
import { gridSheet, headerColumn, planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

const RULES = new Set([
  'status-inconsistent',
  'lagging-unexplained',
  'lagging-no-next-steps',
  'actual-missing',
  'status-missing',
]);

let cat: Catalogue;
let t: Target[];
let cellOf: (id: string, header: string) => string;
let grid: WorkbookGrid;

beforeAll(() => {
  cat = seedCatalogue();
  // floors in percent: a figure equal to the value meets them, half of it does not
  t = selectForOffice(cat, {}).targets.filter((x) => x.unit === '%' && x.comparator === '>=' && x.value! > 0);
  const v = (i: number) => t[i].value!;
  const entries: Entry[] = [
    { ...emptyEntry(t[0].id), status: '已完成', actual: v(0) / 2, progress: '推进中' },
    { ...emptyEntry(t[1].id), status: '滞后', actual: v(1) },
    { ...emptyEntry(t[2].id), status: '未启动', actual: v(2), problems: '无', nextSteps: '加快' },
    { ...emptyEntry(t[3].id), status: '已完成', progress: '已完成' },
    { ...emptyEntry(t[4].id), actual: v(4) },
    { ...emptyEntry(t[5].id), progress: '正在推进' },
    { ...emptyEntry(t[6].id), status: '已完成', actual: v(6), progress: '完成' },
    { ...emptyEntry(t[7].id), status: '滞后', actual: v(7) / 2, problems: '资金未到位', nextSteps: '加快' },
  ];
  grid = planGrid(
    planWorkbook(cat, { office: '长春市', period: '2025年度', generatedAt: '2026-01-05T08:00:00Z', entries }),
  );
  const sheet = gridSheet(grid, '指标');
  const idCol = headerColumn(sheet, '指标编号').col;
  cellOf = (id, header) => {
    const r = sheet.rows.findIndex((row) => row[idCol] === id);
    return `${columnLetter(headerColumn(sheet, header).col)}${r + 1}`;
  };
});

/** The reader's findings, read inside each test (a mutation run sees only what the tests call). */
const findings = (): Problem[] =>
  readSubmission(grid, { source: '长春市.xlsx', catalogue: cat }).problems.filter((p) => RULES.has(p.code));
const of = (id: string) =>
  findings()
    .filter((p) => p.targetId === id)
    .map((p) => [p.severity, p.code, p.cell]);
const message = (id: string, code: string) =>
  findings().find((p) => p.targetId === id && p.code === code)?.message ?? '';

describe('status against figure', () => {
  it('has enough targets to test with', () => {
    expect(t.length).toBeGreaterThanOrEqual(8);
  });

  it('已完成 with a figure short of the target', () => {
    expect(of(t[0].id)).toEqual([['warning', 'status-inconsistent', cellOf(t[0].id, '进展状态')]]);
    expect(message(t[0].id, 'status-inconsistent')).toMatch(
      new RegExp(`进展状态为“已完成”，但完成值 ${t[0].value! / 2} 未达到目标 \\S+$`),
    );
  });

  it('滞后 with a figure at the target, no reason and no next step', () => {
    expect(of(t[1].id)).toEqual([
      ['error', 'lagging-unexplained', cellOf(t[1].id, '存在问题')],
      ['warning', 'lagging-no-next-steps', cellOf(t[1].id, '下一步措施')],
      ['warning', 'status-inconsistent', cellOf(t[1].id, '进展状态')],
    ]);
    expect(message(t[1].id, 'lagging-unexplained')).toMatch(/进展状态为“滞后”，须在“存在问题”中说明原因$/);
    expect(message(t[1].id, 'lagging-no-next-steps')).toMatch(/进展状态为“滞后”，请填写“下一步措施”$/);
    expect(message(t[1].id, 'status-inconsistent')).toMatch(
      new RegExp(`进展状态为“滞后”，但完成值 ${t[1].value!} 已达到目标 \\S+$`),
    );
  });

  it('未启动 with a figure at the target', () => {
    expect(of(t[2].id)).toEqual([['warning', 'status-inconsistent', cellOf(t[2].id, '进展状态')]]);
    expect(message(t[2].id, 'status-inconsistent')).toMatch(/进展状态为“未启动”，但完成值 \S+ 已达到目标/);
  });

  it('已完成 without a figure', () => {
    expect(of(t[3].id)).toEqual([['warning', 'actual-missing', cellOf(t[3].id, '完成值')]]);
    expect(message(t[3].id, 'actual-missing')).toMatch(/进展状态为“已完成”，但未填写完成值$/);
  });

  it('a figure or a text without a status', () => {
    for (const i of [4, 5]) {
      expect(of(t[i].id)).toEqual([['warning', 'status-missing', cellOf(t[i].id, '进展状态')]]);
      expect(message(t[i].id, 'status-missing')).toMatch(/已填写完成值或进展情况，但未选择进展状态$/);
    }
  });

  it('nothing to say when status, figure and reasons agree', () => {
    expect(of(t[6].id)).toEqual([]);
    expect(of(t[7].id)).toEqual([]);
  });
});
