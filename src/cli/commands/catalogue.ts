/**
 * `luoshi catalogue build | show | review`: a thin host over src/core/catalogue.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { loadCatalogue } from '../../host/catalogue-file.js';
import { subcommand } from '../program.js';
import { action, EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { expandInputs, readInput, writeOutputAtomic } from '../../host/files.js';
import { LuoshiError } from '../../core/errors.js';
import {
  buildCatalogue,
  formatDeadline,
  formatTargetValue,
  type CatalogueSource,
} from '../../core/catalogue/index.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import { readCatalogueCorrections, writeCatalogueReviewWorkbook } from '../../xlsx/catalogue-review.js';
import { POLICY_EXTENSIONS, policySource } from '../../host/input/index.js';
import { cliIo } from '../io.js';

function out(s: string): void {
  cliIo().stdout(`${s}\n`);
}

function err(s: string): void {
  cliIo().stderr(`${s}\n`);
}

/** Files named on the command line plus the policy files (.txt .docx .pdf .html .htm) of named folders. */
async function policyFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = (await fs.stat(input)).isDirectory();
    } catch {
      throw new LuoshiError('file-not-found', `找不到文件或文件夹：${input}`, { file: input });
    }
    if (isDir) {
      const found = await expandInputs([input], POLICY_EXTENSIONS);
      if (!found.length) {
        throw new LuoshiError(
          'no-txt',
          `文件夹 ${input} 中没有政策文件（可读取 .txt、.docx、.pdf、.html、.htm 格式）`,
          { file: input },
        );
      }
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  return files;
}

/** A catalogue with nothing in it is never written silently: every workbook built on it would be empty. */
function refuseEmpty(c: Catalogue, names: string[]): void {
  if (c.targets.length || c.tasks.length) return;
  throw new LuoshiError(
    'empty-catalogue',
    `${names.join('、')} 中没有找到任何任务或指标，未生成目录。请确认提供的是政策文件正文（含“一、”“（一）”等标题层级），而不只是表格或附件`,
  );
}

function summary(c: Catalogue): string {
  const milestones = c.targets.filter((t) => t.comparator === 'milestone').length;
  return `${c.documents.length} 份文件，${c.tasks.length} 项任务，${c.targets.length} 个指标（其中时间节点 ${milestones} 个）`;
}

export function registerCatalogue(program: Command): void {
  const cat = subcommand(program, 'catalogue', '指标目录：从政策文件生成、查看、审核目标任务目录');

  subcommand(
    cat,
    'build <文件或文件夹...>',
    '读取政策文件（.txt、.docx、有文字层的 .pdf、保存的网页 .html）生成指标目录 catalogue.json',
  )
    .requiredOption('-o, --output <catalogue.json>', '输出的目录文件')
    .option('-c, --corrections <目录审核.xlsx>', '应用目录审核表中的修正（确认、删除、修改、新增）')
    .action(
      action(async (inputs: string[], opts: { output: string; corrections?: string }) => {
        const files = await policyFiles(inputs);
        const sources: CatalogueSource[] = [];
        const readErrors: string[] = [];
        for (const f of files) {
          try {
            sources.push(await policySource(path.basename(f), await readInput(f)));
          } catch (e) {
            if (!(e instanceof LuoshiError) || files.length === 1) throw e;
            readErrors.push(e.message);
          }
        }
        if (!sources.length)
          throw new LuoshiError(
            'nothing-read',
            `没有可读取的政策文件：\n${readErrors.map((m) => `  - ${m}`).join('\n')}`,
          );
        const corrections = opts.corrections
          ? await readCatalogueCorrections(await readInput(opts.corrections), path.basename(opts.corrections))
          : undefined;
        const result = buildCatalogue(sources, corrections ? { corrections } : {});
        refuseEmpty(
          result.catalogue,
          sources.map((x) => x.name),
        );
        const inputsUsed = [...files, ...(opts.corrections ? [opts.corrections] : [])];
        await writeOutputAtomic(opts.output, `${JSON.stringify(result.catalogue, null, 2)}\n`, inputsUsed);
        for (const m of readErrors) err(`警告：已跳过：${m}`);
        for (const w of result.warnings) err(`警告：${w}`);
        out(`已生成指标目录 ${opts.output}：${summary(result.catalogue)}`);
        for (const d of result.catalogue.documents) {
          const n = result.catalogue.targets.filter((t) => t.documentId === d.id).length;
          const k = result.catalogue.tasks.filter((t) => t.documentId === d.id).length;
          out(`  ${d.docNumber ?? '（无文号）'}  ${d.title}：${k} 项任务，${n} 个指标`);
        }
        if (corrections) {
          out(
            `目录审核修正：已应用 ${result.correctionsApplied} 条；编号已不存在、未应用 ${result.staleCorrections.length} 条`,
          );
          for (const s of result.staleCorrections) out(`  第 ${s.row} 行  ${s.targetId}`);
        }
        return readErrors.length || result.warnings.some((w) => w.startsWith('已跳过'))
          ? EXIT_PROBLEMS
          : EXIT_OK;
      }),
    );

  subcommand(cat, 'show <catalogue.json>', '按文件列出目录中的任务、指标、责任单位和期限').action(
    action(async (file: string) => {
      const c = await loadCatalogue(file);
      out(`指标目录 ${path.basename(file)}（版本 ${c.version}）：${summary(c)}`);
      for (const d of c.documents) {
        const tasks = c.tasks.filter((t) => t.documentId === d.id);
        const targets = c.targets.filter((t) => t.documentId === d.id);
        out('');
        out(`【${d.title}】`);
        out(
          `  发文字号：${d.docNumber ?? '无'}  发文机关：${d.issuer ?? '未注明'}  成文日期：${d.date ?? '未注明'}  来源：${d.source}`,
        );
        const units = new Set(tasks.flatMap((t) => [...t.lead, ...t.participants]));
        const deadlines = [
          ...new Set(targets.map((t) => t.deadline).filter((x): x is string => x !== null)),
        ].sort();
        out(
          `  任务 ${tasks.length} 项（表格 ${tasks.filter((t) => t.origin === 'table').length} 项），指标 ${targets.length} 个，责任单位 ${units.size} 个`,
        );
        if (deadlines.length) out(`  期限：${deadlines.map(formatDeadline).join('、')}`);
        if (units.size) out(`  责任单位：${[...units].join('、')}`);
        for (const t of targets) {
          const lead = t.lead.length ? `  牵头：${t.lead.join('、')}` : '';
          const when =
            t.deadline && t.comparator !== 'milestone' ? `  期限：${formatDeadline(t.deadline)}` : '';
          const every = t.perYear ? '（每年）' : '';
          const label = t.indicator || t.quote.slice(0, 30);
          out(`  - [${t.path.join('') || '前言'}] ${label}：${formatTargetValue(t)}${every}${when}${lead}`);
        }
      }
      return EXIT_OK;
    }),
  );

  subcommand(
    cat,
    'review <catalogue.json>',
    '生成目录审核表（目录审核.xlsx），供统筹部门确认、删除、修改或补充指标',
  )
    .requiredOption('-o, --output <目录审核.xlsx>', '输出的审核表')
    .action(
      action(async (file: string, opts: { output: string }) => {
        const c = await loadCatalogue(file);
        const bytes = await writeCatalogueReviewWorkbook(c);
        await writeOutputAtomic(opts.output, bytes, [file]);
        out(`已生成目录审核表 ${opts.output}：${c.targets.length} 个指标待审核，另留空行供补充遗漏的指标`);
        return c.targets.length ? EXIT_OK : EXIT_FAILED;
      }),
    );
}
