/**
 * 报送单位名单 as a file (.csv, or .xlsx as many offices keep it): read by the core's roster rules — the
 * workbook through the project's grid reader first — and answered as offices, row problems and the CSV
 * a new round stores, so the wizard previews exactly what the round will get.
 */
import { parseRoster, parseRosterRows, writeRosterCsv, type Roster } from '../../core/roster.js';
import { decodeText } from '../../core/text/decode.js';
import { readWorkbookGrid } from '../../xlsx/read-grid.js';
import type { Handler } from '../context.js';
import { badRequest } from '../errors.js';
import { DEFAULT_MAX_UNZIPPED } from '../limits.js';
import { checkZipLimits, readUpload } from '../uploads.js';

const OFFICE_HEADERS = new Set(['单位', '单位名称', '填报单位']);

/** The roster of a workbook: the first visible sheet with a 单位 header in column A (else the first one). */
async function rosterOfWorkbook(bytes: Uint8Array, fileName: string, maxUnzipped: number): Promise<Roster> {
  checkZipLimits(bytes, fileName, { maxUnzippedBytes: maxUnzipped });
  const grid = await readWorkbookGrid(bytes, fileName);
  const visible = grid.sheets.filter((s) => s.state === 'visible');
  const sheet =
    visible.find((s) => s.rows.some((r) => OFFICE_HEADERS.has(String(r[0] ?? '').trim()))) ?? visible[0];
  if (!sheet) throw badRequest(`${fileName} 中没有可见的工作表`, 'no-sheet');
  return parseRosterRows(sheet.rows, `${fileName} 工作表“${sheet.name}”`);
}

/** By name or by content: a zip (.xlsx) or an OLE file (.xls, which the grid reader names as such). */
function isWorkbook(bytes: Uint8Array, fileName: string): boolean {
  const magic = Array.from(bytes.subarray(0, 4)).join(',');
  return /\.xls[xm]?$/i.test(fileName) || magic === '80,75,3,4' || magic === '208,207,17,224';
}

export const readRosterFile: Handler = async ({ ctx, req }) => {
  const upload = await readUpload(req);
  const file = upload.files.find((f) => f.field === 'file');
  if (!file) throw badRequest('请在字段 file 中上传报送单位名单（.xlsx 或 .csv）', 'no-file');
  const roster = isWorkbook(file.bytes, file.fileName)
    ? await rosterOfWorkbook(file.bytes, file.fileName, ctx.options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED)
    : parseRoster(decodeText(file.bytes, file.fileName).text, file.fileName);
  return {
    file: file.fileName,
    offices: roster.offices,
    problems: roster.problems,
    csv: writeRosterCsv(roster.offices),
  };
};
