/**
 * Rows shared by several handlers (rounds, submissions) and the visibility rules: a reporting office
 * reaches only rounds whose roster names it and only its own submissions; anything else is "not found".
 */
import { inflateRawSync } from 'node:zlib';
import type { Submission } from '../core/model/submission.js';
import type { RosterOffice } from '../core/roster.js';
import type { SubmissionState } from './api/schemas.js';
import type { AppContext, SessionUser } from './context.js';
import type { Sql } from './db/db.js';
import { notFound } from './errors.js';

export type StoredRosterOffice = Omit<RosterOffice, 'line'>;

export interface RoundRow {
  id: number;
  name: string;
  catalogue_id: number;
  catalogue_version: string;
  period: string;
  deadline: string | null;
  roster: StoredRosterOffice[];
  allocation: unknown;
  created_at: Date;
}

export const ROUND_SELECT = `SELECT r.id, r.name, r.catalogue_id, c.version AS catalogue_version, r.period,
  to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.roster, r.allocation, r.created_at
  FROM rounds r JOIN catalogues c ON c.id = r.catalogue_id`;

export function roundJson(r: RoundRow) {
  return {
    id: r.id,
    name: r.name,
    catalogueId: r.catalogue_id,
    catalogueVersion: r.catalogue_version,
    period: r.period,
    deadline: r.deadline,
    createdAt: r.created_at.toISOString(),
    offices: r.roster.length,
  };
}

/** The round itself if the user may see it: staff see every round, an office only those naming it. */
function seenBy<R extends Pick<RoundRow, 'roster'>>(round: R | undefined, user: SessionUser): R {
  if (!round || (user.role === 'office' && !round.roster.some((o) => o.office === user.office))) {
    throw notFound('填报轮次');
  }
  return round;
}

/** The round, if the user may see it (404 otherwise, also for rounds of other offices). */
export async function visibleRound(ctx: AppContext, user: SessionUser, roundId: number): Promise<RoundRow> {
  const rows = await ctx.db.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1`, [roundId]);
  return seenBy(rows[0], user);
}

/** What an upload needs of its round (intake.ts: judgeSubmission; handlers/submissions.ts). */
export type UploadRound = Pick<RoundRow, 'id' | 'name' | 'catalogue_id' | 'period' | 'roster'>;

/**
 * visibleRound for an upload: the round's current catalogue and period from the database, its roster
 * from the context's cache (AppContext.roster), and not its allocation. Fetching and parsing the roster
 * and allocation as JSON on every upload cost the main thread more than the rest of the round's row.
 */
export async function uploadRound(ctx: AppContext, user: SessionUser, roundId: number): Promise<UploadRound> {
  const rows = await ctx.db.query<Omit<UploadRound, 'roster'>>(
    'SELECT id, name, catalogue_id, period FROM rounds WHERE id = $1',
    [roundId],
  );
  return seenBy(rows[0] && { ...rows[0], roster: await ctx.roster(rows[0].id) }, user);
}

export interface SubmissionRow {
  id: number;
  round_id: number;
  office: string;
  file_name: string;
  sha256: string;
  size: number;
  state: SubmissionState;
  errors: number;
  warnings: number;
  username: string;
  created_at: Date;
  remote_addr: string | null;
}

export const SUBMISSION_SELECT = `SELECT s.id, s.round_id, s.office, s.file_name, s.sha256, s.size, s.state,
  s.errors, s.warnings, u.username, s.created_at, s.remote_addr
  FROM submissions s JOIN users u ON u.id = s.user_id`;

export function submissionJson(r: SubmissionRow) {
  return {
    id: r.id,
    roundId: r.round_id,
    office: r.office,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    state: r.state,
    errors: r.errors,
    warnings: r.warnings,
    submittedBy: r.username,
    submittedAt: r.created_at.toISOString(),
    remoteAddr: r.remote_addr,
  };
}

/** The submission, if the user may see it. */
export async function visibleSubmission(db: Sql, user: SessionUser, id: number): Promise<SubmissionRow> {
  const rows = await db.query<SubmissionRow>(`${SUBMISSION_SELECT} WHERE s.id = $1`, [id]);
  const s = rows[0];
  if (!s || (user.role === 'office' && s.office !== user.office)) throw notFound('报送记录');
  return s;
}

/**
 * What a round counts for each office: its latest submission that was accepted at intake and not
 * returned (有错误 uploads never count). Returns ids in office order; the callers load what they need.
 */
export async function countedSubmissionIds(db: Sql, roundId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT DISTINCT ON (office) id FROM submissions
      WHERE round_id = $1 AND state IN ('已报送', '已采用') ORDER BY office, id DESC`,
    [roundId],
  );
  return rows.map((r) => r.id);
}

/** The columns a stored parsed submission is read from (parsedSubmission). */
export const PARSED_COLUMNS = 'parsed, parsed_deflated';

export interface ParsedColumns {
  /** Rows stored before migration 6: the json itself. */
  parsed: Submission | null;
  /** UTF-8 JSON, raw-deflated by the checking thread (intake-check.ts). */
  parsed_deflated: Uint8Array | null;
}

/** A stored submission as the core reads it; null when its file could not be read (有错误). */
export function parsedSubmission(row: ParsedColumns): Submission | null {
  if (row.parsed_deflated)
    return JSON.parse(inflateRawSync(row.parsed_deflated).toString('utf8')) as Submission;
  return row.parsed;
}
