/**
 * Excel dates (src/core/workbook/excel-dates.ts): the one rule for which formats show a date, shared by
 * the fast reader, the exceljs reader and the add-in, and serials in both date systems. Expected dates
 * are calendar facts (serial 45658 is 2025-01-01 in the 1900 system).
 */
import { describe, expect, it } from 'vitest';
import {
  isDateFormat,
  isoToSerial,
  serialToDate,
  serialToIso,
  addDays,
} from '../src/core/workbook/excel-dates.js';

describe('Excel dates', () => {
  it('a format shows a date or time when it has y m d h M s or b outside quotes and brackets', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'h:mm', 'mm:ss', '[$-804]yyyy/m/d', 'd-mmm-yy'])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '0%', '@', '0.0"万元"', '[Red]0.00', null, 7])
      expect(isDateFormat(f), String(f)).toBe(false);
  });

  it('serials in the 1900 and 1904 systems, with the time of day, and out-of-range serials kept', () => {
    expect(serialToDate(45658)).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(serialToDate(45658.75)).toEqual(new Date('2025-01-01T18:00:00Z'));
    expect(serialToDate(44196, true)).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(serialToDate(0)).toEqual(new Date('1899-12-30T00:00:00Z'));
    expect(serialToDate(2_958_465)).toEqual(new Date('9999-12-31T00:00:00Z'));
    expect(serialToDate(2_958_466)).toBe(2_958_466);
    expect(serialToDate(-1)).toBe(-1);
    expect(serialToDate(Number.NaN)).toBeNaN();
  });

  it('ISO dates and serials both ways; a time of day is dropped', () => {
    expect(isoToSerial('2025-01-01')).toBe(45658);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(45658)).toBe('2025-01-01');
    expect(serialToIso(45658.99)).toBe('2025-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(addDays(new Date('2021-01-01T00:00:00Z'), 1462)).toEqual(new Date('2025-01-02T00:00:00Z'));
  });
});
