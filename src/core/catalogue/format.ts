/**
 * Readable forms of targets for workbooks, reports and the CLI ("≥5%", "30—50个",
 * "≈300亿元", "全覆盖 (100%)", "2019年6月前完成").
 */
import type { Comparator, Target } from '../model/catalogue.js';

const SYMBOL: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '',
  '≈': '≈',
  range: '',
  milestone: '',
};

/** Comparator as shown to users (review workbook, summaries). */
export const COMPARATOR_LABEL: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  '≈': '≈',
  range: '区间',
  milestone: '节点',
};

/** Read a comparator as a user may write it (symbol, code or Chinese word); null if unknown. */
export function parseComparator(s: string): Comparator | null {
  const t = s.trim().replace(/\s+/g, '');
  const table: Record<string, Comparator> = {
    '>=': '>=',
    '≥': '>=',
    '＞＝': '>=',
    不低于: '>=',
    不少于: '>=',
    以上: '>=',
    至少: '>=',
    达到: '>=',
    '>': '>',
    '＞': '>',
    超过: '>',
    高于: '>',
    '<=': '<=',
    '≤': '<=',
    '＜＝': '<=',
    不高于: '<=',
    不超过: '<=',
    以下: '<=',
    以内: '<=',
    '<': '<',
    '＜': '<',
    低于: '<',
    '=': '=',
    '＝': '=',
    等于: '=',
    为: '=',
    '≈': '≈',
    约: '≈',
    左右: '≈',
    约等于: '≈',
    '~': '≈',
    range: 'range',
    区间: 'range',
    范围: 'range',
    '—': 'range',
    milestone: 'milestone',
    节点: 'milestone',
    时间节点: 'milestone',
    完成: 'milestone',
  };
  // own keys only: a cell reading "toString" must not return Object.prototype's function
  return Object.prototype.hasOwnProperty.call(table, t) ? table[t] : null;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

/** "2019-06" → "2019年6月", "2020" → "2020年". */
export function formatDeadline(deadline: string | null): string {
  if (!deadline) return '';
  const m = deadline.match(/^(\d{4})(?:-(\d{2}))?/);
  if (!m) return deadline;
  return m[2] ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年`;
}

export function formatTargetValue(
  t: Pick<Target, 'comparator' | 'value' | 'valueMax' | 'unit' | 'deadline' | 'quote'>,
): string {
  const unit = t.unit ?? '';
  if (t.comparator === 'milestone' || t.value === null) {
    return t.deadline ? `${formatDeadline(t.deadline)}前完成` : '按期完成';
  }
  if (unit === '%' && t.value === 100 && /全覆盖|全面覆盖/.test(t.quote)) return '全覆盖 (100%)';
  if (t.comparator === 'range' && t.valueMax !== null) return `${num(t.value)}—${num(t.valueMax)}${unit}`;
  return `${SYMBOL[t.comparator]}${num(t.value)}${unit}`;
}
