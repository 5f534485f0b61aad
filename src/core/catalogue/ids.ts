/**
 * Stable ids. An id is made of the document id, a compact key of the heading path and
 * a hash of the item's own normalised text, so rebuilding the same text gives the same
 * ids and editing one paragraph changes only the ids inside it. Identical siblings get
 * a counter ("-2", "-3") in document order.
 */
import { chineseNumber, halfWidth, normaliseForHash, shortHash } from './text.js';

/** "二、" → "2", "（一）" → "1", "1." → "1", "第三章" → "c3", "附件" → "t". */
export function labelKey(label: string): string {
  const h = halfWidth(label).replace(/\s+/g, '');
  const chapter = h.match(/^第(.+?)[章篇部]/);
  if (chapter) return `c${/^\d+$/.test(chapter[1]) ? chapter[1] : (chineseNumber(chapter[1]) ?? chapter[1])}`;
  const section = h.match(/^第(.+?)节/);
  if (section) return `s${/^\d+$/.test(section[1]) ? section[1] : (chineseNumber(section[1]) ?? section[1])}`;
  const circled = h.match(/^[①-⑳]/);
  if (circled) return String(h.charCodeAt(0) - 0x2460 + 1);
  const digits = h.match(/\d+/);
  if (digits) return digits[0];
  const cn = h.match(/[一二三四五六七八九十百零〇两]+/);
  if (cn) return String(chineseNumber(cn[0]) ?? cn[0]);
  if (/附/.test(h)) return 't';
  return shortHash(h).slice(0, 4);
}

export function pathKey(path: readonly string[]): string {
  return path.length ? path.map(labelKey).join('.') : '0';
}

/** Hands out ids, adding a counter when the same base comes up again. */
export class IdAllocator {
  private readonly seen = new Map<string, number>();

  allocate(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

export function contentHash(s: string): string {
  return shortHash(normaliseForHash(s));
}
