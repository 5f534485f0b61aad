/**
 * OpenAPI 3.1 description generated from the route table (./routes.ts) and the zod schemas, served at
 * /api/openapi.json. The document itself is public, like the static assets, and not listed in it.
 */
import { z } from 'zod';
import { ErrorBody } from './schemas.js';
import { ROUTES, type FileKind, type RouteSpec } from './routes.js';

export const SESSION_COOKIE = 'luoshi_session';
export const CSRF_HEADER = 'X-CSRF-Token';

const MEDIA: Record<FileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  tar: 'application/x-tar',
  xml: 'application/xml',
  pdf: 'application/pdf',
  png: 'image/png',
};

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  delete out.$schema;
  return out;
}

/** /api/rounds/:roundId → /api/rounds/{roundId} */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parameters(r: RouteSpec): Json[] {
  const inPath = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'integer' },
  }));
  const inQuery = Object.entries(r.query ?? {}).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  return [...inPath, ...inQuery];
}

function requestBody(r: RouteSpec): Json | undefined {
  if (r.body) return { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
  if (!r.multipart) return undefined;
  const properties: Json = {};
  const required: string[] = [];
  for (const [name, f] of Object.entries(r.multipart)) {
    properties[name] = f.file
      ? { type: 'string', format: 'binary', description: f.description }
      : { type: 'string', description: f.description };
    if (f.required) required.push(name);
  }
  return {
    required: true,
    content: { 'multipart/form-data': { schema: { type: 'object', properties, required } } },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: '请求格式错误（JSON 无效、缺少字段、字段取值不合法）',
  401: '未登录或登录已过期',
  403: '无权访问，或缺少/错误的 X-CSRF-Token',
  404: '不存在（或不属于本单位）',
  409: '与当前状态冲突',
  413: '上传文件过大',
  422: '文件内容有错误',
  429: '尝试过于频繁，请稍后再试',
};

function responses(r: RouteSpec): Json {
  const status = String(r.status ?? 200);
  const ok: Json = { description: '成功' };
  const content: Json = {};
  if (r.response) content['application/json'] = { schema: jsonSchema(r.response) };
  if (r.file) content[MEDIA[r.file]] = { schema: { type: 'string', format: 'binary' } };
  if (!r.response && !r.file && status !== '204') content['application/json'] = { schema: {} };
  if (Object.keys(content).length) ok.content = content;
  const out: Json = { [status]: ok };
  const codes = new Set([400, ...(r.access === 'public' ? [] : [401, 403, 404]), ...(r.errors ?? [])]);
  for (const code of [...codes].sort()) {
    out[String(code)] = {
      description: ERROR_TEXT[code] ?? '错误',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

function operation(r: RouteSpec): Json {
  const op: Json = {
    operationId: r.operationId,
    summary: r.summary,
    tags: [r.tag],
    'x-luoshi-access': r.access,
    parameters: parameters(r),
    responses: responses(r),
  };
  const body = requestBody(r);
  if (body) op.requestBody = body;
  op.security = r.access === 'public' ? [] : [{ session: [] }, { bearer: [] }];
  return op;
}

export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of ROUTES) {
    const p = openapiPath(r.url);
    paths[p] ??= {};
    paths[p][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'luoshi 落实 服务端接口',
      version,
      description:
        `Sign in with POST /api/session; the session lives in the HttpOnly cookie ${SESSION_COOKIE}. ` +
        `Every state-changing request (POST/PUT/DELETE) of a signed-in user must send the csrfToken of the ` +
        `session in the ${CSRF_HEADER} header. The Excel add-in (an iframe in Excel on the web, where a ` +
        `SameSite=Strict cookie is not sent) signs in with "client": "addin", receives "token" and sends ` +
        `Authorization: Bearer <token> instead; such requests need no CSRF header. ` +
        `Errors answer {"error": "中文说明", "code": "…"}.`,
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: '加载项：登录时 "client": "addin" 所得的 token',
        },
      },
      schemas: { Error: jsonSchema(ErrorBody) },
    },
  };
}
