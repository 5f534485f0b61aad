/**
 * The five real seed documents (seeds/*.txt) and their catalogue, built once per test process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type BuildResult, type CatalogueSource } from '../../src/core/catalogue/index.js';
import type { Catalogue } from '../../src/core/model/catalogue.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');

export function seedSources(): CatalogueSource[] {
  return readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(SEEDS_DIR, name))) }));
}

let cached: BuildResult | null = null;

/** Build result of the seeds (cached per process): catalogue, warnings, decoded texts. */
export function seedBuild(): BuildResult {
  cached ??= buildCatalogue(seedSources());
  return cached;
}

/** The seeds' catalogue (cached per process). */
export function seedCatalogue(): Catalogue {
  return seedBuild().catalogue;
}
