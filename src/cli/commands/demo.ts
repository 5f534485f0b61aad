/**
 * `luoshi demo`: the whole loop on the bundled seeds, into out/ — catalogue → an allocation (分解表) of two
 * provincial totals → blank workbooks for every office of the sample roster → the same workbooks filled
 * with 示例数据 (one office left out, so the 未报送 list has something to show) → check → a resubmission of one office compared with its first
 * version → consolidation → Word reports (and PDF where LibreOffice is installed).
 * Every step calls the same functions as the subcommands; nothing here is a second implementation.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { subcommand } from '../program.js';
import { action, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { expandInputs, readInput, writeOutputAtomic } from '../../host/files.js';
import { buildCatalogue } from '../../core/catalogue/index.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import type { Entry, Submission } from '../../core/model/submission.js';
import { planWorkbook } from '../../core/workbook/plan.js';
import { readSubmission } from '../../core/workbook/read.js';
import { writeWorkbookBytes } from '../../host/write-workbook-node.js';
import { readWorkbookGrid } from '../../xlsx/read-grid.js';
import { generateRosterWorkbooks, readRosterFile, safeFileName } from './workbook.js';
import { compareFiles, consoleSummary } from './compare.js';
import { consolidateFiles, consolidationSummary } from './consolidate.js';
import { buildReport, loadReportConfig } from '../../host/report.js';
import { docxToPdf, findSoffice, NO_LIBREOFFICE } from '../../host/pdf.js';
import { ALLOCATION_FORMAT, type Allocation } from '../../core/allocation/index.js';
import { allocationOffices, readAllocationFile } from '../../host/allocation-file.js';
import { writeAllocationTemplate } from '../../xlsx/allocation-workbook.js';
import { cliIo } from '../io.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS_DIR = path.join(ROOT, 'seeds');
const ROSTER = path.join(ROOT, 'templates', 'roster-吉林省.csv');
const REPORT_CONFIG = path.join(ROOT, 'templates', 'report.json');
const PERIOD = '2025年度';
const SAMPLE_MARK = '示例数据';

interface DemoOptions {
  out: string;
  pdf: boolean;
}

function say(line: string): void {
  cliIo().stdout(`${line}\n`);
}

async function readSubmissionOf(file: string, catalogue: Catalogue): Promise<Submission> {
  const name = path.basename(file);
  return readSubmission(await readWorkbookGrid(await readInput(file), name), { source: name, catalogue });
}

/**
 * A second version of an office's submission, as an office would resubmit it: a few figures raised,
 * one status moved on, one explanation added. Written through the same plan as any workbook.
 */
function resubmission(entries: Entry[]): Entry[] {
  let changed = 0;
  return entries.map((e) => {
    if (changed >= 4 || e.actual === null) return e;
    changed++;
    const actual = Math.round(e.actual * 1.1 * 100) / 100;
    const status = e.status === '滞后' ? '序时推进' : e.status;
    return {
      ...e,
      actual,
      status,
      progress: `${e.progress}（${SAMPLE_MARK}：修改稿补充了最新统计）`,
    };
  });
}

/**
 * The demo's 分解下达: two provincial totals of the 吉林省 documents split among the cities by size, each
 * split adding up to the provincial target (国家临床重点专科 ≥50个, 社会体育指导员 ≥41000人).
 */
const DEMO_SHARES: Record<string, Record<string, number>> = {
  国家临床重点专科数: {
    长春市: 18,
    吉林市: 8,
    四平市: 4,
    辽源市: 2,
    通化市: 4,
    白山市: 2,
    松原市: 3,
    白城市: 2,
    延边朝鲜族自治州: 6,
    长白山管委会: 1,
  },
  社会体育指导员人数: {
    长春市: 12000,
    吉林市: 7000,
    四平市: 4000,
    辽源市: 2000,
    通化市: 3500,
    白山市: 2000,
    松原市: 3500,
    白城市: 2500,
    延边朝鲜族自治州: 4000,
    长白山管委会: 500,
  },
};

/** The demo's shares as an allocation to write into the template (each share takes the overall comparator). */
function demoAllocation(catalogue: Catalogue): Allocation {
  const targets = Object.entries(DEMO_SHARES).flatMap(([name, shares]) => {
    const t = catalogue.targets.find((x) => x.name === name);
    if (!t) return [];
    return [
      {
        targetId: t.id,
        shares: Object.entries(shares).map(([office, value]) => ({
          office,
          comparator: t.comparator,
          value,
          valueMax: null,
        })),
      },
    ];
  });
  return { format: ALLOCATION_FORMAT, catalogueVersion: catalogue.version, source: '', targets };
}

async function runDemo(o: DemoOptions): Promise<number> {
  const out = path.resolve(o.out);
  await fs.mkdir(out, { recursive: true });
  let problems = 0;

  // 1. Catalogue from the bundled seeds.
  const seedFiles = await expandInputs([SEEDS_DIR], ['.txt']);
  const sources = await Promise.all(
    seedFiles.map(async (f) => ({ name: path.basename(f), bytes: await readInput(f) })),
  );
  const { catalogue, warnings } = buildCatalogue(sources);
  const catalogueFile = path.join(out, 'catalogue.json');
  await writeOutputAtomic(catalogueFile, `${JSON.stringify(catalogue, null, 2)}\n`);
  say(
    `1. 指标目录：${catalogue.documents.length} 份文件，${catalogue.tasks.length} 项任务，${catalogue.targets.length} 个指标 → ${catalogueFile}`,
  );
  for (const w of warnings) say(`   提醒：${w}`);

  // 2. The allocation (分解表): the province splits two of its totals among the cities, read back as
  //    `workbook --allocation` reads any 分解表.
  const roster = await readRosterFile(ROSTER);
  const allocationFile = path.join(out, '分解表.xlsx');
  await writeOutputAtomic(
    allocationFile,
    await writeAllocationTemplate(catalogue, allocationOffices(roster), {
      generatedAt: new Date().toISOString(),
      allocation: demoAllocation(catalogue),
    }),
  );
  const allocation = await readAllocationFile(allocationFile, catalogue, roster);
  say(`2. 分解表：${allocation.targets.length} 个指标分解到各单位 → ${allocationFile}`);
  for (const t of allocation.targets) {
    const target = catalogue.targets.find((x) => x.id === t.targetId);
    say(`   ${target?.name ?? t.targetId}：${t.shares.map((x) => `${x.office} ${x.value}`).join('，')}`);
  }

  // 3. Blank workbooks for every office of the roster (what the coordinating office sends out).
  const blankDir = path.join(out, '填报表');
  const blank = await generateRosterWorkbooks(catalogue, roster, blankDir, { period: PERIOD, allocation }, [
    ROSTER,
  ]);
  say(`3. 填报表：${blank.written.length} 个单位 → ${blankDir}`);
  for (const f of blank.failed) say(`   错误：${f.office}：${f.message}`);

  // 4. The same workbooks filled with sample figures; the last office has "not submitted yet".
  const submitted = { ...roster, offices: roster.offices.slice(0, -1) };
  const notYet = roster.offices.at(-1)?.office;
  const filledDir = path.join(out, '已报送');
  const filled = await generateRosterWorkbooks(
    catalogue,
    submitted,
    filledDir,
    { period: PERIOD, sample: '1', allocation },
    [ROSTER],
  );
  say(
    `4. 示例填报：${filled.written.length} 个单位已填入${SAMPLE_MARK} → ${filledDir}${notYet ? `（${notYet} 作为未报送示例）` : ''}`,
  );

  // 5. Check every filled workbook.
  say('5. 检查：');
  for (const file of filled.written) {
    const sub = await readSubmissionOf(file, catalogue);
    const errors = sub.problems.filter((p) => p.severity === 'error').length;
    problems += errors;
    say(
      `   ${path.basename(file)}：${sub.entries.length} 项指标，错误 ${errors} 个，警告 ${sub.problems.length - errors} 个`,
    );
  }

  // 6. A resubmission of the first office, compared with its first version.
  const first = roster.offices[0].office;
  const v1File = path.join(filledDir, `${safeFileName(first)}.xlsx`);
  const v1 = await readSubmissionOf(v1File, catalogue);
  const v2File = path.join(out, '修改稿', `${safeFileName(first)}-修改稿.xlsx`);
  // The same scope as the first version (the roster's 文件 for that office).
  const scope = roster.offices[0];
  const v2Plan = planWorkbook(catalogue, {
    office: v1.office,
    period: v1.period,
    documents: scope.documents,
    units: scope.units,
    generatedAt: new Date().toISOString(),
    allocation,
    entries: resubmission(v1.entries),
    taskEntries: v1.taskEntries,
  });
  await writeOutputAtomic(v2File, await writeWorkbookBytes(v2Plan), [v1File]);
  const compareOut = path.join(out, `对比-${safeFileName(first)}.xlsx`);
  const cmp = await compareFiles(v1File, v2File, { output: compareOut });
  say(`6. 对比 → ${compareOut}`);
  for (const line of consoleSummary(cmp).trimEnd().split('\n')) say(`   ${line}`);

  // 7. Consolidate every submission against the roster.
  const consolidated = path.join(out, '汇总.xlsx');
  const cons = await consolidateFiles([filledDir], { roster: ROSTER, output: consolidated });
  say(`7. 汇总 → ${consolidated}`);
  for (const line of consolidationSummary(cons.result, cons.files.length, consolidated).trimEnd().split('\n'))
    say(`   ${line}`);

  // 8. Reports: one office, and all offices together.
  const config = await loadReportConfig(REPORT_CONFIG);
  const submissions = await Promise.all(filled.written.map((f) => readSubmissionOf(f, catalogue)));
  const reports: { step: string; file: string; subs: Submission[] }[] = [
    {
      step: '8. 单位报告',
      file: path.join(out, `报告-${safeFileName(first)}.docx`),
      subs: submissions.slice(0, 1),
    },
    { step: '9. 汇总报告', file: path.join(out, '汇总报告.docx'), subs: submissions },
  ];
  const soffice = o.pdf ? findSoffice() : null;
  for (const r of reports) {
    const { docx, pdf } = await buildReport(r.subs, {
      config,
      catalogue,
      fitLayout: soffice !== null,
      expectedOffices: roster.offices.map((o) => o.office),
    });
    await writeOutputAtomic(r.file, docx);
    let pdfNote = '';
    if (soffice) {
      const pdfFile = r.file.replace(/\.docx$/, '.pdf');
      await writeOutputAtomic(pdfFile, pdf ?? (await docxToPdf(docx)));
      pdfNote = `，PDF：${path.basename(pdfFile)}`;
    }
    say(`${r.step} → ${r.file}${pdfNote}`);
  }
  if (o.pdf && !soffice) say(`   提示：${NO_LIBREOFFICE}`);

  say(`完成。所有文件在 ${out}；填报内容均为${SAMPLE_MARK}，仅供演示。`);
  return problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

export function registerDemo(program: Command): void {
  subcommand(
    program,
    'demo',
    '用自带的政策文件演示全流程：目录 → 分解表 → 填报表 → 示例填报 → 检查 → 对比 → 汇总 → 报告',
  )
    .option('--out <文件夹>', '输出文件夹', 'out')
    .option('--no-pdf', '不转换 PDF（默认在安装了 LibreOffice 时同时生成 PDF）')
    .action(action(async (opts: DemoOptions) => runDemo(opts)));
}
