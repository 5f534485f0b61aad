/** Every endpoint the pages call, in one module, so the contract with the server is read in one place. */
import { ApiError, download, getJson, getBlob, sendJson, setCsrfToken, upload } from './http.js';
import type { Catalogue } from '../../core/model/catalogue.js';
import type { CorrectionInput } from '../../core/catalogue/correction-form.js';
import type { Comparison } from '../../core/review/compare.js';
import type { ConsolidationResult } from '../../core/review/consolidate.js';
import type {
  AccountRow,
  CatalogueRevised,
  CatalogueSummary,
  IntakeAccepted,
  IntakeRefusal,
  NewRound,
  Round,
  RoundDetail,
  RosterRead,
  RoundAllocation,
  ReportPreview,
  SessionInfo,
  SubmissionDetail,
  SubmissionSummary,
  User,
} from './types.js';

export * from './types.js';
export { ApiError, onUnauthorised, saveBlob } from './http.js';

const enc = encodeURIComponent;

async function session(info: Promise<SessionInfo>): Promise<User> {
  const s = await info;
  setCsrfToken(s.csrfToken);
  return s.user;
}

export const signIn = (username: string, password: string): Promise<User> =>
  session(sendJson('POST', '/api/session', { username, password }));
export const currentUser = (): Promise<User> => session(getJson('/api/session'));
export async function signOut(): Promise<void> {
  await sendJson<void>('DELETE', '/api/session');
  setCsrfToken(null);
}
export const changePassword = (oldPassword: string, newPassword: string): Promise<void> =>
  sendJson('POST', '/api/session/password', { oldPassword, newPassword });

export const listCatalogues = (): Promise<CatalogueSummary[]> => getJson('/api/catalogues');
export const uploadCatalogue = (files: File[]): Promise<CatalogueSummary> =>
  upload('/api/catalogues', files, 'files');

export const getCatalogue = (id: number): Promise<Catalogue> => getJson(`/api/catalogues/${id}`);
/** Save corrections as a new catalogue version; with roundId the round (without submissions) moves onto it. */
export const correctCatalogue = (
  id: number,
  corrections: CorrectionInput[],
  roundId?: number,
): Promise<CatalogueRevised> =>
  sendJson('POST', `/api/catalogues/${id}/corrections`, { corrections, roundId });

/** A roster file (.xlsx or .csv) read by the server with the core's roster rules. */
export const readRosterFile = (file: File): Promise<RosterRead> =>
  upload('/api/rosters/read', [file], 'file');

export const listRounds = (): Promise<Round[]> => getJson('/api/rounds');
export const getRound = (id: number): Promise<RoundDetail> => getJson(`/api/rounds/${id}`);
export const createRound = (round: NewRound): Promise<RoundDetail> => sendJson('POST', '/api/rounds', round);
export const issueAccounts = (roundId: number, reset = false): Promise<AccountRow[]> =>
  sendJson('POST', `/api/rounds/${roundId}/accounts`, { reset });
export const downloadAccounts = (roundId: number, reset = false): Promise<void> =>
  download(`/api/rounds/${roundId}/accounts?format=xlsx`, '账号表.xlsx', { reset });

/** An office's blank workbook; an office account gets its own, staff name the office. */
export const workbookUrl = (roundId: number, office: string | null): string =>
  `/api/rounds/${roundId}/workbook${office ? `?office=${enc(office)}` : ''}`;
export const downloadWorkbook = (roundId: number, office: string | null): Promise<void> =>
  download(workbookUrl(roundId, office), `${office ?? '填报表'}.xlsx`);
export const fetchWorkbook = (roundId: number, office: string): Promise<Blob> =>
  getBlob(workbookUrl(roundId, office));

export const getAllocation = (roundId: number): Promise<RoundAllocation> =>
  getJson(`/api/rounds/${roundId}/allocation`);
export const downloadAllocationTemplate = (roundId: number): Promise<void> =>
  download(`/api/rounds/${roundId}/allocation/template`, '分解表.xlsx');
/** Store a filled 分解表; a refusal (422) carries every problem by sheet and cell in ApiError.body. */
export const uploadAllocation = (roundId: number, file: File): Promise<RoundAllocation> =>
  upload(`/api/rounds/${roundId}/allocation`, [file], 'file');
export const removeAllocation = (roundId: number): Promise<RoundAllocation> =>
  sendJson('DELETE', `/api/rounds/${roundId}/allocation`);

export const listSubmissions = (roundId: number): Promise<SubmissionSummary[]> =>
  getJson(`/api/rounds/${roundId}/submissions`);
export const getSubmission = (id: number): Promise<SubmissionDetail> => getJson(`/api/submissions/${id}`);
export const downloadSubmissionFile = (id: number, name: string): Promise<void> =>
  download(`/api/submissions/${id}/file`, name);
export const compareSubmissions = (after: number, before: number): Promise<Comparison> =>
  getJson(`/api/submissions/${after}/compare?with=${before}`);
export const returnSubmission = (id: number, comment: string): Promise<SubmissionSummary> =>
  sendJson('POST', `/api/submissions/${id}/return`, { comment });
export const acceptSubmission = (id: number, comment?: string): Promise<SubmissionSummary> =>
  sendJson('POST', `/api/submissions/${id}/accept`, comment ? { comment } : {});

export type UploadOutcome =
  { kind: 'accepted'; result: IntakeAccepted } | { kind: 'refused'; refusal: IntakeRefusal; status: number };

/** Upload a filled workbook; a refusal with problems (422 errors, 409 warnings) is an outcome, not a failure. */
export async function uploadSubmission(roundId: number, file: File, confirm = false): Promise<UploadOutcome> {
  try {
    const result = await upload<IntakeAccepted>(`/api/rounds/${roundId}/submissions`, [file], 'file', {
      confirm: confirm ? 'true' : 'false',
    });
    return { kind: 'accepted', result };
  } catch (e) {
    if (e instanceof ApiError && isRefusal(e.body))
      return { kind: 'refused', refusal: e.body, status: e.status };
    throw e;
  }
}

function isRefusal(body: unknown): body is IntakeRefusal {
  return typeof body === 'object' && body !== null && Array.isArray((body as IntakeRefusal).problems);
}

export const getConsolidation = (roundId: number): Promise<ConsolidationResult> =>
  getJson(`/api/rounds/${roundId}/consolidation`);
export const downloadConsolidation = (roundId: number): Promise<void> =>
  download(`/api/rounds/${roundId}/consolidation?format=xlsx`, '汇总.xlsx');
export const getReportSettings = (roundId: number): Promise<{ settings: Record<string, unknown> }> =>
  getJson(`/api/rounds/${roundId}/report-settings`);
/** Store report.json's fields for the round; a setting the report cannot use is refused in Chinese (422). */
export const saveReportSettings = (
  roundId: number,
  settings: Record<string, unknown>,
): Promise<{ settings: Record<string, unknown> }> =>
  sendJson('PUT', `/api/rounds/${roundId}/report-settings`, { settings });
const officeQuery = (office: string | null, sep = '?'): string =>
  office ? `${sep}office=${enc(office)}` : '';
export const previewReport = (roundId: number, office: string | null): Promise<ReportPreview> =>
  getJson(`/api/rounds/${roundId}/report/preview${officeQuery(office)}`);
/** A laid-out page as an image URL (the version keeps the browser from showing an older rendering). */
export const previewPageUrl = (
  roundId: number,
  office: string | null,
  page: number,
  version: string | null,
) => `/api/rounds/${roundId}/report/preview/${page}?v=${enc(version ?? '')}${officeQuery(office, '&')}`;
export const downloadReportPdf = (roundId: number, office: string | null): Promise<void> =>
  download(`/api/rounds/${roundId}/report/pdf${officeQuery(office)}`, '落实情况报告.pdf');
export const downloadReport = (roundId: number, office: string | null): Promise<void> =>
  download(`/api/rounds/${roundId}/report${office ? `?office=${enc(office)}` : ''}`, '落实情况报告.docx');
