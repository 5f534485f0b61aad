/** The audit log and the add-in's catalogue. */
import { applyAllocation, type Allocation } from '../../core/allocation/index.js';
import { selectForOffice } from '../../core/workbook/build-plan.js';
import { FileBody, userOf, type Handler } from '../context.js';
import { backupDatabase } from '../ops/backup.js';
import { badRequest, notFound } from '../errors.js';
import { ROUND_SELECT, roundJson, visibleRound, type RoundRow } from '../store.js';

interface AuditRow {
  id: number;
  at: Date;
  username: string | null;
  action: string;
  object: string;
  detail: unknown;
  remote_addr: string | null;
}

function intParam(v: string | undefined, name: string, fallback: number, max: number): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,9}$/.test(v)) throw badRequest(`${name} 应为正整数`);
  return Math.min(Number(v), max);
}

export const audit: Handler = async ({ ctx, query }) => {
  const limit = intParam(query.limit, 'limit', 200, 1000);
  const before = intParam(query.before, 'before', 2_147_483_647, 2_147_483_647);
  const rows = await ctx.db.query<AuditRow>(
    `SELECT a.id, a.at, u.username, a.action, a.object, a.detail, a.remote_addr
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2`,
    [before, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.username,
    action: r.action,
    object: r.object,
    detail: r.detail,
    remoteAddr: r.remote_addr,
  }));
};

/** 拉取指标 in the add-in: the catalogue and exactly the targets and tasks of the office's workbook. */
export const addinCatalogue: Handler = async (call) => {
  const user = userOf(call);
  let round: RoundRow;
  if (call.query.roundId !== undefined) {
    round = await visibleRound(call.ctx, user, intParam(call.query.roundId, 'roundId', 0, 2_147_483_647));
  } else {
    const rows =
      user.role === 'office'
        ? await call.ctx.db.query<RoundRow>(
            `${ROUND_SELECT} WHERE r.roster @> $1::jsonb ORDER BY r.id DESC LIMIT 1`,
            [JSON.stringify([{ office: user.office }])],
          )
        : await call.ctx.db.query<RoundRow>(`${ROUND_SELECT} ORDER BY r.id DESC LIMIT 1`);
    if (!rows[0]) throw notFound('本单位的填报轮次');
    round = rows[0];
  }
  const officeName = user.role === 'office' ? user.office! : call.query.office;
  const office = officeName ? round.roster.find((o) => o.office === officeName) : undefined;
  if (officeName && !office) throw notFound(`本轮名单中的单位“${officeName}”`);
  const allocation = (round.allocation as Allocation | null) ?? null;
  // The office's own copy: its allocated targets carry its share, the overall target beside it.
  const stored = await call.ctx.catalogue(round.catalogue_id);
  const catalogue = office ? applyAllocation(stored, allocation, office.office) : stored;
  const selected = selectForOffice(catalogue, {
    documents: office?.documents ?? [],
    units: office?.units ?? [],
  });
  return {
    round: roundJson(round),
    office: office?.office ?? '',
    catalogue,
    targetIds: selected.targets.map((t) => t.id),
    taskIds: selected.tasks.map((t) => t.id),
    allocation,
  };
};

export const backup: Handler = async ({ ctx, req, session }) => {
  const bytes = await backupDatabase(ctx.db);
  await ctx.audit({
    userId: session?.user.id ?? null,
    action: 'backup',
    object: 'database',
    detail: { bytes: bytes.length, local: !session },
    remoteAddr: req.ip,
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return new FileBody(bytes, `luoshi-备份-${stamp}.tar`, 'application/x-tar');
};
