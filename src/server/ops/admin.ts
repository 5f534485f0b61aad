/** `luoshi serve init`: the first 管理员 of a new installation. */
import { LuoshiError } from '../../core/errors.js';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrations.js';
import { createUser } from '../handlers/users.js';

export async function initAdmin(db: Db, username: string): Promise<{ password: string; created: number[] }> {
  if (!/^[A-Za-z0-9_.-]{2,40}$/.test(username)) {
    throw new LuoshiError('bad-username', `用户名“${username}”不合适：只能用 2–40 个字母、数字、_ . -`);
  }
  const created = await migrate(db);
  const taken = await db.query('SELECT 1 FROM users WHERE username = $1', [username]);
  if (taken.length)
    throw new LuoshiError(
      'username-taken',
      `用户名 ${username} 已存在；如需重置密码，请由其他管理员在网页中操作`,
    );
  const { user, password } = await createUser(db, {
    username,
    displayName: username,
    role: 'admin',
    office: null,
  });
  await db.query('INSERT INTO audit_log (user_id, action, object) VALUES ($1, $2, $3)', [
    user.id,
    'admin-initialised',
    `user:${user.id}`,
  ]);
  return { password, created };
}
