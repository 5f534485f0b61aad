/**
 * .xlsx bytes → WorkbookGrid with exceljs: every cell reduced to a plain value (formula → cached
 * result, rich text → text, hyperlink → its text, error → its code as text, dates as Date), plus each
 * sheet's visibility. The pure readers in src/core/workbook work on the grid only.
 */
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { LuoshiError } from '../core/errors.js';
import type { CellValue, GridSheet, WorkbookGrid } from '../core/model/grid.js';
import {
  CellOutOfRange,
  MAX_COLS,
  MAX_ROWS,
  readWorkbookGridFast,
  type DecodeLatin1,
  type InflateRaw,
} from './fast-grid.js';
import { addDays } from '../core/workbook/excel-dates.js';
import { checkInflatedSizes, checkZip, ZipRefused, zipRefusalText, type ZipEntry } from './zip-guard.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function richText(v: unknown): string | null {
  if (isRecord(v) && Array.isArray(v.richText)) {
    return v.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join('');
  }
  return null;
}

/** Reduce an exceljs cell value to a grid value. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  // A serial outside the date range (1e12 in a date cell) gives an invalid Date; Excel shows it as an
  // error too, and no reader downstream may meet a Date without a time.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '#NUM!' : v;
  if (!isRecord(v)) return typeof v === 'bigint' ? v.toString() : null;
  const rich = richText(v);
  if (rich !== null) return rich;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return null;
    if (isRecord(result) && typeof result.error === 'string') return result.error;
    return plainValue(result);
  }
  if ('hyperlink' in v) {
    const text = v.text;
    const inner = richText(text);
    if (inner !== null) return inner;
    return typeof text === 'string' ? text : typeof v.hyperlink === 'string' ? v.hyperlink : null;
  }
  if (typeof v.error === 'string') return v.error;
  if ('text' in v && typeof v.text === 'string') return v.text;
  return null;
}

function looksLikeOle(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  );
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** MergeValue cells (the covered part of a merged range) carry the master's value in exceljs; the grid keeps them empty. */
const MERGE_TYPE = 1;

export interface ReadGridOptions {
  /** A host's faster inflater for the fast reader (the server passes Node's zlib); fflate otherwise. */
  inflateRaw?: InflateRaw;
  /** A host's one-character-per-byte decoder for the fast reader's sheet scan (fast-grid.ts: sheetText). */
  decodeLatin1?: DecodeLatin1;
}

/**
 * Read a workbook into a grid. The values-only scanner in ./fast-grid.ts (same reduction, ~5× faster)
 * is tried first, on the entries the zip guard has checked; anything it does not handle, and every
 * damaged file, goes through exceljs, which also gives the Chinese verdict for a file that cannot be read.
 */
export async function readWorkbookGrid(
  bytes: Uint8Array,
  file: string,
  options: ReadGridOptions = {},
): Promise<WorkbookGrid> {
  if (looksLikeZip(bytes)) {
    const entries = guardZip(bytes, file) ?? undefined;
    try {
      return readWorkbookGridFast(bytes, { ...options, entries });
    } catch (e) {
      if (e instanceof CellOutOfRange) throw outOfRange(file, e.sheet, e.ref);
      // anything else: fall through to exceljs
    }
  }
  return readWorkbookGridExceljs(bytes, file);
}

/**
 * A zip bomb is refused from the central directory before anything is inflated (./zip-guard.ts);
 * with `inflate`, the entries are also inflated in counted chunks, for exceljs, which trusts the data.
 */
function guardZip(bytes: Uint8Array, file: string, inflate = false): ZipEntry[] | null {
  try {
    const entries: ZipEntry[] | null = checkZip(bytes);
    if (entries && inflate) checkInflatedSizes(bytes, entries);
    return entries;
  } catch (e) {
    if (e instanceof ZipRefused) throw new LuoshiError('zip-bomb', zipRefusalText(file, e.refusal), { file });
    throw e;
  }
}

function outOfRange(file: string, sheet: string, cell: string): LuoshiError {
  return new LuoshiError(
    'cell-out-of-range',
    `${file} 工作表“${sheet}”中有超出 Excel 范围的单元格 ${cell}（最多 ${MAX_ROWS} 行、${MAX_COLS} 列），文件已损坏或被改动，请重新保存或重新报送`,
    { file, sheet, cell },
  );
}

/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1900_TO_1904 = 1462;

/**
 * exceljs recognises only date1904="1"; LibreOffice writes date1904="true" (as valid), and exceljs then
 * reads every date four years early. Whether that happened, from the workbook part itself.
 */
function missed1904(bytes: Uint8Array, wb: ExcelJS.Workbook): boolean {
  // A package without a workbook part leaves exceljs without properties (it then reads no sheets).
  const props = wb.properties as ExcelJS.WorkbookProperties | undefined;
  if (!props || props.date1904) return false;
  try {
    const part = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
    return (
      part !== undefined && /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["']true["']/.test(strFromU8(part))
    );
  } catch {
    return false;
  }
}

function shiftDate(v: CellValue, days: number): CellValue {
  return days && v instanceof Date ? addDays(v, days) : v;
}

/** The exceljs path (full parser); exported so tests can hold the fast reader to the same results. */
export async function readWorkbookGridExceljs(bytes: Uint8Array, file: string): Promise<WorkbookGrid> {
  if (looksLikeOle(bytes)) {
    throw new LuoshiError(
      'not-xlsx',
      `${file} 是旧版 .xls 格式或已加密的文件，无法读取。请在 Excel 或 WPS 中“另存为” .xlsx 格式（不要设置打开密码）后再试`,
      { file },
    );
  }
  if (!looksLikeZip(bytes)) {
    throw new LuoshiError(
      'not-xlsx',
      `${file} 不是 .xlsx 文件（可能是其他格式或已损坏），请提供用 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件`,
      { file },
    );
  }
  guardZip(bytes, file, true);
  // Loaded on first use: most files take the fast reader, and a thread that never loads exceljs keeps a
  // heap ~8 MB smaller, which every full garbage collection of a checking thread has to walk.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (e) {
    throw new LuoshiError(
      'corrupt-xlsx',
      `${file} 已损坏，无法打开（${(e as Error).message}）。请重新保存或重新报送该文件`,
      { file },
    );
  }
  const sheets: GridSheet[] = [];
  const dayShift = missed1904(bytes, wb) ? DAYS_1900_TO_1904 : 0;
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Checked before the rows array grows to that index (row 99,999,999 would take minutes).
      if (rowNumber > MAX_ROWS) throw outOfRange(file, ws.name, `第 ${rowNumber} 行`);
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if ((cell.type as number) === MERGE_TYPE) return;
        const v = shiftDate(plainValue(cell.value), dayShift);
        if (v !== null) out[colNumber - 1] = v;
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      rows[rowNumber - 1] = out;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    const state = ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
    sheets.push({ name: ws.name, state, rows });
  });
  return { sheets };
}
