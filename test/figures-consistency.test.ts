/**
 * One truth for every number: build a full set of outputs for real, read them back (the 汇总.xlsx cells, the
 * text of both .docx reports, the printout) and require every figure that appears in more than one of them
 * to be identical — ranking, 平均完成率, status counts, each office's 完成率 per target, the totals.
 *
 * Two sets: the demo (`luoshi demo`), and a second one built here from the seeds with another roster,
 * another period and another allocation (分解表). For the allocated targets the expected figures are worked
 * out here from the cells of the 分解表 and of the offices' workbooks (read with exceljs), not by luoshi.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue } from './helpers/seeds.js';
import { readRosterFile, generateRosterWorkbooks } from '../src/cli/commands/workbook.js';
import { consolidateFiles, consolidationSummary } from '../src/cli/commands/consolidate.js';
import { allocationOffices, readAllocationFile } from '../src/host/allocation-file.js';
import { writeAllocationTemplate } from '../src/xlsx/allocation-workbook.js';
import { buildReport, loadReportConfig } from '../src/host/report.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { readInput } from '../src/host/files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATUSES = ['已完成', '达到序时进度', '未达到序时进度', '未启动', '无数据'];

/** Where one set's outputs are. */
interface Outputs {
  /** 汇总.xlsx */
  summary: string;
  /** 汇总报告.docx */
  report: string;
  /** An office with a single-office report, and that report (报告-<office>.docx). */
  office: string;
  single: string;
  /** What the consolidation printed. */
  printout: string;
  /** The 分解表 used and the folder of the offices' filled workbooks. */
  allocation: string;
  filled: string;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function docxXml(file: string): string {
  return spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .stdout;
}

/** The tables of a .docx, as rows of cell texts. */
function docxTables(file: string): string[][][] {
  const xml = docxXml(file);
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])),
    ),
  );
}

function docxText(file: string): string {
  return docxXml(file).replace(/<[^>]+>/g, '');
}

function tableWithHeader(tables: string[][][], first: string, has: string): string[][] {
  const t = tables.find((x) => x[0]?.[0] === first && x[0].includes(has));
  expect(t, `no table headed ${first}…${has}`).toBeTruthy();
  return t!;
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet as rows of values (header row first); a formula cell gives its cached result. */
function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) =>
    rows.push(
      (r.values as unknown[])
        .slice(1)
        .map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v)),
    ),
  );
  return rows;
}

const pct1 = (fraction: unknown) => (typeof fraction === 'number' ? (fraction * 100).toFixed(1) : '—');

/** The 分解表 as typed: target id → office → share, and the overall target text, read with exceljs. */
async function typedShares(
  file: string,
): Promise<Map<string, { overall: string; shares: Map<string, number> }>> {
  const rows = sheetRows(await workbook(file), '分解');
  const head = rows[0] as string[];
  const out = new Map<string, { overall: string; shares: Map<string, number> }>();
  for (const r of rows.slice(1)) {
    const shares = new Map<string, number>();
    head.forEach((h, c) => {
      if (c >= 4 && r[c] !== null && r[c] !== undefined && r[c] !== '') shares.set(h, Number(r[c]));
    });
    if (shares.size) out.set(String(r[0]), { overall: String(r[3]), shares });
  }
  return out;
}

/** Every assertion of one truth, on one set of outputs. */
function describeConsistency(label: string, build: () => Promise<Outputs>): void {
  describe(label, () => {
    let o: Outputs;
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      o = await build();
      wb = await workbook(o.summary);
    }, 600_000);

    it('ranks the offices the same in 汇总.xlsx, 汇总报告.docx and the printout', () => {
      const ranking = sheetRows(wb, '排名');
      const h = ranking[0] as string[];
      const col = (name: string) => h.indexOf(name);
      const xlsx = ranking.slice(1).map((r) => ({
        rank: String(r[col('名次')] as number),
        office: r[col('单位')] as string,
        score: pct1(r[col('平均完成率')]),
        counts: STATUSES.map((s) => String(r[col(s)] as number)),
      }));
      expect(xlsx.length).toBeGreaterThan(3);
      const table = tableWithHeader(docxTables(o.report), '名次', '平均完成率（%）');
      const th = table[0];
      const docx = table.slice(1).map((r) => ({
        rank: r[th.indexOf('名次')],
        office: r[th.indexOf('单位')],
        score: r[th.indexOf('平均完成率（%）')],
        counts: STATUSES.map((s) => r[th.indexOf(s)]),
      }));
      expect(docx).toEqual(xlsx);
      for (const r of table.slice(1)) {
        const sum = STATUSES.reduce((s, x) => s + Number(r[th.indexOf(x)]), 0);
        expect(sum).toBe(Number(r[th.indexOf('指标数')]));
      }
      const line = o.printout.split('\n').find((l) => l.includes('平均完成率前三'))!;
      for (const x of xlsx.slice(0, 3)) expect(line).toContain(`${x.rank}. ${x.office} ${x.score}%`);
      // The body names the leaders (up to three; fewer when there are few offices), in the same order.
      const leaders = /平均完成率居前的是([^，。]+)/.exec(docxText(o.report))![1].split('、');
      expect(leaders.length).toBeGreaterThan(1);
      expect(leaders).toEqual(xlsx.slice(0, leaders.length).map((x) => x.office));
    });

    it('gives an office the same 完成率 and status per target in its own report and in 汇总.xlsx', () => {
      const rates = sheetRows(wb, '完成率');
      const status = sheetRows(wb, '进度');
      const c = (rates[0] as string[]).indexOf(o.office);
      expect(c).toBeGreaterThan(5);
      const table = tableWithHeader(docxTables(o.single), '序号', '完成率（%）');
      const th = table[0];
      const own = rates
        .slice(1)
        .map((r, i) => ({ rate: pct1(r[c]), status: status[i + 1][c] }))
        .filter((x) => typeof x.status === 'string');
      expect(table.length - 1).toBe(own.length);
      expect(own.length).toBeLessThan(rates.length - 1);
      table.slice(1).forEach((r, i) => {
        expect(r[th.indexOf('完成率（%）')], `row ${i + 1}`).toBe(own[i].rate);
        expect(r[th.indexOf('进度状态')], `row ${i + 1}`).toBe(own[i].status);
      });
    });

    it('gives every office the same 完成率 per target in 汇总.xlsx and 附件1 (the matrix) of 汇总报告.docx', () => {
      const rates = sheetRows(wb, '完成率');
      const head = rates[0] as string[];
      const table = tableWithHeader(docxTables(o.report), '序号', '目标');
      const th = table[0];
      expect(table.length - 1).toBe(rates.length - 1);
      let compared = 0;
      th.slice(3).forEach((short, k) => {
        const col = head.findIndex((h) => typeof h === 'string' && h.startsWith(short));
        expect(col, short).toBeGreaterThan(0);
        rates.slice(1).forEach((r, i) => {
          if (typeof r[col] !== 'number') return;
          expect(table[i + 1][3 + k], `${short} row ${i + 1}`).toBe(pct1(r[col]));
          compared++;
        });
      });
      expect(compared).toBeGreaterThan(40);
    });

    it("judges each office by its own allocated target and sums the offices' figures against the overall one", async () => {
      const typed = await typedShares(o.allocation);
      expect(typed.size).toBeGreaterThan(0);
      const rates = sheetRows(wb, '完成率');
      const totals = sheetRows(wb, '汇总');
      const rh = rates[0] as string[];
      const th = totals[0] as string[];
      for (const [id, { overall, shares }] of typed) {
        const overallValue = Number(overall.replace(/[^\d.]/g, ''));
        const rateRow = rates.find((r) => r[1] === id)!;
        const totalRow = totals.find((r) => r[1] === id)!;
        let sum = 0;
        let reported = 0;
        for (const [office, share] of shares) {
          const col = rh.indexOf(office);
          if (col < 0) continue; // not submitted
          // The office's own workbook, as it was filled in: its 目标值 and 完成值 cells.
          const rows = sheetRows(await workbook(path.join(o.filled, `${office}.xlsx`)), '指标');
          const head = rows[2] as string[];
          const row = rows.find((r) => r.includes(id))!;
          const unit = String(row[head.indexOf('单位')]);
          expect(row[head.indexOf('目标值')]).toBe(`${overall.slice(0, 1)}${share}${unit}（全省${overall}）`);
          const actual = row[head.indexOf('完成值')];
          if (typeof actual !== 'number') continue;
          sum += actual;
          reported++;
          // 汇总.xlsx keeps 完成率 to three decimals (0.1 %).
          expect(rateRow[col] as number, `${office} ${id}`).toBeCloseTo(actual / share, 2);
        }
        expect(reported).toBeGreaterThan(2);
        expect(totalRow[th.indexOf('合计')] as number).toBeCloseTo(sum, 6);
        expect(totalRow[th.indexOf('合计完成率')] as number).toBeCloseTo(sum / overallValue, 3);
      }
    });

    it('states the rules in the same words in the 说明 sheet, under the report tables and in 填报说明', async () => {
      const rules = sheetRows(wb, '说明')
        .flat()
        .filter((v): v is string => typeof v === 'string');
      const ranking = rules.find((r) => r.includes('平均完成率＝'))!;
      const allocation = rules.find((r) => r.startsWith('分解下达'))!;
      expect(ranking).toBeTruthy();
      expect(allocation).toBeTruthy();
      const body = docxText(o.report);
      expect(body).toContain(ranking);
      expect(body).toContain(allocation);
      const guide = sheetRows(await workbook(path.join(o.filled, `${o.office}.xlsx`)), '填报说明').flat();
      expect(guide.some((v) => typeof v === 'string' && v.endsWith(ranking))).toBe(true);
      expect(guide.some((v) => typeof v === 'string' && v.endsWith(allocation))).toBe(true);
    });
  });
}

describeConsistency('the demo', () => {
  const out = path.join(tempDir('luoshi-figures-'), 'out');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/luoshi.mjs'), 'demo', '--out', out, '--no-pdf'],
    {
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  expect(r.stderr).toBe('');
  return Promise.resolve({
    summary: path.join(out, '汇总.xlsx'),
    report: path.join(out, '汇总报告.docx'),
    office: '长春市',
    single: path.join(out, '报告-长春市.docx'),
    printout: r.stdout,
    allocation: path.join(out, '分解表.xlsx'),
    filled: path.join(out, '已报送'),
  });
});

/** Another roster: 吉林市 with its own plan, a prefecture, and two county-level cities on one document only. */
const ROSTER_2 = [
  '单位,级别,文件',
  '吉林市,地级市,"吉政发〔2014〕14号、吉政办发〔2023〕21号、吉市政办发〔2018〕19号"',
  '延边朝鲜族自治州,自治州,"吉政发〔2014〕14号、吉政办发〔2023〕21号"',
  '通化市,地级市,"吉政发〔2014〕14号、吉政办发〔2023〕21号"',
  '梅河口市,县级市,吉政办发〔2023〕21号',
  '公主岭市,县级市,吉政办发〔2023〕21号',
].join('\n');

/** Typed into the 分解表 by hand (exceljs), as a coordinating office would: each split adds up to the whole. */
const SHARES_2: Record<string, Record<string, number>> = {
  国家临床重点专科数: { 吉林市: 20, 延边朝鲜族自治州: 12, 通化市: 10, 梅河口市: 4, 公主岭市: 4 },
  专业的省级质控中心数: { 吉林市: 22, 延边朝鲜族自治州: 15, 通化市: 13, 梅河口市: 5, 公主岭市: 5 },
};

describeConsistency('a second set: another roster, period and allocation', async () => {
  const dir = tempDir('luoshi-figures2-');
  const catalogue = seedCatalogue();
  const rosterFile = path.join(dir, '名单.csv');
  writeFileSync(rosterFile, `${ROSTER_2}\n`);
  const roster = await readRosterFile(rosterFile);
  // The template, then the shares typed into it.
  const allocationFile = path.join(dir, '分解表.xlsx');
  const tpl = new ExcelJS.Workbook();
  await tpl.xlsx.load(
    Buffer.from(
      await writeAllocationTemplate(catalogue, allocationOffices(roster), {
        generatedAt: new Date().toISOString(),
      }),
    ) as unknown as ArrayBuffer,
  );
  const ws = tpl.getWorksheet('分解')!;
  const header: string[] = [];
  ws.getRow(1).eachCell((c, n) => (header[n] = c.text));
  ws.eachRow((row) => {
    const name = row.getCell(2).text;
    for (const [office, v] of Object.entries(SHARES_2[name] ?? {}))
      row.getCell(header.indexOf(office)).value = v;
  });
  await tpl.xlsx.writeFile(allocationFile);
  const allocation = await readAllocationFile(allocationFile, catalogue, roster);
  // Every office but the last reports, with sample figures around its own targets.
  const filled = path.join(dir, '已报送');
  const submitted = { ...roster, offices: roster.offices.slice(0, -1) };
  const res = await generateRosterWorkbooks(catalogue, submitted, filled, {
    period: '2025年1-9月',
    sample: '7',
    allocation,
  });
  expect(res.failed).toEqual([]);
  const summary = path.join(dir, '汇总.xlsx');
  const cons = await consolidateFiles([filled], { roster: rosterFile, output: summary });
  const printout = consolidationSummary(cons.result, cons.files.length, summary);
  const config = await loadReportConfig(path.join(ROOT, 'templates', 'report.json'));
  const subs = await Promise.all(
    res.written.map(async (f) =>
      readSubmission(await readWorkbookGrid(await readInput(f), path.basename(f)), {
        source: path.basename(f),
        catalogue,
      }),
    ),
  );
  const report = path.join(dir, '汇总报告.docx');
  const expectedOffices = roster.offices.map((x) => x.office);
  writeFileSync(report, (await buildReport(subs, { config, catalogue, expectedOffices })).docx);
  // The county-level city reports on one document only: its report must speak of that alone.
  const office = '梅河口市';
  const single = path.join(dir, `报告-${office}.docx`);
  const own = subs.filter((x) => x.office === office);
  writeFileSync(single, (await buildReport(own, { config, catalogue, expectedOffices })).docx);
  return {
    summary,
    report,
    office,
    single,
    printout,
    allocation: allocationFile,
    filled,
  };
});
