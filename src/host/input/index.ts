/**
 * Policy documents as offices receive them (.txt, .docx, .pdf, .html/.htm) → catalogue sources.
 * Plain text is decoded by the core; the other formats are read to text here, one line per
 * paragraph and one per table row, so every format of a document yields the same catalogue.
 */
import * as path from 'node:path';
import type { CatalogueSource } from '../../core/catalogue/index.js';
import { LuoshiError } from '../../core/errors.js';
import { docxText } from './docx.js';
import { htmlText } from './html.js';
import { pdfText } from './pdf.js';

/** Extensions `luoshi catalogue build` reads (also when a folder is given). */
export const POLICY_EXTENSIONS = ['.txt', '.docx', '.pdf', '.html', '.htm'] as const;

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b;
}

function isPdf(b: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(b.subarray(0, 1024)).includes('%PDF-');
}

/** Read one policy file's bytes into a catalogue source; LuoshiError (Chinese, naming the file) on bad input. */
export async function policySource(name: string, bytes: Uint8Array): Promise<CatalogueSource> {
  const ext = path.extname(name).toLowerCase();
  if (bytes.length === 0) return { name, bytes };
  switch (ext) {
    case '.docx':
      return { name, bytes, text: docxText(bytes, name) };
    case '.pdf':
      if (!isPdf(bytes))
        throw new LuoshiError('pdf-corrupt', `${name} 已损坏或不是 PDF 文件，无法读取`, { file: name });
      return { name, bytes, text: await pdfText(bytes, name) };
    case '.html':
    case '.htm':
      return { name, bytes, text: htmlText(bytes, name) };
    case '.doc':
    case '.wps':
      throw new LuoshiError(
        'old-word',
        `${name} 是旧版 Word/WPS 格式，无法直接读取。请在 Word 或 WPS 中另存为 .docx 后再试`,
        { file: name },
      );
    default:
      // a .txt, or a file without a known extension: by content
      if (isZip(bytes)) return { name, bytes, text: docxText(bytes, name) };
      if (isPdf(bytes)) return { name, bytes, text: await pdfText(bytes, name) };
      return { name, bytes };
  }
}
