/**
 * Excel dates, one implementation for every reader and writer: which number formats show a date (the
 * rule exceljs applies, so the fast reader, the exceljs reader and the add-in read an "h:mm" or
 * "yyyy年m月d日" cell alike), serial day numbers in either date system ↔ dates. Pure.
 */

/** Serial 0 of the 1900 system is 1899-12-30 (Excel counts the non-existent 1900-02-29). */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system. */
const UNIX_EPOCH_SERIAL = 25569;
/** The 1904 system counts from 1904-01-01: its serial 0 is the 1900 system's 1462. */
const DAYS_1904 = 1462;
/** Largest serial Excel shows as a date (9999-12-31 in the 1900 system). */
export const MAX_DATE_SERIAL = 2_958_465;

/** Built-in number formats (by numFmtId) that show a date or time. */
export const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
]);

/**
 * Whether a number format shows a date or time: a y, m, d, h, M, s or b outside quoted text and
 * [colour]/[locale] sections ("General" has none of them).
 */
export function isDateFormat(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * A serial in a date format → the Date (UTC) it shows; a serial outside Excel's date range (negative,
 * 1e12) stays a number, so the workbook reader reports "不是日期" for that cell instead of an invalid Date.
 */
export function serialToDate(serial: number, date1904 = false): Date | number {
  if (!(serial >= 0 && serial <= MAX_DATE_SERIAL)) return serial;
  // the same arithmetic as exceljs, to the millisecond, so both readers give equal Dates
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * 24 * 3600 * 1000));
}

/** ISO "YYYY-MM-DD" → serial day number (1900 date system). */
export function isoToSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_1900_MS) / DAY_MS);
}

/** Serial day number (1900 date system) → ISO "YYYY-MM-DD" (time of day dropped). */
export function serialToIso(serial: number): string {
  return new Date(EPOCH_1900_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A date moved by whole days (the 1904 correction of a reader that missed it). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
