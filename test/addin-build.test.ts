/**
 * The add-in's build output, checked without Excel: every emitted script parses as ES5 (IE11 in
 * Office 2016/2019 volume licence), the manifests validate against Microsoft's XSDs with xmllint,
 * the production URL is substituted, and taskpane.html carries a strict CSP with no inline script.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import { DIST, ROOT, TEST_ADDIN_URL, ensureDist, entryScript } from './e2e/harness.js';
import { modernPatternSyntax, scanScript } from './e2e/es5-scan.js';
import { parseCatalogueJson } from '../src/core/catalogue/schema.js';
import { MANIFEST_XSD } from './helpers/shared.js';

const XSD = MANIFEST_XSD;

function xmllint(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  await ensureDist();
}, 900_000);

describe('add-in build (dist/)', () => {
  it('emits the pages, scripts, icons, catalogue and manifest', () => {
    const files = readdirSync(DIST);
    for (const f of [
      'taskpane.html',
      'commands.html',
      'help.html',
      'taskpane.css',
      'catalogue.json',
      'roster.json',
      'manifest.xml',
    ]) {
      expect(files).toContain(f);
    }
    // entry scripts carry a content hash, and the pages name exactly those files (minified: no quotes)
    for (const [page, entry] of [
      ['taskpane.html', 'taskpane'],
      ['commands.html', 'commands'],
    ]) {
      const html = readFileSync(path.join(DIST, page), 'utf8');
      const srcs = Array.from(html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g), (m) => m[1]);
      expect(srcs, page).toContain(entryScript(entry));
    }
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(path.join(DIST, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    const catalogue = parseCatalogueJson(
      readFileSync(path.join(DIST, 'catalogue.json'), 'utf8'),
      'catalogue.json',
    );
    expect(catalogue.documents.length).toBe(
      readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length,
    );
    expect(catalogue.targets.length).toBeGreaterThan(0);
  });

  it('no emitted .js has what IE11 cannot run: non-ES5 syntax, u/s/y regex flags, lookbehind, named groups, \\p{}', () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    // the lazily loaded 对比 (xlsx) and 生成报告 (report) chunks are there and scanned too
    expect(scripts.some((f) => /^xlsx\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(scripts.some((f) => /^report\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    const problems = scripts.flatMap((f) => scanScript(readFileSync(path.join(DIST, f), 'utf8'), f));
    expect(problems).toEqual([]);
  });

  it('the IE11 scan finds what exceljs (xmlchars) and docx emitted before the build rewrote them', () => {
    // the forms found in the 对比 and 生成报告 chunks before scripts/babel-es5-regexp.mjs
    const before = [
      'r.CHAR_RE=new RegExp("^["+r.CHAR+"]$","u");',
      'var IDENTIFIER=new RegExp("^\\\\p{L}[\\\\p{L}\\\\p{N}_]*$","");',
      'var f=function(t){return new RegExp("^\\\\s*TOC\\\\b.*","is").test(t)};',
      'var p=function(s){return new RegExp("(?<=".concat(s,")(?:.)+?"),"g")};',
      'var re=/(?<year>\\d{4})/;',
    ];
    for (const code of before) expect(scanScript(code, 'x.js'), code).toHaveLength(1);
    expect(scanScript('var a=/\\\\p{L}/, b=new RegExp("\\\\(?<")', 'x.js')).toEqual([]);
    expect(scanScript('let a = 1;', 'x.js')[0]?.what).toMatch(/not ES5/);
    expect(modernPatternSyntax('^\\p{L}$')).toMatch(/Unicode property/);
    expect(modernPatternSyntax('\\(?<=')).toBeNull();
  });

  it('every emitted .js parses as ES5 and contains no source-map eval', () => {
    const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const sizes: Record<string, number> = {};
    for (const f of scripts) {
      const code = readFileSync(path.join(DIST, f), 'utf8');
      sizes[f] = statSync(path.join(DIST, f)).size;
      expect(() => acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' }), f).not.toThrow();
      expect(code).not.toMatch(/eval\(["']/);
      expect(code).not.toMatch(/sourceURL=webpack/);
    }
    console.log(`[addin build] bytes: ${JSON.stringify(sizes)}`);
  });

  it('manifest.xml and dist/manifest.xml validate against the OfficeApp 1.1 XSD; dist has the production URL', () => {
    const src = xmllint(path.join(ROOT, 'manifest.xml'));
    expect(src.output).toContain('validates');
    expect(src.ok).toBe(true);
    const dist = xmllint(path.join(DIST, 'manifest.xml'));
    expect(dist.ok).toBe(true);
    const xml = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`<SourceLocation DefaultValue="${TEST_ADDIN_URL}taskpane.html"/>`);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${TEST_ADDIN_URL}taskpane.html"/>`);
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
  });

  it('a manifest with elements out of order is rejected (the schema check can fail)', () => {
    const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const moved = xml
      .replace('  <Permissions>ReadWriteDocument</Permissions>\n', '')
      .replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(moved).not.toBe(xml);
    const tmp = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-manifest-')), 'manifest.xml');
    writeFileSync(tmp, moved);
    expect(xmllint(tmp).ok).toBe(false);
  });

  it('taskpane.html: strict CSP (self + Office CDN), Office.js from the CDN, no inline script', () => {
    const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    // (the production HTML is minified: attribute quotes may be dropped)
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(html).toMatch(
      /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/,
    );
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const s of scripts) expect(s).toMatch(/^<script[^>]*\bsrc=("[^"]+"|[^\s>]+)[^>]*><\/script>$/);
    expect(html).toContain('拉取指标');
  });
});

describe('webpack.config.js build options (Office.js source)', () => {
  interface PluginLike {
    userOptions?: { filename?: string; templateParameters?: { officeJsUrl?: string; csp?: string } };
    patterns?: { from: string; to: string }[];
  }
  async function configFor(env: Record<string, string>): Promise<{ plugins: PluginLike[] }> {
    const saved = { ...process.env };
    Object.assign(process.env, { OFFICE_JS: '', OFFICE_JS_URL: '', ADDIN_URL: TEST_ADDIN_URL, ...env });
    try {
      const mod = (await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as {
        default: (env: object, argv: object) => Promise<{ plugins: PluginLike[] }>;
      };
      return await mod.default({}, { mode: 'production' });
    } finally {
      process.env = saved;
    }
  }
  const taskpane = (c: { plugins: PluginLike[] }) =>
    c.plugins.find((p) => p.userOptions?.filename === 'taskpane.html')?.userOptions?.templateParameters;

  it('OFFICE_JS=local serves Office.js from dist/office-js/ (a copy of @microsoft/office-js/dist) and drops the CDN from the CSP', async () => {
    const c = await configFor({ OFFICE_JS: 'local' });
    expect(taskpane(c)?.officeJsUrl).toBe('office-js/office.js');
    expect(taskpane(c)?.csp).toContain("script-src 'self';");
    const copy = c.plugins.find((p) => Array.isArray(p.patterns))?.patterns ?? [];
    const officeCopy = copy.find((p) => p.to === 'office-js');
    expect(officeCopy?.from).toMatch(/@microsoft[\\/]office-js[\\/]dist$/);
    expect(readdirSync(officeCopy?.from ?? '')).toContain('office.js');
  });

  it('a production build without ADDIN_URL is refused with a message saying what to set', async () => {
    await expect(configFor({ ADDIN_URL: '' })).rejects.toThrow(/ADDIN_URL is required/);
  });

  it('the production manifest points at ADDIN_URL, with an AppDomain that has no path', async () => {
    const mod = (await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as {
      productionManifest: (xml: string, url: string) => string;
    };
    const xml = mod.productionManifest(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), TEST_ADDIN_URL);
    expect(xml).toContain('<AppDomain>https://luoshi.example.gov.cn</AppDomain>');
    expect(xml).toContain(`<SourceLocation DefaultValue="${TEST_ADDIN_URL}taskpane.html"/>`);
    expect(xml).not.toContain('localhost');
  });

  it('OFFICE_JS_URL points at another CDN (21Vianet) and the CSP allows exactly that origin', async () => {
    const url = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
    const c = await configFor({ OFFICE_JS_URL: url });
    expect(taskpane(c)?.officeJsUrl).toBe(url);
    expect(taskpane(c)?.csp).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(taskpane(c)?.csp).not.toContain('appsforoffice.microsoft.com');
  });
});
