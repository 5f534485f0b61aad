/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `run()`, printing its
 * figures and the ratio to its target). Pass names to run a subset: `npm run bench -- workbook`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

interface BenchModule {
  run(): void | Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const names = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

let failed = 0;
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as BenchModule;
  try {
    await mod.run();
  } catch (e) {
    failed++;
    console.error(`基准 ${name} 失败：${(e as Error).message}`);
  }
}
process.exitCode = failed ? 1 : 0;
