/**
 * `luoshi demo` is the README's first command for a newcomer: the whole loop on the bundled seeds.
 * Run it for real (no PDF, to keep it quick) and check what a person would find in out/.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogueJson } from '../src/core/catalogue/schema.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { parseRoster } from '../src/core/roster.js';
import { GONGWEN_CHECK } from './helpers/shared.js';
import { verifyDocx } from '../src/core/report/verify-docx.js';
import { docxPartsOf } from '../src/host/verify-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('luoshi demo', () => {
  it('builds catalogue, workbooks, sample figures, check, compare, consolidation and reports in the output folder', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'luoshi-demo-')), 'out');
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/luoshi.mjs'), 'demo', '--out', out, '--no-pdf'],
      {
        encoding: 'utf8',
        timeout: 600_000,
      },
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status, r.stderr).toBe(0);

    const catalogue = parseCatalogueJson(
      readFileSync(path.join(out, 'catalogue.json'), 'utf8'),
      'catalogue.json',
    );
    expect(catalogue.documents).toHaveLength(5);
    expect(catalogue.targets.length).toBeGreaterThan(50);

    // Every office of the sample roster gets a blank workbook; all but the last send it back filled.
    const roster = parseRoster(
      readFileSync(path.join(ROOT, 'templates/roster-吉林省.csv'), 'utf8'),
      'roster-吉林省.csv',
    );
    const offices = roster.offices.map((o) => o.office);
    expect(offices.length).toBeGreaterThan(2);
    expect(readdirSync(path.join(out, '填报表')).sort()).toEqual(offices.map((o) => `${o}.xlsx`).sort());
    const filled = readdirSync(path.join(out, '已报送'));
    expect(filled).toHaveLength(offices.length - 1);
    expect(r.stdout).toContain(`未报送：${offices.at(-1)}`);

    // The sample figures are clearly marked and read back without errors.
    const file = path.join(out, '已报送', filled[0]);
    const sub = readSubmission(await readWorkbookGrid(new Uint8Array(readFileSync(file)), filled[0]), {
      source: filled[0],
      catalogue,
    });
    expect(sub.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const texts = sub.entries.map((e) => e.progress).filter(Boolean);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain('示例数据');

    for (const name of ['汇总.xlsx', `对比-${offices[0]}.xlsx`, `报告-${offices[0]}.docx`, '汇总报告.docx']) {
      expect(existsSync(path.join(out, name)), name).toBe(true);
    }
    // The reports pass the GB/T 9704 checks on the document itself (the rendered checks run in report.test.ts):
    // the project's own verifier always, gongwen-check as well when ../shared is beside the clone.
    for (const name of [`报告-${offices[0]}.docx`, '汇总报告.docx']) {
      const parts = docxPartsOf(new Uint8Array(readFileSync(path.join(out, name))));
      expect(
        verifyDocx(parts).filter((c) => !c.ok),
        name,
      ).toEqual([]);
      if (!GONGWEN_CHECK) continue; // null when ../shared is not beside the clone
      const check = spawnSync(GONGWEN_CHECK, [path.join(out, name)], { encoding: 'utf8', timeout: 120_000 });
      expect(check.status, `${name}\n${check.stdout}${check.stderr}`).toBe(0);
    }
  });
});
