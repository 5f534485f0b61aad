/** 管理员 and 审核员 accounts, and office accounts issued from a round's roster. */
import type { z } from 'zod';
import type * as S from '../api/schemas.js';
import { endAllSessions, sessionUser } from '../auth.js';
import { userOf, type AppContext, type Handler, type SessionUser } from '../context.js';
import type { Sql } from '../db/db.js';
import { conflict, notFound } from '../errors.js';
import { hashPassword, oneTimePassword } from '../passwords.js';

const USER_COLUMNS = 'id, username, display_name, role, office, must_change_password';

type UserRow = Parameters<typeof sessionUser>[0];

export async function listAllUsers(db: Sql): Promise<SessionUser[]> {
  const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`);
  return rows.map(sessionUser);
}

/** Create an account with a fresh one-time password; throws 409 when the username is taken. */
export async function createUser(
  db: Sql,
  u: { username: string; displayName: string; role: SessionUser['role']; office: string | null },
): Promise<{ user: SessionUser; password: string }> {
  const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [u.username]);
  if (taken.length) throw conflict(`用户名 ${u.username} 已被使用`, 'username-taken');
  const password = oneTimePassword();
  const rows = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, office, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, true) RETURNING ${USER_COLUMNS}`,
    [u.username, u.displayName, u.role, u.office, await hashPassword(password)],
  );
  return { user: sessionUser(rows[0]), password };
}

export async function resetUserPassword(
  ctx: AppContext,
  userId: number,
): Promise<{ user: SessionUser; password: string }> {
  const password = oneTimePassword();
  const rows = await ctx.db.query<UserRow>(
    `UPDATE users SET password_hash = $1, must_change_password = true WHERE id = $2 RETURNING ${USER_COLUMNS}`,
    [await hashPassword(password), userId],
  );
  if (!rows[0]) throw notFound('账号');
  await endAllSessions(ctx, userId);
  return { user: sessionUser(rows[0]), password };
}

export const listUsers: Handler = async ({ ctx }) => listAllUsers(ctx.db);

export const createStaff: Handler = async (call) => {
  const { ctx, req, body } = call;
  const b = body as z.infer<typeof S.NewStaffBody>;
  const created = await ctx.db.transaction(async (tx) => {
    const out = await createUser(tx, { ...b, office: null });
    await ctx.audit(
      {
        userId: userOf(call).id,
        action: 'user-created',
        object: `user:${out.user.id}`,
        detail: { username: b.username, role: b.role },
        remoteAddr: req.ip,
      },
      tx,
    );
    return out;
  });
  return created;
};

export const resetPassword: Handler = async (call) => {
  const { ctx, req, ids } = call;
  const out = await resetUserPassword(ctx, ids.userId);
  await ctx.audit({
    userId: userOf(call).id,
    action: 'password-reset',
    object: `user:${ids.userId}`,
    remoteAddr: req.ip,
  });
  return out;
};
