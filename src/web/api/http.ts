/**
 * The one place the pages talk to the server: JSON over fetch with the session cookie, the CSRF token
 * (X-CSRF-Token) on every state-changing request, and the server's Chinese error message surfaced as is.
 */

/** An error the user can read: the server's own message, or a Chinese description of what failed. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The parsed JSON error body, when there was one (e.g. an upload's problems). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Remember the token the server handed out with the session (sign-in or GET /api/session). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求内容有误',
  401: '尚未登录或登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  409: '与当前状态冲突，请刷新后再试',
  413: '上传的文件太大',
  422: '内容未通过检查',
  429: '操作过于频繁，请稍后再试',
};

/** Listeners told when the server says the session is gone, so the app can go back to sign-in. */
const unauthorisedListeners = new Set<() => void>();
export function onUnauthorised(listener: () => void): void {
  unauthorisedListeners.add(listener);
}

function headersFor(method: string, body: BodyInit | undefined): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (typeof body === 'string') headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = STATUS_MESSAGES[response.status] ?? `服务器出错（${response.status}）`;
  let body: unknown = null;
  try {
    body = await response.json();
    const text = (body as { error?: unknown }).error;
    if (typeof text === 'string' && text.trim() !== '') message = text;
  } catch {
    // Not JSON: keep the status text in Chinese.
  }
  return new ApiError(message, response.status, body);
}

async function send(method: string, url: string, body?: BodyInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      body,
      credentials: 'same-origin',
      headers: headersFor(method, body),
    });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或联系管理员', 0);
  }
  if (response.status === 401 && !url.startsWith('/api/session')) unauthorisedListeners.forEach((l) => l());
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await send('GET', url)).json() as Promise<T>;
}

export async function getBlob(url: string): Promise<Blob> {
  return (await send('GET', url)).blob();
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await send(method, url, data === undefined ? undefined : JSON.stringify(data));
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Upload files as multipart/form-data under one field name, plus plain fields (sent first). */
export async function upload<T>(
  url: string,
  files: File[],
  field: string,
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const file of files) form.append(field, file, file.name);
  return (await send('POST', url, form)).json() as Promise<T>;
}

/** The file name a download carries (Content-Disposition, RFC 5987 filename* first). */
function fileNameOf(response: Response, fallback: string): string {
  const cd = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Fetch a file (GET, or POST with a JSON body) and hand it to the browser as a download. */
export async function download(url: string, fallbackName: string, postBody?: unknown): Promise<void> {
  const response =
    postBody === undefined ? await send('GET', url) : await send('POST', url, JSON.stringify(postBody));
  saveBlob(await response.blob(), fileNameOf(response, fallbackName));
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
