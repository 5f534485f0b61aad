// Mutation testing (`npm run mutation`, not in CI: it takes long). Stryker changes src/core one
// small edit at a time and reruns the fast unit tests that cover the edit (vitest.stryker.config.ts,
// perTest coverage); a mutant no test notices is a behaviour nothing checks.
// ignoreStatic: true (Stryker's documented option) skips "static" mutants — edits to module-level
// code such as constant tables and regular expressions, which run once at import and so would force
// every test to rerun for each of them (202 of 230 mutants in target-math.ts and period.ts were
// static, estimated at hours). They are left out of the score, not counted as killed.
// Incremental: a rerun only tries mutants in code or tests that changed since the incremental file.
// One worker: the machine is shared. Narrow a run with --mutate, e.g.
// `npm run mutation -- --mutate src/core/workbook/read.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/core/**/*.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 30_000,
  // The initial run of every allowed test with per-test coverage took over Stryker's default 5 minutes
  // on a busy 2-core machine, ending the run before any mutant was tried.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
