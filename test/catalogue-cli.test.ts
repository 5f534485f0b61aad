/**
 * `luoshi catalogue build | show | review` through the real CLI (node bin/luoshi.mjs), including the
 * review workbook edited with exceljs as a reviewer would and fed back with --corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCatalogueJson } from '../src/core/catalogue/index.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { SEEDS_DIR } from './helpers/seeds.js';
import { luoshiIn, type CliResult } from './helpers/cli.js';

let dir: string;

function luoshi(...args: string[]): Promise<CliResult> {
  return luoshiIn(dir, ...args);
}

function expectCleanFailure(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/[\u4e00-\u9fa5]/);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/内部错误/);
}

function load(file: string): Catalogue {
  return parseCatalogueJson(readFileSync(file, 'utf8'), path.basename(file));
}

// each CLI run starts node + tsx; on a busy 2-core machine a run can take several seconds
const SLOW = 400_000;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'luoshi-catalogue-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('luoshi catalogue build / show', () => {
  it(
    'builds the seeds folder, prints a Chinese summary, and show lists every document',
    async () => {
      const r = await luoshi('catalogue', 'build', SEEDS_DIR, '-o', 'catalogue.json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/已生成指标目录 catalogue\.json：5 份文件，\d+ 项任务，\d+ 个指标/);
      const c = load(path.join(dir, 'catalogue.json'));
      expect(c.documents).toHaveLength(5);
      const s = await luoshi('catalogue', 'show', 'catalogue.json');
      expect(s.code).toBe(0);
      for (const d of c.documents) expect(s.stdout).toContain(d.title);
      expect(s.stdout).toContain('≥5%');
      expect(s.stdout).toContain('30—50个');
      expect(s.stdout).toContain('≈300亿元');
      expect(s.stdout).toContain('全覆盖 (100%)');
      expect(s.stdout).toMatch(/责任单位：市卫计局/);
    },
    SLOW,
  );

  it(
    'refuses bad input with a clear Chinese message and a non-zero exit',
    async () => {
      writeFileSync(path.join(dir, 'empty.txt'), '');
      writeFileSync(
        path.join(dir, 'photo.txt'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      );
      mkdirSync(path.join(dir, 'nothing'));
      writeFileSync(path.join(dir, 'nothing', 'readme.md'), '# 说明');
      writeFileSync(path.join(dir, 'prose.txt'), '这是一封普通的信，没有任何标题层级。\n祝好。\n');
      writeFileSync(
        path.join(dir, 'broken.json'),
        JSON.stringify({
          format: 'luoshi-catalogue',
          formatVersion: 1,
          version: 'x',
          documents: [],
          headings: [],
          tasks: [],
          targets: [{ id: 1 }],
        }),
      );
      // the CLI runs are independent; run them side by side
      const cases: [string[], RegExp][] = [
        [['catalogue', 'build', 'empty.txt', '-o', 'x.json'], /empty\.txt.*空文件/],
        [['catalogue', 'build', 'photo.txt', '-o', 'x.json'], /photo\.txt.*二进制/],
        [['catalogue', 'build', 'nothing', '-o', 'x.json'], /nothing.*没有政策文件/],
        [['catalogue', 'build', 'prose.txt', '-o', 'x.json'], /prose\.txt.*标题/],
        [['catalogue', 'build', 'missing.txt', '-o', 'x.json'], /找不到/],
        [['catalogue', 'show', 'prose.txt'], /prose\.txt.*JSON/],
        [
          ['catalogue', 'show', 'broken.json'],
          /broken\.json 的字段 targets（指标）\[1\]\.id（编号） 有误：无效输入/,
        ],
      ];
      const results = await Promise.all(cases.map(([args]) => luoshi(...args)));
      results.forEach((r, i) => expectCleanFailure(r, cases[i][1]));
    },
    SLOW,
  );

  it(
    'builds the good files of a batch and exits 1 when one is bad',
    async () => {
      mkdirSync(path.join(dir, 'mixed'));
      writeFileSync(
        path.join(dir, 'mixed', 'a.txt'),
        readFileSync(path.join(SEEDS_DIR, '002_a69f5eadb0a10cd0.txt')),
      );
      writeFileSync(path.join(dir, 'mixed', 'b.txt'), '');
      const r = await luoshi('catalogue', 'build', 'mixed', '-o', 'mixed.json');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/b\.txt.*空文件/);
      expect(load(path.join(dir, 'mixed.json')).documents).toHaveLength(1);
    },
    SLOW,
  );
});

describe('luoshi catalogue review and --corrections', () => {
  it(
    'writes the 目录审核 workbook; a reviewer edits it; the rebuild applies the corrections and reports stale ones',
    async () => {
      expect((await luoshi('catalogue', 'build', SEEDS_DIR, '-o', 'catalogue.json')).code).toBe(0);
      const before = load(path.join(dir, 'catalogue.json'));
      const r = await luoshi('catalogue', 'review', 'catalogue.json', '-o', '目录审核.xlsx');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${before.targets.length} 个指标待审核`);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, '目录审核.xlsx'));
      const ws = wb.getWorksheet('目录审核')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 5)).toEqual(['指标', '简称', '处理', '原文', '比较']);
      for (const name of [
        '编号',
        '文件',
        '章节',
        '目标值',
        '上限',
        '单位',
        '期限',
        '每年',
        '牵头单位',
        '参与单位',
        '改为简称',
      ])
        expect(header).toContain(name);
      const col = (name: string) => header.indexOf(name) + 1;
      expect(ws.rowCount).toBe(1 + before.targets.length + 50);
      const rowOf = (pred: (quote: string) => boolean) => {
        for (let r = 2; r <= ws.rowCount; r++) if (pred(ws.getCell(r, col('原文')).text)) return r;
        throw new Error('row not found');
      };
      const r5 = rowOf((q) => q.includes('比重达到５％'));
      expect(ws.getCell(r5, col('比较')).value).toBe('≥');
      expect(ws.getCell(r5, col('目标值')).value).toBe(5);
      expect(ws.getCell(r5, col('期限')).value).toBe('2020');
      expect(ws.getCell(r5, col('简称')).value).toBe('商业健康保险支出占卫生总费用的比重');
      expect(ws.getCell(r5, col('编号')).protection?.locked).not.toBe(false);
      expect(ws.getCell(r5, col('处理')).protection?.locked).toBe(false);
      expect(ws.getCell(r5, col('处理')).dataValidation?.formulae).toEqual(['"确认,删除,修改,新增"']);

      // the reviewer: deletes one, corrects one, confirms one, adds a missed one and leaves a correction for a vanished id
      const rDel = rowOf((q) => q.includes('７０％的村卫生室'));
      const deletedId = ws.getCell(rDel, col('编号')).text;
      ws.getCell(rDel, col('处理')).value = '删除';
      const editedId = ws.getCell(r5, col('编号')).text;
      ws.getCell(r5, col('处理')).value = '修改';
      ws.getCell(r5, col('改为目标值')).value = 6;
      ws.getCell(r5, col('改为简称')).value = '商业健康保险支出占比';
      ws.getCell(r5, col('改为牵头单位')).value = '省卫生健康委、省医保局';
      const rOk = rowOf((q) => q.includes('４１０００人'));
      const confirmedId = ws.getCell(rOk, col('编号')).text;
      ws.getCell(rOk, col('处理')).value = '确认';
      const blank = 1 + before.targets.length + 1;
      ws.getCell(blank, col('文件')).value = '吉政办发〔2023〕21号';
      ws.getCell(blank, col('原文')).value = '提高三级医院四级手术、微创手术占比';
      ws.getCell(blank, col('指标')).value = '三级医院四级手术占比';
      ws.getCell(blank, col('比较')).value = '≥';
      ws.getCell(blank, col('目标值')).value = 20;
      ws.getCell(blank, col('单位')).value = '%';
      ws.getCell(blank, col('期限')).value = '2025';
      ws.getCell(blank, col('处理')).value = '新增';
      ws.getCell(blank + 1, col('编号')).value = '吉政发-2014-14/9.9/Mdeadbeef';
      ws.getCell(blank + 1, col('处理')).value = '删除';
      await wb.xlsx.writeFile(path.join(dir, '目录审核-已审.xlsx'));

      const b = await luoshi(
        'catalogue',
        'build',
        SEEDS_DIR,
        '-o',
        'catalogue2.json',
        '--corrections',
        '目录审核-已审.xlsx',
      );
      expect(b.code).toBe(0);
      expect(b.stdout).toContain('目录审核修正：已应用 4 条；编号已不存在、未应用 1 条');
      expect(b.stdout).toContain('吉政发-2014-14/9.9/Mdeadbeef');
      expect(b.stderr).toMatch(
        /第 \d+ 行：编号 吉政发-2014-14\/9\.9\/Mdeadbeef 的指标在重新生成的目录中已不存在/,
      );
      const after = load(path.join(dir, 'catalogue2.json'));
      expect(after.targets.some((t) => t.id === deletedId)).toBe(false);
      expect(after.targets.find((t) => t.id === editedId)).toMatchObject({
        value: 6,
        name: '商业健康保险支出占比',
        corrected: 'edited',
        lead: ['省卫生健康委', '省医保局'],
        comparator: '>=',
      });
      expect(after.targets.find((t) => t.id === confirmedId)).toMatchObject({
        corrected: 'confirmed',
        value: 41000,
      });
      const added = after.targets.filter((t) => t.corrected === 'added');
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        documentId: '吉政办发-2023-21',
        comparator: '>=',
        value: 20,
        unit: '%',
        deadline: '2025',
        path: ['四、', '（九）'],
      });
      const text = readFileSync(path.join(SEEDS_DIR, '002_a69f5eadb0a10cd0.txt'), 'utf8');
      expect(text.slice(added[0].offset, added[0].offset + added[0].quote.length)).toBe(added[0].quote);
      expect(after.targets).toHaveLength(before.targets.length);
      expect(after.version).not.toBe(before.version);

      // a second review of the corrected catalogue carries the corrections, so it can replace the first workbook
      expect((await luoshi('catalogue', 'review', 'catalogue2.json', '-o', '目录审核2.xlsx')).code).toBe(0);
      const again = await luoshi(
        'catalogue',
        'build',
        SEEDS_DIR,
        '-o',
        'catalogue3.json',
        '--corrections',
        '目录审核2.xlsx',
      );
      expect(again.code).toBe(0);
      const third = load(path.join(dir, 'catalogue3.json'));
      expect(third.targets.map((t) => [t.id, t.value, t.corrected ?? null])).toEqual(
        after.targets.map((t) => [t.id, t.value, t.corrected ?? null]),
      );
    },
    SLOW,
  );

  it(
    'a bad correction names the file, sheet and cell',
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, '目录审核.xlsx'));
      const ws = wb.getWorksheet('目录审核')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      ws.getCell(2, header.indexOf('处理') + 1).value = '修改';
      ws.getCell(2, header.indexOf('改为期限') + 1).value = '明年春天';
      await wb.xlsx.writeFile(path.join(dir, 'bad.xlsx'));
      const letter = String.fromCharCode(64 + header.indexOf('改为期限') + 1);
      expectCleanFailure(
        await luoshi('catalogue', 'build', SEEDS_DIR, '-o', 'c.json', '--corrections', 'bad.xlsx'),
        new RegExp(`bad\\.xlsx 工作表“目录审核”单元格 ${letter}2：“明年春天”不是有效的期限`),
      );
      writeFileSync(path.join(dir, 'fake.xlsx'), 'not a workbook');
      expectCleanFailure(
        await luoshi('catalogue', 'build', SEEDS_DIR, '-o', 'c.json', '--corrections', 'fake.xlsx'),
        /fake\.xlsx 不是 \.xlsx 文件/,
      );
    },
    SLOW,
  );
});
