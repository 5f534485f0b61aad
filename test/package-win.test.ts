/**
 * The Windows package (npm run package:win). Always: the launch scripts as cmd.exe will read them (GBK,
 * CRLF, the right paths) and the check that keeps other platforms' native binaries out. When a built
 * dist-win/luoshi-windows-x64.zip is present (or LUOSHI_WIN_ZIP names one): unpack it and check its
 * contents; where Debian's wine is installed, start the packaged server with node.exe and reach
 * /api/health. Building the zip (npm ci for win32 + node.exe from the registry) takes minutes, so it is
 * not part of npm test: run `npm run package:win` first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { Unzip, UnzipInflate } from 'fflate';
import {
  backupScript,
  readme,
  startScript,
  stopScript,
  WINDOW_TITLE,
} from '../scripts/package-win/launchers.js';
import { foreignNativeParts } from '../scripts/package-win/native.js';
import { NODE_WIN_VERSION, ZIP_NAME } from '../scripts/package-win/build.js';
import { withoutTsx, workerEntries } from '../scripts/package-win/compile.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ZIP = process.env.LUOSHI_WIN_ZIP ?? path.join(ROOT, 'dist-win', ZIP_NAME);
const WINE = ['/usr/bin/wine64', '/usr/lib/wine/wine64', '/usr/bin/wine'].find((w) => existsSync(w)) ?? null;
const temps: string[] = [];
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('launch scripts', () => {
  const scripts = { start: startScript(), stop: stopScript(), backup: backupScript() };

  it('survive the round trip through GBK, the code page cmd.exe reads them in on Chinese Windows', () => {
    for (const text of Object.values(scripts)) {
      const bytes = iconv.encode(text, 'gbk');
      expect(iconv.decode(bytes, 'gbk')).toBe(text);
      expect(text).not.toMatch(/[^\r]\n/);
    }
  });

  it('start the packaged node.exe on the data folder beside them and open the sign-in page once healthy', () => {
    const s = scripts.start;
    expect(s).toContain('set "NODE=%~dp0node\\node.exe"');
    expect(s).toContain('set "DATA=%~dp0data"');
    expect(s).toMatch(/serve init --data "%DATA%" --admin admin/);
    expect(s).toMatch(new RegExp(`start "${WINDOW_TITLE}" .*serve --data "%DATA%" --port %PORT%`));
    const health = s.indexOf('/api/health');
    const browser = s.indexOf('start "" "http://127.0.0.1:%PORT%/#/login"');
    expect(health).toBeGreaterThan(0);
    expect(browser).toBeGreaterThan(health);
  });

  it('stop by the window title the start script gave the server, and back up with luoshi serve backup', () => {
    expect(scripts.stop).toContain(`taskkill /fi "WINDOWTITLE eq ${WINDOW_TITLE}*"`);
    expect(scripts.backup).toMatch(/serve backup --data "%DATA%" -o "%OUT%"/);
  });

  it('README tells a Windows user what to do first, in Chinese, with a BOM for Notepad', () => {
    const text = readme(NODE_WIN_VERSION);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('双击“启动落实.cmd”');
    expect(text).toContain(NODE_WIN_VERSION);
  });
});

describe('compiled worker entries', () => {
  it('every worker entry under src loads compiled JavaScript, not tsx, in the package', () => {
    const entries = workerEntries(path.join(ROOT, 'src')).map((f) => path.relative(ROOT, f));
    // the upload check's worker (src/server) as well as the file readers' (src/host)
    expect(entries).toContain(path.join('src', 'server', 'intake-worker.mjs'));
    expect(entries).toContain(path.join('src', 'host', 'read-worker.mjs'));
    for (const entry of entries) {
      const compiled = withoutTsx(readFileSync(path.join(ROOT, entry), 'utf8'));
      expect(compiled, entry).not.toMatch(/['"]tsx\/|\.ts['"]/);
    }
  });
});

describe('native parts check', () => {
  it('refuses ELF add-ons and packages for other platforms, accepts win32-x64 ones', () => {
    const nm = tempDir('luoshi-native-');
    const pkg = (name: string, fields: Record<string, unknown>): string => {
      const dir = path.join(nm, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, ...fields }));
      return dir;
    };
    pkg('@x/linux-x64', { os: ['linux'], cpu: ['x64'] });
    const win = pkg('@x/win32-x64', { os: ['win32'], cpu: ['x64'] });
    writeFileSync(path.join(win, 'x.node'), Buffer.from('MZ\x90\x00'));
    const plain = pkg('plain', {});
    writeFileSync(path.join(plain, 'addon.node'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]));
    const found = foreignNativeParts(nm);
    expect(found.map((f) => path.relative(nm, f.split('（')[0]))).toEqual(
      expect.arrayContaining([path.join('@x', 'linux-x64'), path.join('plain', 'addon.node')]),
    );
    expect(found).toHaveLength(2);
  });
});

describe.skipIf(!existsSync(ZIP))('the built zip', () => {
  let top = '';
  const unpack = async (): Promise<string> => {
    if (top) return top;
    const dir = tempDir('luoshi-unzip-');
    await extractZip(ZIP, dir);
    top = path.join(dir, 'luoshi');
    return top;
  };

  it('holds the launchers, node.exe (PE x64), the app and only Windows x64 native modules', async () => {
    const t = await unpack();
    for (const f of ['启动落实.cmd', '停止落实.cmd', '备份数据.cmd', 'README-Windows.txt'])
      expect(existsSync(path.join(t, f))).toBe(true);
    expect(iconv.decode(readFileSync(path.join(t, '启动落实.cmd')), 'gbk')).toBe(startScript());
    const exe = readFileSync(path.join(t, 'node/node.exe'));
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    const pe = exe.readUInt32LE(0x3c);
    expect(exe.subarray(pe, pe + 4).toString('latin1')).toBe('PE\0\0');
    expect(exe.readUInt16LE(pe + 4)).toBe(0x8664);
    for (const f of [
      'app/bin/luoshi.mjs',
      'app/src/cli/main.js',
      'app/dist-web/index.html',
      'app/templates',
      'app/seeds',
    ]) {
      expect(existsSync(path.join(t, f)), f).toBe(true);
    }
    expect(existsSync(path.join(t, 'app/node_modules/@esbuild/win32-x64/esbuild.exe'))).toBe(true);
    expect(
      readdirSync(path.join(t, 'app/node_modules/@resvg/resvg-js-win32-x64-msvc')).some((f) =>
        f.endsWith('.node'),
      ),
    ).toBe(true);
    expect(existsSync(path.join(t, 'app/node_modules/@esbuild/linux-x64'))).toBe(false);
    expect(foreignNativeParts(path.join(t, 'app/node_modules'))).toEqual([]);
  });

  describe.skipIf(WINE === null)('under wine', () => {
    let server: ChildProcess | null = null;
    afterAll(() => {
      server?.kill();
    });

    it('node.exe starts the packaged server on its data folder and /api/health answers', async () => {
      const t = await unpack();
      const env = {
        ...process.env,
        WINEPREFIX: tempDir('luoshi-wine-'),
        WINEDEBUG: '-all',
        NODE_SKIP_PLATFORM_CHECK: '1',
      };
      const node = path.join(t, 'node/node.exe');
      const cli = path.join(t, 'app/bin/luoshi.mjs');
      const data = path.join(t, 'data');
      const log = path.join(t, 'init.log');
      // Node under wine cannot write to a pipe; its output goes to files.
      execFileSync(
        'sh',
        [
          '-c',
          `"${WINE}" "${node}" "${cli}" serve init --data "${data}" --admin admin > "${log}" 2>&1 < /dev/null`,
        ],
        {
          env,
          timeout: 300_000,
        },
      );
      expect(readFileSync(log, 'utf8')).toMatch(/密码：/);
      const port = await freePort();
      server = spawn(
        'sh',
        [
          '-c',
          `exec "${WINE}" "${node}" "${cli}" serve --data "${data}" --port ${port} > "${t}/serve.log" 2>&1 < /dev/null`,
        ],
        { env },
      );
      const health = await poll(`http://127.0.0.1:${port}/api/health`, 240_000);
      expect(health).toMatchObject({ ok: true, database: 'pglite' });
    }, 600_000);
  });
});

/** Unpack as Windows does: names are UTF-8 (general purpose flag 11), which Debian's unzip ignores. */
async function extractZip(zip: string, dir: string): Promise<void> {
  const writes: Promise<void>[] = [];
  const unzipper = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    writes.push(
      new Promise((resolve, reject) => {
        file.ondata = (err, data, final) => {
          if (err) return reject(err);
          chunks.push(data);
          if (!final) return;
          const out = path.join(dir, file.name);
          mkdirSync(path.dirname(out), { recursive: true });
          writeFileSync(out, Buffer.concat(chunks));
          resolve();
        };
      }),
    );
    file.start();
  });
  unzipper.register(UnzipInflate);
  for await (const chunk of createReadStream(zip, { highWaterMark: 1 << 20 })) {
    unzipper.push(chunk as Buffer);
  }
  unzipper.push(new Uint8Array(0), true);
  await Promise.all(writes);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function poll(url: string, ms: number): Promise<unknown> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return r.json();
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
