/**
 * The allocation workbook (分解表.xlsx) on bytes: read one back into each office's own targets, and write
 * the blank template. The rules live in src/core/allocation; this is the .xlsx layer around them.
 */
import { LuoshiError } from '../core/errors.js';
import type { Catalogue } from '../core/model/catalogue.js';
import {
  parseAllocationGrid,
  planAllocationTemplate,
  type AllocationContext,
  type AllocationOffice,
  type AllocationResult,
} from '../core/allocation/index.js';
import type { TemplateOptions } from '../core/allocation/template.js';
import { readWorkbookGrid } from './read-grid.js';
import type { DeflateRaw } from './rezip.js';
import { writeWorkbookPlan } from './write-workbook.js';

/**
 * Read an allocation workbook. An unreadable file throws a LuoshiError (Chinese, naming the file); every
 * problem of content (unknown office or 指标编号, a value that is not a number, a total short of the overall
 * target) is in `problems`, each naming sheet and cell, and `allocation` is then null.
 */
export async function readAllocationWorkbook(
  bytes: Uint8Array,
  fileName: string,
  context: Omit<AllocationContext, 'file'>,
): Promise<AllocationResult> {
  const grid = await readWorkbookGrid(bytes, fileName);
  return parseAllocationGrid(grid, { ...context, file: fileName });
}

/** Read an allocation workbook and throw one LuoshiError listing every problem when it cannot be used. */
export async function readAllocationOrThrow(
  bytes: Uint8Array,
  fileName: string,
  context: Omit<AllocationContext, 'file'>,
): Promise<NonNullable<AllocationResult['allocation']>> {
  const { allocation, problems } = await readAllocationWorkbook(bytes, fileName, context);
  if (allocation) return allocation;
  const first = problems[0];
  throw new LuoshiError(
    first?.code ?? 'allocation-invalid',
    `分解表 ${fileName} 有 ${problems.length} 处错误，未使用：\n${problems.map((p) => `  ${p.message}`).join('\n')}`,
    { file: fileName, sheet: first?.sheet ?? undefined, cell: first?.cell ?? undefined },
  );
}

/** The blank allocation template (分解表.xlsx) for a catalogue and the roster's offices. */
export function writeAllocationTemplate(
  catalogue: Catalogue,
  offices: readonly AllocationOffice[],
  options: TemplateOptions & { deflateRaw?: DeflateRaw },
): Promise<Uint8Array> {
  return writeWorkbookPlan(planAllocationTemplate(catalogue, offices, options), {
    deflateRaw: options.deflateRaw,
  });
}
