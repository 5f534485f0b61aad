/**
 * Print checks through LibreOffice: convert workbooks to PDF in one soffice call (private profile), then
 * read the words and their boxes back with poppler's pdftotext -bbox. A CJK glyph is one em wide in every
 * CJK font, so a word of n CJK characters that is w points wide was printed at w / n points: the printed
 * font size, whatever scale LibreOffice chose to fit the page.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

/** Convert the given files to PDF in `outDir` with one soffice process; returns the PDF paths. */
export async function convertToPdf(files: string[], outDir: string, profileDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profileDir}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 300_000 },
  );
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Pages of a PDF with their words (pdftotext -bbox). */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const w of m[3].matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({ xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4], text: decode(w[5]) });
    }
    pages.push({ width: +m[1], height: +m[2], words });
  }
  return pages;
}

/** Points from the page edge that hold the page header and footer (not scaled with the sheet). */
const HEADER_BAND = 38;
const FOOTER_BAND = 34;

export function headerWords(page: PdfPage): PdfWord[] {
  return page.words.filter((w) => w.yMax < HEADER_BAND);
}

export function footerWords(page: PdfPage): PdfWord[] {
  return page.words.filter((w) => w.yMin > page.height - FOOTER_BAND);
}

export function bodyWords(page: PdfPage): PdfWord[] {
  return page.words.filter((w) => w.yMax >= HEADER_BAND && w.yMin <= page.height - FOOTER_BAND);
}

const CJK_ONLY = /^[\u4e00-\u9fff]{2,}$/u;

/** The printed size (points) of the page's body text: the median em of its all-CJK words. */
export function printedFontSize(page: PdfPage): number | null {
  const ems = bodyWords(page)
    .filter((w) => CJK_ONLY.test(w.text))
    .map((w) => (w.xMax - w.xMin) / [...w.text].length)
    .sort((a, b) => a - b);
  if (ems.length === 0) return null;
  return ems[Math.floor(ems.length / 2)];
}

/** The sheet a page belongs to: the page header's right section is the sheet name (&A). */
export function pageSheet(page: PdfPage): string | null {
  const head = headerWords(page).sort((a, b) => b.xMax - a.xMax);
  return head[0]?.text ?? null;
}
