/**
 * End-to-end harness for the add-in WITHOUT Excel: builds dist/ (or reuses an up-to-date one),
 * serves it on 127.0.0.1, and opens taskpane.html in headless Chromium with a fake Office host
 * injected before the page loads. The fake is test/fakes/excel-fake.ts, transpiled for the page;
 * Microsoft's CDN office.js is intercepted and never fetched.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ie11EmulationScript } from './ie11-emulation.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
/** The production URL the test build substitutes into dist/manifest.xml. */
export const TEST_ADDIN_URL = 'https://luoshi.example.gov.cn/addin/';
export const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const f of readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, f)));
  return m;
}

const INPUTS = [
  'src',
  'seeds',
  'templates',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'scripts/build-addin-data.ts',
  'scripts/babel-es5-regexp.mjs',
  'package-lock.json',
];

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Written into dist/ after a test build: its time says when dist/ was last built from the inputs.
 * (Entry bundles carry content hashes, and webpack leaves a file with unchanged content untouched,
 * so no emitted file's time can say that.) A build by hand cleans dist/ and so removes it.
 */
const BUILD_STAMP = '.e2e-build-stamp';

/**
 * Builds dist/ with `webpack --mode production` (ADDIN_URL = TEST_ADDIN_URL) unless dist/ is
 * newer than every input. A lock directory keeps parallel test files from building at once.
 */
export async function ensureDist(): Promise<{ built: boolean; ms: number }> {
  const lock = path.join(ROOT, 'node_modules/.cache/luoshi-addin/build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A build older than 15 minutes is a leftover lock from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    const stamp = path.join(DIST, BUILD_STAMP);
    const manifest = path.join(DIST, 'manifest.xml');
    const upToDate =
      existsSync(stamp) &&
      existsSync(manifest) &&
      readFileSync(manifest, 'utf8').includes(TEST_ADDIN_URL) &&
      statSync(stamp).mtimeMs > Math.max(...INPUTS.map((i) => newestMtime(path.join(ROOT, i))));
    if (upToDate) return { built: false, ms: Date.now() - started };
    const buildStart = new Date();
    await runWebpack();
    // dated when the build began: a source edited during the build makes the next run build again
    writeFileSync(stamp, `${buildStart.toISOString()}\n`);
    utimesSync(stamp, buildStart, buildStart);
    return { built: true, ms: Date.now() - started };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `webpack --mode production` as a child process (async, so the test worker stays responsive). */
function runWebpack(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: TEST_ADDIN_URL, OFFICE_JS: '', OFFICE_JS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack failed (exit ${code}):\n${out.slice(-4000)}`));
    });
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A tiny static server for dist/ on 127.0.0.1 (random port). */
export async function serveDist(dir = DIST): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = path.normalize(path.join(dir, urlPath === '/' ? 'taskpane.html' : urlPath));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** test/fakes/excel-fake.ts as a classic script exposing window.__luoshiFake. */
export function fakeScript(): string {
  const src = readFileSync(path.join(ROOT, 'test/fakes/excel-fake.ts'), 'utf8');
  const out = ts.transpileModule(src, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function(){var exports={};var module={exports:exports};\n${out}\nwindow.__luoshiFake=exports;})();`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export interface PaneOptions {
  /** ExcelApi minor version of the fake host; null = no Office at all (plain browser). */
  apiMinor: number | null;
  /** Take away, before any page script runs, the built-ins IE11 lacks (test/e2e/ie11-emulation.ts). */
  ie11?: boolean;
  /** The .xlsx bytes the fake Office hands over as the open workbook's file (报送); none = no File API. */
  file?: Uint8Array;
}

/** The emitted entry script of `name` (taskpane → taskpane.<hash>.js). */
export function entryScript(name: string, dir = DIST): string {
  const found = readdirSync(dir).filter((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`).test(f));
  if (found.length !== 1)
    throw new Error(`expected one ${name}.<hash>.js in ${dir}, found ${found.join(', ')}`);
  return found[0];
}

export interface OpenPane {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Requests that tried to leave 127.0.0.1 (other than the intercepted office.js). */
  external: string[];
}

/** Page code defining `file`: a function giving `bytes` as a Uint8Array, or null. */
function fileScript(bytes: Uint8Array | undefined): string {
  if (!bytes) return 'var file=null;';
  const b64 = Buffer.from(bytes).toString('base64');
  return `var file=function(){var s=atob(${JSON.stringify(b64)});var a=new Uint8Array(s.length);for(var i=0;i<s.length;i++)a[i]=s.charCodeAt(i);return a;};`;
}

/** Opens taskpane.html with the fake Office host (installed before any page script runs). */
export async function openPane(browser: Browser, baseUrl: string, opts: PaneOptions): Promise<OpenPane> {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'zh-CN',
    viewport: { width: 360, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // the fake (office.js's stand-in) loads first, with the browser's own built-ins, as office.js would
  if (opts.apiMinor !== null) await page.addInitScript({ content: fakeScript() });
  if (opts.ie11) await page.addInitScript({ content: ie11EmulationScript() });
  if (opts.apiMinor !== null) {
    await page.addInitScript({
      content: `(function(){var F=window.__luoshiFake;var excel=new F.FakeExcel(undefined,{apiMinor:${opts.apiMinor}});window.__fakeExcel=excel;window.Excel=excel;${fileScript(opts.file)}window.Office=F.fakeOffice(${opts.apiMinor},file?{file:file}:{});})();`,
    });
  }
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === CDN_OFFICE_JS) {
      await route.fulfill({
        status: 200,
        contentType: 'application/javascript',
        body: 'window.__officeJsRequested = true;',
      });
    } else if (
      url.startsWith(new URL(baseUrl).origin) ||
      url.startsWith('blob:') ||
      url.startsWith('data:')
    ) {
      await route.continue();
    } else {
      external.push(url);
      await route.abort();
    }
  });
  await page.goto(`${baseUrl}taskpane.html`);
  return { page, problems, external };
}
