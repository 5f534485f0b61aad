/**
 * A PDF with a text layer → the policy text. pdfjs-dist gives positioned text runs; pdf-layout.ts
 * turns them into lines and paragraphs. A PDF without text (a scan) and an encrypted or corrupt PDF
 * get a Chinese message naming the file.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LuoshiError } from '../../core/errors.js';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { dropFurniture, linesOfRuns, reflow, type PdfLine, type Run } from './pdf-layout.js';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Folder of pdfjs-dist's CMaps (Chinese fonts without a ToUnicode table need them). */
function cMapUrl(): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${pathToFileURL(path.join(path.dirname(pkg), 'cmaps')).href}/`;
}

function pdfError(e: unknown, name: string): LuoshiError {
  const kind = e instanceof Error ? e.name : '';
  if (kind === 'PasswordException')
    return new LuoshiError('pdf-encrypted', `${name} 设置了打开密码，无法读取。请取消密码后再试`, {
      file: name,
    });
  return new LuoshiError('pdf-corrupt', `${name} 已损坏或不是 PDF 文件，无法读取`, { file: name });
}

/** The text of a PDF policy document. Throws LuoshiError (Chinese, naming the file) on bad input. */
export async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  const { getDocument } = await loadPdfJs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    throw pdfError(e, name);
  }
  try {
    const lines: PdfLine[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        runs.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height });
      }
      lines.push(...linesOfRuns(runs, p, height));
      page.cleanup();
    }
    if (lines.reduce((n, l) => n + l.text.replace(/\s+/g, '').length, 0) < 20 * Math.min(doc.numPages, 3)) {
      throw new LuoshiError(
        'pdf-no-text',
        `${name} 没有文字层（可能是扫描件或图片），无法读取文字。请向发文单位索取可编辑的电子版（.docx、.txt 或网页），或先用文字识别（OCR）软件转换`,
        { file: name },
      );
    }
    return reflow(dropFurniture(lines, doc.numPages));
  } catch (e) {
    if (e instanceof LuoshiError) throw e;
    throw pdfError(e, name);
  } finally {
    await doc.destroy();
  }
}
