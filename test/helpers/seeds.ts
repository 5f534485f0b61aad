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

/**
 * Under a mutation run (Stryker's global namespace is there) the seeds are built afresh in each test that
 * reads them: Stryker records which tests run a mutant and switches it on per test, so a catalogue built
 * once by the first test would hide every mutant of the extractor from all the others (see per-test.ts).
 */
async function testNameReader(): Promise<() => string | undefined> {
  // vitest is imported only under a mutation run: `npm run fuzz` uses this file outside vitest
  if (!('__stryker__' in globalThis)) return () => undefined;
  const { expect } = await import('vitest');
  return () => expect.getState().currentTestName;
}
const currentTest = await testNameReader();
let cached: { test: string | undefined; result: BuildResult } | null = null;

/** Build result of the seeds (cached per process; per test in a mutation run): catalogue, warnings, texts. */
export function seedBuild(): BuildResult {
  const test = currentTest();
  if (!cached || cached.test !== test) cached = { test, result: buildCatalogue(seedSources()) };
  return cached.result;
}

/** The seeds' catalogue (cached per process). */
export function seedCatalogue(): Catalogue {
  return seedBuild().catalogue;
}
