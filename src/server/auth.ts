/**
 * Sessions and CSRF. The cookie holds a random token; the database keeps only its SHA-256, so a leaked
 * backup or log cannot be replayed as a session. Each session has its own CSRF token, which the client
 * gets from POST/GET /api/session and sends back in X-CSRF-Token on every state-changing request; a
 * forged cross-site request cannot read it (and SameSite=Strict keeps the cookie off such requests).
 *
 * The Excel add-in runs in an iframe inside Excel on the web, where a SameSite=Strict cookie of this
 * server is never sent; it signs in with "client": "addin", gets the session token in the answer and
 * sends it as `Authorization: Bearer <token>`. A browser never attaches that header on its own, so such
 * requests need no CSRF token; the token is the same session (same expiry, ended by signing out).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Role } from './api/schemas.js';
import { SESSION_COOKIE } from './api/openapi.js';
import type { AppContext, Session, SessionUser } from './context.js';

/** Sessions end 12 hours after sign-in (a working day), whatever the activity. */
const SESSION_HOURS = 12;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  office: string | null;
  must_change_password: boolean;
}

export function sessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    office: r.office,
    mustChangePassword: r.must_change_password,
  };
}

export async function startSession(
  ctx: AppContext,
  reply: FastifyReply,
  user: SessionUser,
  remoteAddr: string,
): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const tokenHash = sha256Hex(token);
  await ctx.db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, remote_addr)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5)`,
    [tokenHash, user.id, csrfToken, SESSION_HOURS, remoteAddr],
  );
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.options.secureCookies === true,
    maxAge: SESSION_HOURS * 3600,
  });
  return { tokenHash, csrfToken, user, via: 'cookie', token };
}

/** The token of `Authorization: Bearer <token>`, or undefined without such a header. */
function bearerToken(req: FastifyRequest): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/**
 * The session the request presents: a bearer header when there is one (then the cookie is not looked
 * at, so a request cannot borrow the cookie's session while skipping CSRF), else the cookie.
 */
export async function findSession(ctx: AppContext, req: FastifyRequest): Promise<Session | null> {
  const bearer = bearerToken(req);
  const via = req.headers.authorization !== undefined ? 'bearer' : 'cookie';
  const token = via === 'bearer' ? bearer : req.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  const tokenHash = sha256Hex(token);
  const rows = await ctx.db.query<UserRow & { csrf_token: string }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.office, u.must_change_password, s.csrf_token
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { tokenHash, csrfToken: r.csrf_token, user: sessionUser(r), via } : null;
}

export async function endSession(ctx: AppContext, reply: FastifyReply, session: Session): Promise<void> {
  await ctx.db.query('DELETE FROM sessions WHERE token_hash = $1', [session.tokenHash]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Sign out everywhere (after a password change or reset). */
export async function endAllSessions(ctx: AppContext, userId: number): Promise<void> {
  await ctx.db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export function csrfMatches(session: Session, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Failed sign-ins per username, in memory: after `allowed` failures within 15 minutes the username is
 * paused until the window passes (per-address limits are the rate-limit plugin's job).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly allowed: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(username: string, now: number): number[] {
    const list = (this.failures.get(username) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(username, list);
    else this.failures.delete(username);
    return list;
  }

  /** Minutes to wait, or 0 when the username may try. */
  waitMinutes(username: string, now = Date.now()): number {
    const list = this.recent(username, now);
    if (list.length < this.allowed) return 0;
    return Math.max(1, Math.ceil((list[0] + this.windowMs - now) / 60_000));
  }

  fail(username: string, now = Date.now()): void {
    this.failures.set(username, [...this.recent(username, now), now]);
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }
}
