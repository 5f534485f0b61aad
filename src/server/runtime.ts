/**
 * Running the server as a process: open the database (PGlite in DIR/db, or PostgreSQL), migrate, listen
 * on HTTPS with --cert/--key (plain HTTP only on a loopback address), write DIR/serve.json so a local
 * `luoshi serve backup` can reach the running server, and shut down gracefully on SIGINT/SIGTERM.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { LuoshiError } from '../core/errors.js';
import { buildApp } from './app.js';
import { openPglite, openPostgres, type Db } from './db/db.js';
import { allocateThroughQuietSpells, growHeapsAhead } from './gc-tuning.js';
import { migrate } from './db/migrations.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DatabaseChoice {
  /** Data folder: PGlite lives in DIR/db; serve.json is written here. */
  data?: string;
  /** postgres://… (or DATABASE_URL). */
  database?: string;
}

export function databaseUrl(choice: DatabaseChoice): string | undefined {
  return choice.database ?? process.env.DATABASE_URL ?? undefined;
}

export async function openDatabase(choice: DatabaseChoice): Promise<Db> {
  const url = databaseUrl(choice);
  if (url) {
    try {
      return await openPostgres(url);
    } catch (e) {
      throw new LuoshiError('database-unreachable', `无法连接 PostgreSQL 数据库：${(e as Error).message}`);
    }
  }
  if (!choice.data)
    throw new LuoshiError('no-data-dir', '请用 --data 指定数据目录（或用 --database 指定 PostgreSQL）');
  await fs.mkdir(choice.data, { recursive: true });
  const dir = path.join(choice.data, 'db');
  if (existsSync(path.join(choice.data, 'serve.json')) && runningServer(choice.data)) {
    throw new LuoshiError(
      'server-running',
      `数据目录 ${choice.data} 正被运行中的 luoshi serve 使用（进程 ${runningServer(choice.data)?.pid}）`,
    );
  }
  return openPglite(dir);
}

export interface RunningInfo {
  pid: number;
  url: string;
  backupToken: string;
}

/** The server running on this data folder, if any (its serve.json names a live process). */
export function runningServer(data: string): RunningInfo | null {
  const file = path.join(data, 'serve.json');
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunningInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

export interface StartOptions extends DatabaseChoice {
  port: number;
  host?: string;
  cert?: string;
  key?: string;
  publicUrl?: string;
  webDir?: string;
  addinDir?: string;
  logLevel?: string;
  loginsPerMinute?: number;
  /** Worker threads checking uploads; default: one per core (see defaultIntakeThreads). */
  intakeThreads?: number;
  /** Reverse proxies whose X-Forwarded-For is believed (ServerOptions.trustProxy). */
  trustProxy?: string[];
}

/**
 * Checking threads for this machine: one per core, at most 4. Checking costs about three times what the main
 * thread spends per upload (HTTP, sessions, database), so on 2 cores a second checking thread shares the core
 * the main thread leaves idle: 200 concurrent uploads, p95 6.6 s with one, 4.8 s with two (bench/server.ts).
 */
export function defaultIntakeThreads(cores = cpus().length): number {
  return Math.max(1, Math.min(4, cores));
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function readPem(file: string, what: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new LuoshiError('pem-unreadable', `无法读取${what}文件 ${file}`, { file });
  }
}

export interface Started {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(o: StartOptions): Promise<Started> {
  const https = !!(o.cert || o.key);
  if (https && !(o.cert && o.key))
    throw new LuoshiError('pem-missing', '--cert 和 --key 须同时给出（PEM 格式的证书和私钥）');
  const host = o.host ?? (https ? '0.0.0.0' : '127.0.0.1');
  if (!https && !LOOPBACK.has(host)) {
    throw new LuoshiError(
      'http-not-local',
      `不用 HTTPS 时只能在本机（127.0.0.1）提供服务；要让其他电脑访问，请用 --cert 和 --key 提供证书（见 README“服务器”一节）`,
    );
  }
  const tls = https ? { cert: await readPem(o.cert!, '证书'), key: await readPem(o.key!, '私钥') } : null;
  growHeapsAhead();
  const db = await openDatabase(o);
  await migrate(db);
  const backupToken = randomBytes(24).toString('base64url');
  const app = await buildApp({
    db,
    publicUrl: o.publicUrl,
    secureCookies: https,
    webDir: o.webDir ?? path.join(ROOT, 'dist-web'),
    addinDir: o.addinDir ?? path.join(ROOT, 'dist'),
    backupToken,
    loginsPerMinute: o.loginsPerMinute,
    intakeThreads: o.intakeThreads ?? defaultIntakeThreads(),
    warmUpIntake: true,
    trustProxy: o.trustProxy,
    logger: {
      level: o.logLevel ?? 'info',
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers["x-luoshi-backup-token"]',
      ],
    },
    https: tls,
  });
  await app.listen({ port: o.port, host });
  const stopTrickle = allocateThroughQuietSpells();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `${https ? 'https' : 'http'}://${shownHost}:${port}`;
  const infoFile = o.data && !databaseUrl(o) ? path.join(o.data, 'serve.json') : null;
  if (infoFile) {
    const info: RunningInfo = { pid: process.pid, url, backupToken };
    await fs.writeFile(infoFile, JSON.stringify(info), { mode: 0o600 });
  }
  let stopping: Promise<void> | null = null;
  return {
    app,
    db,
    url,
    stop() {
      stopping ??= (async () => {
        await app.close(); // waits for requests in flight (uploads finish and commit)
        await db.close();
        stopTrickle();
        if (infoFile) await fs.rm(infoFile, { force: true });
      })();
      return stopping;
    },
  };
}
