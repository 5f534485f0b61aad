/**
 * Small, targeted edits of the XML parts exceljs writes, for what its API cannot express:
 * - the workbook's default font (exceljs always writes Calibri with the theme's "minor" scheme, which
 *   makes Excel ignore any font name and LibreOffice fall back to a Latin face for titles);
 * - row heights that are estimates (exceljs marks every row with a height as customHeight="1", and
 *   Excel never grows such a row when a clerk types more text);
 * - the hidden _xlnm._FilterDatabase name Excel writes for every autofilter (without it LibreOffice
 *   shows no filter buttons), and a print area with absolute references (exceljs writes "$A1:$O67",
 *   which LibreOffice ignores).
 * Each edit works on one part's text and leaves everything else byte-for-byte as exceljs wrote it.
 */
import { deflateStoredZip, type DeflateRaw } from './rezip.js';

export interface FontSpec {
  name: string;
  size: number;
}

/** A sheet's edits, by 0-based position in the workbook (exceljs writes it as xl/worksheets/sheet{i+1}.xml). */
export interface SheetPatch {
  /** 1-based rows whose stored height is an estimate (not a custom height). */
  autoRows?: ReadonlySet<number>;
  /** Autofilter range, absolute ("$A$3:$J$40"), to name as the sheet's _xlnm._FilterDatabase. */
  filter?: string;
  /** Print area ("A1:O67"), written as the sheet's _xlnm.Print_Area. */
  printArea?: string;
  /** Sheet name as in workbook.xml, for the defined name's reference. */
  name: string;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One <font> element with the given name and size, other children (bold, colour…) kept. */
function withFont(font: string, spec: FontSpec): string {
  let body = font
    .replace(/<scheme [^>]*\/>/g, '')
    .replace(/<charset [^>]*\/>/g, '')
    .replace(/<family [^>]*\/>/g, '');
  const name = `<name val="${escapeXml(spec.name)}"/><family val="3"/><charset val="134"/>`;
  body = /<name [^>]*\/>/.test(body)
    ? body.replace(/<name [^>]*\/>/, name)
    : body.replace('</font>', `${name}</font>`);
  if (!/<sz [^>]*\/>/.test(body)) body = body.replace(/^<font>/, `<font><sz val="${spec.size}"/>`);
  return body;
}

/**
 * Every font of styles.xml in the given family (charset GB2312, no theme scheme); font 0, the
 * workbook default that column widths are measured in, also gets the given size.
 */
export function declareFont(stylesXml: string, spec: FontSpec): string {
  let index = 0;
  return stylesXml.replace(/<font>[\s\S]*?<\/font>|<font\/>/g, (font) => {
    const el = font === '<font/>' ? '<font></font>' : font;
    let out = withFont(el, spec);
    if (index === 0) out = out.replace(/<sz val="[^"]*"\/>/, `<sz val="${spec.size}"/>`);
    index++;
    return out;
  });
}

/** Drop customHeight="1" from the given rows: their ht stays as the initial height, and programs may grow them. */
export function relaxRowHeights(sheetXml: string, rows: ReadonlySet<number>): string {
  if (rows.size === 0) return sheetXml;
  return sheetXml.replace(/<row r="(\d+)"[^>]*>/g, (tag, r: string) =>
    rows.has(Number(r)) ? tag.replace(/ customHeight="1"/, '') : tag,
  );
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function definedName(name: string, sheet: number, ref: string, hidden: boolean): string {
  return `<definedName name="${name}" localSheetId="${sheet}"${hidden ? ' hidden="1"' : ''}>${escapeXml(ref)}</definedName>`;
}

/**
 * Add the sheet-local names Excel writes: a hidden _xlnm._FilterDatabase per autofilter and the
 * _xlnm.Print_Area per print area (any print area exceljs wrote is replaced).
 */
export function addSheetNames(workbookXml: string, sheets: readonly (SheetPatch | undefined)[]): string {
  const names = sheets
    .map((s, i) => {
      if (!s) return '';
      const q = quoteSheet(s.name);
      return (
        (s.filter ? definedName('_xlnm._FilterDatabase', i, `${q}!${absoluteRange(s.filter)}`, true) : '') +
        (s.printArea ? definedName('_xlnm.Print_Area', i, `${q}!${absoluteRange(s.printArea)}`, false) : '')
      );
    })
    .join('');
  if (!names) return workbookXml;
  const xml = workbookXml.replace(/<definedName name="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g, '');
  if (xml.includes('<definedNames>')) return xml.replace('<definedNames>', `<definedNames>${names}`);
  if (xml.includes('<definedNames/>'))
    return xml.replace('<definedNames/>', `<definedNames>${names}</definedNames>`);
  return xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
}

/** "A3:J40" → "$A$3:$J$40". */
export function absoluteRange(a1: string): string {
  return a1
    .split(':')
    .map((p) => p.replace(/^\$?([A-Z]+)\$?(\d+)$/, '$$$1$$$2'))
    .join(':');
}

/**
 * Apply the edits to an .xlsx written by exceljs (stored or deflated) and deflate it at level 1.
 */
export function patchWorkbook(
  bytes: Uint8Array,
  edits: { font: FontSpec; sheets: readonly (SheetPatch | undefined)[] },
  deflateRaw?: DeflateRaw,
): Uint8Array {
  return deflateStoredZip(bytes, 1, deflateRaw, (name, data) => {
    if (name === 'xl/styles.xml') return ENCODER.encode(declareFont(DECODER.decode(data), edits.font));
    if (name === 'xl/workbook.xml') return ENCODER.encode(addSheetNames(DECODER.decode(data), edits.sheets));
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
    const rows = m ? edits.sheets[Number(m[1]) - 1]?.autoRows : undefined;
    if (rows && rows.size > 0) return ENCODER.encode(relaxRowHeights(DECODER.decode(data), rows));
    return data;
  });
}
