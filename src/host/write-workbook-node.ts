/**
 * Workbook bytes for the Node hosts: the shared exceljs writer with Node's native zlib doing the
 * deflate (about 17 ms less per 300-target workbook than fflate's JavaScript deflate).
 */
import { deflateRawSync } from 'node:zlib';
import type { WorkbookPlan } from '../core/workbook/plan.js';
import { writeWorkbookPlan } from '../xlsx/write-workbook.js';

const nativeDeflateRaw = (data: Uint8Array, level: number): Uint8Array => deflateRawSync(data, { level });

export function writeWorkbookBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  return writeWorkbookPlan(plan, { deflateRaw: nativeDeflateRaw });
}
