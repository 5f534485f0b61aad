/**
 * `luoshi compare old.xlsx new.xlsx [--json] [-o 对比.xlsx] [--cross]`: what one office changed between
 * two versions of its workbook, aligned by 指标编号. Thin host: read files, call the core, write results.
 */
import type { Command } from 'commander';
import * as path from 'node:path';
import { LuoshiError } from '../../core/errors.js';
import type { Submission } from '../../core/model/submission.js';
import {
  CHANGE_KIND_LABELS,
  compareSubmissions,
  describeCounts,
  type Change,
  type Comparison,
} from '../../core/review/compare.js';
import { writeOutputAtomic } from '../../host/files.js';
import { readSubmissionFile } from '../../host/read-submission.js';
import { writeComparisonWorkbook } from '../../xlsx/review-workbooks.js';
import { subcommand } from '../program.js';
import { action, EXIT_OK } from '../run.js';
import { cliIo } from '../io.js';

interface CompareOptions {
  json?: boolean;
  output?: string;
  cross?: boolean;
}

/** How many changes the console lists before pointing to -o / --json. */
const CONSOLE_LIMIT = 40;

function usable(s: Submission, file: string): Submission {
  if (s.office.trim()) return s;
  const first = s.problems.find((p) => p.severity === 'error');
  throw new LuoshiError('not-a-submission', first?.message ?? `${file} 不是可读取的填报表`, { file });
}

const SHOWN = 30;

function show(v: Change['before'], from = 0): string {
  if (v === null) return '（空）';
  const s = String(v).replace(/\s+/g, ' ');
  const start = Math.max(0, Math.min(from, s.length - SHOWN));
  const text = s.slice(start, start + SHOWN);
  return `${start > 0 ? '…' : ''}${text}${start + SHOWN < s.length ? '…' : ''}`;
}

/** Where two long texts start to differ, minus a little context, so the console shows the edited part. */
function firstDifference(a: Change['before'], b: Change['before']): number {
  if (typeof a !== 'string' || typeof b !== 'string') return 0;
  const x = a.replace(/\s+/g, ' ');
  const y = b.replace(/\s+/g, ' ');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i > SHOWN - 5 ? i - 8 : 0;
}

function changeLine(c: Change): string {
  const where = `${c.sheet} ${c.targetId}`;
  switch (c.kind) {
    case 'target-added':
    case 'task-added':
    case 'target-removed':
    case 'task-removed':
      return `  ${CHANGE_KIND_LABELS[c.kind]}：${where}`;
    default: {
      const delta = c.delta !== undefined ? `（${c.delta > 0 ? '+' : ''}${c.delta}）` : '';
      const from = firstDifference(c.before, c.after);
      const note =
        c.note && c.before === null && c.after === null
          ? `：${c.note}`
          : `：${show(c.before, from)} → ${show(c.after, from)}${delta}`;
      return `  ${CHANGE_KIND_LABELS[c.kind]}：${where} ${c.field}${note}`;
    }
  }
}

export function consoleSummary(cmp: Comparison): string {
  const lines: string[] = [];
  const title =
    cmp.cross && cmp.before.office !== cmp.after.office
      ? `${cmp.before.office} → ${cmp.after.office}（跨单位）`
      : cmp.after.office;
  lines.push(`对比：${title}`);
  lines.push(`  原版本：${cmp.before.source}（${cmp.before.period || '期间未知'}）`);
  lines.push(`  新版本：${cmp.after.source}（${cmp.after.period || '期间未知'}）`);
  if (cmp.summary.afterLooksOlder)
    lines.push('  注意：“新版本”的截至日期或生成时间早于“原版本”，请确认两个文件的先后顺序（旧文件在前）');
  if (!cmp.summary.sameCatalogue)
    lines.push('  注意：两个版本使用的指标目录版本不同，目录内容差异标为“目录版本变化”');
  lines.push(
    `共 ${cmp.summary.total} 处变化，涉及 ${cmp.summary.targetsChanged} 个指标：${describeCounts(cmp.summary.counts)}`,
  );
  for (const c of cmp.changes.slice(0, CONSOLE_LIMIT)) lines.push(changeLine(c));
  if (cmp.changes.length > CONSOLE_LIMIT) {
    lines.push(`  ……另有 ${cmp.changes.length - CONSOLE_LIMIT} 处，用 -o 对比.xlsx 或 --json 查看全部`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Compare two workbook files; writes the review workbook when `output` is given. Shared by the
 * `compare` subcommand and the demo. Throws LuoshiError for unreadable files or different offices.
 */
export async function compareFiles(
  oldFile: string,
  newFile: string,
  options: { output?: string; cross?: boolean } = {},
): Promise<Comparison> {
  const before = await readSubmissionFile(oldFile);
  const after = await readSubmissionFile(newFile);
  const cmp = compareSubmissions(usable(before.submission, oldFile), usable(after.submission, newFile), {
    cross: options.cross === true,
  });
  if (options.output) {
    const bytes = await writeComparisonWorkbook(cmp, after.grid);
    await writeOutputAtomic(options.output, bytes, [oldFile, newFile]);
  }
  return cmp;
}

export function registerCompare(program: Command): void {
  subcommand(
    program,
    'compare <旧文件> <新文件>',
    '对比同一单位两个版本的填报表（按指标编号对齐，不看行的位置）',
  )
    .option('--json', '以 JSON 输出 {changes, summary}')
    .option('-o, --output <文件>', '写出对比工作簿：新版本中变化的单元格高亮，另附“变更清单”表')
    .option('--cross', '允许对比不同单位的填报表')
    .action(
      action(async (oldFile: string, newFile: string, opts: CompareOptions) => {
        const cmp = await compareFiles(oldFile, newFile, { output: opts.output, cross: opts.cross });
        if (opts.json) {
          cliIo().stdout(`${JSON.stringify(cmp, null, 2)}\n`);
        } else {
          cliIo().stdout(consoleSummary(cmp));
          if (opts.output) cliIo().stdout(`已写出 ${path.normalize(opts.output)}\n`);
        }
        return EXIT_OK;
      }),
    );
}
