/**
 * Realise a WorkbookPlan as .xlsx bytes with exceljs (the CLI/test path; the add-in realises the
 * same plan with Office.js). No layout decisions here: everything comes from the plan.
 */
import ExcelJS from 'exceljs';
import type { DeflateRaw } from './rezip.js';
import { patchWorkbook, type FontSpec, type SheetPatch } from './ooxml-patch.js';
import { escapeCellText } from './ooxml-text.js';
import type { PlanSheet, PlanStyle, PlanValidation, PlanValue, WorkbookPlan } from '../core/workbook/plan.js';
import { parseRange } from '../core/workbook/a1.js';

/** Excel's default spinCount (100,000) costs ~0.4 s per protected sheet; the protection is a guard rail, not a secret. */
const SPIN_COUNT = 1000;

interface Rect {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** "B4" → {c1: 2, r1: 4, …}; "B4:R20" → rectangle (1-based, as exceljs counts). */
function parseRect(address: string): Rect {
  const b = parseRange(address);
  return { c1: b.col + 1, r1: b.row + 1, c2: b.col + b.cols, r2: b.row + b.rows };
}

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

function toExcelStyle(s: PlanStyle, base: FontSpec): Partial<ExcelJS.Style> {
  // Every styled cell names its font: a font without a name renders in a fallback face in LibreOffice.
  const font: Partial<ExcelJS.Font> = { name: s.font?.name ?? base.name, size: s.font?.size ?? base.size };
  if (s.font?.bold !== undefined) font.bold = s.font.bold;
  if (s.font?.color) font.color = { argb: argb(s.font.color) };
  const out: Partial<ExcelJS.Style> = { font };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.horizontal || s.vertical) {
    const al: Partial<ExcelJS.Alignment> = {};
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    if (s.horizontal) al.horizontal = s.horizontal;
    if (s.vertical) al.vertical = s.vertical;
    out.alignment = al;
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.locked !== undefined) out.protection = { locked: s.locked };
  if (s.border) {
    const edge: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(s.border) } };
    out.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
  return out;
}

/** Merge plan styles in order (later wins, nested objects merged field by field). */
function mergeStyles(styles: PlanStyle[]): PlanStyle {
  const out: PlanStyle = {};
  for (const s of styles) {
    const { font, ...rest } = s;
    Object.assign(out, rest);
    if (font) out.font = { ...(out.font ?? {}), ...font };
  }
  return out;
}

function writeValue(cell: ExcelJS.Cell, v: PlanValue): void {
  if (v === null) return;
  if (typeof v === 'string') {
    // Always a text cell: exceljs never parses strings, so "=HYPERLINK(...)" stays literal text; escaped so
    // a typed "_x0041_" or a control character reads back exactly (see ./ooxml-text.ts).
    cell.value = escapeCellText(v);
    return;
  }
  if (typeof v === 'number') {
    cell.value = v;
    return;
  }
  const formula: ExcelJS.CellFormulaValue = { formula: v.formula, date1904: false };
  if (v.result !== undefined) formula.result = v.result;
  cell.value = formula;
}

function validationModel(v: PlanValidation): ExcelJS.DataValidation {
  const base = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.errorTitle,
    error: v.error,
    showInputMessage: Boolean(v.prompt),
    ...(v.prompt ? { prompt: v.prompt } : {}),
    ...(v.promptTitle ? { promptTitle: v.promptTitle } : {}),
  };
  switch (v.type) {
    case 'decimal':
      return { ...base, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
    case 'date':
      return { ...base, type: 'date', operator: 'between', formulae: [v.min, v.max] };
    case 'list': {
      const src = 'values' in v.source ? `"${v.source.values.join(',')}"` : v.source.range;
      return { ...base, type: 'list', formulae: [src] };
    }
    case 'custom':
      return { ...base, type: 'custom', formulae: [v.formula] };
  }
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: PlanSheet, font: FontSpec): Promise<SheetPatch> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state === 'veryHidden' ? 'veryHidden' : sheet.state === 'hidden' ? 'hidden' : 'visible',
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  // Values and styles in one pass over the used rectangle: each cell is fetched once, and each distinct
  // combination of overlapping style ranges becomes one shared exceljs style object.
  const values = new Map<number, Map<number, PlanValue>>();
  let maxRow = 0;
  let maxCol = 0;
  for (const block of sheet.blocks) {
    const o = parseRect(block.origin);
    block.values.forEach((row, r) => {
      let rowMap = values.get(o.r1 + r);
      if (!rowMap) values.set(o.r1 + r, (rowMap = new Map<number, PlanValue>()));
      row.forEach((v, c) => {
        if (v === null) return;
        rowMap.set(o.c1 + c, v);
        maxCol = Math.max(maxCol, o.c1 + c);
      });
      maxRow = Math.max(maxRow, o.r1 + r);
    });
  }
  const rects = sheet.styles.map((sr) => parseRect(sr.range));
  for (const r of rects) {
    maxRow = Math.max(maxRow, r.r2);
    maxCol = Math.max(maxCol, r.c2);
  }
  // For each column, the style ranges that touch it (in plan order), so a cell only tests those.
  const byColumn: number[][] = Array.from({ length: maxCol + 1 }, () => []);
  rects.forEach((rect, i) => {
    for (let c = rect.c1; c <= Math.min(rect.c2, maxCol); c++) byColumn[c].push(i);
  });
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = 1; r <= maxRow; r++) {
    const rowValues = values.get(r);
    let xRow: ExcelJS.Row | null = null;
    for (let c = 1; c <= maxCol; c++) {
      let sig = '';
      for (const i of byColumn[c]) {
        const rect = rects[i];
        if (rect.r1 <= r && r <= rect.r2) sig += sig ? `,${i}` : `${i}`;
      }
      const v = rowValues?.get(c);
      if (v === undefined && sig === '') continue;
      xRow ??= ws.getRow(r);
      const cell = xRow.getCell(c);
      if (v !== undefined) writeValue(cell, v);
      if (sig !== '') {
        let style = cache.get(sig);
        if (!style) {
          style = toExcelStyle(mergeStyles(sig.split(',').map((i) => sheet.styles[Number(i)].style)), font);
          cache.set(sig, style);
        }
        cell.style = style;
      }
    }
  }
  for (const { row, height } of sheet.rowHeights) ws.getRow(row).height = height;
  for (const m of sheet.merges) ws.mergeCells(m);
  // exceljs implements worksheet.dataValidations but its .d.ts leaves it out.
  const dvs = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of sheet.validations) dvs.add(v.range, validationModel(v));
  if (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
  if (sheet.print) {
    const p = sheet.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
      ...(p.margins ? { margins: p.margins } : {}),
    };
    const header = [
      p.headerLeft ? `&L${p.headerLeft}` : '',
      p.header ? `&C${p.header}` : '',
      p.headerRight ? `&R${p.headerRight}` : '',
    ].join('');
    if (header || p.footer) {
      ws.headerFooter = {
        ...(header ? { oddHeader: header } : {}),
        ...(p.footer ? { oddFooter: `&C${p.footer}` } : {}),
      };
    }
  }
  if (sheet.protection) {
    const a = sheet.protection.allow;
    await ws.protect(sheet.protection.password ?? '', {
      selectLockedCells: a.selectLockedCells,
      selectUnlockedCells: a.selectUnlockedCells,
      formatCells: a.formatCells,
      formatColumns: a.formatColumns,
      formatRows: a.formatRows,
      insertRows: a.insertRows,
      insertColumns: false,
      deleteRows: a.deleteRows,
      deleteColumns: false,
      sort: a.sort,
      autoFilter: a.autoFilter,
      spinCount: SPIN_COUNT,
    });
  }
  return {
    name: sheet.name,
    autoRows: new Set(sheet.rowHeights.filter((h) => h.auto).map((h) => h.row)),
    ...(sheet.print?.area ? { printArea: sheet.print.area } : {}),
  };
}

/** Build the .xlsx for a plan. */
export async function writeWorkbookPlan(
  plan: WorkbookPlan,
  options: { deflateRaw?: DeflateRaw } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.properties.creator;
  wb.title = plan.properties.title;
  const created = new Date(plan.meta.generatedAt);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  // Recalculate formulas (完成率) when Excel opens the file.
  wb.calcProperties = { fullCalcOnLoad: true };
  const patches: SheetPatch[] = [];
  for (const sheet of plan.sheets) patches.push(await writeSheet(wb, sheet, plan.font));
  // Open on the first visible sheet after 填报说明 would surprise nobody; keep the guide first and active.
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  // JSZip's deflate dominated the write time: store, then deflate at level 1 (see ./rezip.ts; Node hosts pass
  // native zlib), declaring the plan's font and the estimated row heights on the way (./ooxml-patch.ts).
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return patchWorkbook(new Uint8Array(buf), { font: plan.font, sheets: patches }, options.deflateRaw);
}
