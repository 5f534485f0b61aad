/**
 * Generalisation check of the catalogue extractor: scores it on the genre test set (test/genre/), four
 * synthetic documents of the genre written for the project and never shown to the extractor's author,
 * against their hand-made gold (test/genre/gold/, same rules as test/gold/README.md). The seeds' gold
 * measures fit; this measures how the parser holds up on documents it was not written from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/core/catalogue/index.js';
import { GENRE_DIR, GENRE_GOLD_DIR, loadGoldSet } from './helpers/gold.js';
import { formatScore, scoreCatalogue } from './helpers/score.js';

interface GenreFile {
  name: string;
  bytes: Uint8Array;
  encoding: 'utf-8-bom' | 'utf-8' | 'gb18030';
  /** Reference decoding, independent of the product's decoder, so a decoding bug shows as such. */
  text: string;
}

function readGenreFiles(): GenreFile[] {
  return readdirSync(GENRE_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => {
      const buf = readFileSync(path.join(GENRE_DIR, name));
      const bytes = new Uint8Array(buf);
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        return {
          name,
          bytes,
          encoding: 'utf-8-bom' as const,
          text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)),
        };
      }
      try {
        return {
          name,
          bytes,
          encoding: 'utf-8' as const,
          text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
        };
      } catch {
        return { name, bytes, encoding: 'gb18030' as const, text: iconv.decode(buf, 'gb18030') };
      }
    });
}

const files = readGenreFiles();
const texts = new Map(files.map((f) => [f.name, f.text]));

describe('genre test set', () => {
  it('has four documents in the encodings real files come in, each with valid, non-overlapping gold', () => {
    expect(files.length).toBe(4);
    expect(files.map((f) => f.encoding).sort()).toEqual(['gb18030', 'utf-8', 'utf-8', 'utf-8-bom']);
    for (const f of files) {
      expect(f.text.length, f.name).toBeGreaterThanOrEqual(3000);
      expect(f.text, f.name).not.toContain('\uFFFD');
    }
    // loadGoldSet fails unless every quote occurs exactly once in its document.
    const gold = loadGoldSet(texts, GENRE_GOLD_DIR);
    expect(gold.map((g) => g.source).sort()).toEqual([...texts.keys()].sort());
    for (const g of gold) {
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
});

describe('catalogue extractor on unseen documents of the genre', () => {
  it('decodes every file, reaches recall ≥ 95 % and precision ≥ 90 %, every quote exact at its offset', () => {
    const gold = loadGoldSet(texts, GENRE_GOLD_DIR);
    const result = buildCatalogue(files.map((f) => ({ name: f.name, bytes: f.bytes })));
    const catalogue = result.catalogue;

    expect(catalogue.documents.map((d) => d.source.replace(/^.*[\\/]/, '')).sort()).toEqual(
      [...texts.keys()].sort(),
    );
    for (const d of catalogue.documents) {
      const source = d.source.replace(/^.*[\\/]/, '');
      expect(result.texts.get(d.id), `decoded text of ${source}`).toBe(texts.get(source));
    }
    for (const t of catalogue.targets) {
      const doc = catalogue.documents.find((d) => d.id === t.documentId);
      expect(doc, `target ${t.id} names a document`).toBeDefined();
      const text = texts.get(doc!.source.replace(/^.*[\\/]/, ''))!;
      expect(t.quote.length, `target ${t.id} has a quote`).toBeGreaterThan(0);
      expect(
        text.slice(t.offset, t.offset + t.quote.length),
        `quote of target ${t.id} at offset ${t.offset}`,
      ).toBe(t.quote);
    }

    const score = scoreCatalogue(catalogue, gold, texts);
    console.log(
      `\ncatalogue vs genre test set (recall, precision, field accuracy over matched pairs)\n${formatScore(score)}\n`,
    );

    expect(score.badQuotes).toEqual([]);
    expect(score.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.overall.precision).toBeGreaterThanOrEqual(0.9);
  });
});
