/**
 * Reading catalogue.json from disk for the Node hosts (size-limited, validated by the core's schema).
 */
import * as path from 'node:path';
import type { Catalogue } from '../core/model/catalogue.js';
import { parseCatalogueJson } from '../core/catalogue/schema.js';
import { readInput } from './files.js';

export async function loadCatalogue(file: string): Promise<Catalogue> {
  const bytes = await readInput(file);
  return parseCatalogueJson(new TextDecoder('utf-8').decode(bytes), path.basename(file));
}
