/**
 * What the benchmarks start from: the seeds' catalogue, widened to a given number of targets so a
 * workbook or a report has the size a target speaks of (300 targets, 1,000 targets…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '../src/core/catalogue/index.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seeds');

/** The catalogue built from the bundled policy texts (seeds/*.txt). */
export function seedsCatalogue(): Catalogue {
  const sources = readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SEEDS_DIR, name))) }));
  return buildCatalogue(sources).catalogue;
}

/** The catalogue's targets repeated with new ids (…~1, …~2) until there are `n`; a version of its own. */
export function widen(base: Catalogue, n: number): Catalogue {
  const targets: Target[] = [];
  for (let k = 0; targets.length < n; k++) {
    for (const t of base.targets) {
      if (targets.length >= n) break;
      targets.push({ ...t, id: k ? `${t.id}~${k}` : t.id, offset: t.offset + k * 1e7, linked: [] });
    }
  }
  return { ...base, version: `${base.version}-x${n}`, targets };
}
