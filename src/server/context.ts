/**
 * What every handler gets: the database, the server's options, the signed-in user, the validated body
 * and the request's ids. Handlers return JSON (or a FileBody) and throw HttpError for refusals.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from '../core/model/catalogue.js';
import type { Role } from './api/schemas.js';
import type { Db, Sql } from './db/db.js';
import type { IntakeChecker } from './intake-pool.js';
import type { StoredRosterOffice } from './store.js';

export interface ServerOptions {
  db: Db;
  /** Base URL offices reach the server at (manifest URLs); default http://localhost:PORT. */
  publicUrl?: string;
  /** Session cookies marked Secure (serving HTTPS). */
  secureCookies?: boolean;
  /** Built web pages (dist-web/) and add-in (dist/); absent folders are simply not served. */
  webDir?: string | null;
  addinDir?: string | null;
  /** Largest upload in bytes (default 20 MB) and largest total unzipped size of a workbook (default 200 MB). */
  maxUploadBytes?: number;
  maxUnzippedBytes?: number;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Shared secret a local `luoshi serve backup` presents to the running server (see ops/backup.ts). */
  backupToken?: string | null;
  /** PEM certificate and key: serve HTTPS. */
  https?: { cert: Buffer; key: Buffer } | null;
  /** Sign-in attempts per minute from one address (default 100: offices may share one NAT gateway). */
  loginsPerMinute?: number;
  /** Login attempts per username before a pause (default 5 in 15 minutes). */
  loginFailuresAllowed?: number;
  /** Worker threads that check uploads (default 0: on the main thread; `luoshi serve` sets it by cores). */
  intakeThreads?: number;
  /**
   * Have the checking threads check a made-up workbook a few times at start (intake-warm-up.ts), so the
   * first uploads do not pay for V8's compiling; `luoshi serve` does, tests building the app do not.
   */
  warmUpIntake?: boolean;
  /**
   * Addresses (IPs or CIDR ranges) of reverse proxies in front of the server: a request from one of them
   * is taken to come from the client its X-Forwarded-For names (audit log, stored uploads, sign-in limits).
   * Without it the header is ignored, so no client can put another address into the audit log.
   */
  trustProxy?: string[];
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  office: string | null;
  mustChangePassword: boolean;
}

export interface Session {
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
  /**
   * How the request presented it: the cookie (browsers; CSRF header required) or an
   * `Authorization: Bearer` header (the add-in; never sent ambiently, so no CSRF header).
   */
  via: 'cookie' | 'bearer';
  /** The token itself, only right after sign-in or a password change (to hand to a bearer client). */
  token?: string;
}

export interface AppContext {
  db: Db;
  options: ServerOptions;
  version: string;
  /** Catalogues never change once stored, so each is parsed once. */
  catalogue(id: number): Promise<Catalogue>;
  /** The same catalogue as UTF-8 JSON in shared memory (what the intake workers are handed, uncopied). */
  catalogueUtf8(id: number): Promise<SharedArrayBuffer>;
  /**
   * A round's roster (the offices it names). Cached: a roster is written once, with its round, and no
   * request changes it (a new roster is a new round).
   */
  roster(roundId: number): Promise<StoredRosterOffice[]>;
  /** Checks uploads, on worker threads or inline. */
  intake: IntakeChecker;
  /** Append to the audit log (inside the caller's transaction when given). */
  audit(entry: AuditInput, tx?: Sql): Promise<void>;
}

export interface AuditInput {
  userId: number | null;
  action: string;
  object: string;
  detail?: Record<string, unknown>;
  remoteAddr?: string | null;
}

export interface Call {
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
  /** null only on public routes. */
  session: Session | null;
  body: unknown;
  /** Numeric path ids (:roundId …), already checked to be positive integers. */
  ids: Record<string, number>;
  query: Record<string, string | undefined>;
}

/** The signed-in user of a non-public route. */
export function userOf(call: Call): SessionUser {
  if (!call.session) throw new Error('route without a session');
  return call.session.user;
}

export type Handler = (call: Call) => Promise<unknown>;

/** A file answer: bytes with their type and the name the browser saves them under. */
export class FileBody {
  constructor(
    readonly bytes: Uint8Array,
    readonly fileName: string,
    readonly contentType: string,
  ) {}
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
