/**
 * One cell of the 分解 sheet → an office's own target. A bare number takes the overall target's comparator
 * ("12" under "≥50个" means ≥12); a cell may say otherwise ("≤3", "不少于12", "10—15", "12个以上").
 */
import type { Comparator, Target } from '../model/catalogue.js';
import type { CellValue } from '../model/grid.js';
import { parseComparator } from '../catalogue/format.js';
import { parseFigure, toHalfWidth } from '../workbook/normalise.js';

export type ShareResult =
  | { ok: true; share: { comparator: Comparator; value: number; valueMax: number | null } | null }
  | { ok: false; reason: string };

const PREFIX = /^(>=|<=|≥|≤|>|<|=|≈|~|约|不少于|不低于|不超过|不高于|至少|达到|超过|低于|高于)/;
const SUFFIX = /(以上|以下|以内|左右)$/;
const RANGE = /^(.*\d%?[^\d—\-~～至到]*)\s*(?:—|–|-|~|～|至|到)\s*(\d.*)$/;

/** The comparator a bare number takes under the overall target. */
export function impliedComparator(overall: Comparator): Comparator {
  // A range's single share is a floor; a milestone has no share (the caller refuses it).
  return overall === 'range' || overall === 'milestone' ? '>=' : overall;
}

function figure(text: string, unit: string | null): number | null | string {
  const r = parseFigure(text, unit);
  if (!r.ok) return r.reason;
  return r.value;
}

/** Parse an allocation cell for `target`; empty = no share. */
export function parseShare(raw: CellValue, target: Pick<Target, 'comparator' | 'unit'>): ShareResult {
  if (raw === null) return { ok: true, share: null };
  if (typeof raw === 'boolean' || raw instanceof Date)
    return { ok: false, reason: raw instanceof Date ? '是日期，不是数字' : '不是数字' };
  if (typeof raw === 'number') return numberShare(raw, impliedComparator(target.comparator), null);
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { ok: true, share: null };
  let comparator: Comparator | null = null;
  const pre = text.match(PREFIX);
  if (pre) {
    comparator = parseComparator(pre[1]);
    text = text.slice(pre[1].length);
  }
  const suf = text.match(SUFFIX);
  if (suf && !comparator) comparator = parseComparator(suf[1]);
  if (suf) text = text.slice(0, -suf[1].length);
  const range = text.match(RANGE);
  if (range && !comparator) {
    const low = figure(range[1], target.unit);
    const high = figure(range[2], target.unit);
    if (typeof low !== 'number' || typeof high !== 'number') return { ok: false, reason: '不是数字或区间' };
    if (high < low) return { ok: false, reason: '区间上限小于下限' };
    return numberShare(low, 'range', high);
  }
  const value = figure(text, target.unit);
  if (typeof value === 'string') return { ok: false, reason: value };
  if (value === null) return { ok: false, reason: '不是数字' };
  return numberShare(value, comparator ?? impliedComparator(target.comparator), null);
}

function numberShare(value: number, comparator: Comparator, valueMax: number | null): ShareResult {
  if (!Number.isFinite(value)) return { ok: false, reason: '不是有效数字' };
  if (value < 0) return { ok: false, reason: '是负数，分解目标不能为负' };
  return { ok: true, share: { comparator, value, valueMax } };
}
