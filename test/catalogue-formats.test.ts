/**
 * The same policy document as .txt, .docx (Word auto-numbered headings), .pdf (printed by LibreOffice
 * from that .docx) and a saved .html page yields the same catalogue, ids included; bad files of each
 * format get a Chinese message naming the file, and a batch goes on past them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { buildCatalogue, parseCatalogueJson, type CatalogueSource } from '../src/core/catalogue/index.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { decodeText } from '../src/core/text/decode.js';
import { policySource } from '../src/host/input/index.js';
import { docxToPdfBatch, officialDocx, textToDocx, textToHtml } from './helpers/formats.js';
import { seedSources } from './helpers/seeds.js';
import { loadGoldSet } from './helpers/gold.js';
import { formatScore, scoreCatalogue } from './helpers/score.js';
import { luoshiIn, type CliResult } from './helpers/cli.js';

const seeds = seedSources();
const texts = new Map(seeds.map((s) => [s.name, decodeText(s.bytes, s.name).text] as const));
const docx = new Map<string, Uint8Array>();
let pdf: Map<string, Uint8Array> | null = null;
let dir: string;

/** A document of our own in the official layout: a two-line title, indented paragraphs, closing marks at line starts. */
const OFFICIAL = {
  title: ['江西省人民政府办公厅关于印发江西省促进', '县域商业体系建设三年行动方案的通知'],
  docNumber: '赣府厅发〔2024〕8号',
  body: [
    '各市、县（区）人民政府，省政府各部门：',
    '《江西省促进县域商业体系建设三年行动方案》已经省政府同意，现印发给你们，请认真贯彻执行。',
    '一、总体目标',
    '到2026年，全省建成县级物流配送中心100个以上，乡镇商贸中心覆盖率达到90%以上，村级便民商店实现全覆盖。（省商务厅负责）',
    '二、重点任务',
    '（一）完善县域商业网络。每个县至少建设1个县级综合商贸服务中心，改造提升乡镇商贸中心300个，2025年底前完成县域商业网点布局规划编制。（省商务厅牵头，省发展改革委、省自然资源厅配合）',
    '（二）发展农村物流配送。推动快递进村，到2025年，具备条件的建制村快递服务通达率达到100%，农村物流配送成本比2023年下降10%。（省邮政管理局、省交通运输厅按职责分工负责）',
  ],
};
const OFFICIAL_NAME = '赣府厅发2024-8.docx';

beforeAll(async () => {
  for (const [name, text] of texts) docx.set(name, await textToDocx(text));
  docx.set(OFFICIAL_NAME, await officialDocx(OFFICIAL.title, OFFICIAL.docNumber, OFFICIAL.body));
  pdf = docxToPdfBatch(docx);
  dir = mkdtempSync(path.join(tmpdir(), 'luoshi-formats-test-'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The catalogue less what locates text in one file: offsets, file name, raw-text hash, version. */
function comparable(c: Catalogue): unknown {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return {
    documents: c.documents.map((d) => ({ ...d, source: '', textHash: '' })),
    headings: c.headings.map((h) => ({ ...h, offset: 0 })),
    tasks: c.tasks.map((t) => ({ ...t, offset: 0, text: squeeze(t.text) })),
    targets: c.targets.map((t) => ({ ...t, offset: 0, quote: squeeze(t.quote) })),
  };
}

async function build(name: string, bytes: Uint8Array): Promise<Catalogue> {
  return buildCatalogue([await policySource(name, bytes)]).catalogue;
}

function plain(name: string): Catalogue {
  return buildCatalogue([seeds.find((s) => s.name === name)!]).catalogue;
}

const base = (n: string) => n.replace(/\.txt$/, '');

describe('format variants of the seeds', () => {
  it('Word numbering is read from numbering.xml: the labels are not in the text runs, yet they come back', async () => {
    const name = seeds[0].name;
    const xml = new TextDecoder().decode(unzipSync(docx.get(name)!)['word/document.xml']);
    expect(xml).toContain('<w:numPr>');
    expect(xml).not.toContain('>一、总体要求<');
    const src = await policySource(`${base(name)}.docx`, docx.get(name)!);
    expect(src.text).toContain('一、总体要求');
    expect(src.text).toContain('（二）基本原则');
  });

  for (const s of seeds) {
    it(`${s.name}: .docx and .html give the .txt catalogue`, async () => {
      const want = comparable(plain(s.name));
      expect(comparable(await build(`${base(s.name)}.docx`, docx.get(s.name)!))).toEqual(want);
      const html = new TextEncoder().encode(textToHtml(texts.get(s.name)!, s.name));
      expect(comparable(await build(`${base(s.name)}.html`, html))).toEqual(want);
    });
  }

  it('.pdf printed from the .docx gives the .txt catalogue: title, tables typed with leading tabs and ids included', async (ctx) => {
    if (!pdf) return ctx.skip();
    for (const s of seeds) {
      const got = await build(`${base(s.name)}.pdf`, pdf.get(s.name)!);
      expect(comparable(got), s.name).toEqual(comparable(plain(s.name)));
    }
  });

  it('.pdf in the official layout: the title over two centred lines is whole, indented paragraphs reflow', async (ctx) => {
    if (!pdf) return ctx.skip();
    const text = [...OFFICIAL.title, OFFICIAL.docNumber, ...OFFICIAL.body].join('\n');
    const want = buildCatalogue([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]).catalogue;
    const src = await policySource('a.pdf', pdf.get(OFFICIAL_NAME)!);
    // one line per paragraph, also where 禁则 left a line a character short before "（…"
    expect(src.text?.split('\n')).toEqual([OFFICIAL.title.join(''), OFFICIAL.docNumber, ...OFFICIAL.body]);
    const got = buildCatalogue([src]).catalogue;
    expect(got.documents[0].title).toBe(OFFICIAL.title.join(''));
    expect(comparable(got)).toEqual(comparable(want));
    expect(got.targets.length).toBeGreaterThanOrEqual(5);
  });
});

describe("the format-variant set against the seeds' gold", () => {
  it('each format scores as the .txt does: recall, precision and every field', async (ctx) => {
    if (!pdf) return ctx.skip();
    const gold = loadGoldSet(texts);
    const txt = scoreCatalogue(buildCatalogue(seeds).catalogue, gold, texts);
    for (const ext of ['docx', 'pdf', 'html'] as const) {
      const sources = await Promise.all(
        seeds.map((s) => {
          const bytes =
            ext === 'docx'
              ? docx.get(s.name)!
              : ext === 'pdf'
                ? pdf!.get(s.name)!
                : new TextEncoder().encode(textToHtml(texts.get(s.name)!, s.name));
          return policySource(`${base(s.name)}.${ext}`, bytes);
        }),
      );
      const r = buildCatalogue(sources);
      // the gold names the .txt files; score each variant's targets against its own text
      const byTxt = new Map(
        r.catalogue.documents.map((d) => [d.source, `${d.source.replace(/\.[a-z]+$/, '')}.txt`]),
      );
      const catalogue = {
        ...r.catalogue,
        documents: r.catalogue.documents.map((d) => ({ ...d, source: byTxt.get(d.source)! })),
      };
      const variantTexts = new Map(
        r.catalogue.documents.map((d) => [byTxt.get(d.source)!, r.texts.get(d.id)!]),
      );
      const score = scoreCatalogue(catalogue, gold, variantTexts);
      console.log(`.${ext}\n${formatScore(score)}`);
      expect(score.badQuotes, ext).toEqual([]);
      expect(score.overall.recall, ext).toBe(txt.overall.recall);
      expect(score.overall.precision, ext).toBe(txt.overall.precision);
      expect(score.overall.fields, ext).toEqual(txt.overall.fields);
    }
  });
});

describe('bad input', () => {
  function luoshi(...args: string[]): Promise<CliResult> {
    return luoshiIn(dir, ...args);
  }

  async function message(name: string, bytes: Uint8Array): Promise<string> {
    try {
      await policySource(name, bytes);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error(`${name} was read`);
  }

  /** A one-page PDF that only draws a filled rectangle: what a scan looks like to a text reader. */
  function imageOnlyPdf(encrypted = false): Uint8Array {
    const stream = '0 0 0 rg 100 100 400 600 re f';
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ];
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    // a standard security handler whose user password is not empty: readers must ask for it
    const hex = (c: string) => `<${c.repeat(64)}>`;
    const lock = encrypted
      ? ` /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex('a')} /U ${hex('b')} /P -4 >> /ID [${hex('c').slice(0, 34)}> ${hex('c').slice(0, 34)}>]`
      : '';
    out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${lock} >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(out);
  }

  it('each bad file gets a Chinese message naming it', async () => {
    const junk = new TextEncoder().encode('这不是压缩包'.repeat(50));
    expect(await message('坏.docx', junk)).toMatch(/^坏\.docx 已损坏或不是 Word 文档/);
    expect(await message('旧.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toMatch(
      /^旧\.docx .*密码/,
    );
    expect(await message('坏.pdf', junk)).toMatch(/^坏\.pdf 已损坏或不是 PDF/);
    const firstPdf = pdf?.values().next().value;
    if (firstPdf)
      expect(await message('半截.pdf', firstPdf.slice(0, 2000))).toMatch(/^半截\.pdf (已损坏|没有文字层)/);
    expect(await message('加密.pdf', imageOnlyPdf(true))).toMatch(/^加密\.pdf 设置了打开密码/);
    expect(await message('扫描件.pdf', imageOnlyPdf())).toMatch(/^扫描件\.pdf 没有文字层（可能是扫描件/);
    const empty = new TextEncoder().encode(
      '<html><body><div class="nav"><a>Home</a></div><img src="a.png"></body></html>',
    );
    expect(await message('空白.html', empty)).toMatch(/^空白\.html 网页中没有正文文字/);
  });

  it('`catalogue build` reads every format, reports bad files by name and goes on (exit 1)', async () => {
    const s = seeds[2];
    writeFileSync(path.join(dir, '好.docx'), docx.get(s.name)!);
    writeFileSync(path.join(dir, '好.html'), textToHtml(texts.get(seeds[0].name)!, 'x'));
    writeFileSync(path.join(dir, '坏.docx'), 'not a zip');
    writeFileSync(path.join(dir, '扫描件.pdf'), imageOnlyPdf());
    writeFileSync(path.join(dir, '太大.pdf'), '');
    truncateSync(path.join(dir, '太大.pdf'), 51 * 1024 * 1024);
    const r = await luoshi(
      'catalogue',
      'build',
      '好.docx',
      '好.html',
      '坏.docx',
      '扫描件.pdf',
      '太大.pdf',
      '-o',
      'c.json',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('坏.docx 已损坏');
    expect(r.stderr).toContain('扫描件.pdf 没有文字层');
    expect(r.stderr).toMatch(/太大\.pdf 太大（51\.0 MB）/);
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
    const c = parseCatalogueJson(
      new TextDecoder().decode(
        await import('node:fs').then((fs) => fs.readFileSync(path.join(dir, 'c.json'))),
      ),
      'c.json',
    );
    expect(c.documents.map((d) => d.source)).toEqual(['好.docx', '好.html']);
    const txt: CatalogueSource[] = [seeds[2], seeds[0]];
    expect(c.targets.map((t) => t.id)).toEqual(buildCatalogue(txt).catalogue.targets.map((t) => t.id));
  }, 60_000);
});
