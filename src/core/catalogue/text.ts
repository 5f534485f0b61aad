/**
 * Small text helpers shared by the catalogue parser. Everything here keeps string
 * lengths unchanged where offsets matter: `halfWidth` maps one UTF-16 unit to one,
 * so a match found in the normalised copy sits at the same offset in the original.
 */

import { halfWidth } from '../text/width.js';

export { halfWidth };

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 1e8 };

/** Chinese numeral ("二十三", "百", "一千五百", "三") → number, or null if not a numeral. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else if (ch === '万' || ch === '亿') {
      section = section + (digit ?? 0) || 1;
      total += section * CN_UNITS[ch];
      section = 0;
      digit = null;
    } else if (ch in CN_UNITS) {
      section += (digit ?? 1) * CN_UNITS[ch];
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** "3", "1.5", "二十", "百" → number (input already half-width). */
export function parseNumber(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return chineseNumber(t);
}

/** Remove all whitespace (ASCII and ideographic). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

/** Dashes and tildes written for ranges and lists ("30—50", "30-50", "30～50") read as one. */
const DASHES = /[-\u2010-\u2015\u2212\u2500~]+/g;
/**
 * Punctuation that varies between copies of one text (PDF, Word, web page): commas, stops, colons,
 * brackets, quotes. Dropped for hashing; "." "%" "‰" "/" stay because they change a figure.
 */
const VARIANT_PUNCTUATION = /[,，、;；:：。!！?？"'“”‘’「」『』《》〈〉<>()（）【】[\]{}〔〕·•…]/g;

/**
 * Normalised text used for hashing ids: half-width, no whitespace or line breaks, one dash, no
 * punctuation variants. Re-sourcing the same words (another file format, another line width)
 * therefore keeps every id; a changed word or figure changes it.
 */
export function normaliseForHash(s: string): string {
  return squeeze(halfWidth(s)).replace(DASHES, '-').replace(VARIANT_PUNCTUATION, '');
}

/**
 * cyrb53-style 53-bit string hash (pure JS so the core runs in browsers too); hex output.
 * Not cryptographic: it only has to make ids and versions change when content changes.
 */
export function hashHex(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** Short hash for ids (8 hex digits). */
export function shortHash(s: string): string {
  return hashHex(s).slice(-8);
}

export interface Line {
  /** Offset of the first character of the line in the text. */
  start: number;
  /** Offset just past the last character (excluding the line break). */
  end: number;
  /** Raw line text. */
  raw: string;
  /** Offset of the first non-blank character (== end for a blank line). */
  contentStart: number;
  /** Line text without leading/trailing blanks. */
  content: string;
}

const BLANK = /[\s\u3000\u00a0\ufeff]/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i;
      if (end > start && text[end - 1] === '\r') end--;
      const raw = text.slice(start, end);
      let a = start;
      while (a < end && BLANK.test(text[a])) a++;
      let b = end;
      while (b > a && BLANK.test(text[b - 1])) b--;
      lines.push({ start, end, raw, contentStart: a, content: text.slice(a, b) });
      start = i + 1;
    }
  }
  return lines;
}
