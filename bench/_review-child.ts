/**
 * Child process of bench/review.ts (one process per measurement, so peak RSS is that step's alone):
 *   generate <dir> <from> <to>   write filled office workbooks from..to-1 into dir
 *   plain <dir>                  load every workbook with exceljs, nothing else (the baseline)
 *   consolidate <dir> <out>      luoshi's path: fast read across cores → Submission → consolidator → 汇总.xlsx
 * Prints one JSON line with the figures.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { createConsolidator } from '../src/core/review/consolidate.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { sampleEntries, sampleTaskEntries } from '../src/core/workbook/sample.js';
import { readSubmissions } from '../src/host/read-pool.js';
import { writeConsolidationWorkbook } from '../src/xlsx/review-workbooks.js';
import { writeWorkbookBytes } from '../src/host/write-workbook-node.js';
import { seedsCatalogue, widen } from './fixtures.js';

export const TARGETS = 300;
export const PERIOD = '2025年度';

/** The seeds' catalogue, its targets repeated (new ids) up to 300 so each workbook has 300 target rows. */
export function benchCatalogue(): Catalogue {
  const base = seedsCatalogue();
  return { ...widen(base, TARGETS), tasks: base.tasks.slice(0, 40) };
}

export function officeName(i: number): string {
  return `单位${String(i + 1).padStart(4, '0')}`;
}

async function generate(dir: string, from: number, to: number): Promise<void> {
  const cat = benchCatalogue();
  for (let i = from; i < to; i++) {
    const office = officeName(i);
    const plan = planWorkbook(cat, {
      office,
      period: PERIOD,
      generatedAt: '2026-01-05T08:00:00.000Z',
      entries: sampleEntries(cat, office, PERIOD),
      taskEntries: sampleTaskEntries(cat, office, PERIOD),
    });
    writeFileSync(path.join(dir, `${office}.xlsx`), await writeWorkbookBytes(plan));
  }
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** CPU time of the whole process (all threads), in ms: less sensitive than wall time to other load on the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function plain(dir: string): Promise<Record<string, number>> {
  const list = files(dir);
  const cpu0 = cpuMs();
  const t0 = performance.now();
  for (const f of list) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
  }
  return {
    files: list.length,
    ms: Math.round(performance.now() - t0),
    cpuMs: cpuMs() - cpu0,
    peakRssMb: peakRssMb(),
  };
}

async function consolidate(dir: string, out: string): Promise<Record<string, number>> {
  const list = files(dir);
  const cpu0 = cpuMs();
  const t0 = performance.now();
  const c = createConsolidator({ roster: list.map((_, i) => officeName(i)) });
  let failures = 0;
  await readSubmissions(
    list,
    (o) => {
      if (o.ok) c.add(o.submission);
      else {
        failures++;
        c.addFailure(o.file, o.message);
      }
    },
    { slim: true },
  );
  const result = c.finish();
  const t1 = performance.now();
  const bytes = await writeConsolidationWorkbook(result);
  writeFileSync(out, bytes);
  const t2 = performance.now();
  return {
    files: list.length,
    offices: result.offices.length,
    targets: result.targets.length,
    failures,
    readReduceMs: Math.round(t1 - t0),
    writeMs: Math.round(t2 - t1),
    ms: Math.round(t2 - t0),
    cpuMs: cpuMs() - cpu0,
    outlierCount: result.outliers.length,
    peakRssMb: peakRssMb(),
  };
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('_review-child')) {
  const [mode, dir, a, b] = process.argv.slice(2);
  let out: unknown;
  if (mode === 'generate') {
    await generate(dir, Number(a), Number(b));
    out = { generated: Number(b) - Number(a) };
  } else if (mode === 'plain') out = await plain(dir);
  else if (mode === 'consolidate') out = await consolidate(dir, a);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
