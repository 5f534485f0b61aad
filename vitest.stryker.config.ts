// The test run Stryker repeats for every mutant (`npm run mutation`): only the fast unit tests that
// exercise src/core, listed by name. An allow-list rather than an exclude-list, so a new slow test
// (LibreOffice, Chromium, PostgreSQL, webpack, a CLI process, a fuzz run) never slips into the
// mutation loop; add a test here when it is fast and checks core behaviour.
import { defineConfig } from 'vitest/config';

export const CORE_UNIT_TESTS = [
  'a1',
  'allocation',
  'catalogue-build',
  'catalogue-forms',
  'catalogue-genre',
  'catalogue-genre2',
  'catalogue-gold',
  'catalogue-ids',
  'catalogue-kind',
  'catalogue-names',
  'catalogue-patterns',
  'catalogue-review',
  'consolidate-rules',
  'excel-dates',
  'gold-scorer',
  'gold-set',
  'period',
  'plausibility',
  'progress',
  'progress-status',
  'report-core',
  'review-compare',
  'review-measure',
  'roster',
  'target-math',
  'workbook-check',
  'workbook-read',
  'workbook-schema',
  'workbook-unreadable',
  'workbook-upgrade',
  'workbook-upgrade-fields',
  'consolidate-offices',
  'consolidate-counts',
  'consolidate-targets',
  'consolidate-outliers',
  'measure-units',
  'compare-changes',
  'progress-edges',
  'allocation-grid',
  'report-model-figures',
  'report-model-offices',
  'report-config-fields',
  'report-verify-pages',
  'workbook-read-rules',
  'report-wording-view',
  'report-template-grammar',
];

export default defineConfig({
  test: {
    include: CORE_UNIT_TESTS.map((name) => `test/${name}.test.ts`),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
  },
});
