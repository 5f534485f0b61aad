import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the Excel add-in's end-to-end tests (test/e2e): build dist/ with webpack
 * (reused when up to date), serve it on 127.0.0.1 and drive the task pane in headless Chromium
 * with a fake Office host. The first build transpiles exceljs/docx/echarts to ES5 and takes minutes.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
