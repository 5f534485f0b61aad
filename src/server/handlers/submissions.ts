/** 报送: upload (checked at once), list, detail, the original file, compare, return/accept, comments. */
import type { z } from 'zod';
import type { Submission } from '../../core/model/submission.js';
import { compareSubmissions } from '../../core/review/compare.js';
import { submissionJson as entriesJson } from '../../host/json-output.js';
import type * as S from '../api/schemas.js';
import { userOf, FileBody, XLSX_TYPE, type Call, type Handler } from '../context.js';
import { HttpError, badRequest, conflict, notFound } from '../errors.js';
import { judgeSubmission, problemJson } from '../intake.js';
import {
  PARSED_COLUMNS,
  SUBMISSION_SELECT,
  parsedSubmission,
  submissionJson,
  uploadRound,
  visibleRound,
  visibleSubmission,
  type ParsedColumns,
  type SubmissionRow,
  type UploadRound,
} from '../store.js';
import { readUpload, type UploadedFile } from '../uploads.js';
import { DEFAULT_MAX_UNZIPPED } from '../limits.js';

/**
 * The submission row, its audit entry and the row as listed, in one statement: one round trip, and
 * atomic without an explicit transaction (a crash leaves neither or both).
 */
const INSERT_SUBMISSION = `WITH ins AS (
    INSERT INTO submissions (round_id, office, user_id, file_name, bytes, sha256, size, parsed_deflated, problems,
      errors, warnings, state, remote_addr, user_agent)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    RETURNING id, round_id, office, user_id, file_name, sha256, size, state, errors, warnings, created_at,
      remote_addr
  ), audit AS (
    INSERT INTO audit_log (user_id, action, object, detail, remote_addr)
    SELECT $3, $15, 'submission:' || ins.id, $16::jsonb, $13 FROM ins
  )
  SELECT ins.id, ins.round_id, ins.office, ins.file_name, ins.sha256, ins.size, ins.state, ins.errors,
    ins.warnings, u.username, ins.created_at, ins.remote_addr
  FROM ins JOIN users u ON u.id = ins.user_id`;

interface Stored {
  office: string;
  /** UTF-8 JSON raw-deflated by the checking thread, stored as it is (store.ts: parsedSubmission). */
  parsedDeflated: Uint8Array | null;
  problems: ReturnType<typeof problemJson>[];
  state: '已报送' | '有错误';
  sha256: string;
}

async function storeSubmission(call: Call, round: UploadRound, file: UploadedFile, s: Stored) {
  const { ctx, req } = call;
  const user = userOf(call);
  const errors = s.problems.filter((p) => p.severity === 'error').length;
  const [row] = await ctx.db.query<SubmissionRow>(INSERT_SUBMISSION, [
    round.id,
    s.office,
    user.id,
    file.fileName,
    file.bytes,
    s.sha256,
    file.bytes.length,
    s.parsedDeflated,
    JSON.stringify(s.problems),
    errors,
    s.problems.length - errors,
    s.state,
    req.ip,
    String(req.headers['user-agent'] ?? '').slice(0, 300),
    s.state === '有错误' ? 'submission-refused' : 'submitted',
    JSON.stringify({
      round: round.id,
      office: s.office,
      file: file.fileName,
      errors,
      problems: s.problems.length,
    }),
  ]);
  req.log.info(
    { submission: row.id, round: round.id, office: row.office, bytes: row.size, state: row.state },
    'submission stored',
  );
  return row;
}

/** Refusals kept as 有错误: the check found errors in the file (422); limits (413) and rules are not. */
const KEPT_REFUSALS = new Set(['check-errors', 'not-a-workbook']);

/**
 * Keep a refused upload as 有错误 under the office it belongs to (an office account's own; for staff, the
 * workbook's office when the round names it) and answer the same refusal with the record's id.
 */
async function keepRefused(
  call: Call,
  round: UploadRound,
  file: UploadedFile,
  e: HttpError,
  read: { office: string; parsedDeflated: Uint8Array; sha256: string } | { sha256: string },
): Promise<HttpError> {
  if (e.status !== 422 || !KEPT_REFUSALS.has(e.code)) return e;
  const user = userOf(call);
  const own = 'office' in read ? read.office.trim() : '';
  const office =
    user.role === 'office' ? user.office : round.roster.some((o) => o.office === own) ? own : null;
  if (!office) return e;
  const listed = (e.extra.problems as ReturnType<typeof problemJson>[] | undefined) ?? [];
  const problems = listed.length
    ? listed
    : [
        {
          severity: 'error' as const,
          sheet: null,
          cell: null,
          targetId: null,
          message: e.message,
          code: e.code,
        },
      ];
  const row = await storeSubmission(call, round, file, {
    office,
    parsedDeflated: 'parsedDeflated' in read ? read.parsedDeflated : null,
    problems,
    state: '有错误',
    sha256: read.sha256,
  });
  return new HttpError(e.status, e.code, e.message, { ...e.extra, submissionId: row.id });
}

export const submit: Handler = async (call) => {
  const { ctx, req } = call;
  const user = userOf(call);
  const round = await uploadRound(ctx, user, call.ids.roundId);
  const upload = await readUpload(req);
  const file = upload.files.find((f) => f.field === 'file');
  if (!file || upload.files.length !== 1)
    throw badRequest('请在字段 file 中上传一个 .xlsx 填报表', 'no-file');
  const catalogue = await ctx.catalogue(round.catalogue_id);
  const outcome = await ctx.intake.check({
    bytes: file.bytes,
    fileName: file.fileName,
    catalogueId: round.catalogue_id,
    catalogueUtf8: await ctx.catalogueUtf8(round.catalogue_id),
    maxUnzippedBytes: ctx.options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
  });
  // The bytes went to the checking thread and came back with its answer: those are the ones stored.
  const checked = { ...file, bytes: outcome.bytes };
  if (outcome.kind === 'refused') {
    const e = new HttpError(outcome.status, outcome.code, outcome.message, outcome.extra);
    throw await keepRefused(call, round, checked, e, outcome);
  }
  const sub = outcome.head;
  try {
    judgeSubmission(sub, round, catalogue, user, upload.fields.confirm === 'true');
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    throw await keepRefused(call, round, checked, e, { ...outcome, office: sub.office });
  }
  const problems = sub.problems.map(problemJson);
  const row = await storeSubmission(call, round, checked, {
    office: sub.office.trim(),
    parsedDeflated: outcome.parsedDeflated,
    problems,
    state: '已报送',
    sha256: outcome.sha256,
  });
  return { submission: submissionJson(row), problems };
};

export const listSubmissions: Handler = async (call) => {
  const user = userOf(call);
  const round = await visibleRound(call.ctx, user, call.ids.roundId);
  const rows =
    user.role === 'office'
      ? await call.ctx.db.query<SubmissionRow>(
          `${SUBMISSION_SELECT} WHERE s.round_id = $1 AND s.office = $2 ORDER BY s.id DESC`,
          [round.id, user.office],
        )
      : await call.ctx.db.query<SubmissionRow>(
          `${SUBMISSION_SELECT} WHERE s.round_id = $1 ORDER BY s.id DESC`,
          [round.id],
        );
  return rows.map(submissionJson);
};

interface CommentRow {
  id: number;
  submission_id: number;
  username: string;
  body: string;
  target_id: string | null;
  created_at: Date;
}

const COMMENT_SELECT = `SELECT c.id, c.submission_id, u.username, c.body, c.target_id, c.created_at
  FROM comments c JOIN users u ON u.id = c.user_id`;

function commentJson(c: CommentRow) {
  return {
    id: c.id,
    submissionId: c.submission_id,
    author: c.username,
    body: c.body,
    targetId: c.target_id,
    createdAt: c.created_at.toISOString(),
  };
}

async function parsedOf(call: Call, id: number): Promise<Submission> {
  const rows = await call.ctx.db.query<ParsedColumns>(
    `SELECT ${PARSED_COLUMNS} FROM submissions WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw notFound('报送记录');
  const parsed = parsedSubmission(rows[0]);
  if (!parsed) throw conflict(`报送记录 ${id} 的文件未能读出（有错误），无法比对`, 'unreadable');
  return parsed;
}

export const getSubmission: Handler = async (call) => {
  const s = await visibleSubmission(call.ctx.db, userOf(call), call.ids.submissionId);
  const [row] = await call.ctx.db.query<ParsedColumns & { problems: unknown[] }>(
    `SELECT ${PARSED_COLUMNS}, problems FROM submissions WHERE id = $1`,
    [s.id],
  );
  const parsed = parsedSubmission(row);
  const problems = row.problems;
  const comments = await call.ctx.db.query<CommentRow>(
    `${COMMENT_SELECT} WHERE c.submission_id = $1 ORDER BY c.id`,
    [s.id],
  );
  // An unreadable file (有错误) has no entries, only the refusal's problems.
  const json = parsed ? (entriesJson(parsed) as { entries: unknown[]; problems: unknown[] }) : null;
  return {
    submission: submissionJson(s),
    problems: json?.problems ?? problems,
    entries: json?.entries ?? [],
    comments: comments.map(commentJson),
  };
};

export const submissionFile: Handler = async (call) => {
  const s = await visibleSubmission(call.ctx.db, userOf(call), call.ids.submissionId);
  const rows = await call.ctx.db.query<{ bytes: Uint8Array }>('SELECT bytes FROM submissions WHERE id = $1', [
    s.id,
  ]);
  return new FileBody(rows[0].bytes, s.file_name, XLSX_TYPE);
};

export const compareSubmission: Handler = async (call) => {
  const user = userOf(call);
  const after = await visibleSubmission(call.ctx.db, user, call.ids.submissionId);
  let beforeId: number | undefined;
  if (call.query.with !== undefined) {
    beforeId = /^\d{1,9}$/.test(call.query.with) ? Number(call.query.with) : NaN;
    if (!Number.isSafeInteger(beforeId)) throw badRequest('with 应为报送记录的 id');
    await visibleSubmission(call.ctx.db, user, beforeId);
  } else {
    const prev = await call.ctx.db.query<{ id: number }>(
      `SELECT id FROM submissions WHERE round_id = $1 AND office = $2 AND id < $3 AND state <> '有错误'
        ORDER BY id DESC LIMIT 1`,
      [after.round_id, after.office, after.id],
    );
    if (!prev[0]) throw notFound('该单位本轮的上一份报送');
    beforeId = prev[0].id;
  }
  const comparison = compareSubmissions(await parsedOf(call, beforeId), await parsedOf(call, after.id));
  return { beforeId, afterId: after.id, ...comparison };
};

async function review(call: Call, to: '已退回' | '已采用', comment: string | undefined): Promise<unknown> {
  const { ctx, req } = call;
  const user = userOf(call);
  const s = await visibleSubmission(ctx.db, user, call.ids.submissionId);
  // 有错误 uploads were never submitted: neither accepted nor returned.
  const allowed = to === '已采用' ? s.state === '已报送' : s.state === '已报送' || s.state === '已采用';
  if (!allowed) throw conflict(`此报送当前状态为“${s.state}”，不能改为“${to}”`, 'already-reviewed');
  return ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE submissions SET state = $1 WHERE id = $2', [to, s.id]);
    if (comment) {
      await tx.query('INSERT INTO comments (submission_id, user_id, body) VALUES ($1, $2, $3)', [
        s.id,
        user.id,
        comment,
      ]);
    }
    await ctx.audit(
      {
        userId: user.id,
        action: to === '已退回' ? 'returned' : 'accepted',
        object: `submission:${s.id}`,
        detail: { from: s.state, comment: comment ?? null },
        remoteAddr: req.ip,
      },
      tx,
    );
    return submissionJson((await tx.query<SubmissionRow>(`${SUBMISSION_SELECT} WHERE s.id = $1`, [s.id]))[0]);
  });
}

export const returnSubmission: Handler = (call) =>
  review(call, '已退回', (call.body as z.infer<typeof S.ReturnBody>).comment);

export const acceptSubmission: Handler = (call) =>
  review(call, '已采用', (call.body as z.infer<typeof S.ReviewBody>).comment || undefined);

export const addComment: Handler = async (call) => {
  const { ctx, req } = call;
  const user = userOf(call);
  const s = await visibleSubmission(ctx.db, user, call.ids.submissionId);
  const b = call.body as z.infer<typeof S.CommentBody>;
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.query<{ id: number }>(
      'INSERT INTO comments (submission_id, user_id, target_id, body) VALUES ($1, $2, $3, $4) RETURNING id',
      [s.id, user.id, b.targetId ?? null, b.body],
    );
    await ctx.audit(
      {
        userId: user.id,
        action: 'commented',
        object: `submission:${s.id}`,
        detail: { comment: c.id },
        remoteAddr: req.ip,
      },
      tx,
    );
    return commentJson((await tx.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [c.id]))[0]);
  });
};
