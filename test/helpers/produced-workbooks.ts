/**
 * One of every workbook luoshi produces, built from the seeds by the real code paths: the blank and the
 * filled entry workbook, an upgraded one (已移除指标, 变更提示), 目录审核, 对比 and 汇总. Shared by the
 * schema test and the print test, so both judge the same files.
 */
import type { Catalogue, Target } from '../../src/core/model/catalogue.js';
import { compareSubmissions } from '../../src/core/review/compare.js';
import { createConsolidator } from '../../src/core/review/consolidate.js';
import { planWorkbook } from '../../src/core/workbook/plan.js';
import { upgradeWorkbook } from '../../src/core/workbook/upgrade.js';
import { writeCatalogueReviewWorkbook } from '../../src/xlsx/catalogue-review.js';
import { readWorkbookGrid } from '../../src/xlsx/read-grid.js';
import { writeComparisonWorkbook, writeConsolidationWorkbook } from '../../src/xlsx/review-workbooks.js';
import { writeWorkbookPlan } from '../../src/xlsx/write-workbook.js';
import { asFill, fillWorkbook } from './fill.js';
import { GENERATED_AT, filledWorkbook, generate, readBack } from './workbooks.js';

export interface Produced {
  /** File name (ASCII, so command-line tools need no quoting): kind of workbook. */
  file: string;
  bytes: Uint8Array;
}

/** A new catalogue version: one target dropped, one quote extended (the upgrade's two cases). */
function revised(cat: Catalogue): { next: Catalogue; changed: Target } {
  const changed = cat.targets[1];
  return {
    changed,
    next: {
      ...cat,
      version: `${cat.version}-r`,
      targets: cat.targets
        .filter((t) => t.id !== cat.targets[0].id)
        .map((t) => (t.id === changed.id ? { ...t, quote: `${t.quote}并逐年提高（修订）` } : t)),
    },
  };
}

export async function producedWorkbooks(cat: Catalogue): Promise<Produced[]> {
  const blank = await generate(cat, { office: '长春市', deadline: '2026-01-15' });
  // As a clerk returns it (typed through exceljs, which rewrites the file), and as luoshi writes figures
  // itself (upgrade, add-in refresh): the second is luoshi's output and the one checked for validity.
  const { bytes: typed, entries, taskEntries } = await filledWorkbook(cat, '长春市');
  const filled = await writeWorkbookPlan(
    planWorkbook(cat, {
      office: '长春市',
      period: '2025年度',
      generatedAt: GENERATED_AT,
      entries,
      taskEntries,
    }),
  );

  const { next } = revised(cat);
  const up = upgradeWorkbook(await readWorkbookGrid(typed, '长春市.xlsx'), '长春市.xlsx', next);
  const upgraded = await writeWorkbookPlan(
    planWorkbook(next, {
      office: up.office,
      period: up.period,
      generatedAt: GENERATED_AT,
      entries: up.entries,
      taskEntries: up.taskEntries,
      removed: up.removed,
      changeNotes: Object.fromEntries(up.changed.map((c) => [c.targetId, c.note])),
    }),
  );

  // 对比: a second version with a figure changed and a sentence appended to 进展情况.
  const edited = entries.filter((e) => e.actual !== null && e.progress).slice(0, 3);
  const v2 = await fillWorkbook(
    typed,
    edited.map((e, i) =>
      asFill({
        ...e,
        actual: (e.actual ?? 0) + i + 1,
        progress: `${e.progress}另外，本季度新增完成一批项目，已通过验收并投入使用。`,
      }),
    ),
    [],
  );
  const comparison = compareSubmissions(await readBack(typed, cat), await readBack(v2, cat));
  const compare = await writeComparisonWorkbook(comparison, await readWorkbookGrid(v2, 'v2.xlsx'));

  const consolidator = createConsolidator({ roster: ['长春市', '吉林市', '四平市', '长白山管委会'] });
  for (const office of ['长春市', '吉林市', '四平市']) {
    const { bytes } = await filledWorkbook(cat, office, { seed: office.length });
    consolidator.add(await readBack(bytes, cat, `${office}.xlsx`));
  }
  const consolidation = await writeConsolidationWorkbook(consolidator.finish());

  return [
    { file: 'entry-blank.xlsx', bytes: blank },
    { file: 'entry-filled.xlsx', bytes: filled },
    { file: 'entry-upgraded.xlsx', bytes: upgraded },
    { file: 'catalogue-review.xlsx', bytes: await writeCatalogueReviewWorkbook(cat) },
    { file: 'compare.xlsx', bytes: compare },
    { file: 'consolidation.xlsx', bytes: consolidation },
  ];
}
