/**
 * Which round an upload may go to, at the HTTP level: an office uploads only to rounds whose roster
 * names it (another round, or one that does not exist, is 404), a workbook of an office the round's
 * roster does not name is refused (422 not-in-roster) even from staff, and nothing of a refused upload
 * is stored. The upload reads its round's roster from the server's cache (store.ts: uploadRound), so
 * each case runs once the cache holds that roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { fillWorkbook } from './helpers/fill.js';
import { seedCatalogue } from './helpers/seeds.js';
import { serverWithAdmin, signInOffice, type ApiClient, type TestDb } from './helpers/server.js';

const PERIOD = '2025年度';

let t: TestDb;
let app: FastifyInstance;
let admin: ApiClient;
let office: ApiClient;
/** Round 1 names 长春市 and 吉林市; round 2 only 吉林市. */
let round1: number;
let round2: number;
let workbook: Uint8Array;

async function newRound(name: string, offices: string[], catalogueId: number): Promise<number> {
  const r = await admin.request('POST', '/api/rounds', {
    name,
    catalogueId,
    period: PERIOD,
    rosterCsv: `单位\n${offices.join('\n')}\n`,
  });
  expect(r.status).toBe(201);
  return r.json<{ round: { id: number } }>().round.id;
}

const upload = (client: ApiClient, roundId: number) =>
  client.upload(
    `/api/rounds/${roundId}/submissions`,
    [{ field: 'file', name: '长春市.xlsx', bytes: workbook }],
    {
      confirm: 'true',
    },
  );

async function stored(roundId: number): Promise<{ office: string }[]> {
  const r = await admin.request('GET', `/api/rounds/${roundId}/submissions`);
  expect(r.status).toBe(200);
  return r.json<{ office: string }[]>();
}

beforeAll(async () => {
  ({ t, app, admin } = await serverWithAdmin());
  const json = new TextEncoder().encode(JSON.stringify(seedCatalogue()));
  const cat = await admin.upload('/api/catalogues', [
    { field: 'files', name: 'catalogue.json', bytes: json },
  ]);
  const catalogueId = cat.json<{ id: number }>().id;
  round1 = await newRound('第一轮', ['长春市', '吉林市'], catalogueId);
  round2 = await newRound('第二轮', ['吉林市'], catalogueId);
  office = await signInOffice(admin, round1, '长春市');
  const blank = await office.request('GET', `/api/rounds/${round1}/workbook`);
  expect(blank.status).toBe(200);
  const figures = sampleEntries(seedCatalogue(), '长春市', PERIOD, '1', { documents: [], units: [] });
  workbook = await fillWorkbook(blank.bytes, figures);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('the round an upload goes to', () => {
  it('is not found for an office its roster does not name, nor when it does not exist', async () => {
    for (let i = 0; i < 2; i++) {
      const other = await upload(office, round2);
      expect(other.status).toBe(404);
      expect(other.json<{ code: string }>().code).toBe('not-found');
      expect((await upload(office, 999_999)).status).toBe(404);
    }
    expect(await stored(round2)).toEqual([]);
  });

  it('refuses, even from staff, a workbook of an office its roster does not name', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await upload(admin, round2);
      expect(r.status).toBe(422);
      expect(r.json<{ code: string; error: string }>()).toMatchObject({
        code: 'not-in-roster',
        error: '“长春市”不在本轮（第二轮）的报送单位名单中',
      });
    }
    expect(await stored(round2)).toEqual([]);
  });

  it('stores the workbook in a round that names its office, from the office and from staff', async () => {
    for (const client of [office, admin, office]) {
      const r = await upload(client, round1);
      expect(r.status).toBe(201);
      expect(r.json<{ submission: { office: string } }>().submission.office).toBe('长春市');
    }
    expect((await stored(round1)).map((s) => s.office)).toEqual(['长春市', '长春市', '长春市']);
    expect(await stored(round2)).toEqual([]);
  });
});
