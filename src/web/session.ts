/** Who is signed in, shared by the router's guard and the pages. */
import { ref } from 'vue';
import { ApiError, currentUser, type User } from './api/index.js';

export const me = ref<User | null>(null);
let checked = false;

/** Ask the server once per page load whether the session cookie is still good. */
export async function loadSession(): Promise<User | null> {
  if (checked) return me.value;
  try {
    me.value = await currentUser();
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    me.value = null;
  }
  checked = true;
  return me.value;
}

export function setSession(user: User | null): void {
  me.value = user;
  checked = true;
}

export const isOffice = (user: User | null): boolean => user?.role === 'office';

/** Where a user lands after signing in. */
export const homeOf = (user: User): string =>
  user.mustChangePassword ? '/password' : isOffice(user) ? '/office' : '/rounds';
