/**
 * Carrying a filled workbook to a new catalogue: every typed field is kept, removed targets are kept
 * in 已移除指标, changed targets are flagged, and nothing typed is lost even across two upgrades.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { seedCatalogue } from './helpers/seeds.js';
import { asFill, fillWorkbook } from './helpers/fill.js';
import { generate, readBack } from './helpers/workbooks.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { Entry } from '../src/core/model/submission.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { upgradeWorkbook, type UpgradeResult } from '../src/core/workbook/upgrade.js';
import { readRemovedTargets } from '../src/core/workbook/read.js';
import { sampleEntries, sampleTaskEntries } from '../src/core/workbook/sample.js';
import { writeWorkbookPlan } from '../src/xlsx/write-workbook.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';

let oldCat: Catalogue;
let newCat: Catalogue;
let entries: Entry[];
let removedId: string;
let quoteChangedId: string;
let valueChangedId: string;
let invalidId: string;
let removedTaskId: string;

function filledEntry(e: Entry): boolean {
  return e.actual !== null && e.status !== null && !!e.progress;
}

async function realise(up: UpgradeResult, cat: Catalogue): Promise<Uint8Array> {
  return writeWorkbookPlan(
    planWorkbook(cat, {
      office: up.office,
      period: up.period,
      generatedAt: '2026-02-01T00:00:00Z',
      documents: up.documents,
      units: up.units,
      entries: up.entries,
      taskEntries: up.taskEntries,
      removed: up.removed,
      changeNotes: Object.fromEntries(up.changed.map((c) => [c.targetId, c.note])),
    }),
  );
}

beforeAll(() => {
  oldCat = seedCatalogue();
  entries = sampleEntries(oldCat, '通化市', '2025年度', 5);
  const typed = entries.filter(filledEntry);
  removedId = typed[0].targetId;
  quoteChangedId = typed[1].targetId;
  valueChangedId = entries.find(
    (e) =>
      filledEntry(e) &&
      oldCat.targets.find((t) => t.id === e.targetId)!.value !== null &&
      e.targetId !== quoteChangedId &&
      e.targetId !== removedId,
  )!.targetId;
  invalidId = typed[3].targetId;
  removedTaskId = oldCat.tasks[0].id;
  const added: Target = {
    ...oldCat.targets[0],
    id: 'new-target-1',
    quote: '新增指标：到2027年达到100个',
    offset: 1e9,
  };
  newCat = {
    ...oldCat,
    version: 'new-version',
    targets: [
      ...oldCat.targets
        .filter((t) => t.id !== removedId)
        .map((t) =>
          t.id === quoteChangedId
            ? { ...t, quote: `${t.quote}（修订）` }
            : t.id === valueChangedId
              ? { ...t, value: (t.value ?? 0) + 1 }
              : t,
        ),
      added,
    ],
    tasks: oldCat.tasks.filter((t) => t.id !== removedTaskId),
  };
});

describe('upgrade to a new catalogue', () => {
  it('keeps every typed field, keeps removed targets and flags changed ones', async () => {
    const tasks = sampleTaskEntries(oldCat, '通化市', '2025年度', 5).map((t, i) =>
      i === 0 ? { ...t, status: '序时推进' as const, progress: '任务一进展' } : t,
    );
    const fills = entries.map(asFill).map((f) => (f.targetId === invalidId ? { ...f, actual: '约30' } : f));
    const filled = await fillWorkbook(await generate(oldCat, { office: '通化市' }), fills, tasks);
    const grid = await readWorkbookGrid(filled, '通化市.xlsx');
    const up = upgradeWorkbook(grid, '通化市.xlsx', newCat);
    expect(up.office).toBe('通化市');
    expect(up.removed.map((r) => r.row.targetId)).toEqual([removedId, removedTaskId]);
    expect(up.changed.map((c) => c.targetId).sort()).toEqual([quoteChangedId, valueChangedId].sort());
    expect(up.changed.find((c) => c.targetId === quoteChangedId)!.note).toContain('指标内容已修改');
    expect(up.changed.find((c) => c.targetId === valueChangedId)!.note).toContain('目标值由');
    expect(up.preservedInvalid).toEqual([{ targetId: invalidId, field: '完成值', raw: '约30' }]);

    const upgraded = await realise(up, newCat);
    const sub = await readBack(upgraded, newCat, '通化市-新.xlsx');
    expect(sub.catalogueVersion).toBe('new-version');
    expect(sub.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const old of entries) {
      if (old.targetId === removedId) continue;
      const now = sub.entries.find((e) => e.targetId === old.targetId)!;
      if (old.targetId === invalidId) {
        // everything kept but the unreadable figure, which moved into 进展情况 (checked next)
        expect({ ...now, progress: old.progress }).toEqual({ ...old, actual: null });
        expect(now.progress).toContain('约30');
        expect(now.progress.startsWith(old.progress)).toBe(true);
      } else {
        expect(now, old.targetId).toEqual(old);
      }
    }
    // the new target is there, empty
    expect(sub.entries.find((e) => e.targetId === 'new-target-1')).toMatchObject({
      actual: null,
      status: null,
      progress: '',
    });
    // task entries kept; the dropped task's text is kept with the removed targets
    expect(sub.taskEntries.length).toBe(newCat.tasks.length);
    const grid2 = await readWorkbookGrid(upgraded, 'x.xlsx');
    const removed = readRemovedTargets(grid2);
    const oldRemoved = entries.find((e) => e.targetId === removedId)!;
    expect(removed.find((r) => r.row.targetId === removedId)!.entry).toEqual(oldRemoved);
    expect(removed.find((r) => r.row.targetId === removedTaskId)!.entry).toMatchObject({
      status: '序时推进',
      progress: '任务一进展',
    });
    // the 变更提示 column shows the notes, on the flagged rows only
    const sheet = grid2.sheets.find((s) => s.name === '指标')!;
    const noteCol = sheet.rows[2].indexOf('变更提示');
    expect(noteCol).toBeGreaterThan(0);
    const idCol = sheet.rows[2].indexOf('指标编号');
    const notes = sheet.rows
      .slice(3)
      .filter((r) => r[noteCol])
      .map((r) => r[idCol]);
    expect(notes.sort()).toEqual([quoteChangedId, valueChangedId].sort());
    expect(grid2.sheets.map((s) => s.name)).toContain('已移除指标');

    // a second upgrade (same catalogue) loses nothing either, and the removed sheet carries over
    const up2 = upgradeWorkbook(grid2, '通化市-新.xlsx', newCat);
    expect(up2.removed.map((r) => r.row.targetId).sort()).toEqual([removedId, removedTaskId].sort());
    expect(up2.changed).toEqual([]);
    const sub3 = await readBack(await realise(up2, newCat), newCat);
    expect(sub3.entries).toEqual(sub.entries);
    expect(sub3.taskEntries).toEqual(sub.taskEntries);
  });

  it('a removed target that comes back gets its figures back', async () => {
    const filled = await fillWorkbook(await generate(oldCat, { office: '通化市' }), entries.map(asFill));
    const up = upgradeWorkbook(await readWorkbookGrid(filled, 'a.xlsx'), 'a.xlsx', newCat);
    const mid = await realise(up, newCat);
    const back = upgradeWorkbook(await readWorkbookGrid(mid, 'b.xlsx'), 'b.xlsx', oldCat);
    expect(back.removed.map((r) => r.row.targetId)).toEqual(['new-target-1']);
    const sub = await readBack(await realise(back, oldCat), oldCat);
    expect(sub.entries.find((e) => e.targetId === removedId)).toEqual(
      entries.find((e) => e.targetId === removedId),
    );
  });
});

describe('upgrade when ids changed', () => {
  it('carries a row whose id vanished to the new target with the most similar quote under its heading', async () => {
    const typed = entries.filter(filledEntry);
    const movedOld = oldCat.targets.find((t) => t.id === typed[2].targetId)!;
    const movedId = `${movedOld.id.slice(0, movedOld.id.lastIndexOf('/'))}/Mfeedface`;
    const cat: Catalogue = {
      ...oldCat,
      version: 'ids-moved',
      targets: oldCat.targets.map((t) =>
        t.id === movedOld.id ? { ...t, id: movedId, quote: `${t.quote}。` } : t,
      ),
    };
    const filled = await fillWorkbook(await generate(oldCat, { office: '通化市' }), entries.map(asFill), []);
    const up = upgradeWorkbook(await readWorkbookGrid(filled, '通化市.xlsx'), '通化市.xlsx', cat);
    expect(up.matched.map((m) => [m.oldId, m.newId])).toEqual([[movedOld.id, movedId]]);
    expect(up.removed).toEqual([]);
    const old = entries.find((e) => e.targetId === movedOld.id)!;
    expect(up.entries.find((e) => e.targetId === movedId)).toEqual({ ...old, targetId: movedId });
    expect(up.changed.find((c) => c.targetId === movedId)!.note).toContain(
      `指标编号由 ${movedOld.id} 改为 ${movedId}`,
    );
  });
});
