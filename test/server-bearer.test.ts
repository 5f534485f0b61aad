/**
 * The add-in's sessions at the HTTP level: signing in with "client": "addin" answers the session token,
 * `Authorization: Bearer <token>` then authenticates without a CSRF header (cookie sessions still need
 * one); forged, expired and signed-out tokens are 401; the first password change hands over a new token
 * and ends the old one; an office with a token still sees only its own data.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { fillWorkbook } from './helpers/fill.js';
import { seedCatalogue } from './helpers/seeds.js';
import type { ApiClient } from './helpers/server.js';
import { serverWithAdmin, type TestDb } from './helpers/server.js';

const PERIOD = '2025年度';

let t: TestDb;
let app: FastifyInstance;
let base: string;
let roundId: number;
const accounts = new Map<string, { username: string; password: string }>();

/** One request as the add-in makes it: no cookie jar, the token in the Authorization header. */
async function bearer(
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: <T = Record<string, unknown>>() => T; bytes: Uint8Array }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const r = await fetch(`${base}${url}`, { method, headers, body: payload });
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return { status: r.status, bytes, json: <T>() => JSON.parse(text) as T };
}

async function addinLogin(username: string, password: string) {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, client: 'addin' }),
  });
  return {
    status: r.status,
    cookie: (r.headers.get('set-cookie') ?? '').split(';')[0],
    body: (await r.json()) as { token?: string; csrfToken: string; user: { mustChangePassword: boolean } },
  };
}

/** An office's account signed in through the add-in, its one-time password replaced: its token. */
async function officeToken(office: string): Promise<string> {
  const a = accounts.get(office)!;
  const first = await addinLogin(a.username, a.password);
  const changed = await bearer(first.body.token!, 'POST', '/api/session/password', {
    oldPassword: a.password,
    newPassword: `${a.password}-新密码`,
  });
  expect(changed.status).toBe(200);
  a.password = `${a.password}-新密码`;
  return changed.json<{ token: string }>().token;
}

beforeAll(async () => {
  let admin: ApiClient;
  ({ t, app, base, admin } = await serverWithAdmin());
  const json = new TextEncoder().encode(JSON.stringify(seedCatalogue()));
  const cat = await admin.upload('/api/catalogues', [
    { field: 'files', name: 'catalogue.json', bytes: json },
  ]);
  const round = await admin.request('POST', '/api/rounds', {
    name: '加载项测试',
    catalogueId: cat.json<{ id: number }>().id,
    period: PERIOD,
    rosterCsv: '单位\n长春市\n吉林市\n',
  });
  expect(round.status).toBe(201);
  roundId = round.json<{ round: { id: number } }>().round.id;
  const issued = await admin.request('POST', `/api/rounds/${roundId}/accounts`, {});
  for (const r of issued.json<{ office: string; username: string; password: string }[]>()) {
    accounts.set(r.office, { username: r.username, password: r.password });
  }
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('add-in sign-in with a bearer token', () => {
  it('answers the token only to "client": "addin", and the password change hands over a new one', async () => {
    const a = accounts.get('长春市')!;
    const web = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: a.username, password: a.password }),
    });
    expect(web.status).toBe(200);
    expect(await web.json()).not.toHaveProperty('token');

    const first = await addinLogin(a.username, a.password);
    expect(first.status).toBe(200);
    const token = first.body.token!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The cookie is the same session, for desktop Excel where cookies work.
    expect(first.cookie).toBe(`luoshi_session=${token}`);
    expect(first.body.user.mustChangePassword).toBe(true);
    expect((await bearer(token, 'GET', '/api/rounds')).status).toBe(403);

    const changed = await bearer(token, 'POST', '/api/session/password', {
      oldPassword: a.password,
      newPassword: `${a.password}-新密码`,
    });
    expect(changed.status).toBe(200);
    a.password = `${a.password}-新密码`;
    const next = changed.json<{ token: string; user: { mustChangePassword: boolean } }>();
    expect(next.user.mustChangePassword).toBe(false);
    expect(next.token).not.toBe(token);
    expect((await bearer(token, 'GET', '/api/session')).status).toBe(401);
    expect((await bearer(next.token, 'GET', '/api/rounds')).status).toBe(200);
  });

  it('submits without a CSRF header, and the office sees only its own data', async () => {
    const tokenA = await officeToken('长春市');
    const tokenB = await officeToken('吉林市');
    const pulled = await bearer(tokenA, 'GET', '/api/addin/catalogue');
    expect(pulled.status).toBe(200);
    expect(pulled.json<{ office: string }>().office).toBe('长春市');

    const blank = (await bearer(tokenA, 'GET', `/api/rounds/${roundId}/workbook`)).bytes;
    const figures = sampleEntries(seedCatalogue(), '长春市', PERIOD, '3', { documents: [], units: [] });
    const bytes = await fillWorkbook(blank, figures);
    const form = new FormData();
    form.append('confirm', 'true');
    form.append('file', new Blob([new Uint8Array(bytes)]), '长春市.xlsx');
    const sent = await bearer(tokenA, 'POST', `/api/rounds/${roundId}/submissions`, form);
    expect(sent.status).toBe(201);
    const sub = sent.json<{ submission: { id: number; office: string; sha256: string } }>().submission;
    expect(sub.office).toBe('长春市');
    expect(sub.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    expect((await bearer(tokenA, 'GET', `/api/submissions/${sub.id}`)).status).toBe(200);
    expect((await bearer(tokenB, 'GET', `/api/submissions/${sub.id}`)).status).toBe(404);
    expect((await bearer(tokenB, 'GET', `/api/submissions/${sub.id}/file`)).status).toBe(404);
    expect((await bearer(tokenB, 'GET', `/api/rounds/${roundId}/submissions`)).json()).toEqual([]);
    expect((await bearer(tokenB, 'GET', '/api/users')).status).toBe(403);
  });

  it('a cookie session still needs the CSRF header', async () => {
    const a = accounts.get('长春市')!;
    const { cookie, body } = await addinLogin(a.username, a.password);
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/rounds/${roundId}/submissions`, { method: 'POST', headers });
    const noCsrf = await post({ cookie });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('csrf');
    // With the CSRF header it reaches the handler (and is refused there for having no file).
    const withCsrf = await post({ cookie, 'x-csrf-token': body.csrfToken });
    expect(withCsrf.status).toBe(400);
    // A bearer header is never combined with the cookie: a forged one does not fall back to the cookie.
    const mixed = await post({ cookie, authorization: 'Bearer forged-token' });
    expect(mixed.status).toBe(401);
  });

  it('forged, malformed, expired and signed-out tokens are 401', async () => {
    const a = accounts.get('吉林市')!;
    const forged = await bearer('A'.repeat(43), 'GET', '/api/rounds');
    expect(forged.status).toBe(401);
    expect(forged.json<{ code: string }>().code).toBe('not-signed-in');
    const basic = await fetch(`${base}/api/rounds`, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(basic.status).toBe(401);

    const expiring = (await addinLogin(a.username, a.password)).body.token!;
    expect((await bearer(expiring, 'GET', '/api/rounds')).status).toBe(200);
    const hash = createHash('sha256').update(expiring).digest('hex');
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [
      hash,
    ]);
    expect((await bearer(expiring, 'GET', '/api/rounds')).status).toBe(401);

    const token = (await addinLogin(a.username, a.password)).body.token!;
    expect((await bearer(token, 'DELETE', '/api/session')).status).toBe(204);
    const after = await bearer(token, 'GET', '/api/session');
    expect(after.status).toBe(401);
    expect((await bearer(token, 'GET', `/api/rounds/${roundId}/submissions`)).status).toBe(401);
  });
});
