/**
 * The API contract at the HTTP level: /api/openapi.json lists every route; walking it proves that every
 * endpoint but login and health needs a session, that state-changing ones need the CSRF token, and that
 * errors are {error, code} in Chinese with the right status and no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/handlers/users.js';
import { zipSync } from 'fflate';
import { ApiClient, testDb, type TestDb } from './helpers/server.js';
import { seedCatalogue } from './helpers/seeds.js';

interface Operation {
  operationId: string;
  'x-luoshi-access': string;
  security: unknown[];
}
type Paths = Record<string, Record<string, Operation>>;

let t: TestDb;
let app: FastifyInstance;
let adminPassword: string;

beforeAll(async () => {
  t = await testDb('pglite');
  adminPassword = (
    await createUser(t.db, { username: 'admin', displayName: '管理员', role: 'admin', office: null })
  ).password;
  app = await buildApp({ db: t.db });
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** A concrete URL for an OpenAPI path: every {id} becomes 1. */
function concrete(p: string): string {
  return p.replace(/\{[A-Za-z]+\}/g, '1');
}

const PUBLIC = new Set(['GET /api/health', 'POST /api/session']);

describe('OpenAPI walk', () => {
  it('serves an OpenAPI 3 document listing the routes', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{ openapi: string; paths: Paths }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/rounds/{roundId}/submissions');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(15);
  });

  it('every endpoint except login and health answers 401 without a session', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Paths }>();
    let checked = 0;
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${p}`;
        if (PUBLIC.has(key)) {
          expect(op['x-luoshi-access'], key).toBe('public');
          continue;
        }
        expect(op.security, key).toEqual([{ session: [] }, { bearer: [] }]);
        const r = await app.inject({
          method: method.toUpperCase() as 'GET',
          url: concrete(p),
          ...(method === 'get' ? {} : { payload: {} }),
        });
        expect(r.statusCode, key).toBe(401);
        expect(r.json(), key).toMatchObject({
          code: 'not-signed-in',
          error: expect.stringMatching(/登录/) as string,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('state-changing endpoints refuse a session without the CSRF token', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: adminPassword },
    });
    const cookie = login.headers['set-cookie'] as string;
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Paths }>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'get' || op['x-luoshi-access'] === 'public' || op.operationId === 'logout') continue;
        const r = await app.inject({
          method: method.toUpperCase() as 'POST',
          url: concrete(p),
          headers: { cookie: cookie.split(';')[0], 'x-csrf-token': 'forged' },
          payload: {},
        });
        expect(r.statusCode, `${method} ${p}`).toBe(403);
        expect(r.json<{ code: string }>().code).toBe('csrf');
      }
    }
  });
});

describe('bad input', () => {
  it('malformed JSON, missing fields and unknown routes answer in Chinese without a stack', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: '请求内容不是有效的 JSON', code: 'bad-json' });
    const missing = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: string }>().error).toContain('password');
    const none = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(none.statusCode).toBe(404);
    for (const r of [bad, missing, none]) expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('SQL metacharacters in the username are data, and a wrong password is 401', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: "admin' OR '1'='1", password: "x' OR '1'='1" },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json<{ code: string }>().code).toBe('bad-credentials');
  });

  it('every answer carries a Content-Security-Policy', async () => {
    for (const url of ['/api/health', '/api/rounds', '/']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.headers['content-security-policy'], url).toContain("default-src 'self'");
    }
  });
});

describe('hostile uploads and text', () => {
  let t2: TestDb;
  let app2: FastifyInstance;
  let admin: ApiClient;
  let roundId: number;

  beforeAll(async () => {
    t2 = await testDb('pglite');
    const { password } = await createUser(t2.db, {
      username: 'admin',
      displayName: '管理员',
      role: 'admin',
      office: null,
    });
    app2 = await buildApp({ db: t2.db, maxUploadBytes: 256 * 1024, maxUnzippedBytes: 1024 * 1024 });
    await app2.listen({ port: 0, host: '127.0.0.1' });
    admin = new ApiClient(`http://127.0.0.1:${(app2.server.address() as { port: number }).port}`);
    await admin.firstLogin('admin', password);
    const json = new TextEncoder().encode(JSON.stringify(seedCatalogue()));
    const cat = await admin.upload('/api/catalogues', [
      { field: 'files', name: 'catalogue.json', bytes: json },
    ]);
    expect(cat.status).toBe(201);
    const round = await admin.request('POST', '/api/rounds', {
      name: "x'); DROP TABLE users;--",
      catalogueId: cat.json<{ id: number }>().id,
      period: '2025年度',
      rosterCsv: '单位\n长春市\n',
    });
    expect(round.status).toBe(201);
    roundId = round.json<{ round: { id: number; name: string } }>().round.id;
  });
  afterAll(async () => {
    await app2?.close();
    await t2?.close();
  });

  const upload = (bytes: Uint8Array) =>
    admin.upload(`/api/rounds/${roundId}/submissions`, [{ field: 'file', name: '长春市.xlsx', bytes }], {
      confirm: 'true',
    });

  it('keeps SQL metacharacters as text', async () => {
    const r = await admin.request('GET', `/api/rounds/${roundId}`);
    expect(r.json<{ round: { name: string } }>().round.name).toBe("x'); DROP TABLE users;--");
    expect((await admin.request('GET', '/api/users')).json<unknown[]>()).toHaveLength(1);
  });

  it('refuses an oversized upload with 413', async () => {
    const r = await upload(new Uint8Array(300 * 1024).fill(7));
    expect(r.status).toBe(413);
    expect(r.json<{ error: string }>().error).toMatch(/过大/);
  });

  it('refuses a zip bomb with 413 before unpacking it', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(256 * 1024);
    const r = await upload(bomb);
    expect(r.status).toBe(413);
    expect(r.json<{ code: string }>().code).toBe('zip-too-large');
  });

  it('refuses a corrupt file with 422 and a Chinese message', async () => {
    const r = await upload(new TextEncoder().encode('这不是工作簿'));
    expect(r.status).toBe(422);
    expect(r.json<{ error: string }>().error).toMatch(/[\u4e00-\u9fff]/);
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('stored nothing from any of them', async () => {
    expect((await admin.request('GET', `/api/rounds/${roundId}/submissions`)).json()).toEqual([]);
  });
});
