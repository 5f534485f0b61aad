/**
 * The server's one database interface over two engines: PGlite (PostgreSQL compiled to WebAssembly,
 * kept in a folder; nothing to install, no native build, so it runs wherever Node runs, including
 * Windows, ARM and LoongArch) and a real PostgreSQL through `pg` for a province-wide deployment. Both
 * run the same SQL; every statement is parameterised ($1, $2 …), never built from user text.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations only). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** bytea comes back as a Buffer from pg and a Uint8Array from PGlite; hosts want plain bytes. */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  throw new Error('expected bytea');
}

const BYTEA = 17;
const JSON_TYPE = 114;

/** As PGlite's own json serializer: a bigint inside a value becomes its decimal text. */
const bigintAsText = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/**
 * PGlite's own bytea handling spells every byte as two hex digits through per-byte string calls both
 * ways (measured: ~37 ms CPU per 150 KB workbook stored). Parameters that are already bytes are
 * passed as they are instead, which the wire protocol sends as a binary parameter; results are
 * decoded by Buffer's native hex decoder. `pg` sends bytes as binary parameters by itself.
 */
const PGLITE_TYPES = {
  // PGlite types serializers as returning text, but its protocol writer sends any ArrayBufferView as a
  // binary parameter; the cast states that.
  serializers: {
    [BYTEA]: ((x: unknown) => (x instanceof Uint8Array ? x : String(x))) as unknown as (x: unknown) => string,
    [JSON_TYPE]: (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x, bigintAsText)),
  },
  parsers: {
    [BYTEA]: (x: string) => new Uint8Array(Buffer.from(x.slice(2), 'hex')),
  },
};

export async function openPglite(dataDir: string | null): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir, PGLITE_TYPES) : await PGlite.create(PGLITE_TYPES);
  const run = async <T>(q: Pick<PGlite, 'query'>, text: string, params?: readonly unknown[]) =>
    (await q.query<T>(text, params ? [...params] : undefined)).rows;
  return {
    kind: 'pglite',
    query: (text, params) => run(lite, text, params),
    exec: async (text) => void (await lite.exec(text)),
    transaction: (fn) =>
      lite.transaction((tx) =>
        fn({
          query: (text, params) => run(tx, text, params),
          exec: async (text) => void (await tx.exec(text)),
        }),
      ),
    close: () => lite.close(),
  };
}

/** int8 (count(*), bigserial) as a JS number: our counts and ids stay far below 2^53. */
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openPostgres(url: string, maxConnections = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const run = async <T>(q: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) =>
    (await q.query(text, params ? [...params] : undefined)).rows as T[];
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    exec: async (text) => void (await pool.query(text)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (text) => void (await client.query(text)),
        });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
