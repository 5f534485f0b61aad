/**
 * luoshi consolidate: a folder of office workbooks generated from the seeds and filled as offices would,
 * with a roster that has missing offices, a duplicate submission, broken files and out-of-range figures.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { luoshiIn } from './helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { Entry } from '../src/core/model/submission.js';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import { isBoundedShare, isSummableUnit } from '../src/core/review/measure.js';
import { expandInputs } from '../src/host/files.js';
import { readSubmissions } from '../src/host/read-pool.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { parseRoster } from '../src/core/roster.js';
import { CONSOLIDATION_SHEETS, writeConsolidationWorkbook } from '../src/xlsx/review-workbooks.js';
import { filledWorkbook, PERIOD, read } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';

const REPORTING = ['长春市', '吉林市', '四平市', '辽源市', '通化市', '白山市', '松原市'];
const NOT_REPORTING = ['白城市', '延边朝鲜族自治州', '=HYPERLINK("http://x","点我")'];
const ROSTER = [...REPORTING, ...NOT_REPORTING];
const UNLISTED = '长白山管委会';
const SAVED_REAL = '2025-12-20T08:00:00.000Z';
const SAVED_DRAFT = '2025-10-01T08:00:00.000Z';

let cat: Catalogue;
let dir: string;
let shareTarget: Target;
let countTarget: Target;
/** What each office typed (the file that counts), by office. */
const typed = new Map<string, Entry[]>();
const problemCounts = new Map<string, number>();

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

beforeAll(async () => {
  cat = seedCatalogue();
  dir = await mkdtemp(path.join(os.tmpdir(), 'luoshi-consolidate-'));
  const samples = new Map(REPORTING.map((o) => [o, sampleEntries(cat, o, PERIOD)]));
  const reportedByAll = (t: Target) =>
    REPORTING.every((o) => samples.get(o)!.find((e) => e.targetId === t.id)?.actual != null);
  shareTarget = cat.targets.find((t) => isBoundedShare(t.unit, t.quote) && t.comparator !== 'milestone')!;
  countTarget = cat.targets.find(
    (t) => t.kind === 'total' && isSummableUnit(t.unit) && t.comparator !== 'milestone' && reportedByAll(t),
  )!;
  expect(shareTarget).toBeTruthy();
  expect(countTarget).toBeTruthy();

  for (const office of REPORTING) {
    let entries = samples.get(office)!;
    // out of range: an impossible share, and a count a thousand times the others'
    if (office === '四平市')
      entries = entries.map((e) => (e.targetId === shareTarget.id ? { ...e, actual: 150 } : e));
    if (office === '辽源市') {
      entries = entries.map((e) =>
        e.targetId === countTarget.id ? { ...e, actual: (e.actual ?? 1) * 1000 } : e,
      );
    }
    typed.set(office, entries);
    // 吉林市's real submission was saved after its draft (the workbook's own save time says so).
    const generatedAt = office === '吉林市' ? SAVED_REAL : undefined;
    const { bytes } = await filledWorkbook(cat, office, { entries, generatedAt });
    await writeFile(path.join(dir, `${office}.xlsx`), bytes);
    problemCounts.set(office, (await read(bytes, `${office}.xlsx`)).problems.length);
  }
  // a duplicate: an older draft of 吉林市 (saved earlier, but with a later 截至日期 typed and a different
  // figure) that sorts after the real one: the save time decides, never the typed date
  const lateDate = [...typed.get('吉林市')!]
    .map((e) => e.asOf)
    .filter(Boolean)
    .sort()
    .at(-1)!;
  const draft = typed.get('吉林市')!.map((e) => ({
    ...e,
    asOf: e.asOf ? lateDate : null,
    actual: e.targetId === countTarget.id ? 424242 : e.actual,
  }));
  await writeFile(
    path.join(dir, '吉林市（旧）.xlsx'),
    (await filledWorkbook(cat, '吉林市', { entries: draft, generatedAt: SAVED_DRAFT })).bytes,
  );
  // an office not on the roster
  const unlisted = await filledWorkbook(cat, UNLISTED);
  typed.set(UNLISTED, unlisted.entries);
  await writeFile(path.join(dir, `${UNLISTED}.xlsx`), unlisted.bytes);
  // broken files: truncated workbook, text named .xlsx, an old binary .xls
  const good = await readFile(path.join(dir, '长春市.xlsx'));
  await writeFile(path.join(dir, '损坏.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  await writeFile(path.join(dir, '说明.xlsx'), '这不是表格');
  await writeFile(
    path.join(dir, '旧格式.xls'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(2000)]),
  );
  await writeFile(
    path.join(dir, '..', `roster-${path.basename(dir)}.csv`),
    ['单位,联系人', ...ROSTER.map((o) => `${csvField(o)},`)].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(path.join(dir, '..', `roster-${path.basename(dir)}.csv`), { force: true });
});

async function consolidateFolder(workers: number): Promise<ConsolidationResult> {
  const files = await expandInputs([dir], ['.xlsx', '.xls']);
  const c = createConsolidator({ roster: ROSTER });
  await readSubmissions(
    files,
    (o) => (o.ok ? c.add(o.submission) : c.addFailure(path.basename(o.file), o.message)),
    { workers },
  );
  return c.finish();
}

function checkResult(r: ConsolidationResult): void {
  // 未报送 and offices off the roster
  expect(r.missing).toEqual(NOT_REPORTING);
  expect(r.unlisted).toEqual([UNLISTED]);
  expect(r.offices.map((o) => o.office).sort()).toEqual([...REPORTING, UNLISTED].sort());
  // duplicate: the copy saved last counts even though its file comes first and the draft's 截至日期 is later
  expect(r.duplicates).toHaveLength(1);
  expect(r.duplicates[0].reason).toContain('工作簿保存时间 2025-12-20 08:00:00');
  expect(r.duplicates[0]).toMatchObject({
    office: '吉林市',
    kept: '吉林市.xlsx',
    dropped: '吉林市（旧）.xlsx',
  });
  // broken files, each with its Chinese reason; the rest went on
  expect(r.failures.map((f) => f.file).sort()).toEqual(['损坏.xlsx', '旧格式.xls', '说明.xlsx'].sort());
  expect(r.failures.find((f) => f.file === '说明.xlsx')!.message).toMatch(/不是 \.xlsx 文件/);
  expect(r.failures.find((f) => f.file === '旧格式.xls')!.message).toMatch(/旧版 \.xls/);
  expect(r.failures.find((f) => f.file === '损坏.xlsx')!.message).toMatch(/损坏/);
  // out of range: exactly the two figures typed wrong, for those targets
  const forShare = r.outliers.filter((o) => o.targetId === shareTarget.id);
  expect(forShare.map((o) => o.office)).toEqual(['四平市']);
  expect(forShare[0].reason).toMatch(/超过 100%/);
  const forCount = r.outliers.filter((o) => o.targetId === countTarget.id);
  expect(forCount.map((o) => o.office)).toEqual(['辽源市']);
  if (forCount[0].score === null) {
    // a thousand times the others is also more than 10× the target: held back until 辽源市 confirms it
    expect(forCount[0].held).toBe(true);
    expect(forCount[0].reason).toMatch(/倍/);
  } else expect(Math.abs(forCount[0].score)).toBeGreaterThan(3.5);
  // each office's own validation problems are carried over
  for (const office of REPORTING) {
    const own = r.problems.filter((p) => p.office === office && p.code !== 'more-problems');
    expect(own.length).toBe(problemCounts.get(office));
  }
  // matrix, totals and rates from what the offices typed (the kept 吉林市 file, not the draft)
  const t = r.targets.findIndex((x) => x.targetId === countTarget.id);
  const officeIdx = (name: string) => r.offices.findIndex((o) => o.office === name);
  const typedActual = (office: string) =>
    typed.get(office)!.find((e) => e.targetId === countTarget.id)?.actual ?? null;
  expect(r.actual[t][officeIdx('吉林市')]).toBe(typedActual('吉林市'));
  // held-back (implausible, unconfirmed) figures stay out of the total
  const heldOffices = new Set(
    r.outliers.filter((o) => o.held && o.targetId === countTarget.id).map((o) => o.office),
  );
  const expectedTotal = [...REPORTING, UNLISTED]
    .filter((o) => !heldOffices.has(o))
    .reduce((s, o) => s + (typedActual(o) ?? 0), 0);
  expect(r.targets[t].summable).toBe(true);
  expect(r.targets[t].total).toBeCloseTo(expectedTotal, 6);
  if (countTarget.comparator === '>=' && countTarget.value) {
    expect(r.rate[t][officeIdx('长春市')]).toBeCloseTo((typedActual('长春市')! / countTarget.value) * 100, 6);
  }
  const s = r.targets.find((x) => x.targetId === shareTarget.id)!;
  expect(s.summable).toBe(false);
  expect(s.total).toBeNull();
  // ranking: 1..n, best score first
  const ranked = [...r.offices].sort((a, b) => a.rank - b.rank);
  expect(ranked[0].rank).toBe(1);
  for (let i = 1; i < ranked.length; i++) {
    if (ranked[i].score !== null && ranked[i - 1].score !== null)
      expect(ranked[i - 1].score!).toBeGreaterThanOrEqual(ranked[i].score!);
  }
}

describe('consolidating a folder', () => {
  it('reports missing, duplicate, broken and out-of-range submissions (two read workers)', async () => {
    checkResult(await consolidateFolder(2));
  });

  it('gives the same result read in this thread', async () => {
    const a = await consolidateFolder(0);
    checkResult(a);
    expect(a).toEqual(await consolidateFolder(2));
  });
});

describe('汇总 workbook', () => {
  it('holds values (never formulas) in every sheet, with the matrix, 未报送 and the rest', async () => {
    const r = await consolidateFolder(0);
    const bytes = await writeConsolidationWorkbook(r);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(CONSOLIDATION_SHEETS));
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      ),
    );
    // 汇总: row per target, column per office, then 合计
    const ws = wb.getWorksheet(CONSOLIDATION_SHEETS.actual)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const t = r.targets.findIndex((x) => x.targetId === countTarget.id);
    const row = ws.getRow(t + 2);
    expect(row.getCell(2).value).toBe(countTarget.id);
    for (const [o, office] of r.offices.entries()) {
      expect(header[6 + o]).toBe(office.office);
      expect(row.getCell(7 + o).value).toBe(r.actual[t][o]);
    }
    expect(header[6 + r.offices.length]).toBe('指标类型');
    expect(header[7 + r.offices.length]).toBe('合计');
    expect(row.getCell(8 + r.offices.length).value).toBeCloseTo(r.targets[t].total!, 6);
    // 未报送 lists the roster names, a formula-looking name as plain text
    const missing = wb.getWorksheet(CONSOLIDATION_SHEETS.missing)!;
    const names: unknown[] = [];
    missing.eachRow((rr, i) => {
      if (i > 1) names.push(rr.getCell(2).value);
    });
    expect(names).toEqual([...NOT_REPORTING, UNLISTED]);
    const formulaLike = missing.getRow(1 + NOT_REPORTING.length).getCell(2);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    // 重复报送, 异常值, 问题 carry the findings
    expect(wb.getWorksheet(CONSOLIDATION_SHEETS.duplicates)!.getRow(2).getCell(3).value).toBe(
      '吉林市（旧）.xlsx',
    );
    expect(wb.getWorksheet(CONSOLIDATION_SHEETS.outliers)!.rowCount).toBe(r.outliers.length + 1);
    const problemRows = wb.getWorksheet(CONSOLIDATION_SHEETS.problems)!.rowCount - 1;
    expect(problemRows).toBe(r.problems.length + r.failures.length);
  });
});

describe('luoshi consolidate (CLI)', () => {
  it('prints {offices, missing, duplicates, problems, outliers}, writes 汇总.xlsx and exits 1 for the broken files', async () => {
    const out = path.join(dir, '..', `汇总-${path.basename(dir)}.xlsx`);
    const roster = path.join(dir, '..', `roster-${path.basename(dir)}.csv`);
    const result = await luoshiIn(dir, 'consolidate', dir, '--roster', roster, '--json', '-o', out);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of ['offices', 'missing', 'duplicates', 'problems', 'outliers'])
      expect(json).toHaveProperty(key);
    // the roster parser decides which names are valid offices (it may refuse formula-looking ones)
    const rosterNames = parseRoster(await readFile(roster, 'utf8'), roster).offices.map((o) => o.office);
    expect(json.missing).toEqual(rosterNames.filter((n) => !REPORTING.includes(n)));
    expect(json.missing).toEqual(expect.arrayContaining(['白城市', '延边朝鲜族自治州']));
    expect((json.failures as unknown[]).length).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(CONSOLIDATION_SHEETS.ranking)!.rowCount).toBe(REPORTING.length + 2);
    await rm(out, { force: true });
  });
});
