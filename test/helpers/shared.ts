/**
 * What tests take from outside the code: the add-in manifest schemas, carried in the repository as
 * test data (test/fixtures/schemas/office-addin-manifest/SOURCE.md), and the team's optional shared
 * folder beside the clone (../shared). Tests must pass without ../shared; they may use it for an
 * extra check when it is there.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const MANIFEST_XSD = path.join(
  ROOT,
  'test',
  'fixtures',
  'schemas',
  'office-addin-manifest',
  'OfficeAppManifestV1_1.xsd',
);

/** The shared folder beside the clone, or null when there is none. */
export const SHARED_DIR: string | null = ((dir) => (existsSync(dir) ? dir : null))(
  path.resolve(ROOT, '..', 'shared'),
);

/** The shared folder's independent GB/T 9704 checker (Python), or null when it is not beside the clone. */
export const GONGWEN_CHECK: string | null = ((file) => (file && existsSync(file) ? file : null))(
  SHARED_DIR && path.join(SHARED_DIR, 'tools', 'gongwen-check'),
);
