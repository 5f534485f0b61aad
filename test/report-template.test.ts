/**
 * Strict report templates and report injection: text typed into a workbook is printed, never obeyed;
 * a template mistake is an error naming file and line, in any branch, with a non-zero exit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { Submission } from '../src/core/model/submission.js';
import { isLuoshiError } from '../src/core/errors.js';
import { parseReportConfig } from '../src/core/report/config.js';
import { buildReportModel } from '../src/core/report/model.js';
import { renderReportBlocks } from '../src/core/report/template.js';
import { assembleReport } from '../src/docx/assemble.js';
import { seedCatalogue } from './helpers/seeds.js';
import { filledWorkbook, readBack } from './helpers/report-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INJECTED = '已完成建设任务\n# 伪造的标题\n::pagebreak\n::table 单位排名表\n{{发文机关}}';

let dir: string;
let catalogue: Catalogue;
let sub: Submission;
let targetId: string;
const config = parseReportConfig(JSON.stringify({ 发文机关: '长春市人民政府', 主送机关: '省人民政府' }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-tpl-'));
  catalogue = seedCatalogue();
  targetId = catalogue.targets[0].id;
  const file = path.join(dir, '长春市.xlsx');
  writeFileSync(
    file,
    await filledWorkbook(catalogue, '长春市', 1, (entries) =>
      entries.map((e) => (e.targetId === targetId ? { ...e, progress: INJECTED } : e)),
    ),
  );
  sub = await readBack(file, catalogue);
}, 120_000);

const model = () => buildReportModel([sub], { config, catalogue });

function failure(text: string): string {
  try {
    renderReportBlocks(model(), { name: 'custom.hbs', text });
  } catch (e) {
    expect(isLuoshiError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('template did not fail');
}

describe('text from workbooks is data', () => {
  it('a 进展情况 cell with "# 标题" and "::pagebreak" lines stays one paragraph of text', async () => {
    // The workbook really holds the markup (read back from the .xlsx).
    expect(sub.entries.find((e) => e.targetId === targetId)?.progress).toContain('# 伪造的标题');
    const tpl = {
      name: 'injection.hbs',
      text: '::title {{标题}}\n\n# 主要进展\n\n{{#each 主要进展}}{{#each 分组}}{{#each 指标}}\n{{进展情况}}\n\n{{/each}}{{/each}}{{/each}}',
    };
    const blocks = renderReportBlocks(model(), tpl);
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([
      { kind: 'heading', level: 1, text: '主要进展' },
    ]);
    expect(blocks.some((b) => b.kind === 'pagebreak' || b.kind === 'table')).toBe(false);
    const para = blocks.find((b) => b.kind === 'paragraph' && b.text.includes('伪造的标题'));
    expect(para).toBeDefined();
    expect((para as { text: string }).text).toContain('::pagebreak');
    expect((para as { text: string }).text).toContain('{{发文机关}}');

    const { docx } = await assembleReport(model(), tpl, null);
    const xml = strFromU8(unzipSync(docx)['word/document.xml']);
    expect(xml).toContain('# 伪造的标题');
    expect(xml).not.toMatch(/[\uE000\uE001]/);
  });
});

describe('strict templates', () => {
  it('names file and line of an unknown field, also in a branch the data does not take', () => {
    expect(failure('::title {{标题}}\n\n{{#if 多单位}}\n{{不存在的字段}}\n{{/if}}\n')).toMatch(
      /custom\.hbs 第 4 行.*不存在的字段/,
    );
  });

  it('refuses an unknown list, block or helper', () => {
    expect(failure('a\n{{#each 不存在的列表}}\nx\n{{/each}}\n')).toMatch(/custom\.hbs 第 2 行.*不存在的列表/);
    expect(failure('a\n\n{{#每个 主要进展}}x{{/每个}}\n')).toMatch(/custom\.hbs 第 3 行.*每个/);
    expect(failure('{{大写 标题}}\n')).toMatch(/custom\.hbs 第 1 行.*大写/);
    expect(failure('{{#each 主要进展}}{{不存在}}{{/each}}\n')).toMatch(/第 1 行.*不存在/);
  });

  it('refuses unknown directives, malformed headings and full-width directives', () => {
    expect(failure('::title x\n\n::attachment_list\n')).toMatch(/custom\.hbs 第 3 行.*attachment_list/);
    expect(failure('::title x\n\n#总体进展\n')).toMatch(/custom\.hbs 第 3 行.*空格/);
    expect(failure('::title x\n\n：：signature 某单位\n')).toMatch(/custom\.hbs 第 3 行.*半角冒号/);
  });

  it('exits non-zero from the CLI naming the template file', () => {
    const tdir = path.join(dir, 'tpl');
    mkdirSync(tdir, { recursive: true });
    writeFileSync(path.join(tdir, 'single.hbs'), '::title {{标题}}\n\n::attachment_list\n');
    writeFileSync(path.join(tdir, 'multi.hbs'), '::title {{标题}}\n');
    const wb = path.join(dir, '长春市.xlsx');
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'luoshi.mjs'),
        'report',
        wb,
        '-o',
        path.join(dir, 'x.docx'),
        '--templates',
        tdir,
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/single\.hbs 第 3 行.*attachment_list/);
  }, 60_000);
});
