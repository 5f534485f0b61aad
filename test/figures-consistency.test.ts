/**
 * One truth for every number: build the demo for real, read its outputs back (the 汇总.xlsx cells, the text
 * of both .docx reports, the printout) and require every figure that appears in more than one of them to be
 * identical — ranking, 平均完成率, status counts, each office's 完成率 per target, the totals.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATUSES = ['已完成', '达到序时进度', '未达到序时进度', '未启动', '无数据'];

let dir: string;
let out: string;
let stdout: string;
let wb: ExcelJS.Workbook;

/** The tables of a .docx, as rows of cell texts. */
function docxTables(file: string): string[][][] {
  const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])),
    ),
  );
}

function docxText(file: string): string {
  return spawnSync('unzip', ['-p', file, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }).stdout.replace(/<[^>]+>/g, '');
}

function tableWithHeader(tables: string[][][], first: string, has: string): string[][] {
  const t = tables.find((x) => x[0]?.[0] === first && x[0].includes(has));
  expect(t, `no table headed ${first}…${has}`).toBeTruthy();
  return t!;
}

/** A sheet as rows of values (header row first). */
function sheetRows(name: string): unknown[][] {
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

const pct1 = (fraction: unknown) => (typeof fraction === 'number' ? (fraction * 100).toFixed(1) : '—');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-figures-'));
  out = path.join(dir, 'out');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/luoshi.mjs'), 'demo', '--out', out, '--no-pdf'],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  stdout = r.stdout;
  expect(r.stderr).toBe('');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, '汇总.xlsx'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the demo states each figure once', () => {
  it('ranks the offices the same in 汇总.xlsx, 汇总报告.docx and the printout', () => {
    const ranking = sheetRows('排名');
    const h = ranking[0] as string[];
    const col = (name: string) => h.indexOf(name);
    const xlsx = ranking.slice(1).map((r) => ({
      rank: String(r[col('名次')] as number),
      office: r[col('单位')] as string,
      score: pct1(r[col('平均完成率')]),
      counts: STATUSES.map((s) => String(r[col(s)] as number)),
    }));
    expect(xlsx.length).toBeGreaterThan(3);
    const table = tableWithHeader(docxTables(path.join(out, '汇总报告.docx')), '名次', '平均完成率（%）');
    const th = table[0];
    const docx = table.slice(1).map((r) => ({
      rank: r[th.indexOf('名次')],
      office: r[th.indexOf('单位')],
      score: r[th.indexOf('平均完成率（%）')],
      counts: STATUSES.map((s) => r[th.indexOf(s)]),
    }));
    expect(docx).toEqual(xlsx);
    // The status counts add up to the number of targets in both.
    for (const r of table.slice(1)) {
      const sum = STATUSES.reduce((s, x) => s + Number(r[th.indexOf(x)]), 0);
      expect(sum).toBe(Number(r[th.indexOf('指标数')]));
    }
    // The printout's top three, with the same rank and 平均完成率.
    const line = stdout.split('\n').find((l) => l.includes('平均完成率前三'))!;
    for (const x of xlsx.slice(0, 3)) expect(line).toContain(`${x.rank}. ${x.office} ${x.score}%`);
    // The report's chart and body name the same leaders.
    const body = docxText(path.join(out, '汇总报告.docx'));
    expect(body).toContain(
      `平均完成率居前的是${xlsx
        .slice(0, 3)
        .map((x) => x.office)
        .join('、')}`,
    );
  });

  it('gives the first office the same 完成率 and status per target in its own report and in 汇总.xlsx', () => {
    const rates = sheetRows('完成率');
    const status = sheetRows('进度');
    const office = rates[0][6] as string;
    const table = tableWithHeader(docxTables(path.join(out, `报告-${office}.docx`)), '序号', '完成率（%）');
    const th = table[0];
    // The office's own rows: the targets of the documents that apply to it (its status is not blank).
    const own = rates
      .slice(1)
      .map((r, i) => ({ rate: pct1(r[6]), status: status[i + 1][6] }))
      .filter((x) => typeof x.status === 'string');
    const byId = new Map(own.map((x, i) => [i, x]));
    expect(table.length - 1).toBe(own.length);
    expect(own.length).toBeLessThan(rates.length - 1);
    table.slice(1).forEach((r, i) => {
      expect(r[th.indexOf('完成率（%）')], `row ${i + 1}`).toBe(byId.get(i)!.rate);
      expect(r[th.indexOf('进度状态')], `row ${i + 1}`).toBe(byId.get(i)!.status);
    });
  });

  it('gives every office the same 完成率 per target in 汇总.xlsx and 附件1 (the matrix) of 汇总报告.docx', () => {
    const rates = sheetRows('完成率');
    const head = rates[0] as string[];
    const table = tableWithHeader(docxTables(path.join(out, '汇总报告.docx')), '序号', '目标');
    const th = table[0];
    expect(table.length - 1).toBe(rates.length - 1);
    let compared = 0;
    th.slice(3).forEach((short, k) => {
      // The matrix heads each column with the office's short name (长春 for 长春市).
      const col = head.findIndex((h) => typeof h === 'string' && h.startsWith(short));
      expect(col, short).toBeGreaterThan(0);
      rates.slice(1).forEach((r, i) => {
        if (typeof r[col] !== 'number') return;
        expect(table[i + 1][3 + k], `${short} row ${i + 1}`).toBe(pct1(r[col]));
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(100);
  });
});
