/**
 * The checking thread's work for one upload, in this process and thread: a filled 300-target workbook
 * read (the fast grid reader with Node's zlib, as the server runs it), checked by readSubmission and
 * stored as raw-deflated JSON (server/intake-check.ts). Process CPU per upload (it includes V8's
 * helper threads: parallel scavenges, concurrent marking), and the three stages apart. Each figure is
 * the median of five runs of BENCH_CHECKS uploads (100 by default), after a warm-up as the server's.
 * The server's load target (bench/server.ts) needs the whole upload at about 20 ms of CPU; this is the
 * larger part of it, measured without the noise of 200 clients on the same two cores.
 */
import { generateWorkbook } from '../src/host/generate-workbook.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { checkUpload, deflatedJson } from '../src/server/intake-check.js';
import { latin1Text, zlibInflateRaw } from '../src/server/inflate.js';
import { seedsCatalogue, widen } from './fixtures.js';

const TARGETS = 300;
const CHECKS = Number(process.env.BENCH_CHECKS ?? 100);
const RUNS = 5;
const WARM_UP = 60;

const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[runs.length >> 1];

/**
 * Median process CPU (user + system, ms) and page faults per call of `fn` over RUNS runs of `n` calls.
 * Page faults count memory the process touched for the first time: large strings and buffers that V8 or
 * the allocator map afresh for each call (src/xlsx/fast-grid.ts: PIECE_BYTES).
 */
async function costPerCall(n: number, fn: () => unknown): Promise<{ cpu: number; faults: number }> {
  const cpu: number[] = [];
  const faults: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const f0 = process.resourceUsage().minorPageFault;
    for (let i = 0; i < n; i++) await fn();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / n);
    faults.push((process.resourceUsage().minorPageFault - f0) / n);
  }
  return { cpu: median(cpu), faults: median(faults) };
}

async function cpuPerCall(n: number, fn: () => unknown): Promise<number> {
  return (await costPerCall(n, fn)).cpu;
}

export async function run(): Promise<void> {
  const catalogue = widen(seedsCatalogue(), TARGETS);
  const bytes = await generateWorkbook(
    catalogue,
    { office: '测试单位001' },
    { period: '2025年度', sample: '1' },
  );
  const utf8 = new TextEncoder().encode(JSON.stringify(catalogue));
  const shared = new SharedArrayBuffer(utf8.length);
  new Uint8Array(shared).set(utf8);
  const task = {
    bytes,
    fileName: '测试单位001.xlsx',
    catalogueId: 1,
    catalogueUtf8: shared,
    maxUnzippedBytes: 50 * 1024 * 1024,
  };
  const grid = () =>
    readWorkbookGrid(bytes, task.fileName, { inflateRaw: zlibInflateRaw, decodeLatin1: latin1Text });
  for (let i = 0; i < WARM_UP; i++) await checkUpload(task);
  const g = await grid();
  const sub = readSubmission(g, { source: task.fileName, catalogue });
  const whole = await costPerCall(CHECKS, () => checkUpload(task));
  const read = await cpuPerCall(CHECKS, grid);
  const check = await cpuPerCall(CHECKS, () => readSubmission(g, { source: task.fileName, catalogue }));
  const store = await cpuPerCall(CHECKS, () => deflatedJson(sub));
  console.log(
    `检查一份 ${TARGETS} 项指标的填报表（${(bytes.length / 1024).toFixed(0)} KB）：每份 CPU ${whole.cpu.toFixed(1)} ms` +
      `（缺页 ${whole.faults.toFixed(0)} 次）` +
      `（读表 ${read.toFixed(1)} ms，readSubmission ${check.toFixed(1)} ms，JSON 压缩 ${store.toFixed(1)} ms；` +
      `各取 ${RUNS} 次 × ${CHECKS} 份的中位数）`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
