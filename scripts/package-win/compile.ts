/**
 * The packaged app runs plain JavaScript: every src/**\/*.ts is transpiled in place to .js (TypeScript's
 * own transpiler; imports already name .js files), the worker entries and bin/luoshi.mjs stop
 * registering tsx. So nothing compiles at run time on the user's PC (tsx would need esbuild.exe) and
 * the server starts faster.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
};

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full, keep);
    return e.isFile() && keep(e.name) ? [full] : [];
  });
}

const tsFiles = (dir: string): string[] => filesUnder(dir, (n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));

/** The plain-ESM worker entries (src/host/*-worker.mjs, src/server/intake-worker.mjs, …) wherever they live. */
export const workerEntries = (src: string): string[] => filesUnder(src, (n) => n.endsWith('.mjs'));

/** A worker or bin entry without tsx: the same module, loaded as compiled JavaScript. */
export function withoutTsx(source: string): string {
  return source
    .replace(/^import \{ register \} from 'tsx\/esm\/api';\n+register\(\);\n/m, '')
    .replace(/(import\(['"][^'"]+)\.ts(['"]\))/g, '$1.js$2');
}

export function compileSources(app: string): number {
  const src = path.join(app, 'src');
  const files = tsFiles(src);
  for (const file of files) {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: OPTIONS, fileName: file });
    writeFileSync(file.replace(/\.ts$/, '.js'), out.outputText);
    rmSync(file);
  }
  for (const file of workerEntries(src)) writeFileSync(file, withoutTsx(readFileSync(file, 'utf8')));
  const bin = path.join(app, 'bin', 'luoshi.mjs');
  writeFileSync(
    bin,
    withoutTsx(readFileSync(bin, 'utf8')).replace("'../src/cli/main.ts'", "'../src/cli/main.js'"),
  );
  return files.length;
}
