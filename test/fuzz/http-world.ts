/**
 * The server the HTTP fuzz cases run against: the real fastify app on an in-memory PGlite, driven
 * in-process (inject), with a catalogue from the seeds, a round for two offices (长春市, 吉林市), a
 * second round for 吉林市 alone, an 审核员, and one accepted submission of 吉林市. Each actor is
 * signed in with a cookie and its CSRF token, as the web pages are.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Db } from '../../src/server/db/db.js';
import { createUser } from '../../src/server/handlers/users.js';
import { sampleEntries } from '../../src/core/workbook/sample.js';
import { fillWorkbook } from '../helpers/fill.js';
import { seedCatalogue } from '../helpers/seeds.js';
import { testDb, type TestDb } from '../helpers/server.js';

/** Upload limits of the fuzzed server: small, so that oversized cases stay cheap. */
export const MAX_UPLOAD = 512 * 1024;
export const MAX_UNZIPPED = 8 * 1024 * 1024;

export interface Actor {
  name: string;
  cookie: string;
  csrf: string;
}

export interface HttpWorld {
  app: FastifyInstance;
  db: Db;
  admin: Actor;
  reviewer: Actor;
  /** 长春市: has no submission of its own. */
  officeA: Actor;
  /** 吉林市: owns `submissionB`. */
  officeB: Actor;
  catalogueId: number;
  /** Round of 长春市 and 吉林市. */
  roundId: number;
  /** Round of 吉林市 only (长春市 must not see it). */
  roundB: number;
  submissionB: number;
  /** A filled, valid workbook of 长春市 for `roundId` (the base of upload cases). */
  workbookA: Uint8Array;
  /** Per actor name: the CSRF token its session had before the password change (no longer valid). */
  staleCsrf: Record<string, string>;
  /** A session of the 审核员 that has signed out (its cookie and token replayed). */
  loggedOut: Actor;
  close(): Promise<void>;
}

export type Headers = Record<string, string>;

/** One multipart/form-data body, written by hand so that cases can also break it. */
export function multipart(
  parts: { field: string; fileName?: string; bytes: Uint8Array | string; type?: string }[],
  boundary = 'luoshifuzzboundary',
): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = p.fileName === undefined ? '' : `; filename="${p.fileName}"`;
    const type = p.fileName === undefined ? '' : `\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"${disp}${type}\r\n\r\n`),
    );
    chunks.push(Buffer.from(p.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function actorHeaders(a: Actor | null, csrf = true): Headers {
  if (!a) return {};
  return csrf ? { cookie: a.cookie, 'x-csrf-token': a.csrf } : { cookie: a.cookie };
}

async function call(
  app: FastifyInstance,
  method: string,
  url: string,
  headers: Headers,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

function expectStatus(r: LightMyRequestResponse, want: number, what: string): void {
  if (r.statusCode !== want) throw new Error(`${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
}

const stale: Record<string, string> = {};

/** Sign in and replace the one-time password (to `password`-新密码), as a new user must. */
async function signIn(app: FastifyInstance, name: string, password: string): Promise<Actor> {
  const login = await call(app, 'POST', '/api/session', {}, { username: name, password });
  expectStatus(login, 200, `login ${name}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const csrf = login.json<{ csrfToken: string }>().csrfToken;
  const changed = await call(
    app,
    'POST',
    '/api/session/password',
    { cookie, 'x-csrf-token': csrf },
    { oldPassword: password, newPassword: `${password}-新密码` },
  );
  expectStatus(changed, 200, `password ${name}`);
  stale[name] = csrf;
  const cookie2 = changed.headers['set-cookie'];
  return {
    name,
    cookie: cookie2 ? String(cookie2).split(';')[0] : cookie,
    csrf: changed.json<{ csrfToken: string }>().csrfToken,
  };
}

export async function buildHttpWorld(): Promise<HttpWorld> {
  const t: TestDb = await testDb('pglite');
  const adminPassword = (
    await createUser(t.db, { username: 'admin', displayName: '管理员', role: 'admin', office: null })
  ).password;
  const app = await buildApp({
    db: t.db,
    maxUploadBytes: MAX_UPLOAD,
    maxUnzippedBytes: MAX_UNZIPPED,
    // The cases sign in wrongly hundreds of times; pauses are tested in test/server-*.test.ts.
    loginsPerMinute: 1_000_000,
    loginFailuresAllowed: 1_000_000,
  });
  const admin = await signIn(app, 'admin', adminPassword);
  const catalogue = seedCatalogue();
  const up = multipart([
    {
      field: 'files',
      fileName: 'catalogue.json',
      bytes: JSON.stringify(catalogue),
      type: 'application/json',
    },
  ]);
  const cat = await call(
    app,
    'POST',
    '/api/catalogues',
    { ...actorHeaders(admin), 'content-type': up.contentType },
    up.body,
  );
  expectStatus(cat, 201, 'catalogue');
  const catalogueId = cat.json<{ id: number }>().id;
  const newRound = async (name: string, roster: string) => {
    const r = await call(app, 'POST', '/api/rounds', actorHeaders(admin), {
      name,
      catalogueId,
      period: '2025年度',
      rosterCsv: roster,
    });
    expectStatus(r, 201, `round ${name}`);
    const id = r.json<{ round: { id: number } }>().round.id;
    const acc = await call(app, 'POST', `/api/rounds/${id}/accounts`, actorHeaders(admin), {});
    expectStatus(acc, 200, `accounts ${name}`);
    return { id, accounts: acc.json<{ office: string; username: string; password: string | null }[]>() };
  };
  const both = await newRound('2025年度落实情况', '单位\n长春市\n吉林市\n');
  const onlyB = await newRound('吉林市专项', '单位\n吉林市\n');
  const account = (office: string) => both.accounts.find((a) => a.office === office)!;
  const officeA = await signIn(app, account('长春市').username, account('长春市').password!);
  const officeB = await signIn(app, account('吉林市').username, account('吉林市').password!);
  const staff = await call(app, 'POST', '/api/users', actorHeaders(admin), {
    username: 'reviewer1',
    displayName: '审核员甲',
    role: 'reviewer',
  });
  expectStatus(staff, 201, 'reviewer');
  const reviewerPassword = staff.json<{ password: string }>().password;
  const reviewer = await signIn(app, 'reviewer1', reviewerPassword);
  const again = await call(
    app,
    'POST',
    '/api/session',
    {},
    { username: 'reviewer1', password: `${reviewerPassword}-新密码` },
  );
  expectStatus(again, 200, 'second login');
  const loggedOut: Actor = {
    name: 'reviewer1',
    cookie: String(again.headers['set-cookie']).split(';')[0],
    csrf: again.json<{ csrfToken: string }>().csrfToken,
  };
  expectStatus(await call(app, 'DELETE', '/api/session', { cookie: loggedOut.cookie }), 204, 'logout');

  const filled = async (who: Actor, office: string) => {
    const blank = await call(app, 'GET', `/api/rounds/${both.id}/workbook`, actorHeaders(who));
    expectStatus(blank, 200, `workbook ${office}`);
    return fillWorkbook(
      new Uint8Array(blank.rawPayload),
      sampleEntries(catalogue, office, '2025年度', '7').map((e) => ({ ...e })),
    );
  };
  const workbookB = await filled(officeB, '吉林市');
  const sub = multipart([
    { field: 'file', fileName: '吉林市.xlsx', bytes: workbookB },
    { field: 'confirm', bytes: 'true' },
  ]);
  const submitted = await call(
    app,
    'POST',
    `/api/rounds/${both.id}/submissions`,
    { ...actorHeaders(officeB), 'content-type': sub.contentType },
    sub.body,
  );
  expectStatus(submitted, 201, 'submission 吉林市');
  return {
    app,
    db: t.db,
    admin,
    reviewer,
    officeA,
    officeB,
    catalogueId,
    roundId: both.id,
    roundB: onlyB.id,
    submissionB: submitted.json<{ submission: { id: number } }>().submission.id,
    workbookA: await filled(officeA, '长春市'),
    staleCsrf: { ...stale },
    loggedOut,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
