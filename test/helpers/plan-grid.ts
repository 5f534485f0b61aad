/**
 * A workbook plan as the grid a reader sees, without writing .xlsx: each block's values at their
 * place, formulas as empty cells (their cached result is what Excel would add). Lets reader tests
 * edit cells directly and run in milliseconds.
 */
import type { CellValue, GridSheet, WorkbookGrid } from '../../src/core/model/grid.js';
import type { PlanSheet, PlanStyle, WorkbookPlan } from '../../src/core/workbook/plan.js';
import { parseCell, parseRange } from '../../src/core/workbook/a1.js';

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

/** A sheet of the grid by name (a test fails loudly when it is missing). */
export function gridSheet(grid: WorkbookGrid, name: string): GridSheet {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 0-based column and header row of a field, found by its header text (the layout decides, not the test). */
export function headerColumn(s: GridSheet, header: string): { col: number; headerRow: number } {
  for (let r = 0; r < 12; r++) {
    const c = (s.rows[r] ?? []).findIndex(
      (v) => typeof v === 'string' && v.replace(/[\s*＊]/g, '') === header,
    );
    if (c >= 0) return { col: c, headerRow: r };
  }
  throw new Error(`no column ${header} in ${s.name}`);
}

/** A sheet of the plan by name (a test fails loudly when it is missing). */
export function planSheet(p: WorkbookPlan, name: string): PlanSheet {
  const s = p.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** A cell's style: every range holding it, later ranges overriding earlier ones field by field. */
export function planStyleAt(s: PlanSheet, cell: string): PlanStyle {
  const { row, col } = parseCell(cell);
  const out: PlanStyle = {};
  for (const { range, style } of s.styles) {
    const box = parseRange(range);
    if (row < box.row || row >= box.row + box.rows || col < box.col || col >= box.col + box.cols) continue;
    Object.assign(out, { ...style, font: { ...out.font, ...style.font } });
  }
  return out;
}
