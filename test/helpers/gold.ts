/**
 * Loads the seeds (decoded as the product decodes them) and the hand-made gold set of test/gold/.
 * Loading fails loudly when the gold has rotted: a file that breaks the schema, a seed without gold,
 * or a quote that is not found exactly once, byte for byte, in its seed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../../src/core/text/decode.js';
import { parseGoldFile, type GoldFile } from './score.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = path.join(here, '..', '..', 'seeds');
export const GOLD_DIR = path.join(here, '..', 'gold');
/** The synthetic genre test set (test/genre/README.md) and its gold, annotated by the same rules. */
export const GENRE_DIR = path.join(here, '..', 'genre');
export const GENRE_GOLD_DIR = path.join(GENRE_DIR, 'gold');

/** Decoded text of every seed (or of every .txt in `dir`), keyed by file name. */
export function loadSeedTexts(dir: string = SEEDS_DIR): Map<string, string> {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  return new Map(names.map((n) => [n, decodeText(readFileSync(path.join(dir, n)), n).text]));
}

export function countOccurrences(text: string, quote: string): number {
  let n = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) n++;
  return n;
}

/** All gold files of `goldDir` (default: the seeds' gold), validated against the texts in `texts`. */
export function loadGoldSet(texts: Map<string, string>, goldDir: string = GOLD_DIR): GoldFile[] {
  const files = readdirSync(goldDir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const gold = files.map((n) => {
    const g = parseGoldFile(JSON.parse(readFileSync(path.join(goldDir, n), 'utf8')) as unknown, n);
    if (g.source.replace(/\.txt$/, '.json') !== n)
      throw new Error(`${n}: names source ${g.source}; the file must be named after its seed`);
    const text = texts.get(g.source);
    if (text === undefined) throw new Error(`${n}: seed ${g.source} does not exist`);
    for (const t of g.targets) {
      const count = countOccurrences(text, t.quote);
      if (count !== 1)
        throw new Error(`${n}: quote found ${count} times in ${g.source} (must be exactly once): ${t.quote}`);
    }
    return g;
  });
  const missing = [...texts.keys()].filter((s) => !gold.some((g) => g.source === s));
  if (missing.length > 0) throw new Error(`seeds without a gold file: ${missing.join(', ')}`);
  return gold;
}
