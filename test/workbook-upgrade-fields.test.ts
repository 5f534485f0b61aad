/**
 * Upgrading to a catalogue that drops a target and tasks loses no typed text, however little was typed:
 * a target with only 佐证材料, a task with only 下一步措施 (or only one other field) goes to 已移除指标
 * with that text. Grids made from the real plan (no .xlsx round trip), so it runs in milliseconds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { emptyEntry, type Entry, type TaskEntry } from '../src/core/model/submission.js';
import { selectForOffice } from '../src/core/workbook/build-plan.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { upgradeWorkbook } from '../src/core/workbook/upgrade.js';
import { readRemovedTargets } from '../src/core/workbook/read.js';
import { planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

const OFFICE = '长春市';
const PERIOD = '2025年度';

let oldCat: Catalogue;

beforeAll(() => {
  oldCat = seedCatalogue();
});

function blankTask(taskId: string): TaskEntry {
  return { taskId, status: null, progress: '', problems: '', nextSteps: '' };
}

describe('upgrade keeps the little that was typed for what the new catalogue drops', () => {
  it('a target with only 佐证材料, and tasks with one field each, all in 已移除指标', () => {
    // a workbook with no document or unit filter holds the whole catalogue
    const { targets, tasks } = selectForOffice(oldCat, {});
    const targetIds = targets.map((t) => t.id);
    const taskIds = tasks.map((t) => t.id);
    expect(taskIds.length).toBeGreaterThanOrEqual(5);
    const droppedTarget = targetIds[1];
    const [onlyNext, onlyProblems, onlyProgress, onlyStatus, untouched] = taskIds;
    const entries = [{ ...emptyEntry(droppedTarget), evidence: '2025年会议纪要' }];
    const taskEntries: TaskEntry[] = [
      { ...blankTask(onlyNext), nextSteps: '下月召开推进会' },
      { ...blankTask(onlyProblems), problems: '资金未到位' },
      { ...blankTask(onlyProgress), progress: '已完成方案' },
      { ...blankTask(onlyStatus), status: '未启动' },
    ];
    const grid = planGrid(
      planWorkbook(oldCat, {
        office: OFFICE,
        period: PERIOD,
        generatedAt: '2026-01-05T08:00:00Z',
        entries,
        taskEntries,
      }),
    );
    const dropped = new Set([onlyNext, onlyProblems, onlyProgress, onlyStatus, untouched]);
    const newCat: Catalogue = {
      ...oldCat,
      version: 'new',
      targets: oldCat.targets.filter((t) => t.id !== droppedTarget),
      tasks: oldCat.tasks.filter((t) => !dropped.has(t.id)),
    };

    const up = upgradeWorkbook(grid, `${OFFICE}.xlsx`, newCat);

    const removed = new Map(up.removed.map((r) => [r.row.targetId, r]));
    // the untouched dropped task has nothing to keep
    expect([...removed.keys()]).toEqual([droppedTarget, onlyNext, onlyProblems, onlyProgress, onlyStatus]);
    expect(removed.get(droppedTarget)).toMatchObject({
      entry: { ...emptyEntry(droppedTarget), evidence: '2025年会议纪要' },
      reason: '新版目录中已无此指标',
    });
    const task = (id: string, typed: Partial<Entry>) => ({
      entry: { ...emptyEntry(id), ...typed },
      reason: '新版目录中已无此任务',
    });
    expect(removed.get(onlyNext)).toMatchObject(task(onlyNext, { nextSteps: '下月召开推进会' }));
    expect(removed.get(onlyProblems)).toMatchObject(task(onlyProblems, { problems: '资金未到位' }));
    expect(removed.get(onlyProgress)).toMatchObject(task(onlyProgress, { progress: '已完成方案' }));
    expect(removed.get(onlyStatus)).toMatchObject(task(onlyStatus, { status: '未启动' }));
    expect(removed.get(onlyNext)!.row).toMatchObject({ quote: '（任务）', row: 0 });
    // the tasks that stay are carried, the dropped ones are not
    expect(up.taskEntries.map((t) => t.taskId)).toEqual(taskIds.filter((id) => !dropped.has(id)));

    // written into the new workbook's 已移除指标 and read back, and kept by a second upgrade
    const upgraded = planGrid(
      planWorkbook(newCat, {
        office: OFFICE,
        period: PERIOD,
        generatedAt: '2026-02-01T00:00:00Z',
        entries: up.entries,
        taskEntries: up.taskEntries,
        removed: up.removed,
      }),
    );
    const readBack = new Map(readRemovedTargets(upgraded).map((r) => [r.row.targetId, r.entry]));
    expect(readBack.get(droppedTarget)?.evidence).toBe('2025年会议纪要');
    expect(readBack.get(onlyNext)?.nextSteps).toBe('下月召开推进会');
    expect(readBack.get(onlyProblems)?.problems).toBe('资金未到位');
    expect(readBack.get(onlyProgress)?.progress).toBe('已完成方案');
    expect(readBack.get(onlyStatus)?.status).toBe('未启动');
    const again = upgradeWorkbook(upgraded, `${OFFICE}-新.xlsx`, newCat);
    expect(again.removed.map((r) => r.entry)).toEqual([...removed.values()].map((r) => r.entry));
  });
});
