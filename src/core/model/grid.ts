/**
 * A workbook reduced to values: the common ground between exceljs (CLI), Office.js
 * (add-in) and the pure readers. Readers never see a spreadsheet library's objects.
 */

/** A cell value after normalisation: formulas → their cached result, rich text → plain text, hyperlinks → text. */
export type CellValue = string | number | boolean | Date | null;

export interface GridSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** rows[r][c], 0-based (A1 is rows[0][0]); ragged rows allowed, missing cells are null. */
  rows: CellValue[][];
}

export interface WorkbookGrid {
  sheets: GridSheet[];
}
