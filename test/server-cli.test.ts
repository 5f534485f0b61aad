/**
 * The automation contract of `luoshi serve` (issue 11, item 7) through the real command: init prints the
 * one-time password on its last line, the server starts on --data/--port, /api/health needs no session,
 * POST /api/session signs in with JSON and DELETE /api/session signs out; backup while running, a graceful
 * stop on SIGTERM, and a restore into a new folder.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve('bin/luoshi.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-serve-cli-'));
const data = path.join(dir, '数据');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function luoshi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('luoshi serve', () => {
  it('init, serve, health, sign in and out, backup while running, graceful stop, restore', async () => {
    const init = await luoshi('serve', 'init', '--data', data, '--admin', 'admin');
    expect(init.code).toBe(0);
    const last = init.stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/^密码：\S{10,}$/);
    const password = last.slice('密码：'.length);
    const twice = await luoshi('serve', 'init', '--data', data, '--admin', 'admin');
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('已存在');

    const server = spawn(process.execPath, [BIN, 'serve', '--data', data, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      server.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        const m = /已启动：(http:\/\/\S+?)（/.exec(stderr);
        if (m) resolve(m[1]);
      });
      server.once('exit', () => reject(new Error(`server exited: ${stderr}`)));
    });
    try {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, database: 'pglite' });

      const login = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const session = cookie.split(';')[0];
      expect((await fetch(`${url}/api/session`, { headers: { cookie: session } })).status).toBe(200);
      const out = await fetch(`${url}/api/session`, { method: 'DELETE', headers: { cookie: session } });
      expect(out.status).toBe(204);
      expect((await fetch(`${url}/api/session`, { headers: { cookie: session } })).status).toBe(401);

      const tar = path.join(dir, '备份.tar');
      const backup = await luoshi('serve', 'backup', '--data', data, '-o', tar);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('服务运行中');
      expect(readFileSync(tar).includes(Buffer.from('luoshi-backup.json'))).toBe(true);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(existsSync(path.join(data, 'serve.json'))).toBe(false);

    const restored = path.join(dir, '恢复');
    const restore = await luoshi('serve', 'restore', path.join(dir, '备份.tar'), '--data', restored);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/1 个账号/);
    const again = await luoshi('serve', 'restore', path.join(dir, '备份.tar'), '--data', restored);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已有数据');
    // Six command starts (each loading the TypeScript sources through tsx) on a shared 2-core machine.
  }, 300_000);

  it('refuses plain HTTP on a non-local address', async () => {
    const r = await luoshi('serve', '--data', path.join(dir, 'x'), '--port', '0', '--host', '0.0.0.0');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--cert');
  });
});
