/**
 * What the server answers, as the pages use it: the shapes of src/server/api/schemas.ts (the contract
 * published at /api/openapi.json). Ids are numbers; times are ISO strings.
 */
import type { Problem } from '../../core/model/submission.js';
import type { RosterOffice, RosterProblem } from '../../core/roster.js';
import type { Allocation } from '../../core/allocation/types.js';

export type { Problem };

export type Role = 'admin' | 'reviewer' | 'office';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The reporting office an office account belongs to; null for the coordinating office. */
  office: string | null;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export interface Round {
  id: number;
  name: string;
  catalogueId: number;
  catalogueVersion: string;
  period: string;
  deadline: string | null;
  createdAt: string;
  offices: number;
}

/** 有错误: an upload the check refused, kept so the coordinating office sees who tried and why; never counted. */
export type SubmissionState = '已报送' | '已退回' | '已采用' | '有错误';

export interface SubmissionSummary {
  id: number;
  roundId: number;
  office: string;
  fileName: string;
  sha256: string;
  size: number;
  state: SubmissionState;
  errors: number;
  warnings: number;
  submittedBy: string;
  submittedAt: string;
  remoteAddr: string | null;
}

export interface OfficeStatus {
  office: string;
  level: string | null;
  contact: string | null;
  phone: string | null;
  documents: string[];
  units: string[];
  username: string | null;
  latest: SubmissionSummary | null;
}

export interface RoundDetail {
  round: Round;
  offices: OfficeStatus[];
}

export interface Comment {
  id: number;
  submissionId: number;
  author: string;
  body: string;
  targetId: string | null;
  createdAt: string;
}

export interface SubmissionDetail {
  submission: SubmissionSummary;
  problems: Problem[];
  entries: Record<string, unknown>[];
  comments: Comment[];
}

export interface IntakeAccepted {
  submission: SubmissionSummary;
  problems: Problem[];
}

/** The body of a refused upload (422 errors, 409 warnings awaiting confirmation). */
export interface IntakeRefusal {
  error: string;
  code: string;
  problems: Problem[];
  needsConfirmation: boolean;
}

export interface CatalogueSummary {
  id: number;
  version: string;
  documents: { id: string; title: string; docNumber: string | null }[];
  targets: number;
  tasks: number;
  createdAt: string;
  warnings?: string[];
}

export interface AccountRow {
  office: string;
  username: string;
  password: string | null;
}

export interface NewRound {
  name: string;
  catalogueId: number;
  period: string;
  deadline: string | null;
  rosterCsv: string;
}

/** The office states of the 报送进度 dashboard. */
export const OFFICE_STATES = ['未报送', '有错误', '已报送', '已退回', '已采用'] as const;
export type OfficeState = (typeof OFFICE_STATES)[number];

/**
 * An office's state from its latest stored submission: none → 未报送; one the check found errors in
 * (stored but not counted) → 有错误; otherwise the review state the server keeps.
 */
export function officeState(latest: SubmissionSummary | null): OfficeState {
  if (!latest) return '未报送';
  if (latest.errors > 0 && latest.state === '已报送') return '有错误';
  return latest.state;
}

export interface CatalogueRevised extends CatalogueSummary {
  previousId: number;
  applied: number;
  roundId: number | null;
}

/** A roster file as the server read it (POST /api/rosters/read). */
export interface RosterRead {
  file: string;
  offices: RosterOffice[];
  problems: RosterProblem[];
  csv: string;
}

/** A round's allocation (分解下达) as the round page shows it. */
export interface RoundAllocation {
  allocation: Allocation | null;
  targets: number;
  shares: number;
}

/** The report laid out by the server for its preview, or why it cannot be. */
export interface ReportPreview {
  available: boolean;
  reason: string | null;
  version: string | null;
  pages: number;
}
