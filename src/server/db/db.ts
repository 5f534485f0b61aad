/**
 * The server's one database interface over two engines: PGlite (PostgreSQL compiled to WebAssembly,
 * kept in a folder; nothing to install, no native build, so it runs wherever Node runs, including
 * Windows, ARM and LoongArch) and a real PostgreSQL through `pg` for a province-wide deployment. Both
 * run the same SQL; every statement is parameterised ($1, $2 …), never built from user text.
 */
import { PGlite, parse as pgliteParse, protocol, type Transaction } from '@electric-sql/pglite';
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

/** Statements kept prepared at most (texts beyond it are parsed at each call, as by PGlite's query). */
const MAX_PREPARED = 500;

const utf8 = new TextEncoder();

/**
 * One run of a prepared statement as the wire protocol's Bind (unnamed portal, text results), Describe
 * (portal), Execute and Sync, written into one buffer of the exact size: PGlite's protocol writer grows
 * its buffer in steps and copies the message out of it, three copies of an upload's 150 KB and a tenth
 * of the main thread's time per upload. As PGlite's writer does, bytes are sent as binary parameters
 * and everything else as text. `parse` (an unnamed statement's Parse) goes first when given.
 */
function runMessage(
  statement: string,
  values: readonly (string | Uint8Array | null)[],
  parse?: Uint8Array,
): Uint8Array {
  const name = utf8.encode(statement);
  const encoded = values.map((v) => (typeof v === 'string' ? utf8.encode(v) : v));
  const valueBytes = encoded.reduce((n, v) => n + 4 + (v?.length ?? 0), 0);
  // Its length, portal '', the statement, parameter formats, parameters, result formats (one: text).
  const bindLength = 4 + 1 + (name.length + 1) + (2 + 2 * values.length) + (2 + valueBytes) + (2 + 2);
  // Describe portal '' (D, length 6, 'P', ''), Execute '' for all rows (E, length 9), Sync (S, length 4).
  const tail = [0x44, 0, 0, 0, 6, 0x50, 0, 0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4];
  const start = parse?.length ?? 0;
  const out = new Uint8Array(start + 1 + bindLength + tail.length);
  const view = new DataView(out.buffer);
  if (parse) out.set(parse);
  let at = start;
  out[at++] = 0x42;
  view.setInt32(at, bindLength);
  at += 4 + 1; // the portal's name: '' (its terminating zero is already there)
  out.set(name, at);
  at += name.length + 1;
  view.setInt16(at, values.length);
  at += 2;
  for (const v of values) {
    view.setInt16(at, v instanceof Uint8Array ? 1 : 0);
    at += 2;
  }
  view.setInt16(at, values.length);
  at += 2;
  for (const v of encoded) {
    view.setInt32(at, v ? v.length : -1);
    at += 4;
    if (v) out.set(v, at);
    at += v?.length ?? 0;
  }
  view.setInt16(at, 1); // one result format for all columns: text
  at += 4;
  out.set(tail, at);
  return out;
}

/**
 * Every statement as a named prepared statement of PGlite's one session, parsed, analysed and planned
 * once per text (PostgreSQL's own plan cache), then run with one Bind/Describe/Execute/Sync. PGlite's
 * query() parses and plans each call again in six calls into the WebAssembly (measured: a session
 * lookup ~0.7 → ~0.35 ms of CPU, an upload's insert ~0.5 ms less). Parameters are serialised by their
 * described types and rows parsed by PGlite's own code, so values come and go exactly as through query().
 */
class PreparedStatements {
  private readonly prepared = new Map<string, { name: string; paramTypes: number[] }>();
  private count = 0;

  constructor(private readonly lite: PGlite) {}

  /** Run `text`; the caller holds PGlite's query lock (and its transaction lock, outside a transaction). */
  async run<T>(text: string, params: readonly unknown[], inTransaction: boolean): Promise<T[]> {
    const statement = await this.statement(text);
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = this.lite.serializers[statement.paramTypes[i]];
      // As PGlite's query(): a type without a serializer (text, numbers) is sent as the value's text.
      return serializer ? serializer(v) : (v as { toString(): string }).toString();
    });
    const parse = statement.name ? undefined : protocol.serialize.parse({ text });
    const { messages } = await this.lite.execProtocol(runMessage(statement.name, values, parse), {
      syncToFs: !inTransaction,
    });
    return (pgliteParse.parseResults(messages, this.lite.parsers)[0]?.rows ?? []) as T[];
  }

  /**
   * The text's prepared statement, preparing it on first use (in a Parse/Describe/Sync of its own, so a
   * statement that fails to prepare is never recorded). Once MAX_PREPARED are kept, a new text is
   * described as the unnamed statement, and parsed again with its Bind (`name` is then '').
   */
  private async statement(text: string): Promise<{ name: string; paramTypes: number[] }> {
    const known = this.prepared.get(text);
    if (known) return known;
    const keep = this.prepared.size < MAX_PREPARED;
    const name = keep ? `luoshi_${++this.count}` : '';
    const { serialize } = protocol;
    const { messages } = await this.lite.execProtocol(
      Buffer.concat([
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: pgliteParse.parseDescribeStatementResults(messages) };
    if (keep) this.prepared.set(text, statement);
    return statement;
  }
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  const lite = dataDir ? await PGlite.create(dataDir, PGLITE_TYPES) : await PGlite.create(PGLITE_TYPES);
  // A new WAL segment is created by writing one byte at its end rather than 16 MB of zeros (the file
  // system reads the gap back as zeros all the same): the zero-filling wrote about as many bytes per
  // upload as the upload's WAL itself. A commit still returns only once its WAL is written; what the
  // zeros bought is space reserved on disk ahead, which PGlite (run with fsync off) never relied on.
  await lite.exec('SET wal_init_zero = off');
  const statements = new PreparedStatements(lite);
  const query = <T>(text: string, params?: readonly unknown[]) =>
    lite._runExclusiveTransaction(() =>
      lite._runExclusiveQuery(() => statements.run<T>(text, params ?? [], false)),
    );
  const inTransaction = (tx: Transaction): Sql => ({
    query: async <T>(text: string, params?: readonly unknown[]) => {
      if (tx.closed) throw new Error('Transaction is closed');
      return lite._runExclusiveQuery(() => statements.run<T>(text, params ?? [], true));
    },
    exec: async (text) => void (await tx.exec(text)),
  });
  return {
    kind: 'pglite',
    query: async (text, params) => {
      if (lite.closed) throw new Error('PGlite is closed');
      return query(text, params);
    },
    exec: async (text) => void (await lite.exec(text)),
    transaction: (fn) => lite.transaction((tx) => fn(inTransaction(tx))),
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
