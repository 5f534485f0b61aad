/**
 * The pane's client of the luoshi server that serves it (under /addin/, so every request is
 * same-origin). Signing in asks for a bearer token (`client: "addin"`); the token lives in this
 * object only — never in storage — and goes with each request as `Authorization: Bearer …`, which
 * needs no CSRF header. A server that answers without a token leaves the session cookie, and the
 * client then sends the CSRF token the server gave instead. The transport is injected: XHR in the
 * pane (IE11 has no fetch), fetch in tests.
 */
import type { Catalogue } from '../core/model/catalogue.js';
import { parseCatalogueJson } from '../core/catalogue/schema.js';
import { LuoshiError } from '../core/errors.js';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  json?: unknown;
  /** multipart/form-data: one file and plain fields. */
  form?: { file: { bytes: Uint8Array; name: string; type: string }; fields: Record<string, string> };
}

export interface HttpResponse {
  status: number;
  text: string;
}

export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export interface SignedInUser {
  username: string;
  displayName: string;
  office: string | null;
}

export interface ServerProblem {
  severity: 'error' | 'warning';
  sheet: string | null;
  cell: string | null;
  targetId: string | null;
  message: string;
}

/** GET /api/addin/catalogue: the office's current round and exactly its targets and tasks. */
export interface ServerCatalogue {
  roundId: number;
  roundName: string;
  period: string;
  deadline: string | null;
  office: string;
  /** The round's catalogue cut to the office's own targets and tasks. */
  catalogue: Catalogue;
}

export type SubmitOutcome =
  | { kind: 'accepted'; submissionId: number; problems: ServerProblem[] }
  | { kind: 'refused'; message: string; problems: ServerProblem[] }
  | { kind: 'needs-confirmation'; message: string; problems: ServerProblem[] };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function problemsOf(body: Record<string, unknown>): ServerProblem[] {
  const list = Array.isArray(body.problems) ? body.problems : [];
  return list.map((p) => {
    const o = record(p);
    return {
      severity: o.severity === 'warning' ? 'warning' : 'error',
      sheet: str(o.sheet),
      cell: str(o.cell),
      targetId: str(o.targetId),
      message: str(o.message) ?? '',
    };
  });
}

function parseBody(res: HttpResponse, what: string): Record<string, unknown> {
  try {
    return record(JSON.parse(res.text));
  } catch {
    throw new LuoshiError('server-reply', `服务器对“${what}”的答复无法识别（HTTP ${res.status}）`);
  }
}

/** A refusal the server explained (its `error` is Chinese, meant for the user). */
function refusal(res: HttpResponse, what: string): LuoshiError {
  let body: Record<string, unknown> = {};
  try {
    body = record(JSON.parse(res.text));
  } catch {
    // not JSON: a proxy's page, say; the status says enough
  }
  const message = str(body.error);
  if (res.status === 401)
    return new LuoshiError('not-signed-in', message ?? '未登录或登录已过期，请重新登录');
  return new LuoshiError(
    str(body.code) ?? 'server-error',
    message ? `${what}失败：${message}` : `${what}失败（服务器答复 HTTP ${res.status}）`,
  );
}

export class ServerClient {
  private auth: { bearer: string } | { csrf: string } | null = null;
  user: SignedInUser | null = null;

  constructor(
    private readonly send: Transport,
    /** The server's origin, e.g. "https://luoshi.example.gov.cn" (the pane's own). */
    private readonly base: string,
  ) {}

  private headers(): Record<string, string> {
    if (!this.auth) return {};
    return 'bearer' in this.auth
      ? { Authorization: `Bearer ${this.auth.bearer}` }
      : { 'X-CSRF-Token': this.auth.csrf };
  }

  private async request(req: Omit<HttpRequest, 'url' | 'headers'> & { path: string }): Promise<HttpResponse> {
    const res = await this.send({
      method: req.method,
      url: `${this.base}${req.path}`,
      headers: this.headers(),
      json: req.json,
      form: req.form,
    });
    if (res.status === 401) this.signOut();
    return res;
  }

  async signIn(username: string, password: string): Promise<SignedInUser> {
    if (!username.trim() || !password) throw new LuoshiError('no-credentials', '请填写用户名和密码');
    this.signOut();
    const res = await this.request({
      method: 'POST',
      path: '/api/session',
      json: { username: username.trim(), password, client: 'addin' },
    });
    if (res.status !== 200) throw refusal(res, '登录');
    const body = parseBody(res, '登录');
    const token = str(body.token);
    const csrf = str(body.csrfToken);
    if (!token && !csrf) throw new LuoshiError('server-reply', '服务器的登录答复中没有会话凭据');
    this.auth = token ? { bearer: token } : { csrf: csrf as string };
    const u = record(body.user);
    this.user = {
      username: str(u.username) ?? username.trim(),
      displayName: str(u.displayName) ?? username.trim(),
      office: str(u.office),
    };
    return this.user;
  }

  signOut(): void {
    this.auth = null;
    this.user = null;
  }

  get signedIn(): boolean {
    return this.auth !== null;
  }

  async catalogue(): Promise<ServerCatalogue> {
    const res = await this.request({ method: 'GET', path: '/api/addin/catalogue' });
    if (res.status !== 200) throw refusal(res, '获取本单位指标');
    const body = parseBody(res, '获取本单位指标');
    const round = record(body.round);
    const full = parseCatalogueJson(JSON.stringify(body.catalogue ?? null), '服务器目录');
    const targetIds = new Set(Array.isArray(body.targetIds) ? body.targetIds : []);
    const taskIds = new Set(Array.isArray(body.taskIds) ? body.taskIds : []);
    if (typeof round.id !== 'number') throw new LuoshiError('server-reply', '服务器的目录答复中没有填报轮次');
    return {
      roundId: round.id,
      roundName: str(round.name) ?? '',
      period: str(round.period) ?? '',
      deadline: str(round.deadline),
      office: str(body.office) ?? '',
      catalogue: {
        ...full,
        targets: full.targets.filter((t) => targetIds.has(t.id)),
        tasks: full.tasks.filter((t) => taskIds.has(t.id)),
      },
    };
  }

  /** 报送: the workbook's bytes to the round; the server checks them at once. */
  async submit(
    roundId: number,
    bytes: Uint8Array,
    fileName: string,
    confirm: boolean,
  ): Promise<SubmitOutcome> {
    const res = await this.request({
      method: 'POST',
      path: `/api/rounds/${roundId}/submissions`,
      form: { file: { bytes, name: fileName, type: XLSX_MIME }, fields: confirm ? { confirm: 'true' } : {} },
    });
    if (res.status === 201) {
      const body = parseBody(res, '报送');
      return {
        kind: 'accepted',
        submissionId: Number(record(body.submission).id),
        problems: problemsOf(body),
      };
    }
    if (res.status === 422 || res.status === 409) {
      const body = parseBody(res, '报送');
      const message = str(body.error) ?? '';
      return res.status === 409 && body.needsConfirmation === true
        ? { kind: 'needs-confirmation', message, problems: problemsOf(body) }
        : { kind: 'refused', message, problems: problemsOf(body) };
    }
    throw refusal(res, '报送');
  }
}
