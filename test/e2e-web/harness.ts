/**
 * The web pages' end-to-end harness: the built pages (dist-web/, built here when older than src/web),
 * the real server (buildApp) on 127.0.0.1 port 0 with a fresh PGlite database in a temp folder, and
 * headless Chromium. Every page opened through `openPage` records console errors, CSP violations,
 * uncaught exceptions and requests to any host but the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { openPglite, type Db } from '../../src/server/db/db.js';
import { migrate } from '../../src/server/db/migrations.js';
import { createUser } from '../../src/server/handlers/users.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(ROOT, 'dist-web');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/web');
export const VIEWPORTS = {
  small: { width: 1366, height: 768 },
  large: { width: 1920, height: 1080 },
} as const;

function newestIn(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? newestIn(full) : statSync(full).mtimeMs;
    }),
  );
}

/** Build dist-web/ with vite unless it is newer than every file in src/web. */
export async function ensureWebBuild(): Promise<{ built: boolean; ms: number }> {
  const index = path.join(WEB_DIR, 'index.html');
  const started = Date.now();
  if (existsSync(index) && statSync(index).mtimeMs > newestIn(path.join(ROOT, 'src/web'))) {
    return { built: false, ms: 0 };
  }
  // Asynchronously, so the test worker keeps answering the runner while vite builds.
  await run('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'], ROOT);
  return { built: true, ms: Date.now() - started };
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export interface RunningServer {
  url: string;
  db: Db;
  app: FastifyInstance;
  admin: { username: string; password: string };
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'luoshi-web-e2e-'));
  const db = await openPglite(dataDir);
  await migrate(db);
  const { password } = await createUser(db, {
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    office: null,
  });
  const app = await buildApp({ db, webDir: WEB_DIR, addinDir: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    admin: { username: 'admin', password },
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Statuses the pages answer on purpose (signed out, upload refused with problems): not errors. */
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (401|409|422)/;

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, CSP violations, page errors and foreign requests seen so far. */
  problems: string[];
}

export async function openPage(
  browser: Browser,
  origin: string,
  viewport = VIEWPORTS.small,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_STATUS.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      problems.push(`foreign request: ${url}`);
    }
  });
  return { page, context, problems };
}

/** A screenshot at both sizes, named for the step, in test-artifacts/web/. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const original = page.viewportSize();
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${size}.png`), fullPage: false });
  }
  if (original) await page.setViewportSize(original);
}

export async function signIn(page: Page, origin: string, username: string, password: string): Promise<void> {
  await page.goto(`${origin}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The one-time password must be replaced at first sign-in. */
export async function replacePassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.waitForURL(/#\/password/);
  await page.getByLabel('原密码（或初始密码）').fill(oldPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
}
