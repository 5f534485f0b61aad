// `npm run typecheck`: every TypeScript project of the repository, each checked with only the
// environment its code may use. A new project (a new folder with its own tsconfig.json) is added
// to PROJECTS; ESLint finds it by itself (the nearest tsconfig.json of each file).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const VUE_TSC = require.resolve('vue-tsc/bin/vue-tsc.js');

/** [checker, tsconfig]: the pure core first (the narrowest environment), tests and tools last. */
const PROJECTS = [
  [TSC, 'src/core/tsconfig.json'], // ECMAScript only
  [TSC, 'src/xlsx/tsconfig.json'], // + Node types, no DOM
  [TSC, 'src/docx/tsconfig.json'], // reports as .docx bytes: + Node types (the docx typings'), no DOM
  [TSC, 'src/addin/tsconfig.json'], // + DOM, no Node
  [TSC, 'src/tsconfig.json'], // Node hosts: cli, host, server
  [VUE_TSC, 'src/web/tsconfig.json'], // the web pages (Vue single-file components)
  [TSC, 'tsconfig.json'], // tests, bench, scripts, tool configs
];

let failed = 0;
for (const [checker, project] of PROJECTS) {
  if (!existsSync(project)) continue;
  const r = spawnSync(process.execPath, [checker, '--noEmit', '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`typecheck: ${project} has errors\n`);
  }
}
process.exitCode = failed ? 1 : 0;
