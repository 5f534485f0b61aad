/**
 * Entry workbooks: (1) 100 office workbooks generated from the seeds' catalogue (target ≤ 5 s);
 * (2) median time to check one filled 300-target workbook: .xlsx bytes → grid → Submission
 * (target ≤ 100 ms). Prints the figures and the ratio to each target.
 */
import * as path from 'node:path';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { sampleEntries, sampleTaskEntries } from '../src/core/workbook/sample.js';
import { writeWorkbookBytes } from '../src/host/write-workbook-node.js';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import type { Roster } from '../src/core/roster.js';
import { generateRosterWorkbooks } from '../src/cli/commands/workbook.js';
import { poolSize } from '../src/host/workbook-pool.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { seedsCatalogue, widen } from './fixtures.js';

const OFFICES = 100;
const GENERATE_TARGET_MS = 5000;
const CHECK_TARGETS = 300;
const CHECK_TARGET_MS = 100;
const CHECK_RUNS = 21;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

export async function run(): Promise<void> {
  // Wall-clock figures depend on what else runs on the machine; the CPU times show the work itself.
  console.log(`（系统负载 ${os.loadavg()[0].toFixed(1)}，${os.cpus().length} 核）`);
  const catalogue = seedsCatalogue();
  const generatedAt = new Date().toISOString();

  // The check first, as `luoshi check` runs it: in a fresh process, not after 100 workbooks' garbage.
  const wide = widen(catalogue, CHECK_TARGETS);
  const office = '长春市';
  const filled = await writeWorkbookBytes(
    planWorkbook(wide, {
      office,
      period: '2025年度',
      generatedAt,
      entries: sampleEntries(wide, office, '2025年度', 1),
      taskEntries: sampleTaskEntries(wide, office, '2025年度', 1),
    }),
  );
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let problems = 0;
  for (let i = 0; i < CHECK_RUNS + 2; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    const sub = readSubmission(await readWorkbookGrid(filled, '长春市.xlsx'), {
      source: '长春市.xlsx',
      catalogue: wide,
    });
    const ms = performance.now() - s;
    if (i >= 2) {
      times.push(ms);
      cpuTimes.push(cpuMs(c));
    }
    problems = sub.problems.length;
  }
  const med = median(times);
  console.log(
    `检查 ${CHECK_TARGETS} 项指标的已填报表（${(filled.length / 1024).toFixed(0)} KB，另含 ${wide.tasks.length} 项任务，${problems} 条提示）：` +
      `中位数 ${med.toFixed(1)} ms（CPU 中位数 ${median(cpuTimes).toFixed(1)} ms，最快 ${Math.min(...times).toFixed(1)} ms，${CHECK_RUNS} 次）；` +
      `目标 ≤ ${CHECK_TARGET_MS} ms，比值 ${(med / CHECK_TARGET_MS).toFixed(2)}`,
  );

  // warm-up (module JIT), not timed
  await writeWorkbookBytes(planWorkbook(catalogue, { office: '预热', period: '2025年度', generatedAt }));

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < OFFICES; i++) {
    const b = await writeWorkbookBytes(
      planWorkbook(catalogue, { office: `单位${i + 1}`, period: '2025年度', generatedAt }),
    );
    bytes += b.length;
  }
  const genMs = performance.now() - t0;
  const genCpu = cpuMs(cpu0);
  console.log(
    `生成填报表 ${OFFICES} 个，单线程、内存中（每个 ${catalogue.targets.length} 项指标、${catalogue.tasks.length} 项任务）：` +
      `${(genMs / 1000).toFixed(2)} s（CPU ${(genCpu / 1000).toFixed(2)} s），平均 ${(genMs / OFFICES).toFixed(1)} ms/个，` +
      `平均 ${(bytes / OFFICES / 1024).toFixed(0)} KB；目标 ≤ ${GENERATE_TARGET_MS / 1000} s，比值 ${(genMs / GENERATE_TARGET_MS).toFixed(2)}`,
  );

  // what `luoshi workbook --roster` does: files on disk, across cores when there are enough offices
  const dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-workbook-'));
  const roster: Roster = {
    file: 'bench.csv',
    offices: Array.from({ length: OFFICES }, (_, i) => ({
      office: `单位${i + 1}`,
      level: null,
      contact: null,
      phone: null,
      documents: [],
      units: [],
      line: i + 2,
    })),
    problems: [],
  };
  try {
    const t1 = performance.now();
    const res = await generateRosterWorkbooks(catalogue, roster, dir, { period: '2025年度', generatedAt });
    const batchMs = performance.now() - t1;
    if (res.failed.length) throw new Error(res.failed[0].message);
    console.log(
      `按名单批量生成 ${res.written.length} 个文件（luoshi workbook --roster，${poolSize(OFFICES)} 个工作线程）：` +
        `${(batchMs / 1000).toFixed(2)} s；目标 ≤ ${GENERATE_TARGET_MS / 1000} s，比值 ${(batchMs / GENERATE_TARGET_MS).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
