/**
 * Tables pasted into policy texts (e.g. a 项目规划表 annex): tab-separated cells,
 * either one row per line ("a\tb\tc") or one cell per line as Word exports them
 * ("\ta\n\tb\n\tc"), where a cell may continue over several lines and an empty cell
 * continues the one above (cells merged over rows).
 */
import { halfWidth, type Line } from './text.js';
import { splitUnits } from './responsibility.js';

export interface TableCell {
  text: string;
  /** Offset of the cell's first non-blank character, or of the tab when empty. */
  offset: number;
}

export interface TableRowTask {
  group: string;
  category: string;
  /** Text of the descriptive cells joined. */
  text: string;
  /** The cells holding the text, for locating targets. */
  textCells: TableCell[];
  lead: string[];
  participants: string[];
  offset: number;
}

export interface ParsedTable {
  header: string[];
  rows: TableRowTask[];
  /** First and last line index of the table. */
  fromLine: number;
  toLine: number;
}

const BLANK = /[\s\u3000]/;

function cellFrom(text: string, a: number, b: number): TableCell {
  let s = a;
  while (s < b && BLANK.test(text[s]!)) s++;
  let e = b;
  while (e > s && BLANK.test(text[e - 1]!)) e--;
  return { text: text.slice(s, e), offset: s };
}

/** Join lines of a cell; a line ending in mid-word ("丹霞山管" / "委会") is glued to the next. */
function joinCellLines(s: string): string[] {
  const parts = s.split(/\n/).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !/[局委会办府院厅部室处心司行所队团社站位门组署馆区市县州、，,）)]$/.test(prev)) {
      out[out.length - 1] = prev + p;
    } else {
      out.push(p);
    }
  }
  return out;
}

function unitsOf(cell: string): string[] {
  const out: string[] = [];
  for (const line of joinCellLines(cell)) out.push(...splitUnits(line));
  return out;
}

const LEAD_HEAD = /责任单位|牵头单位|责任部门|牵头部门|负责单位/;
const PART_HEAD = /参与单位|配合单位|协办单位|参与部门|配合部门/;
const GROUP_HEAD = /任务|分类|领域|序号/;
const CATEGORY_HEAD = /类别|项目名称|名称|事项/;

/** Locate and parse the tab tables of the text (lines from `from` on). */
export function findTables(text: string, lines: Line[], from: number): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let i = from;
  while (i < lines.length) {
    if (!lines[i]!.raw.includes('\t')) {
      i++;
      continue;
    }
    // the table runs to the end of the tab-bearing region (allowing continuation lines)
    const first = i;
    let last = i;
    let gap = 0;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.raw.includes('\t')) {
        last = j;
        gap = 0;
      } else if (++gap > 12) break;
    }
    const t = parseTable(text, lines, first, last);
    if (t) tables.push(t);
    i = last + 1;
  }
  return tables;
}

function parseTable(text: string, lines: Line[], first: number, last: number): ParsedTable | null {
  const regionStart = lines[first]!.start;
  let regionEnd = lines[last]!.end;
  // include continuation lines after the last tab line, up to a blank line
  for (let j = last + 1; j < lines.length && lines[j]!.content; j++) regionEnd = lines[j]!.end;
  const region = text.slice(regionStart, regionEnd);
  const multiTabLines = lines.slice(first, last + 1).filter((l) => (l.raw.match(/\t/g) ?? []).length >= 2).length;
  let cells: TableCell[];
  let header: string[];
  let width: number;
  if (multiTabLines >= 2) {
    // one row per line
    const rows: TableCell[][] = [];
    for (let j = first; j <= last; j++) {
      const l = lines[j]!;
      if (!l.raw.includes('\t')) continue;
      const row: TableCell[] = [];
      let a = l.start;
      for (let k = l.start; k <= l.end; k++) {
        if (k === l.end || text[k] === '\t') {
          row.push(cellFrom(text, a, k));
          a = k + 1;
        }
      }
      rows.push(row);
    }
    header = rows[0]!.map((c) => halfWidth(c.text).replace(/\s+/g, ''));
    width = header.length;
    cells = rows.slice(1).flatMap((r) => {
      const padded = r.slice(0, width);
      while (padded.length < width) padded.push({ text: '', offset: r[r.length - 1]?.offset ?? 0 });
      return padded;
    });
  } else {
    // one cell per line: split the region at tabs
    const tabs: number[] = [];
    for (let k = 0; k < region.length; k++) if (region[k] === '\t') tabs.push(regionStart + k);
    const all: TableCell[] = [];
    for (let k = 0; k < tabs.length; k++) {
      const a = tabs[k]! + 1;
      const b = k + 1 < tabs.length ? tabs[k + 1]! : regionEnd;
      const c = cellFrom(text, a, b);
      all.push(c.text ? c : { text: '', offset: tabs[k]! });
    }
    // header: the leading short cells before the first that looks like data
    width = 0;
    while (
      width < all.length &&
      all[width]!.text.length <= 20 &&
      !/^[一二三四五六七八九十]+、|^\d+[.．、]/.test(halfWidth(all[width]!.text))
    ) {
      width++;
    }
    header = all.slice(0, width).map((c) => halfWidth(c.text).replace(/\s+/g, ''));
    cells = all.slice(width);
  }
  if (width < 3) return null;
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const leadCol = col(LEAD_HEAD);
  if (leadCol < 0) return null;
  const partCol = col(PART_HEAD);
  let groupCol = col(GROUP_HEAD);
  if (groupCol === leadCol || groupCol === partCol) groupCol = -1;
  let catCol = col(CATEGORY_HEAD);
  if (catCol === groupCol || catCol === leadCol) catCol = -1;
  const textCols = header.map((_, k) => k).filter((k) => k !== leadCol && k !== partCol && k !== groupCol && k !== catCol);

  const rows: TableRowTask[] = [];
  let prev: TableCell[] | null = null;
  for (let r = 0; r + width <= cells.length; r += width) {
    const row = cells.slice(r, r + width);
    if (row.every((c) => !c.text)) continue;
    const sameGroup = groupCol >= 0 && !row[groupCol]!.text;
    // empty cells continue the row above: always for the grouping column, for others only inside the same group
    const filled = row.map((c, k) => {
      if (c.text || !prev) return c;
      if (k === groupCol || (sameGroup && (k === leadCol || k === partCol || k === catCol))) return prev[k]!;
      return c;
    });
    prev = filled;
    const textCells = textCols.map((k) => filled[k]!).filter((c) => c.text);
    const catCell = catCol >= 0 ? filled[catCol]! : null;
    if (!textCells.length && !catCell?.text) continue;
    rows.push({
      group: groupCol >= 0 ? filled[groupCol]!.text.replace(/\s+/g, '') : '',
      category: catCell ? catCell.text.replace(/\s+/g, '') : '',
      text: textCells.map((c) => c.text).join('\n'),
      textCells,
      lead: leadCol >= 0 ? unitsOf(filled[leadCol]!.text) : [],
      participants: partCol >= 0 ? unitsOf(filled[partCol]!.text) : [],
      offset: (catCell?.text ? catCell : textCells[0]!).offset,
    });
  }
  return { header, rows, fromLine: first, toLine: last };
}
