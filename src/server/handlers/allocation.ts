/**
 * A round's allocation (分解下达): the blank 分解表.xlsx for its catalogue and roster, the filled one read
 * back by the figures core (readAllocationWorkbook → parseAllocationGrid) and stored with the round, so
 * each office's workbook and the add-in's 拉取指标 carry the office's own targets. A file with any problem
 * is refused whole (422 with every problem by sheet and cell); nothing is half-stored.
 */
import type { Allocation, AllocationOffice } from '../../core/allocation/index.js';
import { FileBody, userOf, XLSX_TYPE, type Call, type Handler } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { DEFAULT_MAX_UNZIPPED } from '../limits.js';
import { visibleRound, type RoundRow } from '../store.js';
import { checkZipLimits, readUpload } from '../uploads.js';

const ROSTER_NAME = '本轮名单';

function offices(round: RoundRow): AllocationOffice[] {
  return round.roster.map((o) => ({ office: o.office, documents: o.documents, units: o.units }));
}

/** What the round page shows of a stored allocation. */
function allocationJson(allocation: Allocation | null) {
  if (!allocation) return { allocation: null, targets: 0, shares: 0 };
  return {
    allocation,
    targets: allocation.targets.length,
    shares: allocation.targets.reduce((n, t) => n + t.shares.length, 0),
  };
}

export const getAllocation: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  return allocationJson((round.allocation as Allocation | null) ?? null);
};

export const allocationTemplate: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const catalogue = await call.ctx.catalogue(round.catalogue_id);
  // Loaded on first use (exceljs, docx…): a server that is not writing files keeps a heap half the
  // size, which every full garbage collection walks while offices upload.
  const { writeAllocationTemplate } = await import('../../xlsx/allocation-workbook.js');
  const bytes = await writeAllocationTemplate(catalogue, offices(round), {
    generatedAt: new Date().toISOString(),
    allocation: (round.allocation as Allocation | null) ?? null,
  });
  return new FileBody(bytes, `分解表-${round.name}.xlsx`, XLSX_TYPE);
};

async function storeAllocation(call: Call, round: RoundRow, allocation: Allocation | null, detail: object) {
  await call.ctx.db.transaction(async (tx) => {
    await tx.query('UPDATE rounds SET allocation = $1 WHERE id = $2', [
      allocation === null ? null : JSON.stringify(allocation),
      round.id,
    ]);
    await call.ctx.audit(
      {
        userId: userOf(call).id,
        action: allocation ? 'allocation-set' : 'allocation-removed',
        object: `round:${round.id}`,
        detail: { ...detail },
        remoteAddr: call.req.ip,
      },
      tx,
    );
  });
}

export const uploadAllocation: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  const upload = await readUpload(call.req);
  const file = upload.files.find((f) => f.field === 'file');
  if (!file) throw badRequest('请在字段 file 中上传填好的分解表（.xlsx）', 'no-file');
  checkZipLimits(file.bytes, file.fileName, {
    maxUnzippedBytes: call.ctx.options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED,
  });
  const catalogue = await call.ctx.catalogue(round.catalogue_id);
  const { readAllocationWorkbook } = await import('../../xlsx/allocation-workbook.js');
  const { allocation, problems } = await readAllocationWorkbook(file.bytes, file.fileName, {
    catalogue,
    offices: offices(round),
    rosterFile: ROSTER_NAME,
  });
  if (!allocation) {
    throw new HttpError(
      422,
      'allocation-invalid',
      `分解表 ${file.fileName} 有 ${problems.length} 处错误，未使用（请改正后重新上传）`,
      { problems },
    );
  }
  const answer = allocationJson(allocation);
  await storeAllocation(call, round, allocation, {
    file: file.fileName,
    targets: answer.targets,
    shares: answer.shares,
  });
  return answer;
};

export const removeAllocation: Handler = async (call) => {
  const round = await visibleRound(call.ctx, userOf(call), call.ids.roundId);
  await storeAllocation(call, round, null, {});
  return allocationJson(null);
};
