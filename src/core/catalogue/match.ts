/**
 * Matching old target ids to new ones by content, for when a policy text was edited or re-sourced and
 * some ids changed: a correction or a filled workbook row of a vanished id is carried to the new
 * target with the most similar quote under the same heading. Pure.
 */
import { normaliseForHash } from './text.js';

export interface IdCandidate {
  id: string;
  /** The target's quote (原文). */
  quote: string;
}

export interface IdMatch {
  oldId: string;
  newId: string;
  /** Dice similarity of the normalised quotes, 0..1. */
  similarity: number;
}

/** Below this similarity two quotes are different commitments, not one edited. */
export const MIN_SIMILARITY = 0.6;

/** Document and heading part of an id ("吉政发-2014-14/4.10/Mab12cd34" → "吉政发-2014-14/4.10"). */
export function headingOfId(id: string): string {
  const cut = id.lastIndexOf('/');
  return cut < 0 ? '' : id.slice(0, cut);
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams of the normalised texts (1 = same words). */
export function quoteSimilarity(a: string, b: string): number {
  const x = bigrams(normaliseForHash(a));
  const y = bigrams(normaliseForHash(b));
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total ? (2 * shared) / total : 0;
}

/**
 * Pair each old candidate with the new candidate under the same heading whose quote is most similar
 * (at least MIN_SIMILARITY), best pairs first, each new id used once. Candidates on both sides should
 * be only the unmatched ones (ids present in both catalogues need no matching).
 */
export function matchByContent(
  old: readonly IdCandidate[],
  fresh: readonly IdCandidate[],
  minSimilarity = MIN_SIMILARITY,
): IdMatch[] {
  const pairs: IdMatch[] = [];
  for (const o of old) {
    const heading = headingOfId(o.id);
    for (const n of fresh) {
      if (headingOfId(n.id) !== heading) continue;
      const similarity = quoteSimilarity(o.quote, n.quote);
      if (similarity >= minSimilarity) pairs.push({ oldId: o.id, newId: n.id, similarity });
    }
  }
  pairs.sort((p, q) => q.similarity - p.similarity);
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  const out: IdMatch[] = [];
  for (const p of pairs) {
    if (usedOld.has(p.oldId) || usedNew.has(p.newId)) continue;
    usedOld.add(p.oldId);
    usedNew.add(p.newId);
    out.push(p);
  }
  return out;
}
