/**
 * `luoshi check`: read filled workbooks back into Submissions and list every problem in Chinese
 * (or as JSON). A thin host over src/xlsx/read-grid and src/core/workbook/read.
 */
import { describeFiller } from '../../core/workbook/filler.js';
import * as path from 'node:path';
import type { Command } from 'commander';
import { subcommand } from '../program.js';
import { action, EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { expandInputs, readInput } from '../../host/files.js';
import { LuoshiError } from '../../core/errors.js';
import { failureMessage } from '../../host/read-pool.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import type { Problem, Submission } from '../../core/model/submission.js';
import { jumpProblems } from '../../core/progress/plausibility.js';
import { readSubmission } from '../../core/workbook/read.js';
import { readWorkbookGrid } from '../../xlsx/read-grid.js';
import { loadCatalogue } from '../../host/catalogue-file.js';
import { cliIo } from '../io.js';

function out(s: string): void {
  cliIo().stdout(`${s}\n`);
}

function err(s: string): void {
  cliIo().stderr(`${s}\n`);
}

/** Read and validate one workbook file. Throws LuoshiError when the file cannot be read at all. */
export async function checkFile(file: string, catalogue?: Catalogue): Promise<Submission> {
  const name = path.basename(file);
  const grid = await readWorkbookGrid(await readInput(file), name);
  return readSubmission(grid, catalogue ? { source: name, catalogue } : { source: name });
}

/** Jumps from the same office's previous submission; a previous workbook of another office is a warning itself. */
function previousProblems(s: Submission, previous: Submission): Problem[] {
  if (previous.office !== s.office)
    return [
      {
        severity: 'warning',
        sheet: null,
        cell: null,
        targetId: null,
        message: `--previous 给出的 ${previous.source} 是“${previous.office || '未知单位'}”的填报表，与本表“${s.office}”不是同一单位，未作比较`,
        code: 'previous-other-office',
      },
    ];
  return jumpProblems(s, previous);
}

/** The JSON shape printed by `check --json` (documented in the README; keep stable). */
export function submissionJson(s: Submission): unknown {
  return {
    office: s.office,
    period: s.period,
    catalogueVersion: s.catalogueVersion,
    entries: s.entries.map((e) => ({
      targetId: e.targetId,
      baseline: e.baseline,
      actual: e.actual,
      asOf: e.asOf,
      status: e.status,
      progress: e.progress,
      problems: e.problems,
      nextSteps: e.nextSteps,
      evidence: e.evidence,
    })),
    problems: s.problems.map((p) => ({
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      targetId: p.targetId,
      message: p.message,
    })),
  };
}

function filledCount(s: Submission): { targets: number; tasks: number } {
  const targets = s.entries.filter(
    (e) =>
      e.baseline !== null ||
      e.actual !== null ||
      e.status !== null ||
      e.progress ||
      e.problems ||
      e.nextSteps ||
      e.evidence,
  ).length;
  const tasks = s.taskEntries.filter(
    (t) => t.status !== null || t.progress || t.problems || t.nextSteps,
  ).length;
  return { targets, tasks };
}

/** The total line of a multi-file check (on stderr, so --json output stays one JSON document). */
function batchTotal(files: number, results: Submission[], unreadable: number): string {
  const withErrors = results.filter((s) => s.problems.some((p) => p.severity === 'error')).length;
  return `共 ${files} 个文件：${results.length - withErrors} 个通过，${withErrors} 个有错误，${unreadable} 个无法读取`;
}

/** Human-readable report of one submission. */
export function describeSubmission(s: Submission): string[] {
  const lines: string[] = [];
  const head = s.office || s.period ? `${s.office} ${s.period}` : '（无法识别单位和期间）';
  lines.push(`${s.source}：${head}${s.catalogueVersion ? `（目录版本 ${s.catalogueVersion}）` : ''}`);
  if (s.filler) lines.push(`  ${describeFiller(s.filler)}`);
  if (s.rows.length || s.taskEntries.length) {
    const f = filledCount(s);
    lines.push(
      `  指标 ${s.entries.length} 项，已填 ${f.targets} 项；任务 ${s.taskEntries.length} 项，已填 ${f.tasks} 项`,
    );
  }
  const errors = s.problems.filter((p) => p.severity === 'error');
  const warnings = s.problems.filter((p) => p.severity === 'warning');
  if (!s.problems.length) {
    lines.push('  检查通过，没有发现问题');
    return lines;
  }
  lines.push(`  错误 ${errors.length} 个，警告 ${warnings.length} 个：`);
  for (const p of errors) lines.push(`  错误  ${p.message}`);
  for (const p of warnings) lines.push(`  警告  ${p.message}`);
  return lines;
}

export function registerCheck(program: Command): void {
  subcommand(program, 'check <填报表.xlsx或文件夹...>', '检查已填的填报表：读出填报内容，列出错误和警告')
    .option('--json', '以 JSON 输出填报内容和问题')
    .option('--catalogue <catalogue.json>', '同时核对指标目录版本，并按目录判断完成情况')
    .option('--previous <上期.xlsx>', '与同一单位上期报送的填报表比较，完成值变化超过3倍的给出警告')
    .addHelpText(
      'after',
      `
退出码：0 没有错误（可能有警告）；1 有错误；2 文件无法读取。
示例：
  luoshi check 长春市.xlsx
  luoshi check 填报表/ --catalogue catalogue.json
  luoshi check 长春市.xlsx --json > 长春市.json`,
    )
    .action(
      action(async (inputs: string[], o: { json?: boolean; catalogue?: string; previous?: string }) => {
        const catalogue = o.catalogue ? await loadCatalogue(o.catalogue) : undefined;
        const previous = o.previous ? await checkFile(o.previous, catalogue) : null;
        const files = await expandInputs(inputs, ['.xlsx', '.xlsm']);
        if (files.length === 0) throw new LuoshiError('no-xlsx', `${inputs.join('、')} 中没有 .xlsx 文件`);
        const results: Submission[] = [];
        const unreadable: { file: string; message: string }[] = [];
        for (const file of files) {
          try {
            const s = await checkFile(file, catalogue);
            if (previous) s.problems.push(...previousProblems(s, previous));
            results.push(s);
          } catch (e) {
            // One file never stops the batch: even a defect in luoshi becomes that file's message.
            if (files.length === 1) throw e;
            unreadable.push({ file, message: failureMessage(file, e) });
          }
        }
        if (o.json) {
          const items = results.map(submissionJson);
          const payload =
            files.length === 1
              ? items[0]
              : [...items, ...unreadable.map((u) => ({ source: path.basename(u.file), error: u.message }))];
          out(JSON.stringify(payload, null, 2));
        } else {
          for (const s of results) for (const line of describeSubmission(s)) out(line);
        }
        for (const u of unreadable) err(`错误：${u.message}`);
        if (files.length > 1) err(batchTotal(files.length, results, unreadable.length));
        if (results.length === 0) return EXIT_FAILED;
        const hasErrors =
          unreadable.length > 0 || results.some((s) => s.problems.some((p) => p.severity === 'error'));
        return hasErrors ? EXIT_PROBLEMS : EXIT_OK;
      }),
    );
}
