/**
 * `luoshi report --verify`: does a report's layout conform to GB/T 9704 (docs/gbt9704.md)? Reads the
 * .docx parts for the static checks, lays the document out with LibreOffice and measures the PDF
 * with poppler's pdftotext for the checks only the laid-out page shows.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { checkZip, ZipRefused, zipRefusalText } from '../xlsx/zip-guard.js';
import { LuoshiError } from '../core/errors.js';
import { parseBboxLayout, type PdfPage } from '../core/report/pdf-layout.js';
import { docxParagraphs, verifyDocx, type DocxParts } from '../core/report/verify-docx.js';
import { verifyLayout } from '../core/report/verify-layout.js';
import { verifyMasthead } from '../core/report/verify-masthead.js';
import { parsePpm, type Raster } from '../core/report/raster.js';
import type { VerifyCheck } from '../core/report/verify-types.js';
import { docxToPdf, findSoffice, NO_LIBREOFFICE } from './pdf.js';

export interface VerifyResult {
  ok: boolean;
  /** Pages laid out by LibreOffice (0 without --render). */
  pages: number;
  checks: VerifyCheck[];
}

/** The XML parts of a .docx, by name; a file that is not a .docx is a LuoshiError naming it. */
export function docxPartsOf(docx: Uint8Array, file = '报告'): DocxParts {
  let entries: Record<string, Uint8Array>;
  try {
    checkZip(docx);
  } catch (e) {
    if (e instanceof ZipRefused) throw new LuoshiError('zip-bomb', zipRefusalText(file, e.refusal), { file });
    throw e;
  }
  try {
    entries = unzipSync(docx, { filter: (f) => f.name.endsWith('.xml') });
  } catch {
    throw new LuoshiError('verify-not-docx', `${file} 不是有效的 Word 文件（.docx）`, { file });
  }
  const parts: DocxParts = {};
  const text = new TextDecoder();
  for (const [name, bytes] of Object.entries(entries)) parts[name] = text.decode(bytes);
  if (!parts['word/document.xml'])
    throw new LuoshiError('verify-not-docx', `${file} 不是有效的 Word 文件（缺少 word/document.xml）`, {
      file,
    });
  return parts;
}

function run(cmd: 'pdftotext' | 'pdftoppm', args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () =>
      reject(
        new LuoshiError(
          'verify-no-poppler',
          `未安装 ${cmd}（poppler-utils），无法检查排版；Debian/Ubuntu：apt-get install poppler-utils`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks))
        : reject(new LuoshiError('verify-poppler', `${cmd} 读取 PDF 失败（退出码 ${code}）`)),
    );
  });
}

/** Resolution of the first page's image: 0.25 mm a pixel, fine enough for the 版头's ±1.5 mm. */
const RASTER_DPI = 100;

/** The pages LibreOffice lays a .docx out on, as poppler measures them, with the PDF itself. */
export async function layOut(
  docx: Uint8Array,
  options: { firstPageImage?: boolean } = {},
): Promise<{ pdf: Uint8Array; pages: PdfPage[]; firstPage: Raster | null }> {
  if (!findSoffice()) throw new LuoshiError('no-libreoffice', NO_LIBREOFFICE);
  const pdf = await docxToPdf(docx);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'luoshi-verify-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await fs.writeFile(file, pdf);
    const xhtml = (await run('pdftotext', ['-bbox-layout', file, '-'])).toString('utf8');
    const image = options.firstPageImage
      ? await run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(RASTER_DPI), file])
      : null;
    return {
      pdf,
      pages: parseBboxLayout(xhtml),
      firstPage: image ? parsePpm(new Uint8Array(image), RASTER_DPI) : null,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A 版头 prints its 标志 in red: red text in the .docx means there is one to measure. */
function hasMasthead(parts: DocxParts): boolean {
  return /<w:color w:val="FF0000"\/>/i.test(parts['word/document.xml'] ?? '');
}

/** Lay the .docx out with LibreOffice and measure it. */
async function renderChecks(
  docx: Uint8Array,
  parts: DocxParts,
): Promise<{ pages: number; checks: VerifyCheck[] }> {
  const masthead = hasMasthead(parts);
  const { pages, firstPage } = await layOut(docx, { firstPageImage: masthead });
  return {
    pages: pages.length,
    checks: [
      ...verifyLayout(pages, docxParagraphs(parts['word/document.xml'])),
      verifyMasthead(pages[0], firstPage, masthead),
    ],
  };
}

/** Check a report: static checks always, layout checks when `render` (needs LibreOffice and poppler). */
export async function verifyReport(
  docx: Uint8Array,
  options: { render?: boolean; file?: string } = {},
): Promise<VerifyResult> {
  const parts = docxPartsOf(docx, options.file);
  const checks = verifyDocx(parts);
  let pages = 0;
  if (options.render !== false) {
    const r = await renderChecks(docx, parts);
    pages = r.pages;
    checks.push(...r.checks);
  }
  return { ok: checks.every((c) => c.ok), pages, checks };
}

/** The result as the CLI prints it: one line per check, then each problem indented. */
export function formatVerifyResult(r: VerifyResult, file: string): string {
  const lines = [
    `${file}${r.pages ? `（${r.pages}页）` : ''}：${r.ok ? '排版符合 GB/T 9704-2012' : '排版有不符合 GB/T 9704-2012 之处'}`,
  ];
  for (const c of r.checks) {
    lines.push(`${c.ok ? '✓' : '✗'} ${c.name}：${c.summary}`);
    for (const p of c.problems) lines.push(`    ${p}`);
  }
  const failed = r.checks.filter((c) => !c.ok).length;
  lines.push(`共${r.checks.length}项检查，${failed ? `${failed}项不符合` : '全部符合'}`);
  return `${lines.join('\n')}\n`;
}
