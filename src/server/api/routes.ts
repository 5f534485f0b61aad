/**
 * The API's route table: one entry per endpoint, with who may call it and its request and response
 * shapes. The app registers exactly these routes (src/server/app.ts) and /api/openapi.json is generated
 * from them (./openapi.ts), so the published contract is the code's own.
 */
import type { z } from 'zod';
import * as S from './schemas.js';
import * as W from './web-schemas.js';

/** public: no session; session: any signed-in user; staff: 管理员 or 审核员; admin: 管理员 only. */
export type Access = 'public' | 'session' | 'staff' | 'admin';

export type FileKind = 'xlsx' | 'docx' | 'tar' | 'xml' | 'pdf' | 'png';

export interface RouteSpec {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path syntax (/api/rounds/:id). */
  url: string;
  access: Access;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** multipart/form-data fields instead of a JSON body. */
  multipart?: Record<string, { description: string; file?: boolean; required?: boolean }>;
  query?: Record<string, string>;
  /** JSON response of the success status. */
  response?: z.ZodType;
  /** A file instead of JSON. */
  file?: FileKind;
  status?: 200 | 201 | 204;
  /** Other statuses this route answers with, besides 400/401/403/404 (always possible). */
  errors?: number[];
}

export const ROUTES: readonly RouteSpec[] = [
  {
    operationId: 'health',
    method: 'GET',
    url: '/api/health',
    access: 'public',
    tag: '运维',
    summary: 'Liveness and database check (no session needed)',
    response: S.Health,
  },
  {
    operationId: 'login',
    method: 'POST',
    url: '/api/session',
    access: 'public',
    tag: '登录',
    summary: 'Sign in; sets the HttpOnly session cookie and returns the CSRF token',
    body: S.LoginBody,
    response: S.SessionInfo,
    errors: [429],
  },
  {
    operationId: 'currentSession',
    method: 'GET',
    url: '/api/session',
    access: 'session',
    tag: '登录',
    summary: 'The signed-in user and the CSRF token',
    response: S.SessionInfo,
  },
  {
    operationId: 'logout',
    method: 'DELETE',
    url: '/api/session',
    access: 'session',
    tag: '登录',
    summary: 'Sign out (ends the session; no CSRF token needed, signing out only lowers privileges)',
    status: 204,
  },
  {
    operationId: 'changePassword',
    method: 'POST',
    url: '/api/session/password',
    access: 'session',
    tag: '登录',
    summary:
      'Change the own password (required after signing in with a one-time password); other sessions end, this one gets a new CSRF token',
    body: S.PasswordBody,
    response: S.SessionInfo,
  },
  {
    operationId: 'listUsers',
    method: 'GET',
    url: '/api/users',
    access: 'admin',
    tag: '账号',
    summary: 'All accounts',
    response: S.User.array(),
  },
  {
    operationId: 'createStaff',
    method: 'POST',
    url: '/api/users',
    access: 'admin',
    tag: '账号',
    summary: 'Create a 管理员 or 审核员 account with a one-time password',
    body: S.NewStaffBody,
    response: S.NewPassword,
    status: 201,
    errors: [409],
  },
  {
    operationId: 'resetPassword',
    method: 'POST',
    url: '/api/users/:userId/password',
    access: 'admin',
    tag: '账号',
    summary: 'Issue a new one-time password for an account',
    response: S.NewPassword,
  },
  {
    operationId: 'listCatalogues',
    method: 'GET',
    url: '/api/catalogues',
    access: 'staff',
    tag: '指标目录',
    summary: 'Stored catalogue versions',
    response: S.CatalogueSummary.array(),
  },
  {
    operationId: 'createCatalogue',
    method: 'POST',
    url: '/api/catalogues',
    access: 'admin',
    tag: '指标目录',
    summary:
      'Store a catalogue: policy texts (built with the same core as luoshi catalogue build) or a catalogue.json',
    multipart: {
      files: {
        description: '政策文件 .txt（可多个，同名字段重复）或一个 catalogue.json',
        file: true,
        required: true,
      },
    },
    response: S.CatalogueCreated,
    status: 201,
    errors: [413, 422],
  },
  {
    operationId: 'getCatalogue',
    method: 'GET',
    url: '/api/catalogues/:catalogueId',
    access: 'staff',
    tag: '指标目录',
    summary: 'One catalogue version as catalogue.json',
  },
  {
    operationId: 'correctCatalogue',
    method: 'POST',
    url: '/api/catalogues/:catalogueId/corrections',
    access: 'staff',
    tag: '指标目录',
    summary:
      'Correct targets (the 目录审核 rules): stores a new catalogue version, never overwriting; optionally moves a round without submissions onto it',
    body: W.CatalogueCorrectionsBody,
    response: W.CatalogueRevised,
    status: 201,
    errors: [409, 422],
  },
  {
    operationId: 'listRounds',
    method: 'GET',
    url: '/api/rounds',
    access: 'session',
    tag: '填报轮次',
    summary: 'Rounds (an office sees only the rounds whose roster names it)',
    response: S.Round.array(),
  },
  {
    operationId: 'createRound',
    method: 'POST',
    url: '/api/rounds',
    access: 'admin',
    tag: '填报轮次',
    summary: 'Create a 填报轮次 from a stored catalogue and a roster CSV',
    body: S.NewRoundBody,
    response: S.RoundDetail,
    status: 201,
    errors: [422],
  },
  {
    operationId: 'readRosterFile',
    method: 'POST',
    url: '/api/rosters/read',
    access: 'admin',
    tag: '填报轮次',
    summary:
      'Read a roster file (.csv, or .xlsx through the grid reader) by the core roster rules: offices, row problems and the CSV to create a round with',
    multipart: { file: { description: '报送单位名单 .xlsx 或 .csv', file: true, required: true } },
    response: W.RosterRead,
    errors: [413, 422],
  },
  {
    operationId: 'getRound',
    method: 'GET',
    url: '/api/rounds/:roundId',
    access: 'session',
    tag: '填报轮次',
    summary:
      'A round with each office’s contact, account and latest submission (an office: its own row only)',
    response: S.RoundDetail,
  },
  {
    operationId: 'issueAccounts',
    method: 'POST',
    url: '/api/rounds/:roundId/accounts',
    access: 'admin',
    tag: '填报轮次',
    summary:
      'Create an account for every roster office that has none (reset=true: new passwords for all); ?format=xlsx answers 账号表.xlsx',
    body: S.AccountsBody,
    query: { format: 'json（默认）或 xlsx' },
    response: S.AccountRow.array(),
    file: 'xlsx',
  },
  {
    operationId: 'blankWorkbook',
    method: 'GET',
    url: '/api/rounds/:roundId/workbook',
    access: 'session',
    tag: '填报轮次',
    summary: 'The blank 填报表 of an office for this round (an office: its own; staff: ?office=)',
    query: { office: '单位名称（管理员、审核员必填）' },
    file: 'xlsx',
  },
  {
    operationId: 'getAllocation',
    method: 'GET',
    url: '/api/rounds/:roundId/allocation',
    access: 'staff',
    tag: '填报轮次',
    summary: 'The round’s allocation (分解下达), or null',
    response: W.RoundAllocation,
  },
  {
    operationId: 'allocationTemplate',
    method: 'GET',
    url: '/api/rounds/:roundId/allocation/template',
    access: 'staff',
    tag: '填报轮次',
    summary:
      'The 分解表.xlsx template for the round’s catalogue and roster (filled with the stored allocation, if any)',
    file: 'xlsx',
  },
  {
    operationId: 'uploadAllocation',
    method: 'POST',
    url: '/api/rounds/:roundId/allocation',
    access: 'admin',
    tag: '填报轮次',
    summary:
      'Store the filled 分解表: each office’s workbook and 拉取指标 then carry its own targets; any problem → 422 with every problem by sheet and cell',
    multipart: { file: { description: '填好的分解表 .xlsx', file: true, required: true } },
    response: W.RoundAllocation,
    errors: [413, 422],
  },
  {
    operationId: 'removeAllocation',
    method: 'DELETE',
    url: '/api/rounds/:roundId/allocation',
    access: 'admin',
    tag: '填报轮次',
    summary: 'Remove the round’s allocation (offices get the overall targets again)',
    response: W.RoundAllocation,
  },
  {
    operationId: 'submit',
    method: 'POST',
    url: '/api/rounds/:roundId/submissions',
    access: 'session',
    tag: '报送',
    summary:
      'Upload a filled 填报表: checked at once; errors → 422, warnings without confirm → 409 needsConfirmation; accepted → 201',
    multipart: {
      file: { description: '填好的 .xlsx 填报表', file: true, required: true },
      confirm: { description: '"true"：已看过警告，确认报送' },
    },
    response: S.IntakeAccepted,
    status: 201,
    errors: [409, 413, 422],
  },
  {
    operationId: 'listSubmissions',
    method: 'GET',
    url: '/api/rounds/:roundId/submissions',
    access: 'session',
    tag: '报送',
    summary: 'Every submission of the round, newest first (an office: its own only)',
    response: S.SubmissionSummary.array(),
  },
  {
    operationId: 'getSubmission',
    method: 'GET',
    url: '/api/submissions/:submissionId',
    access: 'session',
    tag: '报送',
    summary: 'One submission: problems by sheet and cell, entries, review comments',
    response: S.SubmissionDetail,
  },
  {
    operationId: 'submissionFile',
    method: 'GET',
    url: '/api/submissions/:submissionId/file',
    access: 'session',
    tag: '报送',
    summary: 'The uploaded file, byte for byte',
    file: 'xlsx',
  },
  {
    operationId: 'compareSubmission',
    method: 'GET',
    url: '/api/submissions/:submissionId/compare',
    access: 'session',
    tag: '审核',
    summary: 'Changes against the office’s previous submission in the round (?with=ID for another one)',
    query: { with: '对比的另一份报送 id（默认为上一份）' },
  },
  {
    operationId: 'returnSubmission',
    method: 'POST',
    url: '/api/submissions/:submissionId/return',
    access: 'staff',
    tag: '审核',
    summary: 'Return a submission to its office (state 已退回) with a reason',
    body: S.ReturnBody,
    response: S.SubmissionSummary,
    errors: [409],
  },
  {
    operationId: 'acceptSubmission',
    method: 'POST',
    url: '/api/submissions/:submissionId/accept',
    access: 'staff',
    tag: '审核',
    summary: 'Accept a submission (state 已采用)',
    body: S.ReviewBody,
    response: S.SubmissionSummary,
    errors: [409],
  },
  {
    operationId: 'addComment',
    method: 'POST',
    url: '/api/submissions/:submissionId/comments',
    access: 'session',
    tag: '审核',
    summary: 'Add a review comment (optionally on one target)',
    body: S.CommentBody,
    response: S.Comment,
    status: 201,
  },
  {
    operationId: 'consolidation',
    method: 'GET',
    url: '/api/rounds/:roundId/consolidation',
    access: 'staff',
    tag: '汇总与报告',
    summary:
      'Consolidation of the counted submissions (latest not returned per office), as luoshi consolidate --json; ?format=xlsx answers 汇总.xlsx',
    query: { format: 'json（默认）或 xlsx' },
    file: 'xlsx',
  },
  {
    operationId: 'roundReport',
    method: 'GET',
    url: '/api/rounds/:roundId/report',
    access: 'staff',
    tag: '汇总与报告',
    summary: '汇总报告 (.docx) of the counted submissions; ?office= gives that office’s 单位报告',
    query: { office: '单位名称：生成该单位的单位报告' },
    file: 'docx',
    errors: [409],
  },
  {
    operationId: 'getReportSettings',
    method: 'GET',
    url: '/api/rounds/:roundId/report-settings',
    access: 'staff',
    tag: '汇总与报告',
    summary: 'The round’s report settings (report.json fields; {} = defaults)',
    response: W.ReportSettingsAnswer,
  },
  {
    operationId: 'putReportSettings',
    method: 'PUT',
    url: '/api/rounds/:roundId/report-settings',
    access: 'staff',
    tag: '汇总与报告',
    summary:
      'Store the round’s report settings, checked by the report core’s report.json reader (422 with its Chinese message)',
    body: W.ReportSettingsBody,
    response: W.ReportSettingsAnswer,
    errors: [422],
  },
  {
    operationId: 'reportPreview',
    method: 'GET',
    url: '/api/rounds/:roundId/report/preview',
    access: 'staff',
    tag: '汇总与报告',
    summary:
      'Lay the report out (LibreOffice → PDF → PNG pages, cached per report version): page count, or why the server cannot',
    query: { office: '单位名称：预览该单位的单位报告' },
    response: W.ReportPreview,
    errors: [409],
  },
  {
    operationId: 'reportPreviewPage',
    method: 'GET',
    url: '/api/rounds/:roundId/report/preview/:page',
    access: 'staff',
    tag: '汇总与报告',
    summary: 'One page of the laid-out report as PNG',
    query: { office: '单位名称：该单位的单位报告', v: '报告版本（只用于浏览器缓存）' },
    file: 'png',
    errors: [409],
  },
  {
    operationId: 'reportPdf',
    method: 'GET',
    url: '/api/rounds/:roundId/report/pdf',
    access: 'staff',
    tag: '汇总与报告',
    summary: 'The report as PDF (LibreOffice on the server; 409 with the reason when it is not installed)',
    query: { office: '单位名称：该单位的单位报告' },
    file: 'pdf',
    errors: [409],
  },
  {
    operationId: 'audit',
    method: 'GET',
    url: '/api/audit',
    access: 'admin',
    tag: '运维',
    summary: 'The audit log, newest first (?limit=, ?before=id)',
    query: { limit: '条数（默认 200，最多 1000）', before: '只列出 id 小于此值的记录' },
    response: S.AuditEntry.array(),
  },
  {
    operationId: 'backup',
    method: 'GET',
    url: '/api/backup',
    access: 'admin',
    tag: '运维',
    summary: 'A consistent backup of the whole database as a .tar (what luoshi serve backup writes)',
    file: 'tar',
  },
  {
    operationId: 'addinCatalogue',
    method: 'GET',
    url: '/api/addin/catalogue',
    access: 'session',
    tag: '加载项',
    summary:
      'For the add-in’s 拉取指标: the catalogue and the office’s own targets for its current round (?roundId= to choose)',
    query: { roundId: '轮次 id（默认：本单位最近的轮次）' },
    response: S.AddinCatalogue,
  },
];
