/** 填报轮次: create from a catalogue and a roster, list, detail with 未报送, office accounts, blank workbooks. */
import type { z } from 'zod';
import type { Allocation } from '../../core/allocation/index.js';
import { parseRoster } from '../../core/roster.js';
import type * as S from '../api/schemas.js';
import { userOf, FileBody, XLSX_TYPE, type AppContext, type Call, type Handler } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import type { IntakeChecker } from '../intake-pool.js';
import {
  ROUND_SELECT,
  SUBMISSION_SELECT,
  roundJson,
  submissionJson,
  visibleRound,
  type RoundRow,
  type StoredRosterOffice,
  type SubmissionRow,
} from '../store.js';
import { createUser, resetUserPassword } from './users.js';

export const listRounds: Handler = async (call) => {
  const user = userOf(call);
  const rows =
    user.role === 'office'
      ? await call.ctx.db.query<RoundRow>(`${ROUND_SELECT} WHERE r.roster @> $1::jsonb ORDER BY r.id DESC`, [
          JSON.stringify([{ office: user.office }]),
        ])
      : await call.ctx.db.query<RoundRow>(`${ROUND_SELECT} ORDER BY r.id DESC`);
  return rows.map(roundJson);
};

async function roundDetail(call: Call, round: RoundRow) {
  const user = userOf(call);
  const offices =
    user.role === 'office' ? round.roster.filter((o) => o.office === user.office) : round.roster;
  const names = offices.map((o) => o.office);
  const accounts = await call.ctx.db.query<{ office: string; username: string }>(
    'SELECT office, username FROM users WHERE office = ANY($1::text[])',
    [names],
  );
  const latest = await call.ctx.db.query<SubmissionRow>(
    `SELECT DISTINCT ON (s.office) * FROM (${SUBMISSION_SELECT} WHERE s.round_id = $1 AND s.office = ANY($2::text[])) s
      ORDER BY s.office, s.id DESC`,
    [round.id, names],
  );
  const username = new Map(accounts.map((a) => [a.office, a.username]));
  const last = new Map(latest.map((s) => [s.office, submissionJson(s)]));
  return {
    round: roundJson(round),
    offices: offices.map((o) => ({
      ...o,
      username: username.get(o.office) ?? null,
      latest: last.get(o.office) ?? null,
    })),
  };
}

export const getRound: Handler = async (call) =>
  roundDetail(call, await visibleRound(call.ctx, userOf(call), call.ids.roundId));

/** What warming up for a round needs of the server's context. */
export type WarmUpContext = Pick<AppContext, 'db' | 'catalogueUtf8'> & {
  intake: Pick<IntakeChecker, 'warmUpFor'>;
};

/**
 * Warm the checking threads up for a round's uploads (intake-warm-up.ts): a round is created, or the
 * server started, before its offices upload, and a warm-up with the round's own catalogue takes the
 * reader and the check through what its workbooks hold, which the made-up one does not. Measured on
 * bench/server.ts, first burst after start: server CPU per upload 17.6–19.0 ms (mean 18.2, four runs)
 * with it, 18.7–20.2 ms (mean 19.2, four runs) without; the runs vary by about 1 ms among themselves.
 */
export async function warmUpForRound(
  ctx: WarmUpContext,
  round: { catalogueId: number; period: string; office: string },
): Promise<void> {
  await ctx.intake.warmUpFor({ ...round, catalogueUtf8: await ctx.catalogueUtf8(round.catalogueId) });
}

/** The warm-up for the latest round at start (none before the first round is created). */
export async function warmUpForLatestRound(ctx: WarmUpContext): Promise<void> {
  const [latest] = await ctx.db.query<{ catalogue_id: number; period: string; office: string | null }>(
    `SELECT catalogue_id, period, roster->0->>'office' AS office FROM rounds ORDER BY id DESC LIMIT 1`,
  );
  if (!latest?.office) return;
  await warmUpForRound(ctx, {
    catalogueId: latest.catalogue_id,
    period: latest.period,
    office: latest.office,
  });
}

export const createRound: Handler = async (call) => {
  const { ctx, req } = call;
  const b = call.body as z.infer<typeof S.NewRoundBody>;
  await ctx.catalogue(b.catalogueId);
  const roster = parseRoster(b.rosterCsv, '报送单位名单');
  if (roster.offices.length === 0) throw badRequest('名单中没有任何单位', 'empty-roster');
  const offices: StoredRosterOffice[] = roster.offices.map((o) => ({
    office: o.office,
    level: o.level,
    contact: o.contact,
    phone: o.phone,
    documents: o.documents,
    units: o.units,
  }));
  const userId = userOf(call).id;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO rounds (name, catalogue_id, period, deadline, roster, roster_csv, allocation, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        b.name,
        b.catalogueId,
        b.period,
        b.deadline ?? null,
        JSON.stringify(offices),
        b.rosterCsv,
        b.allocation === undefined ? null : JSON.stringify(b.allocation),
        userId,
      ],
    );
    await ctx.audit(
      {
        userId,
        action: 'round-created',
        object: `round:${row.id}`,
        detail: {
          name: b.name,
          period: b.period,
          offices: offices.length,
          rosterNotes: roster.problems.map((p) => p.message),
        },
        remoteAddr: req.ip,
      },
      tx,
    );
    return row.id;
  });
  // Started, not awaited: a warm-up that fails leaves the first uploads slower, nothing else.
  warmUpForRound(ctx, { catalogueId: b.catalogueId, period: b.period, office: offices[0].office }).catch(
    () => undefined,
  );
  return roundDetail(call, await visibleRound(ctx, userOf(call), id));
};

export const issueAccounts: Handler = async (call) => {
  const { ctx, req } = call;
  const round = await visibleRound(ctx, userOf(call), call.ids.roundId);
  const reset = (call.body as z.infer<typeof S.AccountsBody>).reset === true;
  const rows: { office: string; username: string; password: string | null }[] = [];
  for (const o of round.roster) {
    const existing = await ctx.db.query<{ id: number; username: string }>(
      'SELECT id, username FROM users WHERE office = $1',
      [o.office],
    );
    if (existing[0]) {
      const password = reset ? (await resetUserPassword(ctx, existing[0].id)).password : null;
      rows.push({ office: o.office, username: existing[0].username, password });
    } else {
      // The office's name is its username: what the office already knows, unique by the roster.
      const created = await createUser(ctx.db, {
        username: o.office,
        displayName: o.office,
        role: 'office',
        office: o.office,
      });
      rows.push({ office: o.office, username: created.user.username, password: created.password });
    }
  }
  await ctx.audit({
    userId: userOf(call).id,
    action: 'accounts-issued',
    object: `round:${round.id}`,
    detail: { issued: rows.filter((r) => r.password).map((r) => r.username), reset },
    remoteAddr: req.ip,
  });
  if (call.query.format !== 'xlsx') return rows;
  const contacts = new Map(round.roster.map((o) => [o.office, o]));
  // Loaded on first use (exceljs, docx…): a server that is not writing files keeps a heap half the
  // size, which every full garbage collection walks while offices upload.
  const { writeAccountsWorkbook } = await import('../../xlsx/accounts-workbook.js');
  const bytes = await writeAccountsWorkbook(
    rows.map((r) => ({
      ...r,
      contact: contacts.get(r.office)?.contact ?? null,
      phone: contacts.get(r.office)?.phone ?? null,
    })),
    {
      round: round.name,
      signInUrl: ctx.options.publicUrl ?? `${req.protocol}://${req.host}`,
      issuedAt: new Date().toISOString(),
    },
  );
  return new FileBody(bytes, '账号表.xlsx', XLSX_TYPE);
};

export const blankWorkbook: Handler = async (call) => {
  const user = userOf(call);
  const round = await visibleRound(call.ctx, user, call.ids.roundId);
  const name = user.role === 'office' ? user.office : call.query.office;
  if (!name) throw badRequest('请用 ?office= 指定单位', 'office-required');
  const office = round.roster.find((o) => o.office === name);
  if (!office) throw notFound(`本轮名单中的单位“${name}”`);
  const catalogue = await call.ctx.catalogue(round.catalogue_id);
  // With an allocation the office's workbook carries its own targets (applied by the workbook plan).
  const { generateWorkbook } = await import('../../host/generate-workbook.js');
  const bytes = await generateWorkbook(catalogue, office, {
    period: round.period,
    deadline: round.deadline,
    allocation: (round.allocation as Allocation | null) ?? null,
  });
  return new FileBody(bytes, `${office.office}-${round.period}.xlsx`, XLSX_TYPE);
};
