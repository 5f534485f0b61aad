/**
 * luoshi compare: two versions of one office's workbook, generated from the seeds and typed into as an
 * office would. The comparison must find exactly the cells that were changed, aligned by 指标编号.
 */
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { luoshiIn } from './helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { Entry, ProgressStatus, TaskEntry } from '../src/core/model/submission.js';
import { compareSubmissions, type Change } from '../src/core/review/compare.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { COMPARE_SHEETS, HIGHLIGHT, writeComparisonWorkbook } from '../src/xlsx/review-workbooks.js';
import { fillWorkbook } from './helpers/fill.js';
import { editLockedCell, filledWorkbook, read } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';

const OFFICE = '长春市';

let cat: Catalogue;
let v1: Uint8Array;
let entries: Entry[];
let taskEntries: TaskEntry[];
let tmp: string;

beforeAll(async () => {
  cat = seedCatalogue();
  ({ bytes: v1, entries, taskEntries } = await filledWorkbook(cat, OFFICE));
  tmp = await mkdtemp(path.join(os.tmpdir(), 'luoshi-compare-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

type Key = Pick<Change, 'targetId' | 'field' | 'before' | 'after' | 'kind'> & { sheet?: string };

function keyOf(c: Change): string {
  return JSON.stringify([c.sheet, c.targetId, c.field, c.before, c.after, c.kind]);
}
function expectedKey(k: Key): string {
  return JSON.stringify([k.sheet ?? '指标', k.targetId, k.field, k.before, k.after, k.kind]);
}

const STATUSES: ProgressStatus[] = ['已完成', '序时推进', '滞后', '未启动'];
const otherStatus = (s: ProgressStatus | null): ProgressStatus => STATUSES.find((x) => x !== s)!;

/** The office's edits for the second version, and what compare must report for them (derived from the inputs). */
function edits(): {
  fills: Parameters<typeof fillWorkbook>[1];
  taskFills: Parameters<typeof fillWorkbook>[2];
  expected: Key[];
} {
  const withFigure = entries.filter((e) => e.actual !== null);
  const blank = entries.filter((e) => e.actual === null && e.status === null);
  expect(withFigure.length).toBeGreaterThan(4);
  expect(blank.length).toBeGreaterThan(1);
  const [changed, cleared, statusRow, textRow] = withFigure;
  const [filled, dated] = blank;
  const task = taskEntries[0];
  const newValue = changed.actual! + 10;
  const newStatus = otherStatus(statusRow.status);
  const formulaText = '=SUM(A1:A3)+1 写成公式样子的文字';
  return {
    fills: [
      { targetId: changed.targetId, actual: newValue },
      { targetId: cleared.targetId, actual: null },
      { targetId: filled.targetId, actual: 33 },
      { targetId: statusRow.targetId, status: newStatus },
      { targetId: textRow.targetId, progress: formulaText },
      { targetId: dated.targetId, asOf: '2025-11-30' },
    ],
    taskFills: [{ taskId: task.taskId, status: otherStatus(task.status) }],
    expected: [
      {
        targetId: changed.targetId,
        field: '完成值',
        before: changed.actual,
        after: newValue,
        kind: 'figure-changed',
      },
      {
        targetId: cleared.targetId,
        field: '完成值',
        before: cleared.actual,
        after: null,
        kind: 'figure-cleared',
      },
      { targetId: filled.targetId, field: '完成值', before: null, after: 33, kind: 'figure-filled' },
      {
        targetId: statusRow.targetId,
        field: '进展状态',
        before: statusRow.status,
        after: newStatus,
        kind: 'status-changed',
      },
      {
        targetId: textRow.targetId,
        field: '进展情况',
        before: textRow.progress || null,
        after: formulaText,
        kind: 'text-edited',
      },
      {
        targetId: dated.targetId,
        field: '截至日期',
        before: dated.asOf,
        after: '2025-11-30',
        kind: 'date-changed',
      },
      {
        sheet: '任务',
        targetId: task.taskId,
        field: '进展状态',
        before: task.status,
        after: otherStatus(task.status),
        kind: 'status-changed',
      },
    ],
  };
}

describe('compareSubmissions on real workbooks', () => {
  it('finds exactly the cells the office changed, and nothing else', async () => {
    const { fills, taskFills, expected } = edits();
    const v2 = await fillWorkbook(v1, fills, taskFills);
    const cmp = compareSubmissions(await read(v1, 'v1.xlsx'), await read(v2, 'v2.xlsx'));
    expect(cmp.changes.map(keyOf).sort()).toEqual(expected.map(expectedKey).sort());
    const figure = cmp.changes.find((c) => c.kind === 'figure-changed')!;
    expect(figure.delta).toBeCloseTo((figure.after as number) - (figure.before as number), 9);
    expect(cmp.summary.total).toBe(expected.length);
    expect(cmp.summary.counts['figure-changed']).toBe(1);
    expect(cmp.summary.sameOffice).toBe(true);
    // daff's own cell count agrees with the list
    expect(cmp.summary.cellsChanged).toBe(expected.length);
  });

  it('notices when the "new" file is the older one (arguments swapped)', async () => {
    const current = await read(v1, 'v1.xlsx');
    const older = {
      ...current,
      entries: current.entries.map((e) => (e.asOf ? { ...e, asOf: '2025-06-30' } : e)),
    };
    expect(compareSubmissions(current, older).summary.afterLooksOlder).toBe(true);
    expect(compareSubmissions(older, current).summary.afterLooksOlder).toBe(false);
  });

  it('reports no change between a workbook and itself re-read', async () => {
    const cmp = compareSubmissions(await read(v1, 'a.xlsx'), await read(v1, 'b.xlsx'));
    expect(cmp.changes).toEqual([]);
    expect(cmp.summary.targetsCompared).toBe(entries.length);
  });

  it('aligns by 指标编号, not by row: a workbook with the rows in another order shows only the real edits', async () => {
    // Same catalogue version, targets in reverse order: every row moves.
    const reversed: Catalogue = {
      ...cat,
      documents: [...cat.documents].reverse(),
      targets: [...cat.targets].reverse(),
      tasks: [...cat.tasks].reverse(),
    };
    const { bytes: r1 } = await filledWorkbook(reversed, OFFICE, { entries, taskEntries });
    const before = await read(v1, 'v1.xlsx');
    const moved = await read(r1, 'r1.xlsx');
    const rowsBefore = new Map(before.rows.map((r) => [r.targetId, r.row]));
    const movedCount = moved.rows.filter((r) => rowsBefore.get(r.targetId) !== r.row).length;
    expect(movedCount).toBeGreaterThan(10);
    expect(compareSubmissions(before, moved).changes).toEqual([]);

    const { fills, taskFills, expected } = edits();
    const r2 = await fillWorkbook(r1, fills, taskFills);
    const cmp = compareSubmissions(before, await read(r2, 'r2.xlsx'));
    expect(cmp.changes.map(keyOf).sort()).toEqual(expected.map(expectedKey).sort());
  });

  it('reports a catalogue cell the office altered, once', async () => {
    const t = cat.targets[3];
    const edited = await editLockedCell(v1, t.id, '指标内容', '（被改动的指标内容）');
    const after = await read(edited, 'edited.xlsx');
    expect(after.problems.some((p) => p.code === 'locked-cell-edited' && p.targetId === t.id)).toBe(true);
    const before = await read(v1, 'v1.xlsx');
    const cmp = compareSubmissions(before, after);
    const quote = before.rows.find((r) => r.targetId === t.id)!.quote;
    expect(cmp.changes.map(keyOf)).toEqual([
      expectedKey({
        targetId: t.id,
        field: '指标内容',
        before: quote,
        after: '（被改动的指标内容）',
        kind: 'catalogue-edited',
      }),
    ]);
  });

  it('lists targets added and removed between catalogue versions', async () => {
    const removed = cat.targets[5];
    const template = cat.targets[6];
    const added = { ...template, id: `${template.id}-新增`, quote: `${template.quote}（新增）` };
    const cat2: Catalogue = {
      ...cat,
      version: `${cat.version}-v2`,
      targets: [...cat.targets.filter((t) => t.id !== removed.id), added],
    };
    const { bytes: w2 } = await filledWorkbook(cat2, OFFICE, {
      entries: [...entries.filter((e) => e.targetId !== removed.id)],
      tweak: (fills) => fills,
    });
    const cmp = compareSubmissions(await read(v1, 'v1.xlsx'), await read(w2, 'v2.xlsx'));
    expect(cmp.summary.sameCatalogue).toBe(false);
    expect(cmp.changes.map((c) => [c.kind, c.targetId]).sort()).toEqual(
      [
        ['target-added', added.id],
        ['target-removed', removed.id],
      ].sort(),
    );
  });

  it('refuses two different offices in Chinese, unless cross', async () => {
    const { bytes: other } = await filledWorkbook(cat, '吉林市');
    const a = await read(v1, '长春市.xlsx');
    const b = await read(other, '吉林市.xlsx');
    let error: unknown;
    try {
      compareSubmissions(a, b);
    } catch (e) {
      error = e;
    }
    expect(isLuoshiError(error)).toBe(true);
    expect((error as Error).message).toMatch(/不是同一填报单位.*长春市.*吉林市/);
    const cross = compareSubmissions(a, b, { cross: true });
    expect(cross.cross).toBe(true);
    expect(cross.summary.sameOffice).toBe(false);
    expect(cross.changes.length).toBeGreaterThan(0);
  });
});

describe('compare review workbook', () => {
  it('highlights the changed cells of the new version and lists every change, text never as a formula', async () => {
    const { fills, taskFills, expected } = edits();
    const v2 = await fillWorkbook(v1, fills, taskFills);
    const grid = await readWorkbookGrid(v2, 'v2.xlsx');
    const cmp = compareSubmissions(await read(v1, 'v1.xlsx'), await read(v2, 'v2.xlsx'));
    const out = await writeComparisonWorkbook(cmp, grid);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const list = wb.getWorksheet(COMPARE_SHEETS.list)!;
    const listed: string[] = [];
    const heads = list.getRow(3).values as unknown[];
    for (let r = 4; r <= list.rowCount; r++) {
      const row = list.getRow(r);
      listed.push(row.getCell(heads.indexOf('编号')).text);
      // every change names its indicator, as the new version shows it
      expect(row.getCell(heads.indexOf('指标名称')).text, `row ${r}`).not.toBe('');
    }
    expect(listed.sort()).toEqual(expected.map((e) => e.targetId).sort());
    // a legend explains every colour the workbook uses
    const legend = wb.getWorksheet(COMPARE_SHEETS.legend)!;
    const swatches = new Set<string>();
    legend.eachRow((row) => {
      const fill = row.getCell(1).fill as ExcelJS.FillPattern | undefined;
      if (fill?.fgColor?.argb && row.getCell(2).text) swatches.add(fill.fgColor.argb);
    });
    for (const k of ['changed', 'filled', 'cleared', 'catalogue', 'added'] as const)
      expect(swatches.has(HIGHLIGHT[k]), k).toBe(true);

    // every cell of every sheet is a value: no formula anywhere
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    const formulaText = fills.find((f) => typeof f.progress === 'string')!.progress as string;
    let seenFormulaText = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === formulaText) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            seenFormulaText++;
          }
        }),
      ),
    );
    expect(seenFormulaText).toBe(2); // in 变更清单 and in the highlighted sheet

    // the highlighted cells are exactly those of the 指标 changes
    const sheet = wb.getWorksheet(COMPARE_SHEETS.targets)!;
    let headerRow = 0;
    const cols = new Map<string, number>();
    for (let r = 1; r <= 10 && !headerRow; r++) {
      sheet.getRow(r).eachCell((c, i) => {
        if (typeof c.value === 'string') cols.set(c.value, i);
      });
      if (cols.has('指标编号')) headerRow = r;
    }
    const highlighted = new Set<string>();
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      if (r <= headerRow) return;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.fgColor?.argb && Object.values(HIGHLIGHT).includes(fill.fgColor.argb)) {
          highlighted.add(
            `${row.getCell(cols.get('指标编号')!).text}|${[...cols].find(([, i]) => i === c)![0]}`,
          );
          expect(cell.note).toBeTruthy();
        }
      });
    });
    const want = expected
      .filter((e) => (e.sheet ?? '指标') === '指标')
      .map((e) => `${e.targetId}|${e.field}`);
    expect([...highlighted].sort()).toEqual(want.sort());
    expect(wb.getWorksheet(COMPARE_SHEETS.tasks)).toBeTruthy();
  });
});

describe('luoshi compare (CLI)', () => {
  it('prints {changes, summary} with --json, writes -o, and refuses another office with exit code 2', async () => {
    const { fills, taskFills, expected } = edits();
    const a = path.join(tmp, '长春市-一稿.xlsx');
    const b = path.join(tmp, '长春市-二稿.xlsx');
    await writeFile(a, v1);
    await writeFile(b, await fillWorkbook(v1, fills, taskFills));
    const out = path.join(tmp, '对比.xlsx');
    const { stdout } = await luoshiIn(tmp, 'compare', a, b, '--json', '-o', out);
    const json = JSON.parse(stdout) as {
      changes: { targetId: string; field: string; before: unknown; after: unknown }[];
      summary: { total: number };
    };
    expect(json.summary.total).toBe(expected.length);
    expect(json.changes.map((c) => `${c.targetId}|${c.field}`).sort()).toEqual(
      expected.map((e) => `${e.targetId}|${e.field}`).sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(COMPARE_SHEETS.list)).toBeTruthy();

    const text = await luoshiIn(tmp, 'compare', a, b);
    expect(text.stdout).toContain(`共 ${expected.length} 处变化`);

    const { bytes: other } = await filledWorkbook(cat, '吉林市');
    const c = path.join(tmp, '吉林市.xlsx');
    await writeFile(c, other);
    const refused = await luoshiIn(tmp, 'compare', a, c);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^错误：两个文件不是同一填报单位/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
