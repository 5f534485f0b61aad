/**
 * The roster as the wizard previews and edits it: read with the core's parseRoster (the same rules the
 * server applies), and written back as the CSV the server takes.
 */
import { parseRoster, type Roster, type RosterOffice } from '../core/roster.js';
import { isLuoshiError } from '../core/errors.js';

/** Roster CSVs come from Excel as UTF-8 (with or without BOM) or GBK; the browser decodes both. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export type RosterReading = { ok: true; roster: Roster } | { ok: false; message: string };

export function readRoster(text: string, file: string): RosterReading {
  try {
    return { ok: true, roster: parseRoster(text, file) };
  } catch (e) {
    if (isLuoshiError(e)) return { ok: false, message: e.message };
    throw e;
  }
}

const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function rosterCsv(offices: readonly RosterOffice[]): string {
  const rows = offices.map((o) =>
    [o.office, o.level ?? '', o.contact ?? '', o.phone ?? '', o.documents.join('、'), o.units.join('、')]
      .map(field)
      .join(','),
  );
  return ['单位,级别,联系人,电话,文件,责任单位', ...rows].join('\n') + '\n';
}
