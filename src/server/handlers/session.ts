/** Health, sign in, sign out and password change. */
import type { z } from 'zod';
import type * as S from '../api/schemas.js';
import { endAllSessions, endSession, type LoginThrottle, sessionUser, startSession } from '../auth.js';
import { userOf, type Handler, type Session } from '../context.js';
import { HttpError, badRequest } from '../errors.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../passwords.js';

export const health: Handler = async ({ ctx }) => {
  await ctx.db.query('SELECT 1');
  return { ok: true, database: ctx.db.kind, version: ctx.version };
};

interface LoginRow {
  id: number;
  username: string;
  display_name: string;
  role: 'admin' | 'reviewer' | 'office';
  office: string | null;
  must_change_password: boolean;
  password_hash: string;
}

export function login(throttle: LoginThrottle): Handler {
  return async ({ ctx, req, reply, body }) => {
    const { username, password, client } = body as z.infer<typeof S.LoginBody>;
    const wait = throttle.waitMinutes(username);
    if (wait > 0) throw new HttpError(429, 'login-paused', `登录失败次数过多，请 ${wait} 分钟后再试`);
    const rows = await ctx.db.query<LoginRow>(
      'SELECT id, username, display_name, role, office, must_change_password, password_hash FROM users WHERE username = $1',
      [username],
    );
    const row = rows[0];
    // Verify against a dummy hash for unknown names so timing does not tell which usernames exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) {
      throttle.fail(username);
      await ctx.audit({
        userId: row?.id ?? null,
        action: 'login-failed',
        object: `user:${username}`,
        remoteAddr: req.ip,
      });
      throw new HttpError(401, 'bad-credentials', '用户名或密码不正确');
    }
    throttle.succeed(username);
    const session = await startSession(ctx, reply, sessionUser(row), req.ip);
    await ctx.audit({
      userId: row.id,
      action: 'login',
      object: `user:${row.id}`,
      detail: { client: client ?? 'web' },
      remoteAddr: req.ip,
    });
    return sessionInfo(session, client === 'addin');
  };
}

/** The answer of sign-in and password change; the token only to a client that authenticates with it. */
function sessionInfo(session: Session, withToken: boolean) {
  return {
    user: session.user,
    csrfToken: session.csrfToken,
    ...(withToken && session.token ? { token: session.token } : {}),
  };
}

export const currentSession: Handler = ({ session }) => Promise.resolve(sessionInfo(session!, false));

export const logout: Handler = async ({ ctx, req, reply, session }) => {
  await endSession(ctx, reply, session!);
  await ctx.audit({
    userId: session!.user.id,
    action: 'logout',
    object: `user:${session!.user.id}`,
    remoteAddr: req.ip,
  });
  return null;
};

export const changePassword: Handler = async (call) => {
  const { ctx, req, reply, body } = call;
  const user = userOf(call);
  const { oldPassword, newPassword } = body as z.infer<typeof S.PasswordBody>;
  if (oldPassword === newPassword) throw badRequest('新密码不能与原密码相同', 'same-password');
  const rows = await ctx.db.query<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE id = $1',
    [user.id],
  );
  if (!rows[0] || !(await verifyPassword(oldPassword, rows[0].password_hash))) {
    throw new HttpError(403, 'bad-credentials', '原密码不正确');
  }
  await ctx.db.query('UPDATE users SET password_hash = $1, must_change_password = false WHERE id = $2', [
    await hashPassword(newPassword),
    user.id,
  ]);
  await endAllSessions(ctx, user.id);
  const session = await startSession(ctx, reply, { ...user, mustChangePassword: false }, req.ip);
  await ctx.audit({
    userId: user.id,
    action: 'password-changed',
    object: `user:${user.id}`,
    remoteAddr: req.ip,
  });
  // The old token ended with the other sessions; a bearer client (the add-in) needs the new one.
  return sessionInfo(session, call.session?.via === 'bearer');
};
