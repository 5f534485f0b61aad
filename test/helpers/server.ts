/**
 * Databases and an app for the server tests: an in-memory PGlite, and a throwaway PostgreSQL 15 cluster
 * (initdb in a temp folder, on a free port, run as the `postgres` user when the tests run as root, as
 * .ci/run does). LUOSHI_TEST_DATABASE_URL points the tests at an existing server instead.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../src/server/db/db.js';
import { migrate } from '../../src/server/db/migrations.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/server/handlers/users.js';
import { seedSources } from './seeds.js';

export const PG_BIN = process.env.LUOSHI_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresAvailable(): boolean {
  return !!process.env.LUOSHI_TEST_DATABASE_URL || existsSync(path.join(PG_BIN, 'initdb'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Run a PostgreSQL binary, as `postgres` when we are root (initdb refuses root). */
function pgArgs(bin: string, args: string[]): [string, string[]] {
  const exe = path.join(PG_BIN, bin);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

export interface TempPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A fresh cluster with database `luoshi`; stop() shuts it down and removes its folder. */
export async function startTempPostgres(): Promise<TempPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  execFileSync(
    ...pgArgs('initdb', ['-D', data, '-U', 'luoshi', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']),
    {
      stdio: 'ignore',
    },
  );
  const [cmd, args] = pgArgs('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const proc: ChildProcess = spawn(cmd, args, { stdio: 'ignore' });
  const base = `postgres://luoshi@127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const probe = await openPostgres(`${base}/postgres`, 1);
      await probe.query('CREATE DATABASE luoshi');
      await probe.close();
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url: `${base}/luoshi`,
    async stop() {
      // runuser does not pass signals on to postgres: ask pg_ctl for a fast shutdown instead.
      const exited = new Promise((r) => proc.once('exit', r));
      execFileSync(...pgArgs('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']), { stdio: 'ignore' });
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

/** A migrated, empty database of the given kind. */
export async function testDb(kind: 'pglite' | 'postgres'): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const external = process.env.LUOSHI_TEST_DATABASE_URL;
  const pg = external ? null : await startTempPostgres();
  const db = await openPostgres(external ?? pg!.url);
  if (external) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      await pg?.stop();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  json: <T = Record<string, unknown>>() => T;
  bytes: Uint8Array;
  text: string;
}

/** A signed-in (or not) user of a running server over real HTTP: keeps the cookie and the CSRF token. */
export class ApiClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const r = await fetch(`${this.base}${url}`, { method, headers: h, body: payload });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const bytes = new Uint8Array(await r.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    return { status: r.status, headers: r.headers, bytes, text, json: <T>() => JSON.parse(text) as T };
  }

  async login(username: string, password: string): Promise<Answer> {
    const r = await this.request('POST', '/api/session', { username, password });
    if (r.status === 200) this.csrf = r.json<{ csrfToken: string }>().csrfToken;
    return r;
  }

  /** Sign in with a one-time password and replace it, as the pages make a new user do. */
  async firstLogin(username: string, password: string): Promise<void> {
    const r = await this.login(username, password);
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    const c = await this.request('POST', '/api/session/password', {
      oldPassword: password,
      newPassword: `${password}-新密码`,
    });
    if (c.status !== 200) throw new Error(`password ${username}: ${c.status} ${c.text}`);
    this.csrf = c.json<{ csrfToken: string }>().csrfToken;
  }

  upload(
    url: string,
    files: { field: string; name: string; bytes: Uint8Array }[],
    fields: Record<string, string> = {},
  ): Promise<Answer> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.bytes)]), f.name);
    return this.request('POST', url, form);
  }
}

/** A server on an in-memory PGlite at a free port, with a 管理员 signed in (one-time password replaced). */
export interface AdminServer {
  t: TestDb;
  app: FastifyInstance;
  base: string;
  admin: ApiClient;
}

export async function serverWithAdmin(): Promise<AdminServer> {
  const t = await testDb('pglite');
  const { password } = await createUser(t.db, {
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    office: null,
  });
  const app = await buildApp({ db: t.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = new ApiClient(base);
  await admin.firstLogin('admin', password);
  return { t, app, base, admin };
}

/** POST /api/catalogues with the five seed policy texts. */
export function uploadSeeds(client: ApiClient): Promise<Answer> {
  return client.upload(
    '/api/catalogues',
    seedSources().map((s) => ({ field: 'files', name: s.name, bytes: s.bytes })),
  );
}

/** Issues the round's office accounts and signs `office` in with its one-time password (then replaced). */
export async function signInOffice(admin: ApiClient, roundId: number, office: string): Promise<ApiClient> {
  const accounts = (await admin.request('POST', `/api/rounds/${roundId}/accounts`, {})).json<
    { office: string; username: string; password: string }[]
  >();
  const account = accounts.find((a) => a.office === office);
  if (!account) throw new Error(`no account issued for ${office}`);
  const client = new ApiClient(admin.base);
  await client.firstLogin(account.username, account.password);
  return client;
}
