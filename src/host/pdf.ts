/**
 * .docx → PDF with LibreOffice (soffice --headless), for `luoshi report --pdf` and the tests.
 * Each run gets its own LibreOffice profile (concurrent runs clash on a shared one) and the font
 * aliases of render-fonts.ts, so a machine without the 公文 fonts still lays Chinese out evenly.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LuoshiError } from '../core/errors.js';
import { renderFontEnv } from './render-fonts.js';

/** The soffice executable on PATH (or LUOSHI_SOFFICE), or null when LibreOffice is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.LUOSHI_SOFFICE) return existsSync(env.LUOSHI_SOFFICE) ? env.LUOSHI_SOFFICE : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (process.platform === 'win32') dirs.push('C:\\Program Files\\LibreOffice\\program');
  if (process.platform === 'darwin') dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  for (const d of dirs) for (const n of names) if (existsSync(path.join(d, n))) return path.join(d, n);
  return null;
}

export const NO_LIBREOFFICE =
  '未安装 LibreOffice，无法转换为 PDF（Word 文件已正常生成）。如需 PDF，请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer），或用 Word/WPS 打开后另存为 PDF';

/** Convert .docx bytes to PDF bytes; throws LuoshiError when LibreOffice is missing or fails. */
export async function docxToPdf(docx: Uint8Array, timeoutMs = 180_000): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new LuoshiError('no-libreoffice', NO_LIBREOFFICE);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luoshi-pdf-'));
  try {
    const src = path.join(dir, 'report.docx');
    await fs.writeFile(src, docx);
    // A profile of its own inside the temp folder: removed with it, never shared with another run.
    const profile = `file://${path.join(dir, `lo-profile-${randomBytes(4).toString('hex')}`)}`;
    const env = { ...process.env, ...(await renderFontEnv(dir)), HOME: dir };
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        soffice,
        ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, src],
        {
          env,
          stdio: 'ignore',
        },
      );
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new LuoshiError('pdf-timeout', `LibreOffice 转换 PDF 超时（${Math.round(timeoutMs / 1000)} 秒）`),
        );
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new LuoshiError('pdf-failed', `无法启动 LibreOffice：${e.message}`));
      });
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c ?? 1);
      });
    });
    const pdf = path.join(dir, 'report.pdf');
    if (!existsSync(pdf)) throw new LuoshiError('pdf-failed', `LibreOffice 未能生成 PDF（退出码 ${code}）`);
    return new Uint8Array(await fs.readFile(pdf));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
