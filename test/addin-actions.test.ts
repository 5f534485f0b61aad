/**
 * The pane's actions (src/addin/actions.ts, report-action.ts) on the real catalogue from seeds/,
 * through the real ExcelHost against the recording Excel fake: what 拉取指标 keeps, lists and
 * flags; what 检查 reports; what 对比 finds in a workbook written by the CLI's exceljs path; and
 * the report bytes. Excel itself is not involved (see the README's manual checklist).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { ExcelHost } from '../src/addin/office/excel-host.js';
import {
  CURRENT_WORKBOOK,
  PullBlocked,
  checkWorkbook,
  compareWithOther,
  highlightGroups,
  pullCatalogue,
  rosterSuggestions,
  type RosterEntry,
} from '../src/addin/actions.js';
import { buildReport } from '../src/addin/report-action.js';
import { reportHandlebars } from '../src/core/report/template.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { TARGET_COLUMNS, columnLetter } from '../src/core/workbook/layout.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { writeWorkbookPlan } from '../src/xlsx/write-workbook.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { FakeExcel, fakeOffice } from './fakes/excel-fake.js';
import { seedCatalogue } from './helpers/seeds.js';
import { emptyEntry } from '../src/core/model/submission.js';
import { ALLOCATION_FORMAT, applyAllocation } from '../src/core/allocation/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OFFICE = '长春市';
const PERIOD = '2026年上半年';

let catalogue: Catalogue;

beforeAll(() => {
  // A copy: these tests may change the catalogue, which the helper caches per process.
  catalogue = structuredClone(seedCatalogue());
});

function newHost(apiMinor = 9): { fake: FakeExcel; host: ExcelHost } {
  const fake = new FakeExcel(undefined, { apiMinor });
  return { fake, host: new ExcelHost(fake, fakeOffice(apiMinor)) };
}

const input = (cat: Catalogue, now = '2026-07-01T08:00:00.000Z') => ({
  catalogue: cat,
  office: OFFICE,
  period: PERIOD,
  now,
});

/** 0-based column of 指标编号 in the 指标 sheet. */
const ID_COLUMN = TARGET_COLUMNS.findIndex((c) => c.key === 'targetId');
/** Column letter of 完成值. */
const ACTUAL = columnLetter(TARGET_COLUMNS.findIndex((c) => c.key === 'actual'));

/** Row (1-based) of a target id in the fake 指标 sheet. */
function rowOf(fake: FakeExcel, id: string): number {
  const sheet = fake.model.mustSheet('指标');
  for (const [key, cell] of sheet.cells)
    if (key.endsWith(`,${ID_COLUMN}`) && cell.value === id) return Number(key.split(',')[0]) + 1;
  throw new Error(`no row for ${id}`);
}

describe('拉取指标 (pullCatalogue) with the seeds catalogue', () => {
  it('writes a fresh workbook, then keeps typed figures by target id, lists removed targets and flags changed quotes', async () => {
    const { fake, host } = newHost();
    const first = await pullCatalogue(host, input(catalogue));
    expect(first.fresh).toBe(true);
    expect(first.targets).toBe(catalogue.targets.length);
    expect(first.syncs).toBe(2); // state, write: a fresh workbook has nothing to read

    const [keep, drop, reword] = catalogue.targets;
    fake.model.type('指标', `${ACTUAL}${rowOf(fake, keep.id)}`, 7.5);
    // typed with a leading apostrophe, as Excel users enter text that starts with =
    fake.model.type('指标', `O${rowOf(fake, keep.id)}`, "'=已推进（以等号开头的文字）");
    fake.model.type('指标', `${ACTUAL}${rowOf(fake, drop.id)}`, 3);

    // A new catalogue version: one target dropped, one quote reworded.
    const next: Catalogue = {
      ...catalogue,
      version: `${catalogue.version}-next`,
      targets: catalogue.targets
        .filter((t) => t.id !== drop.id)
        .map((t) => (t.id === reword.id ? { ...t, quote: `${t.quote}（修订）` } : t)),
    };
    const second = await pullCatalogue(host, input(next, '2026-07-02T08:00:00.000Z'));
    expect(second.fresh).toBe(false);
    expect(second.kept).toBe(1);
    expect(second.removed.map((r) => [r.row.targetId, r.entry.actual, r.reason])).toEqual([
      [drop.id, 3, '新版目录中已无此指标'],
    ]);
    expect(second.changed.map((c) => c.targetId)).toEqual([reword.id]);

    const r = rowOf(fake, keep.id);
    expect(fake.model.value('指标', `${ACTUAL}${r}`)).toBe(7.5);
    expect(fake.model.value('指标', `O${r}`)).toBe('=已推进（以等号开头的文字）');
    expect(fake.model.cell('指标', `O${r}`)?.formula).toBeNull();
    // the dropped target is on 已移除指标 with its figure
    const removedSheet = fake.model.mustSheet('已移除指标');
    const removedValues = Array.from(removedSheet.cells.values()).map((c) => c.value);
    expect(removedValues).toContain(drop.id);
    expect(removedValues).toContain(3);
    // the reworded target carries a 变更提示 note
    const sub = readSubmission(await host.readGrid(), { source: CURRENT_WORKBOOK });
    expect(sub.rows.find((x) => x.targetId === reword.id)?.quote).toBe(`${reword.quote}（修订）`);
    const header = Array.from(fake.model.mustSheet('指标').cells.entries()).find(
      ([k, c]) => k.startsWith('2,') && c.value === '变更提示',
    );
    expect(header).toBeDefined();

    // refreshing again with the same catalogue changes nothing at all
    const before = fake.model.snapshot();
    const third = await pullCatalogue(host, input(next, '2026-07-03T08:00:00.000Z'));
    expect(third.removed).toEqual([]);
    expect(third.changed).toEqual([]);
    expect(fake.model.snapshot()).toBe(before);
  });

  it('keeps the office own allocated target when a refresh comes from a catalogue without the allocation', async () => {
    const { fake, host } = newHost();
    const total = catalogue.targets.find((t) => t.comparator === '>=' && (t.value ?? 0) >= 10);
    if (!total) throw new Error('the seeds have no ≥ target to allocate');
    // the server's copy for this office: an own share of 3 against the overall target
    const allocated = applyAllocation(
      catalogue,
      {
        format: ALLOCATION_FORMAT,
        catalogueVersion: catalogue.version,
        source: '分解表.xlsx',
        targets: [
          { targetId: total.id, shares: [{ office: OFFICE, comparator: '>=', value: 3, valueMax: null }] },
        ],
      },
      OFFICE,
    );
    await pullCatalogue(host, input(allocated));
    fake.model.type('指标', `${ACTUAL}${rowOf(fake, total.id)}`, 2);
    // the bundled catalogue knows only the overall target
    await pullCatalogue(host, input(catalogue, '2026-07-02T08:00:00.000Z'));
    const sub = readSubmission(await host.readGrid(), { source: CURRENT_WORKBOOK });
    const at = sub.rows.findIndex((r) => r.targetId === total.id);
    expect([sub.rows[at]?.value, sub.entries[at]?.actual, sub.rows[at]?.overall?.value]).toEqual([
      3,
      2,
      total.value,
    ]);
  });

  it('refuses to pull over unreadable figures, another office or another period', async () => {
    const { fake, host } = newHost();
    await pullCatalogue(host, input(catalogue));
    const r = rowOf(fake, catalogue.targets[0].id);
    fake.model.type('指标', `${ACTUAL}${r}`, '约30');
    const before = fake.model.snapshot();
    const err = await pullCatalogue(host, input(catalogue)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PullBlocked);
    expect((err as PullBlocked).problems.map((p) => p.cell)).toEqual([`${ACTUAL}${r}`]);
    expect(fake.model.snapshot()).toBe(before);
    fake.model.type('指标', `${ACTUAL}${r}`, 30);
    await expect(pullCatalogue(host, { ...input(catalogue), office: '吉林市' })).rejects.toThrow(
      /长春市.*吉林市/,
    );
    await expect(pullCatalogue(host, { ...input(catalogue), period: '2026年下半年' })).rejects.toThrow(
      /2026年上半年.*2026年下半年/,
    );
    await expect(pullCatalogue(host, { ...input(catalogue), office: ' ' })).rejects.toThrow(/填报单位/);
  });
});

describe('检查, 对比 and 生成报告 on the open workbook', () => {
  it('检查 reports a non-number in an entry cell with its sheet and cell', async () => {
    const { fake, host } = newHost();
    await pullCatalogue(host, input(catalogue));
    const r = rowOf(fake, catalogue.targets[1].id);
    fake.model.type('指标', `${ACTUAL}${r}`, '约30');
    const sub = await checkWorkbook(host, catalogue);
    const p = sub.problems.find((x) => x.cell === `${ACTUAL}${r}`);
    expect(p?.severity).toBe('error');
    expect(p?.sheet).toBe('指标');
    expect(p?.targetId).toBe(catalogue.targets[1].id);
  });

  it('检查 flags what Excel makes of typed input: "1/2" becomes a date serial, "-约5" a formula', async () => {
    // typed as a clerk types: Excel turns these into a date and a #NAME? formula, not text or a fraction
    const { fake, host } = newHost();
    await pullCatalogue(host, input(catalogue));
    const [a, b] = [catalogue.targets[1].id, catalogue.targets[2].id].map(
      (id) => `${ACTUAL}${rowOf(fake, id)}`,
    );
    fake.model.type('指标', a, '1/2');
    fake.model.type('指标', b, '-约5');
    expect(fake.model.cell('指标', b)?.formula).toBe('=-约5');
    const sub = await checkWorkbook(host, catalogue);
    // the formula reads as an error; the date, in a cell already formatted as a number, reads as the
    // serial 46024 or so: not silently accepted, but only a warning (an implausible value)
    expect(sub.problems.find((x) => x.cell === b)?.severity).toBe('error');
    expect(sub.problems.find((x) => x.cell === a)?.message).toMatch(/完成值 \d{5}/);
  });

  it('对比 finds the changed figure in a workbook written by the CLI (exceljs) and where to highlight it', async () => {
    const { fake, host } = newHost();
    await pullCatalogue(host, input(catalogue));
    const id = catalogue.targets[2].id;
    const r = rowOf(fake, id);
    fake.model.type('指标', `${ACTUAL}${r}`, 12.5);
    const other = planWorkbook(catalogue, {
      office: OFFICE,
      period: PERIOD,
      generatedAt: '2026-06-01T00:00:00.000Z',
      entries: [{ ...emptyEntry(id), actual: 10 }],
    });
    const grid = await readWorkbookGrid(await writeWorkbookPlan(other), '上次报送.xlsx');
    const result = await compareWithOther(host, grid, '上次报送.xlsx', catalogue);
    const figure = result.changes.filter((c) => c.change.kind === 'figure-changed');
    expect(figure.map((c) => [c.change.targetId, c.change.before, c.change.after, c.sheet, c.cell])).toEqual([
      [id, 10, 12.5, '指标', `${ACTUAL}${r}`],
    ]);
    expect(highlightGroups(result.changes)[0]).toEqual({ sheet: '指标', cells: [`${ACTUAL}${r}`] });
  });

  it('生成报告 builds a .docx from the open workbook (chart left out without a rasteriser, with a note)', async () => {
    const { fake, host } = newHost();
    await pullCatalogue(host, input(catalogue));
    const r = rowOf(fake, catalogue.targets[0].id);
    fake.model.type('指标', `${ACTUAL}${r}`, 1);
    fake.model.type('指标', `N${r}`, '序时推进');
    const sub = await checkWorkbook(host, catalogue);
    // the one-office template has no chart: add one, so leaving it out (with a note) is what is tested
    const single = readFileSync(path.join(ROOT, 'templates/report/single.hbs'), 'utf8');
    expect(single).not.toContain('::chart');
    const text = `${single.trimEnd()}\n\n::chart 完成率\n`;
    const compiled = reportHandlebars.compile(text, { strict: true, noEscape: true });
    const result = await buildReport(
      sub,
      catalogue,
      { name: 'single.hbs', text, render: (v) => compiled(v) },
      null,
    );
    expect(result.fileName).toBe(`${OFFICE}${PERIOD}落实情况报告.docx`);
    const zip = await JSZip.loadAsync(result.bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(OFFICE);
    expect(result.notes).toEqual(['当前环境无法绘制图表，报告中略去了完成率图，其余内容完整。']);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });
});

describe('拉取指标 never clears sheets that are not a luoshi workbook', () => {
  it('refuses when a sheet named 指标 holds the user own data, and writes nothing', async () => {
    const { fake, host } = newHost();
    fake.model.addSheet('指标');
    fake.model.type('指标', 'A1', '我自己的数据');
    const before = fake.model.snapshot();
    await expect(pullCatalogue(host, input(catalogue))).rejects.toThrow(
      /已有名为“指标”的工作表，但不是落实填报表/,
    );
    expect(fake.model.snapshot()).toBe(before);
    // an empty sheet of that name is fine (nothing to lose)
    const empty = newHost();
    empty.fake.model.addSheet('任务');
    const r = await pullCatalogue(empty.host, input(catalogue));
    expect(r.fresh).toBe(true);
  });
});

describe('an office name not in the roster', () => {
  const entry = (office: string): RosterEntry => ({
    office,
    contact: null,
    phone: null,
    documents: [],
    units: [],
  });
  const roster = ['长春市', '吉林市', '长春市发展改革委', '省卫生健康委'].map(entry);

  it('offers the roster offices that contain, or are contained in, what was typed, closest first', () => {
    expect(rosterSuggestions('长春', roster)).toEqual(['长春市', '长春市发展改革委']);
    expect(rosterSuggestions('吉林市人民政府', roster)).toEqual(['吉林市']);
  });

  it('offers nothing for an exact roster name, and the whole roster when nothing is close', () => {
    expect(rosterSuggestions('长春市', roster)).toEqual([]);
    expect(rosterSuggestions('延边州', roster)).toEqual(roster.map((r) => r.office));
  });
});
