/**
 * The web pages end to end, both roles, against the real server (PGlite in a temp folder) in headless
 * Chromium: the coordinating office creates a round from the seeds' policy texts and the sample roster
 * and issues accounts; an office signs in, downloads its workbook, uploads it with an error, sees the
 * problem by cell, fixes it and reports; the coordinating office returns it with a comment, the office
 * sees the comment and resubmits, the coordinating office compares the versions, accepts, and opens
 * 汇总 and 报告. Every page: no console errors, no CSP violations, no request to another host;
 * screenshots at 1366×768 and 1920×1080 in test-artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ROOT,
  ensureWebBuild,
  launchChromium,
  openPage,
  replacePassword,
  shoot,
  signIn,
  startServer,
  type RunningServer,
  type WatchedPage,
} from './harness.js';
import { fillWorkbook } from '../helpers/fill.js';
import { readBack } from '../helpers/workbooks.js';

const ADMIN_PASSWORD = 'Luoshi-admin-2026';
const OFFICE = '长春市';
const OFFICE_PASSWORD = 'Changchun-2026!';

let server: RunningServer;
let browser: Browser;
let admin: WatchedPage;
let office: WatchedPage;
let roundId = 0;
let officeAccount = { username: '', password: '' };

beforeAll(async () => {
  await ensureWebBuild();
  server = await startServer();
  browser = await launchChromium();
  admin = await openPage(browser, server.url);
  office = await openPage(browser, server.url);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Nothing went wrong on the page so far. */
function clean(p: WatchedPage): void {
  expect(p.problems).toEqual([]);
}

async function download(page: Page, click: () => Promise<void>): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('the whole round in the browser', () => {
  it('sign-in refuses a wrong password in Chinese, then the admin replaces the one-time password', async () => {
    const { page } = admin;
    await signIn(page, server.url, 'admin', 'wrong-password');
    await seen(page.getByRole('alert').filter({ hasText: /密码/ }));
    await shoot(page, '01-sign-in');
    await signIn(page, server.url, 'admin', server.admin.password);
    await replacePassword(page, server.admin.password, ADMIN_PASSWORD);
    await page.waitForURL(/#\/rounds$/);
    await seen(page.getByText('还没有填报轮次'));
    await shoot(page, '02-rounds-empty');
    clean(admin);
  });

  it('the wizard builds a catalogue from the seeds, previews the roster and creates the round', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: '新建轮次' }).click();
    const seeds = readdirSync(path.join(ROOT, 'seeds')).map((f) => path.join(ROOT, 'seeds', f));
    await page.getByLabel('上传政策文件', { exact: true }).setInputFiles(seeds);
    await seen(page.getByText(/已生成指标目录/), 120_000);
    await shoot(page, '03-wizard-catalogue');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('轮次名称', { exact: true }).fill('2026年上半年深化医改落实情况');
    await page.getByLabel('填报期间', { exact: true }).fill('2026年上半年');
    await page.getByLabel('截止日期', { exact: true }).fill('2026-07-15');
    await page.getByLabel('截止日期', { exact: true }).press('Enter');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('#wizard-roster').setInputFiles({
      name: '报送单位名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await rosterWorkbook()),
    });
    await seen(table(page, '名单预览').getByText(OFFICE));
    // The row left without an office is named by sheet and row; the rest of the roster is kept.
    await seen(page.getByText('报送单位名单.xlsx 工作表“名单” 第 3 行：“单位”为空，已跳过'));
    await shoot(page, '04-wizard-roster');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '创建轮次' }).click();
    await seen(page.getByText('轮次已创建'));
    clean(admin);
  });

  it('issues the accounts as 账号表.xlsx and shows every office as 未报送 on the dashboard', async () => {
    const { page } = admin;
    const xlsx = await download(page, () => page.getByRole('button', { name: '生成并下载账号表' }).click());
    const sheet = await readAccounts(xlsx);
    const row = sheet.find((r) => r.includes(OFFICE));
    expect(row, '账号表 has the office').toBeDefined();
    officeAccount = { username: row![3], password: row![4] };
    await page.getByRole('button', { name: '查看报送进度' }).click();
    await page.waitForURL(/#\/rounds\/\d+$/);
    roundId = Number(/rounds\/(\d+)/.exec(page.url())![1]);
    const progressTable = table(page, '各单位报送进度');
    await seen(progressTable.getByText(OFFICE));
    await seen(page.locator('.cards').getByText('未报送'));
    await shoot(page, '05-dashboard-none-reported');
    clean(admin);
  });

  it('corrects a target and drops another in the catalogue page, saved as a new version the round uses', async () => {
    const { page } = admin;
    const before = (await roundJson(page)).round.catalogueId;
    await page.goto(`${server.url}/#/rounds/${roundId}/catalogue`);
    const targets = table(page, '指标目录');
    await seen(targets.getByRole('button', { name: /^修改 / }));
    const search = page.getByLabel('搜索指标');
    await search.fill('村卫生室配备适宜');
    await targets
      .getByRole('button', { name: /^修改 / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('目标值').fill('十二点五');
    await dialog.getByRole('button', { name: '确定' }).click();
    await seen(dialog.getByText('“十二点五”不是数字'));
    await shoot(page, '05a-catalogue-edit-refused');
    await dialog.getByLabel('目标值').fill('12.5');
    await dialog.getByLabel('简称').fill('网页修正的简称');
    await dialog.getByRole('button', { name: '确定' }).click();
    await search.fill('');
    await targets
      .getByRole('button', { name: /^删除 / })
      .nth(1)
      .click();
    const pending = page.locator('[aria-label="待保存的修改"]');
    await seen(pending.getByText('目标值 改为 12.5'));
    await seen(pending.getByText(/删除/));
    await shoot(page, '05b-catalogue-pending');
    await pending.getByRole('button', { name: '保存为新版本' }).click();
    await seen(page.getByText(/本轮次已改用新版本/));
    await seen(targets.getByText('网页修正的简称'));
    await seen(targets.getByText('已修正'));
    await shoot(page, '05c-catalogue-saved');
    const after = (await roundJson(page)).round.catalogueId;
    expect(after).not.toBe(before);
    clean(admin);
  });

  it('allocates a total to two offices from the round page: a wrong 分解表 is refused by cell, the right one stored', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/rounds/${roundId}`);
    const panel = page.locator('[aria-label="分解下达"]');
    await seen(panel.getByText('未分解'));
    const template = await download(page, () =>
      panel.getByRole('button', { name: '下载分解表模板' }).click(),
    );
    await page
      .locator('#allocation-file')
      .setInputFiles(xlsxFile('分解表.xlsx', await fillAllocation(template, '二十')));
    const problems = table(page, '分解表的问题');
    await seen(problems.getByText(/二十/));
    await shoot(page, '05d-allocation-refused');
    await page
      .locator('#allocation-file')
      .setInputFiles(xlsxFile('分解表.xlsx', await fillAllocation(template, 20)));
    await seen(panel.getByText(/已分解 1 个指标/));
    await shoot(page, '05e-allocation-stored');
    clean(admin);
  });

  let blank: Uint8Array;
  it('the office signs in, sees its round and deadline, and downloads its own workbook', async () => {
    const { page } = office;
    await signIn(page, server.url, officeAccount.username, officeAccount.password);
    await replacePassword(page, officeAccount.password, OFFICE_PASSWORD);
    await page.waitForURL(/#\/office$/);
    await seen(page.getByText('2026-07-15'));
    blank = await download(page, () => page.getByRole('button', { name: /下载本单位填报表/ }).click());
    const sub = await readBack(blank, undefined, `${OFFICE}.xlsx`);
    expect(sub.office).toBe(OFFICE);
    expect(sub.rows.length).toBeGreaterThan(0);
    await shoot(page, '06-office-home');
    clean(office);
  });

  let fixedBytes: Uint8Array;
  it('an upload with a wrong figure is refused with the problem by sheet and cell; the fixed one is reported', async () => {
    const { page } = office;
    const sub = await readBack(blank, undefined, `${OFFICE}.xlsx`);
    const ids = sub.rows.map((r) => r.targetId);
    const wrong = await fillWorkbook(blank, [
      { targetId: ids[0], actual: '约30', asOf: '2026-06-30', status: '序时推进' },
    ]);
    await uploadAs(page, wrong, `${OFFICE}-第一次.xlsx`);
    const problems = table(page, '检查结果');
    await seen(problems.getByText('错误').first());
    await seen(problems.getByText('指标'));
    await shoot(page, '07-office-upload-errors');

    fixedBytes = await fillWorkbook(
      blank,
      ids
        .slice(0, 3)
        .map((id, i) => ({ targetId: id, actual: 10 + i, asOf: '2026-06-30', status: '序时推进' })),
    );
    await uploadAs(page, fixedBytes, `${OFFICE}-第二次.xlsx`);
    // Only warnings (rows left empty): not reported until the office confirms them.
    const confirm = page.getByRole('button', { name: '已核实以上警告，确认报送' });
    await seen(confirm);
    await shoot(page, '08-office-confirm-warnings');
    await confirm.click();
    await seen(table(page, '报送历史').getByText(`${OFFICE}-第二次.xlsx`));
    await shoot(page, '09-office-reported');
    clean(office);
  });

  it('the coordinating office sees the state, returns the submission with a comment', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/#/rounds/${roundId}`);
    await page.reload();
    await seen(table(page, '各单位报送进度').getByText('已报送'));
    await page.getByRole('button', { name: /催报名单/ }).click();
    await seen(table(page, '催报名单').getByText('吉林市'));
    await shoot(page, '10-urge-list');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: OFFICE }).click();
    await seen(table(page, '历次上传'));
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByLabel('退回意见（填报单位可见）').fill('第3项完成值与统计公报不符，请核实后重报。');
    await page.getByRole('button', { name: '确认退回' }).click();
    await seen(page.getByText('已退回，填报单位会看到退回意见'));
    await shoot(page, '11-office-review-returned');
    clean(admin);
  });

  it('the office sees the comment and resubmits', async () => {
    const { page } = office;
    await page.reload();
    await seen(page.getByText(/第3项完成值与统计公报不符/));
    const sub = await readBack(blank, undefined, `${OFFICE}.xlsx`);
    const ids = sub.rows.map((r) => r.targetId);
    const again = await fillWorkbook(
      fixedBytes,
      ids
        .slice(0, 3)
        .map((id, i) => ({ targetId: id, actual: 20 + i, asOf: '2026-06-30', status: '序时推进' })),
    );
    await uploadAs(page, again, `${OFFICE}-第三次.xlsx`);
    const confirm = page.getByRole('button', { name: '已核实以上警告，确认报送' });
    await seen(confirm);
    await confirm.click();
    await seen(table(page, '报送历史').getByText(`${OFFICE}-第三次.xlsx`));
    await shoot(page, '12-office-resubmitted');
    clean(office);
  });

  it('the coordinating office compares the two versions, accepts, and opens 汇总 and 报告', async () => {
    const { page } = admin;
    await page.reload();
    await page.getByRole('button', { name: '对比' }).click();
    const diff = table(page, '两次上传的差异');
    await seen(diff.getByText('数值修改').first());
    await page.getByRole('button', { name: '采用' }).click();
    await seen(page.getByText('已采用').first());
    await shoot(page, '13-office-review-compare');
    await page.goto(`${server.url}/#/rounds/${roundId}/summary`);
    await seen(table(page, '各单位排名').getByText(OFFICE));
    await seen(page.locator('.chart canvas'));
    await shoot(page, '14-summary');
    const summary = await download(page, () => page.getByRole('button', { name: '下载 汇总.xlsx' }).click());
    expect(Buffer.from(summary.subarray(0, 2)).toString()).toBe('PK');
    await page.goto(`${server.url}/#/rounds/${roundId}/report`);
    const docx = await download(page, () => page.getByRole('button', { name: /生成并下载/ }).click());
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
    await shoot(page, '15-report');
    clean(admin);
  });

  it('the report settings are checked and saved, and the report’s pages are previewed as images', async () => {
    const { page } = admin;
    const settings = page.locator('[aria-label="报告设置"]');
    await settings.getByLabel('主送机关', { exact: true }).fill('省人民政府');
    await settings.getByLabel('文号', { exact: true }).fill('十二号');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await seen(settings.getByRole('alert').filter({ hasText: '“文号”写法不对' }));
    await settings.getByLabel('文号', { exact: true }).fill('吉发改社会〔2026〕12号');
    await settings.getByLabel('抄送', { exact: true }).fill('省卫生健康委、省财政厅');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await seen(page.getByText('报告设置已保存'));
    await page.getByRole('button', { name: '预览页面' }).click();
    // LibreOffice lays the report out on the server; where it is missing the page says so instead.
    const firstPage = page.getByAltText('报告第 1 页');
    const noRenderer = page.getByRole('alert').filter({ hasText: '未安装' });
    await seen(firstPage.or(noRenderer), 180_000);
    if (await firstPage.isVisible()) {
      await firstPage.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector<HTMLImageElement>('img[alt="报告第 1 页"]')?.naturalWidth,
      );
    }
    await shoot(page, '16-report-preview');
    clean(admin);
  });
  it('keyboard only: the office signs in and uploads, the coordinating office opens the round and accepts', async () => {
    // Fresh contexts: nothing but Tab, Shift+Tab, Enter and Space from the sign-in page on.
    const officeKeys = await openPage(browser, server.url);
    const o = officeKeys.page;
    await o.goto(`${server.url}/#/login`);
    await tabTo(o, '#signin-username');
    await o.keyboard.type(officeAccount.username);
    await tabTo(o, '#signin-password');
    await o.keyboard.type(OFFICE_PASSWORD);
    await o.keyboard.press('Enter');
    await o.waitForURL(/#\/office$/);
    await tabTo(o, 'input[type=file]');
    const [chooser] = await Promise.all([o.waitForEvent('filechooser'), o.keyboard.press('Space')]);
    await chooser.setFiles(xlsxFile(`${OFFICE}-键盘.xlsx`, fixedBytes));
    await tabTo(o, 'button', '已核实以上警告，确认报送');
    await o.keyboard.press('Enter');
    await seen(table(o, '报送历史').getByText(`${OFFICE}-键盘.xlsx`));
    await shoot(o, '17-keyboard-office-uploaded');
    clean(officeKeys);

    const adminKeys = await openPage(browser, server.url);
    const a = adminKeys.page;
    await a.goto(`${server.url}/#/login`);
    await tabTo(a, '#signin-username');
    await a.keyboard.type('admin');
    await tabTo(a, '#signin-password');
    await a.keyboard.type(ADMIN_PASSWORD);
    await a.keyboard.press('Enter');
    await a.waitForURL(/#\/rounds$/);
    await tabTo(a, 'a', '2026年上半年深化医改落实情况');
    await a.keyboard.press('Enter');
    await a.waitForURL(/#\/rounds\/\d+$/);
    await tabTo(a, 'a', OFFICE);
    await a.keyboard.press('Enter');
    await seen(table(a, '历次上传').getByText(`${OFFICE}-键盘.xlsx`));
    await tabTo(a, 'button', '采用');
    await a.keyboard.press('Space');
    const uploaded = table(a, '历次上传').locator('tr', { hasText: `${OFFICE}-键盘.xlsx` });
    await seen(uploaded.getByText('已采用'));
    await shoot(a, '18-keyboard-accepted');
    clean(adminKeys);
    await officeKeys.context.close();
    await adminKeys.context.close();
  });
});

/** Press Tab until the focused element matches `css` (and holds `text`); fails when Tab never gets there. */
async function tabTo(page: Page, css: string, text = '', max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(
      ([c, t]) => {
        const el = document.activeElement;
        return !!el && el.matches(c) && (el.textContent ?? '').includes(t);
      },
      [css, text] as const,
    );
    if (there) return;
  }
  throw new Error(`${css} ${text} is not reachable with Tab`);
}

/** The round as the signed-in page's session sees it (the API, same cookie). */
async function roundJson(page: Page): Promise<{ round: { catalogueId: number } }> {
  const r = await page.request.get(`${server.url}/api/rounds/${roundId}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as { round: { catalogueId: number } };
}

/** A table by its aria-label (Element Plus tables carry the label on their wrapper). */
function table(page: Page, name: string): Locator {
  return page.locator(`[aria-label="${name}"]`);
}

/** Wait until the first element the locator finds is visible. */
async function seen(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

async function uploadAs(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
}

function xlsxFile(name: string, bytes: Uint8Array) {
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(bytes),
  };
}

/** The 分解表 template with 国家临床重点专科数 (≥50个) split: 长春市 30, 吉林市 as given. */
async function fillAllocation(template: Uint8Array, jilin: string | number): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('分解')!;
  const header: string[] = [];
  ws.getRow(1).eachCell((c, col) => (header[col] = c.text));
  const nameCol = header.findIndex((h) => h === '指标');
  ws.eachRow((row, n) => {
    if (n === 1 || !row.getCell(nameCol).text.includes('国家临床重点专科')) return;
    row.getCell(header.indexOf('长春市')).value = 30;
    row.getCell(header.indexOf('吉林市')).value = jilin;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The sample roster as the workbook an office would keep: a title row, and one row without an office. */
async function rosterWorkbook(): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const csv = readFileSync(path.join(ROOT, 'templates/roster-吉林省.csv'), 'utf8').trim().split('\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2026年上半年报送单位名单']);
  ws.addRow(csv[0].split(','));
  ws.addRow(['', '地级市', '无名氏']);
  for (const line of csv.slice(1)) ws.addRow(line.split(','));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The 账号表's rows as text cells. */
async function readAccounts(bytes: Uint8Array): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => {
    // The 账号表 is written as plain strings (never formulas), so every cell is text or empty.
    rows.push(
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => (typeof v === 'string' ? v : '')),
    );
  });
  return rows;
}
