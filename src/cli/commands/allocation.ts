/**
 * `luoshi allocation template`: the allocation workbook (分解表.xlsx) for the coordinating office to type each
 * office's own target into; and the shared reading of a filled one for `workbook --allocation`.
 * A thin host over src/core/allocation and src/xlsx/allocation-workbook.ts.
 */
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Command } from 'commander';
import { subcommand } from '../program.js';
import { action, EXIT_OK } from '../run.js';
import { writeOutputAtomic } from '../../host/files.js';
import { loadCatalogue } from '../../host/catalogue-file.js';
import { LuoshiError } from '../../core/errors.js';
import { allocationOffices } from '../../host/allocation-file.js';
import { writeAllocationTemplate } from '../../xlsx/allocation-workbook.js';
import { readRosterFile } from './workbook.js';
import { cliIo } from '../io.js';

function out(s: string): void {
  cliIo().stdout(`${s}\n`);
}

interface TemplateCliOptions {
  roster?: string;
  output: string;
}

async function runTemplate(catalogueFile: string, o: TemplateCliOptions): Promise<number> {
  if (!o.roster)
    throw new LuoshiError('missing-roster', '请用 --roster 名单.csv 指定填报单位名单（分解表每个单位一列）');
  const catalogue = await loadCatalogue(catalogueFile);
  const roster = await readRosterFile(o.roster);
  for (const p of roster.problems) cliIo().stderr(`警告：${p.message}\n`);
  if (roster.offices.length === 0)
    throw new LuoshiError('empty-roster', `名单 ${path.basename(o.roster)} 中没有填报单位`, {
      file: o.roster,
    });
  const bytes = await writeAllocationTemplate(catalogue, allocationOffices(roster), {
    generatedAt: new Date().toISOString(),
    deflateRaw: (data, level) => deflateRawSync(data, { level }),
  });
  await writeOutputAtomic(o.output, bytes, [catalogueFile, o.roster]);
  out(
    `已写入 ${o.output}：${catalogue.targets.length} 个指标 × ${roster.offices.length} 个单位。在浅黄色单元格中填写各单位的分解目标，再用 luoshi workbook --allocation ${path.basename(o.output)} 生成填报表`,
  );
  return EXIT_OK;
}

export function registerAllocation(program: Command): void {
  const cmd = subcommand(program, 'allocation', '分解下达：生成分解表，供统筹单位把指标目标分解到各填报单位');
  subcommand(cmd, 'template <catalogue.json>', '生成分解表（分解表.xlsx）：每个指标一行，名单中每个单位一列')
    .option('--roster <名单.csv>', '填报单位名单（CSV，第一列为“单位”）')
    .option('-o, --output <文件.xlsx>', '输出文件', '分解表.xlsx')
    .addHelpText(
      'after',
      `
示例：
  luoshi allocation template catalogue.json --roster templates/roster-吉林省.csv -o 分解表.xlsx
  luoshi workbook catalogue.json --roster templates/roster-吉林省.csv --period 2025年度 --allocation 分解表.xlsx --out-dir 填报表/`,
    )
    .action(action(async (file: string, o: TemplateCliOptions) => runTemplate(file, o)));
}
