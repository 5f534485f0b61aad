/**
 * `luoshi workbook`: entry workbooks for reporting offices (one, a roster batch, or an upgrade of a
 * filled workbook to a new catalogue). A thin host over src/core/workbook and src/xlsx.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { subcommand } from '../program.js';
import { action, EXIT_FAILED, EXIT_OK, EXIT_PROBLEMS } from '../run.js';
import { ensureOutputFolder, readInput, writeOutputAtomic } from '../../host/files.js';
import { deriveFileNames, safeFileName } from '../../host/file-names.js';
import { startProgress } from '../../host/progress.js';
import {
  poolSize,
  writeWorkbooksInPool,
  type WorkbookJob,
  type WorkbookOutcome,
} from '../../host/workbook-pool.js';
import { LuoshiError, isLuoshiError } from '../../core/errors.js';
import { decodeText } from '../../core/text/decode.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import { parseRoster, type Roster, type RosterOffice } from '../../core/roster.js';
import { planWorkbook, type PlanOptions } from '../../core/workbook/plan.js';
import { selectForOffice } from '../../core/workbook/build-plan.js';
import { sampleEntries, sampleTaskEntries } from '../../core/workbook/sample.js';
import { upgradeWorkbook } from '../../core/workbook/upgrade.js';
import { readSubmission } from '../../core/workbook/read.js';
import { writeWorkbookBytes } from '../../host/write-workbook-node.js';
import { readWorkbookGrid } from '../../xlsx/read-grid.js';
import { loadCatalogue } from '../../host/catalogue-file.js';
import { cliIo } from '../io.js';
import { readAllocationFile } from '../../host/allocation-file.js';
import {
  applyAllocation,
  recordedAllocation,
  sharesOf,
  type Allocation,
} from '../../core/allocation/index.js';
import { refuseUnreadable } from '../../core/workbook/unreadable.js';

function out(s: string): void {
  cliIo().stdout(`${s}\n`);
}

function err(s: string): void {
  cliIo().stderr(`${s}\n`);
}

/** Options shared by single and batch generation. */
export interface GenerateOptions {
  period: string;
  deadline?: string | null;
  password?: string | null;
  protect?: boolean;
  /** Fill with deterministic 示例数据 (demo); the value is the seed. */
  sample?: string | null;
  generatedAt?: string;
  /** The allocation (分解下达): each office's workbook carries its own share (src/core/allocation). */
  allocation?: Allocation | null;
}

function planOptions(
  office: RosterOffice | { office: string },
  o: GenerateOptions,
  catalogue: Catalogue,
): PlanOptions {
  const r = office as Partial<RosterOffice>;
  const filter = { documents: r.documents ?? [], units: r.units ?? [] };
  const opts: PlanOptions = {
    office: office.office,
    period: o.period,
    deadline: o.deadline ?? null,
    contact: r.contact ?? null,
    phone: r.phone ?? null,
    documents: filter.documents,
    units: filter.units,
    protect: o.protect !== false,
    protectPassword: o.password ?? null,
    generatedAt: o.generatedAt ?? new Date().toISOString(),
    ...(o.allocation ? { allocation: o.allocation } : {}),
  };
  if (o.sample) {
    // Sample figures are drawn around the office's own target, as an office would report them.
    const own = applyAllocation(catalogue, o.allocation, office.office);
    opts.entries = sampleEntries(own, office.office, o.period, o.sample, filter);
    opts.taskEntries = sampleTaskEntries(own, office.office, o.period, o.sample, filter);
  }
  return opts;
}

/** Generate one office's workbook bytes. */
export async function generateWorkbook(
  catalogue: Catalogue,
  office: RosterOffice | { office: string },
  o: GenerateOptions,
): Promise<Uint8Array> {
  return writeWorkbookBytes(planWorkbook(catalogue, planOptions(office, o, catalogue)));
}

export { safeFileName };

export async function readRosterFile(file: string): Promise<Roster> {
  const bytes = await readInput(file, 5 * 1024 * 1024);
  return parseRoster(decodeText(bytes, path.basename(file)).text, path.basename(file));
}

export interface BatchResult {
  written: string[];
  failed: { office: string; message: string }[];
  /** Offices whose file name differs from the office name (characters not allowed, or a collision). */
  renamed: { name: string; file: string }[];
}

/** Why an office gets no workbook before any is written: its 文件/责任单位 filter selects nothing. */
function emptySelection(catalogue: Catalogue, office: RosterOffice): string | null {
  if (!office.documents.length && !office.units.length) return null;
  const { targets, tasks } = selectForOffice(catalogue, office);
  if (targets.length || tasks.length) return null;
  const filter = [
    office.documents.length ? `文件“${office.documents.join('、')}”` : '',
    office.units.length ? `责任单位“${office.units.join('、')}”` : '',
  ].filter(Boolean);
  return `名单第 ${office.line} 行按${filter.join('、')}筛选后没有任何指标或任务，未生成填报表（请检查名单中的文件和责任单位）`;
}

/**
 * One workbook per roster office into `outDir`; one failing office never stops the rest.
 * Large rosters are written across CPU cores (src/host/workbook-pool.ts); `workers` overrides the choice.
 */
export async function generateRosterWorkbooks(
  catalogue: Catalogue,
  roster: Roster,
  outDir: string,
  o: GenerateOptions,
  inputs: string[] = [],
  workers?: number,
): Promise<BatchResult> {
  const { files, renamed } = deriveFileNames(
    roster.offices.map((office) => office.office),
    outDir,
    '.xlsx',
  );
  const result: BatchResult = { written: [], failed: [], renamed };
  await ensureOutputFolder(outDir);
  const generatedAt = o.generatedAt ?? new Date().toISOString();
  const outcomes = Array.from<WorkbookOutcome | undefined>({ length: roster.offices.length });
  const jobs: (WorkbookJob & { index: number })[] = [];
  roster.offices.forEach((office, index) => {
    const empty = emptySelection(catalogue, office);
    if (empty) outcomes[index] = { ok: false, message: empty };
    else
      jobs.push({
        index,
        options: planOptions(office, { ...o, generatedAt }, catalogue),
        file: files[index],
      });
  });
  const bar = startProgress(jobs.length, '生成填报表');
  try {
    const n = workers ?? poolSize(jobs.length);
    if (n >= 2) {
      await writeWorkbooksInPool(catalogue, jobs, inputs, n, (i, outcome) => {
        outcomes[jobs[i].index] = outcome;
        bar.tick(jobs[i].options.office);
      });
    } else {
      for (const job of jobs) {
        try {
          await writeOutputAtomic(
            job.file,
            await writeWorkbookBytes(planWorkbook(catalogue, job.options)),
            inputs,
          );
          outcomes[job.index] = { ok: true };
        } catch (e) {
          outcomes[job.index] = {
            ok: false,
            message: isLuoshiError(e) ? e.message : `内部错误：${(e as Error).message}`,
          };
        }
        bar.tick(job.options.office);
      }
    }
  } finally {
    bar.stop();
  }
  outcomes.forEach((outcome, i) => {
    if (outcome?.ok) result.written.push(files[i]);
    else result.failed.push({ office: roster.offices[i].office, message: outcome?.message ?? '未完成' });
  });
  return result;
}

/**
 * The demo step (for `luoshi demo`): one workbook per office of `rosterFile`, filled with 示例数据, each
 * read back and checked. Returns Chinese lines to print; files go to `outDir`.
 */
export async function demoWorkbooks(
  catalogue: Catalogue,
  rosterFile: string,
  outDir: string,
  period = '2025年度',
): Promise<{ files: string[]; lines: string[] }> {
  const roster = await readRosterFile(rosterFile);
  const res = await generateRosterWorkbooks(catalogue, roster, outDir, { period, sample: '1' }, [rosterFile]);
  const lines = [`已生成 ${res.written.length} 个填报表（已填入示例数据），位于 ${outDir}`];
  for (const f of res.failed) lines.push(`错误：${f.office}：${f.message}`);
  for (const file of res.written) {
    const sub = readSubmission(await readWorkbookGrid(await readInput(file), path.basename(file)), {
      source: path.basename(file),
      catalogue,
    });
    const errors = sub.problems.filter((p) => p.severity === 'error').length;
    const warnings = sub.problems.length - errors;
    lines.push(
      `  检查 ${path.basename(file)}：指标 ${sub.entries.length} 项，错误 ${errors} 个，警告 ${warnings} 个`,
    );
  }
  return { files: res.written, lines };
}

interface WorkbookCliOptions {
  office?: string;
  documents?: string;
  units?: string;
  period?: string;
  output?: string;
  roster?: string;
  outDir?: string;
  deadline?: string;
  password?: string;
  protect: boolean;
  upgrade?: string;
  catalogue?: string;
  sample?: string | boolean;
  allocation?: string;
}

async function runUpgrade(catalogueArg: string | undefined, o: WorkbookCliOptions): Promise<number> {
  const catFile = o.catalogue ?? catalogueArg;
  if (!catFile) throw new LuoshiError('missing-catalogue', '升级需要新版指标目录：--catalogue 新目录.json');
  if (!o.output) throw new LuoshiError('missing-output', '请用 -o 指定升级后的填报表文件名');
  const oldFile = o.upgrade!;
  const catalogue = await loadCatalogue(catFile);
  const grid = await readWorkbookGrid(await readInput(oldFile), path.basename(oldFile));
  const up = upgradeWorkbook(grid, path.basename(oldFile), catalogue, o.period ? { period: o.period } : {});
  refuseUnreadable([up.old], oldFile);
  if (!up.office)
    throw new LuoshiError('no-office', `${path.basename(oldFile)} 中找不到填报单位，无法升级`, {
      file: oldFile,
    });
  // The office's shares: a new 分解表 when given, else those the old workbook recorded.
  const allocation = o.allocation
    ? await readAllocationFile(o.allocation, catalogue)
    : recordedAllocation({ ...up.old, office: up.office });
  const plan = planWorkbook(catalogue, {
    office: up.office,
    period: up.period,
    allocation,
    deadline: o.deadline ?? up.deadline,
    contact: up.contact,
    phone: up.phone,
    ...(up.filler ? { filler: up.filler } : {}),
    documents: up.documents,
    units: up.units,
    protect: o.protect,
    protectPassword: o.password ?? null,
    generatedAt: new Date().toISOString(),
    entries: up.entries,
    taskEntries: up.taskEntries,
    removed: up.removed,
    changeNotes: up.changeNotes,
  });
  await writeOutputAtomic(o.output, await writeWorkbookBytes(plan), [
    oldFile,
    catFile,
    ...(o.allocation ? [o.allocation] : []),
  ]);
  out(`已写入 ${o.output}：${up.office} ${up.period}，保留 ${up.kept} 项指标的填报内容`);
  if (up.matched.length) {
    out(`编号已变化、按原文相似度对应到新指标的 ${up.matched.length} 项：`);
    for (const m of up.matched) out(`  ${m.oldId} → ${m.newId}（相似度 ${Math.round(m.similarity * 100)}%）`);
  }
  if (up.changed.length) {
    out(`内容有变化、需要核对的指标 ${up.changed.length} 项（见“变更提示”列）：`);
    for (const c of up.changed) out(`  ${c.targetId}：${c.note}`);
  }
  if (up.removed.length) {
    out(`已移除的指标或任务 ${up.removed.length} 项，连同原填报内容保留在“已移除指标”表中：`);
    for (const r of up.removed) out(`  ${r.row.targetId}：${r.reason}`);
  }
  if (up.preservedInvalid.length) {
    out(`原表中 ${up.preservedInvalid.length} 处无法识别的填写已原样保留在“进展情况”中，请改正：`);
    for (const p of up.preservedInvalid) out(`  ${p.targetId} ${p.field}：${p.raw}`);
  }
  return EXIT_OK;
}

export function registerWorkbook(program: Command): void {
  subcommand(
    program,
    'workbook [catalogue.json]',
    '生成填报表：每个填报单位一个 Excel 文件（也可升级已填的表）',
  )
    .option('--office <单位>', '填报单位，如 长春市')
    .option('--period <期间>', '填报期间，如 2025年度、2025年上半年、2025年1-9月')
    .option('-o, --output <文件.xlsx>', '输出文件（单个单位或升级时）')
    .option('--roster <名单.csv>', '按填报单位名单批量生成（CSV，UTF-8 或 GBK，第一列为“单位”）')
    .option('--out-dir <文件夹>', '批量生成时的输出文件夹')
    .option('--documents <文件列表>', '只列这些文件的指标和任务（文号、标题或编号，用“、”分隔；默认全部）')
    .option('--units <单位列表>', '只列这些责任单位牵头或参与的指标和任务（用“、”分隔；默认全部）')
    .option('--deadline <日期>', '报送截止日期，写入填报说明，如 2026-01-15')
    .option('--password <密码>', '工作表保护密码（默认不设密码）')
    .option('--no-protect', '不保护工作表')
    .option('--upgrade <已填的表.xlsx>', '把已填的表转到新版目录（保留全部已填内容）')
    .option('--catalogue <新目录.json>', '升级时使用的新版指标目录')
    .option(
      '--allocation <分解表.xlsx>',
      '按分解表把各单位的分解目标写入其填报表（分解表用 luoshi allocation template 生成）',
    )
    .option('--sample [种子]', '填入示例数据（演示用，所有文字标明“示例数据”）')
    .addHelpText(
      'after',
      `
示例：
  luoshi workbook catalogue.json --office 长春市 --period 2025年度 -o 长春市.xlsx
  luoshi workbook catalogue.json --roster templates/roster-吉林省.csv --period 2025年度 --out-dir 填报表/
  luoshi workbook catalogue.json --roster templates/roster-吉林省.csv --period 2025年度 --allocation 分解表.xlsx --out-dir 填报表/
  luoshi workbook --upgrade 长春市.xlsx --catalogue 新目录.json -o 长春市-新.xlsx`,
    )
    .action(
      action(async (catalogueArg: string | undefined, o: WorkbookCliOptions) => {
        if (o.upgrade) return runUpgrade(catalogueArg, o);
        if (!catalogueArg)
          throw new LuoshiError('missing-catalogue', '缺少参数：指标目录文件 catalogue.json');
        if (!o.period) throw new LuoshiError('missing-period', '缺少选项 --period（填报期间，如 2025年度）');
        const sample = o.sample === true ? '1' : typeof o.sample === 'string' ? o.sample : null;
        const gen: GenerateOptions = {
          period: o.period,
          deadline: o.deadline ?? null,
          password: o.password ?? null,
          protect: o.protect,
          sample,
        };
        const catalogue = await loadCatalogue(catalogueArg);
        if (o.roster) {
          if (!o.outDir) throw new LuoshiError('missing-out-dir', '批量生成时请用 --out-dir 指定输出文件夹');
          const roster = await readRosterFile(o.roster);
          for (const p of roster.problems) err(`警告：${p.message}`);
          if (o.allocation) gen.allocation = await readAllocationFile(o.allocation, catalogue, roster);
          const inputs = [o.roster, catalogueArg, ...(o.allocation ? [o.allocation] : [])];
          const res = await generateRosterWorkbooks(catalogue, roster, o.outDir, gen, inputs);
          for (const r of res.renamed)
            out(`  ${r.name} → ${path.basename(r.file)}（单位名称不能直接作文件名）`);
          for (const f of res.failed) err(`错误：${f.office}：${f.message}`);
          out(
            `共 ${roster.offices.length} 个单位：已生成 ${res.written.length} 个填报表，失败 ${res.failed.length} 个，位于 ${o.outDir}`,
          );
          if (res.written.length === 0) return EXIT_FAILED;
          return res.failed.length ? EXIT_PROBLEMS : EXIT_OK;
        }
        if (!o.office)
          throw new LuoshiError('missing-office', '请用 --office 指定填报单位，或用 --roster 按名单批量生成');
        const output = o.output ?? `${safeFileName(o.office)}.xlsx`;
        const list = (v?: string) =>
          (v ?? '')
            .split(/[、;；,，|]+/)
            .map((x) => x.trim())
            .filter(Boolean);
        const office: RosterOffice = {
          office: o.office,
          level: null,
          contact: null,
          phone: null,
          documents: list(o.documents),
          units: list(o.units),
          line: 0,
        };
        if (o.allocation) {
          gen.allocation = await readAllocationFile(o.allocation, catalogue);
          if (sharesOf(gen.allocation, o.office).size === 0)
            err(`提示：分解表 ${path.basename(o.allocation)} 中没有分解给${o.office}的目标，按总目标生成`);
        }
        const plan = planWorkbook(catalogue, planOptions(office, gen, catalogue));
        if (plan.layout.targetRows === 0 && plan.layout.taskRows === 0) {
          throw new LuoshiError(
            'nothing-selected',
            `按 --documents / --units 的条件，${o.office} 没有要填报的指标或任务，请检查条件`,
          );
        }
        const bytes = await writeWorkbookBytes(plan);
        await writeOutputAtomic(output, bytes, [catalogueArg, ...(o.allocation ? [o.allocation] : [])]);
        out(`已写入 ${output}`);
        return EXIT_OK;
      }),
    );
}
