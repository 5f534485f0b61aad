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
      proc.kill('SIGINT');
      await new Promise((r) => proc.once('exit', r));
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
