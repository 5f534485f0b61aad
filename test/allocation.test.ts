/**
 * Allocation (分解下达): the template written and read back with exceljs, a filled allocation read into each
 * office's own targets, every class of bad input named by file, sheet and cell, and the office's workbook
 * judged by its own target. Expected values are typed here, not computed by the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedCatalogue } from './helpers/seeds.js';
import { tmpDir } from './helpers/workbooks.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { readAllocationWorkbook, writeAllocationTemplate } from '../src/xlsx/allocation-workbook.js';
import {
  applyAllocation,
  scopeOf,
  type Allocation,
  type AllocationOffice,
} from '../src/core/allocation/index.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { writeWorkbookPlan } from '../src/xlsx/write-workbook.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { readSubmission } from '../src/core/workbook/read.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/luoshi.mjs');
const PROVINCE = '吉政发〔2014〕14号、吉政办发〔2023〕21号、发改社会〔2019〕1427号';
const OFFICES: AllocationOffice[] = [
  { office: '长春市', documents: PROVINCE.split('、') },
  { office: '吉林市', documents: [...PROVINCE.split('、'), '吉市政办发〔2018〕19号'] },
  { office: '四平市', documents: PROVINCE.split('、') },
];
const ROSTER_CSV = `单位,文件\n${OFFICES.map((o) => `${o.office},"${(o.documents ?? []).join('、')}"`).join('\n')}\n`;

let catalogue: Catalogue;
let dir: string;
let specialists: Target; // 国家临床重点专科: ≥50个 (a total of 吉政办发〔2023〕21号)
let coaches: Target; // 社会体育指导员: ≥41000人
let jilinOwn: Target; // a target of 吉林市's own plan

function luoshi(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function template(): Promise<Uint8Array> {
  return writeAllocationTemplate(catalogue, OFFICES, { generatedAt: '2026-01-05T08:00:00.000Z' });
}

/** The template with cells typed into by exceljs, by 指标编号 and header text. */
async function filled(
  values: Record<string, Record<string, ExcelJS.CellValue>>,
  edit?: (ws: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await template()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('分解')!;
  const header: string[] = [];
  ws.getRow(1).eachCell((c, col) => (header[col] = c.text));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const shares = values[row.getCell(1).text];
    if (!shares) return;
    for (const [office, v] of Object.entries(shares)) row.getCell(header.indexOf(office)).value = v;
  });
  edit?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array, offices: AllocationOffice[] | undefined = OFFICES) {
  return readAllocationWorkbook(bytes, '分解表.xlsx', { catalogue, offices, rosterFile: 'roster.csv' });
}

beforeAll(() => {
  catalogue = seedCatalogue();
  dir = tmpDir('alloc');
  const byName = (name: string) => catalogue.targets.find((t) => t.name === name)!;
  specialists = byName('国家临床重点专科数');
  coaches = byName('社会体育指导员人数');
  jilinOwn = catalogue.targets.find((t) => t.documentId.startsWith('吉市政办发') && t.value !== null)!;
  writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  writeFileSync(path.join(dir, 'roster.csv'), ROSTER_CSV);
});

describe('the allocation template', () => {
  it('has sheet 分解: 指标编号, 指标, 单位, 目标值 and one column per roster office; a row per target', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('分解')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标编号',
      '指标',
      '单位',
      '目标值',
      '长春市',
      '吉林市',
      '四平市',
    ]);
    expect(ws.rowCount).toBe(1 + catalogue.targets.length);
    const row = ws.getRows(2, catalogue.targets.length)!.find((r) => r.getCell(1).value === specialists.id)!;
    expect(row.getCell(2).value).toBe('国家临床重点专科数');
    expect(row.getCell(3).value).toBe('个');
    expect(row.getCell(4).value).toBe('≥50个');
    // Entry cells unlocked; the catalogue's cells locked on a protected sheet.
    expect(row.getCell(5).protection?.locked).toBe(false);
    expect(row.getCell(1).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    // 吉林市's own plan: only 吉林市 can take a share of it.
    const own = ws.getRows(2, catalogue.targets.length)!.find((r) => r.getCell(1).value === jilinOwn.id)!;
    expect(own.getCell(6).protection?.locked).toBe(false);
    expect(own.getCell(5).protection?.locked).not.toBe(false);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('writes catalogue text as text, never as a formula', async () => {
    const evil: Catalogue = {
      ...catalogue,
      targets: [{ ...specialists, name: '=HYPERLINK("http://x","y")', unit: '+1' }],
    };
    const bytes = await writeAllocationTemplate(evil, OFFICES, { generatedAt: '2026-01-05T08:00:00.000Z' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('分解')!.getRow(2);
    expect(row.getCell(2).value).toBe('=HYPERLINK("http://x","y")');
    expect(row.getCell(2).formula).toBeUndefined();
    expect(row.getCell(3).value).toBe('+1');
  });

  it('the CLI writes it from catalogue.json and the roster', async () => {
    const r = luoshi(
      'allocation',
      'template',
      'catalogue.json',
      '--roster',
      'roster.csv',
      '-o',
      '分解表.xlsx',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const grid = await readWorkbookGrid(new Uint8Array(readFileSync(path.join(dir, '分解表.xlsx'))), 'x');
    expect(grid.sheets.map((s) => s.name)).toContain('分解');
    expect(grid.sheets.find((s) => s.name === '分解')!.rows[0].slice(4)).toEqual([
      '长春市',
      '吉林市',
      '四平市',
    ]);
  });
});

describe('reading a filled allocation', () => {
  it('gives each office its own target, with the overall comparator unless the cell says otherwise', async () => {
    const bytes = await filled({
      [specialists.id]: { 长春市: 30, 吉林市: '≥12', 四平市: '8个' },
      [coaches.id]: { 长春市: '２００００', 吉林市: 15000, 四平市: '6000—8000' },
    });
    const { allocation, problems } = await read(bytes);
    expect(problems).toEqual([]);
    const shares = (t: Target) => allocation!.targets.find((x) => x.targetId === t.id)!.shares;
    expect(shares(specialists)).toEqual([
      { office: '长春市', comparator: '>=', value: 30, valueMax: null },
      { office: '吉林市', comparator: '>=', value: 12, valueMax: null },
      { office: '四平市', comparator: '>=', value: 8, valueMax: null },
    ]);
    expect(shares(coaches)).toEqual([
      { office: '长春市', comparator: '>=', value: 20000, valueMax: null },
      { office: '吉林市', comparator: '>=', value: 15000, valueMax: null },
      { office: '四平市', comparator: 'range', value: 6000, valueMax: 8000 },
    ]);
    expect(allocation!.targets).toHaveLength(2);
  });

  it('an empty office cell means that office has no share', async () => {
    const { allocation, problems } = await read(
      await filled({ [specialists.id]: { 长春市: 38, 吉林市: 12 } }),
    );
    expect(problems).toEqual([]);
    expect(allocation!.targets[0].shares.map((s) => s.office)).toEqual(['长春市', '吉林市']);
    expect(applyAllocation(catalogue, allocation, '四平市')).toBe(catalogue);
  });

  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    [
      'unknown office (column header not in the roster)',
      () => filled({ [specialists.id]: { 长春市: 50 } }, (ws) => (ws.getCell('H1').value = '长春')),
      /分解表\.xlsx 工作表“分解”单元格 H1：列标题“长春”不是roster\.csv中的单位/,
    ],
    [
      'unknown 指标编号',
      () => filled({}, (ws) => (ws.getCell('A3').value = '吉政发-2014-14/9.9/Mdeadbeef')),
      /分解表\.xlsx 工作表“分解”单元格 A3：指标编号“吉政发-2014-14\/9\.9\/Mdeadbeef”不在目录/,
    ],
    [
      'a value that is not a number',
      () => filled({ [specialists.id]: { 长春市: 40, 吉林市: '十个' } }),
      /分解表\.xlsx 工作表“分解”单元格 F\d+：“十个” 不是数字/,
    ],
    [
      'a date where a number belongs',
      () =>
        filled({}, (ws) => {
          // As Excel stores a typed date: a serial with a date format.
          ws.eachRow((row) => {
            if (row.getCell(1).value !== specialists.id) return;
            row.getCell(5).value = new Date('2025-06-30');
            row.getCell(5).numFmt = 'yyyy-mm-dd';
          });
        }),
      /单元格 E\d+：“2025-06-30” 是日期，不是数字/,
    ],
    [
      "one office's share above the whole overall target (a slip)",
      () => filled({ [specialists.id]: { 长春市: 500, 吉林市: 12 } }),
      /单元格 E\d+：长春市的分解目标 500个 超过总目标 ≥50个/,
    ],
    [
      "offices' total short of the overall target",
      () => filled({ [specialists.id]: { 长春市: 20, 吉林市: 12, 四平市: 8 } }),
      /单元格 E\d+:G\d+：各单位分解目标合计 40个，未达到总目标 ≥50个（差 10个）/,
    ],
    [
      'a share of a target outside the office’s documents',
      () => filled({ [jilinOwn.id]: { 长春市: 1 } }),
      /单元格 E\d+：长春市不填报该指标/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name}, naming file, sheet and cell`, async () => {
      const { allocation, problems } = await read(await make());
      expect(allocation).toBeNull();
      expect(problems.map((p) => p.message).join('\n')).toMatch(message);
      expect(problems.every((p) => p.severity === 'error' && p.sheet === '分解')).toBe(true);
    });
  }

  it('refuses a workbook without the 分解 sheet, and a file that is not .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写的';
    const { allocation, problems } = await read(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(allocation).toBeNull();
    expect(problems[0].message).toMatch(/分解表\.xlsx 工作表“分解”：找不到“分解”工作表/);
    await expect(read(new TextEncoder().encode('单位,指标\n'))).rejects.toThrow(
      /分解表\.xlsx 不是 \.xlsx 文件/,
    );
  });
});

describe('an office judged by its own target', () => {
  let allocation: Allocation;
  beforeAll(async () => {
    const res = await read(await filled({ [specialists.id]: { 长春市: 30, 吉林市: 12, 四平市: 8 } }));
    allocation = res.allocation!;
  });

  it('shows "≥12个（全省≥50个）" and records both targets in _meta', async () => {
    const plan = planWorkbook(catalogue, {
      office: '吉林市',
      period: '2025年度',
      generatedAt: '2026-01-05T08:00:00.000Z',
      allocation,
      entries: [
        {
          targetId: specialists.id,
          baseline: 6,
          actual: 13,
          asOf: '2025-12-31',
          status: '已完成',
          progress: '',
          problems: '',
          nextSteps: '',
          evidence: '',
        },
      ],
    });
    const bytes = await writeWorkbookPlan(plan);
    const grid = await readWorkbookGrid(bytes, '吉林市.xlsx');
    const sheet = grid.sheets.find((s) => s.name === '指标')!;
    const row = sheet.rows.find((r) => r.includes(specialists.id))!;
    expect(row).toContain('≥12个（全省≥50个）');
    const sub = readSubmission(grid, { source: '吉林市.xlsx', catalogue });
    expect(sub.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const tr = sub.rows.find((r) => r.targetId === specialists.id)!;
    expect([tr.comparator, tr.value]).toEqual(['>=', 12]);
    expect(tr.overall).toMatchObject({ comparator: '>=', value: 50, targetText: '≥50个', scope: '全省' });
    // 13 ≥ 12: 已完成 agrees with the office's own target (against 50 it would be flagged).
    expect(sub.problems.filter((p) => p.targetId === specialists.id)).toEqual([]);
  });

  it('workbook --upgrade keeps the shares the old workbook recorded', async () => {
    const plan = planWorkbook(catalogue, {
      office: '吉林市',
      period: '2025年度',
      generatedAt: '2026-01-05T08:00:00.000Z',
      allocation,
    });
    writeFileSync(path.join(dir, '吉林市-旧.xlsx'), await writeWorkbookPlan(plan));
    const r = luoshi(
      'workbook',
      '--upgrade',
      '吉林市-旧.xlsx',
      '--catalogue',
      'catalogue.json',
      '-o',
      '吉林市-新.xlsx',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(path.join(dir, '吉林市-新.xlsx')));
    const sub = readSubmission(await readWorkbookGrid(bytes, '吉林市-新.xlsx'), { source: 'x', catalogue });
    const tr = sub.rows.find((x) => x.targetId === specialists.id)!;
    expect([tr.value, tr.overall?.value, tr.targetText]).toEqual([12, 50, '≥12个（全省≥50个）']);
  });

  it('the scope word comes from the issuing level', () => {
    const doc = (issuer: string | null, title = '') => ({ issuer, title });
    expect(scopeOf(doc('吉林省人民政府办公厅'))).toBe('全省');
    expect(scopeOf(doc('吉林市人民政府办公厅'))).toBe('全市');
    expect(scopeOf(doc('国家发展改革委'))).toBe('全国');
    expect(scopeOf(doc('延边朝鲜族自治州人民政府'))).toBe('全州');
    expect(scopeOf(doc('长春市朝阳区人民政府'))).toBe('全区');
    expect(scopeOf(doc('吉林省市场监督管理厅'))).toBe('全省');
    expect(scopeOf(doc(null, '韶关市人民政府关于印发…的通知'))).toBe('全市');
  });

  it('workbook --allocation refuses a bad allocation without a stack trace and leaves the input as it was', async () => {
    const bad = await filled(
      { [specialists.id]: { 长春市: 10 } },
      (ws) => (ws.getCell('H1').value = '松原市'),
    );
    const file = path.join(dir, '坏分解表.xlsx');
    writeFileSync(file, bad);
    const r = luoshi(
      'workbook',
      'catalogue.json',
      '--roster',
      'roster.csv',
      '--period',
      '2025年度',
      '--allocation',
      '坏分解表.xlsx',
      '--out-dir',
      '填报表',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/坏分解表\.xlsx 工作表“分解”单元格 H1：列标题“松原市”不是roster\.csv中的单位/);
    expect(r.stderr).toMatch(/合计 10个，未达到总目标 ≥50个/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(|Error:/);
    expect(new Uint8Array(readFileSync(file))).toEqual(bad);
  });
});
