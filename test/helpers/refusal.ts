import { isLuoshiError } from '../../src/core/errors.js';

/**
 * What a user is told when `run` refuses its input: the error's code and Chinese message, or
 * 'accepted' when it does not throw. Anything other than a LuoshiError is reported as such, since
 * a user would then see a stack trace instead of a message.
 */
export function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return isLuoshiError(e) ? `${e.code} ${e.message}` : `not a LuoshiError: ${String(e)}`;
  }
  return 'accepted';
}
