/**
 * The built task pane (dist/taskpane.html) in headless Chromium with a FAKE Office host: clicks
 * 拉取指标, 检查, 对比 and 生成报告 and checks what the fake workbook received and what the pane
 * shows. What this does not prove: how real Excel (Windows, Mac, web) or IE11 behave — see the
 * manual checklist in the README.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { DIST, ROOT, ensureDist, launchChromium, openPane, serveDist } from './harness.js';
import { parseCatalogueJson } from '../../src/core/catalogue/schema.js';
import { planWorkbook, type PlanValue, type WorkbookPlan } from '../../src/core/workbook/plan.js';
import { TARGET_COLUMNS, columnLetter } from '../../src/core/workbook/layout.js';
import { writeWorkbookPlan } from '../../src/xlsx/write-workbook.js';
import type { Catalogue } from '../../src/core/model/catalogue.js';

const OFFICE = '长春市';
const PERIOD = '2026年上半年';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let catalogue: Catalogue;
const timings: Record<string, number> = {};

beforeAll(async () => {
  const b = await ensureDist();
  timings.build = b.ms;
  catalogue = parseCatalogueJson(readFileSync(path.join(DIST, 'catalogue.json'), 'utf8'), 'catalogue.json');
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`[addin e2e] timings ms: ${JSON.stringify(timings)}`);
});

type CellDump = [string, string | number | boolean, string | null][];

/** Cells of one fake sheet: [A1, value, formula]. */
async function sheetCells(page: Page, sheet: string): Promise<CellDump> {
  return page.evaluate((name) => {
    const w = window as unknown as {
      __fakeExcel: {
        model: {
          mustSheet(n: string): {
            cells: Map<string, { value: string | number | boolean; formula: string | null }>;
          };
        };
      };
    };
    const s = w.__fakeExcel.model.mustSheet(name);
    const col = (i: number): string => {
      let n = i + 1;
      let out = '';
      while (n > 0) {
        out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        n = Math.floor((n - 1) / 26);
      }
      return out;
    };
    const out: [string, string | number | boolean, string | null][] = [];
    s.cells.forEach((c, key) => {
      const [r, k] = key.split(',').map(Number);
      if (c.value !== '' || c.formula) out.push([`${col(k)}${r + 1}`, c.value, c.formula]);
    });
    return out;
  }, sheet);
}

async function fakeInfo(page: Page): Promise<{
  sheets: { name: string; visibility: string; protected: boolean; validations: number }[];
  names: string[];
  syncs: number;
  selection: unknown;
  maxRequest: number;
}> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __fakeExcel: {
        model: {
          sheets: {
            name: string;
            visibility: string;
            protection: { protected: boolean };
            validations: unknown[];
          }[];
          names: Map<string, string>;
          syncs: number;
          selection: unknown;
          requestBytes: number[];
        };
      };
    };
    const m = w.__fakeExcel.model;
    return {
      sheets: m.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protection.protected,
        validations: s.validations.length,
      })),
      names: [...m.names.keys()],
      syncs: m.syncs,
      selection: m.selection,
      maxRequest: Math.max(0, ...m.requestBytes),
    };
  });
}

async function typeCell(page: Page, sheet: string, a1: string, value: string | number): Promise<void> {
  await page.evaluate(
    ([s, a, v]) => {
      const w = window as unknown as {
        __fakeExcel: { model: { type(s: string, a: string, v: string | number): void } };
      };
      w.__fakeExcel.model.type(s, a, v);
    },
    [sheet, a1, value] as const,
  );
}

async function snapshot(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __fakeExcel: { model: { snapshot(): string } } }).__fakeExcel.model.snapshot(),
  );
}

async function statusAfter(page: Page, button: string, expected: RegExp): Promise<string> {
  const t0 = Date.now();
  await page.click(button);
  await page.waitForFunction(
    (re) => {
      const s = document.getElementById('status');
      const btn = document.getElementById('btn-pull') as HTMLButtonElement | null;
      return !!s && new RegExp(re).test(s.textContent ?? '') && !!btn && !btn.disabled;
    },
    expected.source,
    { timeout: 120_000 },
  );
  timings[button] = Date.now() - t0;
  return (await page.textContent('#status')) ?? '';
}

/** Expected cell dump of one plan sheet (values as Excel holds them). */
function planCells(plan: WorkbookPlan, sheet: string): CellDump {
  const ps = plan.sheets.find((s) => s.name === sheet);
  const out: CellDump = [];
  if (!ps) return out;
  const col = (i: number): string => {
    let n = i + 1;
    let s = '';
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  for (const b of ps.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.origin);
    if (!m) throw new Error(b.origin);
    let c0 = 0;
    for (const ch of m[1]) c0 = c0 * 26 + ch.charCodeAt(0) - 64;
    c0 -= 1;
    const r0 = Number(m[2]);
    b.values.forEach((row, r) =>
      row.forEach((v: PlanValue, c) => {
        if (v === null || v === '') return;
        const a1 = `${col(c0 + c)}${r0 + r}`;
        if (typeof v === 'object') out.push([a1, '', `=${v.formula}`]);
        else out.push([a1, v, null]);
      }),
    );
  }
  return out;
}

const byA1 = (a: [string, unknown, unknown], b: [string, unknown, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

const MODES = [
  { name: 'modern Chromium', ie11: false },
  // Office 2016/2019 volume licence: IE11's built-ins only (test/e2e/ie11-emulation.ts)
  { name: 'no modern built-ins (IE11 emulation)', ie11: true },
];

describe.each(MODES)('task pane in headless Chromium with a fake Excel (ExcelApi 1.9): $name', ({ ie11 }) => {
  it('拉取指标, 检查, 对比, 生成报告 end to end', async () => {
    const t0 = Date.now();
    const { page, problems, external } = await openPane(browser, server.url, { apiMinor: 9, ie11 });
    if (ie11) {
      // the emulation is in force: the page's own scripts see IE11's built-ins (or core-js's)
      const seen = await page.evaluate(() => ({
        emulated: (window as unknown as { __ie11Emulation?: boolean }).__ie11Emulation,
        unicodeFlag: (() => {
          try {
            new RegExp('a', 'u');
            return 'accepted';
          } catch {
            return 'rejected';
          }
        })(),
      }));
      expect(seen).toEqual({ emulated: true, unicodeFlag: 'rejected' });
    }
    await page.waitForFunction(
      () => /已连接：/.test(document.getElementById('host-line')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    timings[`load${ie11 ? ' ie11' : ''}`] = Date.now() - t0;
    expect(
      await page.evaluate(() => (window as unknown as { __officeJsRequested?: boolean }).__officeJsRequested),
    ).toBe(true);

    // 报送 needs a signed-in session with 落实系统 (none here: dist/ is served without the server)
    expect(await page.isDisabled('#btn-submit')).toBe(true);

    // ---- 拉取指标 into an empty workbook
    await page.fill('#office', OFFICE);
    await page.fill('#period', PERIOD);
    const pulled = await statusAfter(page, '#btn-pull', /已生成填报表|失败|请/);
    expect(pulled).toMatch(/^已生成填报表：已写入 \d+ 项指标/);
    const info = await fakeInfo(page);
    expect(info.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['填报说明', '指标', '任务', '_meta']),
    );
    expect(info.sheets.find((s) => s.name === '_meta')?.visibility).toBe('VeryHidden');
    expect(info.sheets.find((s) => s.name === '指标')?.protected).toBe(true);
    expect(info.sheets.find((s) => s.name === '指标')?.validations).toBeGreaterThan(0);
    expect(info.syncs).toBe(2); // state, write: nothing to read in an empty workbook
    expect(info.maxRequest).toBeLessThan(5 * 1024 * 1024);

    // The workbook holds exactly the plan the core makes for the same inputs (generatedAt from _meta).
    const meta = await sheetCells(page, '_meta');
    const metaRowOfGenerated = meta.find(([, v]) => v === 'generatedAt')?.[0].replace(/^A/, '');
    const generatedAt = String(meta.find(([a1]) => a1 === `B${metaRowOfGenerated}`)?.[1]);
    // the pane scopes the catalogue by the bundled roster's entry for the office, so the plan does too
    const rosterEntries = (
      JSON.parse(readFileSync(path.join(DIST, 'roster.json'), 'utf8')) as {
        offices: {
          office: string;
          contact: string | null;
          phone: string | null;
          documents: string[];
          units: string[];
        }[];
      }
    ).offices;
    const entry = rosterEntries.find((r) => r.office === OFFICE);
    const plan = planWorkbook(catalogue, {
      office: OFFICE,
      period: PERIOD,
      generatedAt,
      contact: entry?.contact ?? null,
      phone: entry?.phone ?? null,
      documents: entry?.documents ?? [],
      units: entry?.units ?? [],
    });
    for (const sheet of ['填报说明', '指标', '任务', '_meta']) {
      expect((await sheetCells(page, sheet)).sort(byA1)).toEqual(planCells(plan, sheet).sort(byA1));
    }
    expect(info.names.sort()).toEqual(plan.names.map((n) => n.name).sort());

    // ---- an office types figures; one is not a number
    const targetsBlock = plan.sheets.find((s) => s.name === '指标')?.blocks.find((b) => b.origin === 'A4');
    // Columns by their key in the layout, so a reordered sheet does not send figures into the wrong column.
    const column = (key: string) => TARGET_COLUMNS.findIndex((c) => c.key === key);
    const actual = columnLetter(column('actual'));
    const [figure4, figure5] = [`${actual}4`, `${actual}5`];
    const firstId = targetsBlock?.values[0][column('targetId')];
    if (typeof firstId !== 'string') throw new Error('the 指标 block has no 指标编号 in row 4');
    await typeCell(page, '指标', figure4, 12.5);
    await typeCell(page, '指标', figure5, '约30');

    // ---- 检查 lists the bad figure and selects its cell on click
    const checked = await statusAfter(page, '#btn-check', /检查/);
    expect(checked).toMatch(/检查完成：错误 [1-9]\d* 项/);
    const item = page.locator('#results li', { hasText: `指标!${figure5}` }).first();
    await expect(item.count()).resolves.toBeGreaterThan(0);
    // a mouse click, or Space on the focused item (keyboard access, as on a button)
    if (ie11) {
      await item.focus();
      await page.keyboard.press('Space');
    } else await item.click();
    await page.waitForFunction((a1) => {
      const w = window as unknown as { __fakeExcel: { model: { selection: { address: string } | null } } };
      return w.__fakeExcel.model.selection?.address === a1;
    }, figure5);
    expect((await fakeInfo(page)).selection).toEqual({ sheet: '指标', address: figure5 });

    // ---- 拉取指标 refuses to run over an unreadable figure (it would be lost) …
    const blocked = await statusAfter(page, '#btn-pull', /无法识别|已更新/);
    expect(blocked).toMatch(/1 处填报内容无法识别/);
    expect(await page.locator('#results li', { hasText: `指标!${figure5}` }).count()).toBeGreaterThan(0);
    // … and once fixed, keeps every typed figure; a second refresh changes nothing.
    await typeCell(page, '指标', figure5, 30);
    const refreshed = await statusAfter(page, '#btn-pull', /已更新|失败|无法/);
    expect(refreshed).toMatch(/已更新填报表：已写入 \d+ 项指标、\d+ 项任务；保留已填内容 2 项/);
    const cells = await sheetCells(page, '指标');
    expect(cells.find(([a1]) => a1 === figure4)?.[1]).toBe(12.5);
    expect(cells.find(([a1]) => a1 === figure5)?.[1]).toBe(30);
    const once = await snapshot(page);
    await statusAfter(page, '#btn-pull', /已更新|失败/);
    expect(await snapshot(page)).toBe(once);

    // ---- 对比 with another submission of the same office (written by the CLI's exceljs path)
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-addin-e2e-'));
    const otherPlan = planWorkbook(catalogue, {
      office: OFFICE,
      period: PERIOD,
      generatedAt,
      documents: [],
      units: [],
      entries: [
        {
          targetId: firstId,
          baseline: null,
          actual: 10,
          asOf: null,
          status: null,
          progress: '',
          problems: '',
          nextSteps: '',
          evidence: '',
        },
      ],
    });
    const otherFile = path.join(dir, '长春市-上次报送.xlsx');
    writeFileSync(otherFile, await writeWorkbookPlan(otherPlan));
    const t1 = Date.now();
    await page.setInputFiles('#compare-file', otherFile);
    await page.waitForFunction(
      () => /对比：|失败|无法/.test(document.getElementById('status')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    timings.compare = Date.now() - t1;
    const compared = (await page.textContent('#status')) ?? '';
    expect(compared).toMatch(/与 长春市-上次报送\.xlsx 对比：.*数值修改 1 处/);
    // listed by 指标名称 (the quote, shortened), not by the machine id
    const quote = catalogue.targets.find((t) => t.id === firstId)?.quote ?? '';
    const label = quote.length > 40 ? `${quote.slice(0, 40)}…` : quote;
    expect(label).not.toBe('');
    const changeItem = page.locator('#results li', { hasText: `${label} 完成值：10 → 12.5` });
    expect(await changeItem.count()).toBe(1);
    await page.click('#btn-highlight');
    await page.waitForFunction((a1) => {
      const w = window as unknown as { __fakeExcel: { model: { selection: { address: string } | null } } };
      return new RegExp(`(^|[^A-Z])${a1}($|[^0-9])`).test(w.__fakeExcel.model.selection?.address ?? '');
    }, figure4);
    mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({
      path: path.join(ROOT, 'test-artifacts', `addin-taskpane-compare${ie11 ? '-ie11' : ''}.png`),
      fullPage: true,
    });

    // ---- 生成报告: a .docx download built in the browser
    const t2 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.click('#btn-report'),
    ]);
    const docxPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(docxPath);
    timings.report = Date.now() - t2;
    expect(download.suggestedFilename()).toBe(`${OFFICE}${PERIOD}落实情况报告.docx`);
    await page.waitForFunction(() => /已生成报告/.test(document.getElementById('status')?.textContent ?? ''));
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    const documentXml = await zip.file('word/document.xml')?.async('string');
    expect(documentXml).toContain(OFFICE);
    expect(documentXml).toContain('落实情况');
    // The one-office template (templates/report/single.hbs) has no ::chart block, so no image.
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(false);
    await page.screenshot({
      path: path.join(ROOT, 'test-artifacts', `addin-taskpane-report${ie11 ? '-ie11' : ''}.png`),
      fullPage: true,
    });

    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('task pane on older or missing hosts', () => {
  it('ExcelApi 1.7 (Office 2019 volume licence): pulls without data validation and says so in Chinese', async () => {
    const { page, problems } = await openPane(browser, server.url, { apiMinor: 7 });
    await page.waitForFunction(
      () => /已连接：.*Excel 2019 批量许可版/.test(document.getElementById('host-line')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await page.fill('#office', OFFICE);
    await page.fill('#period', PERIOD);
    // the catalogue from a URL (same origin, as the CSP allows) instead of the bundled one
    await page.click('#catalogue-box summary');
    await page.check('#catalogue-remote');
    await page.fill('#catalogue-url', `${server.url}catalogue.json`);
    await statusAfter(page, '#btn-pull', /已生成填报表|失败/);
    // the documents a clerk knows, never the content hash
    const line = (await page.textContent('#catalogue-line')) ?? '';
    expect(line).toContain(`《${catalogue.documents[0].title}》`);
    expect(line).toContain(`${catalogue.targets.length} 项指标`);
    expect(line).not.toContain(catalogue.version);
    expect(await page.textContent('#host-line')).not.toMatch(/ExcelApi|\bPC\b/);
    const notes = (await page.locator('#notes li').allTextContents()).join('\n');
    expect(notes).toMatch(/Excel 2019 批量许可版/);
    expect(notes).not.toMatch(/ExcelApi/);
    expect(notes).toMatch(/检查/);
    const info = await fakeInfo(page);
    expect(info.sheets.find((s) => s.name === '指标')?.validations).toBe(0);
    expect(info.sheets.find((s) => s.name === '指标')?.protected).toBe(true);
    await page.screenshot({
      path: path.join(ROOT, 'test-artifacts', 'addin-taskpane-excel2019.png'),
      fullPage: true,
    });
    // office, period and catalogue source are remembered (office-js-helpers Storage → localStorage)
    await page.reload();
    await page.waitForFunction(() =>
      /已连接：.*Excel 2019 批量许可版/.test(document.getElementById('host-line')?.textContent ?? ''),
    );
    expect(await page.inputValue('#office')).toBe(OFFICE);
    expect(await page.inputValue('#period')).toBe(PERIOD);
    expect(await page.isChecked('#catalogue-remote')).toBe(true);
    expect(await page.inputValue('#catalogue-url')).toBe(`${server.url}catalogue.json`);
    expect(problems).toEqual([]);
  });

  it('without office.js the pane says the Office script did not load and disables the buttons', async () => {
    const { page } = await openPane(browser, server.url, { apiMinor: null });
    await page.waitForFunction(
      () => /未能加载 Office 脚本/.test(document.getElementById('status')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.isDisabled('#btn-pull')).toBe(true);
    expect(await page.isDisabled('#btn-report')).toBe(true);
    expect(await page.isDisabled('#btn-submit')).toBe(true);
  });
});
