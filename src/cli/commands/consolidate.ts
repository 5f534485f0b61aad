/**
 * `luoshi consolidate 填报表/ [--roster roster.csv] [--json] -o 汇总.xlsx`: all offices' workbooks into one
 * 汇总 workbook. Files are read across cores (src/host/read-pool.ts), each reduced into the streaming
 * consolidator and dropped; one unreadable file is listed and the run goes on.
 */
import type { Command } from 'commander';
import * as path from 'node:path';
import { LuoshiError } from '../../core/errors.js';
import { createConsolidator, type ConsolidationResult } from '../../core/review/consolidate.js';
import { SEVERITY_WORDS } from '../../core/progress/rules.js';
import { roundShownPercent } from '../../core/progress/score.js';
import { parseRoster } from '../../core/roster.js';
import { decodeText } from '../../core/text/decode.js';
import { expandInputs, guardOutput, readInput, writeOutputAtomic } from '../../host/files.js';
import { startProgress } from '../../host/progress.js';
import { readSubmissions } from '../../host/read-pool.js';
import { writeConsolidationWorkbook } from '../../xlsx/review-workbooks.js';
import { subcommand } from '../program.js';
import { action, EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { cliIo } from '../io.js';

interface ConsolidateOptions {
  roster?: string;
  json?: boolean;
  output?: string;
  workers?: string;
}

async function rosterNames(file: string): Promise<{ names: string[]; notes: string[] }> {
  const bytes = await readInput(file);
  const roster = parseRoster(decodeText(bytes, file).text, file);
  return { names: roster.offices.map((o) => o.office), notes: roster.problems.map((p) => p.message) };
}

/** The --json shape: {offices, missing, duplicates, problems, outliers} plus failures and the period. */
export function consolidationJson(r: ConsolidationResult): unknown {
  return {
    period: r.period,
    offices: r.offices,
    missing: r.missing,
    unlisted: r.unlisted,
    duplicates: r.duplicates,
    problems: r.problems,
    failures: r.failures,
    outliers: r.outliers,
    contradictions: r.contradictions,
    targets: r.targets,
    timeShare: r.timeShare,
  };
}

export function consolidationSummary(
  r: ConsolidationResult,
  files: number,
  output: string | undefined,
): string {
  const lines: string[] = [];
  lines.push(
    `汇总 ${files} 个文件${r.period ? `（${r.period}）` : ''}：${r.offices.length} 个单位已报送，` +
      `${r.missing.length} 个未报送，${r.duplicates.length} 份重复报送，${r.failures.length} 个文件无法读取`,
  );
  if (r.missing.length) lines.push(`未报送：${r.missing.join('、')}`);
  if (r.unlisted.length) lines.push(`不在名单中：${r.unlisted.join('、')}`);
  for (const d of r.duplicates)
    lines.push(`重复报送：${d.office} 采用 ${d.kept}，未采用 ${d.dropped}（${d.reason}）`);
  for (const f of r.failures) lines.push(`无法读取：${f.message}`);
  const errors = r.offices.reduce((n, o) => n + o.errors, 0);
  const warnings = r.offices.reduce((n, o) => n + o.warnings, 0);
  if (errors || warnings)
    lines.push(
      `填报问题：${SEVERITY_WORDS.error} ${errors} 条，${SEVERITY_WORDS.warning} ${warnings} 条${output ? '（见“问题”表）' : ''}`,
    );
  if (r.outliers.length) {
    const held = r.outliers.filter((o) => o.held).length;
    lines.push(
      `异常值：${r.outliers.length} 个${held ? `，其中 ${held} 个待核实、暂不计入合计和排名` : ''}${output ? '（见“异常值”表）' : ''}`,
    );
  }
  if (r.contradictions.length)
    lines.push(
      `自报进展状态与核算进度不一致：${r.contradictions.length} 处${output ? '（见“状态不一致”表）' : ''}`,
    );
  const top = [...r.offices]
    .filter((o) => o.score !== null)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 3);
  if (top.length)
    lines.push(
      `平均完成率前三（每项完成率超过100%的按100%计）：${top.map((o) => `${o.rank}. ${o.office} ${roundShownPercent(o.score!).toFixed(1)}%`).join('，')}`,
    );
  if (output) lines.push(`已写出 ${path.normalize(output)}`);
  else lines.push('（未指定 -o，未写出汇总工作簿）');
  return `${lines.join('\n')}\n`;
}

export interface ConsolidateFilesOptions {
  /** Roster CSV file (UTF-8 or GBK). */
  roster?: string;
  /** 汇总 workbook to write. */
  output?: string;
  /** Read worker threads (default: one per core). */
  workers?: number;
  /** Show a progress bar (on a terminal only). */
  progress?: boolean;
}

/**
 * Read every workbook under `inputs` (files or folders), consolidate, and write the 汇总 workbook when
 * `output` is given. Shared by the `consolidate` subcommand and the demo. Unreadable files are listed in
 * the result, never thrown; throws LuoshiError only when there is nothing to read or the roster is bad.
 */
export async function consolidateFiles(
  inputs: readonly string[],
  options: ConsolidateFilesOptions = {},
): Promise<{ result: ConsolidationResult; files: string[]; rosterNotes: string[] }> {
  const files = await expandInputs(inputs, ['.xlsx', '.xlsm', '.xls']);
  // Checked before reading: a summary written over a submission would destroy it and leave its office out.
  if (options.output) guardOutput(options.output, files);
  if (files.length === 0) {
    throw new LuoshiError('no-files', `在 ${inputs.join('、')} 中没有找到 .xlsx 填报表`);
  }
  let roster: string[] | null = null;
  let rosterNotes: string[] = [];
  if (options.roster) {
    const r = await rosterNames(options.roster);
    roster = r.names;
    rosterNotes = r.notes;
  }
  const consolidator = createConsolidator({ roster });
  const progress = options.progress ? startProgress(files.length, '汇总') : { tick() {}, stop() {} };
  try {
    await readSubmissions(
      files,
      (outcome) => {
        if (outcome.ok) consolidator.add(outcome.submission);
        else consolidator.addFailure(path.basename(outcome.file), outcome.message);
        progress.tick(path.basename(outcome.file));
      },
      { workers: options.workers, slim: true },
    );
  } finally {
    progress.stop();
  }
  const result = consolidator.finish();
  if (options.output) {
    const bytes = await writeConsolidationWorkbook(result);
    await writeOutputAtomic(options.output, bytes, files);
  }
  return { result, files, rosterNotes };
}

export function registerConsolidate(program: Command): void {
  subcommand(
    program,
    'consolidate <文件夹或文件...>',
    '汇总各单位填报表：完成值与完成率矩阵、排名、未报送、问题、重复报送、异常值',
  )
    .option('--roster <名单.csv>', '报送单位名单（CSV，第一列为“单位”），用于列出未报送单位')
    .option('--json', '以 JSON 输出 {offices, missing, duplicates, problems, outliers}')
    .option('-o, --output <文件>', '写出汇总工作簿（如 汇总.xlsx）')
    .option('--workers <数量>', '并行读取的线程数（默认为 CPU 核数；0 表示不用线程）')
    .action(
      action(async (inputs: string[], opts: ConsolidateOptions) => {
        let workers: number | undefined;
        if (opts.workers !== undefined) {
          workers = Number(opts.workers);
          if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
            throw new LuoshiError('bad-option', `--workers 应为 0 到 64 的整数，现为 ${opts.workers}`);
          }
        }
        const { result, files, rosterNotes } = await consolidateFiles(inputs, {
          roster: opts.roster,
          output: opts.output,
          workers,
          progress: true,
        });
        for (const note of rosterNotes) cliIo().stderr(`提示：${note}\n`);
        if (opts.json) cliIo().stdout(`${JSON.stringify(consolidationJson(result), null, 2)}\n`);
        else cliIo().stdout(consolidationSummary(result, files.length, opts.output));

        if (result.offices.length === 0) return EXIT_FAILED;
        const errors = result.offices.some((o) => o.errors > 0);
        return result.failures.length || errors ? EXIT_PROBLEMS : EXIT_OK;
      }),
    );
}
