/**
 * Scores the catalogue extractor on the five seeds against the hand-made gold set (test/gold/,
 * annotation rules in test/gold/README.md). Loading the gold first checks that every gold quote is
 * still an exact substring of its seed, so the yardstick cannot rot silently.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { loadGoldSet, loadSeedTexts } from './helpers/gold.js';
import { formatScore, scoreCatalogue } from './helpers/score.js';
import { seedCatalogue } from './helpers/seeds.js';

/** seedCatalogue() may hand back the catalogue itself or buildCatalogue's {catalogue, warnings}. */
function asCatalogue(x: unknown): Catalogue {
  if (typeof x === 'object' && x !== null) {
    if ('targets' in x && 'documents' in x && Array.isArray(x.targets)) return x as Catalogue;
    if ('catalogue' in x) return asCatalogue(x.catalogue);
  }
  throw new Error('seedCatalogue() returned no catalogue');
}

describe('catalogue extractor against the gold set', () => {
  it('reaches recall ≥ 95 % and precision ≥ 90 %, every quote exact at its offset', () => {
    const texts = loadSeedTexts();
    const gold = loadGoldSet(texts);
    const catalogue = asCatalogue(seedCatalogue());

    expect(catalogue.targets.length).toBeGreaterThan(0);
    for (const t of catalogue.targets) {
      const doc = catalogue.documents.find((d) => d.id === t.documentId);
      expect(doc, `target ${t.id} names a document`).toBeDefined();
      const text = texts.get(doc!.source);
      expect(text, `${doc!.source} is a seed`).toBeDefined();
      expect(t.quote.length, `target ${t.id} has a quote`).toBeGreaterThan(0);
      expect(
        text!.slice(t.offset, t.offset + t.quote.length),
        `quote of target ${t.id} at offset ${t.offset}`,
      ).toBe(t.quote);
    }

    const score = scoreCatalogue(catalogue, gold, texts);
    console.log(
      `\ncatalogue vs gold set (recall, precision, field accuracy over matched pairs)\n${formatScore(score)}\n`,
    );

    expect(score.badQuotes).toEqual([]);
    expect(score.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.overall.precision).toBeGreaterThanOrEqual(0.9);
  });
});
