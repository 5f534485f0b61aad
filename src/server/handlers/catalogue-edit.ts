/**
 * Corrections to a stored catalogue from the web page: the rows are read by the very rules of the
 * 目录审核 workbook (readCorrectionsGrid) and applied by the core (reviseCatalogue); the result is stored
 * as a new catalogue version, never over the old one, and every correction goes to the audit log.
 */
import type { z } from 'zod';
import { reviseCatalogue, type CatalogueCorrections } from '../../core/catalogue/index.js';
import { CorrectionInputError, readCorrectionInputs } from '../../core/catalogue/correction-form.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import { decodeText } from '../../core/text/decode.js';
import type * as W from '../api/web-schemas.js';
import { userOf, type Handler } from '../context.js';
import type { Sql } from '../db/db.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { catalogueSummary } from './catalogues.js';

type Body = z.infer<typeof W.CatalogueCorrectionsBody>;

/** The request's corrections read by the 目录审核 rules; a value they refuse answers 422 naming the field. */
function readCorrections(body: Body): CatalogueCorrections {
  try {
    return readCorrectionInputs(body.corrections);
  } catch (e) {
    if (!(e instanceof CorrectionInputError)) throw e;
    throw new HttpError(422, 'bad-correction', e.message, { index: e.index, field: e.field });
  }
}

/** Decoded policy texts of a catalogue version (only added targets need them, to find their quotes). */
async function policyTexts(db: Sql, catalogueId: number, catalogue: Catalogue): Promise<Map<string, string>> {
  const rows = await db.query<{ file_name: string; bytes: Uint8Array }>(
    'SELECT file_name, bytes FROM policy_documents WHERE catalogue_id = $1',
    [catalogueId],
  );
  const texts = new Map<string, string>();
  for (const d of catalogue.documents) {
    const file = rows.find((r) => r.file_name === d.source);
    if (file) texts.set(d.id, decodeText(file.bytes, file.file_name).text);
  }
  return texts;
}

/** A round may move to the new version only while nobody has submitted against the old one. */
async function moveRound(tx: Sql, roundId: number, fromId: number, toId: number): Promise<void> {
  const rows = await tx.query<{ catalogue_id: number; submitted: number }>(
    `SELECT r.catalogue_id, (SELECT count(*)::int FROM submissions s WHERE s.round_id = r.id) AS submitted
       FROM rounds r WHERE r.id = $1 FOR UPDATE`,
    [roundId],
  );
  const round = rows[0];
  if (!round) throw notFound('填报轮次');
  if (round.catalogue_id !== fromId)
    throw conflict('该轮次使用的不是这一版本的目录，请刷新页面后再修改', 'round-catalogue-changed');
  if (round.submitted > 0)
    throw conflict(
      '本轮已有单位报送，不能改用新版本目录（已下发的填报表按旧版本填写）；新版本可用于新建轮次',
      'round-has-submissions',
    );
  await tx.query('UPDATE rounds SET catalogue_id = $1 WHERE id = $2', [toId, roundId]);
}

export const correctCatalogue: Handler = async (call) => {
  const { ctx, req } = call;
  const body = call.body as Body;
  const fromId = call.ids.catalogueId;
  const catalogue = await ctx.catalogue(fromId);
  const corrections = readCorrections(body);
  const needsTexts = body.corrections.some((c) => c.action === 'add');
  const texts = needsTexts ? await policyTexts(ctx.db, fromId, catalogue) : new Map<string, string>();
  const result = reviseCatalogue(catalogue, corrections, texts);
  const missing = result.stale.map((s) => `指标 ${s.targetId} 不在这一版本的目录中（请刷新页面）`);
  const refused = [...missing, ...result.warnings.map((w) => w.replace(/^目录修正 第 \d+ 行：/, ''))];
  if (refused.length) throw new HttpError(422, 'correction-not-applied', refused.join('；'));
  const revised = result.catalogue;
  const userId = userOf(call).id;
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.query<CatalogueRow>(`${SELECT} WHERE version = $1`, [revised.version]);
    const row = existing[0] ?? (await insertVersion(tx, revised, fromId, userId));
    if (body.roundId !== undefined) await moveRound(tx, body.roundId, fromId, row.id);
    await ctx.audit(
      {
        userId,
        action: 'catalogue-corrected',
        object: `catalogue:${row.id}`,
        detail: {
          from: fromId,
          version: revised.version,
          roundId: body.roundId ?? null,
          corrections: body.corrections,
        },
        remoteAddr: req.ip,
      },
      tx,
    );
    return {
      ...catalogueSummary(row),
      previousId: fromId,
      applied: result.applied,
      roundId: body.roundId ?? null,
    };
  });
};

interface CatalogueRow {
  id: number;
  version: string;
  catalogue: Catalogue;
  created_at: Date;
}
const SELECT = 'SELECT id, version, catalogue, created_at FROM catalogues';

/** The new version, with the policy texts of the one it came from (later corrections may add targets). */
async function insertVersion(
  tx: Sql,
  revised: Catalogue,
  fromId: number,
  userId: number,
): Promise<CatalogueRow> {
  const [row] = await tx.query<CatalogueRow>(
    `INSERT INTO catalogues (version, catalogue, created_by) VALUES ($1, $2, $3)
     RETURNING id, version, catalogue, created_at`,
    [revised.version, JSON.stringify(revised), userId],
  );
  await tx.query(
    `INSERT INTO policy_documents (catalogue_id, file_name, bytes, sha256)
     SELECT $1, file_name, bytes, sha256 FROM policy_documents WHERE catalogue_id = $2 ORDER BY id`,
    [row.id, fromId],
  );
  return row;
}
