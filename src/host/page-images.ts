/**
 * PDF pages as PNG images with poppler's pdftoppm, for the web page's report preview. Node host only;
 * the server says plainly when poppler is not installed, as it does for LibreOffice.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LuoshiError } from '../core/errors.js';

export const NO_POPPLER =
  '未安装 poppler-utils（pdftoppm），无法把报告转换为页面图像。请安装（Debian/Ubuntu：apt-get install poppler-utils），或下载 PDF 查看';

/** pdftoppm on PATH, or null. */
export function findPdftoppm(env: NodeJS.ProcessEnv = process.env): string | null {
  const name = process.platform === 'win32' ? 'pdftoppm.exe' : 'pdftoppm';
  for (const d of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (existsSync(path.join(d, name))) return path.join(d, name);
  }
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LuoshiError('preview-timeout', `生成页面图像超时（${Math.round(timeoutMs / 1000)} 秒）`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new LuoshiError('preview-failed', `无法启动 pdftoppm：${e.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

/** Every page of a PDF as a PNG at `dpi`, in page order. */
export async function pdfPagesAsPng(pdf: Uint8Array, dpi = 96, timeoutMs = 120_000): Promise<Uint8Array[]> {
  const exe = findPdftoppm();
  if (!exe) throw new LuoshiError('no-poppler', NO_POPPLER);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luoshi-pages-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await fs.writeFile(file, pdf);
    const code = await run(exe, ['-png', '-r', String(dpi), file, path.join(dir, 'page')], timeoutMs);
    // pdftoppm pads the page number to the width of the last one: page-1.png or page-01.png.
    const names = (await fs.readdir(dir))
      .filter((n) => /^page-\d+\.png$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (code !== 0 || names.length === 0)
      throw new LuoshiError('preview-failed', `pdftoppm 未能生成页面图像（退出码 ${code}）`);
    return Promise.all(names.map(async (n) => new Uint8Array(await fs.readFile(path.join(dir, n)))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
