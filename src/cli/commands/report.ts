/**
 * `luoshi report a.xlsx [more.xlsx …] -o 报告.docx [--config report.json] [--templates DIR]
 *  [--catalogue catalogue.json] [--pdf] [--force]`: filled workbooks → 落实情况报告 (.docx, optional PDF).
 * `luoshi report --verify 报告.docx [--json]`: checks a report's layout against GB/T 9704.
 */
import type { Command } from 'commander';
import * as path from 'node:path';
import { subcommand } from '../program.js';
import { action, EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { expandInputs, writeOutputAtomic } from '../../host/files.js';
import { startProgress } from '../../host/progress.js';
import { docxToPdf, findSoffice, NO_LIBREOFFICE } from '../../host/pdf.js';
import {
  buildReport,
  describeProblem,
  loadOptionalCatalogue,
  loadReportConfig,
  loadWorkbooks,
} from '../../host/report.js';
import { LuoshiError } from '../../core/errors.js';
import { formatVerifyResult, verifyReport } from '../../host/verify-report.js';
import { readInput } from '../../host/files.js';
import { cliIo } from '../io.js';

interface ReportOptions {
  output?: string;
  verify?: boolean;
  json?: boolean;
  config?: string;
  templates?: string;
  catalogue?: string;
  pdf?: boolean;
  force?: boolean;
}

/** Show at most this many problems; the rest are counted. */
const MAX_SHOWN = 30;

export function registerReport(program: Command): void {
  subcommand(
    program,
    'report <填报表...>',
    '把填好的填报表生成公文格式（GB/T 9704-2012）的落实情况报告（.docx，可选 PDF）',
  )
    .option('-o, --output <文件>', '输出的 Word 文件，如 报告.docx')
    .option(
      '-c, --config <report.json>',
      '报告设置：发文机关、主送机关、署名、成文日期、版记、字体等（示例见 templates/report.json）',
    )
    .option(
      '-t, --templates <文件夹>',
      '报告模板文件夹（含 single.hbs 和 multi.hbs；默认用 templates/report）',
    )
    .option('--catalogue <catalogue.json>', '指标目录；给出时报告按原文件的标题分组并使用规范的指标名称')
    .option('--pdf', '同时用 LibreOffice 转换为 PDF（与 Word 文件同名）')
    .option('-f, --force', '填报表有错误时仍然生成报告（错误照常列出）')
    .option(
      '--verify',
      '检查已有报告（.docx）的版式是否符合 GB/T 9704-2012：用 LibreOffice 排版后逐页量行数、字数、版心、页码、署名页、版记，并核对文字是否完整',
    )
    .option('--json', '与 --verify 同用：以 JSON 输出检查结果')
    .addHelpText(
      'after',
      '\n说明：\n  一个填报表生成单位报告，多个填报表生成汇总报告（含对比表、排名、滞后指标和完成率图表）。\n  填报表有错误时默认不生成报告，并逐条列出文件、工作表和单元格；加 --force 可继续。\n',
    )
    .action(
      action(async (inputs: string[], opts: ReportOptions) => {
        if (opts.verify) return verifyFiles(inputs, opts.json === true);
        const out = opts.output;
        if (!out) throw new LuoshiError('no-output', '请用 -o 指定输出的 Word 文件，如 -o 报告.docx');
        if (!/\.docx$/i.test(out)) throw new LuoshiError('bad-output', `输出文件应以 .docx 结尾：${out}`);
        const files = await expandInputs(inputs, ['.xlsx']);
        if (files.length === 0) throw new LuoshiError('no-input', '没有找到 .xlsx 填报表');
        if (opts.pdf && !findSoffice()) cliIo().stderr(`提示：${NO_LIBREOFFICE}\n`);

        const config = await loadReportConfig(opts.config);
        const catalogue = await loadOptionalCatalogue(opts.catalogue);
        const bar = startProgress(files.length, '读取填报表');
        const loaded = await loadWorkbooks(files, catalogue, (f) => bar.tick(path.basename(f)));
        bar.stop();

        for (const w of loaded.warnings.slice(0, MAX_SHOWN)) cliIo().stderr(`提醒：${describeProblem(w)}\n`);
        if (loaded.warnings.length > MAX_SHOWN)
          cliIo().stderr(`……另有 ${loaded.warnings.length - MAX_SHOWN} 条提醒\n`);
        if (loaded.errors.length) {
          for (const e of loaded.errors.slice(0, MAX_SHOWN)) cliIo().stderr(`错误：${describeProblem(e)}\n`);
          if (loaded.errors.length > MAX_SHOWN)
            cliIo().stderr(`……另有 ${loaded.errors.length - MAX_SHOWN} 条错误\n`);
          const nFiles = new Set(loaded.errors.map((e) => e.file)).size;
          if (!opts.force) {
            cliIo().stderr(
              `${nFiles} 个填报表共有 ${loaded.errors.length} 处错误，未生成报告。请改正后重试，或加 --force 忽略错误继续生成。\n`,
            );
            return EXIT_PROBLEMS;
          }
          cliIo().stderr(
            `已按 --force 忽略 ${loaded.errors.length} 处错误继续生成报告（无法读取的文件不计入报告）。\n`,
          );
        }
        if (loaded.submissions.length === 0)
          throw new LuoshiError('no-input', '没有可读取的填报表，无法生成报告');

        // With LibreOffice at hand the report is laid out once to put the 版记 on an even page.
        const {
          model,
          docx,
          pdf: laidOut,
        } = await buildReport(loaded.submissions, {
          config,
          catalogue,
          templatesDir: opts.templates,
          fitLayout: findSoffice() !== null,
        });
        const protectedFiles = [
          ...files,
          ...(opts.config ? [opts.config] : []),
          ...(opts.catalogue ? [opts.catalogue] : []),
        ];
        await writeOutputAtomic(out, docx, protectedFiles);
        cliIo().stdout(
          `已生成报告 ${out}（${model.kind === 'multi' ? `${model.offices.length} 个单位汇总` : (model.offices[0]?.office ?? '')}，${model.targets.length} 项指标）\n`,
        );

        if (opts.pdf) {
          const pdfFile = out.replace(/\.docx$/i, '.pdf');
          if (!findSoffice()) {
            cliIo().stderr(`错误：${NO_LIBREOFFICE}\n`);
            return EXIT_FAILED;
          }
          const pdf = laidOut ?? (await docxToPdf(docx));
          await writeOutputAtomic(pdfFile, pdf, protectedFiles);
          cliIo().stdout(`已生成 PDF ${pdfFile}\n`);
        }
        return EXIT_OK;
      }),
    );
}

/** `--verify`: check each report; exit 1 when any does not conform. */
async function verifyFiles(inputs: string[], json: boolean): Promise<number> {
  const files = await expandInputs(inputs, ['.docx']);
  if (files.length === 0) throw new LuoshiError('no-input', '没有找到要检查的 .docx 报告');
  if (!findSoffice()) throw new LuoshiError('no-libreoffice', `${NO_LIBREOFFICE}；检查排版需要 LibreOffice`);
  let ok = true;
  const results = [];
  for (const file of files) {
    const r = await verifyReport(await readInput(file), { file: path.basename(file) });
    ok &&= r.ok;
    if (json) results.push({ file, ...r });
    else cliIo().stdout(formatVerifyResult(r, file));
  }
  if (json) cliIo().stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 1)}\n`);
  return ok ? EXIT_OK : EXIT_PROBLEMS;
}
