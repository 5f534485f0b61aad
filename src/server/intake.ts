/**
 * Intake of one uploaded workbook: limits, then the same reading and checking as `luoshi check` against
 * the round's catalogue, then the round's own rules (whose workbook, which period, which catalogue
 * version). Pure decisions over the core's Submission; storing is the handler's job.
 */
import type { Catalogue } from '../core/model/catalogue.js';
import type { Problem, Submission } from '../core/model/submission.js';
import { isLuoshiError } from '../core/errors.js';
import { readSubmission } from '../core/workbook/read.js';
import { readWorkbookGrid } from '../xlsx/read-grid.js';
import type { SessionUser } from './context.js';
import { HttpError } from './errors.js';
import type { UploadRound } from './store.js';
import { checkZipLimits } from './uploads.js';
import { unreadableProblem } from '../core/workbook/unreadable.js';
import { latin1Text, zlibInflateRaw } from './inflate.js';

/** What the round's rules (judgeSubmission) need of a read submission. */
export type SubmissionHead = Pick<Submission, 'office' | 'period' | 'catalogueVersion' | 'problems'>;

export function problemJson(p: Problem) {
  return {
    severity: p.severity,
    sheet: p.sheet,
    cell: p.cell,
    targetId: p.targetId,
    message: p.message,
    code: p.code,
  };
}

function refuse(
  status: number,
  code: string,
  message: string,
  problems: Problem[] = [],
  needsConfirmation = false,
) {
  return new HttpError(status, code, message, { problems: problems.map(problemJson), needsConfirmation });
}

/** Read and check the bytes; an unreadable file is a 422 with the reader's Chinese message. */
export async function checkWorkbook(
  bytes: Uint8Array,
  fileName: string,
  catalogue: Catalogue,
  maxUnzippedBytes: number,
): Promise<Submission> {
  checkZipLimits(bytes, fileName, { maxUnzippedBytes });
  try {
    const grid = await readWorkbookGrid(bytes, fileName, {
      inflateRaw: zlibInflateRaw,
      decodeLatin1: latin1Text,
    });
    return readSubmission(grid, { source: fileName, catalogue });
  } catch (e) {
    if (isLuoshiError(e)) throw refuse(422, 'not-a-workbook', e.message);
    throw e;
  }
}

/**
 * Whether the submission belongs in this round from this user; throws the refusal otherwise. Errors
 * refuse (422); warnings need `confirmed` (409 until then).
 */
export function judgeSubmission(
  s: SubmissionHead,
  round: UploadRound,
  catalogue: Catalogue,
  user: SessionUser,
  confirmed: boolean,
): void {
  const office = s.office.trim();
  const errors = s.problems.filter((p) => p.severity === 'error');
  if (unreadableProblem(s)) throw refuse(422, 'check-errors', errors[0].message, s.problems);
  if (user.role === 'office' && office !== user.office) {
    throw refuse(
      403,
      'wrong-office',
      `此填报表属于“${office || '（未知单位）'}”，不能以“${user.office}”的账号报送`,
    );
  }
  if (!round.roster.some((o) => o.office === office)) {
    throw refuse(
      422,
      'not-in-roster',
      `“${office || '（未知单位）'}”不在本轮（${round.name}）的报送单位名单中`,
    );
  }
  if (s.period.trim() !== round.period) {
    throw refuse(
      409,
      'wrong-round',
      `此填报表的填报期间是“${s.period || '（未知）'}”，本轮（${round.name}）是“${round.period}”，请下载本轮的填报表填写`,
    );
  }
  if (s.catalogueVersion !== catalogue.version) {
    throw refuse(
      409,
      'outdated-catalogue',
      `此填报表按目录版本 ${s.catalogueVersion || '（未知）'} 生成，本轮使用 ${catalogue.version}；请下载本轮的填报表，或用 luoshi workbook --upgrade 转换后再报送`,
    );
  }
  if (errors.length) {
    throw refuse(
      422,
      'check-errors',
      `填报表有 ${errors.length} 处错误，未报送；请按清单改正后重新上传`,
      s.problems,
    );
  }
  const warnings = s.problems.length;
  if (warnings && !confirmed) {
    throw refuse(
      409,
      'needs-confirmation',
      `填报表有 ${warnings} 条警告，请逐条确认后再报送`,
      s.problems,
      true,
    );
  }
}
