/**
 * `luoshi workbook` and `luoshi check` end to end: the CLI in-process (main(argv, io)) on the seeds'
 * catalogue, real files in a temp folder; the corrupt-file case runs the real binary.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { luoshiIn, luoshiProcess, ROOT } from './helpers/cli.js';
import { seedCatalogue } from './helpers/seeds.js';
import { fillWorkbook } from './helpers/fill.js';
import { readBack, tmpDir, pick } from './helpers/workbooks.js';
import type { Catalogue } from '../src/core/model/catalogue.js';

let dir: string;
let catalogue: Catalogue;

beforeAll(() => {
  dir = tmpDir('wbcli');
  catalogue = seedCatalogue();
  writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
});

describe('luoshi workbook', () => {
  it('writes one office workbook', async () => {
    const r = await luoshiIn(
      dir,
      'workbook',
      'catalogue.json',
      '--office',
      '长春市',
      '--period',
      '2025年度',
      '-o',
      '长春市.xlsx',
      '--deadline',
      '2026-01-15',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已写入 长春市.xlsx');
    const sub = await readBack(new Uint8Array(readFileSync(path.join(dir, '长春市.xlsx'))), catalogue);
    expect(sub.office).toBe('长春市');
    expect(sub.entries.length).toBe(catalogue.targets.length);
  });

  it('writes a roster batch; a bad row or a failing office never stops the rest', async () => {
    const roster = path.join(dir, 'roster.csv');
    writeFileSync(
      roster,
      '单位,级别,联系人\n长春市,副省级市,张三\n,地级市,\n吉林市,地级市,\n四平市,地级市,\n',
    );
    const out = path.join(dir, '填报表');
    mkdirSync(path.join(out, '吉林市.xlsx'), { recursive: true }); // a folder in the way: writing 吉林市 fails
    const r = await luoshiIn(
      dir,
      'workbook',
      'catalogue.json',
      '--roster',
      'roster.csv',
      '--period',
      '2025年度',
      '--out-dir',
      '填报表',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已生成 2 个填报表');
    expect(r.stderr).toContain('roster.csv 第 3 行：“单位”为空，已跳过');
    expect(r.stderr).toContain('错误：吉林市：');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(out, '长春市.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, '四平市.xlsx'))).toBe(true);
  });

  it('the shipped roster with sample data gives ten workbooks that check without errors', async () => {
    const r = await luoshiIn(
      dir,
      'workbook',
      'catalogue.json',
      '--roster',
      path.join(ROOT, 'templates/roster-吉林省.csv'),
      '--period',
      '2025年度',
      '--out-dir',
      'demo',
      '--sample',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已生成 10 个填报表');
    const c = await luoshiIn(dir, 'check', 'demo', '--catalogue', 'catalogue.json');
    expect(c.code).toBe(0);
    expect(c.stdout.match(/\.xlsx：/g)).toHaveLength(10);
    expect(c.stdout).toContain('延边朝鲜族自治州.xlsx：延边朝鲜族自治州 2025年度');
    expect(c.stdout).toContain('错误 0 个');
  });

  it('reports bad usage in Chinese', async () => {
    const r = await luoshiIn(dir, 'workbook', 'catalogue.json', '--office', '长春市');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少选项 --period');
    const h = await luoshiIn(dir, 'workbook', '--help');
    expect(h.stdout).toContain('生成填报表');
    expect(h.stdout).toContain('--upgrade');
  });
});

describe('luoshi check', () => {
  it('--json prints exactly the documented shape and exits 1 on errors', async () => {
    const t = pick(catalogue, (x) => x.unit === '%' && x.comparator === '>=', 'percent target');
    const bytes = new Uint8Array(readFileSync(path.join(dir, '长春市.xlsx')));
    const filled = await fillWorkbook(bytes, [
      {
        targetId: t.id,
        baseline: 3,
        actual: '约30',
        asOf: '2025-06-30',
        status: '序时推进',
        progress: '进展',
        problems: '',
        nextSteps: '下一步',
        evidence: '文件',
      },
    ]);
    writeFileSync(path.join(dir, '已填.xlsx'), filled);
    const r = await luoshiIn(dir, 'check', '已填.xlsx', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['office', 'period', 'catalogueVersion', 'entries', 'problems']);
    expect(j.office).toBe('长春市');
    expect(j.catalogueVersion).toBe(catalogue.version);
    const entries = j.entries as Record<string, unknown>[];
    expect(Object.keys(entries[0])).toEqual([
      'targetId',
      'baseline',
      'actual',
      'asOf',
      'status',
      'progress',
      'problems',
      'nextSteps',
      'evidence',
    ]);
    expect(entries.find((e) => e.targetId === t.id)).toEqual({
      targetId: t.id,
      baseline: 3,
      actual: null,
      asOf: '2025-06-30',
      status: '序时推进',
      progress: '进展',
      problems: '',
      nextSteps: '下一步',
      evidence: '文件',
    });
    const problems = j.problems as Record<string, unknown>[];
    expect(Object.keys(problems[0])).toEqual(['severity', 'sheet', 'cell', 'targetId', 'message']);
    expect(problems.find((p) => p.targetId === t.id)).toMatchObject({ severity: 'error', sheet: '指标' });
    const text = await luoshiIn(dir, 'check', '已填.xlsx');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/错误 {2}指标![A-Z]+\d+："约30" 不是数字/);
  });

  it('a clean workbook exits 0; a corrupt file exits 2 with a Chinese message and no stack trace', async () => {
    expect((await luoshiIn(dir, 'check', '长春市.xlsx')).code).toBe(0);
    writeFileSync(
      path.join(dir, '坏文件.xlsx'),
      readFileSync(path.join(dir, '长春市.xlsx')).subarray(0, 5000),
    );
    // the binary contract, through a real process: exit status and what reaches the terminal
    const r = await luoshiProcess(dir, 'check', '坏文件.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：坏文件\.xlsx 已损坏/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('luoshi workbook --upgrade', () => {
  it('carries the figures to a new catalogue and never overwrites the input', async () => {
    const t = catalogue.targets.find((x) => x.value !== null)!;
    const bytes = new Uint8Array(readFileSync(path.join(dir, '长春市.xlsx')));
    writeFileSync(
      path.join(dir, '旧表.xlsx'),
      await fillWorkbook(bytes, [{ targetId: t.id, actual: 7, status: '序时推进', progress: '已推进' }]),
    );
    const dropped = catalogue.targets.find((x) => x.id !== t.id)!;
    const next: Catalogue = {
      ...catalogue,
      version: 'v2',
      targets: catalogue.targets.filter((x) => x.id !== dropped.id),
    };
    writeFileSync(path.join(dir, 'new.json'), JSON.stringify(next));
    const r = await luoshiIn(
      dir,
      'workbook',
      '--upgrade',
      '旧表.xlsx',
      '--catalogue',
      'new.json',
      '-o',
      '新表.xlsx',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('保留');
    expect(r.stdout).toContain(`${dropped.id}：新版目录中已无此指标`);
    const sub = await readBack(new Uint8Array(readFileSync(path.join(dir, '新表.xlsx'))), next);
    expect(sub.catalogueVersion).toBe('v2');
    expect(sub.entries.find((e) => e.targetId === t.id)).toMatchObject({
      actual: 7,
      status: '序时推进',
      progress: '已推进',
    });
    const same = await luoshiIn(
      dir,
      'workbook',
      '--upgrade',
      '旧表.xlsx',
      '--catalogue',
      'new.json',
      '-o',
      '旧表.xlsx',
    );
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('为避免覆盖原始文件已停止');
  });
});
