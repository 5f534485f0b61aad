/**
 * The fastify app: security headers, cookies, rate limits and uploads, the API routes from the route
 * table (each checked for session, role and CSRF before its handler runs), the built web pages and
 * add-in, and one error handler that answers every failure as {error, code} in Chinese.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { timingSafeEqual } from 'node:crypto';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { isLuoshiError } from '../core/errors.js';
import type { Catalogue } from '../core/model/catalogue.js';
import { buildOpenApi, CSRF_HEADER } from './api/openapi.js';
import { ROUTES, type RouteSpec } from './api/routes.js';
import { csrfMatches, findSession, LoginThrottle } from './auth.js';
import {
  FileBody,
  type AppContext,
  type Call,
  type Handler,
  type ServerOptions,
  type Session,
} from './context.js';
import { HttpError, badRequest, forbidden, notSignedIn } from './errors.js';
import { handlers } from './handlers/index.js';
import { warmUpForLatestRound } from './handlers/rounds.js';
import { sharedUtf8 } from './intake-check.js';
import { intakeChecker } from './intake-pool.js';
import { registerStatic } from './static.js';
import { unstorableText } from './text-guard.js';
import type { StoredRosterOffice } from './store.js';
import { DEFAULT_MAX_UPLOAD } from './limits.js';

export const VERSION = '0.1.0';

/** Content-Security-Policy of every response; the add-in's pages add Office's hosts (see static.ts). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: [
    "'self'",
    'https://appsforoffice.microsoft.com',
    'https://appsforoffice.cdn.partner.office365.cn',
  ],
  // Element Plus sets inline style attributes; no inline script is allowed anywhere.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

interface CachedCatalogue {
  utf8: SharedArrayBuffer;
  catalogue: Catalogue;
}

function createContext(options: ServerOptions): AppContext {
  const cache = new Map<number, Promise<CachedCatalogue>>();
  const db = options.db;
  const cached = (id: number): Promise<CachedCatalogue> => {
    let p = cache.get(id);
    if (!p) {
      p = db
        .query<{ json: string }>('SELECT catalogue::text AS json FROM catalogues WHERE id = $1', [id])
        .then((rows) => {
          if (!rows[0]) throw new HttpError(404, 'not-found', '指标目录不存在');
          return { utf8: sharedUtf8(rows[0].json), catalogue: JSON.parse(rows[0].json) as Catalogue };
        });
      p.catch(() => cache.delete(id));
      cache.set(id, p);
    }
    return p;
  };
  const rosters = new Map<number, Promise<StoredRosterOffice[]>>();
  const roster = (id: number): Promise<StoredRosterOffice[]> => {
    let p = rosters.get(id);
    if (!p) {
      p = db
        .query<{ roster: StoredRosterOffice[] }>('SELECT roster FROM rounds WHERE id = $1', [id])
        .then((rows) => {
          if (!rows[0]) throw new HttpError(404, 'not-found', '填报轮次不存在');
          return rows[0].roster;
        });
      p.catch(() => rosters.delete(id));
      rosters.set(id, p);
    }
    return p;
  };
  return {
    db,
    options,
    version: VERSION,
    catalogue: async (id) => (await cached(id)).catalogue,
    catalogueUtf8: async (id) => (await cached(id)).utf8,
    roster,
    intake: intakeChecker(options.intakeThreads ?? 0, options.warmUpIntake ?? false),
    async audit(e, tx) {
      await (tx ?? db).query(
        'INSERT INTO audit_log (user_id, action, object, detail, remote_addr) VALUES ($1, $2, $3, $4, $5)',
        [e.userId, e.action, e.object, JSON.stringify(e.detail ?? {}), e.remoteAddr ?? null],
      );
    },
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function checkAccess(route: RouteSpec, session: Session | null, req: FastifyRequest): void {
  if (route.access === 'public') return;
  if (!session) throw notSignedIn();
  const role = session.user.role;
  if (route.access === 'staff' && role === 'office') throw forbidden();
  if (route.access === 'admin' && role !== 'admin') throw forbidden('只有管理员可以进行此操作');
  // Signing out needs no token: it can only lower privileges, and SameSite=Strict already keeps the cookie
  // off cross-site requests. A bearer header is never attached by a browser on its own, so it needs none.
  if (STATE_CHANGING.has(route.method) && route.operationId !== 'logout' && session.via === 'cookie') {
    if (!csrfMatches(session, req.headers[CSRF_HEADER.toLowerCase()])) {
      throw new HttpError(403, 'csrf', `缺少或错误的 ${CSRF_HEADER} 请求头（请刷新页面后重试）`);
    }
  }
  if (
    session.user.mustChangePassword &&
    !['currentSession', 'logout', 'changePassword'].includes(route.operationId)
  ) {
    throw new HttpError(403, 'must-change-password', '请先修改初始密码');
  }
}

/** `luoshi serve backup` on the server's own machine, presenting the token from DIR/serve.json. */
function isLocalBackup(route: RouteSpec, ctx: AppContext, req: FastifyRequest): boolean {
  const token = ctx.options.backupToken;
  const sent = req.headers['x-luoshi-backup-token'];
  if (route.operationId !== 'backup' || !token || typeof sent !== 'string') return false;
  const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.ip);
  return loopback && sent.length === token.length && timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}

function pathIds(params: unknown): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const [k, v] of Object.entries((params ?? {}) as Record<string, string>)) {
    const n = /^[1-9]\d{0,9}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n > 2_147_483_647)
      throw new HttpError(404, 'not-found', '请求的对象不存在');
    ids[k] = n;
  }
  return ids;
}

/** Refuse text the database cannot store (NUL, broken UTF-16) in the body or query, naming the field. */
function refuseUnstorable(what: unknown): void {
  const field = unstorableText(what);
  if (field === null) return;
  throw badRequest(
    `字段 ${field.slice(0, 60) || '请求内容'} 含有无法保存的字符（空字符或不完整的 Unicode 字符），请删除后重试`,
    'invalid-text',
  );
}

function parseBody(route: RouteSpec, body: unknown): unknown {
  refuseUnstorable(body);
  if (!route.body) return body;
  const result = route.body.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || '请求内容';
  throw badRequest(`字段 ${field} 不正确：${issue.message}`, 'invalid-body');
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name (Chinese file names). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function send(reply: FastifyReply, route: RouteSpec, out: unknown): Promise<unknown> {
  if (out instanceof FileBody) {
    return reply
      .header('content-type', out.contentType)
      .header('content-disposition', contentDisposition(out.fileName))
      .header('cache-control', 'no-store')
      .send(Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength));
  }
  reply.header('cache-control', 'no-store');
  if (route.status === 204) return reply.code(204).send();
  return reply.code(route.status ?? 200).send(out);
}

function registerRoute(app: FastifyInstance, ctx: AppContext, route: RouteSpec, handler: Handler): void {
  const rateLimitConfig =
    route.operationId === 'login'
      ? { rateLimit: { max: ctx.options.loginsPerMinute ?? 100, timeWindow: '1 minute' } }
      : undefined;
  app.route({
    method: route.method,
    url: route.url,
    config: rateLimitConfig,
    handler: async (req, reply) => {
      const session =
        route.access === 'public' && route.operationId !== 'login' ? null : await findSession(ctx, req);
      if (!isLocalBackup(route, ctx, req)) checkAccess(route, session, req);
      refuseUnstorable(req.query);
      const call: Call = {
        ctx,
        req,
        reply,
        session,
        body: parseBody(route, req.body),
        ids: pathIds(req.params),
        query: (req.query ?? {}) as Record<string, string | undefined>,
      };
      return send(reply, route, await handler(call));
    },
  });
}

function errorAnswer(e: FastifyError | Error): { status: number; body: Record<string, unknown> } | null {
  if (e instanceof HttpError)
    return { status: e.status, body: { error: e.message, code: e.code, ...e.extra } };
  if (isLuoshiError(e)) return { status: 422, body: { error: e.message, code: e.code } };
  const fe = e as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          error: '不支持的请求内容类型（应为 application/json 或 multipart/form-data）',
          code: 'media-type',
        },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, body: { error: '上传内容过大或文件过多', code: 'too-large' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: '请求内容为空或长度不正确', code: 'bad-request' } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: { error: '请以 multipart/form-data 上传文件', code: 'not-multipart' } };
  }
  if (fe.statusCode === 429)
    return { status: 429, body: { error: '尝试过于频繁，请稍后再试', code: 'rate-limited' } };
  if (e instanceof SyntaxError || (fe.statusCode === 400 && /JSON/i.test(fe.message)))
    return { status: 400, body: { error: '请求内容不是有效的 JSON', code: 'bad-json' } };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, body: { error: '请求不正确', code: 'bad-request' } };
  return null;
}

export async function buildApp(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    // Uploads in flight finish on close; new connections are refused meanwhile.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    serverFactory: (handler) => {
      const tls = options.https;
      return tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler);
    },
  });
  const ctx = createContext(options);
  app.addHook('onClose', () => ctx.intake.close());
  if (options.warmUpIntake) warmUpForLatestRound(ctx).catch(() => undefined);
  const throttle = new LoginThrottle(options.loginFailuresAllowed ?? 5);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    hsts: options.secureCookies ? { maxAge: 15552000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => ({
      statusCode: 429,
      error: `尝试过于频繁，请 ${Math.ceil(c.ttl / 1000)} 秒后再试`,
      code: 'rate-limited',
    }),
  });
  await app.register(multipart, {
    limits: {
      fileSize: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD,
      files: 20,
      fields: 10,
      fieldSize: 10_000,
      parts: 30,
    },
  });

  app.setErrorHandler((e: FastifyError, req, reply) => {
    const answer = errorAnswer(e);
    if (answer) return reply.code(answer.status).send(answer.body);
    req.log.error({ err: e }, 'unhandled error');
    return reply.code(500).send({ error: '服务器内部错误，已记录日志，请联系管理员', code: 'internal' });
  });

  const openapi = buildOpenApi(VERSION);
  app.get('/api/openapi.json', () => Promise.resolve(openapi));
  const table = handlers(throttle);
  for (const route of ROUTES) {
    const handler = table[route.operationId] ?? notImplemented;
    registerRoute(app, ctx, route, handler);
  }
  await registerStatic(app, options);
  return app;
}

const notImplemented: Handler = () => Promise.reject(new HttpError(501, 'not-implemented', '此功能尚未实现'));
