/**
 * The team's shared folder beside the project (../shared): the GB/T 9704 checker and the add-in
 * manifest schemas. Resolved from the repository, so a clone anywhere with shared/ beside it works.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const GONGWEN_CHECK = path.join(SHARED_DIR, 'tools', 'gongwen-check');
export const MANIFEST_XSD = path.join(
  SHARED_DIR,
  'schemas',
  'office-addin-manifest',
  'OfficeAppManifestV1_1.xsd',
);
