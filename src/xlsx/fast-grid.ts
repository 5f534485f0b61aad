/**
 * A fast, read-only .xlsx → WorkbookGrid reader for bulk work (consolidating hundreds of offices).
 *
 * exceljs builds a full object model (styles, validations, protection) for every file, ~50–70 ms for a
 * 300-target workbook; consolidation only needs cell values. This reader inflates only the parts it needs
 * (with fflate) and scans the sheet XML for values only, reproducing readWorkbookGrid's reduction
 * (shared/inline/rich text → text, formula → cached result, error → its code, numbers in a date format →
 * Date, covered merge cells empty).
 *
 * Anything it does not expect (a zip fflate cannot read — damaged, encrypted, unknown compression —,
 * missing parts, unusual XML) throws FastGridUnsupported, and callers fall back to exceljs
 * (readWorkbookGrid does this), which also gives the user-facing errors.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue, GridSheet, WorkbookGrid } from '../core/model/grid.js';

export class FastGridUnsupported extends Error {}

function fail(why: string): never {
  throw new FastGridUnsupported(why);
}

// ---- zip

/** Parts every workbook read needs besides its sheets. */
const FIXED_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** Zip entry name as the relationships refer to it (some writers use backslashes or a leading slash). */
function partName(entry: string): string {
  return entry.replace(/\\/g, '/').replace(/^\//, '');
}

/**
 * Inflate the entries `wanted` accepts (by part name) into XML text (strFromU8 also decodes where there
 * is no TextDecoder, as in the add-in's IE11). fflate's own errors (not a zip, truncated, unknown
 * compression method) become FastGridUnsupported: exceljs then reads the file or gives the verdict.
 */
function unzipParts(bytes: Uint8Array, wanted: (part: string) => boolean): Map<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(partName(f.name)) });
  } catch (e) {
    return fail(`unzip: ${(e as Error).message}`);
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) out.set(partName(name), strFromU8(data));
  return out;
}

// ---- xml helpers

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** exceljs decodes Excel's _xHHHH_ escapes in <t> text (e.g. _x000D_ for a carriage return). */
function decodeEscapes(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

const ATTR_RE = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | null {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** Text of all <t> elements of a string item, leaving out phonetic runs (<rPh>). */
function stringItemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += decodeEscapes(decodeXml(m[1] ?? ''));
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(stringItemText(m[1] ?? ''));
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Style index → whether numbers in that style are dates. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const fmts = /<numFmts\b[\s\S]*?<\/numFmts>/.exec(xml)?.[0] ?? '';
  for (const m of fmts.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    custom.set(id, attr(m[1], 'formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/** "AB12" → [row 0-based, col 0-based]. */
function parseRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  return [row - 1, col - 1];
}

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** Content of the first <tag>…</tag> (tag with or without attributes) in a cell's inner XML, or null. */
function elementBetween(xml: string, tag: string): string | null {
  let i = xml.indexOf(`<${tag}`);
  while (i >= 0) {
    const next = xml.charCodeAt(i + tag.length + 1);
    if (next === 62 /* > */ || next === 32 /* space */) {
      const gt = xml.indexOf('>', i);
      if (xml.charCodeAt(gt - 1) === 47 /* / */) return '';
      const close = xml.indexOf(`</${tag}>`, gt);
      if (close < 0) fail(`unclosed <${tag}>`);
      return xml.slice(gt + 1, close);
    }
    i = xml.indexOf(`<${tag}`, i + 1);
  }
  return null;
}

/** Text of the cell's <v> element (the first between gt and close), or null. */
function valueBetween(xml: string, from: number, to: number): string | null {
  const i = xml.indexOf('<v', from);
  if (i < 0 || i >= to) return null;
  const next = xml.charCodeAt(i + 2);
  if (next !== 62 /* > */ && next !== 32) return elementBetween(xml.slice(from + 1, to), 'v');
  const gt = xml.indexOf('>', i);
  if (xml.charCodeAt(gt - 1) === 47) return '';
  const close = xml.indexOf('</v>', gt);
  if (close < 0 || close > to) fail('unclosed <v>');
  return xml.slice(gt + 1, close);
}

interface CellTag {
  r: string | null;
  s: string | null;
  t: string | null;
}

/**
 * The r, s and t attributes of a <c …> tag in one pass over [from, to), without allocating substrings to
 * search in; a single-quoted attribute (never written by Excel, WPS, LibreOffice or exceljs) gives up.
 */
function cellTag(xml: string, from: number, to: number): CellTag {
  const tag: CellTag = { r: null, s: null, t: null };
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 39 /* ' */) fail('single-quoted attributes');
    if (c !== 32 || xml.charCodeAt(i + 2) !== 61 /* = */ || xml.charCodeAt(i + 3) !== 34 /* " */) continue;
    const name = xml.charCodeAt(i + 1);
    const end = xml.indexOf('"', i + 4);
    if (end < 0 || end > to) fail('unclosed attribute');
    if (name === 114 /* r */) tag.r = xml.slice(i + 4, end);
    else if (name === 115 /* s */) tag.s = xml.slice(i + 4, end);
    else if (name === 116 /* t */) tag.t = xml.slice(i + 4, end);
    i = end;
  }
  return tag;
}

/**
 * The cells of one sheet. A plain indexOf scanner (no regular expressions per cell): sheet XML from Excel,
 * WPS, LibreOffice and exceljs always gives each <c> its r="A1" reference; a cell without one, or
 * single-quoted attributes, hands the file to exceljs.
 */
function readSheet(xml: string, ctx: SheetContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) return rows;
  let end = xml.indexOf('</sheetData>', dataStart);
  if (end < 0) end = xml.length;
  // Whether any cell has a formula or an inline string at all: most sheets have neither, and then the
  // per-cell searches for them can be skipped.
  const anyInline = xml.includes('<is', dataStart);
  // Position of the next '<f' at or after the current cell, advanced monotonically (amortised O(n): a
  // fresh indexOf per cell would rescan the rest of the sheet after its last formula).
  let nextFormula = xml.indexOf('<f', dataStart);
  let p = dataStart;
  for (;;) {
    const open = xml.indexOf('<c', p);
    if (open < 0 || open >= end) break;
    const after = xml.charCodeAt(open + 2);
    if (after !== 32 && after !== 62 && after !== 47) {
      p = open + 2;
      continue;
    }
    const gt = xml.indexOf('>', open);
    if (gt < 0) fail('unclosed cell');
    const tag = cellTag(xml, open + 2, gt);
    const ref = tag.r;
    if (ref === null) fail('cell without a reference');
    if (xml.charCodeAt(gt - 1) === 47 /* self-closing: no value */) {
      p = gt + 1;
      continue;
    }
    const close = xml.indexOf('</c>', gt);
    if (close < 0) fail('unclosed cell');
    p = close + 4;
    const t = tag.t ?? 'n';
    // Searches stay inside the cell: an unbounded indexOf would scan on to the next formula anywhere in
    // the sheet, which made sheets without formulas quadratic.
    if (nextFormula >= 0 && nextFormula < gt) nextFormula = xml.indexOf('<f', gt);
    const hasFormula = nextFormula >= 0 && nextFormula < close;
    let value: CellValue = null;
    if (t === 'inlineStr' && anyInline) {
      const is = elementBetween(xml.slice(gt + 1, close), 'is');
      value = is === null ? null : stringItemText(is);
    } else if (t !== 'inlineStr') {
      const v = valueBetween(xml, gt, close);
      const raw = v === null ? null : decodeXml(v);
      if (raw !== null && raw !== '') {
        switch (t) {
          case 's':
            value = ctx.strings[parseInt(raw, 10)] ?? null;
            if (value === null) fail('shared string out of range');
            break;
          case 'str':
            // exceljs decodes entities a second time here; keep its behaviour so both readers agree.
            value = decodeXml(raw);
            break;
          case 'b':
            value = parseInt(raw, 10) !== 0;
            break;
          case 'e':
            value = raw;
            break;
          case 'n': {
            const n = parseFloat(raw);
            const style = tag.s;
            value = style !== null && ctx.dates[Number(style)] ? excelToDate(n, ctx.date1904) : n;
            break;
          }
          default:
            fail(`cell type ${t}`);
        }
      }
    }
    // exceljs drops a formula's cached result when it is 0 or empty; match it so both readers agree.
    if (value === null || (hasFormula && (value === 0 || value === ''))) continue;
    const [row, col] = parseRef(ref);
    if (!(row >= 0 && col >= 0)) fail('bad cell reference');
    (rows[row] ??= [])[col] = value;
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) rows[i] = [];
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}

/** Blank the covered (non-top-left) cells of merged ranges, as readWorkbookGrid does. */
function blankMerges(xml: string, rows: CellValue[][]): void {
  const block = /<mergeCells\b[\s\S]*?<\/mergeCells>/.exec(xml)?.[0];
  if (!block) return;
  for (const m of block.matchAll(/<mergeCell\b([^>]*)\/?>/g)) {
    const ref = attr(m[1], 'ref');
    if (!ref || !ref.includes(':')) continue;
    const [a, b] = ref.split(':');
    const [r1, c1] = parseRef(a);
    const [r2, c2] = parseRef(b);
    for (let r = r1; r <= r2 && r < rows.length; r++) {
      const row = rows[r];
      for (let c = c1; c <= c2 && c < row.length; c++) if (r !== r1 || c !== c1) row[c] = null;
    }
  }
  for (const row of rows) while (row.length && row[row.length - 1] === null) row.pop();
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Read the values of every sheet. Throws FastGridUnsupported when the file is anything unusual. */
export function readWorkbookGridFast(bytes: Uint8Array): WorkbookGrid {
  // Sheets live in xl/worksheets/ in every writer's output (exceljs reads them only from there too); a
  // sheet anywhere else is 'sheet part missing' below and goes to exceljs.
  const parts = unzipParts(bytes, (p) => FIXED_PARTS.includes(p) || /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  const workbook = parts.get('xl/workbook.xml') ?? fail('no workbook part');
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? fail('no workbook relationships');
  const relTargets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) relTargets.set(id, target);
  }
  const pr = /<workbookPr\b([^>]*)/.exec(workbook)?.[1] ?? '';
  const d1904 = attr(pr, 'date1904');
  const ctx: SheetContext = {
    strings: sharedStrings(parts.get('xl/sharedStrings.xml') ?? null),
    dates: dateStyles(parts.get('xl/styles.xml') ?? null),
    date1904: d1904 === '1' || d1904 === 'true',
  };
  const sheets: GridSheet[] = [];
  const list = /<sheets\b[\s\S]*?<\/sheets>/.exec(workbook)?.[0] ?? fail('no sheets');
  for (const m of list.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name') ?? fail('sheet without a name');
    const rid = attr(m[1], 'r:id') ?? fail('sheet without a relationship');
    const target = relTargets.get(rid) ?? fail('sheet relationship missing');
    const xml = parts.get(resolveTarget(target)) ?? fail('sheet part missing');
    const stateAttr = attr(m[1], 'state');
    const state = stateAttr === 'veryHidden' ? 'veryHidden' : stateAttr === 'hidden' ? 'hidden' : 'visible';
    const rows = readSheet(xml, ctx);
    blankMerges(xml, rows);
    sheets.push({ name, state, rows });
  }
  return { sheets };
}
