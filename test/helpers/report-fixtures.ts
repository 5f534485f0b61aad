/**
 * Filled workbooks from the seeds for the report tests and bench: generate each office's entry
 * workbook, type sample figures into it like an office would, write it to disk, read it back.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../../src/core/model/catalogue.js';
import type { Submission } from '../../src/core/model/submission.js';
import { readWorkbookGrid } from '../../src/xlsx/read-grid.js';
import { readSubmission } from '../../src/core/workbook/read.js';
import type { FillEntry } from './fill.js';
import { filledWorkbook as filledWith } from './workbooks.js';

export const PERIOD = '2025年1-9月';

/** Generate and fill one office's workbook; `tweak` may change the entries before they are typed. */
export async function filledWorkbook(
  catalogue: Catalogue,
  office: string,
  seed = 1,
  tweak?: (entries: FillEntry[]) => FillEntry[],
): Promise<Uint8Array> {
  const filled = await filledWith(catalogue, office, {
    period: PERIOD,
    generatedAt: '2025-10-01T00:00:00.000Z',
    protect: false,
    seed,
    tweak,
  });
  return filled.bytes;
}

/** Write filled workbooks for `offices` into `dir`; returns their paths. */
export async function writeFilledWorkbooks(
  catalogue: Catalogue,
  offices: string[],
  dir: string,
): Promise<string[]> {
  const files: string[] = [];
  for (const [i, office] of offices.entries()) {
    const file = path.join(dir, `${office}.xlsx`);
    await fs.writeFile(file, await filledWorkbook(catalogue, office, i + 1));
    files.push(file);
  }
  return files;
}

/** Read a workbook file back into a Submission. */
export async function readBack(file: string, catalogue?: Catalogue): Promise<Submission> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const grid = await readWorkbookGrid(bytes, path.basename(file));
  return readSubmission(grid, { source: path.basename(file), catalogue });
}
