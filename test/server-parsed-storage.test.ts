/**
 * The parsed submission is stored deflated by the checking thread (migration 6, parsed_deflated) and
 * read back by parsedSubmission as the very submission the check read; rows stored before the
 * migration keep their json column and read as before. Through both databases' own bytea and json
 * handling (the whole round over HTTP is in server-round.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import type { Submission } from '../src/core/model/submission.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { checkUpload } from '../src/server/intake-check.js';
import { PARSED_COLUMNS, parsedSubmission, type ParsedColumns } from '../src/server/store.js';
import { readWorkbookGrid } from '../src/xlsx/read-grid.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';
import { postgresAvailable, testDb, type TestDb } from './helpers/server.js';

const FILE = '通化市.xlsx';
let catalogue: Catalogue;
let bytes: Uint8Array;
/** The submission as `luoshi check` reads the file, through JSON (as any stored form must give it). */
let expected: Submission;

beforeAll(async () => {
  catalogue = seedCatalogue();
  ({ bytes } = await filledWorkbook(catalogue, '通化市'));
  const sub = readSubmission(await readWorkbookGrid(bytes, FILE), { source: FILE, catalogue });
  expected = JSON.parse(JSON.stringify(sub)) as Submission;
  expect(expected.entries.length).toBeGreaterThan(0);
});

async function checked(): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(catalogue));
  const shared = new SharedArrayBuffer(json.length);
  new Uint8Array(shared).set(json);
  const outcome = await checkUpload({
    bytes,
    fileName: FILE,
    catalogueId: 1,
    catalogueUtf8: shared,
    maxUnzippedBytes: 50_000_000,
  });
  if (outcome.kind !== 'read') throw new Error(`refused: ${outcome.message}`);
  return outcome.parsedDeflated;
}

describe('the parsed submission as the checking thread leaves it', () => {
  it('reads back as the submission the check read, at a fraction of its json', async () => {
    const deflated = await checked();
    expect(parsedSubmission({ parsed: null, parsed_deflated: deflated })).toEqual(expected);
    expect(deflated.length).toBeLessThan(JSON.stringify(expected).length / 4);
    // Its own memory, so that it can be moved to the main thread.
    expect(deflated.byteOffset).toBe(0);
    expect(deflated.buffer.byteLength).toBe(deflated.length);
  });

  it('reads a row stored before the migration from its json, and a file that could not be read as null', () => {
    expect(parsedSubmission({ parsed: expected, parsed_deflated: null })).toBe(expected);
    expect(parsedSubmission({ parsed: null, parsed_deflated: null })).toBeNull();
  });
});

function throughDatabase(kind: 'pglite' | 'postgres') {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores either form and reads both back as the submission', async () => {
    const { db } = t;
    const columns = await db.query<{ data_type: string }>(
      `SELECT data_type FROM information_schema.columns
       WHERE table_name = 'submissions' AND column_name = 'parsed_deflated'`,
    );
    expect(columns).toEqual([{ data_type: 'bytea' }]);
    await db.exec('CREATE TEMP TABLE kept (id int, parsed json, parsed_deflated bytea)');
    await db.query('INSERT INTO kept VALUES (1, NULL, $1), (2, $2, NULL), (3, NULL, NULL)', [
      await checked(),
      JSON.stringify(expected),
    ]);
    const rows = await db.query<ParsedColumns>(`SELECT ${PARSED_COLUMNS} FROM kept ORDER BY id`);
    expect(rows.map(parsedSubmission)).toEqual([expected, expected, null]);
  });
}

describe('on the embedded database (PGlite)', () => throughDatabase('pglite'));
describe.skipIf(!postgresAvailable())('on PostgreSQL', () => throughDatabase('postgres'));
