/**
 * Report speed and memory (issue 4): a 300-target single-office report (target ≤ 1 s) and a
 * consolidated report for 100 offices (target ≤ 5 s, peak RSS ≤ 500 MB). Submissions are built
 * from the seed catalogue, its targets repeated to 300, with the workbook module's sample figures;
 * the timed part is model → template → docx (+ chart PNG), i.e. everything after reading workbooks.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { Submission, TargetRow } from '../src/core/model/submission.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { targetText } from '../src/core/workbook/target-text.js';
import { parseReportConfig } from '../src/core/report/config.js';
import { buildReport } from '../src/host/report.js';
import { seedsCatalogue, widen } from './fixtures.js';

const PERIOD = '2025年1-9月';

function submission(c: Catalogue, office: string, seed: number): Submission {
  const docs = new Map(c.documents.map((d) => [d.id, d]));
  const rows: TargetRow[] = c.targets.map((t, i) => {
    const d = docs.get(t.documentId);
    return {
      targetId: t.id,
      row: i + 4,
      document: d ? `${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}` : '',
      section: t.path.join(''),
      quote: t.quote,
      targetText: targetText(t),
      unit: t.unit ?? '',
      deadline: t.deadline ?? '',
      lead: t.lead.join('、'),
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
    };
  });
  return {
    office,
    period: PERIOD,
    catalogueVersion: c.version,
    formatVersion: 1,
    generatedAt: null,
    source: `${office}.xlsx`,
    rows,
    entries: sampleEntries(c, office, PERIOD, seed),
    taskEntries: [],
    problems: [],
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, peakMb: peak / 1048576, value };
  } finally {
    clearInterval(timer);
  }
}

function line(label: string, ms: number, targetMs: number, extra = ''): void {
  const ratio = ms / targetMs;
  console.log(
    `${label}: ${ms.toFixed(0)} ms（目标 ≤ ${targetMs} ms，比值 ${ratio.toFixed(2)}${ratio <= 1 ? '，达标' : '，未达标'}）${extra}`,
  );
}

export async function run(): Promise<void> {
  const seeds = seedsCatalogue();
  const config = parseReportConfig(
    JSON.stringify({ 发文机关: '吉林省发展和改革委员会', 主送机关: '省人民政府' }),
  );

  const wide = widen(seeds, 300);
  const single = submission(wide, '长春市', 1);
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 4; i++) {
    const r = await timed(() => buildReport([single], { config, catalogue: wide }));
    runs.push(r.ms);
    bytes = r.value.docx.length;
  }
  const warm = Math.min(...runs.slice(1));
  line('单位报告 300 项指标（首次，含模块初始化）', runs[0], 1000);
  line('单位报告 300 项指标（热运行最佳）', warm, 1000, `，docx ${(bytes / 1024).toFixed(0)} KB`);

  const offices = Array.from({ length: 100 }, (_, i) => submission(wide, `第${i + 1}单位`, i + 1));
  const multi = await timed(() => buildReport(offices, { config, catalogue: wide }));
  line(
    '汇总报告 100 个单位 × 300 项指标',
    multi.ms,
    5000,
    `，docx ${(multi.value.docx.length / 1024).toFixed(0)} KB`,
  );
  const mb = multi.peakMb;
  console.log(
    `汇总报告峰值内存（RSS，含基准进程本身）: ${mb.toFixed(0)} MB（目标 ≤ 500 MB，比值 ${(mb / 500).toFixed(2)}${mb <= 500 ? '，达标' : '，未达标'}）`,
  );
}

// Run directly: node --import tsx bench/report.ts
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
