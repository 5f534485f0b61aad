/**
 * The roster: which offices report (one entry workbook each). A CSV whose first column is headed
 * 单位; optional columns 级别, 联系人, 电话, and which documents (文件) or responsible units
 * (责任单位) an office reports on. Pure: callers decode the bytes with decodeText (UTF-8 or GBK).
 */
import { LuoshiError } from './errors.js';
import type { CellValue } from './model/grid.js';

export interface RosterOffice {
  office: string;
  level: string | null;
  contact: string | null;
  phone: string | null;
  /** Documents (id, 发文字号 or title) the office reports on; empty = all. */
  documents: string[];
  /** Responsible units whose targets the office reports on; empty = all. */
  units: string[];
  /** 1-based line in the CSV (for messages). */
  line: number;
}

export interface RosterProblem {
  line: number;
  /** Chinese, naming file and line. */
  message: string;
}

export interface Roster {
  file: string;
  offices: RosterOffice[];
  /** Rows that were skipped, with why. The rest of the roster is still usable. */
  problems: RosterProblem[];
}

const HEADERS: Record<string, keyof Omit<RosterOffice, 'line'>> = {
  单位: 'office',
  单位名称: 'office',
  填报单位: 'office',
  级别: 'level',
  层级: 'level',
  联系人: 'contact',
  填报联系人: 'contact',
  电话: 'phone',
  联系电话: 'phone',
  手机: 'phone',
  文件: 'documents',
  填报文件: 'documents',
  政策文件: 'documents',
  涉及文件: 'documents',
  责任单位: 'units',
  牵头单位: 'units',
  对口单位: 'units',
  部门: 'units',
};

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes); a header with tabs and no commas is read as TSV. */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
      i++;
      continue;
    }
    if (ch === sep) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && src[i + 1] === '\n') i++;
      i++;
      line++;
      start = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted)
    throw new LuoshiError('csv-quote', `${file} 第 ${quoteLine} 行：引号没有配对（"…" 未闭合）`, { file });
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

function splitList(s: string): string[] {
  return s
    .split(/[、;；,，|｜/／\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function parseRoster(text: string, file: string): Roster {
  return rosterFromRecords(parseCsv(text, file), file);
}

function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * The roster from a worksheet's rows (a roster kept as .xlsx, read into a grid by the host) by the same
 * rules as the CSV: the header is the first row whose first cell is 单位 (title rows above it are
 * skipped), problems name the sheet's row. `file` names the file and sheet in messages.
 */
export function parseRosterRows(rows: readonly (readonly CellValue[])[], file: string): Roster {
  const records: CsvRecord[] = [];
  rows.forEach((row, r) => {
    const fields = row.map((v) => cellText(v ?? null));
    if (fields.some((f) => f.trim() !== '')) records.push({ line: r + 1, fields });
  });
  const header = records.findIndex((rec) => HEADERS[rec.fields[0]?.trim() ?? ''] === 'office');
  return rosterFromRecords(header > 0 ? records.slice(header) : records, file);
}

function rosterFromRecords(records: CsvRecord[], file: string): Roster {
  if (records.length === 0) throw new LuoshiError('roster-empty', `${file} 是空文件，没有任何单位`, { file });
  const header = records[0];
  const first = header.fields[0]?.trim() ?? '';
  if (HEADERS[first] !== 'office') {
    throw new LuoshiError(
      'roster-header',
      `${file} 第 ${header.line} 行：第一列的表头应为“单位”，现为“${first}”`,
      { file },
    );
  }
  const columns = header.fields.map((h) => HEADERS[h.trim()] ?? null);
  const problems: RosterProblem[] = [];
  header.fields.forEach((h, i) => {
    if (columns[i] === null && h.trim() !== '') {
      problems.push({
        line: header.line,
        message: `${file} 第 ${header.line} 行：不认识的列“${h.trim()}”，已忽略`,
      });
    }
  });
  const offices: RosterOffice[] = [];
  const seen = new Map<string, number>();
  for (const rec of records.slice(1)) {
    if (rec.fields.every((f) => f.trim() === '')) continue;
    const o: RosterOffice = {
      office: '',
      level: null,
      contact: null,
      phone: null,
      documents: [],
      units: [],
      line: rec.line,
    };
    rec.fields.forEach((raw, i) => {
      const key = columns[i];
      const v = raw.trim();
      if (!key || v === '') return;
      if (key === 'documents' || key === 'units') o[key] = splitList(v);
      else if (key === 'office') o.office = v;
      else o[key] = v;
    });
    if (!o.office) {
      problems.push({ line: rec.line, message: `${file} 第 ${rec.line} 行：“单位”为空，已跳过` });
      continue;
    }
    const dup = seen.get(o.office);
    if (dup !== undefined) {
      problems.push({
        line: rec.line,
        message: `${file} 第 ${rec.line} 行：单位“${o.office}”与第 ${dup} 行重复，已跳过`,
      });
      continue;
    }
    seen.set(o.office, rec.line);
    offices.push(o);
  }
  if (offices.length === 0) {
    throw new LuoshiError(
      'roster-empty',
      `${file} 中没有可用的单位${problems.length ? `（${problems.map((p) => p.message).join('；')}）` : ''}`,
      { file },
    );
  }
  return { file, offices, problems };
}

const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The roster as the CSV parseRoster reads back (what a round stores, whatever file it came from). */
export function writeRosterCsv(offices: readonly Omit<RosterOffice, 'line'>[]): string {
  const rows = offices.map((o) =>
    [o.office, o.level ?? '', o.contact ?? '', o.phone ?? '', o.documents.join('、'), o.units.join('、')]
      .map(csvField)
      .join(','),
  );
  return ['单位,级别,联系人,电话,文件,责任单位', ...rows].join('\n') + '\n';
}
