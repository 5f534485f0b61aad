/**
 * Backup and restore as a portable .tar: luoshi-backup.json (what and when) plus one JSON-lines file per
 * table, read inside one transaction so the copy is consistent while the server runs. Bytes (bytea) are
 * base64, times ISO strings; the same file restores into PGlite or PostgreSQL. Table and column names in
 * the SQL below come from our own schema (TABLES, information_schema), never from the file or a user.
 */
import { Readable } from 'node:stream';
import { buffer as streamToBuffer } from 'node:stream/consumers';
import tar from 'tar-stream';
import { LuoshiError } from '../../core/errors.js';
import type { Db, Sql } from '../db/db.js';
import { MIGRATIONS, TABLES, migrate } from '../db/migrations.js';

export const BACKUP_FORMAT = 'luoshi-server-backup';
const MANIFEST = 'luoshi-backup.json';

interface Column {
  column_name: string;
  data_type: string;
}

async function columnsOf(db: Sql, table: string): Promise<Column[]> {
  return db.query<Column>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
}

function encodeValue(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'bytea') return Buffer.from(v as Uint8Array).toString('base64');
  if (v instanceof Date) return v.toISOString();
  return v;
}

function decodeValue(v: unknown, type: string): unknown {
  if (v === null) return null;
  if (type === 'bytea') return Buffer.from(v as string, 'base64');
  if (type === 'jsonb' || type === 'json') return JSON.stringify(v);
  return v;
}

/** The whole database as .tar bytes. */
export async function backupDatabase(db: Db): Promise<Uint8Array> {
  const pack = tar.pack();
  const done = streamToBuffer(pack);
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of TABLES) {
      const cols = await columnsOf(tx, table);
      const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1`);
      const lines = rows.map((r) =>
        JSON.stringify(
          Object.fromEntries(cols.map((c) => [c.column_name, encodeValue(r[c.column_name], c.data_type)])),
        ),
      );
      counts[table] = rows.length;
      pack.entry({ name: `tables/${table}.jsonl` }, lines.length ? `${lines.join('\n')}\n` : '');
    }
  });
  const manifest = {
    format: BACKUP_FORMAT,
    schemaVersion: MIGRATIONS.at(-1)!.version,
    createdAt: new Date().toISOString(),
    database: db.kind,
    tables: counts,
  };
  pack.entry({ name: MANIFEST }, `${JSON.stringify(manifest, null, 2)}\n`);
  pack.finalize();
  return new Uint8Array(await done);
}

async function readTar(bytes: Uint8Array, file: string): Promise<Map<string, string>> {
  const extract = tar.extract();
  const files = new Map<string, string>();
  const finished = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      streamToBuffer(stream)
        .then((b) => {
          files.set(header.name, b.toString('utf8'));
          next();
        })
        .catch(reject);
    });
    extract.on('finish', resolve);
    extract.on('error', () =>
      reject(
        new LuoshiError('bad-backup', `${file} 不是有效的 luoshi 备份文件（无法按 tar 读取）`, { file }),
      ),
    );
  });
  Readable.from([Buffer.from(bytes)]).pipe(extract);
  await finished;
  return files;
}

/** Restore a backup into an empty database (migrated here first); returns the row counts restored. */
export async function restoreDatabase(
  db: Db,
  bytes: Uint8Array,
  file: string,
): Promise<Record<string, number>> {
  const files = await readTar(bytes, file);
  const manifestText = files.get(MANIFEST);
  const manifest = manifestText
    ? (JSON.parse(manifestText) as { format?: string; schemaVersion?: number })
    : null;
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new LuoshiError('bad-backup', `${file} 不是 luoshi serve backup 生成的备份文件`, { file });
  }
  const latest = MIGRATIONS.at(-1)!.version;
  if ((manifest.schemaVersion ?? 0) > latest) {
    throw new LuoshiError(
      'backup-too-new',
      `${file} 来自更新版本的 luoshi（数据结构 ${manifest.schemaVersion}），请先升级 luoshi`,
      {
        file,
      },
    );
  }
  await migrate(db);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (n > 0) {
    throw new LuoshiError(
      'not-empty',
      '目标数据库已有数据；恢复只能恢复到新的空数据目录或空数据库，以免覆盖现有数据',
    );
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of TABLES) {
      const cols = await columnsOf(tx, table);
      const lines = (files.get(`tables/${table}.jsonl`) ?? '').split('\n').filter(Boolean);
      for (const line of lines) {
        const row = JSON.parse(line) as Record<string, unknown>;
        const present = cols.filter((c) => c.column_name in row);
        const names = present.map((c) => c.column_name).join(', ');
        const params = present.map((_, i) => `$${i + 1}`).join(', ');
        await tx.query(
          `INSERT INTO ${table} (${names}) VALUES (${params})`,
          present.map((c) => decodeValue(row[c.column_name], c.data_type)),
        );
      }
      counts[table] = lines.length;
      if (cols.some((c) => c.column_name === 'id')) {
        await tx.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`,
        );
      }
    }
  });
  return counts;
}
