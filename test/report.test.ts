/**
 * Reports from real filled workbooks of the seeds: generate → fill → read → report, checked with the
 * project's own GB/T 9704 verifier (luoshi report --verify), with the shared gongwen-check --render as
 * well when ../shared is beside the clone, and rendered to PNG in test-artifacts/report.
 */
import { expectedCounts } from './helpers/judge.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { Submission } from '../src/core/model/submission.js';
import { isLuoshiError } from '../src/core/errors.js';
import { GONGWEN_CHECK } from './helpers/shared.js';
import { configFor, parseReportConfig, type ReportConfig } from '../src/core/report/config.js';
import { buildReportModel } from '../src/core/report/model.js';
import { renderReportBlocks } from '../src/core/report/template.js';
import { buildChartSvg, chartSize } from '../src/core/report/chart.js';
import { makeChartPng, findCjkFont } from '../src/host/chart-png.js';
import { docxToPdf } from '../src/host/pdf.js';
import { renderFontEnv } from '../src/host/render-fonts.js';
import { buildReport, DEFAULT_TEMPLATES_DIR, loadTemplate } from '../src/host/report.js';
import { layOut, verifyReport } from '../src/host/verify-report.js';
import { assembleReport } from '../src/docx/assemble.js';
import { verifyDocx } from '../src/core/report/verify-docx.js';
import { docxPartsOf } from '../src/host/verify-report.js';
import { seedCatalogue } from './helpers/seeds.js';
import { filledWorkbook, readBack } from './helpers/report-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// '' when ../shared is not beside the clone: every use checks existsSync(CHECKER) first.
const CHECKER = GONGWEN_CHECK ?? '';
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'report');
const OFFICES = ['长春市', '吉林市', '四平市', '通化市'];

let dir: string;
let catalogue: Catalogue;
let files: string[];
let subs: Submission[];
let fontEnv: Record<string, string>;

const CONFIG_JSON = {
  发文机关: '长春市人民政府',
  主送机关: '省人民政府',
  成文日期: '2025-10-09',
  版记: {
    抄送: ['省发展改革委', '省卫生健康委'],
    印发机关: '长春市人民政府办公室',
    印发日期: '2025年10月9日',
  },
};

function config(extra: Record<string, unknown> = {}): ReportConfig {
  return parseReportConfig(JSON.stringify({ ...CONFIG_JSON, ...extra }));
}

/** Text of word/document.xml (docx is a zip; unzip is on every CI image we use). */
function documentXml(docx: string): string {
  const r = spawnSync('unzip', ['-p', docx, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.stdout;
}

/** The footer part a relationship id of word/document.xml points at. */
function footerXml(docx: string, id: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(docx)));
  const rels = strFromU8(parts['word/_rels/document.xml.rels']);
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  const name = target?.[1] ?? target?.[2];
  return name ? strFromU8(parts[`word/${name.replace(/^\/?word\//, '')}`]) : '';
}

function paragraphsText(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

interface CheckResult {
  ok: boolean;
  checks: { id: string; ok: boolean; detail: string }[];
}

/** Run the shared checker with rendering; `aliases` false renders with the machine's own font fallbacks. */
function gongwenCheck(docx: string, aliases = true): CheckResult {
  const r = spawnSync('python3', [CHECKER, docx, '--render', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ...(aliases ? fontEnv : {}) },
    timeout: 400_000,
  });
  if (!r.stdout) throw new Error(`gongwen-check gave no output: ${r.stderr}`);
  return JSON.parse(r.stdout) as CheckResult;
}

async function renderPages(docx: Uint8Array, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = path.join(dir, `${name}.pdf`);
  writeFileSync(pdf, await docxToPdf(docx));
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-`)) rmSync(path.join(ARTIFACTS, f));
  const r = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(ARTIFACTS, name)]);
  expect(r.status).toBe(0);
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** The project's verifier (always) and gongwen-check (when ../shared is present) find nothing wrong. */
async function expectConforms(file: string, aliases = true): Promise<void> {
  const r = await verifyReport(new Uint8Array(readFileSync(file)), { file: path.basename(file) });
  expect(r.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.problems.join('；')}`)).toEqual([]);
  expect(r.checks.map((c) => c.id)).toEqual(
    expect.arrayContaining(['render.lines', 'render.chars', 'render.signature-page', 'render.text-kept']),
  );
  if (!existsSync(CHECKER)) return;
  const res = gongwenCheck(file, aliases);
  expectAllPass(res, standardExemptions(file, res));
}

/**
 * gongwen-check wants a number on every page, but GB/T 9704 7.5 says a blank page before the 版记 page and that
 * 版记 page carry none ("空白页和版记页均不编排页码"). When the report ends that way (its last two sections have
 * no PAGE field and the first of them holds no text), exactly those two pages may be reported unnumbered.
 */
function standardExemptions(file: string, res: CheckResult): string[] {
  const xml = documentXml(file);
  const sections = xml.split(/<w:sectPr[ >]/).slice(0, -1);
  const pages = /^(\d+) pages/.exec(res.checks.find((c) => c.id === 'render.lines')?.detail ?? '');
  if (sections.length < 3 || !pages) return [];
  const blankSection = sections[sections.length - 2].split('</w:sectPr>').pop() ?? '';
  const footerIds = [...xml.matchAll(/<w:footerReference [^>]*r:id="(rId\d+)"/g)].map((m) => m[1]);
  const lastFooters = footerIds.slice(-4).map((id) => footerXml(file, id));
  if (/<w:t[ >]/.test(blankSection) || lastFooters.some((f) => /PAGE/.test(f))) return [];
  const n = Number(pages[1]);
  return ['page-numbers', `render.page-numbers: p${n - 1}: no '— N —'; p${n}: no '— N —'`];
}

function expectAllPass(res: CheckResult, exempt: string[] = []): void {
  const failed = res.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.id}: ${c.detail}`)
    .filter((f) => !exempt.some((e) => f === e || (e === 'page-numbers' && f.startsWith('page-numbers: '))));
  expect(failed).toEqual([]);
  // The render checks must have run (they need soffice and pdftotext).
  expect(res.checks.map((c) => c.id)).toEqual(
    expect.arrayContaining(['render.lines', 'render.chars', 'render.top', 'render.page-numbers']),
  );
  expect(res.ok || exempt.length > 0).toBe(true);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-report-'));
  catalogue = seedCatalogue();
  fontEnv = await renderFontEnv(dir);
  files = [];
  for (const [i, office] of OFFICES.entries()) {
    const file = path.join(dir, `${office}.xlsx`);
    writeFileSync(file, await filledWorkbook(catalogue, office, i + 1));
    files.push(file);
  }
  subs = [];
  for (const f of files) subs.push(await readBack(f, catalogue));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('single-office report', () => {
  it('states counts from the data, follows the catalogue headings and passes gongwen-check --render', async () => {
    const sub = subs[0];
    const { docx, model } = await buildReport([sub], { config: config(), catalogue, fitLayout: true });
    const file = path.join(dir, 'single.docx');
    writeFileSync(file, docx);

    const texts = paragraphsText(documentXml(file));
    const all = texts.join('\n');
    // Counts computed here straight from the submission, not from the model.
    const n = sub.rows.length;
    const want = expectedCounts(sub.rows, sub.entries, 0.75);
    expect(all).toContain(`我市承担的${n}项量化指标中，已完成${want.已完成}项`);
    expect(all).toContain(`未达到序时进度${want.未达到序时进度}项`);
    expect(all).toContain('序时进度75.0%');
    // The office speaks as itself, not by its full name.
    expect(all).toContain('我市对照目标任务');
    expect(texts.some((t) => t.endsWith('现将有关情况报告如下：'))).toBe(true);
    expect(texts).toEqual(
      expect.arrayContaining([
        '一、总体进展',
        '二、主要进展',
        '三、存在的问题',
        '四、下一步工作',
        '附件',
        '指标完成情况表',
        '2025年10月9日',
      ]),
    );
    // The body judges instead of listing: no sentence frame repeats more than 5 times, no internal label.
    const body = texts.slice(0, texts.indexOf('特此报告。'));
    expect(body.filter((t) => t.includes('截至目前完成')).length).toBeLessThanOrEqual(5);
    expect(body.join('')).not.toMatch(/原文件.*部分/);
    // 主要进展 by field: 3–6 second-level headings at most, one per field.
    const fields = body.filter((t) => /^（[一二三四五六]）/.test(t));
    expect(fields.length).toBeGreaterThanOrEqual(1);
    expect(fields.length).toBeLessThanOrEqual(6);
    // 存在的问题 numbered 一是…, laggards counted from the figures.
    expect(all).toContain(`一是部分指标进度滞后。${want.未达到序时进度 + want.未启动}项指标未达到序时进度`);
    // Every target is in the attachment table: the table's first column numbers them 1..n.
    expect(model.tables['指标完成情况表'].rows.length).toBe(n);
    expect(all).toContain('抄送：省发展改革委，省卫生健康委。');
    expect(all).toContain('2025年10月9日印发');

    await expectConforms(file);
    const pages = await renderPages(docx, 'single');
    expect(pages.length).toBeGreaterThan(3);
  }, 400_000);

  it('uses the Windows font profile when report.json asks for it', async () => {
    const { docx } = await buildReport([subs[1]], {
      config: config({ 字体: 'windows', 发文机关: '吉林市人民政府' }),
      catalogue,
      fitLayout: true,
    });
    const file = path.join(dir, 'windows.docx');
    writeFileSync(file, docx);
    const xml = documentXml(file);
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="楷体"');
    expect(xml).not.toContain('仿宋_GB2312');
    const govFile = path.join(dir, 'gov.docx');
    writeFileSync(
      govFile,
      (await buildReport([subs[1]], { config: config({ 发文机关: '吉林市人民政府' }), catalogue })).docx,
    );
    const gov = documentXml(govFile);
    expect(gov).toContain('w:eastAsia="仿宋_GB2312"');
    expect(gov).toContain('w:eastAsia="方正小标宋简体"');
    // Also without luoshi's font aliases (gongwen-check, when present): LibreOffice's own substitutes must
    // give the same layout.
    await expectConforms(file, false);
  }, 400_000);
});

describe('the 版记 on the last page, an even one (GB/T 9704 7.4.1, 7.5)', () => {
  const numberOf = (lines: { y0: number; text: string }[]) =>
    lines.filter((l) => l.y0 > 262 * (72 / 25.4)).find((l) => /—\s*\d+\s*—/.test(l.text))?.text ?? null;

  it('puts it after an unnumbered blank page, or at the foot of the text when there is room', async () => {
    const model = buildReportModel([subs[0]], { config: config(), catalogue, today: '2025-10-09' });
    // Text that ends on page 2, an even page.
    const tpl = {
      name: 'even.hbs',
      text: [
        '::title 关于有关情况的报告',
        '::to 省人民政府：',
        '第一页的正文。',
        '::pagebreak',
        '第二页的正文，写到这里为止。',
        '::signature 长春市人民政府',
        '::date 2025年10月9日',
        '::colophon',
      ].join('\n'),
    };
    const own = await layOut((await assembleReport(model, tpl, null)).docx);
    expect(own.pages.length).toBeGreaterThanOrEqual(3);
    const blank = await assembleReport(model, tpl, null, { blankBeforeImprint: true });
    const withBlank = await layOut(blank.docx);
    expect(withBlank.pages.length).toBe(4);
    // Blank page 3, then the 版记 on page 4: neither carries a number; page 2 does.
    expect(withBlank.pages[2].lines.map((l) => l.text).join('')).toBe('');
    expect(numberOf(withBlank.pages[2].lines)).toBeNull();
    expect(numberOf(withBlank.pages[3].lines)).toBeNull();
    expect(numberOf(withBlank.pages[1].lines)?.replace(/\s/g, '')).toBe('—2—');
    expect(withBlank.pages[3].lines.map((l) => l.text).join('')).toContain('印发');
    const checks = (await verifyReport(blank.docx)).checks;
    for (const id of ['render.page-numbers', 'render.imprint'])
      expect(checks.find((c) => c.id === id)?.problems).toEqual([]);
    // With the room below the text on page 2 (measured here: the 版心 ends 262 mm down; a text box ends
    // about 2 mm above its line's foot), the 版记 goes to the foot of page 2, which keeps its number.
    const pt = 72 / 25.4;
    const textBottom = Math.max(...own.pages[1].lines.filter((l) => l.y0 < 262 * pt).map((l) => l.y1));
    const room = Math.floor((262 * pt - textBottom - 2.1 * pt) * 20);
    const shared = await assembleReport(model, tpl, null, { imprintRoom: room });
    const xml = (d: Uint8Array) => strFromU8(unzipSync(d)['word/document.xml']);
    expect(xml(shared.docx).match(/<w:sectPr/g)?.length).toBe(1);
    const sharedPages = (await layOut(shared.docx)).pages;
    expect(sharedPages.length).toBe(2);
    expect(sharedPages[1].lines.map((l) => l.text).join('')).toContain('印发');
    expect(numberOf(sharedPages[1].lines)?.replace(/\s/g, '')).toBe('—2—');
    const sharedChecks = (await verifyReport(shared.docx)).checks;
    expect(sharedChecks.find((c) => c.id === 'render.imprint')?.problems).toEqual([]);
  }, 200_000);
});

describe('attachment tables', () => {
  function gridSums(xml: string): number[] {
    return [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].reduce((a, g) => a + Number(g[1]), 0),
    );
  }

  it('fill the 版心 width exactly, upright by default and turned when report.json asks', async () => {
    const upright = path.join(dir, 'upright.docx');
    writeFileSync(
      upright,
      (await buildReport([subs[2]], { config: config({ 版记: undefined }), catalogue })).docx,
    );
    const xml = documentXml(upright);
    expect(gridSums(xml)).toEqual([8845]);
    expect(xml).not.toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');

    const turned = path.join(dir, 'landscape.docx');
    writeFileSync(
      turned,
      (
        await buildReport([subs[2]], {
          config: config({ 附件表方向: 'landscape' }),
          catalogue,
          fitLayout: true,
        })
      ).docx,
    );
    const lx = documentXml(turned);
    expect(lx).toContain('w:orient="landscape"');
    // The turned page keeps the 版心: 225 mm wide (12756 twips); the 版记 table stays upright.
    expect(gridSums(lx)).toEqual([12756, 8845]);
    // The static checks (geometry of every section, grid, fonts, page numbers) still pass.
    const parts = docxPartsOf(new Uint8Array(readFileSync(turned)));
    expect(verifyDocx(parts).filter((c) => !c.ok)).toEqual([]);
    if (existsSync(CHECKER)) {
      const r = spawnSync('python3', [CHECKER, turned, '--json'], { encoding: 'utf8' });
      const res = JSON.parse(r.stdout) as CheckResult;
      expect(res.checks.filter((c) => !c.ok)).toEqual([]);
    }
    // 22 table lines to the turned 版心 (156 mm / 22 = 402 twips), and clause 8's page numbers: on the
    // turned pages' right edge, reading upward, where the upright pages have them.
    expect(lx).toContain('w:line="402"');
    const laid = await verifyReport(new Uint8Array(readFileSync(turned)));
    expect(laid.checks.find((c) => c.id === 'render.page-numbers')?.problems).toEqual([]);
    const footers = unzipSync(new Uint8Array(readFileSync(turned)), {
      filter: (f) => f.name.includes('footer'),
    });
    const turnedFooters = Object.values(footers)
      .map((b) => strFromU8(b))
      .filter((x) => x.includes('btLr'));
    expect(turnedFooters.length).toBe(2);
    for (const f of turnedFooters) expect(f).toMatch(/PAGE/);
  }, 200_000);
});

describe('multi-office report', () => {
  it('compares, ranks and charts the offices and passes gongwen-check --render', async () => {
    const { docx, model } = await buildReport(subs, {
      config: config({ 发文机关: '吉林省发展和改革委员会', 署名: '吉林省发展和改革委员会' }),
      catalogue,
      fitLayout: true,
    });
    const file = path.join(dir, 'multi.docx');
    writeFileSync(file, docx);
    const texts = paragraphsText(documentXml(file));
    const all = texts.join('\n');

    // Ranking: by mean 完成率, recomputed here from the submissions.
    const mean = (s: Submission) => {
      const rates: number[] = [];
      for (const e of s.entries) {
        const t = catalogue.targets.find((x) => x.id === e.targetId)!;
        if (
          e.actual !== null &&
          t.value !== null &&
          t.value > 0 &&
          ['>=', '>', '=', '≈', 'range'].includes(t.comparator)
        )
          rates.push(e.actual / t.value);
      }
      return rates.reduce((a, b) => a + b, 0) / rates.length;
    };
    const expected = [...subs].sort((a, b) => mean(b) - mean(a)).map((s) => s.office);
    expect(model.offices.map((o) => o.office)).toEqual(expected);
    expect(all).toContain(
      `平均完成率居前的是${expected.slice(0, 2).join('、')}，相对靠后的是${expected.slice(2).join('、')}`,
    );
    const total = subs.reduce((a, s) => a + s.rows.length, 0);
    expect(all).toContain(`${OFFICES.length}个单位共填报量化指标${total}项次`);
    expect(texts.indexOf('特此报告。')).toBeGreaterThan(0);
    for (const o of OFFICES) expect(all).toContain(o);
    expect(texts).toEqual(
      expect.arrayContaining([
        '附件1',
        '附件2',
        '附件3',
        '各单位指标完成率表',
        '各单位指标完成情况排名表',
        '滞后指标清单',
      ]),
    );
    // The consolidated report speaks as the coordinating office.
    expect(all).toContain('我委组织4个单位');
    // 附件1: one row per indicator, one 完成率 column per office, laggards in bold.
    const matrix = model.tables['完成率矩阵'];
    expect(matrix.rows.length).toBe(model.targets.length);
    expect(matrix.columns.map((c) => c.header).slice(3)).toEqual(
      subs.map((s) => s.office.replace(/市$/, '')),
    );
    const behind = subs.reduce((a, s) => a + expectedCounts(s.rows, s.entries, 0.75).未达到序时进度, 0);
    expect(matrix.emphasis?.flat().filter(Boolean).length).toBeGreaterThanOrEqual(behind);

    await expectConforms(file);
    const pages = await renderPages(docx, 'multi');
    expect(pages.length).toBeGreaterThan(5);
  }, 400_000);
});

describe('chart', () => {
  /** Dark pixels of an 8-bit RGB/RGBA PNG (filter types handled), to see whether labels were drawn. */
  function darkPixels(png: Uint8Array): number {
    const buf = Buffer.from(png);
    let pos = 8;
    let width = 0;
    let height = 0;
    let colorType = 0;
    const idat: Buffer[] = [];
    while (pos < buf.length) {
      const len = buf.readUInt32BE(pos);
      const type = buf.toString('latin1', pos + 4, pos + 8);
      const data = buf.subarray(pos + 8, pos + 8 + len);
      if (type === 'IHDR') {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        colorType = data[9]!;
      }
      if (type === 'IDAT') idat.push(data);
      pos += 12 + len;
    }
    const bpp = colorType === 6 ? 4 : 3;
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * bpp;
    const prev = Buffer.alloc(stride);
    const cur = Buffer.alloc(stride);
    let dark = 0;
    for (let y = 0; y < height; y++) {
      const f = raw[y * (stride + 1)];
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? cur[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        let v = line[i];
        if (f === 1) v += a;
        else if (f === 2) v += b;
        else if (f === 3) v += (a + b) >> 1;
        else if (f === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        cur[i] = v & 0xff;
      }
      for (let x = 0; x < width; x++) {
        const o = x * bpp;
        if (cur[o] < 60 && cur[o + 1] < 60 && cur[o + 2] < 60) dark++;
      }
      cur.copy(prev);
    }
    return dark;
  }

  it('draws the labels with the CJK font it loads (and draws none without a font)', async () => {
    const model = buildReportModel(subs, { config: config(), catalogue });
    const { width, height } = chartSize(model.chart);
    const svg = buildChartSvg(model.chart, width, height);
    expect(svg).toContain('长春市');
    const withFont = await makeChartPng(findCjkFont())(svg, width, height);
    const without = await makeChartPng(null)(svg, width, height);
    // Black text pixels (labels are #000; bars are blue, the reference line red).
    const dWith = darkPixels(withFont);
    const dWithout = darkPixels(without);
    expect(dWith).toBeGreaterThan(2000);
    expect(dWith).toBeGreaterThan(dWithout * 3);
    expect(withFont.length).toBeGreaterThan(without.length * 1.3);
  });
});

describe('templates', () => {
  const model = () => buildReportModel([subs[0]], { config: config(), catalogue });

  function templateError(text: string): string {
    try {
      renderReportBlocks(model(), { name: 'custom.hbs', text });
    } catch (e) {
      expect(isLuoshiError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('template did not fail');
  }

  it('names the file and line of an unknown field', () => {
    const msg = templateError('::title {{标题}}\n\n正文第一段。\n{{发文机关}}报告{{不存在的字段}}。\n');
    expect(msg).toContain('custom.hbs');
    expect(msg).toContain('第 4 行');
    expect(msg).toContain('不存在的字段');
  });

  it('names the file and line of an unknown block, directive and bad syntax', () => {
    expect(templateError('a\nb\n{{#每个 主要进展}}x{{/每个}}\n')).toMatch(/custom\.hbs 第 3 行.*每个/);
    expect(templateError('::title x\n\n::tabel 指标完成情况表\n')).toMatch(/custom\.hbs 第 3 行.*::tabel/);
    expect(templateError('::title x\n::table 不存在的表\n')).toMatch(/custom\.hbs 第 2 行.*不存在的表/);
    expect(templateError('a\n{{#if 多单位}}\nb\n')).toMatch(/custom\.hbs 第 \d+ 行附近有语法错误/);
  });

  it('shipped templates render for both kinds of report', async () => {
    for (const name of ['single.hbs', 'multi.hbs']) {
      const tpl = await loadTemplate(DEFAULT_TEMPLATES_DIR, name);
      const m = buildReportModel(name === 'single.hbs' ? [subs[0]] : subs, { config: config(), catalogue });
      const blocks = renderReportBlocks(m, tpl);
      expect(
        blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text),
      ).toEqual(['总体进展', '主要进展', '存在的问题', '下一步工作']);
      expect(blocks.some((b) => b.kind === 'paragraph' && b.text.endsWith('现将有关情况报告如下：'))).toBe(
        true,
      );
    }
  });
});

describe('report.json', () => {
  it('names report.json and the field in Chinese', () => {
    const bad = (json: string) => {
      try {
        parseReportConfig(json, 'report.json');
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad('{"字体": "宋体"}')).toMatch(/report\.json.*字体/);
    expect(bad('{"发文机构": "x"}')).toMatch(/report\.json.*发文机构/);
    expect(bad('{"成文日期": "2025年2月30日"}')).toMatch(/report\.json.*成文日期/);
    expect(bad('{"文号": "长政报2025年3号"}')).toMatch(/report\.json.*文号/);
    expect(parseReportConfig('{"文号": "长政报[2025]第03号"}').docNumber).toBe('长政报〔2025〕3号');
    expect(bad('{')).toMatch(/report\.json 不是有效的 JSON/);
    expect(bad('{"汇总报告": {"字体": "gov"}}')).toMatch(/report\.json.*汇总报告.*字体/);
    expect(bad('{"版头": {"紧急程度": "很急"}}')).toMatch(/report\.json.*版头/);
    expect(bad('{"版头": {"份号": "12345678"}}')).toMatch(/report\.json.*版头/);
    expect(bad('{"版头": {"发文机关": "x"}}')).toMatch(/report\.json.*版头.*发文机关/);
  });

  it('reads the 版头: true, or the 标志, 份号, 密级 and 紧急程度 it should carry', () => {
    expect(parseReportConfig('{"版头": true}').letterhead).toEqual({
      mark: null,
      copyNumber: null,
      secrecy: null,
      urgency: null,
    });
    expect(parseReportConfig('{"版头": false}').letterhead).toBeNull();
    expect(
      parseReportConfig(
        '{"版头": {"发文机关标志": "吉林省发展改革委文件", "份号": 12, "密级": "秘密★1年", "紧急程度": "特急"}}',
      ).letterhead,
    ).toEqual({ mark: '吉林省发展改革委文件', copyNumber: '000012', secrecy: '秘密★1年', urgency: '特急' });
  });

  it('gives the office report and the consolidated report settings of their own', () => {
    const c = parseReportConfig(
      JSON.stringify({
        主送机关: '省人民政府',
        单位报告: { 发文机关: '长春市人民政府' },
        汇总报告: {
          发文机关: '吉林省发展和改革委员会',
          文号: '吉发改报〔2025〕12号',
          签发人: '张三',
          版头: true,
        },
      }),
    );
    expect(configFor(c, 'single')).toMatchObject({
      issuer: '长春市人民政府',
      recipient: '省人民政府',
      letterhead: null,
    });
    expect(configFor(c, 'multi')).toMatchObject({
      issuer: '吉林省发展和改革委员会',
      recipient: '省人民政府',
      docNumber: '吉发改报〔2025〕12号',
      signer: '张三',
      letterhead: { mark: null, copyNumber: null, secrecy: null, urgency: null },
    });
    const single = buildReportModel([subs[0]], { config: c, catalogue });
    const multi = buildReportModel(subs, { config: c, catalogue });
    expect(single.issuer).toBe('长春市人民政府');
    expect(multi.issuer).toBe('吉林省发展和改革委员会');
    expect(multi.title.startsWith('吉林省发展和改革委员会关于')).toBe(true);
    // The 版头 carries the 发文机关's own 标志, its 发文字号 and 签发人; the office report has none.
    expect(multi.letterhead).toMatchObject({
      mark: '吉林省发展和改革委员会文件',
      docNumber: '吉发改报〔2025〕12号',
      signer: '张三',
    });
    expect(single.letterhead).toBeNull();
  });
});

describe('luoshi report (CLI)', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'luoshi.mjs'), 'report', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      cwd: ROOT,
      timeout: 300_000,
    });

  it('refuses workbooks with errors, naming file, sheet and cell; --force goes on', async () => {
    const target = catalogue.targets.find((t) => t.value !== null && t.comparator === '>=')!;
    const bad = path.join(dir, '错误单位.xlsx');
    writeFileSync(
      bad,
      await filledWorkbook(catalogue, '错误单位', 9, (entries) =>
        entries.map((e) => (e.targetId === target.id ? { ...e, actual: '约30', status: '序时推进' } : e)),
      ),
    );
    const out = path.join(dir, 'refused.docx');
    const refused = cli([files[0], bad, '-o', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('错误单位.xlsx');
    expect(refused.stderr).toMatch(/指标!?[A-Z]+\d+/);
    expect(refused.stderr).toContain('约30');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);

    const forced = cli([files[0], bad, '-o', out, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('约30');
    expect(existsSync(out)).toBe(true);
  }, 300_000);

  it('writes docx and PDF, and says clearly when LibreOffice is missing', () => {
    const cfg = path.join(dir, 'report.json');
    writeFileSync(cfg, JSON.stringify(CONFIG_JSON));
    const out = path.join(dir, 'cli.docx');
    const ok = cli([files[0], '-o', out, '--config', cfg, '--pdf']);
    expect(ok.stderr).not.toContain('内部错误');
    expect(ok.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(path.join(dir, 'cli.pdf')).subarray(0, 4).toString()).toBe('%PDF');

    const out2 = path.join(dir, 'nolo.docx');
    const missing = cli([files[0], '-o', out2, '--pdf'], {
      LUOSHI_SOFFICE: path.join(dir, 'no-such-soffice'),
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('未安装 LibreOffice');
    expect(existsSync(out2)).toBe(true);
  }, 300_000);

  it('names the template file and line from --templates', () => {
    const tdir = path.join(dir, 'tpl');
    mkdirSync(tdir, { recursive: true });
    writeFileSync(path.join(tdir, 'single.hbs'), '::title {{标题}}\n\n{{没有这个字段}}\n');
    writeFileSync(path.join(tdir, 'multi.hbs'), '::title {{标题}}\n');
    const r = cli([files[0], '-o', path.join(dir, 't.docx'), '--templates', tdir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/single\.hbs 第 3 行.*没有这个字段/);
  });
});
