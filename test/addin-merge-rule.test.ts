/**
 * One carry-over rule for the add-in's 拉取指标 and `luoshi workbook --upgrade`
 * (src/core/workbook/upgrade.ts): text and figures typed into every entry column of 指标 and 任务
 * survive a catalogue that removes, edits and adds targets and tasks — kept in place, or on
 * 已移除指标 for what the catalogue dropped — and the add-in's workbook holds exactly what the
 * CLI's upgrade of the same workbook holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { ExcelHost } from '../src/addin/office/excel-host.js';
import { CURRENT_WORKBOOK, pullCatalogue } from '../src/addin/actions.js';
import { TARGET_COLUMNS, TASK_COLUMNS, columnLetter } from '../src/core/workbook/layout.js';
import { readRemovedTargets, readSubmission } from '../src/core/workbook/read.js';
import { upgradeWorkbook } from '../src/core/workbook/upgrade.js';
import { FakeExcel, fakeOffice } from './fakes/excel-fake.js';
import { seedCatalogue } from './helpers/seeds.js';

const OFFICE = '长春市';
const PERIOD = '2026年上半年';

let catalogue: Catalogue;

beforeAll(() => {
  // A copy: these tests may change the catalogue, which the helper caches per process.
  catalogue = structuredClone(seedCatalogue());
});

/** Row (1-based) of `id` in a fake sheet, found in the column of `idKey`. */
function rowOf(fake: FakeExcel, sheet: string, idCol: number, id: string): number {
  for (const [key, cell] of fake.model.mustSheet(sheet).cells)
    if (key.endsWith(`,${idCol}`) && cell.value === id) return Number(key.split(',')[0]) + 1;
  throw new Error(`no row for ${id} on ${sheet}`);
}

/** What a clerk types into an entry column (distinct per id, so each value can be found again). */
function typed(key: string, id: string, n: number): string | number {
  if (key === 'baseline') return 1000 + n;
  if (key === 'actual') return 2000 + n;
  if (key === 'asOf') return 46100 + n; // a date serial in a date-formatted cell, as Excel stores it
  if (key === 'status') return '序时推进';
  return `${key}:${id}`;
}

describe('one carry-over rule for 拉取指标 and workbook --upgrade', () => {
  it('keeps every value typed into every entry column of 指标 and 任务 through removed, edited and added targets and tasks', async () => {
    const fake = new FakeExcel(undefined, { apiMinor: 9 });
    const host = new ExcelHost(fake, fakeOffice(9));
    const input = (cat: Catalogue, now: string) => ({ catalogue: cat, office: OFFICE, period: PERIOD, now });
    await pullCatalogue(host, input(catalogue, '2026-07-01T08:00:00.000Z'));

    const [keepT, dropT, editT] = catalogue.targets;
    const [keepK, dropK] = catalogue.tasks;
    const targetIdCol = TARGET_COLUMNS.findIndex((c) => c.key === 'targetId');
    const taskIdCol = TASK_COLUMNS.findIndex((c) => c.key === 'taskId');
    const expected: (string | number)[] = [];
    let n = 0;
    for (const t of [keepT, dropT, editT]) {
      const row = rowOf(fake, '指标', targetIdCol, t.id);
      TARGET_COLUMNS.forEach((c, i) => {
        if (!c.entry) return;
        const v = typed(c.key, t.id, n++);
        fake.model.type('指标', `${columnLetter(i)}${row}`, v);
        if (c.key !== 'status') expected.push(v);
      });
    }
    for (const k of [keepK, dropK]) {
      const row = rowOf(fake, '任务', taskIdCol, k.id);
      TASK_COLUMNS.forEach((c, i) => {
        if (!c.entry) return;
        const v = typed(c.key, k.id, n++);
        fake.model.type('任务', `${columnLetter(i)}${row}`, v);
        if (c.key !== 'status') expected.push(v);
      });
    }

    // the new catalogue: one target and one task dropped, one quote edited, one target and task added
    const next: Catalogue = {
      ...catalogue,
      version: `${catalogue.version}-next`,
      targets: [
        ...catalogue.targets
          .filter((t) => t.id !== dropT.id)
          .map((t) => (t.id === editT.id ? { ...t, quote: `${t.quote}（修订）` } : t)),
        { ...keepT, id: `${keepT.id}-new`, quote: `${keepT.quote}（新增）` },
      ],
      tasks: [
        ...catalogue.tasks.filter((k) => k.id !== dropK.id),
        { ...keepK, id: `${keepK.id}-new`, text: `${keepK.text}（新增）` },
      ],
    };

    // the CLI's rule on the workbook as it stands before the pull
    const before = await host.readGrid();
    const cli = upgradeWorkbook(before, CURRENT_WORKBOOK, next, { period: PERIOD, documents: [], units: [] });

    const pulled = await pullCatalogue(host, input(next, '2026-07-02T08:00:00.000Z'));
    expect(pulled.removed.map((r) => r.row.targetId).sort()).toEqual([dropT.id, dropK.id].sort());
    expect(pulled.changed.map((c) => c.targetId)).toEqual([editT.id]);

    // every typed value is in the pulled workbook (in place, or on 已移除指标)
    const after = await host.readGrid();
    const everything = after.sheets.flatMap((s) => s.rows.flat());
    const serial = (d: Date) => Math.round(d.getTime() / 86400000) + 25569;
    const found = new Set(everything.map((v) => (v instanceof Date ? serial(v) : v)));
    for (const v of expected) expect(found.has(v), String(v)).toBe(true);

    // … and exactly what the CLI's upgrade carries
    const sub = readSubmission(after, { source: CURRENT_WORKBOOK, catalogue: next });
    const withContent = (e: { actual: unknown; progress: string }) => e.actual !== null || e.progress !== '';
    expect(sub.entries.filter(withContent)).toEqual(cli.entries.filter(withContent));
    expect(sub.taskEntries.filter((e) => e.progress !== '')).toEqual(
      cli.taskEntries.filter((e) => e.progress !== ''),
    );
    expect(readRemovedTargets(after).map((r) => [r.row.targetId, r.entry])).toEqual(
      cli.removed.map((r) => [r.row.targetId, r.entry]),
    );
    // the dropped task's 下一步措施 is kept with it
    const droppedTask = readRemovedTargets(after).find((r) => r.row.targetId === dropK.id);
    expect(droppedTask?.entry.nextSteps).toBe(`nextSteps:${dropK.id}`);
    const droppedTarget = readRemovedTargets(after).find((r) => r.row.targetId === dropT.id);
    expect(droppedTarget?.entry.evidence).toBe(`evidence:${dropT.id}`);
  });
});
