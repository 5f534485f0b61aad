/**
 * Normalising what offices type: figures ("３０％", "1,234.5", "1.2万", "3.5亿元"), dates
 * ("2025年6月30日", Excel serials, Date objects) and statuses. Pure; used by the reader and by
 * the add-in's 检查 alike.
 */
import type { CellValue } from '../model/grid.js';
import { PROGRESS_STATUSES, type ProgressStatus } from '../model/submission.js';

import { halfWidth as toHalfWidth } from '../text/width.js';
import { serialToIso } from './excel-dates.js';

export { toHalfWidth };

export type FigureResult = { ok: true; value: number | null } | { ok: false; reason: string };

/** Texts that mean "nothing to report" in a figure cell. */
const BLANK_MARKS = new Set(['-', '—', '——', '–', '/', '／', '－']);

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百万: 1e6, 千万: 1e7 };

/**
 * Parse a figure cell for a target whose unit is `unit` (as written in the catalogue, e.g. "%", "亿元", "个").
 * Accepts numbers; numeric text with full-width digits, thousands separators, a trailing unit equal to the
 * target's, "%" only for percent targets, and 万/亿 multipliers (unless the unit already carries them).
 */
export function parseFigure(raw: CellValue | undefined, unit: string | null | undefined): FigureResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, reason: '不是有效数字' };
  }
  if (typeof raw === 'boolean') return { ok: false, reason: '不是数字' };
  if (raw instanceof Date) return { ok: false, reason: '是日期，不是数字' };
  let t = toHalfWidth(String(raw)).replace(/\s+/g, '');
  if (t === '') return { ok: true, value: null };
  if (BLANK_MARKS.has(t)) return { ok: true, value: null };
  const u = unit ? toHalfWidth(unit).replace(/\s+/g, '') : '';
  // A trailing unit equal to the target's (or its suffix after a multiplier, e.g. "元" of "亿元").
  if (u && u !== '%' && t.endsWith(u)) t = t.slice(0, -u.length);
  let percent = false;
  if (t.endsWith('%')) {
    if (u !== '%') return { ok: false, reason: '带有百分号，但本指标单位不是 %' };
    percent = true;
    t = t.slice(0, -1);
  }
  let factor = 1;
  if (!percent) {
    // "1.2万" with unit "万人": the multiplier is the unit's own prefix, so it adds nothing.
    const m = t.match(/(百万|千万|万|亿|千)$/);
    if (m) {
      const mult = m[1];
      t = t.slice(0, -mult.length);
      if (!u.startsWith(mult)) factor = MULTIPLIERS[mult]!;
    }
  }
  // Thousands separators: only in well-formed groups ("1,234,567.8"), so "1,2" stays an error.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, reason: '不是数字' };
  const value = Number(t) * factor;
  if (!Number.isFinite(value)) return { ok: false, reason: '不是有效数字' };
  // Avoid 1.2*1e4 = 12000.000000000002 style noise.
  return { ok: true, value: factor === 1 ? value : Number(value.toPrecision(12)) };
}

/**
 * A Date's day as ISO text (what toISOString gives, cut to the day; it throws as toISOString does for an
 * invalid date). The last one is kept: a workbook's date cells mostly hold one date (the period's end), a
 * Date object each, so the text is made once and shared rather than once per row.
 */
let lastDayTime = NaN;
let lastDay = '';
function isoDay(d: Date): string {
  const t = d.getTime();
  if (t !== lastDayTime) {
    lastDay = d.toISOString().slice(0, 10);
    lastDayTime = t;
  }
  return lastDay;
}

export type DateResult = { ok: true; value: string | null } | { ok: false; reason: string };

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parse a 截至日期 cell: Date, Excel serial, or text such as "2025-06-30", "2025/6/30", "2025.6.30", "2025年6月30日", "20250630". */
export function parseDateCell(raw: CellValue | undefined): DateResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, reason: '不是有效日期' };
    // exceljs and Office.js give dates as UTC midnight of the serial day.
    return { ok: true, value: isoDay(raw) };
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 120000) return { ok: false, reason: '不是日期' };
    return { ok: true, value: serialToIso(raw) };
  }
  if (typeof raw === 'boolean') return { ok: false, reason: '不是日期' };
  const t = toHalfWidth(String(raw)).replace(/\s+/g, '');
  if (t === '' || BLANK_MARKS.has(t)) return { ok: true, value: null };
  let m = t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/) ?? t.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日?$/);
  if (!m) m = t.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) {
    const v = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return v ? { ok: true, value: v } : { ok: false, reason: '不是有效日期' };
  }
  // "2025年6月" / "2025-06": the end of that month.
  const ym = t.match(/^(\d{4})年(\d{1,2})月(?:底|末)?$/) ?? t.match(/^(\d{4})[-/.](\d{1,2})$/);
  if (ym) {
    const y = Number(ym[1]);
    const mo = Number(ym[2]);
    const v = mo >= 1 && mo <= 12 ? validYmd(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate()) : null;
    return v ? { ok: true, value: v } : { ok: false, reason: '不是有效日期' };
  }
  return { ok: false, reason: '不是日期（请写成 2025-06-30 的形式）' };
}

const STATUS_ALIASES: Record<string, ProgressStatus> = {
  完成: '已完成',
  已经完成: '已完成',
  按序时推进: '序时推进',
  按时序推进: '序时推进',
  正常推进: '序时推进',
  序时进度: '序时推进',
  进度滞后: '滞后',
  滞后推进: '滞后',
  尚未启动: '未启动',
  未开始: '未启动',
};

export type StatusResult = { ok: true; value: ProgressStatus | null } | { ok: false; reason: string };

const STATUSES: ReadonlySet<string> = new Set(PROGRESS_STATUSES);

export function parseStatus(raw: CellValue | undefined): StatusResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  // A status picked from the list needs no normalising (no wide characters, no spaces in any of them).
  if (typeof raw === 'string' && STATUSES.has(raw)) return { ok: true, value: raw as ProgressStatus };
  const t = toHalfWidth(String(raw)).replace(/\s+/g, '');
  if (t === '') return { ok: true, value: null };
  if ((PROGRESS_STATUSES as readonly string[]).includes(t)) return { ok: true, value: t as ProgressStatus };
  // Own keys only: "toString" or "constructor" typed in a cell is not an alias (the object's prototype has them).
  if (Object.prototype.hasOwnProperty.call(STATUS_ALIASES, t)) return { ok: true, value: STATUS_ALIASES[t] };
  return { ok: false, reason: `不是有效的进展状态（应为 ${PROGRESS_STATUSES.join('、')} 之一）` };
}

/** A text cell as a trimmed string ('' when blank); numbers and dates become their usual text. */
export function textCell(raw: CellValue | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return isoDay(raw);
  const s = String(raw);
  // Most cells hold no carriage return: skip the replace (run for every cell of every upload).
  return (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n')).trim();
}
