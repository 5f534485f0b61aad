/**
 * Read one filled workbook file into a Submission (Node hosts: CLI, benchmarks, read workers).
 * readWorkbookGrid tries the fast reader (src/xlsx/fast-grid.ts) first; anything it does not handle goes
 * through exceljs, which also produces the Chinese message for a broken file.
 */
import * as path from 'node:path';
import type { WorkbookGrid } from '../core/model/grid.js';
import type { Submission } from '../core/model/submission.js';
import { readSubmission } from '../core/workbook/read.js';
import { readWorkbookGrid } from '../xlsx/read-grid.js';
import { readInput } from './files.js';
import { workbookSavedAt } from '../xlsx/saved-at.js';
import { stat } from 'node:fs/promises';

export interface ReadFileResult {
  submission: Submission;
  grid: WorkbookGrid;
}

/** Read `file` from disk (size-limited) into a Submission and its grid. Throws LuoshiError for unreadable files. */
export async function readSubmissionFile(file: string): Promise<ReadFileResult> {
  const bytes = await readInput(file);
  const source = path.basename(file);
  const grid = await readWorkbookGrid(bytes, source);
  const submission = readSubmission(grid, { source });
  // Which version of an office's workbook counts is decided by when it was saved (src/core/progress/version.ts).
  submission.savedAt = workbookSavedAt(bytes);
  submission.fileTime = (await stat(file)).mtime.toISOString();
  return { submission, grid };
}
