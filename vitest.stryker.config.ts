// The test run Stryker repeats for every mutant (`npm run mutation`): the unit tests of src/core and
// src/xlsx, without the tests that start LibreOffice, Chromium, PostgreSQL, webpack or the CLI as
// a process (seconds each, and they test hosts, not the mutated code).
import { defineConfig } from 'vitest/config';

export const SLOW_TESTS = [
  'test/e2e/**',
  'test/addin-build.test.ts',
  'test/catalogue-cli.test.ts',
  'test/catalogue-formats.test.ts',
  'test/demo.test.ts',
  'test/figures-consistency.test.ts',
  'test/report-verify.test.ts',
  'test/report.test.ts',
  'test/review-compare.test.ts',
  'test/review-consolidate.test.ts',
  'test/review-fast-grid.test.ts',
  'test/server-*.test.ts',
  'test/workbook-cli.test.ts',
  'test/workbook-libreoffice.test.ts',
  'test/workbook-print.test.ts',
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...SLOW_TESTS, 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
  },
});
