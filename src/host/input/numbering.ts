/**
 * Word's automatic numbering (numbering.xml) rendered as the text Word shows: "一、", "（一）", "1.",
 * "（1）", "①". Chinese official documents often number their headings this way, so a reader that
 * dropped the numbers would lose the heading tree.
 */

export interface NumberingLevel {
  format: string;
  /** Level text with %1..%9 placeholders ("（%2）"). */
  text: string;
  start: number;
  /** What follows the number: tab (Word's default), space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
}

export interface NumberingDefinitions {
  /** numId → abstract levels (by ilvl), with the instance's start overrides applied. */
  levels: Map<string, Map<number, NumberingLevel>>;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

/** 1..99999 in Chinese counting ("十一", "二十", "一百零五"). */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千', '万']): string {
  if (n === 0) return digits[0];
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length) parts.push(digits[0]);
    zero = false;
    // "十一", not "一十一"
    parts.push(d === 1 && unit === units[1] && i === 0 ? '' : digits[d], unit);
  }
  return parts.join('');
}

function letters(n: number, upper: boolean): string {
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** One number in a Word number format (ST_NumberFormat). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '万']);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters of one document's lists, advanced paragraph by paragraph. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label of a numbered paragraph (numId, ilvl), advancing its list; null when not numbered. */
  next(numId: string, ilvl: number): string | null {
    const levels = this.defs.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return null;
    const counts = this.counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) if (counts[l] === undefined) counts[l] = levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    if (level.format === 'bullet' || level.format === 'none') return null;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels.get(l);
      return formatNumber(counts[l] ?? lv?.start ?? 1, lv?.format ?? 'decimal');
    });
    // a label without its own delimiter keeps a space from the tab or space that follows it
    const delimited = /[、.．)）:：\s]$/.test(label);
    return level.suffix === 'nothing' || delimited ? label : `${label} `;
  }
}
