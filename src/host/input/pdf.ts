/**
 * A PDF with a text layer → the policy text. pdfjs-dist gives positioned text runs; this module
 * rebuilds lines (runs on one baseline, wide gaps as tabs so table rows stay rows), drops running
 * headers, footers and page numbers, and reflows: a line that reaches the right margin continues
 * in the next line unless that one is indented (a new paragraph). A PDF without text (a scan) and
 * an encrypted or corrupt PDF get a Chinese message naming the file.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LuoshiError } from '../../core/errors.js';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
  /** Vertical position within the page, 0 = top, 1 = bottom. */
  place: number;
}

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

const ASCII_WORD = /[A-Za-z0-9]/;

/** Runs of one page → lines, top to bottom; runs half a character apart or more are table cells (Chinese text has no spaces). */
export function linesOfRuns(runs: Run[], page: number, height: number): PdfLine[] {
  const sorted = runs.filter((r) => r.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - r.y) < Math.max(g[0].size, r.size) * 0.5) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let right = g[0].x;
    for (const r of g) {
      const gap = r.x - right;
      if (text && gap > 0.5 * r.size) text += '\t';
      else if (text && gap > 0.2 * r.size && ASCII_WORD.test(text.slice(-1)) && ASCII_WORD.test(r.str[0]))
        text += ' ';
      text += r.str;
      right = Math.max(right, r.x + r.width);
    }
    const size = Math.max(...g.map((r) => r.size));
    return {
      text: withoutAutoSpace(text).trim(),
      x: g[0].x,
      right,
      y: g[0].y,
      size,
      page,
      place: 1 - g[0].y / height,
    };
  });
}

/** Word processors space Chinese from digits and Latin letters ("2018 年 04 月"); the text has no such spaces. */
function withoutAutoSpace(s: string): string {
  return s.replace(
    /(?<=[\u4e00-\u9fa5，。、；：（）“”])[ \u00a0]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \u00a0]+(?=[\u4e00-\u9fa5，。、；：（）“”])/g,
    '',
  );
}

const PAGE_NUMBER =
  /^[-—–－\s]*(?:第\s*)?[0-9０-９]+(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]+\s*页?)?[-—–－\s]*$|^[-—–－\s]*[ivxlcIVXLC]+[-—–－\s]*$/;

/** Running headers and footers: lines in the top or bottom tenth that repeat (digits aside) on half the pages. */
export function dropFurniture(lines: PdfLine[], pages: number): PdfLine[] {
  const edge = (l: PdfLine) => l.place < 0.1 || l.place > 0.9;
  const key = (l: PdfLine) => l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  for (const l of lines.filter(edge)) {
    const k = key(l);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(l.page);
  }
  return lines.filter((l) => {
    if (!edge(l)) return true;
    if (PAGE_NUMBER.test(l.text)) return false;
    return !(pages >= 3 && (seen.get(key(l))?.size ?? 0) >= pages / 2);
  });
}

/** The most common value, rounded to 2 pt (margins are where most lines start and end). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v / 2) * 2, (counts.get(Math.round(v / 2) * 2) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [v, c] of counts) if (c > n || (c === n && v > best)) [best, n] = [v, c];
  return best;
}

/** A line opening with a heading or list label, or a dash item, always starts a paragraph. */
const OPENS_PARAGRAPH =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节条篇部]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[.．、](?!\d)|[)）])|[①-⑳]|——|──|--|附件|专栏)/;

/** Lines → paragraphs: a full line runs on into the next unless that one is indented or a table row. */
export function reflow(lines: PdfLine[]): string {
  if (!lines.length) return '';
  const body = lines.filter((l) => !l.text.includes('\t') && l.text.length >= 8);
  const left = mode(body.map((l) => l.x));
  const right = mode((body.length ? body : lines).map((l) => l.right));
  const pitches = lines
    .slice(1)
    .map((l, i) => (l.page === lines[i].page ? lines[i].y - l.y : 0))
    .filter((p) => p > 0);
  const pitch = pitches.length ? mode(pitches) : 0;
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = lines[i - 1];
    const runsOn =
      prev &&
      !prev.text.includes('\t') &&
      !l.text.includes('\t') &&
      prev.right >= right - 1.2 * prev.size &&
      l.x <= left + 0.5 * l.size &&
      !OPENS_PARAGRAPH.test(l.text) &&
      Math.abs(prev.size - l.size) < 0.5;
    if (runsOn) {
      // a word broken at the margin in Latin text keeps a space; Chinese runs on
      cur += ASCII_WORD.test(prev.text.slice(-1)) && ASCII_WORD.test(l.text[0]) ? ` ${l.text}` : l.text;
      continue;
    }
    if (prev) {
      out.push(cur);
      // a gap of a blank line or more on the same page stays a blank line
      if (pitch && prev.page === l.page && prev.y - l.y > 1.5 * pitch) out.push('');
    }
    cur = l.text;
  }
  out.push(cur);
  return out.join('\n');
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
