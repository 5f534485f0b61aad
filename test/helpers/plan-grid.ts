/**
 * A workbook plan as the grid a reader sees, without writing .xlsx: each block's values at their
 * place, formulas as empty cells (their cached result is what Excel would add). Lets reader tests
 * edit cells directly and run in milliseconds.
 */
import type { CellValue, WorkbookGrid } from '../../src/core/model/grid.js';
import type { WorkbookPlan } from '../../src/core/workbook/plan.js';
import { parseRange } from '../../src/core/workbook/a1.js';

export function planGrid(plan: WorkbookPlan): WorkbookGrid {
  return {
    sheets: plan.sheets.map((sheet) => {
      const rows: CellValue[][] = [];
      for (const block of sheet.blocks) {
        const o = parseRange(block.origin);
        block.values.forEach((line, r) => {
          const row = (rows[o.row + r] ??= []);
          line.forEach((v, c) => {
            row[o.col + c] = v === null || typeof v === 'object' ? null : v;
          });
        });
      }
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      return { name: sheet.name, state: sheet.state, rows };
    }),
  };
}
