/**
 * The laid-out pages of a report as poppler's `pdftotext -bbox-layout` describes them: pages, and on
 * each page the text lines with their boxes (in points, origin at the top left of the paper).
 * Pure: the host runs pdftotext and hands the XHTML text in.
 */
import { Parser } from 'htmlparser2';

export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export const PT_PER_MM = 72 / 25.4;

function num(attrs: Record<string, string>, name: string): number {
  const n = Number(attrs[name]);
  return Number.isFinite(n) ? n : 0;
}

/** Parse the XHTML of `pdftotext -bbox-layout`; words of a line are joined without spaces (Chinese text). */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: PdfPage | null = null;
  let line: PdfLine | null = null;
  let inWord = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'page') {
          page = { width: num(attrs, 'width'), height: num(attrs, 'height'), lines: [] };
          pages.push(page);
        } else if (name === 'line' && page) {
          line = {
            x0: num(attrs, 'xmin'),
            y0: num(attrs, 'ymin'),
            x1: num(attrs, 'xmax'),
            y1: num(attrs, 'ymax'),
            text: '',
          };
          page.lines.push(line);
        } else if (name === 'word') inWord = true;
      },
      ontext(text) {
        if (inWord && line) line.text += text;
      },
      onclosetag(name) {
        if (name === 'word') inWord = false;
        else if (name === 'line') line = null;
        else if (name === 'page') page = null;
      },
    },
    { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(xhtml);
  parser.end();
  return pages;
}

/** Every visible character of the laid-out pages (whitespace dropped). */
export function pdfCharacters(pages: PdfPage[]): string {
  return pages.map((p) => p.lines.map((l) => l.text.replace(/\s+/g, '')).join('')).join('');
}
