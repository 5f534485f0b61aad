/**
 * Review benchmark: consolidate 1,000 office submissions of 300 targets each.
 * Targets: ≤ 20 s on this 2-core machine, peak RSS ≤ 1 GB, and ≤ 1.3× a plain exceljs load of the same files.
 * The 1,000 workbooks are written once (by the real plan builder and workbook writer, with sample figures)
 * into a temp dir and reused by later runs. Each measurement runs in its own process so its peak RSS is its own.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(here, '_review-child.ts');
const OFFICES = 1000;
const TIME_TARGET_MS = 20_000;
const RSS_TARGET_MB = 1024;
const RATIO_GOAL = 1.3;

async function child(args: string[]): Promise<Record<string, number>> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: path.resolve(here, '..'),
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Record<string, number>;
}

async function ensureFiles(): Promise<string> {
  const dir = path.join(os.tmpdir(), `luoshi-bench-review-${OFFICES}x300-v1`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker) && readdirSync(dir).filter((n) => n.endsWith('.xlsx')).length === OFFICES)
    return dir;
  mkdirSync(dir, { recursive: true });
  const cores = Math.max(1, Math.min(os.cpus().length, 4));
  const per = Math.ceil(OFFICES / cores);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: cores }, (_, k) =>
      child(['generate', dir, String(k * per), String(Math.min(OFFICES, (k + 1) * per))]),
    ),
  );
  writeFileSync(marker, new Date().toISOString());
  console.log(
    `生成 ${OFFICES} 份填报表（300 项指标）：${((performance.now() - t0) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

export async function run(): Promise<void> {
  const dir = await ensureFiles();
  const out = path.join(os.tmpdir(), `luoshi-bench-汇总-${process.pid}.xlsx`);
  const ours = await child(['consolidate', dir, out]);
  const plain = await child(['plain', dir]);
  const ratio = ours.ms / plain.ms;
  const readRatio = ours.readReduceMs / plain.ms;
  console.log(
    `汇总 ${ours.files} 份（${ours.offices} 个单位 × ${ours.targets} 项指标，${ours.failures} 份失败）`,
  );
  console.log(
    `  读取+汇总 ${(ours.readReduceMs / 1000).toFixed(2)} s，写出汇总.xlsx ${(ours.writeMs / 1000).toFixed(2)} s，` +
      `合计 ${(ours.ms / 1000).toFixed(2)} s（目标 ≤ ${TIME_TARGET_MS / 1000} s：${ours.ms <= TIME_TARGET_MS ? '达到' : '未达到'}）`,
  );
  console.log(
    `  峰值内存 RSS ${ours.peakRssMb} MB（目标 ≤ ${RSS_TARGET_MB} MB：${ours.peakRssMb <= RSS_TARGET_MB ? '达到' : '未达到'}）`,
  );
  console.log(
    `  单纯 exceljs 读取同一批文件：${(plain.ms / 1000).toFixed(2)} s，峰值 RSS ${plain.peakRssMb} MB`,
  );
  console.log(
    `  比值：合计 ${ratio.toFixed(2)}×，仅读取+汇总 ${readRatio.toFixed(2)}×（目标 ≤ ${RATIO_GOAL}×：${ratio <= RATIO_GOAL ? '达到' : '未达到'}）`,
  );
  console.log(
    `  CPU 时间（各线程合计）：luoshi ${(ours.cpuMs / 1000).toFixed(1)} s，单纯 exceljs ${(plain.cpuMs / 1000).toFixed(1)} s，` +
      `比值 ${(ours.cpuMs / plain.cpuMs).toFixed(2)}×（测量结束时 1 分钟负载 ${os.loadavg()[0].toFixed(1)}，负载高时墙钟时间偏长）`,
  );
  console.log(`  ${os.cpus().length} 核；读取用 worker_threads 并行，快速读取器见 src/xlsx/fast-grid.ts`);
}
