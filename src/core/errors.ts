/**
 * An error whose message is meant for the user (in Chinese) and needs no stack trace.
 * Core modules throw it for bad input; hosts print `message` and exit non-zero.
 */
export class LuoshiError extends Error {
  readonly code: string;
  /** File, sheet and cell the problem is in, when known (already part of `message`). */
  readonly where: { file?: string; sheet?: string; cell?: string };

  constructor(code: string, message: string, where: { file?: string; sheet?: string; cell?: string } = {}) {
    super(message);
    this.name = 'LuoshiError';
    this.code = code;
    this.where = where;
  }
}

export function isLuoshiError(e: unknown): e is LuoshiError {
  return e instanceof LuoshiError;
}
