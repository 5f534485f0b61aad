/**
 * A fast, read-only .xlsx → WorkbookGrid reader for bulk work (consolidating hundreds of offices).
 *
 * exceljs builds a full object model (styles, validations, protection) for every file, ~50–70 ms for a
 * 300-target workbook; consolidation only needs cell values. This reader inflates only the parts it needs
 * (with fflate) and scans the sheet XML for values only, reproducing readWorkbookGrid's reduction
 * (shared/inline/rich text → text, formula → cached result, error → its code, numbers in a date format →
 * Date, covered merge cells empty).
 *
 * Nearly every cell is written the same way by every writer (`<c r="B4" s="18" t="s"><v>53</v></c>`):
 * such cells are read in one pass over the sheet's bytes (plainCellTag, plainCellValue), every other
 * spelling by the general path, which gives the same values for these too (test/fast-grid-plain).
 *
 * Anything it does not expect (a zip fflate cannot read — damaged, encrypted, unknown compression —,
 * missing parts, unusual XML) throws FastGridUnsupported, and callers fall back to exceljs
 * (readWorkbookGrid does this), which also gives the user-facing errors.
 */
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import type { CellValue, GridSheet, WorkbookGrid } from '../core/model/grid.js';
import { BUILTIN_DATE_FORMATS, isDateFormat, serialToDate } from '../core/workbook/excel-dates.js';
import type { ZipEntry } from './zip-guard.js';

export class FastGridUnsupported extends Error {}

function fail(why: string): never {
  throw new FastGridUnsupported(why);
}

// ---- zip

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** Parts every workbook read needs besides its sheets. */
const FIXED_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', SHARED_STRINGS, 'xl/styles.xml'];

/** Zip entry name as the relationships refer to it (some writers use backslashes or a leading slash). */
function partName(entry: string): string {
  return entry.replace(/\\/g, '/').replace(/^\//, '');
}

/**
 * A faster raw-DEFLATE inflater a host may hand in (the server: Node's native zlib, ~2× fflate). It gets
 * an entry's compressed data and its size as the checked zip directory declares it, and returns the
 * inflated bytes or null when it cannot give exactly that many (fflate then inflates the entry as
 * before, so what is read never depends on which inflater ran).
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array | null;

/**
 * A host's one-character-per-byte decoder (ISO-8859-1, as Node's Buffer latin1Slice): see sheetText.
 * Hosts without a fast one (the add-in) leave it out and every part is decoded as UTF-8.
 */
export type DecodeLatin1 = (bytes: Uint8Array) => string;

export interface FastGridOptions {
  /**
   * The zip's entries as the zip guard (./zip-guard.ts) read and checked them; with them the parts are
   * inflated one by one (by `inflateRaw` when given) instead of fflate's unzipSync reading the
   * directory again.
   */
  entries?: readonly ZipEntry[];
  inflateRaw?: InflateRaw;
  decodeLatin1?: DecodeLatin1;
  /** Tests only: how many bytes of a large part are decoded at a time (PIECE_BYTES). */
  pieceBytes?: number;
}

/** An entry's bytes as fflate's unzipSync gives them: stored copied, deflated into exactly `size` bytes. */
function entryBytes(bytes: Uint8Array, e: ZipEntry, inflateRaw: InflateRaw | undefined): Uint8Array {
  const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) return data.slice();
  if (e.method !== 8) return fail(`unzip: unknown compression type ${e.method}`);
  const fast = inflateRaw?.(data, e.size);
  if (fast) return fast;
  try {
    return inflateSync(data, { out: new Uint8Array(e.size) });
  } catch (err) {
    return fail(`unzip: ${(err as Error).message}`);
  }
}

/**
 * Inflate the entries `wanted` accepts (by part name). fflate's own errors (not a zip, truncated, unknown
 * compression method) become FastGridUnsupported: exceljs then reads the file or gives the verdict.
 * The parts stay bytes until read (partText): a part's text is a large string, and one alive while the
 * checking thread's young generation is collected is moved to the old one at once, for a full
 * collection to free later; decoded one at a time, few are alive at any moment.
 */
function unzipParts(
  bytes: Uint8Array,
  wanted: (part: string) => boolean,
  options: FastGridOptions,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  // fflate decodes a name without the UTF-8 flag as Latin-1, the guard always as UTF-8: they agree on
  // ASCII names only, so any other name goes through fflate as before.
  const entries = options.entries?.every((e) => /^[\x20-\x7e]*$/.test(e.name)) ? options.entries : null;
  if (entries) {
    for (const e of entries) {
      const name = partName(e.name);
      if (wanted(name)) out.set(name, entryBytes(bytes, e, options.inflateRaw));
    }
    return out;
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(partName(f.name)) });
  } catch (e) {
    return fail(`unzip: ${(e as Error).message}`);
  }
  for (const name of Object.keys(files)) out.set(partName(name), files[name]);
  return out;
}

/** A part's XML text (strFromU8 also decodes where there is no TextDecoder, as in the add-in's IE11). */
function partText(parts: Map<string, Uint8Array>, name: string): string | null {
  const data = parts.get(name);
  return data === undefined ? null : normalisePart(strFromU8(data));
}

/** A byte ≥ 0x80 read one character per byte: part of a multi-byte UTF-8 character (or not UTF-8). */
const HIGH = /[\x80-\xff]/;

/**
 * A sheet part's text, and whether it was read one character per byte (`latin1`). UTF-8 decoding of a
 * sheet that holds any Chinese (a formula's ％, a validation prompt) makes a two-byte string several
 * times slower to make and to search than the one-byte string `decodeLatin1` makes, whose offsets are
 * the bytes'. The scanner looks only at ASCII markup, which reads the same either way; every text it
 * takes out for a value goes through utf8Text, which gives what UTF-8 decoding would. The part is
 * decoded as UTF-8 after all when anything before its root element is not ASCII (a byte-order mark, a
 * prolog in another script: rootPrefix would read that differently) or a "?>" follows the root start.
 * With the one-byte text come the part's bytes themselves when every offset of the text is that byte's
 * (nothing was taken out): the plain cell path reads them (SheetContext.bytes).
 */
function sheetText(
  parts: Map<string, Uint8Array>,
  name: string,
  decodeLatin1: DecodeLatin1 | undefined,
): { xml: string; latin1: boolean; bytes: Uint8Array | null } | null {
  const data = parts.get(name);
  if (data === undefined) return null;
  if (decodeLatin1) {
    const decoded = decodeLatin1(data);
    const text = withoutComments(decoded);
    // Only the prolog is searched for a high byte, not the whole part: when the part is all ASCII but
    // a "?>" follows its root, both decodings give the same text, so either way reads the same.
    const root = text.search(/<[A-Za-z_]/);
    const prolog = root < 0 ? text : text.slice(0, root);
    if (!HIGH.test(prolog) && (root < 0 || !text.includes('?>', root))) {
      const xml = withoutRootPrefix(text);
      // the same string unless a comment or a prefix was taken out (then its offsets are no byte's)
      return { xml, latin1: true, bytes: xml === decoded && xml.length === data.length ? data : null };
    }
  }
  return { xml: normalisePart(strFromU8(data)), latin1: false, bytes: null };
}

/**
 * A text taken out of a sheet read one character per byte, as UTF-8 decoding of the whole part gives
 * it (the same string when it is ASCII). Such a text starts and ends at ASCII markup, where UTF-8
 * decoding starts afresh, so decoding it alone gives the same characters; the leading space keeps a
 * byte-order mark at its start (TextDecoder drops one only at the start of what it decodes).
 */
function utf8Text(text: string, latin1: boolean): string {
  if (!latin1 || !HIGH.test(text)) return text;
  const bytes = new Uint8Array(text.length + 1);
  bytes[0] = 32;
  for (let i = 0; i < text.length; i++) bytes[i + 1] = text.charCodeAt(i);
  return strFromU8(bytes).slice(1);
}

// ---- xml helpers

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** Character data of an element: entities decoded outside CDATA sections, CDATA taken literally. */
function decodeXml(s: string): string {
  if (!s.includes('<![CDATA[')) return decodeEntities(s);
  let out = '';
  let i = 0;
  for (;;) {
    const open = s.indexOf('<![CDATA[', i);
    if (open < 0) return out + decodeEntities(s.slice(i));
    const close = s.indexOf(']]>', open + 9);
    if (close < 0) fail('unclosed CDATA');
    out += decodeEntities(s.slice(i, open)) + s.slice(open + 9, close);
    i = close + 3;
  }
}

/**
 * A part with its XML comments removed and the prefix of its root element (`<x:worksheet xmlns:x=…>`)
 * dropped from every element, so the scanner below sees the unprefixed names Excel writes. Elements in
 * another namespace keep their own prefix and are ignored as before.
 */
function normalisePart(xml: string): string {
  return withoutRootPrefix(withoutComments(xml));
}

function withoutComments(xml: string): string {
  return hasComment(xml) ? xml.replace(/<!--[\s\S]*?-->/g, '') : xml;
}

/**
 * Whether the part holds "<!--": searched from its rare "!--" (a search led by '<', on every tag of a
 * sheet, took a tenth of the scan's time).
 */
function hasComment(xml: string): boolean {
  for (let i = xml.indexOf('!--', 1); i >= 0; i = xml.indexOf('!--', i + 1)) {
    if (xml.charCodeAt(i - 1) === 60 /* < */) return true;
  }
  return false;
}

function withoutRootPrefix(xml: string): string {
  const prefix = rootPrefix(xml);
  return prefix === null ? xml : xml.split(`<${prefix}:`).join('<').split(`</${prefix}:`).join('</');
}

/** The definition of a prefixed root: after a BOM, whitespace and processing instructions (<?…?>). */
const ROOT_PREFIX = /^(?:\uFEFF)?\s*(?:<\?[\s\S]*?\?>\s*)*<([A-Za-z_][\w.-]*):[A-Za-z_]/;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[\w.-]/;
const SPACE = /\s/;
/** A character that continues a word (what \b looks at). */
const NAME_WORD = /\w/;

/**
 * The prefix of an element starting at i, as /<([A-Za-z_][\w.-]*):[A-Za-z_]/ would find it there. Walked by
 * hand: the add-in runs this in IE11, which has no sticky (y) regular expressions.
 */
function prefixAt(xml: string, i: number): string | null {
  if (xml[i] !== '<' || !NAME_START.test(xml[i + 1] ?? '')) return null;
  let j = i + 2;
  while (j < xml.length && NAME_CHAR.test(xml[j])) j++;
  return xml[j] === ':' && NAME_START.test(xml[j + 1] ?? '') ? xml.slice(i + 1, j) : null;
}

function prefixByDefinition(xml: string): string | null {
  return ROOT_PREFIX.exec(xml)?.[1] ?? null;
}

/**
 * The prefix ROOT_PREFIX finds, without its cost on an unprefixed part: there the regular expression
 * backtracks by stretching the XML declaration to every later "?>" of the part, a scan of the whole
 * part per part. The usual prolog is walked directly (each instruction ending at its first "?>", as
 * the expression tries first); only when another "?>" could still give a match is it asked.
 */
export function rootPrefix(xml: string): string | null {
  let i = 0;
  let ambiguous = false;
  const skipSpace = () => {
    while (i < xml.length && SPACE.test(xml[i])) i++; // \s includes the BOM
  };
  skipSpace();
  while (xml.startsWith('<?', i)) {
    // "<?>" holds a "?>" before the instruction's first end: a stretched instruction could end there.
    if (xml.charCodeAt(i + 2) === 62) ambiguous = true;
    const end = xml.indexOf('?>', i + 2);
    if (end < 0) return ambiguous ? prefixByDefinition(xml) : null;
    i = end + 2;
    skipSpace();
  }
  const prefix = prefixAt(xml, i);
  if (prefix !== null) return prefix;
  return ambiguous || xml.includes('?>', i) ? prefixByDefinition(xml) : null;
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
    re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** Whether c (a char code) is one \w matches: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A match of ELEMENT's expression (below): the element's content, and where the search goes on. */
interface ElementMatch {
  content: string;
  next: number;
}

/**
 * The next element `name` at or after `from`, as the global regular expression
 * /<name\b[^>]*?(?:\/>|>([\s\S]*?)<\/name>)/g finds it ('' for a self-closing one), but with indexOf:
 * a start tag runs to its first '>', its content to the first end tag after it, and a start without
 * an end tag after it is passed over. False when there is none. (The expressions took a tenth of
 * reading a workbook.)
 */
function nextElement(xml: string, name: string, from: number, m: ElementMatch): boolean {
  const open = `<${name}`;
  for (let i = xml.indexOf(open, from); i >= 0; i = xml.indexOf(open, i + 1)) {
    const after = i + open.length;
    if (after < xml.length && isWordChar(xml.charCodeAt(after))) continue;
    const gt = xml.indexOf('>', after);
    if (gt < 0) return false; // nor has any later start a '>'
    if (gt > after && xml.charCodeAt(gt - 1) === 47 /* / */) {
      m.content = '';
      m.next = gt + 1;
      return true;
    }
    const close = `</${name}>`;
    const end = xml.indexOf(close, gt + 1);
    if (end >= 0) {
      m.content = xml.slice(gt + 1, end);
      m.next = end + close.length;
      return true;
    }
  }
  return false;
}

/** The contents of every element `name` in xml, in order (see nextElement). */
export function elementContents(xml: string, name: string): string[] {
  const out: string[] = [];
  const m: ElementMatch = { content: '', next: 0 };
  while (nextElement(xml, name, m.next, m)) out.push(m.content);
  return out;
}

/** Text of all <t> elements of a string item, leaving out phonetic runs (<rPh>). */
function stringItemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const text of elementContents(body, 't')) out += decodeEscapes(decodeXml(text));
  return out;
}

/**
 * The text of the shared string item at i when it is written `<si><t>TEXT</t></si>` with no markup in
 * TEXT (as nearly every item is), and where the search goes on after it (in m); false for any other
 * spelling. The same as stringItemText of nextElement's content: that content is `<t>TEXT</t>`.
 */
function plainStringItem(xml: string, i: number, m: ElementMatch): boolean {
  if (!xml.startsWith('<si><t>', i)) return false;
  const end = xml.indexOf('</t></si>', i + 7);
  if (end < 0 || xml.indexOf('<', i + 7) !== end) return false;
  m.content = decodeEscapes(decodeEntities(xml.slice(i + 7, end)));
  m.next = end + 9;
  return true;
}

/**
 * The text of every <si> item of `xml` (nextElement), in order, pushed onto `out`; gives where the search
 * went on after the last item (0 when there was none).
 */
function sharedStringItems(xml: string, out: string[]): number {
  const m: ElementMatch = { content: '', next: 0 };
  for (;;) {
    if (plainStringItem(xml, m.next, m)) out.push(m.content);
    else if (nextElement(xml, 'si', m.next, m)) out.push(stringItemText(m.content));
    else return m.next;
  }
}

/** The shared strings of the part's whole text. */
function sharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (xml) sharedStringItems(xml, out);
  return out;
}

/**
 * Bytes of a large part decoded at a time: the shared strings (sharedStringsInPieces) and, read one
 * character per byte, a sheet (sheetPieces). V8 keeps a string of more than 128 KB in its large-object
 * space, memory mapped afresh for each one and unmapped when it dies: a 300-target workbook's ~260 KB of
 * shared strings and ~240 KB 指标 sheet, decoded whole, paid that on every read (~60–70 page faults each,
 * and the unmapping's TLB flush on every core). A piece of this many bytes (and the rest of the item or
 * row it ends in) decodes to an ordinary young string. Measured with the stored JSON written the same way
 * (server/deflated-json.ts), page faults per check (bench/intake.ts): 231 and 239 → 127 and 82; per upload
 * in a server's later bursts (bench/server.ts) ~180 → 2–7. The check's CPU stayed within the noise (in
 * paired runs in one process, 10.72 → 10.73, 11.00 → 11.09 and 13.10 → 12.56 ms).
 */
export const PIECE_BYTES = 48 * 1024;

/** An ASCII end tag's bytes, for afterEndTag. */
function endTagBytes(name: string): Uint8Array {
  const tag = `</${name}>`;
  const out = new Uint8Array(tag.length);
  for (let i = 0; i < tag.length; i++) out[i] = tag.charCodeAt(i);
  return out;
}

const ITEM_END = endTagBytes('si');
const ROW_END = endTagBytes('row');

/**
 * Just after the first `tag` (an ASCII end tag) at or after `from` in the bytes, or -1. Searched from where
 * a piece should end, it stops at the end of the item or row there: a walk of a few hundred bytes.
 */
function afterEndTag(b: Uint8Array, from: number, tag: Uint8Array): number {
  const last = b.length - tag.length;
  for (let i = from; i <= last; i++) {
    if (b[i] !== 60) continue;
    let j = 1;
    while (j < tag.length && b[i + j] === tag[j]) j++;
    if (j === tag.length) return i + j;
  }
  return -1;
}

/** An unprefixed <sst> root after at most a byte-order mark, whitespace and an XML declaration. */
const PLAIN_SST_START = /^\uFEFF?\s*(?:<\?xml\b[^?]*\?>\s*)?<sst[\s>/]/;

/**
 * The shared strings read piece by piece, each piece ending just after an "</si>" (ASCII: a piece boundary
 * is never inside a UTF-8 character) — or null when the part is anything but plainly written, and the
 * whole text is read as before. A piece's items are then those of the whole text: no comment (removed
 * from the whole text before reading), an unprefixed root and no "?>" after it (so the whole text has no
 * root prefix to drop either: rootPrefix), and every piece but the last ending exactly where its last item
 * does (each "</si>" a boundary closes an item, so the next piece starts where the whole text's next
 * search would).
 */
function sharedStringsInPieces(data: Uint8Array, pieceBytes: number): string[] | null {
  const out: string[] = [];
  for (let start = 0; start < data.length;) {
    const cut = afterEndTag(data, start + pieceBytes, ITEM_END);
    const end = cut < 0 ? data.length : cut;
    const text = strFromU8(data.subarray(start, end));
    const root = start === 0 ? (PLAIN_SST_START.exec(text)?.[0].length ?? -1) : 0;
    if (root < 0 || hasComment(text) || text.includes('?>', root)) return null;
    const itemsEnd = sharedStringItems(text, out);
    if (cut >= 0 && itemsEnd !== text.length) return null;
    start = end;
  }
  return out;
}

/** The shared strings part's items, in pieces where it is large and plainly written. */
function sharedStringsOf(parts: Map<string, Uint8Array>, pieceBytes: number): string[] {
  const data = parts.get(SHARED_STRINGS);
  if (data === undefined) return [];
  const pieces = data.length > pieceBytes ? sharedStringsInPieces(data, pieceBytes) : null;
  return pieces ?? sharedStrings(partText(parts, SHARED_STRINGS));
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

/** Excel's sheet limits (rows × columns); a reference beyond them is a damaged or hostile file. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A cell reference outside Excel's sheet, found before anything is allocated for it. */
export class CellOutOfRange extends Error {
  constructor(
    readonly sheet: string,
    readonly ref: string,
  ) {
    super(`cell ${ref} out of range`);
  }
}

/** "AB12" → [row 0-based, col 0-based]; null when it is not an A1 reference inside Excel's limits. */
export function parseCellRef(ref: string): [number, number] | null {
  const at = cellRefIn(charCodes(ref), 0, ref.length);
  return at < 0 ? null : [Math.floor(at / MAX_COLS), at % MAX_COLS];
}

/**
 * A text's char codes as bytes for cellRefIn, a character beyond Latin-1 as 0 (which no reference
 * holds, so the text is no reference either way).
 */
function charCodes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c > 0xff ? 0 : c;
  }
  return out;
}

/**
 * parseCellRef of s[from, to) without taking it out of the sheet's bytes (this runs once per cell):
 * row × MAX_COLS + column (both 0-based), or -1. Char codes, not a regular expression.
 */
function cellRefIn(s: Uint8Array, from: number, to: number): number {
  let i = from < to && s[from] === 36 /* $ */ ? from + 1 : from;
  let col = 0;
  const colStart = i;
  for (; i < to; i++) {
    const c = s[i] | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3) return -1;
  if (i < to && s[i] === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < to; i++) {
    const c = s[i];
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i - rowStart > 7 || s[rowStart] === 48) return -1;
  if (row > MAX_ROWS || col > MAX_COLS) return -1;
  return (row - 1) * MAX_COLS + (col - 1);
}

/** An xsd:double as Excel writes it; anything else in a number cell (0x1A, NaN, 1,5) is kept as text. */
const NUMBER_RE = /^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;

interface SheetContext {
  name: string;
  /** The sheet's text was read one character per byte (sheetText): values go through utf8Text. */
  latin1: boolean;
  /**
   * The part's bytes when the text is exactly their one-character-per-byte reading (latin1, nothing
   * removed): the plain paths read those instead, as a typed array is cheaper to read than a string.
   */
  bytes: Uint8Array | null;
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Whether xml[at] ends an element name (whitespace, '>' or '/'). */
function endsName(xml: string, at: number): boolean {
  const c = xml.charCodeAt(at);
  return c === 62 || c === 47 || isXmlSpace(c);
}

/** Content of the first <tag>…</tag> (tag with or without attributes) in a cell's inner XML, or null. */
function elementBetween(xml: string, tag: string): string | null {
  let i = xml.indexOf(`<${tag}`);
  while (i >= 0) {
    if (endsName(xml, i + tag.length + 1)) {
      const gt = xml.indexOf('>', i);
      if (gt < 0) fail(`unclosed <${tag}>`);
      if (xml.charCodeAt(gt - 1) === 47) return '';
      const close = xml.indexOf(`</${tag}`, gt);
      if (close < 0 || !endsName(xml, close + tag.length + 2)) fail(`unclosed <${tag}>`);
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
  if (!endsName(xml, i + 2)) return elementBetween(xml.slice(from + 1, to), 'v');
  const gt = xml.indexOf('>', i);
  if (xml.charCodeAt(gt - 1) === 47) return '';
  const close = xml.indexOf('</v', gt);
  if (close < 0 || close > to) fail('unclosed <v>');
  return xml.slice(gt + 1, close);
}

/**
 * Where the values of a <c …> tag's r, s and t attributes are in the sheet's text: [from, to), from -1
 * when the attribute is absent. Filled in place, one object per sheet: nothing is allocated per cell
 * (the values are taken out only when needed).
 */
interface CellTag {
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  tFrom: number;
  tTo: number;
  /** Just after the cell's "</c>" when plainCellValue read it. */
  end: number;
}

function newCellTag(): CellTag {
  return { rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, tFrom: -1, tTo: -1, end: -1 };
}

/** The style attribute's text (s="…"), or null. */
function styleOf(xml: string, tag: CellTag): string | null {
  return tag.sFrom < 0 ? null : xml.slice(tag.sFrom, tag.sTo);
}

/** The r attribute's text, entities decoded (only for messages and the rare reference with an entity). */
function refText(xml: string, tag: CellTag): string {
  const value = xml.slice(tag.rFrom, tag.rTo);
  return value.includes('&') ? decodeEntities(value) : value;
}

/** parseCellRef of the r attribute (packed as cellRefIn gives it), entities decoded. */
function cellRefOf(xml: string, tag: CellTag): number {
  const ref = refText(xml, tag);
  return cellRefIn(charCodes(ref), 0, ref.length);
}

/**
 * The r, s and t attributes of a <c …> tag between `from` (just after "<c") and `to` (its '>'), in one
 * pass: any whitespace around names and '=', either quote. Anything that is not name="value" gives up.
 */
function cellTag(xml: string, from: number, to: number, tag: CellTag): void {
  tag.rFrom = tag.sFrom = tag.tFrom = -1;
  let i = from;
  for (;;) {
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    if (i >= to || (xml.charCodeAt(i) === 47 && i === to - 1)) return;
    const nameStart = i;
    while (i < to && !isXmlSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 61) i++;
    // One-letter names only matter (r, s, t); longer ones are skipped without a substring.
    const name = i - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61 /* = */) fail('attribute without a value');
    i++;
    while (i < to && isXmlSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) fail('unquoted attribute');
    const end = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0 || end > to) fail('unclosed attribute');
    if (name === 114 /* r */) {
      tag.rFrom = i + 1;
      tag.rTo = end;
    } else if (name === 115 /* s */) {
      tag.sFrom = i + 1;
      tag.sTo = end;
    } else if (name === 116 /* t */) {
      tag.tFrom = i + 1;
      tag.tTo = end;
    }
    i = end + 1;
  }
}

/**
 * The end (closing quote) of an attribute written ` n="value"` at i — one space, the one-letter name
 * `name` (a char code), '=' and a double quote, nothing around them — whose value holds no '&', '<' or
 * '>'; -1 for anything else.
 */
function plainAttrEnd(b: Uint8Array, i: number, name: number): number {
  if (b[i] !== 32 || b[i + 1] !== name || b[i + 2] !== 61 /* = */ || b[i + 3] !== 34 /* " */) return -1;
  for (let j = i + 4; j < b.length; j++) {
    const c = b[j];
    if (c === 34) return j;
    if (c === 38 /* & */ || c === 60 /* < */ || c === 62 /* > */) return -1;
  }
  return -1;
}

/**
 * The tag of the cell at `open` ("<c ") when it is written as Excel, WPS, LibreOffice and exceljs write
 * it — `<c r="…" s="…" t="…">` or "/>", s and t optional, in that order, one space before each, double
 * quotes, no entity — read in one pass: fills `tag` as cellTag would and gives the index of the tag's
 * '>' (the first '>' after `open`, as no value holds one). -1 for any other spelling, which cellTag reads.
 */
function plainCellTag(b: Uint8Array, open: number, tag: CellTag): number {
  let i = open + 2;
  const rEnd = plainAttrEnd(b, i, 114 /* r */);
  if (rEnd < 0) return -1;
  tag.rFrom = i + 4;
  tag.rTo = rEnd;
  tag.sFrom = tag.tFrom = -1;
  i = rEnd + 1;
  const sEnd = plainAttrEnd(b, i, 115 /* s */);
  if (sEnd >= 0) {
    tag.sFrom = i + 4;
    tag.sTo = sEnd;
    i = sEnd + 1;
  }
  const tEnd = plainAttrEnd(b, i, 116 /* t */);
  if (tEnd >= 0) {
    tag.tFrom = i + 4;
    tag.tTo = tEnd;
    i = tEnd + 1;
  }
  const c = b[i];
  if (c === 62 /* > */) return i;
  return c === 47 /* / */ && b[i + 1] === 62 ? i + 1 : -1;
}

/** Whether "</v></c>" is at i. */
function closesPlainCell(b: Uint8Array, i: number): boolean {
  return (
    b[i] === 60 /* < */ &&
    b[i + 1] === 47 /* / */ &&
    b[i + 2] === 118 /* v */ &&
    b[i + 3] === 62 /* > */ &&
    b[i + 4] === 60 &&
    b[i + 5] === 47 &&
    b[i + 6] === 99 /* c */ &&
    b[i + 7] === 62
  );
}

/** Exact powers of ten (every one up to 1e22 is a double exactly). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Digits s[from, to) as a number, -1 unless 1–9 ASCII digits (nothing else). */
function digitsIn(s: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s[i] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * s[from, to) as parseFloat reads it when it is written `-?digits(.digits)?` with at most 15 digits;
 * NaN for anything else. With at most 15 digits the digits are an exact integer m and the result
 * m / 10^k is one correctly rounded division of two exact doubles: the double nearest the decimal,
 * which is what parseFloat gives.
 */
export function plainNumber(s: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = s[i] === 45; /* - */
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const c = s[i];
    if (c === 46 /* . */ && point < 0 && digits > 0) point = i;
    else if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else return NaN;
  }
  if (digits === 0 || digits > 15 || point === to - 1) return NaN;
  const n = point < 0 ? m : m / POW10[to - point - 1];
  return negative ? -n : n;
}

/**
 * The value of a cell whose content is exactly `<v>TEXT</v></c>` — no formula, TEXT without markup, as
 * nearly every cell is written — when it is a shared string (TEXT 1–9 digits) or a plain number (t
 * absent or "n"; a plain style index): read in place, giving what cellValue gives, with tag.end set
 * after the "</c>". Undefined for anything else, which the general path reads.
 */
function plainCellValue(b: Uint8Array, gt: number, tag: CellTag, ctx: SheetContext): CellValue | undefined {
  if (b[gt + 1] !== 60 /* < */ || b[gt + 2] !== 118 /* v */ || b[gt + 3] !== 62 /* > */) return undefined;
  const from = gt + 4;
  let to = from;
  while (to < b.length && b[to] !== 60) to++;
  if (!closesPlainCell(b, to)) return undefined;
  let value: CellValue;
  if (tag.tFrom >= 0 && tag.tTo - tag.tFrom === 1 && b[tag.tFrom] === 115 /* s */) {
    const index = digitsIn(b, from, to);
    if (index < 0) return undefined;
    value = ctx.strings[index] ?? fail('shared string out of range');
  } else if (tag.tFrom < 0 || (tag.tTo - tag.tFrom === 1 && b[tag.tFrom] === 110) /* n */) {
    const n = plainNumber(b, from, to);
    if (Number.isNaN(n)) return undefined;
    const style = tag.sFrom < 0 ? -1 : digitsIn(b, tag.sFrom, tag.sTo);
    if (tag.sFrom >= 0 && style < 0) return undefined;
    value = style >= 0 && ctx.dates[style] ? serialToDate(n, ctx.date1904) : n;
  } else return undefined;
  tag.end = to + 8;
  return value;
}

/** The value of a cell with type `t` and raw <v> text `raw` (non-empty), reduced as exceljs does. */
function typedValue(t: string, raw: string, style: string | null, ctx: SheetContext): CellValue {
  switch (t) {
    case 's': {
      const value = ctx.strings[parseInt(raw, 10)];
      return value ?? fail('shared string out of range');
    }
    case 'str':
      // exceljs decodes entities a second time here; keep its behaviour so both readers agree.
      return decodeEntities(raw);
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      return raw;
    case 'n': {
      if (!NUMBER_RE.test(raw)) return raw.trim();
      const n = parseFloat(raw);
      return style !== null && ctx.dates[Number(style)] ? serialToDate(n, ctx.date1904) : n;
    }
    default:
      return fail(`cell type ${t}`);
  }
}

/**
 * The shared string of a t="s" cell whose value is written plainly (<v>123</v>, digits only, as every
 * writer does), read in place; undefined for anything else, which takes the general path.
 */
function plainSharedString(xml: string, gt: number, close: number, ctx: SheetContext): CellValue | undefined {
  // The cell's first <v…> must be a bare <v> (as valueBetween would find it first).
  const v = xml.indexOf('<v', gt);
  if (v < 0 || v >= close || xml.charCodeAt(v + 2) !== 62 /* > */) return undefined;
  const end = xml.indexOf('</v', v + 3);
  if (end < 0 || end > close || end === v + 3 || end - v > 12) return undefined;
  let index = 0;
  for (let i = v + 3; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    index = index * 10 + (c - 48);
  }
  return ctx.strings[index] ?? fail('shared string out of range');
}

/** Whether the t attribute (absent: 'n') is exactly `type`; compared in place. */
function typeIs(xml: string, tag: CellTag, type: string): boolean {
  if (tag.tTo - tag.tFrom !== type.length) return false;
  // char by char: startsWith's call costs more than comparing these one to three characters
  for (let i = 0; i < type.length; i++)
    if (xml.charCodeAt(tag.tFrom + i) !== type.charCodeAt(i)) return false;
  return true;
}

/** Value of one cell from its tag and inner XML [gt+1, close); null for an empty cell. */
function cellValue(xml: string, tag: CellTag, gt: number, close: number, ctx: SheetContext): CellValue {
  if (tag.tFrom >= 0 && typeIs(xml, tag, 's')) {
    const fast = plainSharedString(xml, gt, close, ctx);
    if (fast !== undefined) return fast;
  }
  const t = tag.tFrom < 0 ? 'n' : xml.slice(tag.tFrom, tag.tTo);
  if (t === 'inlineStr') {
    const is = elementBetween(xml.slice(gt + 1, close), 'is');
    return is === null ? null : stringItemText(utf8Text(is, ctx.latin1));
  }
  const v = valueBetween(xml, gt, close);
  const raw = v === null ? null : decodeXml(utf8Text(v, ctx.latin1));
  if (raw === null || raw === '') return null;
  const style = styleOf(xml, tag);
  return typedValue(t, raw, style === null ? null : utf8Text(style, ctx.latin1), ctx);
}

/**
 * Puts values into a sheet's rows at packed cell references (cellRefIn), holding on to the row of the
 * last one (cells come row by row); no floating-point remainder (a library call).
 */
function rowsWriter(rows: CellValue[][]): (at: number, value: CellValue) => void {
  let index = -1;
  let row: CellValue[] = [];
  return (at, value) => {
    const r = Math.floor(at / MAX_COLS);
    if (r !== index) {
      row = rows[r] ??= [];
      index = r;
    }
    row[at - r * MAX_COLS] = value;
  };
}

/**
 * xml.indexOf(head + tail, from), searched by `tail`: an indexOf led by a character as frequent as '<'
 * stops at every one of them and took ~0.1 ms on a 240 KB sheet; a rarer first character is skipped
 * to quickly, and each occurrence of `tail` is then checked for `head` before it.
 */
function indexOfMarkup(xml: string, head: string, tail: string, from: number): number {
  for (let i = xml.indexOf(tail, from + head.length); i >= 0; i = xml.indexOf(tail, i + 1)) {
    if (xml.startsWith(head, i - head.length)) return i - head.length;
  }
  return -1;
}

/**
 * The cells of one sheet. A plain indexOf scanner (no regular expressions per cell). Every cell needs
 * its r="A1" reference (Excel, WPS, LibreOffice and exceljs always write one; without it the file goes
 * to exceljs); a reference outside Excel's limits throws CellOutOfRange before any row is allocated.
 */
function readSheet(xml: string, ctx: SheetContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) return rows;
  const end = indexOfMarkup(xml, '</sheet', 'Data', dataStart);
  readCells(xml, dataStart, end < 0 ? xml.length : end, ctx, rowsWriter(rows));
  return filledRows(rows);
}

/** The cells whose tags start in xml[from, end), put into the rows by `setCell`. */
function readCells(
  xml: string,
  from: number,
  end: number,
  ctx: SheetContext,
  setCell: (at: number, value: CellValue) => void,
): void {
  // Position of the next '<f' at or after the current cell, advanced monotonically (amortised O(n): a
  // fresh indexOf per cell would rescan the rest of the sheet after its last formula).
  let nextFormula = indexOfMarkup(xml, '<', 'f', from);
  const tag = newCellTag();
  const bytes = ctx.bytes;
  let p = from;
  for (;;) {
    // The next cell usually starts right where the last one ended.
    const open = bytes !== null && bytes[p] === 60 && bytes[p + 1] === 99 ? p : xml.indexOf('<c', p);
    if (open < 0 || open >= end) break;
    if (!endsName(xml, open + 2)) {
      p = open + 2;
      continue;
    }
    let gt = bytes === null ? -1 : plainCellTag(bytes, open, tag);
    let at: number;
    if (bytes !== null && gt >= 0)
      at = cellRefIn(bytes, tag.rFrom, tag.rTo); // read in place: no entity in a plain tag
    else {
      gt = xml.indexOf('>', open);
      if (gt < 0) fail('unclosed cell');
      cellTag(xml, open + 2, gt, tag);
      if (tag.rFrom < 0) fail('cell without a reference');
      at = cellRefOf(xml, tag);
    }
    if (at < 0) {
      const ref = refText(xml, tag);
      if (/^[A-Za-z]{1,3}[0-9]+$/.test(ref)) throw new CellOutOfRange(ctx.name, ref);
      fail('bad cell reference');
    }
    if ((bytes === null ? xml.charCodeAt(gt - 1) : bytes[gt - 1]) === 47 /* self-closing: no value */) {
      p = gt + 1;
      continue;
    }
    const plain = bytes === null ? undefined : plainCellValue(bytes, gt, tag, ctx);
    if (plain !== undefined) {
      p = tag.end;
      setCell(at, plain);
      continue;
    }
    const close = xml.indexOf('</c', gt);
    if (close < 0 || !endsName(xml, close + 3)) fail('unclosed cell');
    p = close + 3;
    // Searches stay inside the cell: an unbounded indexOf would scan on to the next formula anywhere in
    // the sheet, which made sheets without formulas quadratic.
    if (nextFormula >= 0 && nextFormula < gt) nextFormula = indexOfMarkup(xml, '<', 'f', gt);
    const hasFormula = nextFormula >= 0 && nextFormula < close;
    const value = cellValue(xml, tag, gt, close, ctx);
    // exceljs drops a formula's cached result when it is 0, false or empty; match it so both readers agree.
    if (value === null || (hasFormula && (value === 0 || value === '' || value === false))) continue;
    setCell(at, value);
  }
}

/** The rows with every row and cell left out in between there, empty. */
function filledRows(rows: CellValue[][]): CellValue[][] {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) rows[i] = [];
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return rows;
}

/**
 * What /<mergeCells\b[\s\S]*?<\/mergeCells>/ finds (the first such start that has a close after it,
 * up to that close), searched as indexOfMarkup does.
 */
export function mergeCellsBlock(xml: string): string | null {
  let open = indexOfMarkup(xml, '<merge', 'Cells', 0);
  while (open >= 0 && NAME_WORD.test(xml[open + 11] ?? ''))
    open = indexOfMarkup(xml, '<merge', 'Cells', open + 1);
  if (open < 0) return null;
  const close = indexOfMarkup(xml, '</merge', 'Cells>', open + 11);
  return close < 0 ? null : xml.slice(open, close + 13);
}

/** Blank the covered (non-top-left) cells of merged ranges, as readWorkbookGrid does. */
function blankMerges(xml: string, rows: CellValue[][], latin1: boolean): void {
  const found = mergeCellsBlock(xml);
  if (!found) return;
  const block = utf8Text(found, latin1);
  for (const m of block.matchAll(/<mergeCell\b([^>]*)\/?>/g)) {
    const ref = attr(m[1], 'ref');
    if (!ref || !ref.includes(':')) continue;
    const [a, b] = ref.split(':');
    const from = parseCellRef(a);
    const to = parseCellRef(b);
    if (!from || !to) continue;
    const [r1, c1] = from;
    const [r2, c2] = to;
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

/** A piece of a sheet part: its bytes and their one-character-per-byte text. */
interface SheetPiece {
  xml: string;
  bytes: Uint8Array;
}

/**
 * Whether a piece of a sheet reads as the same stretch of the whole part's one-character-per-byte text
 * would (sheetText): no comment (taken out of the whole text first), no "?>" after the root's start and,
 * in the first piece, an ASCII prolog and an unprefixed root (so the whole text has nothing taken out).
 */
function plainSheetPiece(xml: string, first: boolean): boolean {
  if (hasComment(xml)) return false;
  if (!first) return !xml.includes('?>');
  const root = xml.search(/<[A-Za-z_]/);
  if (root < 0) return false;
  const prolog = xml.slice(0, root);
  return !HIGH.test(prolog) && !xml.includes('?>', root) && rootPrefix(xml) === null;
}

/**
 * A large sheet's pieces, each ending just after a "</row>" and decoded one character per byte on its own
 * (see PIECE_BYTES), or null when the part is anything but plainly written and is read whole.
 */
function sheetPieces(data: Uint8Array, decodeLatin1: DecodeLatin1, pieceBytes: number): SheetPiece[] | null {
  const pieces: SheetPiece[] = [];
  for (let start = 0; start < data.length;) {
    const cut = afterEndTag(data, start + pieceBytes, ROW_END);
    const end = cut < 0 ? data.length : cut;
    const bytes = data.subarray(start, end);
    const xml = decodeLatin1(bytes);
    if (!plainSheetPiece(xml, start === 0)) return null;
    pieces.push({ xml, bytes });
    start = end;
  }
  return pieces;
}

/**
 * The rows of a sheet read piece by piece, as readSheet and blankMerges read its whole text: from the
 * first "<sheetData" to the "</sheetData" after it. A cell's tag and value never hold "</row>" in a sound
 * part, so every cell lies within a piece; a search that ends at a piece's end instead fails
 * (FastGridUnsupported), and the caller then reads the whole text. Null when merged ranges are listed
 * anywhere but in the last piece (they follow the rows).
 */
function readSheetPieces(pieces: SheetPiece[], ctx: Omit<SheetContext, 'bytes'>): CellValue[][] | null {
  const last = pieces[pieces.length - 1];
  if (pieces.some((p) => p !== last && p.xml.includes('mergeCells'))) return null;
  const rows: CellValue[][] = [];
  const setCell = rowsWriter(rows);
  let started = false;
  for (const { xml, bytes } of pieces) {
    const from = started ? 0 : xml.indexOf('<sheetData');
    if (from < 0) continue;
    started = true;
    const end = indexOfMarkup(xml, '</sheet', 'Data', from);
    readCells(xml, from, end < 0 ? xml.length : end, { ...ctx, bytes }, setCell);
    if (end >= 0) break;
  }
  filledRows(rows);
  blankMerges(last.xml, rows, true);
  return rows;
}

/** A sheet's rows: in pieces where it is large and plainly written (sheetPieces), else from its whole text. */
function sheetRows(
  parts: Map<string, Uint8Array>,
  name: string,
  ctx: Omit<SheetContext, 'latin1' | 'bytes'>,
  options: FastGridOptions,
): CellValue[][] {
  const data = parts.get(name);
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  if (data !== undefined && options.decodeLatin1 && data.length > pieceBytes) {
    const pieces = sheetPieces(data, options.decodeLatin1, pieceBytes);
    try {
      const rows = pieces && readSheetPieces(pieces, { ...ctx, latin1: true });
      if (rows) return rows;
    } catch (e) {
      if (!(e instanceof FastGridUnsupported)) throw e;
    }
  }
  const part = sheetText(parts, name, options.decodeLatin1) ?? fail('sheet part missing');
  const rows = readSheet(part.xml, { ...ctx, latin1: part.latin1, bytes: part.bytes });
  blankMerges(part.xml, rows, part.latin1);
  return rows;
}

/**
 * Read the values of every sheet. Throws FastGridUnsupported when the file is anything unusual (the
 * caller then asks exceljs), CellOutOfRange for a reference beyond Excel's sheet (no reader should try).
 */
export function readWorkbookGridFast(bytes: Uint8Array, options: FastGridOptions = {}): WorkbookGrid {
  // Sheets live in xl/worksheets/ in every writer's output (exceljs reads them only from there too); a
  // sheet anywhere else is 'sheet part missing' below and goes to exceljs.
  const parts = unzipParts(
    bytes,
    (p) => FIXED_PARTS.includes(p) || /^xl\/worksheets\/[^/]+\.xml$/.test(p),
    options,
  );
  const workbook = partText(parts, 'xl/workbook.xml') ?? fail('no workbook part');
  const rels = partText(parts, 'xl/_rels/workbook.xml.rels') ?? fail('no workbook relationships');
  const relTargets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) relTargets.set(id, target);
  }
  const pr = /<workbookPr\b([^>]*)/.exec(workbook)?.[1] ?? '';
  const d1904 = attr(pr, 'date1904');
  const shared = {
    strings: sharedStringsOf(parts, options.pieceBytes ?? PIECE_BYTES),
    dates: dateStyles(partText(parts, 'xl/styles.xml')),
    date1904: d1904 === '1' || d1904 === 'true',
  };
  const sheets: GridSheet[] = [];
  const list = /<sheets\b[\s\S]*?<\/sheets>/.exec(workbook)?.[0] ?? fail('no sheets');
  for (const m of list.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name') ?? fail('sheet without a name');
    // The relationships namespace is usually bound to r:, but any prefix is valid.
    const rid = attr(m[1], '[A-Za-z_][\\w.-]*:id') ?? fail('sheet without a relationship');
    const target = relTargets.get(rid) ?? fail('sheet relationship missing');
    const stateAttr = attr(m[1], 'state');
    const state = stateAttr === 'veryHidden' ? 'veryHidden' : stateAttr === 'hidden' ? 'hidden' : 'visible';
    const rows = sheetRows(parts, resolveTarget(target), { ...shared, name }, options);
    sheets.push({ name, state, rows });
  }
  return { sheets };
}
