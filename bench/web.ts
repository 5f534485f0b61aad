/**
 * The web pages: first-load weight of the sign-in page (every response the browser fetched, raw and
 * gzip-compressed; target < 1.5 MB compressed) and the 报送进度 dashboard of 200 offices (navigation to
 * the rendered table; target < 1 s). The dashboard's API answers are synthetic (playwright routes), so the
 * figure is the page's own rendering, not the server's.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ensureWebBuild, launchChromium, startServer, VIEWPORTS } from '../test/e2e-web/harness.js';

const WEIGHT_TARGET = 1.5 * 1024 * 1024;
const RENDER_TARGET_MS = 1000;
const OFFICES = 200;

async function firstLoad(page: Page, url: string): Promise<{ raw: number; gzip: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'GET' && r.status() === 200)
      bodies.push(r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(bodies);
  return {
    raw: all.reduce((n, b) => n + b.length, 0),
    gzip: all.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0),
    files: all.length,
  };
}

export function syntheticRound(): unknown {
  const states = ['已报送', '已退回', '已采用'] as const;
  const offices = Array.from({ length: OFFICES }, (_, i) => ({
    office: `第${i + 1}号县（市、区）发展和改革局社会发展科`,
    level: '县级',
    contact: `联系人${i + 1}`,
    phone: `0431-8${String(1000000 + i).slice(1)}`,
    documents: [],
    units: [],
    username: `office${i + 1}`,
    latest:
      i % 4 === 0
        ? null
        : {
            id: i,
            roundId: 1,
            office: `第${i + 1}号县`,
            fileName: `填报表${i}.xlsx`,
            sha256: 'x',
            size: 1,
            state: states[i % 3],
            errors: 0,
            warnings: i % 5,
            submittedBy: `office${i + 1}`,
            submittedAt: new Date(Date.UTC(2026, 5, 1 + (i % 28))).toISOString(),
            remoteAddr: null,
          },
  }));
  const round = {
    id: 1,
    name: '2026年上半年落实情况',
    catalogueId: 1,
    catalogueVersion: 'v',
    period: '2026年上半年',
    deadline: '2026-07-15',
    createdAt: new Date().toISOString(),
    offices: OFFICES,
  };
  return { round, offices };
}

/** Cold navigation to the dashboard: [whole page load, rendering after the data arrived] in ms. */
async function dashboardRender(page: Page, origin: string): Promise<[number, number]> {
  const user = {
    id: 1,
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    office: null,
    mustChangePassword: false,
  };
  let served = 0;
  await page.route('**/api/session', (r) => r.fulfill({ json: { user, csrfToken: 't' } }));
  await page.route('**/api/rounds/1', (r) => {
    served = Date.now();
    return r.fulfill({ json: syntheticRound() });
  });
  const started = Date.now();
  await page.goto(`${origin}/#/rounds/1`);
  await page.getByText(`显示 ${OFFICES} / ${OFFICES} 个单位`).waitFor();
  await page
    .locator('.progress-table tbody tr')
    .nth(OFFICES - 1)
    .waitFor({ state: 'attached' });
  const done = Date.now();
  return [done - started, done - served];
}

export async function run(): Promise<void> {
  await ensureWebBuild();
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: VIEWPORTS.small });
    const weight = await firstLoad(await ctx.newPage(), `${server.url}/#/login`);
    const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `首次加载（登录页）：${weight.files} 个文件，原始 ${kb(weight.raw)}，gzip ${kb(weight.gzip)}（目标 < ${kb(WEIGHT_TARGET)}，占 ${((weight.gzip / WEIGHT_TARGET) * 100).toFixed(0)}%）`,
    );
    const runs: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      const page = await (await browser.newContext({ viewport: VIEWPORTS.large })).newPage();
      runs.push(await dashboardRender(page, server.url));
    }
    const best = Math.min(...runs.map((r) => r[1]));
    console.log(
      `报送进度（${OFFICES} 个单位）：整页冷启动 ${runs.map((r) => r[0]).join(' / ')} ms；数据到达后渲染 ${runs.map((r) => r[1]).join(' / ')} ms，最好 ${best} ms（目标 < ${RENDER_TARGET_MS} ms，占 ${((best / RENDER_TARGET_MS) * 100).toFixed(0)}%）`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
