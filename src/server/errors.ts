/**
 * HTTP errors with a Chinese message for the user and a stable code; the app's error handler turns
 * every failure into {error, code} with the right status and never a stack trace.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notSignedIn = () => new HttpError(401, 'not-signed-in', '未登录或登录已过期，请重新登录');
export const forbidden = (why = '当前账号无权进行此操作') => new HttpError(403, 'forbidden', why);
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what}不存在`);
export const badRequest = (why: string, code = 'bad-request') => new HttpError(400, code, why);
export const conflict = (why: string, code = 'conflict') => new HttpError(409, code, why);
