/** Catalogue versions: built from policy texts with the same core as `luoshi catalogue build`, or uploaded as catalogue.json. */
import { buildCatalogue } from '../../core/catalogue/index.js';
import { parseCatalogueJson } from '../../core/catalogue/schema.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import { sha256Hex } from '../auth.js';
import { userOf, type Handler } from '../context.js';
import { badRequest } from '../errors.js';
import { readUpload } from '../uploads.js';

interface CatalogueRow {
  id: number;
  version: string;
  catalogue: Catalogue;
  created_at: Date;
}

export function catalogueSummary(r: CatalogueRow) {
  return {
    id: r.id,
    version: r.version,
    documents: r.catalogue.documents.map((d) => ({ id: d.id, title: d.title, docNumber: d.docNumber })),
    targets: r.catalogue.targets.length,
    tasks: r.catalogue.tasks.length,
    createdAt: r.created_at.toISOString(),
  };
}

export const listCatalogues: Handler = async ({ ctx }) => {
  const rows = await ctx.db.query<CatalogueRow>(
    'SELECT id, version, catalogue, created_at FROM catalogues ORDER BY id DESC',
  );
  return rows.map(catalogueSummary);
};

export const getCatalogue: Handler = async ({ ctx, ids }) => ctx.catalogue(ids.catalogueId);

export const createCatalogue: Handler = async (call) => {
  const { ctx, req } = call;
  const upload = await readUpload(req);
  const files = upload.files.filter((f) => f.field === 'files');
  if (files.length === 0)
    throw badRequest('请在字段 files 中上传政策文件（.txt）或 catalogue.json', 'no-file');
  const json = files.find((f) => /\.json$/i.test(f.fileName));
  let catalogue: Catalogue;
  let warnings: string[] = [];
  let sources = files;
  if (json) {
    if (files.length > 1) throw badRequest('上传 catalogue.json 时不能同时上传其他文件', 'mixed-files');
    catalogue = parseCatalogueJson(new TextDecoder().decode(json.bytes), json.fileName);
    sources = [];
  } else {
    ({ catalogue, warnings } = buildCatalogue(files.map((f) => ({ name: f.fileName, bytes: f.bytes }))));
  }
  const userId = userOf(call).id;
  const row = await ctx.db.transaction(async (tx) => {
    const existing = await tx.query<CatalogueRow>(
      'SELECT id, version, catalogue, created_at FROM catalogues WHERE version = $1',
      [catalogue.version],
    );
    if (existing[0]) return existing[0];
    const [created] = await tx.query<CatalogueRow>(
      `INSERT INTO catalogues (version, catalogue, created_by) VALUES ($1, $2, $3)
       RETURNING id, version, catalogue, created_at`,
      [catalogue.version, JSON.stringify(catalogue), userId],
    );
    for (const f of sources) {
      await tx.query(
        'INSERT INTO policy_documents (catalogue_id, file_name, bytes, sha256) VALUES ($1, $2, $3, $4)',
        [created.id, f.fileName, f.bytes, sha256Hex(f.bytes)],
      );
    }
    await ctx.audit(
      {
        userId,
        action: 'catalogue-created',
        object: `catalogue:${created.id}`,
        detail: { version: catalogue.version, files: files.map((f) => f.fileName) },
        remoteAddr: req.ip,
      },
      tx,
    );
    return created;
  });
  return { ...catalogueSummary(row), warnings };
};
