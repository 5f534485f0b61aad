// Mutation testing (`npm run mutation`, not in CI: it takes long). Stryker changes src/core and
// src/xlsx one small edit at a time and reruns the fast tests (vitest.stryker.config.ts); a mutant
// no test notices is a behaviour nothing checks. Incremental: a rerun only tries mutants in code or
// tests that changed since reports/stryker-incremental.json. One worker: the machine is shared.
// Narrow a run with --mutate, e.g. `npm run mutation -- --mutate src/core/workbook/read.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts', 'src/xlsx/**/*.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
