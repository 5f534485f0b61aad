/** operationId → handler. A route of the table without an entry here answers 501. */
import type { LoginThrottle } from '../auth.js';
import type { Handler } from '../context.js';
import { changePassword, currentSession, health, login, logout } from './session.js';
import { createStaff, listUsers, resetPassword } from './users.js';
import { createCatalogue, getCatalogue, listCatalogues } from './catalogues.js';
import { blankWorkbook, createRound, getRound, issueAccounts, listRounds } from './rounds.js';
import {
  acceptSubmission,
  addComment,
  compareSubmission,
  getSubmission,
  listSubmissions,
  returnSubmission,
  submissionFile,
  submit,
} from './submissions.js';
import { consolidation, roundReport } from './reports.js';
import { addinCatalogue, audit, backup } from './ops.js';
import { correctCatalogue } from './catalogue-edit.js';
import { readRosterFile } from './roster-file.js';
import {
  getReportSettings,
  putReportSettings,
  reportPdf,
  reportPreview,
  reportPreviewPage,
} from './report-settings.js';
import { allocationTemplate, getAllocation, removeAllocation, uploadAllocation } from './allocation.js';

export function handlers(throttle: LoginThrottle): Record<string, Handler> {
  return {
    health,
    login: login(throttle),
    currentSession,
    logout,
    changePassword,
    listUsers,
    createStaff,
    resetPassword,
    listCatalogues,
    createCatalogue,
    getCatalogue,
    correctCatalogue,
    listRounds,
    createRound,
    getRound,
    readRosterFile,
    getAllocation,
    allocationTemplate,
    uploadAllocation,
    removeAllocation,
    issueAccounts,
    blankWorkbook,
    submit,
    listSubmissions,
    getSubmission,
    submissionFile,
    compareSubmission,
    returnSubmission,
    acceptSubmission,
    addComment,
    consolidation,
    roundReport,
    getReportSettings,
    putReportSettings,
    reportPreview,
    reportPreviewPage,
    reportPdf,
    audit,
    addinCatalogue,
    backup,
  };
}
