/**
 * Integrity of the hand-made gold set (test/gold/), independent of any extractor: the yardstick must
 * stay true to the seed texts and to its own annotation rules (test/gold/README.md).
 */
import { describe, expect, it } from 'vitest';
import { countOccurrences, loadGoldSet, loadSeedTexts } from './helpers/gold.js';

const texts = loadSeedTexts();

describe('gold set', () => {
  it('has one valid gold file per seed, every quote found exactly once in its seed', () => {
    const gold = loadGoldSet(texts);
    expect(gold.map((g) => g.source).sort()).toEqual([...texts.keys()].sort());
    for (const g of gold) {
      for (const t of g.targets) expect(countOccurrences(texts.get(g.source)!, t.quote), t.quote).toBe(1);
    }
  });

  it('has no two targets with overlapping quotes in one document (matching would be ambiguous)', () => {
    for (const g of loadGoldSet(texts)) {
      const text = texts.get(g.source)!;
      const spans = g.targets
        .map((t) => ({ q: t.quote, s: text.indexOf(t.quote), e: text.indexOf(t.quote) + t.quote.length }))
        .sort((a, b) => a.s - b.s);
      for (let i = 1; i < spans.length; i++) {
        expect(
          spans[i].s >= spans[i - 1].e,
          `${g.source}: "${spans[i - 1].q}" overlaps "${spans[i].q}"`,
        ).toBe(true);
      }
    }
  });

  it('can read each figure in its own quote', () => {
    // Digits are compared after NFKC (full-width １.５ → 1.5); Chinese numerals and 全覆盖 stand for themselves.
    const numerals: Record<string, number> = {
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
      十: 10,
      百: 100,
      千: 1000,
      万: 10000,
      全覆盖: 100,
      所有: 100,
    };
    for (const g of loadGoldSet(texts)) {
      for (const t of g.targets) {
        if (t.value === null) continue;
        const inDigits = t.quote.normalize('NFKC').includes(String(t.value));
        const inWords = Object.entries(numerals).some(([w, v]) => v === t.value && t.quote.includes(w));
        expect(inDigits || inWords, `${g.source}: ${t.value} in "${t.quote}"`).toBe(true);
      }
    }
  });

  it('states a deadline for every milestone and only uses deadlines written in (or resolved from) the text', () => {
    for (const g of loadGoldSet(texts)) {
      const text = texts.get(g.source)!.normalize('NFKC');
      for (const t of g.targets) {
        if (t.deadline === null) continue;
        const year = t.deadline.slice(0, 4);
        // “十四五” resolves to 2025; every other deadline year is written in the document.
        const written = text.includes(year) || (year === '2025' && text.includes('十四五'));
        expect(written, `${g.source}: deadline ${t.deadline} of "${t.quote}"`).toBe(true);
      }
    }
  });
});
