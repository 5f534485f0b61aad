/**
 * The built pane served by the luoshi server itself (dist/ under /addin/, PGlite, port 0), in
 * headless Chromium with the fake Excel: a clerk signs in with the office's account, 拉取指标 takes
 * the round's targets for the office, and 报送 sends the workbook file Office hands over; the
 * warnings are confirmed in the pane and the server stores exactly those bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { DIST, ROOT, ensureDist, launchChromium, openPane } from './harness.js';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/server/handlers/users.js';
import { sampleEntries } from '../../src/core/workbook/sample.js';
import type { Catalogue } from '../../src/core/model/catalogue.js';
import { ApiClient, testDb, type TestDb } from '../helpers/server.js';
import { seedSources } from '../helpers/seeds.js';
import { fillWorkbook } from '../helpers/fill.js';

const ROSTER = readFileSync(path.join(ROOT, 'templates/roster-吉林省.csv'), 'utf8');
const PERIOD = '2025年度';
const OFFICE = '长春市';

let t: TestDb;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let roundId: number;
let office: { username: string; password: string };
let filled: Uint8Array;

beforeAll(async () => {
  await ensureDist();
  t = await testDb('pglite');
  const adminPassword = (
    await createUser(t.db, { username: 'admin', displayName: '管理员', role: 'admin', office: null })
  ).password;
  app = await buildApp({ db: t.db, addinDir: DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = new ApiClient(base);
  await admin.firstLogin('admin', adminPassword);
  const cat = await admin.upload(
    '/api/catalogues',
    seedSources().map((s) => ({ field: 'files', name: s.name, bytes: s.bytes })),
  );
  const catalogueId = cat.json<{ id: number }>().id;
  const catalogue = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
  roundId = (
    await admin.request('POST', '/api/rounds', {
      name: '2025年度落实情况',
      catalogueId,
      period: PERIOD,
      deadline: '2026-01-15',
      rosterCsv: ROSTER,
    })
  ).json<{ round: { id: number } }>().round.id;
  const accounts = (await admin.request('POST', `/api/rounds/${roundId}/accounts`, {})).json<
    { office: string; username: string; password: string }[]
  >();
  const own = accounts.find((a) => a.office === OFFICE);
  if (!own) throw new Error(`no account for ${OFFICE}`);
  const first = new ApiClient(base);
  await first.firstLogin(own.username, own.password);
  office = { username: own.username, password: `${own.password}-新密码` };
  // the workbook as Office would hand it over: the round's blank, filled in
  const blank = (await first.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;
  const ids = (await first.request('GET', '/api/addin/catalogue')).json<{ targetIds: string[] }>().targetIds;
  const figures = sampleEntries(catalogue, OFFICE, PERIOD, '7', { documents: [], units: [] }).filter((e) =>
    ids.includes(e.targetId),
  );
  filled = await fillWorkbook(
    blank,
    figures.map((e) => ({ ...e })),
  );
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await t?.close();
});

async function statusMatching(page: Page, re: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('status')?.textContent ?? ''),
    re.source,
    { timeout: 60_000 },
  );
  return (await page.textContent('#status')) ?? '';
}

describe('the pane served by the luoshi server', () => {
  it('signs in, pulls the round’s targets for the office and 报送 the workbook with confirmation', async () => {
    const { page } = await openPane(browser, `${base}/addin/`, { apiMinor: 9, file: filled });
    await page.waitForFunction(() =>
      /已连接：/.test(document.getElementById('host-line')?.textContent ?? ''),
    );
    expect(await page.isDisabled('#btn-submit')).toBe(true);

    await page.fill('#server-user', office.username);
    await page.fill('#server-password', office.password);
    await page.click('#btn-signin');
    await statusMatching(page, /已登录落实系统|失败|无法|请/);
    expect(await page.textContent('#status')).toBe('已登录落实系统。');
    expect(await page.inputValue('#server-password')).toBe(''); // not kept in the page
    expect(await page.inputValue('#office')).toBe(OFFICE);
    expect(await page.inputValue('#period')).toBe(PERIOD);
    expect(await page.textContent('#server-line')).toContain('2025年度落实情况');

    await page.click('#btn-pull');
    expect(await statusMatching(page, /已生成填报表|失败/)).toMatch(/^已生成填报表/);

    await page.click('#btn-submit');
    expect(await statusMatching(page, /尚未报送|报送成功|未报送|失败/)).toMatch(/^尚未报送/);
    expect(await page.locator('#results li').count()).toBeGreaterThan(0);
    await page.click('#btn-confirm-submit');
    expect(await statusMatching(page, /报送成功|未报送|失败/)).toMatch(/^报送成功/);

    const staff = new ApiClient(base);
    await staff.login(office.username, office.password);
    const subs = (await staff.request('GET', `/api/rounds/${roundId}/submissions`)).json<
      { sha256: string; office: string }[]
    >();
    expect(subs.map((s) => [s.office, s.sha256])).toEqual([
      [OFFICE, createHash('sha256').update(filled).digest('hex')],
    ]);
  });
});
