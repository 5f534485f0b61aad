/**
 * The 填报单位信息 block of 填报说明 read back: who filled in, checked and signed off the return.
 * Each field is found by its label (FILLER_FIELDS) and read from the cell to its right, so a moved
 * block still reads; a workbook made before the block existed has none (undefined).
 */
import type { CellValue, WorkbookGrid } from '../model/grid.js';
import type { FillerInfo, Problem } from '../model/submission.js';
import { FILLER_FIELDS, SHEET_GUIDE, a1, type FillerKey } from './layout.js';
import { parseDateCell } from './normalise.js';

/** Digits with an optional area code, extension or "+86": 0431-88888888, 13912345678, (0431)8888888-801. */
const PHONE = /^(\+?86[-\s]?)?[\d\s()（）-]{7,20}$/;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export interface FillerRead {
  filler: FillerInfo | undefined;
  /** Warnings about unreadable fields (a phone that is no number, a date that is no date). */
  problems: Problem[];
}

export function readFiller(grid: WorkbookGrid): FillerRead {
  const sheet = grid.sheets.find((s) => s.name === SHEET_GUIDE);
  const problems: Problem[] = [];
  if (!sheet) return { filler: undefined, problems };
  const found = new Map<FillerKey, { value: CellValue; cell: string }>();
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const field = FILLER_FIELDS.find((f) => f.label === text(v));
      if (field && !found.has(field.key))
        found.set(field.key, { value: row[c + 1] ?? null, cell: a1(c + 1, r + 1) });
    }),
  );
  if (found.size === 0) return { filler: undefined, problems };
  const warn = (key: FillerKey, message: string) => {
    const cell = found.get(key)?.cell ?? null;
    problems.push({
      severity: 'warning',
      code: 'bad-filler-info',
      message: `${SHEET_GUIDE}${cell ? `!${cell}` : ''}：${message}`,
      sheet: SHEET_GUIDE,
      cell,
      targetId: null,
    });
  };
  const get = (key: FillerKey) => text(found.get(key)?.value);
  const phone = get('phone');
  if (phone && !PHONE.test(phone)) warn('phone', `联系电话“${phone}”不像电话号码（如 0431-88888888）`);
  let reportDate: string | null = null;
  const rawDate = found.get('reportDate')?.value ?? null;
  const date = parseDateCell(rawDate);
  if (date.ok) reportDate = date.value;
  else warn('reportDate', `报出日期“${text(rawDate)}”${date.reason}`);
  const filler: FillerInfo = {
    filler: get('filler'),
    phone,
    reviewer: get('reviewer'),
    head: get('head'),
    reportDate,
  };
  return { filler, problems };
}

/** One line for people: "填表人 张三（0431-88888888），审核人 李四，单位负责人 王五，报出日期 2026-01-10". */
export function describeFiller(f: FillerInfo | undefined): string {
  if (!f) return '';
  const parts = [
    f.filler ? `填表人 ${f.filler}${f.phone ? `（${f.phone}）` : ''}` : f.phone ? `联系电话 ${f.phone}` : '',
    f.reviewer ? `审核人 ${f.reviewer}` : '',
    f.head ? `单位负责人 ${f.head}` : '',
    f.reportDate ? `报出日期 ${f.reportDate}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '填报单位信息未填写';
}
