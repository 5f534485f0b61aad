/**
 * The built web pages (dist-web/, at / with the single-page fallback to index.html) and the built
 * add-in (dist/, under /addin/) with a manifest whose URLs point at this server's public URL.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ServerOptions } from './context.js';

/** The URL the add-in's manifest was written for (see manifest.xml and webpack.config.js). */
const DEV_URL = 'https://localhost:3000';

/** Office on the web shows the task pane in a frame of its own pages; allow exactly those parents. */
const OFFICE_FRAME_ANCESTORS =
  "'self' https://*.officeapps.live.com https://*.office.com https://*.officeonline.com https://*.office365.cn https://*.partner.office365.cn";

/** The add-in manifest with every development URL replaced by `<publicUrl>/addin`. */
export function manifestFor(template: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  return template
    .replaceAll(`${DEV_URL}/`, `${base}/addin/`)
    .replaceAll(`<AppDomain>${DEV_URL}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`);
}

async function manifestTemplate(addinDir: string | null | undefined): Promise<string | null> {
  const candidates = [addinDir ? path.join(addinDir, 'manifest.xml') : null, path.resolve('manifest.xml')];
  for (const file of candidates) if (file && existsSync(file)) return fs.readFile(file, 'utf8');
  return null;
}

export async function registerStatic(app: FastifyInstance, options: ServerOptions): Promise<void> {
  const webDir = options.webDir && existsSync(options.webDir) ? path.resolve(options.webDir) : null;
  const addinDir = options.addinDir && existsSync(options.addinDir) ? path.resolve(options.addinDir) : null;

  const template = await manifestTemplate(addinDir);
  app.get('/addin/manifest.xml', async (req, reply) => {
    if (!template)
      return reply.code(404).send({ error: '未找到加载项清单（manifest.xml）', code: 'not-found' });
    const base = options.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.type('application/xml; charset=utf-8').send(manifestFor(template, base));
  });

  if (addinDir) {
    await app.register(fastifyStatic, { root: addinDir, prefix: '/addin/', decorateReply: false });
  }
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/addin/')) {
      // Office caches the pane hard: pages, manifest and catalogue are revalidated every time; the
      // scripts carry a content hash in their names, so a cached one is never stale.
      const file = req.url.split('?')[0];
      reply.header(
        'cache-control',
        /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply.header(
        'content-security-policy',
        csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${OFFICE_FRAME_ANCESTORS}`),
      );
      reply.removeHeader('x-frame-options');
    }
    return payload;
  });

  if (webDir) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0];
    const page = req.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/addin/');
    if (page && webDir && existsSync(path.join(webDir, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').send(await fs.readFile(path.join(webDir, 'index.html')));
    }
    return reply.code(404).send({ error: `找不到 ${url}`, code: 'not-found' });
  });
}
