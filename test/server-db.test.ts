/**
 * The database interface's statements on both engines. On PGlite every text is kept as a named prepared
 * statement (db.ts: PreparedStatements), so these cases are the ones where keeping a statement could go
 * wrong: a text that fails to prepare, a statement whose run fails, one first prepared inside a
 * transaction that rolls back, a table altered after its statements were prepared, more texts than are
 * kept, and queries arriving while a transaction is open. PostgreSQL (through `pg`) must answer the same.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesOf } from '../src/server/db/db.js';
import { postgresAvailable, testDb, type TestDb } from './helpers/server.js';

const TABLE = `CREATE TABLE db_case (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  data bytea,
  doc json,
  at timestamptz NOT NULL DEFAULT now()
)`;

const INSERT = 'INSERT INTO db_case (name, data, doc) VALUES ($1, $2, $3) RETURNING id';
const BY_NAME = 'SELECT name, data, doc, at FROM db_case WHERE name = $1';
const COUNT = 'SELECT count(*)::int AS n FROM db_case';

interface CaseRow {
  name: string;
  data: unknown;
  doc: unknown;
  at: Date;
}

function statementCases(kind: 'pglite' | 'postgres') {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb(kind);
    await t.db.exec(TABLE);
  }, 120_000);
  afterAll(() => t?.close());

  const count = async () => (await t.db.query<{ n: number }>(COUNT))[0].n;

  it('gives each run of the same text its own values back, bytes and json included', async () => {
    const files = [randomBytes(150_000), Buffer.from([0, 1, 0xff, 0]), randomBytes(3)].map(
      (b) => new Uint8Array(b),
    );
    const names = ["O'Brien; DROP TABLE db_case; --", '通化市\\x', '$1 || $2'];
    for (let i = 0; i < names.length; i++) {
      await t.db.query(INSERT, [names[i], files[i], { i, text: names[i], list: [1, '二'] }]);
    }
    for (let i = 0; i < names.length; i++) {
      const [row] = await t.db.query<CaseRow>(BY_NAME, [names[i]]);
      expect(row.name).toBe(names[i]);
      expect(Buffer.from(bytesOf(row.data)).equals(Buffer.from(files[i]))).toBe(true);
      expect(row.doc).toEqual({ i, text: names[i], list: [1, '二'] });
      expect(row.at).toBeInstanceOf(Date);
    }
    const [nulls] = await t.db.query<{ id: number }>(INSERT, ['空值', null, null]);
    const [back] = await t.db.query<CaseRow>(BY_NAME, ['空值']);
    expect(nulls.id).toBeGreaterThan(0);
    expect([back.data, back.doc]).toEqual([null, null]);
    expect(await t.db.query(BY_NAME, ['nobody'])).toEqual([]);
  });

  it('keeps no statement that failed to prepare: the same text runs once its table exists', async () => {
    const text = 'SELECT label FROM db_later WHERE label = $1';
    await expect(t.db.query(text, ['a'])).rejects.toThrow(/db_later/);
    await t.db.exec("CREATE TABLE db_later (label text); INSERT INTO db_later VALUES ('a')");
    expect(await t.db.query(text, ['a'])).toEqual([{ label: 'a' }]);
  });

  it('runs a statement again after one of its runs failed', async () => {
    await t.db.query(INSERT, ['唯一', null, null]);
    await expect(t.db.query(INSERT, ['唯一', null, null])).rejects.toThrow(/unique|duplicate|重复/i);
    await expect(t.db.query('SELECT $1::int AS n', ['not a number'])).rejects.toThrow();
    expect(await t.db.query<{ n: number }>('SELECT $1::int AS n', ['7'])).toEqual([{ n: 7 }]);
    const [row] = await t.db.query<{ id: number }>(INSERT, ['唯一之后', null, null]);
    expect(row.id).toBeGreaterThan(0);
  });

  it('keeps a statement first prepared in a transaction that rolled back, and stores nothing of it', async () => {
    const before = await count();
    const text = 'INSERT INTO db_case (name) VALUES ($1) RETURNING name';
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(text, ['回滚']);
        throw new Error('crash mid-upload');
      }),
    ).rejects.toThrow('crash mid-upload');
    expect(await count()).toBe(before);
    expect(await t.db.query(text, ['回滚之后'])).toEqual([{ name: '回滚之后' }]);
    const committed = await t.db.transaction((tx) => tx.query<{ name: string }>(text, ['提交']));
    expect(committed).toEqual([{ name: '提交' }]);
    expect(await count()).toBe(before + 2);
  });

  it('runs statements prepared before the table was altered', async () => {
    const text = 'SELECT name FROM db_case WHERE name = $1';
    expect(await t.db.query(text, ['提交'])).toEqual([{ name: '提交' }]);
    await t.db.exec("ALTER TABLE db_case ADD COLUMN note text NOT NULL DEFAULT '无'");
    expect(await t.db.query(text, ['提交'])).toEqual([{ name: '提交' }]);
    expect(await t.db.query(BY_NAME, ['提交'])).toHaveLength(1);
  });

  it('runs more distinct texts than are kept prepared', async () => {
    for (let i = 0; i < 520; i++) {
      const [row] = await t.db.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [i]);
      expect(row.n).toBe(2 * i);
    }
    // Kept ones still answer after the others.
    expect(await t.db.query<{ n: number }>('SELECT $1::int AS n', ['8'])).toEqual([{ n: 8 }]);
  }, 60_000);

  it('runs a query that arrives while a transaction is open after it, not inside it', async () => {
    const before = await count();
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const tx = t.db.transaction(async (q) => {
      await q.query(INSERT, ['事务中', null, null]);
      inside();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('rolled back');
    });
    await started;
    const seen = count();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await seen).toBe(before);
  });
}

describe('statements on the embedded database (PGlite)', () => statementCases('pglite'));
describe.runIf(postgresAvailable())('statements on PostgreSQL', () => statementCases('postgres'));
