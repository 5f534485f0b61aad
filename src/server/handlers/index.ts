/** operationId → handler. A route of the table without an entry here answers 501. */
import type { LoginThrottle } from '../auth.js';
import type { Handler } from '../context.js';
import { changePassword, currentSession, health, login, logout } from './session.js';
import { createStaff, listUsers, resetPassword } from './users.js';

export function handlers(throttle: LoginThrottle): Record<string, Handler> {
  return {
    health,
    login: login(throttle),
    currentSession,
    logout,
    changePassword,
    listUsers,
    createStaff,
    resetPassword,
  };
}
