/**
 * The add-in against a real luoshi server (PGlite, listening on port 0): sign in as an office,
 * 拉取指标 from GET /api/addin/catalogue (exactly the office's targets and tasks) into the fake
 * Excel, and 报送 the workbook's file — read from the fake Office in slices, as
 * getFileAsync("compressed") hands it over — to POST /api/rounds/:id/submissions: refused with
 * problems by cell, warnings to confirm, accepted. The transport is fetch with a cookie jar, as a
 * browser's same-origin XHR would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/handlers/users.js';
import { ServerClient, type HttpRequest, type HttpResponse } from '../src/addin/server-client.js';
import { ExcelHost } from '../src/addin/office/excel-host.js';
import { CURRENT_WORKBOOK, pullCatalogue } from '../src/addin/actions.js';
import { readSubmission } from '../src/core/workbook/read.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { isLuoshiError } from '../src/core/errors.js';
import { FakeExcel, fakeOffice, fakeOpenFiles } from './fakes/excel-fake.js';
import { ApiClient, testDb, type TestDb } from './helpers/server.js';
import { seedSources } from './helpers/seeds.js';
import { fillWorkbook } from './helpers/fill.js';

const ROSTER = readFileSync(path.resolve('templates/roster-吉林省.csv'), 'utf8');
const PERIOD = '2025年度';
const OFFICE = '长春市';

/** fetch as the pane's XHR behaves on its own origin: cookies kept and sent back. */
function browserTransport(): { send: (r: HttpRequest) => Promise<HttpResponse>; sent: HttpRequest[] } {
  let cookie = '';
  const sent: HttpRequest[] = [];
  return {
    sent,
    async send(req) {
      sent.push(req);
      const headers: Record<string, string> = { ...req.headers };
      if (cookie) headers.cookie = cookie;
      let body: BodyInit | undefined;
      if (req.form) {
        const fd = new FormData();
        for (const [k, v] of Object.entries(req.form.fields)) fd.append(k, v);
        const f = req.form.file;
        fd.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
        body = fd;
      } else if (req.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(req.json);
      }
      const r = await fetch(req.url, { method: req.method, headers, body });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      return { status: r.status, text: await r.text() };
    },
  };
}

let t: TestDb;
let app: FastifyInstance;
let base: string;
let roundId: number;
let catalogue: Catalogue;
let office: { username: string; password: string };

beforeAll(async () => {
  t = await testDb('pglite');
  const adminPassword = (
    await createUser(t.db, { username: 'admin', displayName: '管理员', role: 'admin', office: null })
  ).password;
  // a stand-in for the built add-in (dist/): a page, a hashed script, the catalogue, the manifest
  const addinDir = mkdtempSync(path.join(tmpdir(), 'luoshi-addin-dist-'));
  writeFileSync(path.join(addinDir, 'taskpane.html'), '<!doctype html><title>落实</title>');
  writeFileSync(path.join(addinDir, 'taskpane.0123abcd.js'), 'var x = 1;');
  writeFileSync(path.join(addinDir, 'catalogue.json'), '{}');
  writeFileSync(path.join(addinDir, 'manifest.xml'), readFileSync(path.resolve('manifest.xml')));
  app = await buildApp({ db: t.db, addinDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = new ApiClient(base);
  await admin.firstLogin('admin', adminPassword);
  const cat = await admin.upload(
    '/api/catalogues',
    seedSources().map((s) => ({ field: 'files', name: s.name, bytes: s.bytes })),
  );
  const catalogueId = cat.json<{ id: number }>().id;
  catalogue = (await admin.request('GET', `/api/catalogues/${catalogueId}`)).json<Catalogue>();
  const created = await admin.request('POST', '/api/rounds', {
    name: '2025年度落实情况',
    catalogueId,
    period: PERIOD,
    deadline: '2026-01-15',
    rosterCsv: ROSTER,
  });
  roundId = created.json<{ round: { id: number } }>().round.id;
  const accounts = (await admin.request('POST', `/api/rounds/${roundId}/accounts`, {})).json<
    { office: string; username: string; password: string }[]
  >();
  const own = accounts.find((a) => a.office === OFFICE);
  if (!own) throw new Error(`no account for ${OFFICE}`);
  // the one-time password is changed in the web pages first, as the server requires
  const first = new ApiClient(base);
  await first.firstLogin(own.username, own.password);
  office = { username: own.username, password: `${own.password}-新密码` };
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('the add-in served by the luoshi server', () => {
  it('pages, manifest and catalogue are revalidated every time; hashed scripts may be cached for good', async () => {
    const cache = async (file: string) => {
      const r = await fetch(`${base}/addin/${file}`);
      expect(r.status, file).toBe(200);
      return r.headers.get('cache-control');
    };
    expect(await cache('taskpane.html')).toBe('no-cache');
    expect(await cache('manifest.xml')).toBe('no-cache');
    expect(await cache('catalogue.json')).toBe('no-cache');
    expect(await cache('taskpane.0123abcd.js')).toBe('public, max-age=31536000, immutable');
  });
});

describe('the add-in signed in to the luoshi server', () => {
  it('refuses a wrong password with the server’s Chinese reason and keeps no session', async () => {
    const client = new ServerClient(browserTransport().send, base);
    const err = await client.signIn(office.username, 'wrong-password').catch((e: unknown) => e);
    expect(isLuoshiError(err) && err.message).toMatch(/用户名或密码/);
    expect(client.signedIn).toBe(false);
    const notIn = await client.catalogue().catch((e: unknown) => e);
    expect(isLuoshiError(notIn) && notIn.code).toBe('not-signed-in');
  });

  it('pulls the office’s own targets from the round, then 报送 its workbook: refused, confirmed, accepted', async () => {
    const transport = browserTransport();
    const client = new ServerClient(transport.send, base);
    const user = await client.signIn(office.username, office.password);
    expect(user.office).toBe(OFFICE);
    // the password is never sent again after signing in, and the session goes with every request
    const later = () => transport.sent.slice(1);

    // 拉取指标 from the server: exactly the targets and tasks the server selected for the office
    const fromServer = await client.catalogue();
    expect(fromServer).toMatchObject({ roundId, period: PERIOD, office: OFFICE });
    const staff = new ApiClient(base);
    await staff.login(office.username, office.password);
    const expected = (await staff.request('GET', '/api/addin/catalogue')).json<{
      targetIds: string[];
      taskIds: string[];
    }>();
    expect(fromServer.catalogue.targets.map((x) => x.id)).toEqual(expected.targetIds);
    expect(fromServer.catalogue.tasks.map((x) => x.id)).toEqual(expected.taskIds);
    expect(fromServer.catalogue.targets.length).toBeLessThan(catalogue.targets.length);

    let fileBytes: Uint8Array = new Uint8Array();
    const fake = new FakeExcel(undefined, { apiMinor: 9 });
    const host = new ExcelHost(fake, fakeOffice(9, { file: () => fileBytes }), { fileSliceBytes: 16 * 1024 });
    await pullCatalogue(host, {
      catalogue: fromServer.catalogue,
      office: OFFICE,
      period: fromServer.period,
      now: '2026-01-05T08:00:00.000Z',
    });
    const pulled = readSubmission(await host.readGrid(), { source: CURRENT_WORKBOOK });
    expect(pulled.rows.map((r) => r.targetId)).toEqual(expected.targetIds);

    // 报送: the workbook file as Office hands it over (here the server's own blank, filled in)
    const blank = (await staff.request('GET', `/api/rounds/${roundId}/workbook`)).bytes;
    const figures = sampleEntries(catalogue, OFFICE, PERIOD, '7', {
      documents: [],
      units: [],
    }).filter((e) => expected.targetIds.includes(e.targetId));
    const typo = figures.findIndex((e) => e.actual !== null);
    fileBytes = await fillWorkbook(
      blank,
      figures.map((e, i) => (i === typo ? { ...e, actual: '约30' } : { ...e })),
    );
    expect(fileBytes.length).toBeGreaterThan(3 * 16 * 1024); // read in several slices
    const wrong = await client.submit(fromServer.roundId, await host.documentBytes(), '长春市.xlsx', false);
    expect(fakeOpenFiles.count).toBe(0); // the file was closed again
    expect(wrong.kind).toBe('refused');
    const error = wrong.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ sheet: '指标', targetId: figures[typo].targetId });
    expect(error?.cell).toMatch(/^[A-Z]+\d+$/);

    fileBytes = await fillWorkbook(
      blank,
      figures.map((e) => ({ ...e })),
    );
    const warned = await client.submit(fromServer.roundId, await host.documentBytes(), '长春市.xlsx', false);
    expect(warned.kind).toBe('needs-confirmation');
    expect(warned.problems.length).toBeGreaterThan(0);
    expect(warned.problems.every((p) => p.severity === 'warning')).toBe(true);

    const accepted = await client.submit(fromServer.roundId, await host.documentBytes(), '长春市.xlsx', true);
    expect(accepted.kind).toBe('accepted');
    if (accepted.kind !== 'accepted') return;
    const stored = await staff.request('GET', `/api/submissions/${accepted.submissionId}/file`);
    expect(stored.bytes).toEqual(fileBytes);

    for (const req of later()) {
      expect(JSON.stringify(req.json ?? null)).not.toContain(office.password);
      const auth = req.headers.Authorization ?? req.headers['X-CSRF-Token'];
      expect(auth, req.url).toBeTruthy();
    }
  });

  it('without the File API (File 1.1) 报送 says to upload in the web pages instead', async () => {
    const fake = new FakeExcel(undefined, { apiMinor: 9 });
    const host = new ExcelHost(fake, fakeOffice(9));
    const err = await host.documentBytes().catch((e: unknown) => e);
    expect(isLuoshiError(err) && err.message).toMatch(/在浏览器中登录落实系统上传/);
  });
});
