/**
 * The whole round over HTTP, against the embedded database and against PostgreSQL: a catalogue from the
 * seeds, a round with the sample roster, accounts issued as 账号表.xlsx, two offices upload (one with an
 * error, then fixed), one is returned and resubmits, the coordinating office consolidates and gets both
 * reports. Also what an office must not see or do.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/handlers/users.js';
import { fillWorkbook, type FillEntry } from './helpers/fill.js';
import { seedSources } from './helpers/seeds.js';
import { ApiClient, postgresAvailable, testDb, type TestDb } from './helpers/server.js';

const ROSTER = readFileSync(path.resolve('templates/roster-吉林省.csv'), 'utf8');
const PERIOD = '2025年度';

async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    rows.push((row.values as (string | number | null)[]).slice(1).map((v) => String(v ?? ''))),
  );
  return rows;
}

function docxText(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
}

function runRound(kind: 'pglite' | 'postgres') {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let adminPassword: string;

  beforeAll(async () => {
    t = await testDb(kind);
    adminPassword = (
      await createUser(t.db, { username: 'admin', displayName: '管理员', role: 'admin', office: null })
    ).password;
    // PGlite as `luoshi serve` runs it: uploads checked on a worker thread; PostgreSQL checks inline.
    app = await buildApp({ db: t.db, intakeThreads: kind === 'pglite' ? 1 : 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('runs a whole round', async () => {
    const admin = new ApiClient(base);
    await admin.firstLogin('admin', adminPassword);

    // Catalogue from the seeds, built by the same core as `luoshi catalogue build`.
    const sources = seedSources();
    const cat = await admin.upload(
      '/api/catalogues',
      sources.map((s) => ({ field: 'files', name: s.name, bytes: s.bytes })),
    );
    expect(cat.status).toBe(201);
    const catalogueId = cat.json<{ id: number }>().id;
    const catalogue = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
    expect(catalogue.documents).toHaveLength(sources.length);

    // Round with the sample roster.
    const created = await admin.request('POST', '/api/rounds', {
      name: '2025年度落实情况',
      catalogueId,
      period: PERIOD,
      deadline: '2026-01-15',
      rosterCsv: ROSTER,
    });
    expect(created.status).toBe(201);
    const roundId = created.json<{ round: { id: number; offices: number } }>().round.id;
    const rosterOffices = ROSTER.trim().split('\n').length - 1;
    expect(created.json<{ round: { offices: number } }>().round.offices).toBe(rosterOffices);

    // Accounts, as 账号表.xlsx.
    const sheet = await admin.request('POST', `/api/rounds/${roundId}/accounts?format=xlsx`, {});
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toContain(encodeURIComponent('账号表.xlsx'));
    const rows = await sheetRows(sheet.bytes);
    expect(rows[0]).toEqual(['单位', '联系人', '电话', '用户名', '初始密码']);
    const account = new Map(
      rows.slice(1, rosterOffices + 1).map((r) => [r[0], { username: r[3], password: r[4] }]),
    );
    expect(account.size).toBe(rosterOffices);
    const again = await admin.request('POST', `/api/rounds/${roundId}/accounts`, {});
    expect(again.json<{ password: string | null }[]>().every((r) => r.password === null)).toBe(true);

    const a = new ApiClient(base);
    const b = new ApiClient(base);
    await a.firstLogin(account.get('长春市')!.username, account.get('长春市')!.password);
    await b.firstLogin(account.get('吉林市')!.username, account.get('吉林市')!.password);

    // The add-in's 拉取指标 and the blank workbook agree on the office's targets.
    const pulled = await a.request('GET', '/api/addin/catalogue');
    expect(pulled.status).toBe(200);
    const targetIds = pulled.json<{ targetIds: string[] }>().targetIds;
    expect(pulled.json<{ office: string }>().office).toBe('长春市');
    const blankA = (await a.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;
    const blankB = (await b.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;

    const scope = new Map(
      created
        .json<{ offices: { office: string; documents: string[]; units: string[] }[] }>()
        .offices.map((o) => [o.office, { documents: o.documents, units: o.units }]),
    );
    const figures = (office: string): FillEntry[] =>
      sampleEntries(catalogue, office, PERIOD, '7', scope.get(office)).map((e) => ({ ...e }));
    const figuresA = figures('长春市');
    expect(figuresA.map((e) => e.targetId)).toEqual(targetIds);
    const typo = figuresA.findIndex((e) => e.actual !== null);
    const wrong = figuresA.map((e, i) => (i === typo ? { ...e, actual: '约30' } : e));

    // Office A: an error is refused with sheet and cell, and nothing is stored.
    const refused = await a.upload(`/api/rounds/${roundId}/submissions`, [
      { field: 'file', name: '长春市.xlsx', bytes: await fillWorkbook(blankA, wrong) },
    ]);
    expect(refused.status).toBe(422);
    const problem = refused
      .json<{ problems: { severity: string; sheet: string; cell: string; targetId: string }[] }>()
      .problems.find((p) => p.severity === 'error')!;
    expect(problem).toMatchObject({ sheet: '指标', targetId: figuresA[typo].targetId });
    expect(problem.cell).toMatch(/^[A-Z]+\d+$/);
    expect((await a.request('GET', `/api/rounds/${roundId}/submissions`)).json()).toEqual([]);

    // Fixed: only warnings remain, which the office must confirm.
    const fixedBytes = await fillWorkbook(blankA, figuresA);
    const file = [{ field: 'file', name: '长春市.xlsx', bytes: fixedBytes }];
    const unconfirmed = await a.upload(`/api/rounds/${roundId}/submissions`, file);
    expect(unconfirmed.status).toBe(409);
    const warned = unconfirmed.json<{ needsConfirmation: boolean; problems: { severity: string }[] }>();
    expect(warned.needsConfirmation).toBe(true);
    expect(warned.problems.length).toBeGreaterThan(0);
    expect(warned.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect((await a.request('GET', `/api/rounds/${roundId}/submissions`)).json()).toEqual([]);
    const okA = await a.upload(`/api/rounds/${roundId}/submissions`, file, { confirm: 'true' });
    expect(okA.status).toBe(201);
    const subA = okA.json<{ submission: { id: number; sha256: string; state: string } }>().submission;
    expect(subA.state).toBe('已报送');
    expect(subA.sha256).toBe(createHash('sha256').update(fixedBytes).digest('hex'));
    expect((await a.request('GET', `/api/submissions/${subA.id}/file`)).bytes).toEqual(fixedBytes);

    // Office B; A cannot submit B's workbook nor see B's data.
    const figuresB = figures('吉林市');
    const bytesB = await fillWorkbook(blankB, figuresB);
    const foreign = await a.upload(`/api/rounds/${roundId}/submissions`, [
      { field: 'file', name: '吉林市.xlsx', bytes: bytesB },
    ]);
    expect(foreign.status).toBe(403);
    expect(foreign.json<{ code: string }>().code).toBe('wrong-office');
    const okB = await b.upload(
      `/api/rounds/${roundId}/submissions`,
      [{ field: 'file', name: '吉林市.xlsx', bytes: bytesB }],
      {
        confirm: 'true',
      },
    );
    expect(okB.status).toBe(201);
    const subB = okB.json<{ submission: { id: number } }>().submission;
    expect((await a.request('GET', `/api/submissions/${subB.id}`)).status).toBe(404);
    expect((await a.request('GET', `/api/submissions/${subB.id}/file`)).status).toBe(404);
    expect(
      (await a.request('GET', `/api/rounds/${roundId}/workbook?office=吉林市`)).headers.get(
        'content-disposition',
      ),
    ).toContain(encodeURIComponent('长春市'));
    const seenByA = (await a.request('GET', `/api/rounds/${roundId}`)).json<{
      offices: { office: string }[];
    }>();
    expect(seenByA.offices.map((o) => o.office)).toEqual(['长春市']);
    expect((await a.request('GET', `/api/rounds/${roundId}/consolidation`)).status).toBe(403);

    // A reviewer returns B's submission; B sees why and resubmits.
    const rev = await admin.request('POST', '/api/users', {
      username: 'reviewer1',
      displayName: '审核员甲',
      role: 'reviewer',
    });
    expect(rev.status).toBe(201);
    const reviewer = new ApiClient(base);
    await reviewer.firstLogin('reviewer1', rev.json<{ password: string }>().password);
    const returned = await reviewer.request('POST', `/api/submissions/${subB.id}/return`, {
      comment: '请补充完成值的统计口径',
    });
    expect(returned.status).toBe(200);
    expect(returned.json<{ state: string }>().state).toBe('已退回');
    const seenByB = (await b.request('GET', `/api/submissions/${subB.id}`)).json<{
      comments: { body: string }[];
    }>();
    expect(seenByB.comments.map((c) => c.body)).toEqual(['请补充完成值的统计口径']);
    const changed = figuresB.findIndex((e) => typeof e.actual === 'number');
    const resubmitted = figuresB.map((e, i) =>
      i === changed ? { ...e, actual: (e.actual as number) + 1 } : e,
    );
    const okB2 = await b.upload(
      `/api/rounds/${roundId}/submissions`,
      [{ field: 'file', name: '吉林市-修改稿.xlsx', bytes: await fillWorkbook(blankB, resubmitted) }],
      { confirm: 'true' },
    );
    expect(okB2.status).toBe(201);
    const subB2 = okB2.json<{ submission: { id: number } }>().submission;
    const cmp = await reviewer.request('GET', `/api/submissions/${subB2.id}/compare`);
    expect(cmp.status).toBe(200);
    const changes = cmp.json<{ changes: { targetId: string | null; kind: string }[] }>().changes;
    expect(changes.some((c) => c.targetId === figuresB[changed].targetId)).toBe(true);

    for (const id of [subA.id, subB2.id]) {
      const acc = await reviewer.request('POST', `/api/submissions/${id}/accept`, {});
      expect(acc.json<{ state: string }>().state).toBe('已采用');
    }
    expect((await reviewer.request('POST', `/api/submissions/${subB.id}/accept`, {})).status).toBe(409);

    // Consolidation counts A and B's resubmission; the rest are 未报送.
    const cons = await reviewer.request('GET', `/api/rounds/${roundId}/consolidation`);
    expect(cons.status).toBe(200);
    const c = cons.json<{
      offices: { office: string }[];
      missing: string[];
      targets: { targetId: string }[];
      actual: (number | null)[][];
    }>();
    expect(c.offices.map((o) => o.office).sort()).toEqual(['吉林市', '长春市'].sort());
    expect(c.missing).toHaveLength(rosterOffices - 2);
    const ti = c.targets.findIndex((x) => x.targetId === figuresB[changed].targetId);
    const oi = c.offices.findIndex((o) => o.office === '吉林市');
    expect(c.actual[ti][oi]).toBe(resubmitted[changed].actual);

    const xlsx = await reviewer.request('GET', `/api/rounds/${roundId}/consolidation?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);

    // Both reports.
    const all = await reviewer.request('GET', `/api/rounds/${roundId}/report`);
    expect(all.status).toBe(200);
    const allText = docxText(all.bytes);
    expect(allText).toContain('长春市');
    expect(allText).toContain('吉林市');
    const one = await reviewer.request(
      'GET',
      `/api/rounds/${roundId}/report?office=${encodeURIComponent('长春市')}`,
    );
    expect(one.status).toBe(200);
    expect(docxText(one.bytes)).toContain('长春市');

    // The audit log has every step.
    const log = (await admin.request('GET', '/api/audit?limit=1000')).json<{ action: string }[]>();
    for (const action of [
      'catalogue-created',
      'round-created',
      'accounts-issued',
      'submitted',
      'returned',
      'accepted',
    ])
      expect(log.map((l) => l.action)).toContain(action);
    expect(log.filter((l) => l.action === 'submitted')).toHaveLength(3);
  });
}

describe('whole round on the embedded database (PGlite)', () => runRound('pglite'));
describe.skipIf(!postgresAvailable())('whole round on PostgreSQL', () => runRound('postgres'));
