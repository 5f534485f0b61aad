/** What the reporting office's page shows for each of its rounds, loaded in one go. */
import {
  getRound,
  getSubmission,
  listRounds,
  listSubmissions,
  officeState,
  type Comment,
  type OfficeState,
  type Round,
  type SubmissionDetail,
  type SubmissionSummary,
} from './api/index.js';

export interface OfficeRoundView {
  round: Round;
  state: OfficeState;
  /** Newest first. */
  submissions: SubmissionSummary[];
  latest: SubmissionDetail | null;
  /** The coordinating office's comments on this office's submissions (退回 reasons among them), newest first. */
  comments: (Comment & { fileName: string })[];
}

async function viewOf(round: Round): Promise<OfficeRoundView> {
  const [detail, submissions] = await Promise.all([getRound(round.id), listSubmissions(round.id)]);
  const mine = detail.offices[0] ?? null;
  const sorted = [...submissions].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const commented = sorted.filter((s) => s.state === '已退回' || s === sorted[0]).slice(0, 10);
  const details = await Promise.all(commented.map((s) => getSubmission(s.id)));
  const comments = details
    .flatMap((d) => d.comments.map((c) => ({ ...c, fileName: d.submission.fileName })))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    round,
    state: officeState(mine?.latest ?? sorted[0] ?? null),
    submissions: sorted,
    latest: details.find((d) => d.submission.id === sorted[0]?.id) ?? null,
    comments,
  };
}

export async function loadOfficeRounds(): Promise<OfficeRoundView[]> {
  const rounds = await listRounds();
  return Promise.all(rounds.map(viewOf));
}
