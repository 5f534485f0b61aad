/**
 * Tables pasted into policy texts (e.g. a 项目规划表 annex): tab-separated cells,
 * either one row per line ("a\tb\tc") or one cell per line as Word exports them
 * ("\ta\n\tb\n\tc"), where a cell may continue over several lines and an empty cell
 * continues the one above (cells merged over rows).
 */
import { halfWidth, type Line } from './text.js';
import { splitUnits } from './responsibility.js';
import { matchHeading } from './headings.js';

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
  /** The row's 完成时限 cell, if the table has one. */
  deadlineCell: TableCell | null;
  /** The cell stating what is to be achieved (目标 column, else the last text cell). */
  goalCell: TableCell | null;
  lead: string[];
  participants: string[];
  offset: number;
}

/** A row of a 主要指标 table: indicator name and its target value (the latest year's column). */
export interface IndicatorRow {
  name: TableCell;
  value: TableCell;
  unit: string | null;
  /** Year of the target column ("2025"), or null. */
  year: string | null;
}

export interface ParsedTable {
  header: string[];
  rows: TableRowTask[];
  indicators: IndicatorRow[];
  /** First and last line index of the table. */
  fromLine: number;
  toLine: number;
  /** Offsets spanned by the table in the text. */
  start: number;
  end: number;
}

const BLANK = /[\s\u3000]/;

function cellFrom(text: string, a: number, b: number): TableCell {
  let s = a;
  while (s < b && BLANK.test(text[s])) s++;
  let e = b;
  while (e > s && BLANK.test(text[e - 1])) e--;
  return { text: text.slice(s, e), offset: s };
}

/** Join lines of a cell; a line ending in mid-word ("丹霞山管" / "委会") is glued to the next. */
function joinCellLines(s: string): string[] {
  const parts = s
    .split(/\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      !/[局委会办府院厅部室处心司行所队团社站位门组署馆区市县州、，,）)]$/.test(prev)
    ) {
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

const LEAD_HEAD = /责任单位|牵头单位|责任部门|牵头部门|负责单位|责任主体/;
const EXPLICIT_LEAD_HEAD = /牵头单位|牵头部门/;
const DEADLINE_HEAD = /完成时间|完成时限|时间节点|时限|完成期限|进度安排|时间安排|完成节点/;
const GOAL_HEAD = /目标|完成标准|预期成效|成果/;
const HEADER_WORDS =
  /^(序号|任务|分类|类别|项目|名称|事项|内容|目标|措施|责任|牵头|配合|参与|协办|完成|时间|时限|备注|主要|重点|工作|具体|指标|进度)/;
const PART_HEAD = /参与单位|配合单位|协办单位|参与部门|配合部门/;
const GROUP_HEAD = /任务|分类|领域|序号/;
const CATEGORY_HEAD = /类别|项目名称|名称|事项/;

/** Locate and parse the tab tables of the text (lines from `from` on). */
export function findTables(text: string, lines: Line[], from: number): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let i = from;
  while (i < lines.length) {
    if (!lines[i].raw.includes('\t')) {
      i++;
      continue;
    }
    // the table runs to the end of the tab-bearing region (allowing continuation lines), up to a heading
    const first = i;
    let last = i;
    let gap = 0;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j].raw.includes('\t')) {
        last = j;
        gap = 0;
      } else if (++gap > 12 || matchHeading(lines[j])) break;
    }
    const t = parseTable(text, lines, first, last);
    if (t) tables.push(t);
    i = last + 1;
  }
  return tables;
}

function parseTable(text: string, lines: Line[], first: number, last: number): ParsedTable | null {
  const regionStart = lines[first].start;
  let regionEnd = lines[last].end;
  const multiTabLines = lines
    .slice(first, last + 1)
    .filter((l) => (l.raw.match(/\t/g) ?? []).length >= 2).length;
  // one cell per line: the last cell may continue on the following lines, up to a blank line or a heading
  if (multiTabLines < 2) {
    for (let j = last + 1; j < lines.length && lines[j].content && !matchHeading(lines[j]); j++)
      regionEnd = lines[j].end;
  }
  const region = text.slice(regionStart, regionEnd);
  let cells: TableCell[];
  let header: string[];
  let width: number;
  if (multiTabLines >= 2) {
    // one row per line
    const rows: TableCell[][] = [];
    for (let j = first; j <= last; j++) {
      const l = lines[j];
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
    // the header is the row (among the first three) naming the most known columns
    let best = 0;
    let bestScore = -1;
    rows.slice(0, 3).forEach((r, k) => {
      const score = r.filter((c) => HEADER_WORDS.test(halfWidth(c.text).replace(/\s+/g, ''))).length;
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
    });
    header = rows[best].map((c) => halfWidth(c.text).replace(/\s+/g, ''));
    width = header.length;
    cells = rows.slice(best + 1).flatMap((r) => {
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
      const a = tabs[k] + 1;
      const b = k + 1 < tabs.length ? tabs[k + 1] : regionEnd;
      const c = cellFrom(text, a, b);
      all.push(c.text ? c : { text: '', offset: tabs[k] });
    }
    // header: the leading short cells before the first that looks like data
    width = 0;
    while (
      width < all.length &&
      all[width].text.length <= 20 &&
      !/^[一二三四五六七八九十]+、|^\d+[.．、]/.test(halfWidth(all[width].text))
    ) {
      width++;
    }
    header = all.slice(0, width).map((c) => halfWidth(c.text).replace(/\s+/g, ''));
    cells = all.slice(width);
  }
  if (width < 3) return null;
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  // with both 牵头单位 and 责任单位 columns, 牵头 leads and the responsible units take part
  const explicitLeadCol = col(EXPLICIT_LEAD_HEAD);
  const leadCol = explicitLeadCol >= 0 ? explicitLeadCol : col(LEAD_HEAD);
  const deadlineCol = col(DEADLINE_HEAD);
  if (leadCol < 0 && deadlineCol < 0) {
    const indicators = indicatorRows(header, cells, width);
    return indicators.length
      ? { header, rows: [], indicators, fromLine: first, toLine: last, start: regionStart, end: regionEnd }
      : null;
  }
  let partCol = col(PART_HEAD);
  if (partCol < 0 && explicitLeadCol >= 0) {
    partCol = header.findIndex((h, k) => k !== explicitLeadCol && LEAD_HEAD.test(h));
  }
  let groupCol = col(GROUP_HEAD);
  if (groupCol === leadCol || groupCol === partCol) groupCol = -1;
  let catCol = col(CATEGORY_HEAD);
  if (catCol === groupCol || catCol === leadCol) catCol = -1;
  const describes = (k: number) =>
    k !== leadCol && k !== partCol && k !== catCol && k !== deadlineCol && !/^(备注|序号)$/.test(header[k]);
  // "任务\t牵头单位\t完成时限": a 任务 column with no other column describing the task is the task itself
  if (
    groupCol >= 0 &&
    catCol < 0 &&
    describes(groupCol) &&
    !header.some((_, k) => k !== groupCol && describes(k))
  )
    groupCol = -1;
  const textCols = header.map((_, k) => k).filter((k) => k !== groupCol && describes(k));
  const goalCol = header.findIndex((h, k) => textCols.includes(k) && GOAL_HEAD.test(h));

  const rows: TableRowTask[] = [];
  let prev: TableCell[] | null = null;
  // a 序号 column numbers every row, so cells merged over rows show in the category column instead
  const mergeCol = groupCol >= 0 && !/^(序号|编号)$/.test(header[groupCol]) ? groupCol : catCol;
  for (let r = 0; r + width <= cells.length; r += width) {
    const row = cells.slice(r, r + width);
    if (row.every((c) => !c.text)) continue;
    const sameGroup = mergeCol >= 0 && !row[mergeCol].text;
    // a row with no responsible unit of its own sits in cells merged with the row above (a task always has one)
    const noUnits = leadCol >= 0 && !row[leadCol].text && (partCol < 0 || !row[partCol].text);
    // empty cells continue the row above: always for the grouping column, for others only inside the same group
    const filled = row.map((c, k) => {
      if (c.text || !prev) return c;
      if (k === groupCol || k === mergeCol) return prev[k];
      if ((sameGroup || noUnits) && (k === leadCol || k === partCol)) return prev[k];
      if (sameGroup && k === catCol) return prev[k];
      return c;
    });
    prev = filled;
    const textCells = textCols.map((k) => filled[k]).filter((c) => c.text);
    const catCell = catCol >= 0 ? filled[catCol] : null;
    if (!textCells.length && !catCell?.text) continue;
    const deadlineCell = deadlineCol >= 0 && filled[deadlineCol].text ? filled[deadlineCol] : null;
    const goalCell =
      goalCol >= 0 && filled[goalCol].text ? filled[goalCol] : (textCells[textCells.length - 1] ?? null);
    const lead = leadCol >= 0 ? unitsOf(filled[leadCol].text) : [];
    rows.push({
      deadlineCell,
      goalCell,
      group: groupCol >= 0 ? filled[groupCol].text.replace(/\s+/g, '') : '',
      category: catCell ? catCell.text.replace(/\s+/g, '') : '',
      text: textCells.map((c) => c.text).join('\n'),
      textCells,
      lead,
      // a unit named in both columns leads ("责任单位：A、B" beside "牵头单位：A")
      participants: partCol >= 0 ? unitsOf(filled[partCol].text).filter((u) => !lead.includes(u)) : [],
      offset: (catCell?.text ? catCell : textCells[0]).offset,
    });
  }
  return { header, rows, indicators: [], fromLine: first, toLine: last, start: regionStart, end: regionEnd };
}

/**
 * 主要指标 tables ("指标\t2020年\t2025年\t属性"): each row's figure in the latest year's column
 * (or a 目标值 column); base-year and current-value columns are not targets.
 */
function indicatorRows(header: string[], cells: TableCell[], width: number): IndicatorRow[] {
  let valueCol = -1;
  let year: string | null = null;
  header.forEach((h, k) => {
    if (/基期|现状|基数|实际|现值|完成值/.test(h)) return;
    const y = h.match(/((?:19|20)\d{2})\s*年?/);
    if (y && (year === null || y[1] >= year)) {
      year = y[1]!;
      valueCol = k;
    }
  });
  if (valueCol < 0) valueCol = header.findIndex((h) => /目标值|规划目标|目标/.test(h) && !/基期/.test(h));
  if (valueCol < 0) return [];
  const nameCol = header.findIndex((h, k) => k !== valueCol && /指标|名称|项目/.test(h));
  const unitCol = header.findIndex((h) => /^单位$|计量单位/.test(h));
  const out: IndicatorRow[] = [];
  for (let r = 0; r + width <= cells.length; r += width) {
    const row = cells.slice(r, r + width);
    const valueCell = row[valueCol];
    const v = halfWidth(valueCell.text).replace(/\s+/g, '');
    if (!/\d/.test(v) || v.length > 20) continue;
    // the name is the named column, else the last text cell before the value that is not a number
    let nameCell: TableCell | undefined = nameCol >= 0 ? row[nameCol] : undefined;
    if (!nameCell || !nameCell.text || /^\d+$/.test(nameCell.text)) {
      nameCell = row
        .slice(0, valueCol)
        .reverse()
        .find((c) => c.text && !/^[\d.%％]+$/.test(halfWidth(c.text)) && /[\u4e00-\u9fa5]/.test(c.text));
    }
    if (!nameCell || nameCell.offset > valueCell.offset) continue;
    const unitInName = halfWidth(nameCell.text).match(/[（(]([^（）()]{1,12})[）)]\s*$/);
    const unit =
      unitCol >= 0 && row[unitCol].text
        ? row[unitCol].text.trim()
        : unitInName
          ? unitInName[1].trim()
          : /%/.test(v)
            ? '%'
            : null;
    out.push({ name: nameCell, value: valueCell, unit, year });
  }
  return out;
}
